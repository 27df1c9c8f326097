"""The one list of accessibility findings Onward knows about and has explained (a11y-exceptions.yml).

Every checker's test keeps a finding only when no entry here explains it, and fails when an
entry explains nothing any more, so the list never outlives what it describes.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from onward.yamlsource import load_yaml

EXCEPTIONS_FILE = Path(__file__).with_name("a11y-exceptions.yml")
CHECKERS = ("htmlcs", "axe", "nu", "walk", "reflow")
FIELDS = {"checker", "rule", "pages", "match", "reason", "until"}


@dataclass(frozen=True)
class Finding:
    """One thing a checker reported: which checker, its rule, the page, and what it said."""

    checker: str
    rule: str
    page: str
    text: str  # the message, the element's selector and markup: what `match` looks in

    def __str__(self) -> str:
        return f"{self.checker} {self.rule} on {self.page}: {' '.join(self.text.split())[:300]}"


@dataclass(frozen=True)
class KnownFinding:
    """An entry of the list: the findings it covers, and why they are not a barrier."""

    checker: str
    rule: str
    pages: tuple[str, ...]
    match: str
    reason: str
    until: str
    line: int | None

    def explains(self, finding: Finding) -> bool:
        return (
            finding.checker == self.checker
            # Nu has no codes: its rule is the start of its message.
            and (finding.rule == self.rule or (self.checker == "nu" and finding.rule.startswith(self.rule)))
            and any(fnmatch(finding.page, pattern) for pattern in self.pages)
            and self.match in finding.text
        )

    def __str__(self) -> str:
        return f"{EXCEPTIONS_FILE.name}:{self.line}: {self.checker} {self.rule} ({self.match or 'any element'})"


def load_exceptions(file: Path = EXCEPTIONS_FILE) -> list[KnownFinding]:
    """Read and check the list; a malformed entry is an error naming its line."""
    doc = load_yaml(file, file.name)
    if not isinstance(doc.data, list):
        raise ValueError(f"{file.name}: expected a list of entries")
    entries, problems = [], []
    for index, entry in enumerate(doc.data):
        where = f"{file.name}:{doc.line_of((index,))}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: an entry is a mapping of {sorted(FIELDS)}")
            continue
        if unknown := set(entry) - FIELDS:
            problems.append(f"{where}: unknown field(s) {sorted(unknown)}; the fields are {sorted(FIELDS)}")
        if entry.get("checker") not in CHECKERS:
            problems.append(f"{where}: checker must be one of {list(CHECKERS)}, not {entry.get('checker')!r}")
        for required in ("rule", "reason"):
            if not str(entry.get(required) or "").strip():
                problems.append(f"{where}: {required} is required (say why it is not a barrier)")
        pages = entry.get("pages", ["*"])
        entries.append(KnownFinding(
            checker=str(entry.get("checker")),
            rule=str(entry.get("rule")),
            pages=tuple(pages if isinstance(pages, list) else [pages]),
            match=str(entry.get("match") or ""),
            reason=" ".join(str(entry.get("reason") or "").split()),
            until=str(entry.get("until") or ""),
            line=doc.line_of((index,)),
        ))
    if problems:
        raise ValueError("\n".join(problems))
    return entries


def unexplained(findings: list[Finding], checkers: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The findings no entry explains, and the entries for ``checkers`` that explained none."""
    entries = [e for e in load_exceptions() if e.checker in checkers]
    used: set[KnownFinding] = set()
    left = []
    for finding in findings:
        explaining = [e for e in entries if e.explains(finding)]
        used.update(explaining)
        if not explaining:
            left.append(str(finding))
    stale = [f"{e}: explains nothing now; remove it" for e in entries if e not in used]
    return sorted(set(left)), stale

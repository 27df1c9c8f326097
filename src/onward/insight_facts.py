"""The facts the insight Python needs from the YAML, written from the loaded model.

The insights name guide sections, check answers against each worksheet's fields and
show option labels; all of that belongs to the YAML. The build writes it, from the
site as loaded (a centre's overlay applied), into the wheel as ``site_facts.json``, so
the Python never keeps its own copy. A committed copy of the reference site's facts
sits beside the package for the CPython tests, and a test regenerates it:

    python -m onward.insight_facts worksheets/onward_insights/site_facts.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .paths import bundled
from .site import OnwardSite
from .worksheets import NOTE, Field

FACTS_FILE = "site_facts.json"
# What each field type keeps, beyond id, type and label.
_SCALE_KEYS = ("min", "max", "step")


def field_facts(field: Field) -> dict[str, Any]:
    """One field: what the insights read (shape, label, options in form order, a group's fields)."""
    params = field.params
    found: dict[str, Any] = {"id": field.id, "type": field.type, "label": params.get("label", "")}
    if "options" in params:
        found["options"] = [[option["value"], option["label"]] for option in params["options"]]
    if field.type == "scale":
        found.update({key: params[key] for key in _SCALE_KEYS if key in params})
    if "item_label" in params:
        found["item_label"] = params["item_label"]
    if field.fields:
        found["fields"] = [field_facts(child) for child in field.fields if child.type != NOTE]
    return found


def insight_facts(site: OnwardSite) -> dict[str, Any]:
    """The guide's section ids by page, and every worksheet's fields, for the site as built."""
    return {
        "guide": {page: sorted(anchors) for page, anchors in sorted(site.guide.anchors.items())},
        "worksheets": {
            ident: {
                "title": worksheet.title,
                "fields": [field_facts(field) for field in worksheet.fields if field.type != NOTE],
            }
            for ident, worksheet in sorted(site.worksheets.items())
        },
    }


def facts_json(site: OnwardSite) -> bytes:
    """The facts as the wheel carries them: stable, readable JSON, so the same site gives the same bytes."""
    return (json.dumps(insight_facts(site), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def reference_facts() -> bytes:
    """The facts of Onward's own guide and worksheets, with no centre's overlay."""
    return facts_json(OnwardSite.load(bundled("content"), bundled("worksheets"), bundled("macros")))


def main(argv: list[str]) -> int:
    """Write the reference site's facts to the file named on the command line."""
    if len(argv) != 1:
        print("usage: python -m onward.insight_facts FILE", file=sys.stderr)
        return 2
    Path(argv[0]).write_bytes(reference_facts())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

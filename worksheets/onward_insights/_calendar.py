"""Calendar files (RFC 5545): all-day reminders a reader can import, with no server and no alarms."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ._blocks import Block

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day reminder on a given day."""

    day: date
    summary: str
    description: str = ""


def ics_escape(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks, dropping other control characters."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL_CHARACTERS.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold one content line at 75 octets, never splitting a UTF-8 character, joined with CRLF and a space."""
    pieces: list[str] = []
    current = ""
    current_size = 0
    limit = 75
    for character in line:
        size = len(character.encode("utf-8"))
        if current_size + size > limit:
            pieces.append(current)
            current, current_size, limit = "", 0, 74  # a continuation line starts with one space
        current += character
        current_size += size
    pieces.append(current)
    return "\r\n ".join(pieces)


def ics_date(day: date) -> str:
    """A DATE value, such as 20261126."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def event_uid(worksheet: str, event: CalendarEvent) -> str:
    """A UID that stays the same while the event's subject and date stay the same, so re-imports replace."""
    source = "\n".join([worksheet, event.summary, event.day.isoformat()])
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:32] + "@onward"


def ics_text(worksheet: str, events: Sequence[CalendarEvent], today: date) -> str:
    """A complete VCALENDAR with one all-day VEVENT per event, CRLF line endings and no alarms."""
    stamp = ics_date(today) + "T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Onward//Worksheet insights//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(worksheet, event)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{ics_date(event.day)}",
            f"DTEND;VALUE=DATE:{ics_date(event.day + timedelta(days=1))}",
            f"SUMMARY:{ics_escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{ics_escape(event.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)


def unique_events(worksheet: str, events: Iterable[CalendarEvent]) -> list[CalendarEvent]:
    """Events in date order, with repeats (same UID) dropped so a calendar never shows one twice."""
    ordered = sorted(events, key=lambda event: (event.day, event.summary, event.description))
    kept: list[CalendarEvent] = []
    seen: list[str] = []
    for event in ordered:
        uid = event_uid(worksheet, event)
        if uid not in seen:
            seen.append(uid)
            kept.append(event)
    return kept


def calendar(worksheet: str, title: str, filename: str, events: Iterable[CalendarEvent], today: date) -> Block | None:
    """A calendar block with an .ics file to download, or None when nothing is dated."""
    kept = unique_events(worksheet, events)
    if not kept:
        return None
    return {
        "kind": "calendar",
        "title": title,
        "filename": filename,
        "events": len(kept),
        "ics": ics_text(worksheet, kept, today),
    }

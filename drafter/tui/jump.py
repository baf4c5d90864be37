"""Finding the spot in the draft that a check finding or a comparison change points at.

A finding carries a section's number path (`(4, 2)` is 四、 → its （二）) and an offset into that
section's heading or visible body; a change carries the headings from the top down to its section
(B's, the draft's, when it has one) and the paragraph's text. Both end as (section, start, end) for
Compose to open, with the text selected in the editor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Spot:
    section: Any  # a DraftSection, or None for the draft's preamble / metadata
    start: int | None = None  # offset in the section's body; None: the section as a whole
    end: int | None = None
    in_heading: bool = False  # the span is in the heading (not in the editor)
    part: str = "body"  # body, heading, preamble or meta
    field: str | None = None  # the metadata key, for part "meta"


def section_at(draft: Any, numbers: tuple[int, ...]) -> Any:
    """The section at a 1-based number path, or None when the draft has no such section (any more)."""
    siblings, found = draft.sections, None
    for number in numbers:
        if not 1 <= number <= len(siblings):
            return None
        found = siblings[number - 1]
        siblings = found.children
    return found


def section_by_headings(draft: Any, headings: list[str]) -> Any:
    """The deepest section whose heading path matches `headings` from the top (marks and spaces
    compared loosely); the draft's title, if first, is skipped. None when not even the first matches."""
    siblings, found = draft.sections, None
    for heading in headings:
        match = next((s for s in siblings if _same(s.heading, heading)), None)
        if match is None:
            match = next((s for s in draft.walk() if _same(s.heading, heading)), None) if found is None else None
        if match is None:
            if found is None:
                continue  # the document title or a heading level the draft does not have
            break
        found, siblings = match, match.children
    return found


def _same(a: str, b: str) -> bool:
    from drafter.text.punctuation import normalize_punctuation

    def loose(text: str) -> str:
        return "".join(normalize_punctuation(text).split())

    return a == b or loose(a) == loose(b)


def span_of(body: str, text: str | None) -> tuple[int, int] | None:
    """Where `text` (a paragraph of the draft) stands in `body`; None when it is not there as such."""
    if not text:
        return None
    at = body.find(text)
    if at < 0:
        at = body.find(text.strip()[:20]) if len(text.strip()) >= 20 else -1
        return (at, at + min(len(text), len(body) - at)) if at >= 0 else None
    return at, at + len(text)


def row_column(text: str, offset: int) -> tuple[int, int]:
    """An offset into `text` as the editor's (row, column)."""
    offset = max(0, min(offset, len(text)))
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


def finding_spot(draft: Any, finding: Any) -> Spot | None:
    """Where a check finding stands in the draft now (None when its section is gone)."""
    loc = finding.location
    if loc.part in ("meta", "preamble"):
        return Spot(None, loc.offset, loc.offset + len(finding.text), part=loc.part, field=loc.field)
    section = section_at(draft, loc.path)
    if section is None:
        return None
    start, end = loc.offset, loc.offset + len(finding.text)
    if loc.part == "heading":
        return Spot(section, start, end, in_heading=True, part="heading")
    return Spot(section, start, end)


def change_spot(draft: Any, comparison: Any, change: Any) -> Spot | None:
    """The draft section a comparison change is in (its paragraph selected when it is the draft's).

    A change before the first heading is in the draft's title, 通知 or preface (its parts); a section
    only the reference has is set against the draft's sections of its group when it has one (a
    heading level removed, sections merged), and has no spot in the draft otherwise (None)."""
    diff = comparison.sections[change.section]
    if diff.level == 0:
        return Spot(None, part="preamble")
    if diff.b is None:
        section = section_by_headings(draft, diff.group[:1]) if diff.group else None
        return Spot(section) if section is not None else None
    section = section_by_headings(draft, list(change.path))
    if section is None:
        return None
    paragraph = diff.paragraphs[change.paragraph] if change.paragraph is not None else None
    span = span_of(section.body, paragraph.b) if paragraph is not None else None
    return Spot(section, *(span or (None, None)))

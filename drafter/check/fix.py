"""Putting a finding's suggestion back where it was found: one finding (the app's "apply"), or every
safe one (`drafter fix`). A replacement is made only where the text at the spot is still exactly
the finding's text, so a stale finding changes nothing.
"""

from __future__ import annotations

from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.check.target import Target


def apply_finding(draft: object, finding: Finding) -> bool:
    """Apply one finding's suggestion to a loaded draft (in memory); False if it no longer applies."""
    from drafter.check.target import draft_target

    return apply_to_target(draft_target(draft), finding)


def apply_to_target(target: Target, finding: Finding) -> bool:
    if finding.suggestion is None:
        return False
    part = _find_part(target, finding)
    if part is None:
        return False
    start, end = finding.location.offset, finding.location.offset + len(finding.text)
    if part.text[start:end] != finding.text:
        return False
    if target.kind == "draft":
        return _apply_draft(part, start, end, finding.suggestion)
    if target.kind == "docx":
        from drafter.check.docx_text import body_paragraphs, replace_in_paragraph

        paragraph = body_paragraphs(target.document)[part.paragraph]
        return replace_in_paragraph(paragraph, start, end, finding.suggestion, finding.text)
    row = part.target
    target.lines[row] = part.text[:start] + finding.suggestion + part.text[end:]
    return True


def apply_all(target: Target, findings: list[Finding]) -> list[Finding]:
    """Apply the given findings (non-overlapping ones; later offsets first within a part)."""
    applied: list[Finding] = []
    taken: dict[tuple, list[tuple[int, int]]] = {}
    ordered = sorted(findings, key=lambda f: (_part_key(f), -f.location.offset))
    for finding in ordered:
        span = (finding.location.offset, finding.end)
        spans = taken.setdefault(_part_key(finding), [])
        if any(a < span[1] and span[0] < b or a == b == span[0] for a, b in spans):
            continue
        if apply_to_target(target, finding):
            spans.append(span)
            applied.append(finding)
    return applied


def _part_key(f: Finding) -> tuple:
    loc = f.location
    return (loc.part, loc.path, loc.field, loc.line if loc.part == "line" else None, loc.paragraph)


def _find_part(target: Target, finding: Finding) -> TextPart | None:
    loc = finding.location
    for part in target.parts():
        if part.part != loc.part or part.path != loc.path or part.field != loc.field:
            continue
        if loc.part == "paragraph" and part.paragraph != loc.paragraph:
            continue
        if loc.part == "line" and part.first_line != loc.line:
            continue
        return part
    return None


# -- drafts ---------------------------------------------------------------------------------------


def _apply_draft(part: TextPart, start: int, end: int, new: str) -> bool:
    if part.part == "meta":
        return False  # the metadata block is rewritten only by the user (its layout is theirs)
    if part.part == "heading":
        return _apply_heading(part, start, end, new)
    lines = part.target.lines if part.part == "body" else part.target
    return _apply_lines(lines, part.text, start, end, new)


def _apply_heading(part: TextPart, start: int, end: int, new: str) -> bool:
    section = part.target
    marker_len = len(section.marker)
    heading = part.text[:start] + new + part.text[end:]
    if end <= marker_len:  # inside the marker: keep the title as it is
        section.marker = heading[: marker_len + len(new) - (end - start)]
    elif start >= marker_len:
        section.title = heading[marker_len:]
    else:
        from drafter.draft.numbering import parse_heading

        found = parse_heading(heading)
        if not found:
            return False
        at = heading.rindex(found[1]) if found[1] else len(heading)
        section.marker, section.title = heading[:at], heading[at:]
    return True


def _apply_lines(lines: list[str], text: str, start: int, end: int, new: str) -> bool:
    """Edit the raw lines behind a part's visible text (provenance comments skipped, as read)."""
    from drafter.draft.model import PROVENANCE

    visible = [i for i, line in enumerate(lines) if not PROVENANCE.match(line)]
    joined = "\n".join(lines[i] for i in visible)
    lead = len(joined) - len(joined.lstrip("\n"))
    if joined.strip("\n") != text:
        return False
    a, b = start + lead, end + lead
    first_row = joined.count("\n", 0, a)
    last_row = joined.count("\n", 0, b)
    row_start = joined.rfind("\n", 0, a) + 1
    row_end = joined.find("\n", b)
    row_end = len(joined) if row_end == -1 else row_end
    replaced = (joined[row_start:a] + new + joined[b:row_end]).split("\n")
    rows = visible[first_row : last_row + 1]
    if len(replaced) != len(rows):
        return False  # a fix that adds or removes a line break: leave it to the user
    for index, text_line in zip(rows, replaced, strict=True):
        lines[index] = text_line
    return True

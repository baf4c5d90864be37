"""The text parts a check reads: a draft's metadata, preamble, headings and bodies; a file's lines.

`draft_parts(draft)` is the one place that walks a draft's text, so the 公文 parts the draft format
grows (版头, 通知, 版记) are checked as soon as they are walked here. Each part knows how to turn an
offset in its text into a `Location` (section path, line in the file) and, for drafts, how to put a
replacement back where it came from (`drafter.check.fix`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from drafter.check.model import Location
from drafter.draft.model import PROVENANCE, Draft, DraftSection, parse_provenance

# Metadata fields whose values are plan text a reviewer reads (the rest are names and dates).
META_TEXT = ("title", "issuer", "doc_number")


@dataclass
class TextPart:
    """One checkable piece of text and where it lives."""

    part: str  # a Location.part
    text: str
    path: tuple[int, ...] = ()
    field: str | None = None
    heading: str | None = None
    first_line: int | None = None  # file line of the text's first line (1-based)
    line_map: list[int] | None = None  # file line of each line of `text`, when not consecutive
    paragraph: int | None = None
    level: int | None = None  # heading level for part "heading"
    marker: str = ""  # the heading's marker as written, for part "heading"
    # the numbered headings in this part: (start, end) of the marker, level, ordinal (None: 1.2)
    headings: list[tuple[int, int, int, int | None]] = dataclasses.field(default_factory=list)
    source: dict[str, str] = dataclasses.field(
        default_factory=dict
    )  # provenance of the section (id, 地区, 文号…)
    target: object = None  # what a fix edits: the DraftSection, the preamble list, a docx paragraph

    def location(self, offset: int) -> Location:
        return Location(
            self.part, offset, self.path, self.field, self.line_of(offset), self.paragraph, self.heading
        )

    def line_of(self, offset: int) -> int | None:
        row = self.text.count("\n", 0, max(0, offset))
        if self.line_map is not None:
            return self.line_map[min(row, len(self.line_map) - 1)] if self.line_map else None
        return None if self.first_line is None else self.first_line + row


def draft_parts(draft: Draft) -> list[TextPart]:
    """Every text part of `draft` in file order: metadata text, preamble, then each section."""
    parts: list[TextPart] = []
    front = _front_lines(draft)
    for key in META_TEXT:
        value = draft.meta.get(key)
        if isinstance(value, str) and value.strip():
            parts.append(TextPart("meta", value, field=key, first_line=_meta_line(draft, key), target=draft))
    superior = draft.meta.get("superior")
    for i, item in enumerate(superior if isinstance(superior, list) else []):
        if isinstance(item, str) and item.strip():  # the documents it implements: another place's?
            parts.append(
                TextPart(
                    "meta",
                    item,
                    field=f"superior[{i}]",
                    first_line=_meta_line(draft, "superior"),
                    target=draft,
                )
            )
    line = len(front) + 1
    visible, rows = _visible(draft.preamble, line)
    if visible:
        parts.append(TextPart("preamble", "\n".join(visible), line_map=rows, target=draft.preamble))
    line += len(draft.preamble)
    for number, section in enumerate(draft.sections, start=1):
        line = _section_parts(section, (number,), line, {}, parts)
    return parts


def _section_parts(
    section: DraftSection, path: tuple[int, ...], line: int, inherited: dict, parts: list[TextPart]
) -> int:
    source = section.sources[0] if section.sources else inherited
    heading = section.heading
    marker = section.marker
    start, end = len(marker) - len(marker.lstrip()), len(marker.rstrip())
    spans = [(start, end, section.level, ordinal_of(marker))] if marker.strip() else []
    parts.append(
        TextPart(
            "heading",
            heading,
            path,
            heading=heading,
            first_line=line,
            level=section.level,
            marker=marker,
            source=source,
            target=section,
            headings=spans,
        )
    )
    line += 1
    visible, rows = _visible(section.lines, line)
    text = "\n".join(visible)
    lead = len(text) - len(text.lstrip("\n"))  # DraftSection.body strips blank lines at both ends
    body = text.strip("\n")
    if body:
        parts.append(
            TextPart("body", body, path, heading=heading, line_map=rows[lead:], source=source, target=section)
        )
    line += len(section.lines)
    for number, child in enumerate(section.children, start=1):
        line = _section_parts(child, (*path, number), line, source, parts)
    return line


def _visible(lines: list[str], first: int) -> tuple[list[str], list[int]]:
    """The lines a reader sees (no provenance comments) and the file line of each."""
    kept, rows = [], []
    for i, text in enumerate(lines):
        if not PROVENANCE.match(text):
            kept.append(text)
            rows.append(first + i)
    return kept, rows


def _front_lines(draft: Draft) -> list[str]:
    if draft.front_matter is not None:
        return draft.front_matter.split("\n")
    if draft.meta:
        from drafter.draft.io import FENCE, dump_front_matter

        return [FENCE, *dump_front_matter(draft.meta).split("\n"), FENCE]
    return []


def _meta_line(draft: Draft, key: str) -> int | None:
    for i, text in enumerate(_front_lines(draft), start=1):
        if text.lstrip().startswith(f"{key} ") or text.lstrip().startswith(f"{key}="):
            return i
    return None


def provenance_of(lines: list[str]) -> dict[str, str]:
    for text in lines:
        match = PROVENANCE.match(text)
        if match:
            return parse_provenance(match.group("body"))
    return {}


def line_parts(lines: list[str], part: str = "line", first_line: int = 1) -> list[TextPart]:
    """A text file or document, one part per line (or per .docx paragraph). Its numbered headings are
    found as the corpus outline parser finds them (glued ones too: `一、总体要求(一)指导思想…`), and
    each part carries the section path it stands in, so a finding says which section it is in."""
    from drafter.corpus import headings as H
    from drafter.corpus.outline import scan_line

    parts: list[TextPart] = []
    stack: list[tuple[int, int, str]] = []  # (level, number by position, heading text)
    counts: dict[tuple, int] = {}
    seq = H.Sequence()
    for i, text in enumerate(lines):
        if not text.strip():
            continue
        lead = len(text) - len(text.lstrip(" \t\u3000"))
        spans = []
        for piece in scan_line(text.strip(" \t\u3000"), seq):
            mk = piece.marker
            if mk is None:
                continue
            start, end = lead + mk.start, lead + mk.start + len(mk.text.rstrip(" \u3000"))
            spans.append((start, end, mk.level, mk.number[0] if len(mk.number) == 1 else None))
            while stack and stack[-1][0] >= mk.level:
                stack.pop()
            key = tuple(n for _l, n, _h in stack) + (mk.level,)
            counts[key] = counts.get(key, 0) + 1
            stack.append((mk.level, counts[key], (mk.text.strip() + piece.title)[:40]))
        path = tuple(n for _l, n, _h in stack)
        paragraph = i if part == "paragraph" else None
        line = None if part == "paragraph" else first_line + i
        parts.append(
            TextPart(
                part,
                text,
                path,
                heading=stack[-1][2] if stack else None,
                first_line=line,
                paragraph=paragraph,
                level=spans[0][2] if spans else None,
                target=i,
                headings=spans,
            )
        )
    return parts


def ordinal_of(marker: str) -> int | None:
    """`四、` → 4, `（十二）` → 12, `3.` → 3, `(1)` → 1; None for a decimal `1.2` or no number."""
    import re

    from drafter.corpus.headings import cn_number

    if re.search(r"\d+\s*[.．]\s*\d", marker):
        return None
    digits = re.search(r"[0-9０-９]+", marker)
    if digits:
        return int(
            digits.group().translate({ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")})
        )
    chinese = re.search(r"[一二三四五六七八九十]+", marker)
    return cn_number(chinese.group()) if chinese else None

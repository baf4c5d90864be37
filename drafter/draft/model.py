"""The draft a drafter writes: metadata, a preamble and numbered sections, edited by operations.

Every line of the file is kept as written (markers, blank lines, provenance comments), so loading
and saving give back the same bytes; only `renumber()` rewrites markers, and the structural
operations call it. A passage inserted from the section library carries a provenance comment
(`<!-- 来源: … -->`) as the first line of its body: editors keep it, rendering drops it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from drafter.draft.numbering import marker, parse_heading
from drafter.errors import DrafterError
from drafter.text import lazy_re

PROVENANCE = lazy_re.compile(r"^\s*<!--\s*来源[:：]\s*(?P<body>.*?)\s*-->\s*$")
META_KEYS = (
    "region", "province", "level", "title", "issuer", "date", "superior",
    # the 公文 parts (drafter.draft.parts): 版头, 印发通知, the plan's layout, 版记
    "mark", "doc_number", "signer", "copy_no", "secrecy", "urgency",
    "notice_title", "addressee", "notice", "note", "plan_as", "attachments",
    "cc", "printer", "print_date",
)  # fmt: skip
LIST_KEYS = ("superior", "attachments")


@dataclass
class DraftSection:
    """A heading (`marker` as written + `title`), its body lines and its sub-sections."""

    title: str
    level: int
    marker: str = ""
    lines: list[str] = field(default_factory=list)  # body lines, provenance comments included
    children: list[DraftSection] = field(default_factory=list)
    kind: str | None = None  # known when inserted from the library; the outline parser decides otherwise

    @property
    def heading(self) -> str:
        return f"{self.marker}{self.title}"

    @property
    def body(self) -> str:
        """The visible body: paragraphs without provenance comments."""
        return "\n".join(line for line in self.lines if not PROVENANCE.match(line)).strip("\n")

    @property
    def sources(self) -> list[dict[str, str]]:
        """Provenance of the passages in this section (its own comments, not its children's)."""
        return [parse_provenance(m.group("body")) for line in self.lines if (m := PROVENANCE.match(line))]

    def walk(self) -> Iterator[DraftSection]:
        yield self
        for child in self.children:
            yield from child.walk()

    def shifted(self, delta: int) -> DraftSection:
        """A copy `delta` levels deeper (or shallower)."""
        return DraftSection(
            self.title, self.level + delta, self.marker, list(self.lines),
            [c.shifted(delta) for c in self.children], self.kind,
        )

    def to_lines(self) -> list[str]:
        out = [self.heading, *self.lines]
        for child in self.children:
            out.extend(child.to_lines())
        return out


def provenance_line(fields: dict[str, str]) -> str:
    """`<!-- 来源: id=zdsx-1a2b3c | 地区=哈尔滨市 | 文件=… | 日期=2017-06-08 -->`."""
    parts = [f"{k}={str(v).replace('|', '/').replace('-->', '—>')}" for k, v in fields.items() if v]
    return f"<!-- 来源: {' | '.join(parts)} -->"


def parse_provenance(body: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in body.split("|"):
        key, sep, value = part.strip().partition("=")
        if sep:
            out[key.strip()] = value.strip()
    return out


def parse_outline(lines: list[str]) -> tuple[list[str], list[DraftSection]]:
    """Lines before the first heading, and the heading tree (levels may skip: 一、 then 1.)."""
    preamble: list[str] = []
    roots: list[DraftSection] = []
    stack: list[DraftSection] = []
    for line in lines:
        found = None if PROVENANCE.match(line) else parse_heading(line)
        if found is None:
            (stack[-1].lines if stack else preamble).append(line)
            continue
        level, title = found
        title_at = line.rindex(title) if title else len(line)
        section = DraftSection(line[title_at:], level, line[:title_at])
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return preamble, roots


@dataclass
class Draft:
    """A whole draft: metadata (ordered), raw front matter, preamble lines and sections."""

    meta: dict[str, object] = field(default_factory=dict)
    preamble: list[str] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)
    front_matter: str | None = None  # as written; regenerated when metadata changes
    newline: str = "\n"
    final_newline: bool = True

    def walk(self) -> Iterator[DraftSection]:
        for section in self.sections:
            yield from section.walk()

    # -- metadata ------------------------------------------------------------------------------
    def set_meta(self, key: str, value: object) -> None:
        if key not in META_KEYS:
            from drafter.messages import t

            raise DrafterError(t("draft.unknown_meta", key=key, known=", ".join(META_KEYS)))
        self.meta[key] = value
        self.front_matter = None

    def unset_meta(self, key: str) -> None:
        """Drop `key`: the part follows the draft's other metadata again."""
        if key in self.meta:
            del self.meta[key]
            self.front_matter = None

    # -- finding sections ----------------------------------------------------------------------
    def path_of(self, target: DraftSection) -> tuple[list[DraftSection], int]:
        """The list holding `target` and its index there."""
        for siblings in self._sibling_lists():
            for i, section in enumerate(siblings):
                if section is target:
                    return siblings, i
        raise DrafterError(f"section {target.heading!r} is not in this draft")

    def _sibling_lists(self) -> Iterator[list[DraftSection]]:
        yield self.sections
        for section in self.walk():
            yield section.children

    def find(self, ref: str) -> DraftSection:
        """A section by its number path (`2`, `2.3`) or by a unique heading text or kind."""
        if re.fullmatch(r"\d+(\.\d+)*", ref):
            siblings, section = self.sections, None
            for part in ref.split("."):
                index = int(part) - 1
                if not 0 <= index < len(siblings):
                    raise DrafterError(f"no section {ref} in this draft")
                section = siblings[index]
                siblings = section.children
            return section
        matches = [s for s in self.walk() if s.title.strip() == ref or s.kind == ref]
        matches = matches or [s for s in self.walk() if ref in s.title]
        if len(matches) != 1:
            raise DrafterError(f"{len(matches)} sections match {ref!r}; give a number like 2 or 2.3")
        return matches[0]

    # -- structure -----------------------------------------------------------------------------
    def add_section(self, section: DraftSection, parent: DraftSection | None = None,
                    position: int | None = None) -> DraftSection:
        """Insert `section` (re-levelled to fit) under `parent` at `position` (default: last)."""
        level = parent.level + 1 if parent else 1
        placed = section.shifted(level - section.level)
        siblings = parent.children if parent else self.sections
        siblings.insert(len(siblings) if position is None else position, placed)
        self.renumber()
        return placed

    def remove_section(self, section: DraftSection) -> None:
        siblings, index = self.path_of(section)
        del siblings[index]
        self.renumber()

    def move_section(self, section: DraftSection, steps: int) -> None:
        """Move among its siblings: -1 up, +1 down (clamped at the ends)."""
        siblings, index = self.path_of(section)
        target = max(0, min(len(siblings) - 1, index + steps))
        siblings.insert(target, siblings.pop(index))
        self.renumber()

    def replace_body(self, section: DraftSection, text: str) -> None:
        """New visible body; the provenance comments stay."""
        kept = [line for line in section.lines if PROVENANCE.match(line)]
        section.lines = kept + text.split("\n")

    def append_body(self, section: DraftSection, text: str) -> None:
        section.lines.extend(text.split("\n"))

    def renumber(self) -> None:
        """一、二、… and (一)(二)… by position, under each parent independently."""
        def number(siblings: list[DraftSection]) -> None:
            for position, section in enumerate(siblings, start=1):
                section.marker = marker(section.level, position)
                number(section.children)

        number(self.sections)

    def body_lines(self) -> list[str]:
        out = list(self.preamble)
        for section in self.sections:
            out.extend(section.to_lines())
        return out

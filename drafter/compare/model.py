"""The one comparison model that every renderer reads (terminal, TUI, JSON, HTML, redline, 对照表).

`Comparison.to_json()` is the `drafter diff A B --json` contract:
{"similarity", "sections": [{"a", "b", "kind", "similarity", "paragraphs":
  [{"status", "a", "b", "ops": [["=", t] | ["-", t] | ["+", t] | ["~", a_t, b_t]]}]}]}
Read in order, a paragraph's ops rebuild `a` (=, -, and the first text of ~) and `b` (=, +, and the
second text of ~) exactly.

Direction: A is the reference (参照文本), B the draft (本稿); sections come in B's order.
Statuses: `same`, `changed` (an edit of the same text, inline ops), `related` (same topic, rewritten:
ops are one deletion and one insertion, `shared_terms` say what they have in common), `added`,
`removed`, `moved`. A section without a partner may still be set against a group over there
(`relation`: umbrella / merged / split, `group`: those headings). `changes` lists every change in
reading order with its section path, for navigation (`第 3/66 处`) and for the 修改对照表.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

OpTag = Literal["=", "-", "+", "~"]
Status = Literal["same", "changed", "related", "added", "removed", "moved"]
STATUSES = ("same", "changed", "related", "added", "removed", "moved")


@dataclass(frozen=True)
class Op:
    tag: OpTag
    a: str  # text on side A ("" for "+")
    b: str  # text on side B ("" for "-"); equal to `a` for "="

    def to_json(self) -> list[str]:
        if self.tag == "=":
            return ["=", self.a]
        if self.tag == "-":
            return ["-", self.a]
        if self.tag == "+":
            return ["+", self.b]
        return ["~", self.a, self.b]


@dataclass
class ParagraphDiff:
    status: Status
    a: str | None
    b: str | None
    ops: list[Op] = field(default_factory=list)
    similarity: float = 0.0
    a_pos: int | None = None  # index among side A's lines (drafter.compare.units.document_lines)
    b_pos: int | None = None
    moved_from: str | None = None  # a move, or a pair across sections: heading of the A section it left
    shared_terms: list[str] = field(default_factory=list)  # a related pair: the key terms both use

    def to_json(self) -> dict:
        out = {"status": self.status, "a": self.a, "b": self.b, "ops": [op.to_json() for op in self.ops]}
        out["similarity"] = round(self.similarity, 4)
        if self.status == "moved" or self.moved_from:
            out["moved_from"] = self.moved_from
        if self.shared_terms:
            out["shared_terms"] = list(self.shared_terms)
        return out


@dataclass
class SectionDiff:
    a: str | None  # heading on side A (marker + title), None when the section was added
    b: str | None
    kind: str | None
    similarity: float
    paragraphs: list[ParagraphDiff] = field(default_factory=list)
    level: int = 1  # 0 for the label section holding a document's text before its first heading
    a_pos: int | None = None  # index of the heading among side A's lines; None for a label
    b_pos: int | None = None
    heading_ops: list[Op] = field(default_factory=list)  # a marker difference alone is "~"
    moved: bool = False  # matched, but out of order relative to the sections around it
    status: Status = "same"
    relation: str | None = None  # no partner of its own: "umbrella", "merged" or "split" (see `group`)
    group: list[str] = field(default_factory=list)  # the headings over there it is set against
    shared_terms: list[str] = field(default_factory=list)  # a related pair: the key terms both use
    a_path: list[str] = field(default_factory=list)  # headings above it on side A, outermost first
    b_path: list[str] = field(default_factory=list)
    moved_from: str | None = None  # a moved section: where it stood in A ("二、重点任务" …)
    source: str | None = None  # B text taken from a library variant: "哈尔滨市方案（哈政办规〔2017〕28号）"

    @property
    def path(self) -> list[str]:
        """Where the section stands: its headings from the top, B's when it has one."""
        heading = self.b if self.b is not None else self.a
        above = self.b_path if self.b is not None else self.a_path
        return [*above, heading] if heading else list(above)

    def to_json(self) -> dict:
        out = {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "similarity": round(self.similarity, 4),
            "level": self.level,
            "moved": self.moved,
            "status": self.status,
            "heading_ops": [op.to_json() for op in self.heading_ops],
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "a_path": list(self.a_path),
            "b_path": list(self.b_path),
        }
        for key in ("relation", "moved_from", "source"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.group:
            out["group"] = list(self.group)
        if self.shared_terms:
            out["shared_terms"] = list(self.shared_terms)
        return out


@dataclass
class Comparison:
    similarity: float
    sections: list[SectionDiff] = field(default_factory=list)
    a_title: str | None = None  # the reference (参照文本)
    b_title: str | None = None  # the draft (本稿)
    title_ops: list[Op] = field(default_factory=list)  # word diff of the two titles
    changes: list[Change] = field(default_factory=list)  # every change, in reading order

    def rebuild_lines(self, side: Literal["a", "b"]) -> list[str]:
        """Side `a` or `b` as its lines (headings and paragraphs), rebuilt from the ops alone."""
        placed: list[tuple[int, str]] = []
        for section in self.sections:
            pos = section.a_pos if side == "a" else section.b_pos
            if pos is not None:
                placed.append((pos, _side_text(section.heading_ops, side)))
            for para in section.paragraphs:
                pos = para.a_pos if side == "a" else para.b_pos
                if pos is not None:
                    placed.append((pos, _side_text(para.ops, side)))
        placed.sort()
        return [text for _, text in placed]

    def change_list(self) -> list[Change]:
        """Every change (listed now if the Comparison was built by hand, without them)."""
        if not self.changes and self.sections:
            from drafter.compare.navigation import list_changes

            self.changes = list_changes(self)
        return self.changes

    def major_changes(self) -> list[Change]:
        """The changes a reader steps through: all but the unimportant (punctuation-only) ones."""
        return [c for c in self.change_list() if not c.minor]

    def to_json(self) -> dict:
        return {
            "similarity": round(self.similarity, 4),
            "a_title": self.a_title,
            "b_title": self.b_title,
            "direction": {"a": "reference", "b": "draft"},
            "title_ops": [op.to_json() for op in self.title_ops],
            "sections": [s.to_json() for s in self.sections],
            "changes": [c.to_json() for c in self.change_list()],
        }


@dataclass
class Change:
    """One change, where it is and what it is: the unit of navigation and of the 修改对照表.

    `kind`: added, removed, changed, related, moved (a paragraph or a whole section), merged,
    split, umbrella (a heading level added or removed), heading (a heading reworded), title (the
    document titles), format (only unimportant differences: punctuation, width, numerals …).
    `paragraph` is None for a change of the section as a whole (its heading, or all of it).
    """

    index: int
    kind: str
    section: int  # index into Comparison.sections
    paragraph: int | None
    path: list[str]  # headings from the top down to the section it stands in (B's side first)
    a_pos: int | None = None
    b_pos: int | None = None
    minor: bool = False
    a_path: list[str] = field(default_factory=list)  # where it stood in A (for a move: where from)

    def to_json(self) -> dict:
        return {
            "index": self.index, "kind": self.kind, "section": self.section, "paragraph": self.paragraph,
            "path": list(self.path), "a_path": list(self.a_path), "a_pos": self.a_pos, "b_pos": self.b_pos,
            "minor": self.minor,
        }


def _side_text(ops: list[Op], side: str) -> str:
    return "".join(op.a if side == "a" else op.b for op in ops)

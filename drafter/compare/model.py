"""The one comparison model that every renderer reads (terminal, TUI, JSON, HTML, redline, 对照表).

`Comparison.to_json()` is the `drafter diff A B --json` contract:
{"similarity", "sections": [{"a", "b", "kind", "similarity", "paragraphs":
  [{"status", "a", "b", "ops": [["=", t] | ["-", t] | ["+", t] | ["~", a_t, b_t]]}]}]}
Read in order, a paragraph's ops rebuild `a` (=, -, and the first text of ~) and `b` (=, +, and the
second text of ~) exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

OpTag = Literal["=", "-", "+", "~"]
Status = Literal["same", "changed", "added", "removed", "moved"]


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
    moved_from: str | None = None  # for a move: the heading of the A section it left

    def to_json(self) -> dict:
        out = {"status": self.status, "a": self.a, "b": self.b, "ops": [op.to_json() for op in self.ops]}
        out["similarity"] = round(self.similarity, 4)
        if self.status == "moved":
            out["moved_from"] = self.moved_from
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

    def to_json(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "similarity": round(self.similarity, 4),
            "level": self.level,
            "moved": self.moved,
            "heading_ops": [op.to_json() for op in self.heading_ops],
            "paragraphs": [p.to_json() for p in self.paragraphs],
        }


@dataclass
class Comparison:
    similarity: float
    sections: list[SectionDiff] = field(default_factory=list)
    a_title: str | None = None
    b_title: str | None = None

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

    def to_json(self) -> dict:
        return {
            "similarity": round(self.similarity, 4),
            "a_title": self.a_title,
            "b_title": self.b_title,
            "sections": [s.to_json() for s in self.sections],
        }


def _side_text(ops: list[Op], side: str) -> str:
    return "".join(op.a if side == "a" else op.b for op in ops)

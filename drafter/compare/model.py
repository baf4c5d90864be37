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

    def to_json(self) -> dict:
        return {"status": self.status, "a": self.a, "b": self.b, "ops": [op.to_json() for op in self.ops]}


@dataclass
class SectionDiff:
    a: str | None  # heading on side A (marker + title), None when the section was added
    b: str | None
    kind: str | None
    similarity: float
    paragraphs: list[ParagraphDiff] = field(default_factory=list)
    level: int = 1

    def to_json(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "similarity": round(self.similarity, 4),
            "paragraphs": [p.to_json() for p in self.paragraphs],
        }


@dataclass
class Comparison:
    similarity: float
    sections: list[SectionDiff] = field(default_factory=list)
    a_title: str | None = None
    b_title: str | None = None

    def to_json(self) -> dict:
        return {
            "similarity": round(self.similarity, 4),
            "a_title": self.a_title,
            "b_title": self.b_title,
            "sections": [s.to_json() for s in self.sections],
        }

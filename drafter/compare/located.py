"""The shared Comparison model with the facts alignment adds: where each line sits on each side,
where a moved paragraph came from, and the heading's own diff.

These subclasses only add optional fields and JSON keys (the `diff --json` contract is extended,
never broken), so every renderer that reads `ParagraphDiff` / `SectionDiff` keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.compare.model import Comparison, Op, ParagraphDiff, SectionDiff


@dataclass
class LocatedParagraph(ParagraphDiff):
    a_pos: int | None = None  # position of the paragraph among side A's lines (see units.document_lines)
    b_pos: int | None = None
    moved_from: str | None = None  # for a move: the heading of the A section it left

    def to_json(self) -> dict:
        out = super().to_json()
        out["similarity"] = round(self.similarity, 4)
        if self.status == "moved":
            out["moved_from"] = self.moved_from
        return out


@dataclass
class LocatedSection(SectionDiff):
    a_pos: int | None = None  # position of the heading among side A's lines; None for a label
    b_pos: int | None = None
    heading_ops: list[Op] = field(default_factory=list)  # marker differences are `~`
    moved: bool = False  # matched, but out of order relative to the sections around it

    def to_json(self) -> dict:
        out = super().to_json()
        out["level"] = self.level
        out["moved"] = self.moved
        out["heading_ops"] = [op.to_json() for op in self.heading_ops]
        return out


def rebuild_lines(comparison: Comparison, side: str) -> list[str]:
    """Side `a` or `b` as a list of lines (headings and paragraphs), rebuilt from the ops alone."""
    placed: list[tuple[int, str]] = []
    for section in comparison.sections:
        pos = getattr(section, f"{side}_pos", None)
        if pos is not None:
            placed.append((pos, _side_text(getattr(section, "heading_ops", []), side)))
        for para in section.paragraphs:
            pos = getattr(para, f"{side}_pos", None)
            if pos is not None:
                placed.append((pos, _side_text(para.ops, side)))
    placed.sort()
    return [text for _, text in placed]


def _side_text(ops: list[Op], side: str) -> str:
    return "".join(op.a if side == "a" else op.b for op in ops)

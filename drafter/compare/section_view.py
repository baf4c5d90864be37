"""One SectionDiff from the alignment: heading ops, paragraphs in B's order, status, paths, similarity.

Paragraph statuses: a pair inside the section is `same` or `changed` (text) or `related` (topic);
a pair whose A side stood elsewhere is `moved` (text) or `related` with `moved_from` (topic); the
rest are `added` / `removed`. A related pair gets no inline ops — one deletion, one insertion — and
its shared key terms; inline ops are kept for pairs close enough to read as an edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.compare.align import Key, text_similarity
from drafter.compare.inline import diff_texts
from drafter.compare.model import Op, ParagraphDiff, SectionDiff
from drafter.compare.topics import shared_terms
from drafter.compare.units import Block, ancestors
from drafter.text.normalize import UnimportantOptions

if TYPE_CHECKING:
    from drafter.compare.build import Alignment

SHARED_TERMS = 6


def heading_label(block: Block | None) -> str | None:
    if block is None:
        return None
    return block.heading if block.heading is not None else block.title


class SectionBuilder:
    def __init__(self, a: list[Block], b: list[Block], granularity: str, options: UnimportantOptions,
                 provenance: dict[str, str] | None = None) -> None:
        self.a, self.b = a, b
        self.granularity, self.options = granularity, options
        self.provenance = provenance or {}

    def title_ops(self, a_title: str | None, b_title: str | None) -> list[Op]:
        if not a_title and not b_title:
            return []
        return self._diff(a_title or "", b_title or "", headings=True)

    def _diff(self, a: str, b: str, *, headings: bool = False) -> list[Op]:
        if not a:
            return [Op("+", "", b)] if b else []
        if not b:
            return [Op("-", a, "")]
        return diff_texts(a, b, granularity=self.granularity, options=self.options, headings=headings)

    # -- a section -----------------------------------------------------------------------------
    def section(self, ia: int | None, ib: int | None, al: Alignment) -> SectionDiff:
        x = self.a[ia] if ia is not None else None
        y = self.b[ib] if ib is not None else None
        how = al.how.get(ia) if ia is not None and ib is not None else None
        section = SectionDiff(
            a=heading_label(x), b=heading_label(y),
            kind=(y.kind if y else None) or (x.kind if x else None),
            similarity=0.0, paragraphs=self._paragraphs(x, y, al), level=(y or x).level,
            a_pos=x.heading_pos if x else None, b_pos=y.heading_pos if y else None,
            heading_ops=self._heading_ops(x, y), moved=how == "moved",
            a_path=[heading_label(p) or "" for p in ancestors(self.a, ia)] if x else [],
            b_path=[heading_label(p) or "" for p in ancestors(self.b, ib)] if y else [],
        )
        section.status = _status(section, how)
        self._describe_groups(section, ia, ib, al)
        if section.moved:
            section.moved_from = " ".join(section.a_path) or "（正文开头）"
        if y is not None:
            section.source = self._source(ib)
        if how == "topic":
            section.similarity = al.scores[ia]
            section.shared_terms = shared_terms(al.sides.section("a", ia), al.sides.section("b", ib), SHARED_TERMS)
        else:
            title_sim = text_similarity(x.title, y.title, self.options) if x and y else 0.0
            section.similarity = _section_similarity(section, title_sim)
        return section

    def _heading_ops(self, x: Block | None, y: Block | None) -> list[Op]:
        if x is None or x.is_label:
            return [Op("+", "", y.heading)] if y and not y.is_label else []
        if y is None or y.is_label:
            return [Op("-", x.heading, "")]
        # renumbering alone is not a change: a different marker is an unimportant difference
        marker = [Op("=" if x.marker == y.marker else "~", x.marker, y.marker)] if x.marker or y.marker else []
        return marker + self._diff(x.title, y.title, headings=True)

    def _describe_groups(self, section: SectionDiff, ia: int | None, ib: int | None, al: Alignment) -> None:
        for g in al.groups:
            mine = (g.side == "a" and g.index == ia and ib is None) or (g.side == "b" and g.index == ib and ia is None)
            if mine:
                other = self.b if g.side == "a" else self.a
                section.relation = g.relation
                section.group = [heading_label(other[j]) or "" for j in g.partners]

    def _source(self, ib: int) -> str | None:
        """The library variant a draft section came from: its own provenance or its nearest ancestor's."""
        at: int | None = ib
        while at is not None:
            found = self.provenance.get(self.b[at].title.strip()) if not self.b[at].is_label else None
            if found:
                return found
            at = self.b[at].parent
        return None

    # -- paragraphs ----------------------------------------------------------------------------
    def _paragraphs(self, x: Block | None, y: Block | None, al: Alignment) -> list[ParagraphDiff]:
        out: list[ParagraphDiff] = []
        linked_a = al.linked_a()
        pending = [k for k in range(len(x.paragraphs)) if (x.index, k) not in linked_a] if x else []
        for kb in range(len(y.paragraphs) if y else 0):
            link = al.links.get((y.index, kb))
            if link is None:
                text = y.paragraphs[kb]
                out.append(ParagraphDiff("added", None, text, [Op("+", "", text)], 0.0, b_pos=y.para_pos[kb]))
                continue
            here = x is not None and link.a[0] == x.index and link.how != "move"
            if here:
                out.extend(self._removed(x, [k for k in pending if k < link.a[1]]))
                pending = [k for k in pending if k > link.a[1]]
            out.append(self._pair(link, (y.index, kb), here, al))
        out.extend(self._removed(x, pending))
        return out

    def _removed(self, x: Block | None, indexes: list[int]) -> list[ParagraphDiff]:
        return [
            ParagraphDiff("removed", x.paragraphs[k], None, [Op("-", x.paragraphs[k], "")], 0.0, a_pos=x.para_pos[k])
            for k in indexes
        ]

    def _pair(self, link, b_key: Key, here: bool, al: Alignment) -> ParagraphDiff:  # noqa: ANN001 - build.Link
        x, y = self.a[link.a[0]], self.b[b_key[0]]
        text_a, text_b = x.paragraphs[link.a[1]], y.paragraphs[b_key[1]]
        positions = {"a_pos": x.para_pos[link.a[1]], "b_pos": y.para_pos[b_key[1]]}
        origin = None if here else heading_label(x)
        if link.how == "related":
            terms = shared_terms(al.sides.paragraph("a", link.a), al.sides.paragraph("b", b_key), SHARED_TERMS)
            return ParagraphDiff("related", text_a, text_b, [Op("-", text_a, ""), Op("+", "", text_b)],
                                 link.score, moved_from=origin, shared_terms=terms, **positions)
        ops = diff_texts(text_a, text_b, granularity=self.granularity, options=self.options)
        real_change = any(op.tag in "+-" for op in ops)
        status = "moved" if not here else ("changed" if real_change else "same")
        return ParagraphDiff(status, text_a, text_b, ops, link.score if real_change else 1.0,
                             moved_from=origin, **positions)


def _status(section: SectionDiff, how: str | None) -> str:
    if section.a is None:
        return "added"
    if section.b is None:
        return "removed"
    if how == "moved":
        return "moved"
    if how == "topic":
        return "related"
    changed = any(p.status != "same" for p in section.paragraphs)
    return "changed" if changed or any(op.tag in "+-" for op in section.heading_ops) else "same"


def _section_similarity(section: SectionDiff, title_sim: float) -> float:
    """Length-weighted: each paragraph (and the heading) weighs its length on both sides; an added
    or removed one scores 0."""
    heading = len(section.a or "") + len(section.b or "") if section.heading_ops else 0
    total, score = float(heading), heading * title_sim
    for p in section.paragraphs:
        weight = len(p.a or "") + len(p.b or "")
        total += weight
        score += weight * (p.similarity if p.a is not None and p.b is not None else 0.0)
    return score / total if total else title_sim

"""`compare_documents`: align two documents and build the Comparison every renderer reads.

Sections come out in B's order; a section only in A is shown where it stood relative to the
sections both sides share. Within a section, paragraphs likewise. A moved paragraph is shown once,
where it now stands (B), with its inner edits and the heading it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.compare.align import Key, Pair, align_paragraphs, align_sections, find_moves, text_similarity
from drafter.compare.inline import diff_texts
from drafter.compare.model import Comparison, Op, ParagraphDiff, SectionDiff
from drafter.compare.units import Block, blocks_of
from drafter.model import Document
from drafter.text.normalize import DEFAULT_OPTIONS, UnimportantOptions


@dataclass
class _Context:
    a: list[Block]
    b: list[Block]
    granularity: str
    options: UnimportantOptions
    para_pairs: dict[Key, tuple[Key, float]] = field(default_factory=dict)  # B key → (A key, sim)
    moves: dict[Key, tuple[Key, float]] = field(default_factory=dict)  # B key → (A key, sim)
    moved_away: set[Key] = field(default_factory=set)  # A keys shown elsewhere as moves


def compare_documents(
    a: Document,
    b: Document,
    *,
    granularity: str = "word",
    unimportant: UnimportantOptions = DEFAULT_OPTIONS,
) -> Comparison:
    ctx = _Context(blocks_of(a), blocks_of(b), granularity, unimportant)
    chain, moved_sections = align_sections(ctx.a, ctx.b, unimportant)
    matched = {p.b: p for p in chain + moved_sections}
    _pair_paragraphs(ctx, list(matched.values()))
    _detect_moves(ctx)
    sections = [_section(ctx, ia, ib, moved) for ia, ib, moved in _section_order(ctx, chain, moved_sections)]
    return Comparison(
        similarity=_document_similarity(sections),
        sections=sections,
        a_title=a.plan_title or a.title,
        b_title=b.plan_title or b.title,
    )


def _pair_paragraphs(ctx: _Context, matched: list[Pair]) -> None:
    for pair in matched:
        paras_a, paras_b = ctx.a[pair.a].paragraphs, ctx.b[pair.b].paragraphs
        for p in align_paragraphs(paras_a, paras_b, ctx.options):
            ctx.para_pairs[(pair.b, p.b)] = ((pair.a, p.a), p.score)


def _detect_moves(ctx: _Context) -> None:
    paired_a = {key for key, _ in ctx.para_pairs.values()}
    loose_a = {(x.index, k): t for x in ctx.a for k, t in enumerate(x.paragraphs) if (x.index, k) not in paired_a}
    loose_b = {(y.index, k): t for y in ctx.b for k, t in enumerate(y.paragraphs) if (y.index, k) not in ctx.para_pairs}
    if loose_a and loose_b:
        ctx.moves = find_moves(loose_a, loose_b, ctx.options)
        ctx.moved_away = {key for key, _ in ctx.moves.values()}


def _section_order(ctx: _Context, chain: list[Pair], moved: list[Pair]) -> list[tuple[int | None, int | None, bool]]:
    """(A block, B block, moved) in display order: B's order, A-only blocks before the next anchor."""
    anchor = {p.b: p.a for p in chain}
    out_of_order = {p.b: p.a for p in moved}
    matched_a = set(anchor.values()) | set(out_of_order.values())
    pending_a = [x.index for x in ctx.a if x.index not in matched_a]
    order: list[tuple[int | None, int | None, bool]] = []
    for y in ctx.b:
        if y.index in anchor:
            ia = anchor[y.index]
            order.extend((i, None, False) for i in pending_a if i < ia)
            pending_a = [i for i in pending_a if i > ia]
            order.append((ia, y.index, False))
        elif y.index in out_of_order:
            order.append((out_of_order[y.index], y.index, True))
        else:
            order.append((None, y.index, False))
    order.extend((i, None, False) for i in pending_a)
    return order


def _section(ctx: _Context, ia: int | None, ib: int | None, moved: bool) -> SectionDiff:
    x = ctx.a[ia] if ia is not None else None
    y = ctx.b[ib] if ib is not None else None
    paragraphs = _paragraphs(ctx, x, y)
    section = SectionDiff(
        a=_heading_label(x),
        b=_heading_label(y),
        kind=(y.kind if y else None) or (x.kind if x else None),
        similarity=0.0,
        paragraphs=paragraphs,
        level=(y or x).level,
        a_pos=x.heading_pos if x else None,
        b_pos=y.heading_pos if y else None,
        heading_ops=_heading_ops(ctx, x, y),
        moved=moved,
    )
    title_sim = text_similarity(x.title, y.title, ctx.options) if x and y else 0.0
    section.similarity = _section_similarity(section, title_sim)
    return section


def _heading_label(block: Block | None) -> str | None:
    if block is None:
        return None
    return block.heading if block.heading is not None else block.title


def _heading_ops(ctx: _Context, x: Block | None, y: Block | None) -> list[Op]:
    if x is None or x.is_label:
        return [Op("+", "", y.heading)] if y and not y.is_label else []
    if y is None or y.is_label:
        return [Op("-", x.heading, "")]
    # renumbering alone is not a change: a different marker is an unimportant difference
    marker = [Op("=" if x.marker == y.marker else "~", x.marker, y.marker)] if x.marker or y.marker else []
    return marker + diff_texts(x.title, y.title, granularity=ctx.granularity, options=ctx.options)


def _paragraphs(ctx: _Context, x: Block | None, y: Block | None) -> list[ParagraphDiff]:
    out: list[ParagraphDiff] = []
    pending = [k for k in range(len(x.paragraphs)) if (x.index, k) not in ctx.moved_away] if x else []
    partner_in_x = {}
    if x and y:
        partner_in_x = {kb: ka for (ib, kb), ((ia, ka), _) in ctx.para_pairs.items() if ib == y.index and ia == x.index}
    paired_a = set(partner_in_x.values())
    pending = [k for k in pending if k not in paired_a]
    for kb in range(len(y.paragraphs) if y else 0):
        key = (y.index, kb)
        if kb in partner_in_x:
            ka = partner_in_x[kb]
            out.extend(_removed(ctx, x, [k for k in pending if k < ka]))
            pending = [k for k in pending if k > ka]
            out.append(_pair(ctx, (x.index, ka), key, ctx.para_pairs[key][1], moved=False))
        elif key in ctx.moves:
            a_key, sim = ctx.moves[key]
            out.append(_pair(ctx, a_key, key, sim, moved=True))
        else:
            out.append(ParagraphDiff("added", None, y.paragraphs[kb], [Op("+", "", y.paragraphs[kb])],
                                        0.0, b_pos=y.para_pos[kb]))
    out.extend(_removed(ctx, x, pending))
    return out


def _removed(ctx: _Context, x: Block | None, indexes: list[int]) -> list[ParagraphDiff]:
    return [
        ParagraphDiff("removed", x.paragraphs[k], None, [Op("-", x.paragraphs[k], "")], 0.0, a_pos=x.para_pos[k])
        for k in indexes
    ]


def _pair(ctx: _Context, a_key: Key, b_key: Key, sim: float, *, moved: bool) -> ParagraphDiff:
    x, y = ctx.a[a_key[0]], ctx.b[b_key[0]]
    text_a, text_b = x.paragraphs[a_key[1]], y.paragraphs[b_key[1]]
    ops = diff_texts(text_a, text_b, granularity=ctx.granularity, options=ctx.options)
    real_change = any(op.tag in "+-" for op in ops)
    status = "moved" if moved else ("changed" if real_change else "same")
    return ParagraphDiff(
        status, text_a, text_b, ops, sim if real_change else 1.0,
        a_pos=x.para_pos[a_key[1]], b_pos=y.para_pos[b_key[1]],
        moved_from=_heading_label(x) if moved else None,
    )


def _section_weight(section: SectionDiff) -> float:
    heading = len(section.a or "") + len(section.b or "") if section.heading_ops else 0
    return heading + sum(len(p.a or "") + len(p.b or "") for p in section.paragraphs)


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


def _document_similarity(sections: list[SectionDiff]) -> float:
    weights = [_section_weight(s) for s in sections]
    total = sum(weights)
    return sum(w * s.similarity for w, s in zip(weights, sections)) / total if total else 1.0

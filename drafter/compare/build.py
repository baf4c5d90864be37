"""`compare_documents`: align two documents and build the Comparison every renderer reads.

A is the reference, B the draft. Sections are paired in three passes: near copies by text
(drafter.compare.align), then what is left by topic (drafter.compare.align_topics), then sections
still alone are set against groups over there (drafter.compare.groups: umbrellas, merges).
Paragraphs likewise: by text inside paired sections, moves anywhere, then by topic inside paired
sections and groups. Sections come out in B's order; a section only in A is shown where it stood
relative to the sections both sides share (a merged one right after the section it went into). A
paragraph paired across sections is shown once, where it now stands (B), with where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.compare.align import Key, Pair, align_paragraphs, align_sections, find_moves
from drafter.compare.align_topics import TopicSides, pair_paragraphs_by_topic, pair_sections_by_topic
from drafter.compare.groups import Group, find_groups
from drafter.compare.model import Comparison
from drafter.compare.navigation import list_changes
from drafter.compare.section_view import SectionBuilder, heading_label
from drafter.compare.topics import Background, default_background
from drafter.compare.units import Block, blocks_of
from drafter.model import Document
from drafter.text.normalize import DEFAULT_OPTIONS, UnimportantOptions


@dataclass
class Link:
    """A B paragraph's partner in A, and how they were paired."""

    a: Key
    score: float
    how: str  # "text" (same section), "move" (elsewhere, near copy), "related" (same topic)


@dataclass
class Alignment:
    """Everything the passes decide, read by the section builder."""

    a: list[Block]
    b: list[Block]
    pairs: dict[int, int] = field(default_factory=dict)  # A block → B block
    how: dict[int, str] = field(default_factory=dict)  # A block → "text" | "moved" | "topic"
    scores: dict[int, float] = field(default_factory=dict)  # A block → pair score
    groups: list[Group] = field(default_factory=list)
    links: dict[Key, Link] = field(default_factory=dict)  # B paragraph → its A partner
    sides: TopicSides | None = None  # the topic vectors, when topics were used

    def linked_a(self) -> set[Key]:
        return {link.a for link in self.links.values()}


def compare_documents(
    a: Document,
    b: Document,
    *,
    granularity: str = "word",
    unimportant: UnimportantOptions = DEFAULT_OPTIONS,
    topics: bool = True,
    background: Background | None = None,
) -> Comparison:
    """Compare reference `a` with draft `b`. `topics=False` pairs near copies only (faster)."""
    al = Alignment(blocks_of(a), blocks_of(b))
    chain, moved = align_sections(al.a, al.b, unimportant)
    for pair, how in [(p, "text") for p in chain] + [(p, "moved") for p in moved]:
        _add_pair(al, pair, how)
    sides = None
    if topics and _anything_left(al):
        sides = al.sides = TopicSides(al.a, al.b, background or default_background())
        for pair in pair_sections_by_topic(sides, al.pairs):
            _add_pair(al, pair, "topic")
        al.groups = find_groups(sides, al.pairs)
    _text_paragraphs(al, unimportant)
    if sides is not None:
        _related_paragraphs(al, sides)
    builder = SectionBuilder(al.a, al.b, granularity, unimportant, provenance=getattr(b, "provenance", None))
    sections = [builder.section(ia, ib, al) for ia, ib in _section_order(al)]
    comparison = Comparison(
        similarity=_document_similarity(sections),
        sections=sections,
        a_title=a.plan_title or a.title,
        b_title=b.plan_title or b.title,
        title_ops=builder.title_ops(a.plan_title or a.title, b.plan_title or b.title),
    )
    comparison.changes = list_changes(comparison)
    return comparison


def _add_pair(al: Alignment, pair: Pair, how: str) -> None:
    al.pairs[pair.a] = pair.b
    al.how[pair.a] = how
    al.scores[pair.a] = pair.score


def _anything_left(al: Alignment) -> bool:
    paired_b = set(al.pairs.values())
    return any(not x.is_label and x.index not in al.pairs for x in al.a) or any(
        not y.is_label and y.index not in paired_b for y in al.b
    )


# -- paragraphs ----------------------------------------------------------------------------------
def _text_paragraphs(al: Alignment, options: UnimportantOptions) -> None:
    """Near copies: in order inside each section pair, then moves anywhere, then inside groups."""
    for ia, ib in al.pairs.items():
        for p in align_paragraphs(al.a[ia].paragraphs, al.b[ib].paragraphs, options):
            al.links[(ib, p.b)] = Link((ia, p.a), p.score, "text")
    loose_a, loose_b = _loose(al)
    if loose_a and loose_b:
        for key_b, (key_a, score) in find_moves(loose_a, loose_b, options).items():
            al.links[key_b] = Link(key_a, score, "move")
    for members_a, members_b in _group_sides(al):
        loose_a, loose_b = _loose(al, members_a, members_b)
        if loose_a and loose_b:
            keys_a, keys_b = list(loose_a), list(loose_b)
            for p in align_paragraphs(list(loose_a.values()), list(loose_b.values()), options):
                al.links[keys_b[p.b]] = Link(keys_a[p.a], p.score, "move")


def _related_paragraphs(al: Alignment, sides: TopicSides) -> None:
    """Same topic, rewritten: inside each section pair, then inside each group."""
    for ia, ib in al.pairs.items():
        loose_a, loose_b = _loose(al, [ia], [ib])
        for key_a, key_b, score in pair_paragraphs_by_topic(sides, list(loose_a), list(loose_b)):
            al.links[key_b] = Link(key_a, score, "related")
    for members_a, members_b in _group_sides(al):
        loose_a, loose_b = _loose(al, members_a, members_b)
        for key_a, key_b, score in pair_paragraphs_by_topic(sides, list(loose_a), list(loose_b)):
            al.links[key_b] = Link(key_a, score, "related")


def _loose(al: Alignment, blocks_a: list[int] | None = None,
           blocks_b: list[int] | None = None) -> tuple[dict[Key, str], dict[Key, str]]:
    """Paragraphs not linked yet (of the given blocks, or of all), keyed (block, paragraph)."""
    linked_a = al.linked_a()
    xs = [al.a[i] for i in blocks_a] if blocks_a is not None else al.a
    ys = [al.b[j] for j in blocks_b] if blocks_b is not None else al.b
    loose_a = {(x.index, k): t for x in xs for k, t in enumerate(x.paragraphs) if (x.index, k) not in linked_a}
    loose_b = {(y.index, k): t for y in ys for k, t in enumerate(y.paragraphs) if (y.index, k) not in al.links}
    return loose_a, loose_b


def _group_sides(al: Alignment) -> list[tuple[list[int], list[int]]]:
    """For each group: the A blocks and B blocks whose paragraphs may pair with each other."""
    inverse = {j: i for i, j in al.pairs.items()}
    out = []
    for g in al.groups:
        partners = list(g.partners)
        if g.side == "a":
            out.append(([g.index, *[inverse[j] for j in partners if j in inverse]], partners))
        else:
            out.append((partners, [g.index, *[al.pairs[i] for i in partners if i in al.pairs]]))
    return out


# -- section order -------------------------------------------------------------------------------
def _section_order(al: Alignment) -> list[tuple[int | None, int | None]]:
    """(A block, B block) in display order: B's order; an A-only block right after the partner of
    the nearest paired block before it in A (where it stood), or next to the section of its group."""
    by_b = {j: i for i, j in al.pairs.items()}
    grouped_a = {g.index: g for g in al.groups if g.side == "a"}
    before, after = _grouped_placement(grouped_a)
    leading: list[int] = []  # A-only blocks before any paired one
    predecessor = None
    for x in al.a:
        if x.index in al.pairs and al.how.get(x.index) != "moved":
            predecessor = al.pairs[x.index]
        elif x.index not in al.pairs and x.index not in grouped_a:
            (after.setdefault(predecessor, []) if predecessor is not None else leading).append(x.index)
    order: list[tuple[int | None, int | None]] = [(i, None) for i in leading]
    for y in al.b:
        order.extend((i, None) for i in before.get(y.index, []))
        order.append((by_b.get(y.index), y.index))
        order.extend((i, None) for i in after.get(y.index, []))
    return order


def _grouped_placement(grouped_a: dict[int, Group]) -> tuple[dict, dict]:
    """An umbrella goes before the first section it groups; a merged section after its target."""
    before: dict[int, list[int]] = {}
    after: dict[int, list[int]] = {}
    for index, g in sorted(grouped_a.items()):
        target = min(g.partners) if g.relation == "umbrella" else g.partners[0]
        (before if g.relation == "umbrella" else after).setdefault(target, []).append(index)
    return before, after


def _document_similarity(sections) -> float:  # noqa: ANN001
    weights = [_weight(s) for s in sections]
    total = sum(weights)
    return sum(w * s.similarity for w, s in zip(weights, sections)) / total if total else 1.0


def _weight(section) -> float:  # noqa: ANN001
    heading = len(section.a or "") + len(section.b or "") if section.heading_ops else 0
    return heading + sum(len(p.a or "") + len(p.b or "") for p in section.paragraphs)


__all__ = ["Alignment", "Link", "compare_documents", "heading_label"]

"""Pairing by topic: the sections and paragraphs that text similarity leaves unpaired.

Two cities' plans cover the same ground in different words (drafter.compare.topics). After the
text alignment (drafter.compare.align) has paired near copies, what is left is paired here, best
first, one to one: sections by the topic of their whole subtree (a heading with no body of its own
is about what stands under it), adjusted by kind and by whether their parents are already paired;
paragraphs by their own topic, inside paired sections. Such pairs are `related`: same topic,
rewritten — shown side by side with their shared key terms, not as an inline edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.compare.align import Key, Pair, greedy_extra
from drafter.compare.topics import (
    Background,
    TopicVector,
    add_counts,
    cosine,
    section_counts,
    term_counts,
    vectorize,
)
from drafter.compare.units import Block, subtree

RELATED_SECTION = 0.22  # a section pair below this is not the same topic
RELATED_CONTAINER = 0.3  # a heading with subsections, judged half by its heading words
RELATED_PARAGRAPH = 0.16  # paragraphs inside paired sections: the sections already agree on topic
VOTE_SHARE = 0.5
MIN_RELATED_LENGTH = 20  # a short line (文号, 联系人, a date) says nothing about a topic
SUBTREE_WEIGHT = 0.6  # words of the sections under a heading count for it, but less than its own
SAME_KIND = 0.04
OTHER_KIND = -0.12
PAIRED_PARENTS = 0.06
LEVEL_STEP = 0.01
# 总体要求 is the umbrella of 指导思想, 基本原则 and 工作目标: none of them is another "kind" to it.
KIND_FAMILY = {"总体要求": {"指导思想", "基本原则", "工作目标"}}
FRAMEWORK_KINDS = {"总体要求", "指导思想", "基本原则", "工作目标", "组织保障"}


@dataclass
class TopicSides:
    """Topic vectors of both sides' sections and paragraphs, computed when first asked for."""

    a: list[Block]
    b: list[Block]
    background: Background
    _sections: dict[tuple[str, int], TopicVector] = field(default_factory=dict)
    _paragraphs: dict[tuple[str, Key], TopicVector] = field(default_factory=dict)
    _scores: dict[tuple[str, str, int], dict[int, float]] = field(default_factory=dict)

    def blocks(self, side: str) -> list[Block]:
        return self.a if side == "a" else self.b

    def section(self, side: str, index: int) -> TopicVector:
        key = (side, index)
        if key not in self._sections:
            blocks = self.blocks(side)
            own = blocks[index]
            counts = section_counts(own.title if not own.is_label else "", own.paragraphs)
            for below in subtree(blocks, index)[1:]:
                add_counts(counts, section_counts(below.title, below.paragraphs), SUBTREE_WEIGHT)
            self._sections[key] = vectorize(counts, self.background)
        return self._sections[key]

    def cosines(self, i: int, j: int) -> tuple[float, float]:
        """(subtree topic, heading topic) of A section `i` and B section `j`."""
        return self.scores("section", "a", i).get(j, 0.0), self.scores("heading", "a", i).get(j, 0.0)

    def scores(self, what: str, side: str, index: int) -> dict[int, float]:
        """Cosine of one section's vector (`what`: section or heading) with every section of the
        other side that shares a term, through an inverted index: only those pairs are touched."""
        key = (what, side, index)
        if key not in self._scores:
            other = "b" if side == "a" else "a"
            vector = self.section(side, index) if what == "section" else self.heading(side, index)
            found: dict[int, float] = {}
            postings = self._postings(what, other)
            if vector:
                for term, weight in vector.weights.items():
                    for j, unit in postings.get(term, ()):
                        found[j] = found.get(j, 0.0) + unit * weight
            self._scores[key] = {j: min(1.0, dot / vector.norm) for j, dot in found.items()}
        return self._scores[key]

    def _postings(self, what: str, side: str) -> dict[str, list[tuple[int, float]]]:
        key = ("postings", what, side, -1)
        if key not in self._scores:
            postings: dict[str, list[tuple[int, float]]] = {}
            for block in self.blocks(side):
                if block.is_label:
                    continue
                vector = self.section(side, block.index) if what == "section" else self.heading(side, block.index)
                for term, weight in vector.weights.items():
                    postings.setdefault(term, []).append((block.index, weight / vector.norm))
            self._scores[key] = postings  # type: ignore[assignment] - one cache for both kinds of entry
        return self._scores[key]  # type: ignore[return-value]

    def heading(self, side: str, index: int) -> TopicVector:
        key = (side, -1 - index)
        if key not in self._sections:
            self._sections[key] = vectorize(term_counts(self.blocks(side)[index].title), self.background)
        return self._sections[key]

    def paragraph(self, side: str, key: Key) -> TopicVector:
        if (side, key) not in self._paragraphs:
            text = self.blocks(side)[key[0]].paragraphs[key[1]]
            self._paragraphs[(side, key)] = vectorize(term_counts(text), self.background)
        return self._paragraphs[(side, key)]


def effective_kind(blocks: list[Block], index: int) -> str | None:
    """A section's kind, or its nearest ancestor's (a task item under 二、重点任务 is a task)."""
    at: int | None = index
    while at is not None:
        kind = blocks[at].kind
        if kind and kind != "其他":
            return kind
        at = blocks[at].parent
    return None


def kind_adjustment(x: str | None, y: str | None) -> float:
    if not x or not y:
        return 0.0
    if x == y:
        return SAME_KIND
    if y in KIND_FAMILY.get(x, ()) or x in KIND_FAMILY.get(y, ()):
        return 0.0
    return OTHER_KIND


def section_topic_score(sides: TopicSides, i: int, j: int, paired: dict[int, int]) -> float:
    """Topic of two sections, with kind, paired parents and level difference. A section with
    subsections is judged half by its heading: its subtree alone blurs into every other big one."""
    x, y = sides.a[i], sides.b[j]
    score, heading = sides.cosines(i, j)
    if x.children or y.children:
        score = 0.5 * score + 0.5 * heading
    if score <= 0:
        return 0.0
    score += kind_adjustment(effective_kind(sides.a, i), effective_kind(sides.b, j))
    if x.parent is not None and y.parent is not None and paired.get(x.parent) == y.parent:
        score += PAIRED_PARENTS
    return score - LEVEL_STEP * abs(x.level - y.level)


def pair_sections_by_topic(sides: TopicSides, paired: dict[int, int]) -> list[Pair]:
    """One-to-one topic pairs among sections neither side has paired yet (labels excluded):
    sections without subsections first (their words are the most telling), then headings whose
    subsections went under one heading over there, then headings by topic."""
    paired = dict(paired)
    out: list[Pair] = []

    def take(pairs: list[Pair]) -> None:
        for pair in pairs:
            paired[pair.a] = pair.b
            out.append(pair)

    take(_greedy(sides, paired, lambda x, y: not x.children and not y.children, RELATED_SECTION))
    take(_by_votes(sides, paired))
    take(_greedy(sides, paired, lambda x, y: bool(x.children) and bool(y.children), RELATED_CONTAINER))
    take(_greedy(sides, paired, lambda x, y: True, RELATED_CONTAINER))
    take(_by_kind(sides, paired))
    return out


def _by_kind(sides: TopicSides, paired: dict[int, int]) -> list[Pair]:
    """Framework sections (指导思想, 基本原则, 工作目标, 总体要求, 组织保障) play the same part in every
    plan whatever their words: left alone on both sides, they pair by kind (the umbrella 总体要求
    with one of its family), the closer topic first."""
    free_a, free_b = _free(sides, paired)
    candidates = []
    for x in free_a:
        for y in free_b:
            if _framework(sides.a, x) and _framework(sides.b, y) and _parents_agree(sides, x, y, paired):
                fit = 0.3 if x.kind == y.kind else (0.2 if kind_adjustment(x.kind, y.kind) == 0 else 0.0)
                if fit:
                    topic = sides.scores("section", "a", x.index).get(y.index, 0.0)
                    candidates.append(Pair(x.index, y.index, fit + 0.5 * topic))
    return greedy_extra(candidates, set(paired), set(paired.values()), 0.0)


def _framework(blocks: list[Block], x: Block) -> bool:
    """A framework section itself, not one of its items (the (一)(二) under 组织保障)."""
    parent = blocks[x.parent] if x.parent is not None else None
    return x.kind in FRAMEWORK_KINDS and (parent is None or parent.is_label or parent.kind != x.kind)


def _parents_agree(sides: TopicSides, x: Block, y: Block, paired: dict[int, int]) -> bool:
    """Both at the top of their documents, or under parents paired with each other."""
    px = x.parent if x.parent is not None and not sides.a[x.parent].is_label else None
    py = y.parent if y.parent is not None and not sides.b[y.parent].is_label else None
    return (px is None and py is None) or (px is not None and paired.get(px) == py)


def _free(sides: TopicSides, paired: dict[int, int]) -> tuple[list[Block], list[Block]]:
    used_b = set(paired.values())
    return ([x for x in sides.a if not x.is_label and x.index not in paired],
            [y for y in sides.b if not y.is_label and y.index not in used_b])


def _greedy(sides: TopicSides, paired: dict[int, int], allowed, threshold: float) -> list[Pair]:  # noqa: ANN001
    free_a, free_b = _free(sides, paired)
    candidates = []
    for x in free_a:
        touching = sides.scores("section", "a", x.index).keys() | sides.scores("heading", "a", x.index).keys()
        for y in free_b:
            if y.index in touching and allowed(x, y):
                score = section_topic_score(sides, x.index, y.index, paired)
                if score >= threshold:
                    candidates.append(Pair(x.index, y.index, score))
    return greedy_extra(candidates, set(paired), set(paired.values()), threshold)


def _by_votes(sides: TopicSides, paired: dict[int, int]) -> list[Pair]:
    """Headings whose paired subsections mostly went under one heading over there, and that one's
    mostly came from here (at least two, and at least `VOTE_SHARE` of each side's)."""
    free_a, free_b = _free(sides, paired)
    free_b_ids = {y.index for y in free_b}
    below_b = {y.index: {z.index for z in subtree(sides.b, y.index)[1:]} for y in free_b if y.children}
    candidates = []
    for x in free_a:
        if not x.children:
            continue
        mine = {paired[z.index] for z in subtree(sides.a, x.index)[1:] if z.index in paired}
        for j, theirs in below_b.items():
            if j not in free_b_ids:
                continue
            shared = len(mine & theirs)
            theirs_paired = len(theirs & set(paired.values()))
            if shared >= 2 and min(shared / len(mine), shared / theirs_paired) >= VOTE_SHARE:
                candidates.append(Pair(x.index, j, shared / (len(mine) + theirs_paired - shared)))
    return greedy_extra(candidates, set(paired), set(paired.values()), 0.0)


def pair_paragraphs_by_topic(sides: TopicSides, keys_a: list[Key], keys_b: list[Key],
                             threshold: float = RELATED_PARAGRAPH) -> list[tuple[Key, Key, float]]:
    """One-to-one topic pairs between two sets of paragraphs, best first."""
    keys_a = [k for k in keys_a if len(sides.a[k[0]].paragraphs[k[1]]) >= MIN_RELATED_LENGTH]
    keys_b = [k for k in keys_b if len(sides.b[k[0]].paragraphs[k[1]]) >= MIN_RELATED_LENGTH]
    candidates = []
    for n, ka in enumerate(keys_a):
        va = sides.paragraph("a", ka)
        for m, kb in enumerate(keys_b):
            score = cosine(va, sides.paragraph("b", kb))
            if score >= threshold:
                candidates.append(Pair(n, m, score))
    return [(keys_a[p.a], keys_b[p.b], p.score) for p in greedy_extra(candidates, set(), set(), threshold)]

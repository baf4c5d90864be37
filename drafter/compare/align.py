"""Alignment: which section of A goes with which of B, which paragraphs pair up, what moved.

Scores come from rapidfuzz on canonical text (drafter.text.normalize), computed only for pairs
that can pass the threshold (`process.extract` with a cutoff runs the loop in C++). Pairs are
chosen as the best-scoring chain that keeps both sides in order (a weighted longest increasing
subsequence over the sparse candidates); what is left can still pair out of order — a moved
section, or a paragraph moved anywhere in the document when it is ≥ 0.8 similar.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from drafter.compare.units import Block
from drafter.text.normalize import UnimportantOptions, canonical

SECTION_THRESHOLD = 0.5
MOVED_SECTION_THRESHOLD = 0.65
PARAGRAPH_THRESHOLD = 0.5
MOVE_THRESHOLD = 0.8
BODY_ALONE = 0.55  # body × 0.9 must reach SECTION_THRESHOLD

Key = tuple[int, int]  # (block index, paragraph index)


@dataclass(frozen=True)
class Pair:
    a: int
    b: int
    score: float


def ordered_chain(candidates: list[Pair]) -> list[Pair]:
    """The in-order chain (a and b both increasing) with the highest total score."""
    if not candidates:
        return []
    # a ascending, b descending within one a: a chain can then never take two pairs with one a
    cands = sorted(candidates, key=lambda p: (p.a, -p.b))
    size = max(p.b for p in cands) + 2
    tree_val = [0.0] * (size + 1)
    tree_arg = [-1] * (size + 1)
    back = [-1] * len(cands)
    total = [0.0] * len(cands)
    for n, pair in enumerate(cands):
        best, arg, i = 0.0, -1, pair.b  # prefix max over b' < pair.b (1-based index b)
        while i > 0:
            if tree_val[i] > best:
                best, arg = tree_val[i], tree_arg[i]
            i -= i & -i
        total[n], back[n] = best + pair.score, arg
        i = pair.b + 1
        while i <= size:
            if total[n] > tree_val[i]:
                tree_val[i], tree_arg[i] = total[n], n
            i += i & -i
    n = max(range(len(cands)), key=total.__getitem__)
    chain = []
    while n != -1:
        chain.append(cands[n])
        n = back[n]
    return chain[::-1]


def greedy_extra(candidates: list[Pair], used_a: set[int], used_b: set[int], threshold: float) -> list[Pair]:
    """Best-first pairs among what is still unpaired (out-of-order matches)."""
    out = []
    for pair in sorted(candidates, key=lambda p: -p.score):
        if pair.score >= threshold and pair.a not in used_a and pair.b not in used_b:
            used_a.add(pair.a)
            used_b.add(pair.b)
            out.append(pair)
    return out


def similarity_pairs(texts_a: list[str], texts_b: list[str], cutoff: float) -> list[Pair]:
    """Every (i, j) whose rapidfuzz ratio is ≥ cutoff (0..1), scored 0..1.

    A text with an identical partner pairs only with its identical partners (nothing scores
    higher); otherwise only partners whose length allows the cutoff are scored: ratio ≤
    2·min(la, lb) / (la + lb), so lb must lie within [la·c/(2−c), la·(2−c)/c].
    """
    out: list[Pair] = []
    exact: dict[str, list[int]] = {}
    for j, text in enumerate(texts_b):
        if text:
            exact.setdefault(text, []).append(j)
    by_length = sorted((len(t), j) for j, t in enumerate(texts_b) if t)
    lengths = [n for n, _ in by_length]
    low, high = cutoff / (2 - cutoff), (2 - cutoff) / cutoff if cutoff else float("inf")
    for i, text in enumerate(texts_a):
        if not text:
            continue
        if text in exact:
            out.extend(Pair(i, j, 1.0) for j in exact[text])
            continue
        window = by_length[bisect_left(lengths, len(text) * low) : bisect_right(lengths, len(text) * high)]
        choices = [texts_b[j] for _, j in window]
        for _, score, k in process.extract(text, choices, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff * 100):
            out.append(Pair(i, window[k][1], score / 100))
    return out


def section_candidates(a: list[Block], b: list[Block], options: UnimportantOptions) -> list[Pair]:
    """Scored section pairs: heading words, body, kind and level together."""
    titles_a, titles_b = _canon([x.title for x in a], options), _canon([x.title for x in b], options)
    bodies_a, bodies_b = _canon([x.body for x in a], options), _canon([x.body for x in b], options)
    title_sim = {(p.a, p.b): p.score for p in similarity_pairs(titles_a, titles_b, 0.4)}
    # a body decides alone only when it is similar enough to pair without the heading's help;
    # for pairs whose headings agree, it is scored exactly whatever it is
    body_sim = {(p.a, p.b): p.score for p in similarity_pairs(bodies_a, bodies_b, BODY_ALONE)}
    for i, j in title_sim.keys() - body_sim.keys():
        if bodies_a[i] and bodies_b[j]:
            body_sim[(i, j)] = fuzz.ratio(bodies_a[i], bodies_b[j]) / 100
    out = []
    for i, j in set(title_sim) | set(body_sim) | _label_keys(a, b):
        score = _section_score(a[i], b[j], title_sim.get((i, j), 0.0), body_sim.get((i, j), 0.0))
        if score >= SECTION_THRESHOLD:
            out.append(Pair(i, j, score))
    return out


def _label_keys(a: list[Block], b: list[Block]) -> set[Key]:
    return {(x.index, y.index) for x in a if x.is_label for y in b if y.is_label}


def _section_score(x: Block, y: Block, title: float, body: float) -> float:
    if x.is_label or y.is_label:
        # labels (preambles, document titles) pair only with labels, preferably in order
        return 0.6 + 0.4 * body if x.is_label and y.is_label else 0.0
    if x.paragraphs and y.paragraphs:
        score = 0.4 * title + 0.6 * body
        score = max(score, title * 0.85, body * 0.9)  # a renamed or a rewritten section still pairs
    else:
        score = title * (1.0 if not x.paragraphs and not y.paragraphs else 0.85)
    if x.kind and y.kind and x.kind != "其他" and y.kind != "其他":
        score += 0.1 if x.kind == y.kind else -0.1
    return score - 0.05 * abs(x.level - y.level)


def align_sections(a: list[Block], b: list[Block], options: UnimportantOptions) -> tuple[list[Pair], list[Pair]]:
    """(in-order pairs, out-of-order pairs = moved sections)."""
    candidates = section_candidates(a, b, options)
    chain = ordered_chain(candidates)
    used_a, used_b = {p.a for p in chain}, {p.b for p in chain}
    return chain, greedy_extra(candidates, used_a, used_b, MOVED_SECTION_THRESHOLD)


def align_paragraphs(a: list[str], b: list[str], options: UnimportantOptions) -> list[Pair]:
    """In-order paragraph pairs of two aligned sections."""
    return ordered_chain(similarity_pairs(_canon(a, options), _canon(b, options), PARAGRAPH_THRESHOLD))


def find_moves(
    texts_a: dict[Key, str], texts_b: dict[Key, str], options: UnimportantOptions
) -> dict[Key, tuple[Key, float]]:
    """Unpaired B paragraph → (A paragraph it came from, similarity), for pairs ≥ 0.8 similar."""
    keys_a, keys_b = list(texts_a), list(texts_b)
    canon_a = _canon([texts_a[k] for k in keys_a], options)
    canon_b = _canon([texts_b[k] for k in keys_b], options)
    pairs = greedy_extra(similarity_pairs(canon_a, canon_b, MOVE_THRESHOLD), set(), set(), MOVE_THRESHOLD)
    return {keys_b[p.b]: (keys_a[p.a], p.score) for p in pairs}


def text_similarity(a: str, b: str, options: UnimportantOptions) -> float:
    ca, cb = canonical(a, options), canonical(b, options)
    if ca == cb:
        return 1.0
    return fuzz.ratio(ca, cb) / 100


def _canon(texts: list[str], options: UnimportantOptions) -> list[str]:
    return [canonical(t, options) if t else "" for t in texts]

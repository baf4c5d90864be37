"""`drafter rank DRAFT`: the corpus plans most similar to a draft, and which of the draft's
paragraphs appear nearly verbatim in which plans (region, year) — where the draft reuses text.

A section-aligned comparison (`drafter diff`) costs 20–30 ms a plan: minutes at 10,000 plans. So rank
works in two steps, neither of which aligns sections or diffs words:

1. Shortlist. Every stored document has a MinHash signature of its text's shingles (computed at
   ingest, `drafter.store.signature`); the share of equal slots estimates how much text it shares
   with the draft. One vectorised pass over all signatures (~30 ms at 100,000 plans) keeps the
   `SHORTLIST` plans that share the most.
2. Paragraph comparison. Each shortlisted plan's paragraphs are compared with every paragraph of
   the draft at once (rapidfuzz `cdist`, in C++): a paragraph's score is the ratio of its best
   match on the other side (0 below `PAIR_THRESHOLD`), and the plan's similarity is the
   length-weighted mean over the paragraphs of both — the paragraph part of what `drafter diff`
   measures, without its section alignment. Paragraphs whose best match reaches `VERBATIM` are
   the reused ones.

Texts are compared as their words only (`drafter.store.signature.words_only`: punctuation, blanks
and full/half width do not count), computed in C. `exhaustive=True` compares every plan (what the
tests check the shortlist against).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from drafter.compare.units import blocks_of
from drafter.model import Document

if TYPE_CHECKING:
    import numpy as np

    from drafter.store import CorpusStore, DocFilter

VERBATIM = 0.9  # "nearly verbatim": word texts at least this similar
MIN_PARAGRAPH = 20  # shorter paragraphs (a one-line heading body) say little about reuse
# Plans compared paragraph by paragraph. 50 missed relatives whose text is reworded rather than
# copied (MinHash ranks them up to ~60th among a family's members at 10,000 plans); 100 costs ~4 ms
# of CPU a plan more (benchmarks/RESULTS.md).
SHORTLIST = 100
PAIR_THRESHOLD = 0.6  # a paragraph whose best match is below this counts as unmatched
BATCH = 100  # plans whose paragraphs are compared with the draft's in one matrix (a few MB)


@dataclass
class RankedPlan:
    id: int
    title: str | None
    region: str | None
    year: str | None
    similarity: float
    reused_paragraphs: int = 0
    shared: float = 0.0  # the shortlist's estimate of shared text (MinHash Jaccard), 0..1


@dataclass
class ReuseHit:
    id: int
    region: str | None
    year: str | None
    similarity: float
    text: str


@dataclass
class Reuse:
    paragraph: str
    heading: str | None
    found_in: list[ReuseHit] = field(default_factory=list)


@dataclass
class Ranking:
    draft_title: str | None
    plans: list[RankedPlan] = field(default_factory=list)
    reused: list[Reuse] = field(default_factory=list)
    compared: int = 0  # plans compared in full
    corpus: int = 0  # plans in the corpus (under the filter)

    def to_json(self) -> dict:
        return {
            "draft": self.draft_title,
            "plans": [{**asdict(p), "similarity": round(p.similarity, 4), "shared": round(p.shared, 4)}
                      for p in self.plans],  # fmt: skip
            "reused": [
                {
                    "paragraph": r.paragraph,
                    "heading": r.heading,
                    "found_in": [{**asdict(h), "similarity": round(h.similarity, 4)} for h in r.found_in],
                }
                for r in self.reused
            ],
            "compared": self.compared,
            "corpus": self.corpus,
        }


def rank_against_corpus(
    draft: Document,
    store: CorpusStore,
    *,
    limit: int = 10,
    shortlist: int = SHORTLIST,
    exhaustive: bool = False,
    where: DocFilter | None = None,
) -> Ranking:
    """The `limit` corpus plans most similar to `draft` (the draft itself, if it is in the corpus,
    left out, and so are notices, 起草说明, 解读, 征求意见 announcements and templates), from a
    shortlist of `shortlist` (all of them when `exhaustive`)."""
    from dataclasses import replace

    from drafter.store import DocFilter
    from drafter.store.signature import words_only

    where = replace(where or DocFilter(), plans_only=True)
    ids, shared = _shortlist(draft, store, None if exhaustive else shortlist, where)
    mine = [p for block in blocks_of(draft) for p in block.paragraphs]
    mine_words = words_only("\0".join(mine)).split("\0")  # one pass of the regex for all of them
    reuse = {text: Reuse(text, heading) for text, heading in _draft_paragraphs(draft)}
    plans: list[RankedPlan] = []
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        texts = [store.paragraph_texts(doc_id) for doc_id in batch]
        for doc_id, theirs, (similarity, best) in zip(batch, texts, _compare_batch(mine_words, texts)):
            summary = store.summary(doc_id)
            plan = RankedPlan(summary.id, summary.title or summary.plan_title, summary.region,
                              (summary.date or "")[:4] or None, similarity, shared=shared.get(doc_id, 0.0))  # fmt: skip
            for i, (score, j) in best.items():
                if score >= VERBATIM and mine[i] in reuse:
                    reuse[mine[i]].found_in.append(ReuseHit(plan.id, plan.region, plan.year, score, theirs[j]))
                    plan.reused_paragraphs += 1
            plans.append(plan)
    plans.sort(key=lambda p: (-p.similarity, p.id))
    reused = [r for r in reuse.values() if r.found_in]
    for r in reused:
        r.found_in.sort(key=lambda h: (-h.similarity, h.id))
    return Ranking(draft.plan_title or draft.title, plans[:limit], reused, len(ids), store.count_documents(where))


def _compare_batch(mine: list[str], plans: list[list[str]]) -> list[tuple[float, dict[int, tuple[float, int]]]]:
    """`paragraph_similarity(mine, words of each plan's paragraphs)` for several plans, their
    paragraphs compared with the draft's in one matrix (one pass of `words_only`, one `cdist`: a
    call a plan cost ~50 ms more on 100 plans, and split the work into pieces too small to share
    between cores)."""
    from drafter.store.signature import words_only

    # A plan without paragraphs is one empty paragraph, as `"".split("\0")` made it.
    columns = [plan or [""] for plan in plans]
    words = words_only("\0".join(text for plan in columns for text in plan)).split("\0")
    if len(words) != sum(map(len, columns)):  # a paragraph holding \0 itself: one plan at a time
        return [paragraph_similarity(mine, words_only("\0".join(plan)).split("\0")) for plan in plans]
    scores = pair_ratios(mine, words)
    out, start = [], 0
    for plan in columns:
        end = start + len(plan)
        out.append(paragraph_similarity(mine, words[start:end], scores[:, start:end]))
        start = end
    return out


def paragraph_similarity(
    a: list[str], b: list[str], scores: np.ndarray | None = None
) -> tuple[float, dict[int, tuple[float, int]]]:
    """(similarity of two paragraph lists, {index in a: (best ratio, index in b)} for a's matched
    paragraphs). Each paragraph scores the ratio of its best match on the other side, 0 below
    PAIR_THRESHOLD; the similarity weighs every paragraph of both sides by its length. `scores`:
    `pair_ratios(a, b)` when the caller has it."""
    import numpy as np

    la = np.array([len(t) for t in a], dtype=float)
    lb = np.array([len(t) for t in b], dtype=float)
    total = la.sum() + lb.sum()
    if not len(a) or not len(b) or not total:
        return (1.0 if not total else 0.0), {}
    if scores is None:
        scores = pair_ratios(a, b)
    best_a, best_b = scores.max(axis=1), scores.max(axis=0)
    similarity = float(((la * best_a).sum() + (lb * best_b).sum()) / total)
    partner = scores.argmax(axis=1)
    matched = {i: (float(best_a[i]), int(partner[i])) for i in np.flatnonzero(best_a)}
    return similarity, matched


def pair_ratios(a: list[str], b: list[str]) -> np.ndarray:
    """rapidfuzz's ratio (0..1) of every pair of paragraphs, 0 below PAIR_THRESHOLD.

    Most pairs are unrelated, and rapidfuzz compares Chinese text (code points above 255) several
    times slower than bytes. So every pair is first compared with both texts folded to bytes (each
    character's code point mod 251): folding only adds matches, so that ratio bounds the true one
    from above, and only the pairs whose bound reaches the threshold are compared as written."""
    import numpy as np
    from rapidfuzz import fuzz, process

    cutoff = PAIR_THRESHOLD * 100
    bound = process.cdist(_folded(a), _folded(b), scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.float32,
                          workers=-1)
    out = np.zeros((len(a), len(b)), dtype=np.float64)
    rows, cols = np.nonzero(bound)
    if len(rows):
        exact = process.cpdist([a[i] for i in rows], [b[j] for j in cols], scorer=fuzz.ratio, score_cutoff=cutoff,
                               workers=-1)
        out[rows, cols] = exact / 100.0
    return out


def _folded(texts: list[str]) -> list[str]:
    """Each text with every character's code point taken mod 251 (as latin-1 text, same length)."""
    import numpy as np

    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    folded = (codes % np.uint32(251)).astype(np.uint8).tobytes().decode("latin-1")
    out, start = [], 0
    for text in texts:
        out.append(folded[start : start + len(text)])
        start += len(text)
    return out


def _shortlist(
    draft: Document, store: CorpusStore, size: int | None, where: DocFilter | None
) -> tuple[list[int], dict[int, float]]:
    """The ids of the `size` documents sharing the most text with the draft (None: all), best
    first, with their estimated share."""
    from drafter.store.signature import estimate, signature

    ids, matrix = store.signatures(where)
    if not ids:
        return [], {}
    import numpy as np

    scores = estimate(signature([text for block in blocks_of(draft) for text in block.paragraphs]), ids, matrix)
    own = _own_id(draft)
    take = len(ids) if size is None else min(len(ids), size + (own is not None))
    best = np.argpartition(-scores, take - 1)[:take] if take < len(ids) else np.arange(len(ids))
    order = sorted(best.tolist(), key=lambda i: (-scores[i], ids[i]))
    chosen = [ids[i] for i in order if ids[i] != own][: len(ids) if size is None else size]
    return chosen, {ids[i]: float(scores[i]) for i in order}


def _own_id(draft: Document) -> int | None:
    """The corpus id of a draft that is itself a corpus document (`corpus:12`)."""
    source = draft.source or ""
    return int(source.split(":", 1)[1]) if source.startswith("corpus:") and source[7:].isdigit() else None


def _draft_paragraphs(draft: Document) -> list[tuple[str, str | None]]:
    """The draft's paragraphs long enough to speak of reuse, each once, with its heading."""
    from drafter.store.signature import words_only

    seen: dict[str, str | None] = {}
    for block in blocks_of(draft):
        for text in block.paragraphs:
            if len(words_only(text)) >= MIN_PARAGRAPH:
                seen.setdefault(text, block.heading)
    return list(seen.items())

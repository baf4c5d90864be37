"""Topic similarity: what two passages are about, whatever their wording (TF-IDF over words).

Two cities' sections on 家庭医生签约服务 share few sentences but many words: 家庭医生, 签约, 团队,
慢性病 …; a rapidfuzz ratio sees nothing in common, a TF-IDF cosine sees the topic. Terms are the
segmenter's words of two characters or more (drafter.text.tokens), without place and unit names
(who and where, not what), generic verbs and function words; policy terms (drafter.compare.terms)
are added whole and weigh `KEY_WEIGHT` times more. A section's heading words count `HEADING_WEIGHT`
times. Inverse document frequencies come from a background corpus, each section one document:
the bundled plans by default (derived once, cached in drafter's cache dir keyed by their content),
or any documents (a user's store) through `background_from_documents`.

`topic_similarity(a, b)` compares two texts; `TopicIndex` holds many and answers one query text
with ranked hits (item, score, shared terms): drafter.compare.align pairs sections and paragraphs
with it, drafter.compare.cover finds the draft section that takes up a superior document's task.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, TypeVar

from drafter.compare.terms import TERM_ALIASES, TERM_BROADER, is_policy_term, spans_of
from drafter.model import Document
from drafter.text.normalize import canonical
from drafter.text.tokens import tokenize_cached

TOPICS_VERSION = "2"  # bump when term extraction changes: cached backgrounds are derived again
HEADING_WEIGHT = 2.0
KEY_WEIGHT = 2.0

# Words every plan uses whatever its topic: task verbs, degree words, administrative filler.
STOPWORDS = frozenset("""
进一步 加强 推进 完善 建立 健全 全面 积极 深化 落实 开展 推动 提高 提升 工作 有关 相关 各级 按照 实施
坚持 进行 以及 方面 重要 主要 要求 做好 切实 努力 不断 逐步 继续 加快 加大 强化 确保 实现 形成 促进
支持 鼓励 探索 规范 优化 统筹 合理 有效 重点 任务 负责 分工 职责 牵头 配合 年底 以上 以下 其中 通过
按职责 分工负责 各县区 县区 全市 本市 我市 全省 本省 各地 地方 结合 根据 依据 对于 关于 进行 加以 予以
不得 可以 应当 需要 能够 一批 一个 两个 每个 同时 并且 或者 以及 等等 及时 认真 大力 着力 深入 持续
扎实 稳步 有序 全力 全部 所有 各类 各项 多种 不同 一定 一步 有关部门 相关部门 各有关部门 单位 部门
""".split())
_CONTENT = re.compile(r"^(?:[\u4e00-\u9fff]{2,}|[A-Za-z]{2,}[A-Za-z0-9+]*)$")

Counts = dict[str, float]


@lru_cache(maxsize=16384)
def _term_counts(text: str) -> tuple[tuple[str, float], ...]:
    canon = canonical(text)
    spans = spans_of(canon)
    counts: Counts = {}
    pos = 0
    for token in tokenize_cached(canon):
        start, pos = pos, pos + len(token)
        if _CONTENT.match(token) and token not in STOPWORDS and not _inside(spans.hard, start, pos):
            counts[token] = counts.get(token, 0.0) + 1.0
    for s, e in spans.terms:
        term = TERM_ALIASES.get(canon[s:e], canon[s:e])
        counts[term] = counts.get(term, 0.0) + 1.0
        broader = TERM_BROADER.get(term)
        if broader:
            counts[broader] = counts.get(broader, 0.0) + 1.0
    return tuple(counts.items())


def _inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def term_counts(text: str, weight: float = 1.0) -> Counts:
    """Raw counts of the topic terms of `text` (times `weight`)."""
    return {t: c * weight for t, c in _term_counts(text or "")}


def add_counts(into: Counts, more: Counts, weight: float = 1.0) -> Counts:
    for term, count in more.items():
        into[term] = into.get(term, 0.0) + count * weight
    return into


def section_counts(heading: str | None, paragraphs: Iterable[str]) -> Counts:
    """Heading words `HEADING_WEIGHT` times, body words once."""
    counts = term_counts(heading or "", HEADING_WEIGHT)
    for paragraph in paragraphs:
        add_counts(counts, term_counts(paragraph))
    return counts


# -- background ----------------------------------------------------------------------------------
@dataclass
class Background:
    """Document frequencies of terms over a corpus of sections."""

    n: int = 0
    df: dict[str, int] = field(default_factory=dict)
    _idf: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    def idf(self, term: str) -> float:
        value = self._idf.get(term)
        if value is None:
            value = self._idf[term] = math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0
        return value

    def to_json(self) -> dict:
        return {"version": TOPICS_VERSION, "n": self.n, "df": self.df}

    def add(self, terms: Iterable[str]) -> None:
        self.n += 1
        for term in terms:
            self.df[term] = self.df.get(term, 0) + 1
        self._idf.clear()


def background_from_documents(documents: Iterable[Document]) -> Background:
    """Each section (heading and own paragraphs) of each document counts as one document."""
    from drafter.compare.units import blocks_of

    background = Background()
    for doc in documents:
        for block in blocks_of(doc):
            terms = section_counts(block.title if not block.is_label else "", block.paragraphs)
            if terms:
                background.add(terms)
    return background


@lru_cache(maxsize=1)
def default_background() -> Background:
    """The bundled corpus's background, from the cache file when its files have not changed."""
    import hashlib

    from drafter.compare.cache import cached_json
    from drafter.resources import corpus_files

    files = corpus_files()
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    key = f"{TOPICS_VERSION}:{segmenter_id()}:{digest.hexdigest()}"

    def derive() -> dict:
        from drafter.reader import read_plans

        return background_from_documents(d for path in files for d in read_plans(path)).to_json()

    data = cached_json("background", key, derive)
    return Background(int(data.get("n", 0)), dict(data.get("df", {})))


def store_background(store) -> Background:  # noqa: ANN001 - any store with iter/list_documents
    """A store's background, cached keyed by its document list (ids, titles, dates)."""
    from drafter.compare.cache import cached_json

    summaries = store.list_documents()
    listing = "|".join(f"{s.id}:{s.title}:{s.date}" for s in summaries)
    key = f"{TOPICS_VERSION}:{segmenter_id()}:{len(summaries)}:{listing}"
    data = cached_json("background-store", key,
                       lambda: background_from_documents(d for _, d in store.iter_documents()).to_json())
    return Background(int(data.get("n", 0)), dict(data.get("df", {})))


def segmenter_id() -> str:
    """Which segmenter made the terms: a background from another one does not fit."""
    from drafter.text import tokens

    return str(getattr(tokens, "SEGMENTER", None) or getattr(tokens, "SEGMENTER_VERSION", None) or "jieba")


# -- vectors -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TopicVector:
    weights: dict[str, float]
    norm: float

    def __bool__(self) -> bool:
        return self.norm > 0


def vectorize(counts: Counts, background: Background | None = None) -> TopicVector:
    background = background or default_background()
    weights = {}
    idf, log = background.idf, math.log
    for term, count in counts.items():
        tf = 1.0 + log(count) if count >= 1 else count
        weights[term] = tf * idf(term) * (KEY_WEIGHT if is_policy_term(term) else 1.0)
    return TopicVector(weights, math.sqrt(sum(w * w for w in weights.values())))


def cosine(u: TopicVector, v: TopicVector) -> float:
    if not u or not v:
        return 0.0
    small, large = (u, v) if len(u.weights) <= len(v.weights) else (v, u)
    dot = sum(w * large.weights.get(t, 0.0) for t, w in small.weights.items())
    return min(1.0, dot / (u.norm * v.norm))


def term_recall(query: TopicVector, target: TopicVector) -> float:
    """How much of `query`'s weight `target` mentions at all: 1 when every term of the query is
    there. Asymmetric, for "does this long section take up that short task"."""
    if not query:
        return 0.0
    found = sum(w for t, w in query.weights.items() if t in target.weights)
    return found / sum(query.weights.values())


def shared_terms(u: TopicVector, v: TopicVector, limit: int = 8) -> list[str]:
    """The terms that make `u` and `v` alike, most telling first; a word inside a listed policy
    term is left out (分级诊疗 says more than 分级 and 诊疗)."""
    common = sorted((t for t in u.weights if t in v.weights), key=lambda t: -u.weights[t] * v.weights[t])
    out: list[str] = []
    for term in common:
        if any(term in kept for kept in out):
            continue
        out = [kept for kept in out if kept not in term] + [term]
        if len(out) >= limit:
            break
    return out


def topic_similarity(a_text: str, b_text: str, background: Background | None = None) -> float:
    """Cosine of the two texts' TF-IDF vectors: 0 (nothing in common) … 1 (same words, same mix)."""
    return cosine(vectorize(term_counts(a_text), background), vectorize(term_counts(b_text), background))


# -- an index over many passages -----------------------------------------------------------------
T = TypeVar("T")


@dataclass
class TopicHit(Generic[T]):
    index: int  # position of the item in the index
    item: T
    score: float
    shared_terms: list[str]


class TopicIndex(Generic[T]):
    """Passages (any items with a text) indexed by topic; `query(text)` ranks them.

    `text_of` gives an item's text, `heading_of` (optional) its heading, counted `HEADING_WEIGHT`
    times. Scoring walks an inverted index, so a query touches only the items sharing a term.
    """

    def __init__(self, items: Sequence[T], text_of: Callable[[T], str] = str,
                 heading_of: Callable[[T], str | None] | None = None,
                 background: Background | None = None) -> None:
        self.items = list(items)
        self.background = background or default_background()
        self.vectors = [
            vectorize(section_counts(heading_of(item) if heading_of else None, [text_of(item)]), self.background)
            for item in self.items
        ]
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for i, vector in enumerate(self.vectors):
            for term, weight in vector.weights.items():
                self._postings.setdefault(term, []).append((i, weight / vector.norm))

    def query(self, text: str, *, heading: str | None = None, limit: int = 10,
              min_score: float = 0.0) -> list[TopicHit[T]]:
        return self.query_vector(vectorize(section_counts(heading, [text]), self.background),
                                 limit=limit, min_score=min_score)

    def query_vector(self, vector: TopicVector, *, limit: int = 10, min_score: float = 0.0) -> list[TopicHit[T]]:
        if not vector:
            return []
        scores: dict[int, float] = {}
        for term, weight in vector.weights.items():
            for i, unit in self._postings.get(term, ()):
                scores[i] = scores.get(i, 0.0) + unit * weight
        ranked = sorted(((s / vector.norm, i) for i, s in scores.items()), key=lambda x: (-x[0], x[1]))
        return [
            TopicHit(i, self.items[i], min(1.0, score), shared_terms(vector, self.vectors[i]))
            for score, i in ranked[:limit] if score >= min_score
        ]

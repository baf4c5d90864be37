"""What the corpus store knows about places: terms only one province's plans use, and 文号 prefixes.

A term is distinctive of province P when at least three plans of P, from at least two different
places, use it in sentences of their own (not one passage copied into each), no
plan of any other province (nor of unknown place) does, and that absence is telling: were the term
as common elsewhere as in P, at least `MIN_EXPECTED` of the other plans would carry it. Terms are
jieba words and pairs of adjacent words (`中` + `省` → 中省, as in 陕西's 根据中省统一部署), 2–4
Han characters, not common dictionary words. Computed from the store's documents and cached in the
cache folder under a fingerprint of the store's contents.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

MIN_REGIONS = 2  # places within the province that use the term
MIN_DOCS = 3  # plans of the province that use it (two excerpts of one national text are not a usage)
MIN_EXPECTED = 3.0  # other plans expected to carry it if it were as common there
MAX_COMMON = 2000  # jieba dictionary frequency above which a word is everyone's
CACHE_VERSION = 4
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_PREFIX = re.compile(r"^([\u4e00-\u9fff]{2,10}?)\s*[〔\[［【(（]\s*(?:19|20)\d{2}")


@dataclass
class CorpusFacts:
    terms: dict[str, dict] = field(default_factory=dict)  # term → {province, regions, docs}
    prefixes: dict[str, str] = field(default_factory=dict)  # 文号 prefix → region (哈政办规 → 哈尔滨市)
    documents: int = 0

    def as_json(self) -> dict:
        return {
            "version": CACHE_VERSION,
            "terms": self.terms,
            "prefixes": self.prefixes,
            "documents": self.documents,
        }

    @classmethod
    def from_json(cls, data: dict) -> CorpusFacts:
        return cls(dict(data.get("terms", {})), dict(data.get("prefixes", {})), int(data.get("documents", 0)))

    def abbreviations(self) -> dict[str, str]:
        """The one character a place's 文号 starts with (哈 → 哈尔滨市), where only one place uses it."""
        seen: dict[str, set[str]] = defaultdict(set)
        for prefix, region in self.prefixes.items():
            if prefix[0] not in "市县区省州":
                seen[prefix[0]].add(region)
        return {ch: next(iter(regions)) for ch, regions in seen.items() if len(regions) == 1}


@dataclass
class PlanInfo:
    key: str  # what identifies the plan's text (a hash)
    province: str | None
    region: str | None
    doc_number: str | None
    text: str = ""


def corpus_facts(db: str | None = None) -> CorpusFacts:
    """The facts for the user's store (cached); empty facts when the store cannot be opened."""
    from drafter.errors import DrafterError

    try:
        store = _open_store(db)
    except (DrafterError, OSError) as err:  # no store at hand: the other rules still run
        import logging

        logging.getLogger(__name__).info("no corpus facts: %s", err)
        return CorpusFacts()
    try:
        summaries = store.list_documents()
        stamp = _fingerprint(summaries)
        cached = _read_cache(stamp)
        if cached is not None:
            return cached
        plans = [_plan_info(summary, doc) for summary, doc in store.iter_documents()]
    finally:
        store.close()
    facts = compute_facts(plans)
    _write_cache(stamp, facts)
    return facts


def _open_store(db: str | None):  # noqa: ANN202 - a drafter.store.CorpusStore
    from drafter.store import open_store

    return open_store(db)


def _plan_info(summary, doc) -> PlanInfo:  # noqa: ANN001 - DocSummary, Document
    from drafter.library.build import source_region
    from drafter.library.gazetteer import gazetteer

    region = source_region(doc)
    place = gazetteer().lookup(region) if region else None
    text = doc.text or ""
    return PlanInfo(
        hashlib.sha1(text.encode("utf-8")).hexdigest(),
        place.province if place else None,
        place.name if place else region,
        doc.doc_number,
        text,
    )


def compute_facts(plans: list[PlanInfo]) -> CorpusFacts:
    unique = list({p.key: p for p in plans if p.text.strip()}.values())
    return CorpusFacts(_distinctive(unique), _prefixes(unique), len(unique))


def _prefixes(plans: list[PlanInfo]) -> dict[str, str]:
    out: dict[str, str] = {}
    for plan in plans:
        found = _PREFIX.match((plan.doc_number or "").strip())
        if found and plan.region:
            out.setdefault(found.group(1), plan.region)
    return out


def _distinctive(plans: list[PlanInfo]) -> dict[str, dict]:
    where: dict[str, dict[str | None, set[int]]] = defaultdict(lambda: defaultdict(set))
    contexts: dict[str, dict[int, set[str]]] = defaultdict(dict)
    for i, plan in enumerate(plans):
        for term, seen in plan_terms(plan.text).items():
            where[term][plan.province].add(i)
            contexts[term][i] = seen
    per_province: dict[str | None, int] = defaultdict(int)
    for plan in plans:
        per_province[plan.province] += 1
    total = len(plans)
    common = _common_words()
    out = {}
    for term, by_province in where.items():
        if len(by_province) != 1 or term in common:
            continue
        ((province, docs),) = by_province.items()
        if province is None or not _used_freely(contexts[term], docs):
            continue
        regions = {plans[i].region for i in docs}
        expected = len(docs) / per_province[province] * (total - per_province[province])
        if len(regions) >= MIN_REGIONS and len(docs) >= MIN_DOCS and expected >= MIN_EXPECTED:
            out[term] = {"province": province, "regions": sorted(r for r in regions if r), "docs": len(docs)}
    return _without_places(out)


def _used_freely(contexts: dict[int, set[str]], docs: set[int]) -> bool:
    """A usage, not one passage copied into several plans: the term stands in different company.

    Plans that copy the same national text (城市公立医院综合改革's 统筹优化医疗资源布局) share every
    word of it; a province's own way of speaking (中省) turns up in sentences of its own."""
    every = [contexts[i] for i in docs]
    shared = set.intersection(*every) if every else set()
    return len(set.union(*every)) >= 2 and not shared


_FUNCTION_CHARS = set("的和与及或等在对为将把是了各全我本该其之以于从由向到并且")


def plan_terms(text: str) -> dict[str, set[str]]:
    """Candidate terms of a text, each with the company it keeps (3 characters either side).

    Words of 2–4 Han characters, and two adjacent single characters (中 + 省 → 中省) or a single
    character with a two-character word, when the single one is not a function word (等 + 各项)."""
    from drafter.text.tokens import tokenize

    terms: dict[str, set[str]] = defaultdict(set)
    pos, previous = 0, None  # (start, token) of the previous Han token
    for token in tokenize(text):
        start = pos
        pos += len(token)
        if not _HAN.match(token):
            previous = None
            continue
        if 2 <= len(token) <= 4:
            terms[token].add(_company(text, start, pos))
        if previous and _pairable(previous[1], token):
            terms[previous[1] + token].add(_company(text, previous[0], pos))
        previous = (start, token)
    return terms


def _pairable(a: str, b: str) -> bool:
    if min(len(a), len(b)) != 1 or len(a) + len(b) > 3:
        return False
    singles = [c for c in (a, b) if len(c) == 1]
    return not any(c in _FUNCTION_CHARS for c in singles)


def _company(text: str, start: int, end: int) -> str:
    return text[max(0, start - 3) : start] + "|" + text[end : end + 3]


def _common_words() -> frozenset[str]:
    from drafter.text.tokens import common_words

    return common_words(MAX_COMMON, (2, 4))


def _without_places(terms: dict[str, dict]) -> dict[str, dict]:
    """A term holding a place's name is the place-name rule's business, not this one's."""
    from drafter.library.gazetteer import gazetteer

    gaz = gazetteer()
    return {t: info for t, info in terms.items() if not gaz.spot(t)}


def _fingerprint(summaries: list) -> str:
    digest = hashlib.sha1(f"v{CACHE_VERSION}".encode())
    for s in summaries:
        digest.update(f"{s.id}|{s.date}|{s.region}|{s.doc_number}|{s.title}|{s.sections}\n".encode())
    return digest.hexdigest()[:16]


def _cache_path(stamp: str) -> Path:
    from drafter.paths import locations

    return locations().cache_dir / "check" / f"corpus-facts-{stamp}.json"


def _read_cache(stamp: str) -> CorpusFacts | None:
    path = _cache_path(stamp)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return CorpusFacts.from_json(data) if data.get("version") == CACHE_VERSION else None


def _write_cache(stamp: str, facts: CorpusFacts) -> None:
    from drafter.atomic import write_bytes_atomically

    path = _cache_path(stamp)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("corpus-facts-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
        write_bytes_atomically(path, json.dumps(facts.as_json(), ensure_ascii=False).encode("utf-8"))
    except OSError:  # a read-only cache folder only costs the next run the computation
        pass

"""The corpus paragraphs that implement one task of a superior document, best first.

For a task (its heading and requirement), the store is searched for its heading and for each of its
most telling terms (drafter.compare.topics: the corpus as background), and the paragraphs found are
ranked by topic: closeness to the task (TF-IDF cosine) first, then — as tie-breakers among close
ones — recency, the draft's own province and its administrative level. A paragraph is left out when
it is no plan text of a known place (a preamble, a framework section, a drafting explanation, a
plan without a region), is garbled, is dated after the draft, or comes from an excluded document
(the superior itself). `usable()` then localises a candidate for the draft's region and runs the
check rules over it (drafter.draft.localise): what comes back is ready to insert, with its 来源.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from drafter.compare.topics import Background, TopicIndex, cosine, section_counts, term_recall, vectorize
from drafter.draft.localise import Voice, checked, localise_passage

MIN_CHARS, MAX_CHARS = 40, 1200  # a paragraph shorter says nothing; longer, it is several run together
TERMS = 6  # the task's most telling terms, each searched on its own
PER_QUERY = 30
# Good enough to fill a task: this close in topic whatever else; or close, mentioning most of what
# the task is about and under a heading on the same subject; or under a heading on just that subject.
STRONG = 0.4
MIN_CLOSENESS, MIN_RECALL, MIN_HEADING = 0.2, 0.5, 0.1
LOOSE_CLOSENESS, SAME_HEADING = 0.15, 0.35
RECENCY_YEARS = 10
BONUS_RECENT, BONUS_PROVINCE, BONUS_LEVEL = 0.06, 0.05, 0.06
# A 直辖市's plan speaks as a 市 but plans a province: its programmes (新城, 郊区新院, 国家联采办) are
# seldom another city's. It is taken only when nothing else comes close.
MUNICIPALITY = 0.1
_FRAMEWORK = ("指导思想", "基本原则", "工作目标", "总体要求", "组织保障")
_GLUED = re.compile(r".{20}(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])")


@dataclass
class Candidate:
    """One corpus paragraph for a task, as found and (after `usable`) as the draft would take it."""

    original: str  # as the corpus has it
    heading: str  # the heading it stands under there
    doc_id: int
    paragraph_id: int
    source: dict[str, str]  # 地区, 省份, 文件, 文号, 日期: its 来源
    closeness: float = 0.0  # topic cosine with the task
    recall: float = 0.0  # share of the task's (IDF-weighted) terms it mentions
    heading_closeness: float = 0.0  # topic cosine of its heading there with the task's heading
    penalty: float = 0.0  # taken off its closeness before the good-enough bars (a 直辖市's plan)
    score: float = 0.0  # closeness and the tie-breakers: what the ranking sorts by
    shared_terms: list[str] = field(default_factory=list)
    text: str | None = None  # localised and checked; None until `usable` said yes
    dropped: int = 0  # sentences the rules took out
    fixed: int = 0  # safe fixes applied
    note: str = ""  # its own responsibility note, as written (for the units when the superior has none)

    @property
    def good_enough(self) -> bool:
        closeness = self.closeness - self.penalty
        if closeness >= STRONG:
            return True
        if closeness >= MIN_CLOSENESS and self.recall >= MIN_RECALL and self.heading_closeness >= MIN_HEADING:
            return True
        return closeness >= LOOSE_CLOSENESS and self.heading_closeness >= SAME_HEADING

    def provenance(self) -> dict[str, str]:
        keep = ("地区", "文件", "文号", "日期")
        return {**{k: self.source[k] for k in keep if self.source.get(k)}, "相似度": f"{self.closeness:.2f}"}

    def as_json(self) -> dict:
        return {"text": self.text, "original": self.original, "heading": self.heading, "doc_id": self.doc_id,
                "source": dict(self.source), "closeness": round(self.closeness, 4),
                "recall": round(self.recall, 4),
                "score": round(self.score, 4), "heading_closeness": round(self.heading_closeness, 4),
                "shared_terms": list(self.shared_terms),
                "good_enough": self.good_enough, "dropped": self.dropped}  # fmt: skip


class CorpusPool:
    """The store's plans as sources for one draft (its region, date, province and level)."""

    def __init__(self, store, context, voice: Voice, *, background: Background,  # noqa: ANN001
                 exclude: Iterable[int] = (), corpus_facts: object = None) -> None:
        from drafter.library.gazetteer import gazetteer

        self.store, self.context, self.voice, self.background = store, context, voice, background
        self.corpus_facts = corpus_facts
        self.exclude = set(exclude)
        self.year = context.when().year
        self.summaries = {s.id: s for s in store.list_documents()}
        self.provinces = {i: _province(gazetteer(), s.region) for i, s in self.summaries.items()}
        self.used: set[int] = set()  # paragraphs already placed in the draft
        self._checked: dict[int, Candidate | None] = {}

    def ranked(self, heading: str, text: str, limit: int = 8) -> list[Candidate]:
        """The paragraphs closest to the task, best first (not yet localised)."""
        query = vectorize(section_counts(heading, [text]), self.background)
        terms = sorted(query.weights, key=lambda term: -query.weights[term])[:TERMS]
        found = {}
        for q in [heading, *terms]:
            for hit in self.store.search(q, limit=PER_QUERY):
                if hit.paragraph_id not in found and self._fits(hit):
                    found[hit.paragraph_id] = hit
        if not found:
            return []
        hits = list(found.values())
        index = TopicIndex(hits, text_of=lambda h: h.text, heading_of=_heading, background=self.background)
        out = []
        title = vectorize(section_counts(None, [heading]), self.background)
        for hit in index.query_vector(query, limit=len(hits)):
            candidate = self._candidate(hit.item, hit.score, hit.shared_terms)
            candidate.recall = term_recall(query, index.vectors[hit.index])
            own = vectorize(section_counts(None, [candidate.heading]), self.background)
            candidate.heading_closeness = cosine(title, own)
            out.append(candidate)
        out.sort(key=lambda c: -c.score)
        return out[:limit]

    def _fits(self, hit) -> bool:  # noqa: ANN001 - a store Hit
        from drafter.corpus.kinds import title_kind
        from drafter.text.garbled import find_garbled

        summary = self.summaries.get(hit.doc_id)
        if summary is None or hit.doc_id in self.exclude or not summary.region or not hit.heading_path:
            return False
        if (summary.title or "").strip() == "起草说明" or not MIN_CHARS <= len(hit.text) <= MAX_CHARS:
            return False
        if summary.date and summary.date[:10] > self.context.when().isoformat():
            return False  # written after the draft's date: it cannot have been a model
        if any(title_kind(_words(h)) in _FRAMEWORK for h in hit.heading_path):
            return False
        from drafter.draft.numbering import parse_heading

        return not _GLUED.match(hit.text) and not find_garbled(hit.text) and parse_heading(hit.text) is None

    def _candidate(self, hit, closeness: float, shared: list[str]) -> Candidate:  # noqa: ANN001
        summary = self.summaries[hit.doc_id]
        source = {"地区": summary.region or "", "省份": self.provinces.get(hit.doc_id) or "",
                  "文件": summary.plan_title or summary.title or "", "文号": summary.doc_number or "",
                  "日期": summary.date or ""}  # fmt: skip
        candidate = Candidate(hit.text, _heading(hit), hit.doc_id, hit.paragraph_id, source, closeness,
                              shared_terms=shared)  # fmt: skip
        candidate.penalty = MUNICIPALITY if self._municipality(summary) else 0.0
        candidate.score = closeness + self._bonus(summary, self.provinces.get(hit.doc_id)) - candidate.penalty
        return candidate

    def _municipality(self, summary) -> bool:  # noqa: ANN001 - a DocSummary
        return summary.level == "省级" and (summary.region or "").endswith("市") and self.voice.level != "省级"

    def _bonus(self, summary, province: str | None) -> float:  # noqa: ANN001 - a DocSummary
        bonus = 0.0
        year = _year(summary.date)
        if year is not None:
            bonus += BONUS_RECENT * max(0.0, 1 - (self.year - year) / RECENCY_YEARS)
        if province and province == self.context.province:
            bonus += BONUS_PROVINCE
        if summary.level and summary.level == self.voice.level:
            bonus += BONUS_LEVEL
        return bonus

    def usable(self, candidate: Candidate) -> Candidate | None:
        """The candidate localised for the draft and passed through the check rules, or None."""
        if candidate.paragraph_id in self._checked:
            return self._checked[candidate.paragraph_id]
        values = self.context.values()
        text = localise_passage(candidate.original, candidate.source, values, self.voice,
                                _year(candidate.source.get("日期")))  # fmt: skip
        result = checked(text, candidate.provenance(), self.context, self.corpus_facts) if text else None
        out = None
        if result is not None:
            candidate.text, candidate.dropped, candidate.fixed = result.text, result.dropped, result.fixed
            candidate.note = _own_note(candidate.original)
            out = candidate
        self._checked[candidate.paragraph_id] = out
        return out


def _heading(hit) -> str:  # noqa: ANN001
    return _words(hit.heading_path[-1]) if hit.heading_path else ""


def _words(heading: str) -> str:
    """A heading without its marker (`（三）降低药品费用` → `降低药品费用`)."""
    from drafter.draft.numbering import parse_heading

    found = parse_heading(heading)
    return found[1] if found else heading


def _province(gaz, region: str | None) -> str | None:  # noqa: ANN001
    place = gaz.lookup(region) if region else None
    return place.province if place else None


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _own_note(text: str) -> str:
    from drafter.draft.localise import _NOTE, _RESPONSIBLE

    notes = [m.group() for m in _NOTE.finditer(text) if _RESPONSIBLE.search(m.group())]
    return notes[-1] if notes else ""

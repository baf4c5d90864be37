"""`drafter new --from 上级文件`: the local plan drawn up task by task from the superior document.

The superior document (any plan file, or a corpus document) is read with the same parser as every
plan; its task structure (drafter.draft.superior_outline) becomes the draft's: one section per task,
in its order and grouping, between the standard opening and closing (drafter.draft.frame). Each task
section is filled with the corpus paragraph that best implements that task elsewhere
(drafter.draft.candidates), localised and checked (drafter.draft.localise); when that text alone does
not take the task up, the superior's requirement in the local voice stands first; when the corpus has
nothing close enough, the superior's own text in the local voice is kept and marked `待完善`. Every
paragraph keeps its 来源. The superior's units become local ones (drafter.draft.units) in a
responsibility note the 重点任务分工表 reads; its deadlines are carried as they are (none later).

`draft_from_superior(...)` returns the draft; `build_from_superior(...)` also returns, for each task
section, the superior task and its ranked candidates (what the app shows beside the draft text).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date

from drafter.draft.candidates import Candidate, CorpusPool
from drafter.draft.localise import Voice, checked, findings, strip_notes, superior_voice, voice_for
from drafter.draft.model import PROVENANCE, Draft, DraftSection, parse_provenance, provenance_line
from drafter.draft.superior_outline import Node, SuperiorOutline, SuperiorTask, superior_outline
from drafter.draft.titles import local_title
from drafter.draft.units import infer_units, local_units, parse_note, responsibility_note
from drafter.messages import t
from drafter.model import Document

Progress = Callable[[int, int, str], None]  # (tasks done, tasks in all, the task being filled)
SECOND_BELOW = 220  # a chosen paragraph shorter than this takes a second one with it
COVER_MARGIN = 0.05  # the section must restate this much more of the task than `drafter cover` asks
PENDING = "待完善"


@dataclass
class TaskFill:
    """One task section of the draft: the superior task it takes up and how it was filled."""

    path: tuple[int, ...]  # the section's number path in the draft (2, 3) = 二、 → （三）
    heading: str
    task: SuperiorTask
    candidates: list[Candidate] = field(default_factory=list)  # ranked; `.text` set on the checked ones
    chosen: list[Candidate] = field(default_factory=list)
    restated: bool = False  # the superior's requirement stands first
    pending: bool = False  # nothing in the corpus was close enough: 待完善
    lead: str | None = None
    partners: list[str] = field(default_factory=list)
    deadline: str | None = None
    units_from: str = "superior"  # superior | candidate | inferred

    def as_json(self) -> dict:
        return {"path": list(self.path), "heading": self.heading, "task": self.task.as_json(),
                "candidates": [c.as_json() for c in self.candidates],
                "chosen": [c.paragraph_id for c in self.chosen], "restated": self.restated,
                "pending": self.pending, "lead": self.lead, "partners": list(self.partners),
                "deadline": self.deadline, "units_from": self.units_from}  # fmt: skip


@dataclass
class SuperiorDraft:
    draft: Draft
    outline: SuperiorOutline
    tasks: list[TaskFill] = field(default_factory=list)
    seconds: float = 0.0

    def as_json(self) -> dict:
        return {"tasks": [task.as_json() for task in self.tasks], "seconds": round(self.seconds, 2),
                "pending": sum(task.pending for task in self.tasks)}  # fmt: skip


@dataclass
class _Run:
    """What filling one draft needs at hand."""

    outline: SuperiorOutline
    pool: CorpusPool
    voice: Voice
    context: object  # a RegionContext
    cited: str  # the superior as the 来源 names it
    corpus: object
    progress: Progress | None
    fills: list[TaskFill] = field(default_factory=list)
    done: int = 0


def draft_from_superior(superior: Document, region: str, province: str | None = None, *, store,  # noqa: ANN001
                        progress: Progress | None = None, **options) -> Draft:
    """The draft for `region` that takes up `superior` task by task (see `build_from_superior`)."""
    return build_from_superior(superior, region, province, store=store, progress=progress, **options).draft


def build_from_superior(superior: Document, region: str, province: str | None = None, *, store,  # noqa: ANN001
                        title: str | None = None, issuer: str | None = None, date: str | None = None,
                        progress: Progress | None = None, exclude: Iterable[int] = (),
                        corpus: object = None, library=None) -> SuperiorDraft:  # noqa: ANN001
    """Draw up the plan. `store` is the corpus (its public reading methods only); `corpus` the
    store's facts for the 属地 rules (drafter.check.distinctive.corpus_facts); `exclude` corpus ids
    not to draw from (the superior itself is never drawn from). `progress(done, total, task)` is
    called as each task is filled; the work needs no UI thread."""
    from drafter.compare.topics import store_background
    from drafter.draft.compose import draft_context, parse_draft_keep_kinds
    from drafter.draft.frame import closing_section, opening_sections
    from drafter.draft.part_edit import new_preface
    from drafter.library.variants import Library

    started = time.perf_counter()
    outline = superior_outline(superior)
    draft = _new_draft(superior, region, province, title, issuer, date)
    context = draft_context(draft)
    voice = voice_for(context)
    cited = _cited(superior)
    skip = set(exclude) | _same_documents(store, superior)
    pool = CorpusPool(store, context, voice, background=store_background(store), exclude=skip,
                      corpus_facts=corpus)  # fmt: skip
    run = _Run(outline, pool, voice, context, cited, corpus, progress)
    library = library or Library.load()
    draft.sections = opening_sections(outline, library, context, voice, cited, corpus)
    draft.sections += [_area(area, run, 1) for area in outline.areas]
    closing = closing_section(outline, library, context, corpus)
    draft.sections += [closing] if closing else []
    draft.renumber()
    draft.preamble = new_preface()
    _set_paths(draft, run.fills)
    result = SuperiorDraft(parse_draft_keep_kinds(draft), outline, run.fills)
    result.seconds = time.perf_counter() - started
    return result


def _new_draft(superior: Document, region: str, province: str | None, title: str | None,
               issuer: str | None, date: str | None) -> Draft:
    from drafter.draft.fill import Superior
    from drafter.draft.part_edit import new_parts
    from drafter.library.gazetteer import gazetteer

    place = gazetteer().lookup(region, province)
    province = province or (place.province if place else None)
    cited = Superior(superior.title or superior.plan_title or "", superior.doc_number or "")
    meta = {
        "region": region, "province": province or "", "level": place.level if place else "",
        "title": title or local_title(superior, region), "issuer": issuer or f"{region}人民政府办公室",
        "date": date or Date.today().isoformat(), "superior": [cited.as_meta()] if cited.title else [],
    }  # fmt: skip
    meta = {k: v for k, v in meta.items() if v not in ("", [])}
    meta.update(new_parts(meta))
    return Draft(meta=meta)


def _cited(superior: Document) -> str:
    from drafter.draft.fill import Superior

    return Superior(superior.title or superior.plan_title or "", superior.doc_number or "").cited()


def _same_documents(store, superior: Document) -> set[int]:  # noqa: ANN001
    """The corpus's copies of the superior document: never a source for its own implementation."""
    def same(s) -> bool:  # noqa: ANN001 - a DocSummary
        if superior.doc_number and s.doc_number == superior.doc_number:
            return True
        return bool(superior.plan_title) and (s.plan_title, s.region) == (superior.plan_title, superior.region)

    return {s.id for s in store.list_documents() if same(s)}


def _area(node: Node, run: _Run, level: int) -> DraftSection:
    from drafter.text.punctuation import normalize_punctuation

    title = normalize_punctuation(superior_voice(node.title, run.outline.level, run.voice))
    if node.task is not None:
        return _task_section(node.task, title, run, level)
    section = DraftSection(title, level, kind="重点任务")
    section.children = [_area(child, run, min(level + 1, 4)) for child in node.children]
    return section


def _task_section(task: SuperiorTask, title: str, run: _Run, level: int) -> DraftSection:
    if run.progress:
        run.progress(run.done, len(run.outline.tasks()), title)
    fill = TaskFill((), title, task)
    requirement = superior_voice(task.requirement, run.outline.level, run.voice)
    fill.candidates = run.pool.ranked(title, requirement)
    fill.chosen = _choose(fill.candidates, run.pool)
    lines: list[str] = []
    if not fill.chosen:
        fill.pending = True
        lines += _superior_paragraph(task, run, pending=True)
    elif not _covers(task, title, [c.text for c in fill.chosen]):
        fill.restated = True
        lines += _superior_paragraph(task, run, pending=False, requirement_only=True)
    for candidate in fill.chosen:
        run.pool.used.add(candidate.paragraph_id)
        lines += [provenance_line(candidate.provenance()), candidate.text]
    _responsibilities(fill, run)
    lines[-1] = _with_note(lines[-2], lines[-1], fill, run)
    if fill.units_from != "superior":  # the drafter checks units the superior did not name
        lines[-2] = _annotated(lines[-2], {"责任单位": t(f"superior.units_{fill.units_from}")})
    run.fills.append(fill)
    run.done += 1
    return DraftSection(title, level, lines=lines, kind="重点任务")


def _choose(candidates: list[Candidate], pool: CorpusPool) -> list[Candidate]:
    """The best usable candidate, and a second one (from another plan) when the first is short."""
    chosen: list[Candidate] = []
    for candidate in candidates:
        if not candidate.good_enough or candidate.paragraph_id in pool.used:
            continue
        if chosen and candidate.doc_id == chosen[0].doc_id:
            continue
        if pool.usable(candidate) is None:
            continue
        chosen.append(candidate)
        if len(chosen) == 2 or len(candidate.text or "") >= SECOND_BELOW:
            break
    return chosen


def _covers(task: SuperiorTask, title: str, texts: list[str | None]) -> bool:
    """Whether the section would take the task up as `drafter cover` judges it (with a margin)."""
    from drafter.compare.cover import COVERED, FIRST_SENTENCE_CHARS
    from drafter.compare.topics import section_counts, term_recall, vectorize

    first = task.requirement.split("。", 1)[1][:FIRST_SENTENCE_CHARS] if "。" in task.requirement else ""
    query = vectorize(section_counts(None, [f"{task.title}。{first}"]))
    target = vectorize(section_counts(None, ["\n".join([title, *(x or "" for x in texts)])]))
    return term_recall(query, target) >= COVERED + COVER_MARGIN


def _superior_paragraph(task: SuperiorTask, run: _Run, *, pending: bool,
                        requirement_only: bool = False) -> list[str]:  # fmt: skip
    """The superior's text for the task in the local voice, checked, with its 来源 (and 待完善)."""
    if requirement_only:  # under its heading: the body's first sentences say what it asks for
        source = task.first_sentences or task.requirement
    else:
        source = task.body.strip() or task.requirement
    lines = [p for p in source.split("\n") if p.strip()]
    text = "".join(superior_voice(strip_notes(p), run.outline.level, run.voice) for p in lines)
    fields = {"上级文件": run.cited}
    if pending:
        fields[PENDING] = t("superior.pending_task")
    result = checked(text, fields, run.context, run.corpus, keep_share=0.0)  # the task's words must stay
    if result is None:
        from drafter.text.punctuation import normalize_punctuation

        return [provenance_line(fields), normalize_punctuation(text)]
    return [provenance_line(fields), result.text]


def _responsibilities(fill: TaskFill, run: _Run) -> None:
    """Local units: the superior's, else the chosen paragraph's own note, else by the task's topic."""
    local = run.voice.local
    task = fill.task
    fill.deadline = task.deadline
    lead, partners = task.lead, list(task.partners)
    if not lead and not partners and fill.chosen and fill.chosen[0].note:
        lead, partners = parse_note(fill.chosen[0].note)
        fill.units_from = "candidate"
    if not lead and not partners:
        fill.units_from = "inferred"
    leads = local_units(lead.split("、") if lead else [], local)
    if not leads:  # none named, or none that maps: the task's topic says who leads
        guessed = infer_units(f"{fill.heading}。{task.body}", local)
        leads, partners = guessed[:1], partners or guessed[1:]
    fill.lead = "、".join(leads)
    fill.partners = [u for u in local_units(partners, local) if u not in leads]


def _with_note(provenance: str, paragraph: str, fill: TaskFill, run: _Run) -> str:
    """The last paragraph with the responsibility note. A note the 提法 rules find out of date (the
    医疗保障 remit led by 发展改革 or 人社, as before the 2018 reform) is led by the 医疗保障 unit."""
    note = responsibility_note(fill.lead, fill.partners, fill.deadline)
    if not note:
        return paragraph
    source = parse_provenance(m.group("body")) if (m := PROVENANCE.match(provenance)) else {}
    found = findings(paragraph + note, source, run.context, run.corpus)
    if fill.lead and any(f.rule == "tifa.yibao_remit" for f in found):
        insurer = run.voice.local.name("医疗保障")
        fill.partners = [u for u in [*fill.lead.split("、"), *fill.partners] if u != insurer]
        fill.lead = insurer
        note = responsibility_note(fill.lead, fill.partners, fill.deadline)
    return paragraph + note


def _annotated(provenance: str, more: dict[str, str]) -> str:
    found = PROVENANCE.match(provenance)
    return provenance_line({**(parse_provenance(found.group("body")) if found else {}), **more})


def _set_paths(draft: Draft, fills: list[TaskFill]) -> None:
    """Each fill's number path, found by walking the draft in order (fills were made in that order)."""
    pending = iter(fills)
    current = next(pending, None)

    def walk(sections: list[DraftSection], path: tuple[int, ...]) -> None:
        nonlocal current
        for i, section in enumerate(sections, start=1):
            if current is not None and not section.children and section.title == current.heading:
                current.path = (*path, i)
                current = next(pending, None)
            walk(section.children, (*path, i))

    walk(draft.sections, ())


# -- for the app: a task section's superior task and its candidates, in a draft opened later -----
def match_tasks(draft: Draft, superior: Document) -> list[tuple[tuple[int, ...], SuperiorTask]]:
    """Each task of `superior` and the number path of the draft section taking it up: the section
    whose heading is the task's (in the local voice), in order; tasks the drafter removed are left out."""
    from drafter.draft.compose import draft_context
    from drafter.text.punctuation import normalize_punctuation

    outline = superior_outline(superior)
    voice = voice_for(draft_context(draft))
    local = [normalize_punctuation(superior_voice(t.title, outline.level, voice)) for t in outline.tasks()]
    wanted = list(zip(local, outline.tasks(), strict=True))
    found: list[tuple[tuple[int, ...], SuperiorTask]] = []

    def walk(sections: list[DraftSection], path: tuple[int, ...]) -> None:
        for i, section in enumerate(sections, start=1):
            here = (*path, i)
            for title, task in wanted:
                if section.title.strip() == title and all(task is not t for _p, t in found):
                    found.append((here, task))
                    break
            walk(section.children, here)

    walk(draft.sections, ())
    return found


def section_candidates(draft: Draft, heading: str, text: str, *, store, corpus: object = None,  # noqa: ANN001
                       limit: int = 8, exclude: Iterable[int] = ()) -> list[Candidate]:
    """The corpus paragraphs for one section of `draft` (its heading, and the superior task's text or
    the section's own), best first, each localised and checked: `.text` is what the draft would take,
    None for one the rules turned down. Reads the store; run it off the UI thread."""
    from drafter.compare.topics import store_background
    from drafter.draft.compose import draft_context

    context = draft_context(draft)
    pool = CorpusPool(store, context, voice_for(context), background=store_background(store), exclude=exclude,
                      corpus_facts=corpus)  # fmt: skip
    ranked = pool.ranked(heading, text, limit)
    for candidate in ranked:
        pool.usable(candidate)
    return ranked

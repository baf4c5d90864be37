"""Coverage: which tasks of a superior document the draft takes up, and draft sections × plans.

`cover(draft, superior)` lists the superior document's tasks — its numbered items (the sections
without subsections, outside the framework parts 指导思想 / 基本原则 / 工作目标 / 组织保障), or, in
a document without numbered items, its sentences with task verbs (推进, 完善, 建立, 健全, 加强 …) —
and for each the draft section that takes it up, by topic (drafter.compare.topics), with a score;
below `COVERED` nothing takes it up. `cover_matrix(draft, plans)` sets every draft section against
each plan: the plan's closest section and its score, and which plan is closest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.compare.align_topics import FRAMEWORK_KINDS, RELATED_SECTION, effective_kind
from drafter.compare.section_view import heading_label
from drafter.compare.topics import (
    Background,
    TopicHit,
    TopicIndex,
    default_background,
    section_counts,
    term_recall,
    vectorize,
)
from drafter.compare.units import Block, ancestors, blocks_of, subtree
from drafter.model import Document

# A section that takes a task up restates most of its telling words; a neighbour on a related
# subject mentions about half of them. Between the two bars a task is partly there.
COVERED = 0.62  # the share of a task's (IDF-weighted) terms its best draft section must mention
PARTLY = 0.4
SAME_TOPIC = RELATED_SECTION  # draft section × plan section: the bar of a related pair
CANDIDATES = 8  # sections closest in topic, among which the one covering the task best is chosen
TASK_VERBS = ("推进", "完善", "建立", "健全", "加强", "深化", "落实", "推动", "强化", "实施", "开展", "提升",
              "优化", "加快", "构建", "探索", "规范", "统筹", "支持", "鼓励")
_SENTENCE = re.compile(r"[^。；;！!\n]+[。；;！!]?")
FIRST_SENTENCE_CHARS = 120


@dataclass
class Task:
    """One task of the superior document and where the draft takes it up."""

    text: str
    heading: str | None = None  # the superior's heading of the item (None for a sentence task)
    covered_by: str | None = None  # the draft heading, None when nothing takes it up
    score: float = 0.0
    closest: str | None = None  # the best draft section even when it does not take the task up
    path: list[str] = field(default_factory=list)  # the draft section's headings from the top
    shared_terms: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        """covered, partly (something close, short of taking it up) or missing."""
        if self.covered_by is not None:
            return "covered"
        return "partly" if self.score >= PARTLY else "missing"

    def to_json(self) -> dict:
        return {"text": self.text, "heading": self.heading, "covered_by": self.covered_by,
                "score": round(self.score, 4), "state": self.state, "closest": self.closest,
                "path": list(self.path), "shared_terms": list(self.shared_terms)}


@dataclass
class Coverage:
    against: str | None
    draft: str | None
    tasks: list[Task] = field(default_factory=list)

    @property
    def covered(self) -> list[Task]:
        return [task for task in self.tasks if task.covered_by is not None]

    @property
    def missing(self) -> list[Task]:
        return [task for task in self.tasks if task.covered_by is None]

    def to_json(self) -> dict:
        return {"against": self.against, "draft": self.draft, "tasks": [task.to_json() for task in self.tasks],
                "covered": len(self.covered), "missing": len(self.missing)}


def superior_tasks(doc: Document) -> list[Task]:
    """The tasks of a superior document: numbered items, or else sentences with task verbs."""
    blocks = blocks_of(doc)
    areas = _leading_areas(blocks)
    items = [x for x in blocks if not x.is_label and not x.children
             and (effective_kind(blocks, x.index) not in FRAMEWORK_KINDS or _top(blocks, x.index) in areas)]
    if items:
        return [Task(_item_text(x), heading=x.heading) for x in items]
    sentences = [s.strip() for x in blocks for p in x.paragraphs for s in _SENTENCE.findall(p)]
    return [Task(s) for s in sentences if len(s) >= 10 and any(v in s for v in TASK_VERBS)]


def _top(blocks: list[Block], index: int) -> int:
    """The top-level block `index` stands under (itself when it is one)."""
    while blocks[index].parent is not None and not blocks[blocks[index].parent].is_label:
        index = blocks[index].parent
    return index


def _leading_areas(blocks: list[Block]) -> set[int]:
    """Top-level 组织保障 parts with a task part after them: task areas (`一、加强医改组织领导` heading a
    国务院办公厅 重点工作任务), not the closing part their words suggest."""
    tops = [x for x in blocks if not x.is_label and _top(blocks, x.index) == x.index]
    tasks = [i for i, x in enumerate(tops) if x.kind == "重点任务"]
    return {x.index for i, x in enumerate(tops) if x.kind == "组织保障" and tasks and i < tasks[-1]}


def _item_text(block: Block) -> str:
    """The item's heading words and its first sentence: what a superior document asks for."""
    first = next((s for p in block.paragraphs for s in _SENTENCE.findall(p) if s.strip()), "")
    title = block.title.rstrip("。；; ")
    return f"{title}。{first.strip()[:FIRST_SENTENCE_CHARS]}" if first else title


@dataclass
class _Target:
    heading: str
    path: list[str]
    text: str


def draft_index(draft: Document, background: Background | None = None) -> TopicIndex[_Target]:
    """Every section of the draft (its heading and own paragraphs: a heading over subsections
    covers a task only through them), and each paragraph on its own under its section's heading."""
    blocks = blocks_of(draft)
    targets: list[_Target] = []
    for x in blocks:
        if x.is_label or (x.children and not x.paragraphs):
            continue  # a heading over subsections says nothing by itself: they are targets of their own
        path = [heading_label(p) or "" for p in ancestors(blocks, x.index)]
        heading = heading_label(x) or ""
        targets.append(_Target(heading, path, "\n".join([x.title, *x.paragraphs])))
        targets.extend(_Target(heading, path, f"{x.title}\n{p}") for p in x.paragraphs if len(p) >= 20)
    return TopicIndex(targets, text_of=lambda target: target.text, background=background)


def cover(draft: Document, superior: Document, *, background: Background | None = None,
          threshold: float = COVERED) -> Coverage:
    index = draft_index(draft, background or default_background())
    coverage = Coverage(superior.plan_title or superior.title, draft.plan_title or draft.title)
    for task in superior_tasks(superior):
        best = best_target(index, task.text)
        if best is not None:
            task.score, task.shared_terms, task.closest = best.score, best.shared_terms, best.item.heading
            if best.score >= threshold:
                task.covered_by, task.path = best.item.heading, best.item.path
        coverage.tasks.append(task)
    return coverage


def best_target(index: TopicIndex[_Target], text: str) -> TopicHit[_Target] | None:
    """The section that takes `text` up: among those closest in topic, the one mentioning most of
    its terms (weighted by how telling each is); its score is that share."""
    query = vectorize(section_counts(None, [text]), index.background)
    hits = index.query_vector(query, limit=CANDIDATES)
    for hit in hits:
        hit.score = term_recall(query, index.vectors[hit.index])
    return max(hits, key=lambda h: (h.score, -h.index)) if hits else None


# -- draft sections × plans ----------------------------------------------------------------------
@dataclass
class Cell:
    covered_by: str | None  # the plan's section on the same topic, None when none is close enough
    score: float
    closest: str | None = None  # the plan's closest section, however far

    def to_json(self) -> dict:
        return {"covered_by": self.covered_by, "score": round(self.score, 4), "closest": self.closest}


@dataclass
class Row:
    heading: str
    path: list[str]
    cells: list[Cell] = field(default_factory=list)

    @property
    def closest(self) -> int | None:
        """Index of the plan with the closest section (None when no plan takes this up)."""
        scored = [(c.score, i) for i, c in enumerate(self.cells) if c.covered_by is not None]
        return max(scored)[1] if scored else None

    def to_json(self) -> dict:
        return {"heading": self.heading, "path": list(self.path), "cells": [c.to_json() for c in self.cells],
                "closest": self.closest}


@dataclass
class Matrix:
    draft: str | None
    plans: list[str]  # titles
    rows: list[Row] = field(default_factory=list)
    regions: list[str | None] = field(default_factory=list)

    def labels(self) -> list[str]:
        """Short names for column heads: the region when known."""
        regions = self.regions or [None] * len(self.plans)
        return [region or title for title, region in zip(self.plans, regions)]

    def plan_scores(self) -> list[float]:
        """Each plan's mean score over the draft's sections: who is closest overall."""
        if not self.rows:
            return [0.0] * len(self.plans)
        return [sum(row.cells[i].score for row in self.rows) / len(self.rows) for i in range(len(self.plans))]

    def to_json(self) -> dict:
        scores = self.plan_scores()
        regions = self.regions or [None] * len(self.plans)
        return {"draft": self.draft,
                "plans": [{"title": p, "region": r, "score": round(s, 4)} for p, r, s in zip(self.plans, regions, scores)],
                "sections": [row.to_json() for row in self.rows]}


def cover_matrix(draft: Document, plans: list[Document], *, background: Background | None = None,
                 threshold: float = SAME_TOPIC) -> Matrix:
    """Each draft section against each plan by topic (cosine: two sections, neither a short task)."""
    background = background or default_background()
    indexes = [draft_index(plan, background) for plan in plans]
    matrix = Matrix(draft.plan_title or draft.title, [p.plan_title or p.title or p.region or "—" for p in plans],
                    regions=[p.region for p in plans])
    blocks = blocks_of(draft)
    for x in blocks:
        if x.is_label or (not x.paragraphs and not x.children):
            continue
        text = "\n".join([x.title, *x.paragraphs]) if x.paragraphs else "\n".join(
            [x.title, *(b.title for b in subtree(blocks, x.index)[1:])])
        row = Row(heading_label(x) or "", [heading_label(p) or "" for p in ancestors(blocks, x.index)])
        for index in indexes:
            hits = index.query(text, limit=1)
            best = hits[0] if hits else None
            covered = best is not None and best.score >= threshold
            row.cells.append(Cell(best.item.heading if covered else None, best.score if best else 0.0,
                                  best.item.heading if best else None))
        matrix.rows.append(row)
    return matrix

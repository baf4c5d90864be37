"""What a superior document asks for: its opening parts, its task areas and items, its closing part.

`superior_outline(doc)` reads a parsed superior document (drafter.reader) as a local plan has to
take it up. Top-level sections before the first task area that are 指导思想 / 基本原则 / 工作目标 /
总体要求 (or an unlabelled part of one) are its opening; a 组织保障 part with no task area after it is
its closing; everything else is a task area, kept with its grouping (`二、重点任务` → `（一）…` →
`1.…`), and every section without sub-sections in a task area is one task, with the units and
deadline its responsibility note names. A 组织领导 area at the head of a task list (`一、加强医改组织
领导` in a 国务院办公厅 重点工作任务) is a task area, not the closing: position decides, not words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.model import Document, Section

OPENING_KINDS = ("指导思想", "基本原则", "工作目标")
FRAMEWORK = {"指导思想", "基本原则", "工作目标", "总体要求"}
_SENTENCE = re.compile(r"[^。；;！!\n]+[。；;！!]?")
_NATIONAL = re.compile(r"国务院|中共中央|国家|国办|中办|^国[医卫发]|国医改|国卫")
TASK_SENTENCES = 2  # how much of an item's body states what it asks for


@dataclass
class SuperiorTask:
    """One task item of the superior document."""

    title: str  # the item's heading words, as the superior writes them
    body: str  # everything under the heading
    lead: str | None = None
    partners: list[str] = field(default_factory=list)
    deadline: str | None = None
    path: list[str] = field(default_factory=list)  # the headings of the areas above it
    marker: str = ""  # as the superior numbers it (（三）)

    @property
    def requirement(self) -> str:
        """What the task asks for: its heading and the first sentences of its body."""
        first = self.first_sentences
        title = self.title.rstrip("。；; ")
        return f"{title}。{first}" if first else f"{title}。"

    @property
    def first_sentences(self) -> str:
        return "".join(_SENTENCE.findall(self.body.replace("\n", ""))[:TASK_SENTENCES]).strip()

    def as_json(self) -> dict:
        return {"title": self.title, "marker": self.marker, "requirement": self.requirement,
                "body": self.body, "lead": self.lead, "partners": list(self.partners), "deadline": self.deadline,
                "path": list(self.path)}  # fmt: skip


@dataclass
class Node:
    """A heading of the superior's task part: an area (with children) or a task (without)."""

    title: str
    level: int
    task: SuperiorTask | None = None
    children: list[Node] = field(default_factory=list)

    def tasks(self) -> list[SuperiorTask]:
        if self.task is not None:
            return [self.task]
        return [t for child in self.children for t in child.tasks()]


@dataclass
class SuperiorOutline:
    document: Document
    level: str  # 国家级 / 省级 / 市级 / 县级
    umbrella: bool  # its opening is one 总体要求 part
    opening: dict[str, str] = field(default_factory=dict)  # kind → its own text there
    areas: list[Node] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # the headings of its 组织保障 part's sub-sections
    closing_text: str = ""

    def tasks(self) -> list[SuperiorTask]:
        return [t for area in self.areas for t in area.tasks()]

    @property
    def preamble(self) -> str:
        return self.document.preamble


def superior_level(doc: Document) -> str:
    """国家级 for a 国务院 / 中共中央 / 国家部委 document (the parser finds no region in one)."""
    if doc.level:
        return doc.level
    said = " ".join(x or "" for x in (doc.issuer, doc.doc_number, doc.title))
    if _NATIONAL.search(said):
        return "国家级"
    from drafter.library.placeholders import level_from_suffix

    return level_from_suffix(doc.region) if doc.region else "省级"


def superior_outline(doc: Document) -> SuperiorOutline:
    out = SuperiorOutline(doc, superior_level(doc), umbrella=False)
    areas = _task_areas(doc.sections)
    first_task = areas[0] if areas else len(doc.sections)
    for i, section in enumerate(doc.sections):
        kind = _kind(section)
        if i in areas:
            out.areas.append(_node(section, []))
        elif i < first_task and (kind in FRAMEWORK or kind in (None, "其他")):
            _read_opening(section, kind, out)
        elif kind == "组织保障":
            out.closing += [child.title for child in section.children]
            out.closing_text = "\n".join(p for p in [section.body, *(c.body for c in section.children)] if p)
    return out


def _kind(section: Section) -> str | None:
    from drafter.corpus.kinds import title_kind

    if section.kind and section.kind != "其他":
        return section.kind
    return title_kind(section.title) or section.kind


def _task_areas(sections: list[Section]) -> list[int]:
    """The top-level sections holding tasks: 重点任务 parts and unlabelled ones, and a 组织保障 part
    that a task part follows (so it is one of the tasks, not the closing)."""
    kinds = [_kind(s) for s in sections]
    tasks = [i for i, k in enumerate(kinds) if k == "重点任务" or (k is None and sections[i].children)]
    last = tasks[-1] if tasks else -1
    return sorted(tasks + [i for i, k in enumerate(kinds) if k == "组织保障" and i < last])


def _read_opening(section: Section, kind: str | None, out: SuperiorOutline) -> None:
    if kind == "总体要求" or (section.children and any(_kind(c) in FRAMEWORK for c in section.children)):
        out.umbrella = True
        if section.body:
            out.opening.setdefault("指导思想", section.body)
        for child in section.children:
            child_kind = _kind(child)
            if child_kind in OPENING_KINDS:
                out.opening.setdefault(child_kind, child.full_text())
        return
    if kind in OPENING_KINDS:
        out.opening.setdefault(kind, section.full_text())


def _node(section: Section, path: list[str]) -> Node:
    node = Node(section.title, section.level)
    if not section.children:
        node.task = _task(section, path)
        return node
    node.children = [_node(child, [*path, section.title]) for child in section.children]
    return node


def _task(section: Section, path: list[str]) -> SuperiorTask:
    task = SuperiorTask(section.title, section.body, path=path, marker=section.marker)
    for found in section.tasks:
        task.lead = task.lead or found.lead
        task.partners += [p for p in found.partners if p not in task.partners]
        task.deadline = task.deadline or found.deadline
    return task


def load_superior(spec: str, store=None,  # noqa: ANN001 - a corpus store
                  doc: int | None = None) -> tuple[Document, int | None]:
    """The superior document `spec` names — a file (a plan file or a draft), or a corpus document by
    id or name — and its corpus id (None for a file). A file holding several documents gives the one
    with the most tasks unless `doc` (1-based) picks one."""
    from pathlib import Path

    from drafter.compare.sides import looks_like_path
    from drafter.errors import DrafterError, NotFound

    path = Path(spec).expanduser()
    if path.exists() or looks_like_path(spec) or store is None:
        documents = _file_documents(path)
        if doc is not None:
            if not 1 <= doc <= len(documents):
                raise NotFound(f"{spec}: no document {doc} (the file holds {len(documents)})")
            return documents[doc - 1], None
        return max(documents, key=lambda d: (len(superior_outline(d).tasks()), len(d.text))), None
    doc_id = store.resolve(spec)
    document = store.get_document(doc_id)
    if not document.sections:
        raise DrafterError(f"{spec}: empty document")
    return document, doc_id


def _file_documents(path) -> list[Document]:  # noqa: ANN001
    from drafter.bounded import check_regular
    from drafter.draft.io import draft_document, is_draft_text, load_draft
    from drafter.errors import UnreadableFile
    from drafter.reader import read_plans

    check_regular(path)
    with open(path, "rb") as handle:
        head = handle.read(16).decode("utf-8", errors="ignore")
    documents = [draft_document(load_draft(path), str(path))] if is_draft_text(head) else read_plans(path)
    if not documents:
        raise UnreadableFile(str(path), "no plan text found in this file")
    return documents

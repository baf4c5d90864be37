"""The plan model every part of drafter reads: a document, its sections and its tasks.

A corpus plan and the drafter's own draft go through the same outline parser and come out as
`Document`s, so comparing, composing and exporting all work on this one shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Iterator

KINDS = ("指导思想", "基本原则", "工作目标", "总体要求", "重点任务", "组织保障", "其他")
"""The standard section kinds, in the order a plan usually presents them."""

LEVEL_NAMES = {1: "一、", 2: "(一)", 3: "1.", 4: "(1)"}


@dataclass
class Task:
    """One task item with its responsible units, e.g. `(牵头部门:市医保局;配合部门:市财政局)`."""

    text: str
    lead: str | None = None  # co-leads (`市卫计委、市教育局共同牵头`) stay joined with 、
    partners: list[str] = field(default_factory=list)
    deadline: str | None = None


@dataclass
class Section:
    """A numbered heading and what stands under it.

    `marker` is the numbering as written (`一、`, `(三)`, `1.`, `(1)`, `1.1`), `title` the heading's
    words without the marker and without any inline body. `body` is the text between this heading
    and its first child (or the next heading), paragraphs separated by newlines; an inline body
    (`(一)指导思想。以…`) starts it.
    """

    marker: str
    title: str
    level: int
    kind: str | None = None
    body: str = ""
    children: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.marker}{self.title}"

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p.strip()]

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self) -> str:
        """Heading, body and all descendants as plain text, one paragraph a line."""
        lines = [self.heading, *self.paragraphs]
        for child in self.children:
            lines.append(child.full_text())
        return "\n".join(lines)


@dataclass
class Document:
    """One plan (or notice wrapping a plan) as read from a file or a draft."""

    title: str | None = None
    plan_title: str | None = None
    issuer: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    doc_number: str | None = None  # 文号, brackets normalised to 〔〕
    region: str | None = None
    level: str | None = None  # administrative level: 省级 / 市级 / 县级 / 乡镇级 / 国家级
    doc_type: str = "方案"  # 方案 / 通知 / 起草说明 / 解读 / 征求意见 / 其他 (drafter.corpus.doctype)
    is_template: bool = False  # a 范文/模板 text (`____年…`, `X市…`, `…(2篇)`), not any place's own plan
    region_note: str | None = None  # why `region` is None: template / national / anonymised / unnamed
    preamble: str = ""  # text before the first heading (notice, 为贯彻落实… paragraph)
    sections: list[Section] = field(default_factory=list)
    text: str = ""  # the cleaned text of the whole document
    source: str | None = None  # file path or corpus id it came from

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def headings(self) -> list[Section]:
        return list(self.walk())

    @property
    def is_plan(self) -> bool:
        """A place's own plan: what plan lists, `gaps`, `rank` and the section library draw from."""
        return self.doc_type == "方案" and not self.is_template

    def tasks(self) -> list[Task]:
        return [task for section in self.walk() for task in section.tasks]

    def outline_json(self) -> dict:
        """The `drafter outline --json` shape for this document (a stable contract)."""
        return {
            "title": self.title,
            "plan_title": self.plan_title,
            "issuer": self.issuer,
            "date": self.date,
            "doc_number": self.doc_number,
            "region": self.region,
            "level": self.level,
            "doc_type": self.doc_type,
            "is_template": self.is_template,
            "region_note": self.region_note,
            "headings": [{"text": s.heading, "level": s.level, "kind": s.kind} for s in self.walk()],
            "tasks": [asdict(t) for t in self.tasks()],
        }

"""A stored document put back together from its rows: the same for every backend, whose SQL differs.

Each backend selects the rows in the column order named here (SQLite's `sqlite3.Row` and
psycopg's tuples both unpack by position) and hands them over; the text of a paragraph or a
section body is cut from the document's text by offsets, as both stores keep it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from drafter.errors import NotFound
from drafter.model import Document, Section, Task
from drafter.store.types import StoredParagraph

ParagraphRow = tuple[int | None, int, int]  # section id, start, end
SectionRow = tuple[int, int | None, str, str, int, str | None, str | None]  # id, parent, marker, title, level, kind, body
TaskRow = tuple[int, str, str | None, str | None, str | None]  # section id, text, lead, partners (JSON), deadline
HeadingRow = tuple[int, int | None, str, str]  # id, parent id, marker, title


def not_found(doc_id: int) -> NotFound:
    from drafter.messages import t

    return NotFound(t("store_backend.no_document", id=doc_id))


def joined_text(text: str, extra: str | None) -> str:
    """What paragraph offsets count in: the text, and after a newline what a document built in code
    kept beside it (`extra`, empty for every file read)."""
    return f"{text}\n{extra}" if extra else text


def document_from_rows(doc_id: int, head: Mapping[str, Any], paragraphs: Iterable[ParagraphRow],
                       sections: Iterable[SectionRow], tasks: Iterable[TaskRow]) -> Document:  # fmt: skip
    """`head` holds the documents row's title, plan_title, issuer, date, doc_number, region, level,
    doc_type, is_template, region_note and preamble, and the text and extra."""
    document = Document(
        title=head["title"], plan_title=head["plan_title"], issuer=head["issuer"], date=head["date"],
        doc_number=head["doc_number"], region=head["region"], level=head["level"], text=head["text"],
        source=f"corpus:{doc_id}", doc_type=head["doc_type"] or "方案", is_template=bool(head["is_template"]),
        region_note=head["region_note"],
    )  # fmt: skip
    base = joined_text(head["text"], head["extra"])
    texts: dict[int | None, list[str]] = {}
    for section_id, start, end in paragraphs:
        texts.setdefault(section_id, []).append(base[start:end])
    preamble = head["preamble"]
    document.preamble = preamble if preamble is not None else "\n".join(texts.get(None, []))
    document.sections = sections_from_rows(sections, tasks, texts)
    return document


def sections_from_rows(sections: Iterable[SectionRow], tasks: Iterable[TaskRow],
                       texts: dict[int | None, list[str]]) -> list[Section]:  # fmt: skip
    """The section tree (rows in pre-order: a parent before its children), bodies from `texts` where
    the row keeps none, each task under its section."""
    by_id: dict[int, Section] = {}
    roots: list[Section] = []
    for sid, parent_id, marker, title, level, kind, body in sections:
        section = Section(marker, title, level, kind, body if body is not None else "\n".join(texts.get(sid, [])))
        by_id[sid] = section
        parent = by_id.get(parent_id) if parent_id is not None else None
        (parent.children if parent else roots).append(section)
    for section_id, text, lead, partners, deadline in tasks:
        by_id[section_id].tasks.append(Task(text, lead, json.loads(partners or "[]"), deadline))
    return roots


def heading_paths_from(rows: Iterable[HeadingRow]) -> dict[int, list[str]]:
    """Section id → its headings, outermost first (itself last); rows with parents first."""
    paths: dict[int, list[str]] = {}
    for sid, parent_id, marker, title in rows:
        paths[sid] = [*paths.get(parent_id, []), f"{marker}{title}"]
    return paths


def stored_paragraphs_from(doc_id: int, first_id: int, base: str, rows: Iterable[tuple[int, int | None, int, int]],
                           paths: dict[int, list[str]]) -> list[StoredParagraph]:  # fmt: skip
    """The document's paragraphs from rows (id, section id, start, end), numbered from `first_id`."""
    return [StoredParagraph(pid, doc_id, sid, pid - first_id, base[start:end], paths.get(sid, []))
            for pid, sid, start, end in rows]  # fmt: skip

"""Writing outlined documents into the store: flatten, tokenize, insert with executemany.

Tokenizing and signing are the slow part, so they are a separate, picklable step (`prepare`) that an
ingest runs in worker processes; writing (`write_documents`) runs in the process that owns the
store, inside the caller's transaction. Row ids are assigned here so that every table can be filled
with one `executemany`. Paragraphs are stored as offsets into the document's text (each text once).
"""

from __future__ import annotations

import json
import re
from array import array
import sqlite3
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from drafter.model import Document, Section, Task
from drafter.store.assemble import joined_text
from drafter.store.index import Entry
from drafter.store.schema import ID_SHIFT, id_range

_YEAR = re.compile(r"^((?:19|20)\d{2})")


class Paragraph(NamedTuple):
    """A tuple: a plan has thousands, and they cross between processes (pickled 2× faster)."""

    section_index: int | None  # index into the document's pre-order sections; None: preamble
    start: int  # character offsets into `Prepared.base`
    end: int


@dataclass
class Prepared:
    """A document ready to write: its pre-order sections, paragraphs (as offsets), index words and
    signature."""

    document: Document
    sections: list[Section] = field(default_factory=list)
    parents: list[int | None] = field(default_factory=list)  # index of each section's parent
    paragraphs: list[Paragraph] = field(default_factory=list)
    extra: str = ""  # paragraph text the document's `text` does not hold
    bodies: list[str | None] = field(default_factory=list)  # per section; None: its paragraphs joined
    preamble: str | None = None  # None: the preamble paragraphs joined
    tokens: list[str] = field(default_factory=list)  # index words of each paragraph, space-joined
    signature: bytes = b""
    province: str | None = None

    def __getstate__(self) -> dict:
        """What crosses from a worker process to the writer, compactly: the writers read the sections'
        headings, kinds and tasks, not their bodies (in `document.text`, and `bodies` where they
        differ) nor their tree (`parents`); paragraphs go as three arrays, index words as one string
        (pickling thousands of small objects cost more than the rest of the file)."""
        state = self.__dict__.copy()
        state["document"] = replace(self.document, sections=[])
        state["sections"] = [
            (s.marker, s.title, s.level, s.kind, [(t.text, t.lead, t.partners, t.deadline) for t in s.tasks])
            for s in self.sections
        ]
        state["paragraphs"] = _packed(self.paragraphs)
        joined = "\n".join(self.tokens)
        if self.tokens and joined.count("\n") == len(self.tokens) - 1:  # no word list holds a line break
            state["tokens"] = joined
        return state

    def __setstate__(self, state: dict) -> None:
        state["sections"] = [Section(marker, title, level, kind, tasks=[Task(*t) for t in tasks])
                             for marker, title, level, kind, tasks in state["sections"]]  # fmt: skip
        state["paragraphs"] = _unpacked(state["paragraphs"])
        if isinstance(state["tokens"], str):
            state["tokens"] = state["tokens"].split("\n")
        self.__dict__.update(state)

    @property
    def base(self) -> str:
        return joined_text(self.document.text, self.extra)

    def paragraph_texts(self) -> list[str]:
        base = self.base
        return [base[p.start : p.end] for p in self.paragraphs]

    @property
    def year(self) -> int | None:
        found = _YEAR.match(self.document.date or "")
        return int(found.group(1)) if found else None


def _packed(paragraphs: list[Paragraph]) -> tuple[array, array, array]:
    """Paragraphs as three integer arrays (section index, -1 for the preamble; start; end)."""
    sections, starts, ends = array("q"), array("q"), array("q")
    for p in paragraphs:
        sections.append(-1 if p.section_index is None else p.section_index)
        starts.append(p.start)
        ends.append(p.end)
    return sections, starts, ends


def _unpacked(columns: tuple[array, array, array]) -> list[Paragraph]:
    return [Paragraph(None if s < 0 else s, a, b) for s, a, b in zip(*columns)]


class _Locator:
    """Finds each paragraph in the document's text, in reading order; what is not there goes into
    `extra` (a document built in code need not hold its paragraphs in its `text`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0
        self.extra: list[str] = []
        self.extra_len = 0

    def locate(self, paragraph: str) -> tuple[int, int]:
        at = self.text.find(paragraph, self.cursor)
        if at < 0:
            at = self.text.find(paragraph)
        if at >= 0:
            self.cursor = at + len(paragraph)
            return at, at + len(paragraph)
        start = len(self.text) + 1 + self.extra_len + len(self.extra)  # "\n" before extra, between its parts
        self.extra.append(paragraph)
        self.extra_len += len(paragraph)
        return start, start + len(paragraph)


def flatten(document: Document) -> Prepared:
    prepared = Prepared(document)
    locator = _Locator(document.text or "")
    lines = _lines(document.preamble)
    prepared.preamble = None if "\n".join(lines) == (document.preamble or "") else document.preamble
    for text in lines:
        prepared.paragraphs.append(Paragraph(None, *locator.locate(text)))
    for top in document.sections:
        _flatten_section(prepared, locator, top, None)
    prepared.extra = "\n".join(locator.extra)
    return prepared


def _flatten_section(prepared: Prepared, locator: _Locator, section: Section, parent: int | None) -> None:
    index = len(prepared.sections)
    prepared.sections.append(section)
    prepared.parents.append(parent)
    lines = _lines(section.body)
    prepared.bodies.append(None if "\n".join(lines) == (section.body or "") else section.body)
    for text in lines:
        prepared.paragraphs.append(Paragraph(index, *locator.locate(text)))
    for child in section.children:
        _flatten_section(prepared, locator, child, index)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def index_tokens(text: str) -> str:
    """The index words of `text` (`drafter.text.tokens.index_words`)."""
    from drafter.text.tokens import index_words

    return index_words([text])[0]


def prepare(documents: list[Document]) -> list[Prepared]:
    """Flatten, tokenize and sign; pure and picklable, so it can run in a worker process."""
    from drafter.text.tokens import index_words

    out = prepare_layout(documents)
    for prepared in out:
        prepared.tokens = index_words(prepared.paragraph_texts())
    return out


def prepare_layout(documents: list[Document]) -> list[Prepared]:
    """Flatten and sign, without the index words (the index is built from the store later)."""
    from drafter.store.signature import signature

    out = []
    for document in documents:
        prepared = flatten(document)
        prepared.signature = signature(prepared.paragraph_texts())
        prepared.province = province_of(document.region)
        out.append(prepared)
    return out


def province_of(region: str | None) -> str | None:
    """The province a region lies in (itself for a province), when the gazetteer knows it."""
    if not region:
        return None
    from drafter.library.gazetteer import gazetteer

    place = gazetteer().lookup(region)
    return place.province if place else None


def _next_document_id(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0] + 1


def write_documents(
    conn: sqlite3.Connection,
    file_id: int | None,
    prepared: list[Prepared],
    doc_ids: list[int] | None = None,
    entries: dict[int, list[Entry]] | None = None,
    ordinals: list[int] | None = None,
) -> list[int]:
    """Insert prepared documents (inside the caller's transaction); returns their ids (new ones,
    or `doc_ids` and `ordinals` when given: a migration keeps them). `entries` receives each
    document's index entries, ready for the index once the transaction has committed."""
    next_id = _next_document_id(conn)
    rows: dict[str, list[tuple]] = {"documents": [], "texts": [], "sections": [], "paragraphs": [], "tasks": [],
                                    "signatures": []}  # fmt: skip
    out = []
    for n, item in enumerate(prepared):
        _check_size(item)
        doc_id = doc_ids[n] if doc_ids else next_id
        next_id = max(next_id, doc_id) + 1
        out.append(doc_id)
        rows["documents"].append(_document_row(doc_id, file_id, ordinals[n] if ordinals else n, item))
        rows["texts"].append((doc_id, item.document.text or "", item.extra))
        rows["signatures"].append((doc_id, item.signature))
        first, _ = id_range(doc_id)
        _section_rows(rows, doc_id, item)
        for k, para in enumerate(item.paragraphs):
            sid = None if para.section_index is None else first + para.section_index
            rows["paragraphs"].append((first + k, doc_id, sid, para.start, para.end))
        if entries is not None:
            entries[doc_id] = index_entries(doc_id, first, item)
    _insert_all(conn, rows)
    mark_dirty(conn, out)
    return out


def _check_size(item: Prepared) -> None:
    most = max(len(item.sections), len(item.paragraphs), sum(len(s.tasks) for s in item.sections))
    if most >= 1 << ID_SHIFT:
        from drafter.errors import DrafterError
        from drafter.messages import t

        raise DrafterError(t("store_backend.too_many_parts", count=most))


def index_entries(doc_id: int, first: int, item: Prepared) -> list[Entry]:
    """The index entries of a prepared document whose paragraphs have ids `first`, `first + 1`, …"""
    kinds: list[list[str]] = []
    for section, parent in zip(item.sections, item.parents):
        above = kinds[parent] if parent is not None else []
        kinds.append(above + [section.kind] if section.kind and section.kind not in above else above)
    d = item.document
    places, year, doc_type = places_of(d.region, item.province), item.year, d.doc_type
    return [
        Entry(first + n, doc_id, tokens, places, year, kinds[p.section_index] if p.section_index is not None else [],
              doc_type, d.level)
        for n, (p, tokens) in enumerate(zip(item.paragraphs, item.tokens))
    ]  # fmt: skip


def places_of(region: str | None, province: str | None) -> list[str]:
    """What a place filter matches a document by: its region and its province."""
    return [p for p in dict.fromkeys((region, province)) if p]


def _document_row(doc_id: int, file_id: int | None, ordinal: int, item: Prepared) -> tuple:
    d = item.document
    kinds: dict[str, int] = {}
    for section in item.sections:
        if section.kind:
            kinds[section.kind] = kinds.get(section.kind, 0) + 1
    n_tasks = sum(len(s.tasks) for s in item.sections)
    return (
        doc_id, file_id, ordinal, d.title, d.plan_title, d.issuer, d.date, item.year, d.doc_number,
        d.region, item.province, d.level, d.doc_type or "方案", int(d.is_template), d.region_note,
        len(item.sections), n_tasks,
        json.dumps(kinds, ensure_ascii=False), item.preamble,
    )  # fmt: skip


def _section_rows(rows: dict, doc_id: int, item: Prepared) -> None:
    first, _ = id_range(doc_id)
    task_ordinal = 0
    for k, (section, parent, body) in enumerate(zip(item.sections, item.parents, item.bodies)):
        parent_id = None if parent is None else first + parent
        rows["sections"].append(
            (first + k, doc_id, parent_id, section.marker, section.title, section.level, section.kind, body)
        )
        for task in section.tasks:
            partners = json.dumps(list(task.partners), ensure_ascii=False) if task.partners else "[]"
            rows["tasks"].append(
                (first + task_ordinal, doc_id, first + k, task.text, task.lead, partners, task.deadline)
            )
            task_ordinal += 1


def _insert_all(conn: sqlite3.Connection, rows: dict[str, list[tuple]]) -> None:
    conn.executemany(
        "INSERT INTO documents (id, file_id, ordinal, title, plan_title, issuer, date, year, doc_number,"
        " region, province, level, doc_type, is_template, region_note, n_sections, n_tasks, kinds, preamble)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows["documents"],
    )
    kinds = [(row[0], row[17]) for row in rows["documents"]]  # (id, kinds JSON)
    conn.executemany("INSERT INTO doc_kinds (document_id, kind) SELECT ?, key FROM json_each(?)", kinds)
    conn.executemany("INSERT INTO texts (document_id, text, extra) VALUES (?, ?, ?)", rows["texts"])
    conn.executemany(
        "INSERT INTO sections (id, document_id, parent_id, marker, title, level, kind, body) VALUES (?,?,?,?,?,?,?,?)",
        rows["sections"],
    )
    conn.executemany(
        "INSERT INTO paragraphs (id, document_id, section_id, start, end) VALUES (?,?,?,?,?)", rows["paragraphs"]
    )
    conn.executemany(
        "INSERT INTO tasks (id, document_id, section_id, text, lead, partners, deadline) VALUES (?,?,?,?,?,?,?)",
        rows["tasks"],
    )
    conn.executemany("INSERT INTO signatures (document_id, minhash) VALUES (?, ?)", rows["signatures"])


def mark_dirty(conn: sqlite3.Connection, doc_ids: list[int]) -> None:
    """Journal documents whose index entries must follow the store (same transaction)."""
    if not doc_ids:
        return
    seq = conn.execute("SELECT coalesce(max(seq), 0) FROM index_dirty").fetchone()[0] + 1
    conn.executemany(
        "INSERT INTO index_dirty (document_id, seq) VALUES (?, ?)"
        " ON CONFLICT(document_id) DO UPDATE SET seq = excluded.seq",
        [(doc_id, seq) for doc_id in doc_ids],
    )


def delete_documents(conn: sqlite3.Connection, doc_ids: list[int]) -> None:
    """Remove documents and everything under them; their index entries follow."""
    for doc_id in doc_ids:
        low, high = id_range(doc_id)
        for table in ("paragraphs", "tasks", "sections"):
            conn.execute(f"DELETE FROM {table} WHERE id BETWEEN ? AND ?", (low, high))
        conn.execute("DELETE FROM texts WHERE document_id = ?", (doc_id,))
        conn.execute("DELETE FROM doc_kinds WHERE document_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    mark_dirty(conn, doc_ids)


def delete_documents_of_file(conn: sqlite3.Connection, file_id: int) -> None:
    """Remove a file's documents and everything under them; their index entries follow."""
    delete_documents(conn, [r[0] for r in conn.execute("SELECT id FROM documents WHERE file_id = ?", (file_id,))])

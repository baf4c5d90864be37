"""A prepared file that crosses from an ingest worker to the writer (pickled, in compact form) is
stored exactly as one prepared in the writer's own process."""

from __future__ import annotations

import pickle
import sqlite3

from drafter.reader import read_plans
from drafter.store import Store
from drafter.store.files import FileJob
from drafter.store.write import prepare

TABLES = ("documents", "texts", "sections", "paragraphs", "tasks", "signatures")


def _rows(store: Store) -> dict[str, list[tuple]]:
    conn: sqlite3.Connection = store.conn
    return {t: [tuple(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY 1")] for t in TABLES}


def test_a_pickled_job_writes_the_same_rows_as_the_original(seed_paths, tmp_path):
    jobs = [FileJob(str(p), sha256=f"{n:064x}", size=1, prepared=prepare(read_plans(p)))
            for n, p in enumerate(seed_paths[:6])]  # fmt: skip
    moved = [pickle.loads(pickle.dumps(job)) for job in jobs]
    with Store(tmp_path / "a.db") as here, Store(tmp_path / "b.db") as there:
        here.commit(jobs)
        there.commit(moved)
        assert _rows(here) == _rows(there)
        assert sum(len(r) for r in _rows(here).values()) > 100


def test_what_the_writer_reads_survives_the_crossing(seed_paths):
    prepared = prepare(read_plans(seed_paths[0]))
    for before, after in zip(prepared, pickle.loads(pickle.dumps(prepared))):
        assert [(s.marker, s.title, s.level, s.kind, s.tasks) for s in before.sections] == [
            (s.marker, s.title, s.level, s.kind, s.tasks) for s in after.sections
        ]
        assert (before.parents, before.paragraphs, before.bodies, before.tokens, before.signature) == (
            after.parents, after.paragraphs, after.bodies, after.tokens, after.signature
        )  # fmt: skip
        assert (after.base, after.preamble, after.year, after.province) == (
            before.base, before.preamble, before.year, before.province
        )  # fmt: skip
        assert after.document.title == before.document.title and after.document.text == before.document.text


def test_an_empty_document_and_odd_word_lists_cross_unchanged():
    from drafter.model import Document
    from drafter.store.write import Paragraph, Prepared

    empty = pickle.loads(pickle.dumps(Prepared(Document(text=""))))
    assert (empty.paragraphs, empty.tokens, empty.sections) == ([], [], [])
    paragraphs = [Paragraph(None, 0, 1), Paragraph(0, 1, 2)]
    odd = Prepared(Document(text="ab"), paragraphs=paragraphs, tokens=["", "a\nb"])
    moved = pickle.loads(pickle.dumps(odd))
    assert (moved.paragraphs, moved.tokens) == (odd.paragraphs, ["", "a\nb"])

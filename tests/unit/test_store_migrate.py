"""A store written by the released drafter (schema 2) opens, is upgraded in place and loses nothing.

`tests/data/stores/v2-release.sqlite3` was built by the release code (commit 9b1cd04): two seed
files and one document built in code (with a body that is not its paragraphs joined). The JSON
beside it is what that release read back from it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from drafter.store import Store
from drafter.store.schema import SCHEMA_VERSION

DATA = Path(__file__).resolve().parents[1] / "data" / "stores"


@pytest.fixture
def old_store(tmp_path) -> Path:
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "v2-release.sqlite3", path)
    return path


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((DATA / "v2-release.json").read_text(encoding="utf-8"))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_the_release_store_is_schema_2_with_an_fts_copy(old_store):
    conn = sqlite3.connect(old_store)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM paragraphs_fts").fetchone()[0] > 0
    conn.close()


def test_upgrade_keeps_every_document_id_outline_body_and_task(old_store, expected):
    with Store(old_store) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [d.id for d in store.list_documents()] == [d["id"] for d in expected["documents"]]
        for want in expected["documents"]:
            doc = store.get_document(want["id"])
            outline = doc.outline_json()  # the JSON contract only grows: what the release wrote is kept
            assert {key: outline[key] for key in want["outline"]} == want["outline"]
            assert outline["doc_type"] in {"方案", "通知", "起草说明", "解读", "征求意见", "其他"}
            assert doc.preamble == want["preamble"]
            assert _sha(doc.text) == want["text_sha256"]
            assert _sha("\x00".join(s.body for s in doc.walk())) == want["bodies_sha256"]


def test_upgraded_store_searches_like_the_release_and_drops_the_fts_copy(old_store, expected):
    with Store(old_store) as store:
        hits = store.search("取消药品加成", limit=5)
        assert hits and hits[0].doc_id == expected["documents"][0]["search"][0]
        assert "«取消药品加成»" in hits[0].snippet
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "paragraphs_fts" not in tables and not any(t.startswith("old_") for t in tables)


def test_upgrade_keeps_the_files_so_a_reingest_changes_nothing(old_store, expected, tmp_path, seed_paths):
    with Store(old_store) as store:
        files = store.source_files()
        assert [(f.sha256, f.parser) for f in files] == [(f["sha256"], f["parser"]) for f in expected["files"]]
        # The same content at another path (this checkout's seeds) is recognised as already stored,
        # unless the parser changed since the release: then it is read again, once.
        from drafter.reader import PARSER_VERSION

        seed = next(p for p in seed_paths if p.name.startswith("002"))
        again = "unchanged" if expected["files"][0]["parser"] == str(PARSER_VERSION) else "read"
        assert store.add_file(seed).status == again
        assert store.add_file(seed).status == "unchanged"


def test_the_upgraded_file_is_smaller(old_store):
    before = old_store.stat().st_size
    Store(old_store).close()
    assert old_store.stat().st_size < before


def test_an_interrupted_upgrade_leaves_the_old_store_as_it_was(old_store, monkeypatch):
    from drafter.store import migrate

    def broken(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrate, "_copy_documents", broken)
    with pytest.raises(RuntimeError):
        Store(old_store)
    conn = sqlite3.connect(old_store)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    conn.close()
    monkeypatch.undo()
    with Store(old_store) as store:
        assert store.count_documents() == 4


def test_a_schema_4_store_gets_its_texts_moved_apart(tmp_path, seed_paths):
    """Schema 4 (a development layout) kept each text in its `documents` row; 5 moves it out."""
    from drafter.corpus.ingest import ingest_paths

    path = tmp_path / "v4.sqlite3"
    with Store(path) as store:
        ingest_paths(store, seed_paths[:2])
        before = {s.id: _whole(store.get_document(s.id)) for s in store.list_documents()}
        hits = [h.paragraph_id for h in store.search("分级诊疗")]
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(
        "ALTER TABLE documents ADD COLUMN text TEXT NOT NULL DEFAULT '';"
        "ALTER TABLE documents ADD COLUMN extra TEXT NOT NULL DEFAULT '';"
        "UPDATE documents SET text = (SELECT text FROM texts WHERE document_id = documents.id),"
        " extra = (SELECT extra FROM texts WHERE document_id = documents.id);"
        "DROP TABLE texts; PRAGMA user_version = 4;"
    )
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(documents)")}
        assert "text" not in columns and "extra" not in columns
        after = {s.id: _whole(store.get_document(s.id)) for s in store.list_documents()}
        assert after == before
        assert [h.paragraph_id for h in store.search("分级诊疗")] == hits


def test_a_schema_6_store_gets_its_kinds_indexed_and_filters_as_before(tmp_path, seed_paths):
    """Schema 7 answers the kind filter from `doc_kinds`; a schema-6 store (the last release) gets it
    filled from each document's `kinds`, and it follows later ingests and removals."""
    from drafter.corpus.ingest import ingest_paths
    from drafter.store import DocFilter

    path = tmp_path / "v6.sqlite3"
    with Store(path) as store:
        ingest_paths(store, seed_paths)
        by_kind = {k: [d.id for d in store.list_documents(DocFilter(kind=k))] for k in store.facets().kinds}
        facets = dict(store.facets().kinds)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript("DROP TABLE doc_kinds; PRAGMA user_version = 6;")
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {k: [d.id for d in store.list_documents(DocFilter(kind=k))] for k in by_kind} == by_kind
        assert dict(store.facets().kinds) == facets
        assert len(by_kind) >= 4 and all(by_kind.values())
        from drafter.store.write import delete_documents

        store.conn.execute("BEGIN")
        delete_documents(store.conn, [by_kind["组织保障"][0]])  # as a re-ingest of a changed file does
        store.conn.execute("COMMIT")
        assert store.count_documents(DocFilter(kind="组织保障")) == len(by_kind["组织保障"]) - 1


def _whole(doc) -> dict:  # noqa: ANN001 - a Document
    from drafter.store.read import section_json

    return doc.outline_json() | {"text": doc.text, "preamble": doc.preamble,
                                 "sections": [section_json(s) for s in doc.sections]}  # fmt: skip

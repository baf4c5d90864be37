"""A store whose corpus grows past `SPLIT_FROM` documents gets its index rebuilt in two parts, told
before a search, and finds the same paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.corpus.ingest import ingest_paths
from drafter.store import Store, index
from drafter.store.index import SearchIndex
from tests.support.plan_generator import PlanGenerator
from tests.unit.test_store_index import agree


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    PlanGenerator(seed=5, size=4000).write(folder, 24)
    return folder


def test_a_store_that_outgrows_one_part_is_split_and_searches_alike(tmp_path, plans, monkeypatch):
    monkeypatch.setattr(index, "SPLIT_FROM", 10**9)
    db = tmp_path / "s.sqlite3"
    with Store(db) as store:
        ingest_paths(store, [plans])
        one_part = {h.paragraph_id for h in store.search("公立医院", limit=10_000)}
        assert len(store.index().parts) == 1
    monkeypatch.setattr(index, "SPLIT_FROM", 20)  # the 24 plans are now an archive
    with Store(db) as store:
        assert store.versions().index_stale  # told before a search, which shows the rebuild's progress
        assert store.update_index()
        assert not store.versions().index_stale
        assert SearchIndex.label(Path(str(db) + ".index"))["parts"] == 2
        agree(store)
        halves = [len(s.search(_markers(s), 100, count=True).hits) for s in store.index().searchers()]
        assert all(halves) and sum(halves) == store.count_documents()  # both parts hold documents
        assert {h.paragraph_id for h in store.search("公立医院", limit=10_000)} == one_part
    with Store(db) as store:  # reopened: two parts, no second rebuild
        assert not store.versions().index_stale and len(store.index().parts) == 2


def _markers(searcher):  # noqa: ANN001, ANN202
    import tantivy

    return tantivy.Query.term_query(index._schema(), "marker", 1)

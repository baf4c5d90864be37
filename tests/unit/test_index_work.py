"""Before a search that must wait for the index, the user is told why, in words that are true: a
lost index is not "the segmenter changed", a grown corpus is not "the index was damaged"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.corpus.ingest import ingest_paths
from drafter.messages import t
from drafter.store import Store, index
from drafter.store.index_work import index_work
from tests.support.plan_generator import PlanGenerator


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    PlanGenerator(seed=11, size=3000).write(folder, 5)
    return folder


@pytest.fixture
def db(tmp_path, plans, monkeypatch) -> Path:
    monkeypatch.setattr(index, "SPLIT_FROM", 10**9)
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        ingest_paths(store, [plans])
    return path


def _told(db: Path) -> tuple[str, str]:
    with Store(db) as store:
        work = index_work(store)
        assert work is not None
        key, count = work
        assert count == store.count_documents() == 5
        message = t(f"store_backend.{key}", count=count)
        assert store.update_index()
        assert index_work(store) is None  # caught up: nothing more to say
    return key, message


def test_an_index_up_to_date_needs_no_word(db):
    with Store(db) as store:
        assert index_work(store) is None


def test_a_deleted_index_is_rebuilt_saying_it_was_missing_not_that_the_segmenter_changed(db):
    shutil.rmtree(str(db) + ".index")
    key, message = _told(db)
    assert key == "rebuilding_index"
    assert "缺失或已损坏" in message and "分词器" not in message and "5 份" in message


def test_a_damaged_index_label_is_rebuilt_as_missing(db):
    (Path(str(db) + ".index") / index.INFO_FILE).write_text("{not json", encoding="utf-8")
    assert _told(db)[0] == "rebuilding_index"


def test_a_new_segmenter_says_the_segmenter_changed(db, monkeypatch):
    from drafter.text import tokens

    monkeypatch.setattr(tokens, "segmenter_version", lambda: "rjieba-next/2")
    key, message = _told(db)
    assert key == "upgrading_index" and "分词器" in message and "缺失" not in message


def test_a_corpus_grown_into_two_parts_says_so(db, monkeypatch):
    monkeypatch.setattr(index, "SPLIT_FROM", 3)
    key, message = _told(db)
    assert key == "splitting_index" and "两部分" in message and "缺失" not in message

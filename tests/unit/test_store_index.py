"""The search index and the SQLite store never disagree on which documents exist: after an ingest,
a re-ingest, a killed ingest (at two different moments), a lost or foreign index folder, a segmenter
change, and while another process holds the index writer — with the index in one part (a corpus
below `SPLIT_FROM`) and in two (an archive's). The index is only ever rebuilt from the store."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from drafter.corpus.ingest import ingest_paths
from drafter.store import Store, index
from drafter.store.index import IndexBusy, SearchIndex
from drafter.store.index_sync import entries_from_store
from tests.support.plan_generator import PlanGenerator

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    PlanGenerator(seed=5, size=4000).write(folder, 24)
    return folder


@pytest.fixture(autouse=True, params=[1, 2], ids=["one part", "two parts"])
def parts(request, monkeypatch) -> int:
    """Every test here runs on an index of one part and on one of two (SPLIT_FROM 0: from the start)."""
    monkeypatch.setattr(index, "SPLIT_FROM", 10**9 if request.param == 1 else 0)
    return request.param


def agree(store: Store) -> None:
    """Same documents on both sides, and exactly one index entry for each stored paragraph (each
    document's entries in one part only)."""
    found = store.index()
    stored = {d.id for d in store.list_documents()}
    assert found.doc_ids() == stored
    expected = sum(1 for entries in entries_from_store(store.conn, sorted(stored)).values() for e in entries if e.tokens)
    assert found.paragraph_count() == expected
    assert not store.conn.execute("SELECT count(*) FROM index_dirty").fetchone()[0]
    assert len(found.parts) == index.parts_for(len(stored))


def test_ingest_and_reingest_of_a_changed_file(tmp_path, plans):
    db = tmp_path / "s.sqlite3"
    with Store(db) as store:
        ingest_paths(store, [plans])
    with Store(db) as store:
        agree(store)
        original = sorted(plans.glob("*.txt"))[0].read_text(encoding="utf-8")
        changed = tmp_path / "changed.txt"
        changed.write_text(original + "\n本方案由市卫生健康委负责解释,光子计算试点同步推进。\n", encoding="utf-8")
        assert store.add_file(changed).status == "read"
        changed.write_text(original + "\n本方案由市卫生健康委负责解释,量子纠缠试点同步推进。\n", encoding="utf-8")
        assert store.add_file(changed).replaced
        agree(store)
        assert any("量子纠缠" in h.text for h in store.search("量子纠缠"))
        assert not any("光子计算" in h.text for h in store.search("光子计算"))


_KILLED = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from drafter.corpus import ingest
    from drafter.store import Store, index_sync
    db, folder, when, split_from = sys.argv[1:5]
    from drafter.store import index
    index.SPLIT_FROM = int(split_from)
    ingest.BATCH_FILES = 4  # commit to the store every few files
    if when == "after-index-commit":  # the index committed, the journal rows not yet removed
        def commit_then_die(self):
            if self.written:
                self.index.commit()
                os.kill(os.getpid(), signal.SIGKILL)
        index_sync.Journal.flush = commit_then_die
    def progress(done, total, result):
        if when == "mid-ingest" and done >= 10:  # files in the store, their index entries uncommitted
            os.kill(os.getpid(), signal.SIGKILL)
    ingest.ingest_paths(Store(db), [folder], progress=progress, workers=1)
""")


@pytest.mark.parametrize("when", ["mid-ingest", "after-index-commit"])
def test_a_killed_ingest_is_repaired_from_the_store_on_the_next_open(tmp_path, plans, when):
    db = tmp_path / "s.sqlite3"
    script = tmp_path / "ingest.py"
    script.write_text(_KILLED.format(root=str(ROOT)), encoding="utf-8")
    argv = [sys.executable, str(script), str(db), str(plans), when, str(index.SPLIT_FROM)]
    done = subprocess.run(argv, capture_output=True, timeout=300)
    assert done.returncode == -9, done.stderr.decode()
    with Store(db) as store:
        assert store.versions().index_pending > 0  # the journal remembers what the index lacks
        assert store.count_documents() > 0
        agree(store)  # opening the index applied the journal
        report = ingest_paths(store, [plans])  # the rest of the files, as a user would run it again
        assert not report.skipped
        agree(store)


def test_a_lost_or_foreign_index_folder_is_rebuilt_from_the_store(tmp_path, plans):
    db, other = tmp_path / "s.sqlite3", tmp_path / "other.sqlite3"
    with Store(db) as store:
        ingest_paths(store, sorted(plans.glob("*.txt"))[:6])
    with Store(other) as store:
        store.add_file(sorted(plans.glob("*.txt"))[7])
    shutil.rmtree(str(db) + ".index")
    with Store(db) as store:
        agree(store)
    shutil.rmtree(str(db) + ".index")
    shutil.copytree(str(other) + ".index", str(db) + ".index")  # another store's index
    with Store(db) as store:
        agree(store)


def test_a_segmenter_change_rebuilds_the_index(tmp_path, plans, monkeypatch):
    from drafter.text import tokens

    db = tmp_path / "s.sqlite3"
    with Store(db) as store:
        ingest_paths(store, sorted(plans.glob("*.txt"))[:4])
    monkeypatch.setattr(tokens, "segmenter_version", lambda: "rjieba-next/2")
    with Store(db) as store:
        assert store.versions().index_stale
        assert store.update_index()
        assert not store.versions().index_stale
        agree(store)


def test_while_another_process_writes_the_index_the_journal_waits(tmp_path, plans):
    db = tmp_path / "s.sqlite3"
    with Store(db) as store:
        store.add_file(sorted(plans.glob("*.txt"))[0])
    other = SearchIndex(str(db) + ".index")
    other.writer()  # holds the lock, as a second drafter ingesting would
    try:
        with Store(db) as store:
            with pytest.raises(IndexBusy):
                SearchIndex(str(db) + ".index").writer()
            store.add_file(sorted(plans.glob("*.txt"))[1])
            assert store.versions().index_pending == 1
            assert store.count_documents() == 2
    finally:
        other.release()
    with Store(db) as store:
        agree(store)


def test_requiring_only_the_words_not_implied_by_others_finds_the_same_paragraphs(tmp_path, seed_paths):
    """Search requires 医疗卫生 without 医疗 and 卫生 (the index cuts them from it everywhere): on
    the seeds, every such query matches exactly the paragraphs requiring every word matches."""
    from drafter.store.query import Query
    from drafter.store.search import query_terms, required_words

    with Store(tmp_path / "s.sqlite3") as store:
        ingest_paths(store, seed_paths, workers=1)
        index = store.index()
        built = Query(index.schema, store.conn, None)
        reduced = 0
        for query in ("基层医疗卫生机构", "公共卫生服务", "中医药", "家庭医生签约服务", "公立医院综合改革",
                      "医疗卫生服务体系", "城乡居民基本医疗保险", "药品耗材集中采购"):  # fmt: skip
            terms = query_terms(query)
            required = required_words(terms)
            reduced += len(required) < len(terms)
            everything = {pid for _, pid in index.search(built.words(terms, True), 10_000)}
            assert {pid for _, pid in index.search(built.words(required, True), 10_000)} == everything, query
        assert reduced >= 5  # the rule did cut words from most of these queries


def test_a_phrase_asked_without_its_implied_sub_words_matches_the_same_paragraphs(tmp_path, seed_paths):
    """The phrase query leaves out the sub-words the search cut puts before a word (医疗, 卫生
    before 医疗卫生) and asks for the rest at their places: on the seeds it matches exactly what the
    whole cut in a row matches — repeats included (医疗 twice below, which the old deduplicated
    phrase asked for in the wrong places) — and every verbatim occurrence is among its matches."""
    import tantivy

    from drafter.store.query import Query
    from drafter.store.search import _details, cut_words, phrase_places

    assert phrase_places("基层医疗卫生机构") == [(0, "基层"), (3, "医疗卫生"), (4, "机构")]
    # a sub-word that stands on its own stays; the one inside 医疗卫生's group goes
    assert phrase_places("卫生健康和医疗卫生") == [(0, "卫生"), (1, "健康"), (2, "和"), (5, "医疗卫生")]
    with Store(tmp_path / "s.sqlite3") as store:
        ingest_paths(store, seed_paths, workers=1)
        index = store.index()
        built = Query(index.schema, store.conn, None)
        every_pid = [pid for (pid,) in store.conn.execute("SELECT id FROM paragraphs")]
        texts = {pid: row["text"] for pid, row in _details(store.conn, every_pid).items()}
        shortened = 0
        for part in ("基层医疗卫生机构", "公共卫生服务", "医疗卫生服务体系", "城乡居民基本医疗保险", "医疗卫生和医疗保障",
                     "家庭医生签约服务", "公立医院综合改革", "慢性病管理"):  # fmt: skip
            places = phrase_places(part)
            shortened += len(places) < len(cut_words(part))
            whole = tantivy.Query.phrase_query(index.schema, "terms", cut_words(part))
            matched = {pid for _, pid in index.search(whole, 100_000)}
            assert {pid for _, pid in index.search(built.phrases([places]), 100_000)} == matched, part
            assert {pid for pid, text in texts.items() if part in text} <= matched, part
        assert shortened >= 6


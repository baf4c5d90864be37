"""Ingesting real files with the real reader: seeds, re-ingest, changed and bad files, the CLI."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.corpus.ingest import ingest_paths
from drafter.store import Store, connect_store

# The reader (decode → clean → split → outline) is built alongside the store; these tests need it.
pytestmark = pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("drafter.text.clean", "drafter.text.decode")),
    reason="drafter.reader's decode/clean modules are not there yet",
)

SEED_DOCS = 24  # documents in the five seed files (tests/data/seeds-gold.json)
_built: dict[str, bytes] = {}


@pytest.fixture
def seeded(store_location, seed_paths) -> str:
    """A store holding the five seeds, on each backend (SQLite: ingested once per session, then copied)."""
    if store_location.startswith("postgresql:"):
        with connect_store(store_location) as store:
            assert not ingest_paths(store, seed_paths).skipped
        return store_location
    path = Path(store_location)
    if "db" not in _built:
        with Store(path) as store:
            report = ingest_paths(store, seed_paths)
            assert not report.skipped, report.skipped
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _built["db"] = path.read_bytes()
    else:
        path.write_bytes(_built["db"])
    return store_location


def test_seeds_are_read_into_their_documents(seeded, gold):
    with connect_store(seeded) as store:
        docs = store.list_documents()
        assert len(docs) == SEED_DOCS
        assert {d.region for d in docs} >= {"哈尔滨市", "南昌市", "汉中市", "聊城市"}
        assert all(d.source_path and d.source_path.endswith(".txt") for d in docs)
        nanchang = store.get_document(store.resolve("南昌"))
        assert nanchang.doc_number == "洪府发〔2017〕32号"
        assert nanchang.sections and nanchang.sections[0].heading.startswith("一、")


def test_reingesting_the_same_files_changes_nothing(seeded, seed_paths):
    with connect_store(seeded) as store:
        before = [(d.id, d.title) for d in store.list_documents()]
        report = ingest_paths(store, seed_paths)
        assert [r.status for r in report.results] == ["unchanged"] * len(seed_paths)
        assert [(d.id, d.title) for d in store.list_documents()] == before


def test_search_finds_harbin_paragraph_with_its_heading_path(seeded):
    with connect_store(seeded) as store:
        hits = store.search("取消药品加成", limit=10)
        harbin = [h for h in hits if h.region == "哈尔滨市"]
        assert harbin, [h.region for h in hits]
        assert all("取消药品加成" in h.text for h in hits[:3])
        assert any(h.heading_path for h in harbin)
        assert "«取消药品加成»" in harbin[0].snippet
        assert store.resolve("哈尔滨") == harbin[0].doc_id


def test_an_ambiguous_name_in_the_seeds_raises_with_candidates(seeded):
    from drafter.errors import Ambiguous

    with connect_store(seeded) as store, pytest.raises(Ambiguous) as caught:
        store.resolve("聊城")  # the draft and its 起草说明 are both 聊城市's
    assert len(caught.value.candidates) >= 2


def test_a_changed_file_replaces_its_documents(store_location, tmp_path, seeds_dir):
    plan = tmp_path / "harbin.txt"
    shutil.copy(seeds_dir / "002_d2b59fd790b2730b.txt", plan)
    with connect_store(store_location) as store:
        first = store.add_file(plan)
        assert (first.status, first.replaced) == ("read", False)
        count = store.count_documents()
        plan.write_text(plan.read_text(encoding="utf-8").replace("取消药品加成", "取消耗材加成"), encoding="utf-8")
        again = store.add_file(plan)
        assert (again.status, again.replaced) == ("read", True)
        assert store.count_documents() == count
        assert not any("取消药品加成" in h.text for h in store.search("取消药品加成"))
        assert any("取消耗材加成" in h.text for h in store.search("取消耗材加成"))
        assert len(store.source_files()) == 1


def test_bad_files_are_skipped_with_a_reason_and_the_rest_is_read(store_location, tmp_path, seeds_dir):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(seeds_dir / "003_2f56a4579ed1d20f.txt", folder / "sub" / "hanzhong.txt")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a plan type: not picked up from a folder
    with connect_store(store_location) as store:
        report = ingest_paths(store, [folder, tmp_path / "missing.txt"])
    by_name = {Path(r.path).name: r for r in report.results}
    assert set(by_name) == {"hanzhong.txt", "binary.txt", "empty.txt", "broken.docx", "missing.txt"}
    assert by_name["hanzhong.txt"].status == "read" and by_name["hanzhong.txt"].documents >= 1
    for name in ("binary.txt", "empty.txt", "broken.docx", "missing.txt"):
        assert by_name[name].status == "skipped" and by_name[name].why, name
    assert report.summary().startswith("读入 1 个文件")


def test_a_file_with_no_plan_in_it_is_skipped_not_stored_as_an_untitled_document(store_location, tmp_path,
                                                                                  seeds_dir):  # fmt: skip
    """Ten bytes of binary behind a UTF-16 BOM decode to five Chinese-looking characters, and a
    scraped error page holds a line or two: neither is a plan, and the corpus list must not gain an
    untitled 其他 for them. A short real notice is still read."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "garbage.txt").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "stub.html").write_text("<html><body><h1>404 页面不存在</h1><p>返回首页</p></body></html>", encoding="utf-8")
    (folder / "notice.txt").write_text("关于印发运城市深化医药卫生体制改革实施方案的通知\n各县（市、区）人民政府：\n"
                                       "现将方案印发给你们，请认真贯彻执行。\n", encoding="utf-8")  # fmt: skip
    with connect_store(store_location) as store:
        report = ingest_paths(store, [folder])
        titles = [s.title for s in store.list_documents()]
    by_name = {Path(r.path).name: r for r in report.results}
    for name in ("garbage.txt", "stub.html"):
        assert by_name[name].status == "skipped" and by_name[name].why == "没有找到方案正文", name
    assert by_name["notice.txt"].status == "read"
    assert len(titles) == 1


def test_an_ingest_stopped_by_its_progress_keeps_what_it_stored(store_location, tmp_path, seed_paths):
    """The app stops an ingest when it quits (its progress callback raises IngestStopped): the
    files stored so far stay, the index catches up, and adding the folder again reads only the rest."""
    from drafter.corpus.ingest import IngestStopped
    from tests.support.many_plans import write_distinct_plans

    folder = write_distinct_plans(tmp_path / "many", seed_paths, 44)  # 40 files or more: a pool of readers

    def stop_at_ten(done: int, total: int, result) -> None:  # noqa: ANN001
        if done == 10:
            raise IngestStopped

    with connect_store(store_location) as store:
        with pytest.raises(IngestStopped):
            ingest_paths(store, [folder], progress=stop_at_ten, workers=2)
    with connect_store(store_location) as store:
        assert store.search("本方案为第3份收集稿") or store.search("收集稿")
        again = ingest_paths(store, [folder], workers=2)
    assert len(again.unchanged) >= 10
    assert len(again.unchanged) + len(again.read) == 44 and not again.skipped


def test_progress_is_reported_for_every_file(store_location, tmp_path, seed_paths):
    seen = []
    with connect_store(store_location) as store:
        ingest_paths(store, seed_paths[3:], progress=lambda done, total, r: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]


def test_the_bundled_corpus_is_ingested_once(store_location, tmp_path):
    with connect_store(store_location) as store:
        report = store.ensure_default_corpus()
        assert report and not report.skipped and report.documents == SEED_DOCS
        assert store.ensure_default_corpus() is None


def test_cli_ingest_prints_a_summary_naming_skipped_files(tmp_path, seeded, seeds_dir, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code = main(["--db", str(seeded), "ingest", str(seeds_dir), str(bad)])
    out = capsys.readouterr().out
    assert code == 1  # some files skipped, the rest stored (README: exit codes)
    assert f"跳过 {bad}：空文件" in out
    assert "读入 0 个文件" in out and "5 个未变，1 个跳过" in out
    assert main(["--db", str(seeded), "ingest", str(seeds_dir)]) == 0


def test_cli_ingest_in_english(seeded, seeds_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "en")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["--db", str(seeded), "ingest", str(seeds_dir), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"skipped {bad}: empty file" in out and "5 unchanged, 1 skipped" in out


def test_cli_search_json_contract_and_first_use_auto_ingest(tmp_path, capsys):
    db = tmp_path / "fresh.sqlite3"
    assert main(["--db", str(db), "corpus", "search", "取消药品加成", "--limit", "5", "--json"]) == 0
    captured = capsys.readouterr()
    assert "内置语料" in captured.err
    result = json.loads(captured.out)
    assert result["query"] == "取消药品加成"
    assert 0 < len(result["hits"]) <= 5
    hit = result["hits"][0]
    assert {"doc_id", "title", "region", "date", "heading_path", "text", "snippet", "score"} <= set(hit)
    assert "取消药品加成" in hit["text"]


def test_cli_list_and_show(seeded, capsys):
    assert main(["--db", str(seeded), "corpus", "list", "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)["documents"]
    assert len(docs) == SEED_DOCS
    assert main(["--db", str(seeded), "corpus", "show", "哈尔滨", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["region"] == "哈尔滨市" and shown["headings"] and shown["sections"]
    assert main(["--db", str(seeded), "corpus", "show", "哈尔滨"]) == 0
    text = capsys.readouterr().out
    assert "哈尔滨市" in text and "一、" in text
    assert main(["--db", str(seeded), "corpus", "show", "聊城"]) == 2
    assert "聊城" in capsys.readouterr().err


def test_reading_in_worker_processes_gives_the_same_store(tmp_path, seed_paths):
    pair = seed_paths[2:4]
    with Store(tmp_path / "serial.sqlite3") as serial, Store(tmp_path / "pool.sqlite3") as pooled:
        ingest_paths(serial, pair, workers=1)
        report = ingest_paths(pooled, pair, workers=2)
        assert [r.status for r in report.results] == ["read", "read"]
        assert [d.as_json() | {"source_path": None} for d in pooled.list_documents()] == [
            d.as_json() | {"source_path": None} for d in serial.list_documents()
        ]
        assert [h.text for h in pooled.search("医联体")] == [h.text for h in serial.search("医联体")]


def test_cli_search_text_shows_document_heading_path_and_marked_match(seeded, capsys):
    assert main(["--db", str(seeded), "corpus", "search", "取消药品加成", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "«取消药品加成»" in out
    assert " › " in out
    assert "共 3 段" in out


def test_a_word_plan_is_ingested_and_searchable(store_location, tmp_path):
    import docx

    word = docx.Document()
    lines = [
        "泰安市人民政府办公室关于印发泰安市医联体建设实施方案的通知",
        "一、总体要求",
        "(一)指导思想",
        "以习近平新时代中国特色社会主义思想为指导,全面推进紧密型医联体建设。",
        "二、重点任务",
        "(一)组建城市医疗集团",
        "由三级公立医院牵头组建城市医疗集团。",
    ]
    for line in lines:
        word.add_paragraph(line)
    word.save(tmp_path / "taian.docx")
    with connect_store(store_location) as store:
        report = ingest_paths(store, [tmp_path])
        assert [r.status for r in report.results] == ["read"]
        hit = store.search("紧密型医联体")[0]
        assert hit.region == "泰安市"
        assert hit.heading_path == ["一、总体要求", "(一)指导思想"]


def test_a_parser_upgrade_reads_unchanged_files_again(store_location, tmp_path, seed_paths, monkeypatch):
    from drafter import reader

    store = connect_store(store_location)
    first = ingest_paths(store, [seed_paths[2]])
    again = ingest_paths(store, [seed_paths[2]])
    monkeypatch.setattr(reader, "PARSER_VERSION", "test-next")
    upgraded = ingest_paths(store, [seed_paths[2]])
    assert (len(first.read), len(again.unchanged), len(upgraded.read)) == (1, 1, 1)
    assert store.count_documents() == 1
    store.close()


@pytest.mark.parametrize("workers", [1, 2])
def test_reading_starts_before_the_last_file_is_hashed(tmp_path, seed_paths, monkeypatch, workers):
    # An archive of ten thousand files took seconds of hashing before its first file was read.
    import drafter.corpus.ingest as ingest

    events: list[str] = []
    hash_file, read_all = ingest.hash_file, ingest._read_all

    def hashing(path):  # noqa: ANN001, ANN202
        events.append("hash")
        return hash_file(path)

    def reading(jobs, n):  # noqa: ANN001, ANN202
        for job in read_all(jobs, n):
            events.append("read")
            yield job

    monkeypatch.setattr(ingest, "hash_file", hashing)
    monkeypatch.setattr(ingest, "_read_all", reading)
    copies = []
    for i, seed in enumerate(seed_paths * 5):  # 25 files (more than the readers take at once), each different
        copy = tmp_path / "in" / f"{i:02d}_{seed.name}"
        copy.parent.mkdir(exist_ok=True)
        copy.write_text(seed.read_text(encoding="utf-8") + f"\n附件{i}", encoding="utf-8")
        copies.append(copy)
    with Store(tmp_path / "s.sqlite3") as store:
        report = ingest_paths(store, [tmp_path / "in"], workers=workers)
    assert len(report.read) == 25 and not report.skipped
    assert events.count("hash") == 25 and events.index("read") < len(events) - 1 - events[::-1].index("hash")

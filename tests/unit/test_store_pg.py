"""The PostgreSQL store on a real server: many machines at once, refusals in words, push and pull.

The shared store tests (test_store.py, test_ingest.py) run on both backends already; these are
the server's own promises.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.corpus.ingest import ingest_paths
from drafter.errors import DrafterError, NotFound
from drafter.model import Document, Section
from drafter.store import connect_store
from drafter.store.location import StoreUnavailable

pytestmark = pytest.mark.usefixtures("pg_server")


@pytest.fixture(scope="module")
def plan_pool(tmp_path_factory) -> Path:
    """24 generated plans (one a file, places and years varied), written once for the module."""
    from support.plan_generator import PlanGenerator

    folder = tmp_path_factory.mktemp("plans")
    PlanGenerator(seed=16, size=3000).write(folder, 24)
    return folder


def _ingest_cli(url: str, folder: Path) -> subprocess.Popen:
    code = "import sys; from drafter.cli import main; sys.exit(main(sys.argv[1:]))"
    cmd = [sys.executable, "-c", code, "--db", url, "ingest", str(folder), "--workers", "1", "--json"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_four_machines_ingesting_overlapping_folders_at_once_store_every_file_exactly_once(
    pg_url, plan_pool, tmp_path
):
    files = sorted(plan_pool.iterdir())
    # Four "machines", each with its own copy (its own paths) of 12 of the 24 plans; every plan is
    # in two of the folders, so every file arrives twice, at the same time, from two places.
    folders = []
    for k in range(4):
        folder = tmp_path / f"pc{k}"
        folder.mkdir()
        for j in range(12):
            shutil.copy(files[(6 * k + j) % 24], folder)
        folders.append(folder)
    assert all(len(list(f.iterdir())) == 12 for f in folders)
    with connect_store(pg_url) as store:
        store.set_meta("default_corpus_ingested", "skip")  # keep the bundled plans out of the count
    runs = [_ingest_cli(pg_url, folder) for folder in folders]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, [err for _, err in outputs]
    reports = [json.loads(out)["files"] for out, _ in outputs]
    statuses = [r["status"] for report in reports for r in report]
    assert statuses.count("read") == 24 and statuses.count("unchanged") == 24, statuses

    reference = connect_store(tmp_path / "reference.sqlite3")
    ingest_paths(reference, files)
    with connect_store(pg_url) as store:
        stored = store.source_files()
        assert len(stored) == 24 and len({f.sha256 for f in stored}) == 24
        assert store.count_documents() == reference.count_documents()
        titles = sorted((d.title or "", d.region or "") for d in store.list_documents())
        assert titles == sorted((d.title or "", d.region or "") for d in reference.list_documents())
        for doc in store.list_documents():
            unique = _own_paragraph(store, doc.id)
            hits = store.search(unique, limit=5)
            assert doc.id in [h.doc_id for h in hits], (doc.id, unique)
    reference.close()


def _own_paragraph(store, doc_id: int) -> str:
    """The longest paragraph of a document (the generated plans vary every sentence)."""
    paragraphs = sorted(store.paragraphs(doc_id), key=lambda p: -len(p.text))
    return paragraphs[0].text[:60]


def test_a_reader_never_sees_half_a_document(pg_url):
    def plan(n: int) -> Document:
        sections = [
            Section(f"{k}.", f"第{k}项任务", 1, "重点任务", f"第{n}号方案第{k}项任务的内容。")
            for k in range(1, 41)
        ]
        return Document(title=f"第{n}号方案", region="泰安市", sections=sections, text="")

    writer_store = connect_store(pg_url)
    stop = threading.Event()

    def write() -> None:
        for n in range(25):
            writer_store.add_documents([plan(n)])
        stop.set()

    thread = threading.Thread(target=write)
    thread.start()
    seen_partial = []
    with connect_store(pg_url) as reader:
        while not stop.is_set():
            for summary in reader.list_documents():
                try:
                    document = reader.get_document(summary.id)
                except NotFound:
                    continue
                if len(document.sections) != 40 or summary.sections != 40:
                    seen_partial.append(summary.id)
    thread.join()
    writer_store.close()
    assert not seen_partial
    with connect_store(pg_url) as store:
        assert store.count_documents() == 25


def test_who_ingested_what_and_when_is_shown(pg_url, seeds_dir, capsys):
    assert main(["--db", pg_url, "ingest", str(seeds_dir / "003_2f56a4579ed1d20f.txt")]) == 0
    capsys.readouterr()
    assert main(["--db", pg_url, "corpus", "files", "--json"]) == 0
    files = json.loads(capsys.readouterr().out)["files"]
    assert files and all(f["host"] == socket.gethostname() and f["user"] and f["ingested_at"] for f in files)
    assert main(["--db", pg_url, "corpus", "files"]) == 0
    text = capsys.readouterr().out
    assert f"@{socket.gethostname()}" in text and "read" in text


def test_push_then_pull_copies_each_file_once_and_search_agrees(pg_url, tmp_path, seed_paths, capsys):
    laptop = tmp_path / "laptop.sqlite3"
    with connect_store(laptop) as local:
        ingest_paths(local, seed_paths)
        local_hits = [(h.title, h.text) for h in local.search("取消药品加成", limit=5)]
    assert main(["--db", pg_url, "corpus", "push", "--local", str(laptop), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["copied"], first["documents"], first["skipped"]) == (5, 24, [])
    assert main(["--db", pg_url, "corpus", "push", "--local", str(laptop), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["copied"], again["present"]) == (0, 5)
    with connect_store(pg_url) as server:
        assert server.count_documents() == 24
        assert {(h.title, h.text) for h in server.search("取消药品加成", limit=5)} == set(local_hits)
        nanchang = server.get_document(server.resolve("南昌"))
        assert nanchang.doc_number == "洪府发〔2017〕32号"
    elsewhere = tmp_path / "colleague.sqlite3"
    assert main(["--db", pg_url, "corpus", "pull", "--local", str(elsewhere)]) == 0
    assert "24" in capsys.readouterr().out
    with connect_store(elsewhere) as pulled:
        assert pulled.count_documents() == 24
        assert [(h.title, h.text) for h in pulled.search("取消药品加成", limit=5)] == local_hits


def test_a_database_without_the_schema_is_refused_with_the_command_that_makes_it(pg_server, capsys):
    url = pg_server.fresh_database(template=None)
    with pytest.raises(StoreUnavailable, match="drafter store init --db"):
        connect_store(url)
    assert main(["--db", url, "corpus", "list"]) == 2
    assert "drafter store init" in capsys.readouterr().err
    assert main(["store", "init", "--db", url]) == 0  # as the README writes it: --db after the command
    rum = list(Path("/usr/share/postgresql").glob("*/extension/rum.control"))
    assert ("RUM" if rum else "GIN") in capsys.readouterr().out
    with connect_store(url) as store:
        assert store.count_documents() == 0
    assert main(["--db", url, "store", "init", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] is False


def test_a_store_from_a_newer_drafter_is_refused(pg_url):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version (version) VALUES (99)")
    with pytest.raises(StoreUnavailable, match="99"):
        connect_store(pg_url)


@pytest.mark.parametrize("url, words", [
    ("postgresql://drafter@db.example/corpus?bogus=1", "不是有效的 PostgreSQL 地址"),
    ("postgresql://drafter@db.example:port/corpus", "不是有效的 PostgreSQL 地址"),
    ("postgresql://drafter@db.example", "没有数据库名"),
    ("postgresql://drafter@127.0.0.1:1/corpus", "127.0.0.1"),
    ("postgresql://drafter@no-such-host.invalid/corpus", "找不到服务器 no-such-host.invalid"),
    ("mysql://drafter@server/corpus", "无法识别"),
])  # fmt: skip
def test_a_location_drafter_cannot_use_is_refused_in_words(url, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DrafterError, match=words):
        connect_store(url)
    assert not list(tmp_path.iterdir())  # never taken for a folder called `postgresql:`


def test_a_server_that_does_not_answer_is_named_after_the_timeout():
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts, never speaks
    port = silent.getsockname()[1]
    try:
        with pytest.raises(StoreUnavailable, match=r"127\.0\.0\.1.*2 秒"):
            connect_store(f"postgresql://drafter@127.0.0.1:{port}/corpus?connect_timeout=2")
    finally:
        silent.close()


def test_a_refused_login_never_shows_the_password(pg_server, pg_url, capsys):
    from support.pg_cluster import PASSWORD_USER

    if pg_server.cluster is None:
        pytest.skip("needs the session's own cluster (its password role)")
    wrong = pg_url.replace("postgres@", f"{PASSWORD_USER}:wrong-secret-123@")
    assert main(["--db", wrong, "corpus", "list"]) == 2
    err = capsys.readouterr().err
    assert "拒绝了用户 drafter_pw 的登录" in err and "wrong-secret-123" not in err
    missing = pg_url.replace("postgres@", "postgres:other-secret@").replace("/drafter_t", "/nothere_t")
    assert main(["--db", missing, "corpus", "list"]) == 2
    err = capsys.readouterr().err
    assert "没有数据库 nothere_t" in err and "other-secret" not in err


def test_a_server_older_than_drafter_needs_is_refused(pg_url, monkeypatch):
    from drafter.store.postgres import connect

    monkeypatch.setattr(connect, "MIN_SERVER", 990000)
    monkeypatch.setattr(connect, "MIN_SERVER_SHOWN", "99")
    with pytest.raises(StoreUnavailable, match=r"PostgreSQL 版本为 15\.\d+，drafter 需要 99"):
        connect_store(pg_url)


def test_words_are_cut_by_drafter_and_kept_exactly(pg_url):
    from drafter.store.postgres.write import tsvector_literal

    assert tsvector_literal("取消 药品 取消 it's a\\b") == "'取消':1,3 '药品':2 'it''s':4 'a\\\\b':5"
    with connect_store(pg_url) as store:
        store.add_documents([Document(title="t", region="泰安市", sections=[
            Section("一、", "任务", 1, "重点任务", "推进 O'Brien\\医院 与 COVID-19 防控。")], text="")])  # fmt: skip
        assert store.search("COVID-19 防控")[0].spans
        assert store.search("O'Brien")


def test_a_segmenter_change_recuts_the_words_once(pg_url, monkeypatch):
    from drafter.text import tokens

    with connect_store(pg_url) as store:
        store.add_documents([Document(title="t", region="泰安市", sections=[
            Section("一、", "任务", 1, "重点任务", "全面取消药品加成。")], text="")])  # fmt: skip
        assert not store.versions().index_stale
        monkeypatch.setattr(tokens, "segmenter_version", lambda: "rjieba-next/2")
        assert store.versions().index_stale
        seen = []
        assert store.update_index(lambda done, total: seen.append((done, total)))
        assert seen == [(1, 1)] and not store.versions().index_stale
        assert store.search("取消药品加成")


QUERIES = (
    "取消药品加成 家庭医生签约 医联体 分级诊疗 药品集中采购 医保支付方式改革 按病种付费 公立医院薪酬制度 "
    "现代医院管理制度 远程医疗 基层医疗卫生机构 全科医生 药品零差率 医疗服务价格 两票制 疾病预防控制 中医药 "
    "健康扶贫 信息化建设 绩效考核 财政补助 医师多点执业 社会办医 综合监管 医疗纠纷 人事薪酬 临床路径"
).split()


@pytest.mark.parametrize("where", [None, {"year_from": 2017}, {"region": "黑龙江"}, {"kind": "重点任务"},
                                   {"text": "实施方案"}])  # fmt: skip
def test_both_backends_find_the_same_paragraphs_with_the_same_highlighting(
    pg_url, tmp_path, seed_paths, where
):
    from drafter.store import DocFilter

    where = DocFilter(**where) if where else None
    with connect_store(tmp_path / "local.sqlite3") as local, connect_store(pg_url) as server:
        ingest_paths(local, seed_paths)
        ingest_paths(server, seed_paths)
        same_set = same_first = 0
        for query in QUERIES:
            mine, theirs = server.search(query, 10, where), local.search(query, 10, where)
            key = lambda h: (h.title, h.text)  # noqa: E731 - ids differ between stores
            same_set += {key(h) for h in mine} == {key(h) for h in theirs}
            same_first += [key(h) for h in mine[:1]] == [key(h) for h in theirs[:1]]
            snippets = {key(h): (h.snippet, h.spans, h.heading_path) for h in theirs}
            assert all(
                snippets[key(h)] == (h.snippet, h.spans, h.heading_path) for h in mine if key(h) in snippets
            )
    assert same_set >= len(QUERIES) - 2 and same_first >= len(QUERIES) - 2, (same_set, same_first)

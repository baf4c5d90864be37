"""Store failures end in one line in words, with what to do; the store survives them whole.

Read-only store file, read-only folder (not "not a drafter store"), a folder that cannot be made, a
full disk during an ingest (a file-size limit makes writes fail as on a full disk; SQLite's page
limit gives SQLITE_FULL itself), and kill -9 at any moment of an ingest.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

import pytest
from builders import (
    DRAFTER,
    assert_clean_failure,
    no_traceback,
    permissions_apply,
    plan_text,
    run_drafter,
    text_of,
)  # fmt: skip

from drafter.store.errors import StoreError

needs_permissions = pytest.mark.skipif(not permissions_apply(), reason="root without setpriv")


def plans(folder, count, size=1):
    folder.mkdir(exist_ok=True)
    for n in range(count):
        (folder / f"plan{n:03}.txt").write_text(plan_text(f"第{n}号") * size, encoding="utf-8")
    return folder


def store_of(home):
    return home / "data" / "drafter.sqlite3"


def integrity(db) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@needs_permissions
def test_a_read_only_store_file_can_be_read_not_written(tmp_path, home):
    db = store_of(home)
    os.chmod(db, 0o400)
    new = plans(tmp_path / "new", 1)
    line = assert_clean_failure(run_drafter("ingest", new, home=home, plain_user=True), str(db))
    assert "只读" in line and "chmod" in line
    listing = run_drafter("corpus", "list", home=home, plain_user=True)
    assert listing.returncode == 0 and "共 24 份文件" in text_of(listing.stdout)


@needs_permissions
def test_a_read_only_store_folder_is_not_called_not_a_store(tmp_path, home, restore_permissions):
    os.chmod(store_of(home).parent, 0o500)
    restore_permissions.append(store_of(home).parent)
    line = assert_clean_failure(run_drafter("ingest", plans(tmp_path / "new", 1), home=home, plain_user=True), str(store_of(home)))
    assert "不可写" in line and "不是 drafter 的存储文件" not in line
    assert run_drafter("corpus", "list", home=home, plain_user=True).returncode == 0


@needs_permissions
def test_a_store_folder_that_cannot_be_created(tmp_path, home, restore_permissions):
    (tmp_path / "a-file").write_text("x")
    line = assert_clean_failure(run_drafter("--db", tmp_path / "a-file" / "sub" / "s.sqlite3", "corpus", "list", home=home), "a-file")
    assert "无法创建存储文件夹" in line and "文件，不是文件夹" in line
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    restore_permissions.append(locked)
    db = locked / "sub" / "s.sqlite3"
    line = assert_clean_failure(run_drafter("--db", db, "corpus", "list", home=home, plain_user=True), str(db.parent))
    assert "无法创建存储文件夹" in line and "没有权限" in line


def test_db_pointing_at_a_folder_or_at_a_file_that_is_not_a_store(tmp_path, home):
    line = assert_clean_failure(run_drafter("--db", tmp_path, "corpus", "list", home=home), str(tmp_path))
    assert "是文件夹" in line
    junk = tmp_path / "notes.txt"
    junk.write_text("这不是数据库" * 200, encoding="utf-8")
    assert "不是 drafter 的存储文件" in assert_clean_failure(run_drafter("--db", junk, "corpus", "list", home=home), str(junk))


def test_a_full_disk_during_an_ingest_stops_it_in_words_and_the_next_run_finishes(tmp_path, home):
    folder = plans(tmp_path / "in", 70)
    room = 80_000  # bytes a file may grow to: the journal (WAL) fills up after some batches
    result = run_drafter("ingest", folder, home=home, file_size_limit=room)
    line = assert_clean_failure(result, str(store_of(home)))
    assert "磁盘" in line  # and how many files were stored, when a batch got in first
    assert integrity(store_of(home)) == "ok"
    again = run_drafter("ingest", folder, home=home)
    assert again.returncode == 0, text_of(again.stderr)
    with sqlite3.connect(store_of(home)) as conn:
        stored = conn.execute("SELECT count(*) FROM source_files WHERE path LIKE ?", (f"{folder}%",)).fetchone()[0]
    assert stored == 70


def test_sqlite_full_is_one_line_and_the_store_keeps_the_batches_before(tmp_path, monkeypatch):
    from drafter.corpus import ingest
    from drafter.store import Store

    monkeypatch.setattr(ingest, "BATCH_FILES", 4)
    folder = plans(tmp_path / "in", 20, size=10)  # ~1,200 characters each: 20 of them need ~36 pages
    with Store(tmp_path / "s.sqlite3") as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 12}")  # the disk fills up meanwhile
        with pytest.raises(StoreError) as caught:
            ingest.ingest_paths(store, [folder])
        assert "磁盘已满" in str(caught.value) and "\n" not in str(caught.value)
        stored = store.conn.execute("SELECT count(*) FROM source_files").fetchone()[0]
        assert 0 < stored < 20 and f"已存入 {stored} 个文件" in str(caught.value)
        store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
        report = ingest.ingest_paths(store, [folder])
        assert (len(report.unchanged), len(report.read)) == (stored, 20 - stored)
    assert integrity(tmp_path / "s.sqlite3") == "ok"


@pytest.mark.parametrize("after", [0.9, 2.0])
def test_kill_9_at_any_moment_of_an_ingest_leaves_a_whole_store(tmp_path, home, after):
    folder = plans(tmp_path / "in", 60)
    env = dict(os.environ, DRAFTER_HOME=str(home))
    process = subprocess.Popen([*DRAFTER, "ingest", str(folder)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    time.sleep(after)
    os.killpg(process.pid, signal.SIGKILL)  # the reading worker processes too
    process.wait()
    assert integrity(store_of(home)) == "ok"
    result = run_drafter("ingest", folder, home=home)
    no_traceback(result)
    assert result.returncode == 0 and "0 个跳过" in text_of(result.stdout)
    with sqlite3.connect(store_of(home)) as conn:
        paths = [r[0] for r in conn.execute("SELECT path FROM source_files WHERE path LIKE ?", (f"{folder}%",))]
        orphans = conn.execute(
            "SELECT count(*) FROM documents WHERE file_id IS NOT NULL AND file_id NOT IN (SELECT id FROM source_files)"
        ).fetchone()[0]
    assert sorted(paths) == sorted(str(p) for p in folder.iterdir()) and orphans == 0

"""One bad file never stops an ingest: a 55-file folder holding every kind of bad file the issue
names is read in one run; each bad file gets one line naming it and why; the rest is stored; the
exit code says some files were skipped; memory stays under 512 MB (a 1.5 GB zip bomb, /dev/zero)."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest
from builders import (
    MEMORY_LIMIT,
    as_plain_user,
    billion_laughs_docx,
    lying_docx,
    no_traceback,
    permissions_apply,
    plan_text,
    run_drafter,
    text_of,
    xxe_docx,
    zip_bomb_docx,
)  # fmt: skip

GOOD = 39
BAD_NAME = os.fsdecode(b"bad\xffname.txt")  # not UTF-8: the file itself is a good plan
NEWLINE_NAME = "new\nline.txt"  # a good plan too


def build_folder(root, restore_permissions):
    """55 entries: 39 good plans (two with hostile names), and one of each bad kind."""
    folder = root / "收集的方案"
    folder.mkdir()
    for n in range(GOOD):
        (folder / f"plan{n:02}.txt").write_text(plan_text(f"第{n}号"), encoding="utf-8")
    (folder / BAD_NAME).write_text(plan_text("坏名字"), encoding="utf-8")
    (folder / NEWLINE_NAME).write_text(plan_text("换行名字"), encoding="utf-8")
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "gone.txt").symlink_to("nowhere.txt")
    (folder / "binary-1.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "binary-2.txt").write_bytes(bytes(range(256)) * 8)  # identical and unreadable
    (folder / "empty.txt").write_bytes(b"")
    zip_bomb_docx(folder / "bomb.docx")  # 1.6 MB, 1.5 GB inflated
    lying_docx(folder / "liar.docx")
    billion_laughs_docx(folder / "laughs.docx")
    secret = root / "secret.txt"
    secret.write_text("TOPSECRET-PASSWORD", encoding="utf-8")
    xxe_docx(folder / "xxe.docx", secret)  # readable, and the secret stays out of the store
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(plan_text("锁住的文件夹"), encoding="utf-8")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(plan_text("锁住的文件"), encoding="utf-8")
    for path in (locked, unreadable):
        os.chmod(path, 0)
        restore_permissions.append(path)
    return folder


SKIPPED = {  # file → words its line must hold (Chinese, the default language)
    "loop-a.txt": "符号链接循环", "loop-b.txt": "符号链接循环", "pipe.txt": "命名管道",
    "zero.txt": "设备文件", "gone.txt": "指向的文件不存在", "binary-1.txt": "二进制",
    "binary-2.txt": "同样无法读入", "empty.txt": "空文件", "bomb.docx": "解压后太大",
    "liar.docx": "损坏的 .docx", "laughs.docx": "损坏的 .docx",
}  # fmt: skip
LOCKED = {"locked": "无法打开此文件夹", "unreadable.txt": "没有读取权限"}


@pytest.mark.skipif(not permissions_apply(), reason="root without setpriv: permissions cannot be made to apply")
def test_a_folder_of_hostile_files_is_ingested_in_one_run(tmp_path, home, restore_permissions):
    folder = build_folder(tmp_path, restore_permissions)
    assert len(os.listdir(folder)) == 55
    result = run_drafter("ingest", folder, home=home, plain_user=True)
    no_traceback(result)
    out = text_of(result.stdout)
    assert result.returncode == 1, (result.returncode, text_of(result.stderr), out)  # some files skipped
    lines = out.splitlines()
    for name, why in (SKIPPED | LOCKED).items():
        mine = [line for line in lines if f"{folder / name}：" in line]
        assert len(mine) == 1 and why in mine[0], (name, mine)
    assert lines[-1].startswith(f"读入 {GOOD + 3} 个文件"), lines[-1]  # + the two odd names + xxe.docx
    assert f"{len(SKIPPED) + len(LOCKED)} 个跳过" in lines[-1]
    assert len(lines) == len(SKIPPED) + len(LOCKED) + 1  # nothing else: one line a bad file

    stored = stored_paths(home)
    assert str(folder / "bad\\xffname.txt") in stored and str(folder / NEWLINE_NAME) in stored
    assert sum(1 for p in stored if p.startswith(str(folder))) == GOOD + 3
    assert not any("TOPSECRET" in text for text in stored_texts(home))

    again = run_drafter("ingest", folder, home=home, plain_user=True)
    assert again.returncode == 1 and f"{GOOD + 3} 个未变" in text_of(again.stdout)


def test_names_that_are_not_utf8_or_hold_a_newline_are_quoted_on_one_line(tmp_path, home):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"e\xfempty\n.txt")).write_bytes(b"")
    result = run_drafter("ingest", folder, home=home)
    no_traceback(result)
    lines = text_of(result.stdout).splitlines()
    assert lines[0] == f'跳过 "{folder}/e\\xfempty\\n.txt"：空文件', lines
    assert len(lines) == 2


def test_a_symlink_loop_named_directly_is_one_line_and_the_rest_is_read(tmp_path, home):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    good = tmp_path / "good.txt"
    good.write_text(plan_text("好"), encoding="utf-8")
    result = run_drafter("ingest", tmp_path / "a.txt", good, tmp_path / "missing.txt", home=home)
    no_traceback(result)
    lines = text_of(result.stdout).splitlines()
    assert result.returncode == 1
    assert any("a.txt：符号链接循环" in line for line in lines)
    assert any("missing.txt：找不到文件" in line for line in lines)
    assert lines[-1].startswith("读入 1 个文件")
    assert run_drafter("ingest", good, home=home).returncode == 0  # every file read or stored: 0


def test_two_identical_unreadable_files_are_both_skipped(tmp_path, home):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(b"\x00\x01\x02\x03" * 100)
    result = run_drafter("ingest", tmp_path / "a.txt", tmp_path / "b.txt", home=home)
    out = text_of(result.stdout)
    assert result.returncode == 1 and "0 个未变，2 个跳过" in out, out


def test_the_memory_limit_is_real():
    """The bounded cases run under RLIMIT_AS; a process that reads a big file whole dies under it."""
    code = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT})); b = bytearray(600 * 2**20)"
    result = subprocess.run([*as_plain_user(), "python3", "-c", code], capture_output=True)
    assert result.returncode != 0 and b"MemoryError" in result.stderr


def stored_paths(home) -> list[str]:
    with sqlite3.connect(home / "data" / "drafter.sqlite3") as conn:
        return [row[0] for row in conn.execute("SELECT path FROM source_files WHERE status = 'read'")]


def stored_texts(home) -> list[str]:
    with sqlite3.connect(home / "data" / "drafter.sqlite3") as conn:
        # each text is kept once: the document's text (+ extra), and section bodies kept as written
        rows = conn.execute("SELECT text || extra FROM texts UNION ALL SELECT body FROM sections")
        return [row[0] for row in rows if row[0]]

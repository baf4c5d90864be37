"""Saves: never half a file, a full disk in words, temporary files a user can recognise and that the
next save removes; the user's data private (0700 folders, 0600 files), exports ordinary files."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys

import pytest
from builders import assert_clean_failure, plan_text, run_drafter, text_of

from drafter.atomic import TMP_MARK, write_bytes_atomically

# A save that stops between writing its temporary file and renaming it (the disk hangs): it prints
# once its temporary file is written, then waits to be killed.
HANGING_SAVE = """
import os, sys, time
from drafter import atomic
def hang(fd):
    print("written", flush=True)
    time.sleep(120)
os.fsync = hang
atomic.write_bytes_atomically(sys.argv[1], b"new content " * 1000)
"""


def start_hanging_save(target) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HANGING_SAVE, str(target)], stdout=subprocess.PIPE)
    assert process.stdout.readline() == b"written\n"
    return process


def temp_files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TMP_MARK in p.name)


def test_kill_9_during_a_save_keeps_the_old_file_and_the_next_save_removes_the_leftover(tmp_path):
    target = tmp_path / "运城市-实施方案.md"
    target.write_bytes(b"old content")
    killed = start_hanging_save(target)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert target.read_bytes() == b"old content"
    left = temp_files(tmp_path)
    assert len(left) == 1 and left[0].startswith(".运城市-实施方案.md.drafter-tmp-")  # says what it is
    write_bytes_atomically(tmp_path / "other.md", b"x")  # a save of another file leaves it alone
    assert temp_files(tmp_path) == left
    live = start_hanging_save(target)  # the next save of the same file removes it…
    try:
        live_tmp = temp_files(tmp_path)
        assert len(live_tmp) == 1 and live_tmp != left
        write_bytes_atomically(target, b"saved")  # …but never the file of a save still running
        assert target.read_bytes() == b"saved" and temp_files(tmp_path) == live_tmp
    finally:
        live.kill()
        live.wait()
    write_bytes_atomically(target, b"saved again")
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("command", ["export", "new"])
def test_a_full_disk_on_save_keeps_the_old_file_and_says_so(tmp_path, home, command):
    plan = tmp_path / "plan.txt"
    plan.write_text(plan_text("满"), encoding="utf-8")
    target = tmp_path / ("out.docx" if command == "export" else "draft.md")
    target.write_bytes(b"old")
    args = (["export", plan, "--docx", target] if command == "export"
            else ["new", "--region", "运城市", "--province", "山西省", "-o", target, "--force"])  # fmt: skip
    line = assert_clean_failure(run_drafter(*args, home=home, file_size_limit=2048), str(target))
    assert "磁盘已满" in line
    assert target.read_bytes() == b"old" and temp_files(tmp_path) == []


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_users_data_is_private_and_exports_are_ordinary_files(tmp_path):
    home = tmp_path / "fresh-home"  # created by drafter itself
    result = run_drafter("corpus", "list", home=tmp_path, env={"DRAFTER_HOME": str(home)})
    assert result.returncode == 0, text_of(result.stderr)
    data = home / "data"
    assert mode(data) == 0o700
    for path in data.iterdir():  # the store, its journal files and its search index (a folder)
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    draft = tmp_path / "draft.md"
    assert run_drafter("new", "--region", "运城市", "--province", "山西省", "-o", draft, home=home).returncode == 0
    assert mode(draft) == 0o600
    old = os.umask(0o022)
    try:
        export = tmp_path / "plan.docx"
        assert run_drafter("export", draft, "--docx", export, home=home).returncode == 0
    finally:
        os.umask(old)
    assert mode(export) == 0o644  # a colleague on the shared folder can open it


def test_autosaves_are_private(tmp_path):
    from drafter.draft.io import parse_draft
    from drafter.tui.draft_session import DraftSession

    session = DraftSession(tmp_path / "data" / "autosave")
    session.start_new(parse_draft('+++\nregion = "运城市"\n+++\n' + plan_text("自动保存")))
    assert session.autosave()
    assert mode(session.autosave_dir) == 0o700
    assert {p.name: mode(p) for p in session.autosave_dir.iterdir()} == {"current.md": 0o600, "current.json": 0o600}

"""Atomic saves keep ordinary permissions and never leave half a file."""

from __future__ import annotations

import os
import stat

import pytest

from drafter.atomic import SaveError, write_bytes_atomically


def test_a_new_file_gets_the_permissions_the_umask_gives(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_bytes_atomically(tmp_path / "plan.docx", b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # readable by colleagues, like any saved file


def test_an_existing_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_bytes_atomically(path, b"new")
    assert (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) == (b"new", 0o640)


def test_a_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(SaveError, match=r"nope.*x\.md: 所在文件夹不存在"):
        write_bytes_atomically(tmp_path / "nope" / "x.md", b"data")

"""The hostile suite: every case built in a temporary folder; drafter run as a user runs it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path) -> Path:
    """A DRAFTER_HOME for subprocess runs (readable by a process without root's capabilities)."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def sandbox(tmp_path) -> Path:
    """A folder around the one the user chose (`sandbox / "chosen"`): after the test, nothing may
    have been written in the sandbox outside the chosen folder."""
    box = tmp_path / "sandbox"
    chosen = box / "chosen"
    chosen.mkdir(parents=True)
    yield box
    outside = [p for p in box.rglob("*") if chosen not in p.parents and p != chosen]
    assert outside == [], f"written outside the chosen folder: {outside}"


@pytest.fixture
def restore_permissions(tmp_path):
    """Folders a test makes unreadable are made readable again, so pytest can remove them."""
    locked: list[Path] = []
    yield locked
    for path in locked:
        os.chmod(path, 0o700)

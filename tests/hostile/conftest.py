"""The hostile suite: every case built in a temporary folder; drafter run as a user runs it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def home_template(tmp_path_factory) -> Path:
    """A DRAFTER_HOME whose store already holds the bundled corpus (read once per test session)."""
    from builders import run_drafter

    folder = tmp_path_factory.mktemp("home-template")
    result = run_drafter("corpus", "list", home=folder)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def home(tmp_path, home_template) -> Path:
    """A DRAFTER_HOME for subprocess runs, its store holding the bundled corpus."""
    folder = tmp_path / "home"
    shutil.copytree(home_template, folder, symlinks=True)
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

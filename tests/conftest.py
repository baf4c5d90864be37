"""Fixtures shared by every test: an isolated home, the seed files and their gold labels."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"

# Property tests draw the same examples every run, so a run is red for a change and never for a
# draw; `PROPERTY_RANDOM=1` draws new ones (a hunt: make a breach it finds a fixed case).
settings.register_profile("fixed", derandomize=True)
settings.register_profile("hunt", derandomize=False)
settings.load_profile("hunt" if os.environ.get("PROPERTY_RANDOM") else "fixed")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Never touch the user's real store, config or autosaves."""
    home = tmp_path_factory.mktemp("drafter-home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    monkeypatch.delenv("DRAFTER_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    return json.loads((DATA / "seeds-gold.json").read_text(encoding="utf-8"))


# The store tests run on both backends (SQLite, and a real PostgreSQL server): see support/pg_fixtures.py.
from support.pg_fixtures import empty_store, pg_server, pg_url, store_location  # noqa: E402, F401

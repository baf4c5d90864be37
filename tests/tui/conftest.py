"""Fixtures for the app's tests: no cursor blink, no user keymap, the app built as the CLI builds it,
and fixed data: a fixed section library (tests/tui/data/sections) and stores built once per session
(the bundled corpus, and a tiny two-plan corpus for screenshots), copied into each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from drafter.tui.app import DrafterApp, create_app

SIZE = (100, 30)
SMALL = (80, 24)
DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    """A blinking cursor makes screenshots depend on timing."""
    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    monkeypatch.setattr(TextArea, "cursor_blink", False, raising=False)


@pytest.fixture(autouse=True)
def language_reset():
    """An app whose settings choose a language sets it for the process: undo that after each test."""
    from drafter.messages import set_language

    yield
    set_language(None)


@pytest.fixture(autouse=True)
def no_kitty_keys(monkeypatch):
    monkeypatch.setenv("TEXTUAL_DISABLE_KITTY_KEY", "1")


@pytest.fixture(autouse=True)
def fixed_section_library(monkeypatch):
    """The repository's sections/ grows as the library is rebuilt: tests read a fixed copy of eight
    variants instead (the same file format, loaded by the same `Library.load`)."""
    import drafter.resources

    monkeypatch.setattr(drafter.resources, "sections_dir", lambda: DATA / "sections")


def _build_store(path: Path, files: list[Path] | None) -> Path:
    """A real SQLite store: the bundled corpus (`files` None) or just `files`."""
    from drafter.reader import PARSER_VERSION
    from drafter.store import DEFAULT_CORPUS_KEY, Store

    with Store.open(path) as store:
        if files is None:
            store.ensure_default_corpus()
        else:
            for file in files:
                store.add_file(file)
            store.set_meta(DEFAULT_CORPUS_KEY, PARSER_VERSION)  # so the app does not add the bundled plans
    return path


@pytest.fixture(scope="session")
def _bundled_store(tmp_path_factory) -> Path:
    return _build_store(tmp_path_factory.mktemp("store") / "bundled.sqlite3", None)


@pytest.fixture(scope="session")
def _tiny_store(tmp_path_factory) -> Path:
    files = sorted((DATA / "corpus").glob("*.txt"))
    return _build_store(tmp_path_factory.mktemp("store") / "tiny.sqlite3", files)


@pytest.fixture
def corpus_db(_bundled_store, tmp_path) -> str:
    """This test's own copy of the store holding the bundled corpus (ingested once per session)."""
    return str(shutil.copy(_bundled_store, tmp_path / "corpus.sqlite3"))


@pytest.fixture
def tiny_db(_tiny_store, tmp_path) -> str:
    """This test's own copy of a store holding two short plans (哈尔滨市, 运城市): stable screenshots."""
    return str(shutil.copy(_tiny_store, tmp_path / "tiny.sqlite3"))


@pytest.fixture
def make_app(corpus_db):
    """Build apps through the same factory the CLI uses, on the bundled corpus."""

    def make(**kwargs) -> DrafterApp:
        kwargs.setdefault("db", corpus_db)
        return create_app(**kwargs)

    return make


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def settle():
    """Wait for every background worker (corpus, jieba, diff, export) and the messages they posted."""
    return _settle

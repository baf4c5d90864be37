"""Fixtures for the app's tests: no cursor blink, no user keymap, the app built as the CLI builds it."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from drafter.tui.app import DrafterApp, create_app

SIZE = (100, 30)
SMALL = (80, 24)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    """A blinking cursor makes screenshots depend on timing."""
    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    monkeypatch.setattr(TextArea, "cursor_blink", False, raising=False)


@pytest.fixture(autouse=True)
def no_kitty_keys(monkeypatch):
    monkeypatch.setenv("TEXTUAL_DISABLE_KITTY_KEY", "1")


@pytest.fixture
def make_app():
    """Build apps through the same factory the CLI uses."""

    def make(**kwargs) -> DrafterApp:
        return create_app(**kwargs)

    return make


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def settle():
    """Wait for every background worker (corpus, jieba) and the messages they posted."""
    return _settle

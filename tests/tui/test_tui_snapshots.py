"""Screenshots of each screen at a fixed size on fixed data: the two-plan store (`tiny_db`), the
fixed section library, a fixed draft date, relative export paths. Update with --snapshot-update."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from drafter.tui.app import create_app
from test_tui_compare_export import draft_compared_with_harbin
from tui_steps import select_section, settle, start_new_draft

SIZE = (100, 30)


@pytest.fixture
def app(tiny_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exports go to out/, shown as out/… whatever the tmp folder is
    # no autosave tick during a screenshot: its status message would depend on timing
    return create_app(db=tiny_db, export_dir=Path("out"), autosave_seconds=3600)


def test_corpus_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_compose_screen(snap_compare, app):
    async def compose_with_text(pilot):
        await settle(pilot)
        await start_new_draft(pilot)
        await select_section(pilot, "一、指导思想")
        pilot.app.screen.query_one("#section-editor", TextArea).load_text("以人民健康为中心,坚持保基本、强基层、建机制。")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=compose_with_text)


def test_search_screen(snap_compare, app):
    async def search(pilot):
        await settle(pilot)
        await pilot.press("f4", *"取消药品加成", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=search)


def test_compare_screen(snap_compare, app):
    async def compare(pilot):
        await draft_compared_with_harbin(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=compare)


def test_export_screen(snap_compare, app):
    async def export(pilot):
        await draft_compared_with_harbin(pilot)
        await pilot.press("f6", "d")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=export)


def test_help_screen(snap_compare, app):
    async def open_help(pilot):
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_help)

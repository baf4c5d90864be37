"""Screenshots of each screen at a fixed size, with fixed data (update with --snapshot-update)."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from drafter.tui.app import create_app
from drafter.tui.widgets.outline_tree import OutlineTree

SIZE = (100, 30)


async def _settle(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _compose_with_text(pilot):
    await _settle(pilot)
    app = pilot.app
    await pilot.press("ctrl+n")
    await pilot.pause()
    app.screen.query_one("#meta-region", Input).value = "运城市"
    app.screen.query_one("#meta-title", Input).value = "运城市深化医药卫生体制改革实施方案"
    app.screen.query_one("#meta-region", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    app.screen.query_one(OutlineTree).focus()
    await pilot.press("n")
    await pilot.pause()
    app.screen.query_one("#prompt-input", Input).value = "指导思想"
    await pilot.press("enter")
    await _settle(pilot)
    app.screen.query_one("#section-editor", TextArea).load_text("以人民健康为中心,坚持保基本、强基层、建机制。")
    await pilot.pause()


def test_corpus_screen(snap_compare, tmp_path):
    assert snap_compare(create_app(export_dir=tmp_path), terminal_size=SIZE, run_before=_settle)


def test_compose_screen(snap_compare, tmp_path):
    assert snap_compare(create_app(export_dir=tmp_path), terminal_size=SIZE, run_before=_compose_with_text)


def test_search_screen(snap_compare, tmp_path):
    async def open_search(pilot):
        await _settle(pilot)
        await pilot.press("f4")
        await pilot.pause()

    assert snap_compare(create_app(export_dir=tmp_path), terminal_size=SIZE, run_before=open_search)


def test_help_screen(snap_compare, tmp_path):
    async def open_help(pilot):
        await _settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(create_app(export_dir=tmp_path), terminal_size=SIZE, run_before=open_help)

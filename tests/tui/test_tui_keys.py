"""Keys inside the editor: every key the footer shows while the section editor (or the search box) has
the focus runs the action the footer names — and never edits, selects or replaces text."""

from __future__ import annotations

import sys

from textual.command import CommandPalette
from textual.widgets import Input, TextArea
from tui_steps import select_section, settle, start_new_draft

from drafter.tui.dialogs.help_dialog import HelpDialog
from drafter.tui.dialogs.metadata_dialog import MetadataDialog
from drafter.tui.dialogs.open_dialog import OpenDialog
from drafter.tui.dialogs.parts_dialog import PartsDialog
from drafter.tui.widgets.key_bar import KeyBar

SIZE = (120, 35)
MODES = {"corpus", "compose", "search", "compare", "export"}


def footer_keys(app):
    bar = app.screen.query_one(KeyBar)
    bar.refresh_keys()
    return [key for key in bar.shown if key.enabled]


def expect(app, action: str, calls: list[str], quits: list[bool]) -> None:
    """The action ran, and did what its name says."""
    assert calls and calls[0].split(".")[-1] == action.split(".")[-1], (action, calls)
    name = action.split(".")[-1]
    if name.startswith("switch_mode"):
        assert app.current_mode == name.split("'")[1]
    elif name == "help":
        assert isinstance(app.screen, HelpDialog)
    elif name == "open_draft":
        assert isinstance(app.screen, OpenDialog)
    elif name == "edit_metadata":
        assert isinstance(app.screen, MetadataDialog)
    elif name == "edit_parts":
        assert isinstance(app.screen, PartsDialog)
    elif name == "command_palette":
        assert isinstance(app.screen, CommandPalette)
    elif name == "save_draft":
        assert app.session.path.is_file() and not app.session.dirty
    elif name == "quit":
        assert quits


async def back_to(pilot, mode: str, widget) -> None:
    app = pilot.app
    while app.screen.is_modal:
        app.pop_screen()
        await pilot.pause()
    if app.current_mode != mode:
        app.switch_mode(mode)
        await pilot.pause()
    widget.focus()
    await pilot.pause()


async def press_every_footer_key(pilot, mode: str, widget, text_of, monkeypatch) -> list[str]:
    app = pilot.app
    calls: list[str] = []
    quits: list[bool] = []
    real_run_action = app.run_action

    async def spy(action, *args, **kwargs):
        calls.append(action if isinstance(action, str) else str(action))
        return await real_run_action(action, *args, **kwargs)

    monkeypatch.setattr(app, "run_action", spy)
    monkeypatch.setattr(app, "exit", lambda *a, **k: quits.append(True))
    await back_to(pilot, mode, widget)
    shown = [(key.key, key.action, key.description) for key in footer_keys(app)]
    assert [key for key, _, _ in shown if key.startswith("f")][:6] == ["f1", "f2", "f3", "f4", "f5", "f6"]
    assert shown, "the footer shows keys while the editor has the focus"
    for key, action, description in shown:
        before = (text_of(), getattr(widget, "selection", None))
        calls.clear()
        await pilot.press(key)
        await settle(pilot)
        expect(app, action, calls, quits)
        await back_to(pilot, mode, widget)
        assert (text_of(), getattr(widget, "selection", None)) == before, f"{key} ({description}) edited text"
    return [key for key, _, _ in shown]


async def test_footer_keys_in_the_section_editor(make_app, tiny_db, tmp_path, monkeypatch):
    script = tmp_path / "editor_that_changes_nothing.py"
    marker = tmp_path / "editor-ran"
    script.write_text(f"import pathlib; pathlib.Path({str(marker)!r}).write_text('ok')\n", encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await select_section(pilot, "一、指导思想")
        editor = app.screen.query_one("#section-editor", TextArea)
        editor.move_cursor((0, 3))
        keys = await press_every_footer_key(pilot, "compose", editor, lambda: editor.text, monkeypatch)
        assert {"f1", "f2", "f3", "f4", "f5", "f6", "f7", "ctrl+s", "ctrl+e", "ctrl+r"} <= set(keys)  # kept
        assert marker.read_text() == "ok"  # Ctrl+E ran the editor, it did not move to the line end

        # F6 then typing: the export screen, and back in the editor the letter is inserted, nothing replaced
        before = editor.text
        await pilot.press("f6")
        assert app.current_mode == "export"
        await pilot.press("f3")
        await pilot.pause()
        editor.focus()
        editor.move_cursor((0, 3))
        await pilot.press("x")
        assert editor.text == before[:3] + "x" + before[3:]


async def test_footer_keys_in_the_search_box(make_app, tiny_db, tmp_path, monkeypatch):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f4")
        await pilot.pause()
        box = app.screen.query_one("#search-query", Input)
        box.value = "取消药品加成"
        keys = await press_every_footer_key(pilot, "search", box, lambda: box.value, monkeypatch)
        assert "i" not in keys  # typed into the box there, so not offered as "insert"

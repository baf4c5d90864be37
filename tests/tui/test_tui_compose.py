"""Compose: a new draft for a region, sections, Chinese typing and pasting, save, autosave, recovery."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from drafter.draft.io import load_draft
from drafter.tui.widgets.outline_tree import OutlineTree

SMALL = (80, 24)


async def new_draft_with_section(pilot, region="运城市", title="指导思想"):
    app = pilot.app
    await pilot.press("ctrl+n")
    await pilot.pause()
    app.screen.query_one("#meta-region", Input).value = region
    app.screen.query_one("#meta-province", Input).value = "山西省"
    app.screen.query_one("#meta-region", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    app.screen.query_one(OutlineTree).focus()
    await pilot.press("n")
    await pilot.pause()
    app.screen.query_one("#prompt-input", Input).value = title
    await pilot.press("enter")
    await pilot.pause()


async def test_type_and_paste_chinese_into_a_new_section(make_app, settle, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await new_draft_with_section(pilot)
        assert [s.heading for s in app.draft.sections] == ["一、指导思想"]
        editor = app.screen.query_one("#section-editor", TextArea)
        editor.focus()
        await pilot.press(*"以人民健康为中心")
        app.post_message(events.Paste(",坚持保基本、强基层、建机制。"))
        await pilot.pause()
        assert editor.text == "以人民健康为中心,坚持保基本、强基层、建机制。"
        assert app.draft.sections[0].body == editor.text
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_draft(tmp_path / "运城市-实施方案.md")
    assert saved.meta["region"] == "运城市"
    assert saved.sections[0].body == "以人民健康为中心,坚持保基本、强基层、建机制。"


async def test_sections_are_renumbered_when_moved_and_removed(make_app, settle, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await new_draft_with_section(pilot, title="指导思想")
        app.screen.query_one(OutlineTree).focus()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = "组织保障"
        await pilot.press("enter")
        await pilot.pause()
        assert [s.heading for s in app.draft.sections] == ["一、指导思想", "二、组织保障"]
        app.screen.query_one(OutlineTree).focus()
        await pilot.press("[")  # the new section is selected: move it up
        await pilot.pause()
        assert [s.heading for s in app.draft.sections] == ["一、组织保障", "二、指导思想"]
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [s.heading for s in app.draft.sections] == ["一、指导思想"]


async def test_unsaved_text_survives_a_crash_and_is_offered_back(make_app, settle, tmp_path):
    first = make_app(export_dir=tmp_path, autosave_seconds=0.05)
    async with first.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await new_draft_with_section(pilot)
        editor = first.screen.query_one("#section-editor", TextArea)
        editor.focus()
        await pilot.press(*"深化医改")
        await pilot.pause(0.3)  # a few autosave ticks
        assert first.session.slot.is_file()
        first.session.close = lambda: None  # a crash: no save on the way out
    second = make_app(export_dir=tmp_path)
    async with second.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "Recover" in str(second.screen.query_one("#yes").label)
        await pilot.press("y")
        await pilot.pause()
        assert second.draft.meta["region"] == "运城市"
        assert second.draft.sections[0].body == "深化医改"
        assert second.current_mode == "compose"

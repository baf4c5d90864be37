"""Compose: a new draft for a region, sections, Chinese typing and pasting, save, autosave, recovery."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from drafter.draft.io import load_draft
from tui_steps import headings, select_section, start_new_draft
from drafter.tui.widgets.outline_tree import OutlineTree

SMALL = (80, 24)


async def test_new_draft_is_assembled_like_drafter_new(make_app, settle, tmp_path):
    """Ctrl+N gives the same complete draft as `drafter new --region 运城市` (same library call)."""
    from drafter.draft.compose import new_draft

    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await start_new_draft(pilot, region="运城市", province="山西省")
        twin = new_draft("运城市", "山西省", date="2024-05-01")
        assert headings(app.draft) == headings(twin)
        assert "一、指导思想" in headings(app.draft) and len(headings(app.draft)) >= 5
        assert app.draft.meta["issuer"] == "运城市人民政府办公室"  # the default issuer of a 印发通知
        assert app.current_mode == "compose"
        tree_labels = [str(node.label) for node in app.screen.query_one(OutlineTree).root.children]
        assert tree_labels[0].startswith("一、指导思想")


async def test_type_and_paste_chinese_into_a_section(make_app, settle, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        section = await select_section(pilot, "一、指导思想")
        editor = app.screen.query_one("#section-editor", TextArea)
        editor.focus()
        editor.select_all()
        await pilot.press(*"以人民健康为中心")
        app.post_message(events.Paste(",坚持保基本、强基层、建机制。"))
        await pilot.pause()
        assert editor.text == "以人民健康为中心,坚持保基本、强基层、建机制。"
        assert section.body == editor.text
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_draft(tmp_path / "运城市-实施方案.md")
    assert saved.meta["region"] == "运城市"
    assert saved.sections[0].body == "以人民健康为中心,坚持保基本、强基层、建机制。"


async def test_sections_are_renumbered_when_added_moved_and_removed(make_app, settle, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        top = [s.heading for s in app.draft.sections]
        await select_section(pilot, "一、指导思想")
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = "监督考核"
        await pilot.press("enter")
        await pilot.pause()
        now = [s.heading for s in app.draft.sections]
        assert now[:2] == ["一、指导思想", "二、监督考核"] and len(now) == len(top) + 1
        assert now[2].startswith("三、")  # the rest renumbered
        app.screen.query_one(OutlineTree).focus()
        await pilot.press("[")  # the new section is selected: move it up
        await pilot.pause()
        assert [s.heading for s in app.draft.sections][:2] == ["一、监督考核", "二、指导思想"]
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [s.heading for s in app.draft.sections] == top


async def test_unsaved_text_survives_a_crash_and_is_offered_back(make_app, settle, tmp_path):
    first = make_app(export_dir=tmp_path, autosave_seconds=0.05)
    async with first.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await select_section(pilot, "一、指导思想")
        editor = first.screen.query_one("#section-editor", TextArea)
        editor.focus()
        editor.select_all()
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

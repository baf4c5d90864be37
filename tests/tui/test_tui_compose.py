"""Compose: a new draft for a region, sections, Chinese typing and pasting, save, autosave, recovery."""

from __future__ import annotations

from screen_text import screen_text
from textual import events
from textual.widgets import Input, TextArea
from tui_steps import headings, select_section, start_new_draft

from drafter.draft.io import load_draft
from drafter.draft.numbering import parse_heading
from drafter.tui.widgets.candidate_list import CandidateList
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
        app.screen.query_one("#new-section-title", Input).value = "监督考核"
        await pilot.press("enter")  # the first choice: the same level, after the selected section
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
        assert "恢复" in str(second.screen.query_one("#yes").label)
        await pilot.press("y")
        await pilot.pause()
        assert second.draft.meta["region"] == "运城市"
        assert second.draft.sections[0].body == "深化医改"
        assert second.current_mode == "compose"


async def focus_candidates(pilot):
    candidates = pilot.app.screen.query_one(CandidateList)
    candidates.focus()
    await pilot.pause()
    return candidates


async def test_candidates_say_where_they_come_from_and_which_is_in_use(make_app, settle, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        section = await select_section(pilot, "二、基本原则")
        candidates = await focus_candidates(pilot)
        await settle(pilot)
        rows = screen_text(app)
        used = [c for c in candidates.candidates if c.in_use(section)]
        assert [c.ident for c in used] == ["jbyz-ce50d0"]  # the variant the new draft was built from
        assert "● 使用中 南昌市 2017 模板" in rows and "洪府发〔2017〕32号" in rows
        corpus = [c for c in candidates.candidates if c.origin == "corpus"]
        assert corpus and all(c.region and c.year for c in corpus[:3])


async def test_replacing_a_parent_section_replaces_its_whole_subtree(make_app, settle, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        section = await select_section(pilot, "二、基本原则")
        assert [c.title for c in section.children] == ["坚持政府主导", "坚持政策联动", "坚持分类改革"]
        candidates = await focus_candidates(pilot)
        choice = next(i for i, c in enumerate(candidates.candidates)
                      if c.origin == "corpus" and sum(1 for line in c.lines if line.startswith("(")) >= 2
                      and not c.in_use(section))
        candidate = candidates.candidates[choice]
        candidates.highlighted = choice
        await pilot.press("r")
        await pilot.pause()
        assert "3 个小节" in screen_text(app)  # it says the sub-sections go too
        await pilot.press("y")
        await settle(pilot)
        wanted = [parse_heading(line)[1] for line in candidate.lines if parse_heading(line)]
        assert [c.title for c in section.walk()][1:] == wanted
        titles = [s.title for s in app.draft.walk()]
        assert len(titles) == len(set(titles)), titles  # nothing twice
        assert section.sources[0]["id"] == candidate.ident and len(section.sources) == 1
        assert [c.marker for c in section.children] == ["（一）", "（二）", "（三）", "（四）"][: len(section.children)]
        assert candidates.candidates[choice].in_use(section)
        saved_again = load_draft_text(app)
        assert saved_again.count("坚持政府主导") == ("坚持政府主导" in candidate.text)


def load_draft_text(app) -> str:
    from drafter.draft.io import dumps_draft

    return dumps_draft(app.draft)


async def test_preview_shows_current_and_candidate_side_by_side(make_app, settle, tmp_path):
    from drafter.tui.dialogs.candidate_preview import CandidatePreview

    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        section = await select_section(pilot, "一、指导思想")
        before = section.body
        candidates = await focus_candidates(pilot)
        choice = next(i for i, c in enumerate(candidates.candidates) if not c.in_use(section))
        candidates.highlighted = choice
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, CandidatePreview)
        panes = [str(p.content.plain) for p in app.screen.query(".preview-text")]
        assert panes[0].startswith(before[:20]) and panes[1].startswith(candidates.candidates[choice].text[:20])
        await pilot.press("a")  # append, from the preview
        await settle(pilot)
        assert section.body.startswith(before) and section.body.endswith(candidates.candidates[choice].text)


async def test_a_new_section_asks_for_its_level(make_app, settle, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        parent = await select_section(pilot, "二、基本原则")
        app.screen.query_one(OutlineTree).focus()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#new-section-title", Input).value = "坚持协调发展"
        await pilot.click("#where-inside")
        await pilot.click("#ok")
        await settle(pilot)
        assert [c.heading for c in parent.children][-1] == "（四）坚持协调发展"
        assert parent.children[-1].level == 2
        app.screen.query_one(OutlineTree).focus()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#new-section-title", Input).value = "附则"
        await pilot.click("#where-end")
        await pilot.click("#ok")
        await settle(pilot)
        assert app.draft.sections[-1].heading == "六、附则" and app.draft.sections[-1].level == 1


async def test_insert_puts_the_candidate_at_the_editor_cursor(make_app, settle, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        section = await select_section(pilot, "一、指导思想")
        editor = app.screen.query_one("#section-editor", TextArea)
        editor.load_text("第一段。\n第二段。")
        await pilot.pause()
        editor.move_cursor((1, 0))  # the start of the second paragraph
        candidates = await focus_candidates(pilot)
        choice = next(i for i, c in enumerate(candidates.candidates) if not c.in_use(section))
        candidates.highlighted = choice
        await pilot.press("i")
        await settle(pilot)
        text = candidates.candidates[choice].text
        assert section.body == f"第一段。\n{text}\n第二段。"
        assert editor.text == section.body

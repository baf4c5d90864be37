"""Search and insert with provenance, the user's keymap file, and the $EDITOR escape hatch."""

from __future__ import annotations

import sys

from screen_text import screen_text
from textual.widgets import Input, TextArea
from tui_steps import select_section, settle, start_new_draft

from drafter.paths import locations

SIZE = (100, 30)


async def test_search_result_is_inserted_with_its_provenance(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        section = await select_section(pilot, "一、指导思想")
        before = section.body
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"取消药品加成", "i")  # in the query box `i` is typed, not "insert"
        assert app.screen.query_one("#search-query", Input).value == "取消药品加成i"
        await pilot.press("backspace", "enter")
        await settle(pilot)
        hit = app.screen.hits[0]
        assert "取消药品加成" in hit.text and hit.region == "哈尔滨市"
        await pilot.press("i")  # asks where: the selected section is offered, at its end
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert section.body == before + "\n" + hit.text
        source = section.sources[-1]
        assert source["地区"] == "哈尔滨市" and "哈尔滨市" in source["文件"] and source["日期"] == "2017-06-08"
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.query_one("#section-editor", TextArea).text.endswith(hit.text)


async def test_search_insert_without_a_draft_says_what_to_do(make_app, tiny_db):
    app = make_app(db=tiny_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4", *"取消药品加成", "enter")
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert any("先新建或打开" in n.message for n in app._notifications)


async def test_keymap_file_rebinds_keys_by_binding_id(make_app, tiny_db):
    keymap = locations().keymap_path
    keymap.parent.mkdir(parents=True, exist_ok=True)
    keymap.write_text('[keys]\n"mode.compare" = "f9"\n"mode.search" = "ctrl+k"\n', encoding="utf-8")
    app = make_app(db=tiny_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await pilot.pause()
        assert app.current_mode == "compare"
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert app.current_mode == "search"
        await pilot.press("f5")  # the old key no longer switches
        await pilot.pause()
        assert app.current_mode == "search"
        await pilot.press("escape", "f1")  # the help screen shows the user's keys with their ids
        await pilot.pause()
        keys = screen_text(app)
        assert any("F9" in line and "mode.compare" in line for line in keys.splitlines())
        await pilot.press("end")  # the table scrolls: every screen's bindings, not only this one's
        await pilot.pause()
        assert "export.table" in screen_text(app)


async def test_broken_keymap_is_reported_and_defaults_still_work(make_app, tiny_db):
    keymap = locations().keymap_path
    keymap.parent.mkdir(parents=True, exist_ok=True)
    keymap.write_text('[keys\n"mode.compare" = ', encoding="utf-8")
    app = make_app(db=tiny_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any(str(keymap) in n.message and "已忽略" in n.message for n in app._notifications)
        await pilot.press("f5")
        await pilot.pause()
        assert app.current_mode == "compare"


async def test_edit_section_in_external_editor(make_app, tiny_db, tmp_path, monkeypatch):
    """Ctrl+E hands the section's text to $EDITOR (here a script that rewrites the file)."""
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "text = p.read_text(encoding='utf-8')\n"
        "p.write_text(text.replace('指导', '引领') + '\\n在编辑器里加的一段。\\n', encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        section = await select_section(pilot, "一、指导思想")
        before = section.body
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert section.body == before.replace("指导", "引领") + "\n在编辑器里加的一段。"
        assert app.screen.query_one("#section-editor", TextArea).text == section.body
        assert app.session.dirty


async def test_search_counts_filters_and_inserts_where_the_user_picks(make_app, tmp_path):
    from textual.widgets import OptionList, Select

    from drafter.store import DocFilter, open_store

    app = make_app(export_dir=tmp_path)  # the bundled corpus: many places
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        target = await select_section(pilot, "三、工作目标")
        await pilot.press("f4")
        await pilot.pause()
        app.screen.query_one("#search-query", Input).value = "分级诊疗"
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        total = len(screen.hits)
        assert total > 5 and f"共 {total} 处" in screen_text(app)
        region = screen.hits[-1].region
        screen.query_one("#search-region", Select).value = region
        await settle(pilot)  # the store searches again with the region as its filter
        assert screen.hits and all(h.region == region for h in screen.hits)
        with open_store(app.db) as store:
            assert len(screen.hits) == len(store.search("分级诊疗", limit=200, where=DocFilter(region=region)))
        assert f"筛选后 {len(screen.hits)} 处" in screen_text(app)
        hit = screen.hits[0]
        screen.query_one("#search-results", OptionList).focus()
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        sections = dialog.query_one("#insert-sections", OptionList)
        assert dialog.rows[sections.highlighted][0] is target  # Compose's section is offered first
        other = next(i for i, (s, _) in enumerate(dialog.rows) if s.heading == "一、指导思想")
        sections.highlighted = other
        await pilot.click("#where-start")
        await pilot.click("#ok")
        await pilot.pause()
        first = app.draft.sections[0]
        assert first.body.startswith(hit.text)  # where the user said, not the last-selected section
        source = first.sources[0]
        assert source["地区"] == region and source["id"] == f"corpus:{hit.doc_id}"
        assert source.get("文号", "") == hit.doc_number  # the 来源 note names the 文号 too
        assert hit.text not in target.body
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen.section is first  # Compose shows the section the text went into
        assert hit.text in app.screen.query_one("#section-editor").text


async def test_a_search_that_must_rebuild_the_index_says_so_and_how_far_it_is(make_app, corpus_db, monkeypatch):
    # A copied store has no index beside it: the first search rebuilds it (as after an upgrade
    # that changed the segmenter, or a corpus grown past the split: minutes on a large corpus),
    # saying why in true words.
    from drafter.tui.screens.search_screen import SearchScreen

    said: list[str] = []
    original = SearchScreen._say

    def say(screen, text) -> None:  # noqa: ANN001
        said.append(str(text))
        original(screen, text)

    monkeypatch.setattr(SearchScreen, "_say", say)
    app = make_app(db=corpus_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4", *"取消药品加成", "enter")
        await settle(pilot)
        assert app.screen.hits and "取消药品加成" in app.screen.hits[0].text
        rebuild = [s for s in said if "正在重建检索索引" in s]
        assert rebuild, said
        assert "索引缺失或已损坏" in rebuild[0] and "分词器" not in rebuild[0]
        assert any("已完成" in s and "/" in s for s in rebuild)  # the count advances
        await pilot.press("f4", *"家庭医生", "enter")  # the next search has nothing to rebuild
        await settle(pilot)
        assert len([s for s in said if "检索索引" in s]) == len(rebuild)

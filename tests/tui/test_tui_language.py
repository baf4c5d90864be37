"""Chinese throughout: a walk through every screen and dialog finds no English word on screen (names
like docx, HTML, PDF, F1, Ctrl+…, file paths and binding ids allowed); English is a setting; the
palette finds commands by Chinese name and by pinyin initials."""

from __future__ import annotations

import re

from screen_text import screen_text
from textual.widgets import Input, OptionList, TextArea
from tui_steps import select_section, settle, start_new_draft

from drafter.messages import set_language
from drafter.paths import locations
from drafter.tui.app import DrafterApp
from drafter.tui.bindings import PALETTE_ACTIONS
from drafter.tui.settings import Settings, write_settings

SIZE = (120, 35)
ALLOWED = {
    "docx", "html", "htm", "pdf", "md", "txt", "id", "gb", "drafter", "ctrl", "esc", "enter", "tab", "del",
    "delete", "shift", "alt", "editor", "nano", "toml", "keymap", "settings", "english", "wps", "word",
    "dc",  # the palette's own example of pinyin initials
}
PATHS = re.compile(r"\S*[/\\]\S*")  # a path (the export folder, a draft file) is the user's own name
IDS = re.compile(r"\b[a-z]+(?:\.[a-z0-9-]+)+\b|\bcorpus:\d+")  # binding ids, file names, corpus:12
KEYS = re.compile(r"\b(?:[Ff]\d{1,2}|\^[a-z])\b")


def english_words(text: str) -> list[str]:
    text = IDS.sub(" ", PATHS.sub(" ", text))
    text = KEYS.sub(" ", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w.lower() not in ALLOWED]


class Walk:
    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.seen: dict[str, list[str]] = {}

    async def look(self, name: str) -> None:
        await settle(self.pilot)
        self.seen[name] = english_words(screen_text(self.pilot.app))

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await settle(self.pilot)

    def found(self) -> dict[str, list[str]]:
        return {name: words for name, words in self.seen.items() if words}


async def walk_the_app(pilot, tmp_path) -> Walk:
    app = pilot.app
    walk = Walk(pilot)
    await walk.look("corpus")
    await walk.press("enter")
    await walk.look("plan reader")
    await walk.press("escape", "a")
    await walk.look("ingest prompt")
    await walk.press("escape")
    await start_new_draft(pilot)
    first = app.draft.sections[0]  # something for Check to find: outdated name, half-width comma, old date
    app.draft.replace_body(first, "由市卫生计生委牵头,到2017年底全面取消药品加成。")
    app.draft_changed()
    await settle(pilot)
    await select_section(pilot, "二、基本原则")
    await walk.look("compose")
    await walk.press("tab", "tab")
    await walk.look("compose, candidates focused")
    await walk.press("p")
    await walk.look("candidate preview")
    await walk.press("escape")
    await walk.press("r")
    await walk.look("replace a parent section: confirm")
    await walk.press("n")
    app.screen.query_one("#outline").focus()
    await walk.press("n")
    await walk.look("new section")
    await walk.press("escape", "delete")
    await walk.look("remove section")
    await walk.press("escape", "ctrl+r")
    await walk.look("the 公文 parts")
    await walk.press("down", "down", "enter")
    await walk.look("one part")
    assert type(app.screen).__name__ == "PartEditDialog"
    await walk.press("escape", "s")
    await walk.look("add a superior document")
    await walk.press("escape", "escape")
    await walk.press("escape", "ctrl+o")
    await walk.look("open")
    await walk.press("escape", "f12")
    await walk.look("save as")
    await walk.press("escape", "f4")
    app.screen.query_one("#search-query", Input).value = "取消药品加成"
    await walk.press("enter")
    await walk.look("search")
    await walk.press("i")
    await walk.look("insert into the draft")
    await walk.press("escape", "f5")
    await walk.look("compare, nothing yet")
    await walk.press("r")
    await walk.look("reference picker")
    await walk.press(*"哈尔滨", "enter")
    await walk.look("compare")
    await walk.press("n", "n")
    await walk.look("compare, at a change")
    await walk.press("l")
    await walk.look("compare, the change list")
    await walk.press("c")
    await walk.look("对标: choose a superior document")
    await walk.press(*"运城", "enter")
    await walk.look("对标")
    assert type(app.screen).__name__ == "CoverScreen" and app.screen.coverage is not None
    await walk.press("escape", "f7")
    await walk.look("check")
    assert app.current_mode == "check" and app.screen.report.findings
    await walk.press("f")
    await walk.look("check, after a fix")
    await walk.press("f6", "d")
    await walk.look("export")
    await walk.press("m")
    await walk.look("export: the 公文 parts")
    await walk.press("escape")
    await walk.press("f1")
    await walk.look("help")
    await walk.press("end")
    await walk.look("help, end of the key table")
    await walk.press("escape", "ctrl+p")
    await walk.look("command palette")
    await walk.press("escape", "f3", "ctrl+n")
    app.screen.query_one("#meta-region", Input).value = "运城市"
    await walk.press("enter")
    await walk.look("new draft: unsaved changes")
    return walk


async def test_no_english_on_any_screen_or_dialog(make_app, tiny_db, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("DRAFTER_LANG", raising=False)
    app = make_app(db=tiny_db, export_dir=tmp_path / "out")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        walk = await walk_the_app(pilot, tmp_path)
    assert len(walk.seen) >= 20
    assert walk.found() == {}


async def test_the_recovery_question_is_in_chinese(make_app, tiny_db, tmp_path):
    first = make_app(db=tiny_db, export_dir=tmp_path, autosave_seconds=0.05)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.pause(0.3)
        first.session.close = lambda: None  # a crash
    second = make_app(db=tiny_db, export_dir=tmp_path)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(second)
        assert "恢复" in text and "搁置" in text and english_words(text) == []


def test_every_binding_is_described_in_the_catalogue():
    from drafter.messages import catalogue
    from drafter.tui.screens.plan_screen import PlanScreen

    owners = [DrafterApp, PlanScreen, *DrafterApp.MODES.values()]
    for owner in owners:
        for binding in owner.BINDINGS:
            assert binding.action in PALETTE_ACTIONS or binding.description in catalogue(), (owner, binding)


async def test_english_is_a_setting(make_app, tiny_db):
    write_settings(locations().config_dir, Settings(language="en"))
    try:
        app = make_app(db=tiny_db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            text = screen_text(app)
            assert "Help" in text and "Corpus" in text and "帮助" not in text
    finally:
        set_language(None)
    assert Settings().language == ""  # nothing chosen: the app leaves the language alone


async def test_an_app_without_a_language_setting_leaves_drafter_lang_alone(make_app, tiny_db, monkeypatch):
    from drafter.messages import language

    monkeypatch.delenv("DRAFTER_LANG", raising=False)
    make_app(db=tiny_db)
    monkeypatch.setenv("DRAFTER_LANG", "en")
    assert language() == "en"  # the CLI in the same process still follows DRAFTER_LANG


async def palette_results(pilot, query: str) -> list[str]:
    app = pilot.app
    await pilot.press("ctrl+p")
    await pilot.pause()
    app.screen.query_one(Input).value = query
    for _ in range(20):  # the palette searches in the background
        await pilot.pause(0.05)
        options = app.screen.query_one(OptionList)
        if options.option_count:
            break
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_palette_finds_export_by_chinese_name_and_by_pinyin_initials(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        by_name = await palette_results(pilot, "导出")
        assert by_name and all("导出" in hit for hit in by_name[:5]), by_name
        await pilot.press("escape")
        by_initials = await palette_results(pilot, "dc")
        assert by_initials and by_initials[0].startswith("导出"), by_initials
        await pilot.press("escape")
        exact = await palette_results(pilot, "dcgw")
        assert exact[0].startswith("导出：公文"), exact
        await pilot.press("enter")  # runs it: the 公文 .docx is written
        await settle(pilot)
        assert app.current_mode == "export"
    assert (tmp_path / "运城市-公文.docx").is_file()


def test_pinyin_match_scores_initials_and_syllables():
    from drafter.tui.commands import pinyin_match

    assert pinyin_match("dc", "导出：公文 docx")[0] == 1.0
    assert pinyin_match("dc", "导出：公文 docx")[1] == [0, 1]  # 导出 highlighted
    assert 0 < pinyin_match("gongwen", "导出：公文 docx")[0] < 1.0
    assert pinyin_match("xyz", "导出：公文 docx")[0] == 0.0
    assert pinyin_match("导出", "导出：公文 docx")[0] == 0.0  # Chinese queries use the ordinary matcher


async def test_typing_into_the_editor_after_the_walk_still_works(make_app, tiny_db, tmp_path):
    """The palette and dialogs leave the editor as it was: a sanity check of the walk's keys."""
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await select_section(pilot, "一、指导思想")
        editor = app.screen.query_one("#section-editor", TextArea)
        editor.focus()
        editor.load_text("")
        await pilot.press("ctrl+p", "escape", *"abc")
        assert editor.text == "abc"

"""Never lose a file: save, quit, reopen (recent list, `drafter` alone); nothing that is not this draft's
own is overwritten without a yes, and a no leaves it byte for byte as it was."""

from __future__ import annotations

from pathlib import Path

from screen_text import shown
from textual.widgets import Input, OptionList, TextArea
from tui_steps import select_section, settle, start_new_draft, type_text

from drafter.paths import locations
from drafter.tui.dialogs.choice_dialog import ChoiceDialog
from drafter.tui.dialogs.open_dialog import OpenDialog
from drafter.tui.recent import read_recent

SIZE = (100, 30)
TYPED = "增加的一段文字。"


async def type_into_first_section(pilot, text: str = TYPED) -> None:
    await select_section(pilot, "一、指导思想")
    editor = pilot.app.screen.query_one("#section-editor", TextArea)
    editor.focus()
    editor.move_cursor(editor.document.end)
    await type_text(pilot, text)
    await pilot.pause()


async def test_save_quit_and_reopen_from_the_recent_list(make_app, tiny_db, tmp_path):
    first = make_app(db=tiny_db, export_dir=tmp_path)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await type_into_first_section(pilot)
        assert first.sub_title == "运城市-实施方案.md *"  # the file name, and unsaved changes
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert first.sub_title == "运城市-实施方案.md"
        assert first.status_text.startswith("已保存") and "运城市-实施方案.md" in first.status_text
        await pilot.press("ctrl+q")
        await pilot.pause()
    saved = tmp_path / "运城市-实施方案.md"
    assert TYPED in saved.read_text(encoding="utf-8")
    assert [Path(e.path) for e in read_recent(locations().config_dir)] == [saved.resolve()]

    # `drafter` alone: the last draft comes back, in Compose
    again = make_app(db=tiny_db, reopen_last=True)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.session.path == saved.resolve() and again.current_mode == "compose"
        assert TYPED in again.draft.sections[0].body
        assert "上次的草稿" in again.status_text

    # and Ctrl+O lists it: Enter opens it
    third = make_app(db=tiny_db)
    async with third.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert third.draft is None  # the factory without reopen_last, as the tests build it
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(third.screen, OpenDialog)
        options = third.screen.query_one("#recent-list", OptionList)
        assert options.option_count == 1 and options.highlighted == 0
        await pilot.press("enter")
        await settle(pilot)
        assert third.session.path == saved.resolve() and TYPED in third.draft.sections[0].body


async def test_a_new_draft_saved_on_quit_is_the_one_reopened(make_app, tiny_db, tmp_path):
    """Never Ctrl+S'd: quitting saves it into its file, and the next start reopens it (not the
    draft saved before it)."""
    first = make_app(db=tiny_db, export_dir=tmp_path)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("ctrl+s")
        await start_new_draft(pilot, region="大同市")
        assert first.session.dirty
        await pilot.press("ctrl+q")
        await pilot.pause()
    newest = (tmp_path / "大同市-实施方案.md").resolve()
    assert "大同市" in newest.read_text(encoding="utf-8")
    assert Path(read_recent(locations().config_dir)[0].path) == newest
    again = make_app(db=tiny_db, reopen_last=True)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.session.path == newest and again.draft.meta["region"] == "大同市"


async def test_new_draft_whose_file_exists_asks_and_no_leaves_it_byte_identical(make_app, tiny_db, tmp_path):
    existing = tmp_path / "运城市-实施方案.md"
    original = "+++\nregion = \"运城市\"\n+++\n一、指导思想\n我的旧稿，一字不能丢。\n".encode()
    existing.write_bytes(original)
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        assert isinstance(app.screen, ChoiceDialog)  # asked before anything
        assert "已经存在" in shown(app.screen.query_one(".dialog-text"))
        await pilot.press("escape")  # no
        await settle(pilot)
        assert app.draft is None
        await pilot.press("ctrl+s", "ctrl+q")
        await pilot.pause()
    assert existing.read_bytes() == original


async def test_new_draft_over_an_existing_file_only_when_told(make_app, tiny_db, tmp_path):
    existing = tmp_path / "运城市-实施方案.md"
    existing.write_bytes("旧稿\n".encode())
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.click("#choice-other")  # another name: the suggested one is free
        await pilot.pause()
        assert app.screen.query_one("#path-input", Input).value.endswith("运城市-实施方案-2.md")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.path == tmp_path / "运城市-实施方案-2.md" and app.draft is not None
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert existing.read_bytes() == "旧稿\n".encode()
    assert (tmp_path / "运城市-实施方案-2.md").read_text(encoding="utf-8").startswith("+++")


async def test_save_as_onto_another_file_asks_first(make_app, tiny_db, tmp_path):
    other = tmp_path / "别人的文件.md"
    other.write_bytes(b"keep me\n")
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f12")
        await pilot.pause()
        app.screen.query_one("#path-input", Input).value = str(other)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#choice-cancel")
        await pilot.pause()
        assert other.read_bytes() == b"keep me\n"
        await pilot.press("f12")
        await pilot.pause()
        app.screen.query_one("#path-input", Input).value = str(other)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#choice-overwrite")  # a yes, and only then
        await pilot.pause()
        assert app.session.path == other and app.sub_title == "别人的文件.md"
    assert other.read_text(encoding="utf-8").startswith("+++")


async def test_a_file_changed_by_another_program_is_not_overwritten_silently(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        path = app.session.path
        path.write_text("另一个程序写的内容\n", encoding="utf-8")  # e.g. WPS saved over it
        await type_into_first_section(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "被其他程序改过" in shown(app.screen.query_one(".dialog-text"))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")  # quitting does not overwrite it either: it asks again
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#choice-keep")
        await settle(pilot)
    assert path.read_text(encoding="utf-8") == "另一个程序写的内容\n"
    kept = list(locations().autosave_dir.glob("kept-*.md"))
    assert len(kept) == 1 and TYPED in kept[0].read_text(encoding="utf-8")


async def test_quitting_a_draft_never_saved_asks(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f12")
        await pilot.pause()
        await pilot.press("escape")  # no file chosen
        app.session.path = None  # a draft that has no file at all (e.g. recovered from a crash)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#choice-save")
        await settle(pilot)
    assert (tmp_path / "运城市-实施方案.md").is_file()


async def test_an_export_edited_after_it_was_written_is_not_overwritten_silently(make_app, tiny_db, tmp_path):
    """Export, open the .docx in WPS, add the seal, save, come back and export again: the app
    wrote that file itself, but it is the user's now, and a second export asks first."""
    from drafter.tui.dialogs.confirm_dialog import ConfirmDialog

    app = make_app(db=tiny_db, export_dir=tmp_path)
    target = tmp_path / "运城市-公文.docx"

    async def export_docx() -> None:
        app.status_text = ""
        await pilot.press("d")
        for _ in range(300):
            await pilot.pause(0.1)
            if "已写入" in app.status_text or isinstance(app.screen, ConfirmDialog):
                break

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await export_docx()
        assert target.is_file() and "已写入" in app.status_text
        await export_docx()  # unchanged since this session wrote it: no question
        assert not isinstance(app.screen, ConfirmDialog) and "已写入" in app.status_text
        target.write_bytes(target.read_bytes() + b"\0")  # saved by WPS meanwhile
        edited = target.read_bytes()
        await export_docx()
        assert isinstance(app.screen, ConfirmDialog)
        assert "在本次导出后被改过" in shown(app.screen.query_one(".dialog-text"))
        await pilot.press("escape")
        await settle(pilot)
    assert target.read_bytes() == edited

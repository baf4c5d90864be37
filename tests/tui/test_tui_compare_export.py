"""Compare (reference picker, n/N through the changes, granularity and unimportant toggles) and
Export (files appear where the screen says), on the tiny two-plan corpus."""

from __future__ import annotations

from docx import Document as open_docx
from screen_text import shown
from textual.widgets import DataTable, Static
from tui_steps import settle, start_new_draft

from drafter.tui.dialogs.reference_picker import ReferencePicker
from drafter.tui.widgets.side_by_side import ParagraphRow

SIZE = (100, 30)
GOAL = "到二〇一七年底,全市城市公立医院全部取消药品加成,群众就医负担明显减轻。"  # 2017 in the reference


async def draft_compared_with_harbin(pilot) -> None:
    await settle(pilot)
    await start_new_draft(pilot)
    await compare_with_harbin(pilot)


async def compare_with_harbin(pilot) -> None:
    """Give the draft's first section a known text, then compare with 哈尔滨市's plan (F5, r)."""
    app = pilot.app
    first = app.draft.sections[0]
    app.draft.replace_body(first, "以人民健康为中心,坚持保基本、强基层、建机制,破除以药补医机制。\n" + GOAL)
    app.draft_changed()
    await pilot.press("f5")
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    await pilot.press(*"哈尔滨", "enter")
    await settle(pilot)


def note(app) -> str:
    return shown(app.screen.query_one("#compare-note", Static))


async def test_granularity_toggle_rediffs_by_characters(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await draft_compared_with_harbin(pilot)
        by_words = app.screen.comparison
        await pilot.press("g")
        await settle(pilot)
        by_chars = app.screen.comparison
        assert by_chars is not by_words and "按字" in note(app)
        removed_words = {op.a for s in by_words.sections for p in s.paragraphs for op in p.ops if op.tag == "-"}
        removed_chars = {op.a for s in by_chars.sections for p in s.paragraphs for op in p.ops if op.tag == "-"}
        # 成文日期 2017年6月8日 → 2024年5月1日: by words the date is rewritten whole (a number is a word),
        # by characters only the digits that differ
        assert "2017年6月8" in removed_words and {"17", "6", "8"} <= removed_chars


async def test_unimportant_toggle_dims_or_hides_them(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await draft_compared_with_harbin(pilot)

        def goal_row_styles() -> set[str]:
            row = next(r for r in app.screen.query(ParagraphRow) if r.paragraph.b == GOAL)
            cell = row.query(".diff-cell.-b").first(Static)
            return {str(span.style) for span in cell.content.text.spans}  # a WrappedText

        assert "dim italic" in goal_row_styles()  # 2017 → 二〇一七: shown, dimmed
        await pilot.press("u")
        await pilot.pause()
        assert "dim italic" not in goal_row_styles() and "次要差异已隐藏" in note(app)
        await pilot.press("u")
        await pilot.pause()
        assert "dim italic" in goal_row_styles()


async def test_exports_write_files_and_say_where(make_app, tiny_db, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # the screen shows ~/out
    app = make_app(db=tiny_db, export_dir=tmp_path / "out")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert "~/out" in shown(app.screen.query_one("#export-target"))
        assert "尚未选择" in shown(app.screen.query_one("#export-reference"))
        await pilot.press("r")  # a redline needs a reference: the picker asks for it, nothing written
        await pilot.pause()
        assert isinstance(app.screen, ReferencePicker)
        await pilot.press("escape")
        await settle(pilot)
        assert not (tmp_path / "out").exists()
        await compare_with_harbin(pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert "哈尔滨市" in shown(app.screen.query_one("#export-reference"))  # says what it is against
        await pilot.press("d", "r", "t", "h")
        await settle(pilot)
        table = app.screen.query_one("#export-results", DataTable)
        results = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        notices = [n.message for n in app._notifications]
    names = ["运城市-公文.docx", "运城市-修订.docx", "运城市-对照表.docx", "运城市-对照.html"]
    for name in names:
        assert (tmp_path / "out" / name).is_file()
        assert any(r == f"已写入 ~/out/{name}" for r in results), results
        assert any(f"~/out/{name}" in n for n in notices)
    redline = open_docx(str(tmp_path / "out" / "运城市-修订.docx")).element.body
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert any(True for _ in redline.iter(f"{ns}ins")) and any(True for _ in redline.iter(f"{ns}del"))
    assert "哈尔滨" in (tmp_path / "out" / "运城市-对照.html").read_text(encoding="utf-8")


async def test_a_slow_diff_and_export_leave_the_ui_responsive(make_app, tiny_db, tmp_path, monkeypatch):
    """Diff and export run in thread workers: while they are held, keys still switch screens."""
    import threading

    from drafter.tui import services

    release = threading.Event()
    real_compare, real_export = services.compare, services.export

    def held_compare(*args, **kwargs):
        release.wait(10)
        return real_compare(*args, **kwargs)

    def held_export(*args, **kwargs):
        release.wait(10)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(services, "compare", held_compare)
    monkeypatch.setattr(services, "export", held_export)
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f5", "r", *"哈尔滨", "enter")
        await pilot.pause()
        assert "正在与 哈尔滨市" in app.status_text and app.busy
        await pilot.press("f6", "d")
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "compose"  # the UI answered while both workers were held
        release.set()
        await settle(pilot)
        assert (tmp_path / "运城市-公文.docx").is_file()
        assert app.mode_screen("compare").comparison is not None and not app.busy

"""The 公文 parts editor (`drafter meta` in the app) and the exported 公文 that follows it; 对标
(`drafter cover`); Compose's preview marks what a candidate would bring in (another place's names,
outdated wording, past deadlines)."""

from __future__ import annotations

from docx import Document as open_docx
from screen_text import shown
from textual.widgets import Input
from tui_steps import select_section, settle, start_new_draft

from drafter.tui.dialogs.candidate_preview import FINDING_STYLE, CandidatePreview
from drafter.tui.dialogs.parts_dialog import PartEditDialog, PartsDialog
from drafter.tui.widgets.candidate_list import CandidateList

SIZE = (120, 35)
W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


async def edit_part(pilot, key: str, value: str) -> None:
    dialog = pilot.app.screen
    options = dialog.query_one("#parts-list")
    options.highlighted = options.get_option_index(key)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PartEditDialog)
    pilot.app.screen.query_one("#part-input", Input).value = value
    await pilot.press("enter")
    await settle(pilot)


async def test_parts_editor_sets_unsets_and_the_export_follows(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert "待填" in shown(app.screen.query_one("#export-todo"))  # the 文号 has no number yet
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PartsDialog)
        await edit_part(pilot, "doc_number", "运政办发〔2024〕7号")
        await edit_part(pilot, "cc", "市委办公室，市人大常委会办公室")
        assert app.draft.meta["doc_number"] == "运政办发〔2024〕7号"
        await edit_part(pilot, "level", "乡级")  # not one of the choices: refused, said, nothing changed
        assert app.draft.meta.get("level") != "乡级" and isinstance(app.screen, PartsDialog)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = "《关于进一步深化医药卫生体制改革的意见》（国办发〔2015〕38号）"
        await pilot.press("enter")
        await settle(pilot)
        assert app.draft.meta["superior"]
        options = app.screen.query_one("#parts-list")
        options.highlighted = options.get_option_index("cc")
        await pilot.press("delete")  # back to its default
        await settle(pilot)
        assert "cc" not in app.draft.meta
        await edit_part(pilot, "cc", "市委办公室")
        await pilot.press("escape")
        await settle(pilot)
        assert app.session.dirty
        await pilot.press("d")
        await settle(pilot)
    body = open_docx(str(tmp_path / "运城市-公文.docx")).element.body
    text = "".join(node.text or "" for node in body.iter(W_T))
    assert "运政办发〔2024〕7号" in text  # the 版头: the draft's own 文号
    assert "抄送：市委办公室" in text  # the 版记
    assert "国办发〔2015〕38号" in text  # the preface names the superior document


async def test_cover_lists_the_superior_documents_tasks_and_opens_the_covering_section(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f5", "c")
        await pilot.pause()
        await pilot.press(*"运城", "enter")  # the tiny corpus's 运城市 plan, as the document set against
        await settle(pilot)
        screen = app.screen
        tasks = screen.coverage.tasks
        assert tasks and shown(screen.query_one("#cover-summary")).startswith("《运城市深化医药卫生体制改革实施方案》")
        options = screen.query_one("#cover-tasks")
        assert options.option_count == len(tasks)
        covered = next(i for i, task in enumerate(tasks) if task.covered_by)
        options.highlighted = covered
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "compose" and app.screen.section.heading == tasks[covered].covered_by


async def test_preview_marks_what_a_candidate_would_bring_in(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await select_section(pilot, "三、工作目标")
        await settle(pilot)
        candidates = app.screen.query_one(CandidateList)
        harbin = next(i for i, c in enumerate(candidates.candidates) if c.origin == "corpus" and c.region == "哈尔滨市")
        findings = app.screen.findings[candidates.candidates[harbin].ident]
        assert [(f.family, f.text) for f in findings] == [("时限", "到2017年底")]  # past, for a 2024 draft
        prompt = candidates.get_option_at_index(harbin).prompt.plain
        assert prompt.startswith(f"⚠{len(findings)}")  # marked in the list before it is even opened
        candidates.focus()
        candidates.highlighted = harbin
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, CandidatePreview)
        pane = app.screen.query_one("#preview-candidate .preview-text").content.text
        marked = {pane.plain[s.start:s.end] for s in pane.spans if str(s.style) == FINDING_STYLE["时限"]}
        assert marked == {"到2017年底"}
        assert "候选 1 处" in shown(app.screen.query_one("#preview-legend"))


async def test_preview_marks_another_places_names(make_app, tmp_path):
    app = make_app(export_dir=tmp_path)  # the bundled corpus: 哈尔滨市's 基本原则 names 哈尔滨
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await select_section(pilot, "二、基本原则")
        await settle(pilot)
        candidates = app.screen.query_one(CandidateList)
        harbin = next(i for i, c in enumerate(candidates.candidates) if c.origin == "corpus" and c.region == "哈尔滨市")
        assert any(f.family == "属地" for f in app.screen.findings[candidates.candidates[harbin].ident])
        candidates.focus()
        candidates.highlighted = harbin
        await pilot.press("p")
        await settle(pilot)
        pane = app.screen.query_one("#preview-candidate .preview-text").content.text
        leaks = {pane.plain[s.start:s.end] for s in pane.spans if str(s.style) == FINDING_STYLE["属地"]}
        assert leaks and all("哈尔滨" in leak for leak in leaks)

"""The Check screen: `drafter check`'s findings grouped by family, Enter to the spot in Compose, f to
apply one suggestion, F for every safe one — the same result as `drafter fix` on the saved file."""

from __future__ import annotations

from screen_text import screen_text, shown
from textual.widgets import TextArea
from tui_steps import settle, start_new_draft

from drafter.tui.dialogs.parts_dialog import PartsDialog
from drafter.tui.widgets.finding_view import FOUND_STYLE

SIZE = (120, 35)
PROBLEMS = "由市卫生计生委牵头,到2017年底全面取消药品加成。"  # 提法, 格式 (half-width comma), 时限


async def draft_with_problems(pilot) -> None:
    app = pilot.app
    await settle(pilot)
    await start_new_draft(pilot)
    app.draft.replace_body(app.draft.sections[0], PROBLEMS)
    app.draft_changed()
    await pilot.press("f7")
    await settle(pilot)


def tree_rows(app, path=(1,)) -> dict[str, list[str]]:
    """Family node label → the texts of its findings in the section at `path` (the planted ones)."""
    tree = app.screen.query_one("#findings")
    return {str(node.label).split("（")[0]: [c.data.text for c in node.children if c.data.location.path == path]
            for node in tree.root.children}


def counts(app) -> dict[str, int]:
    tree = app.screen.query_one("#findings")
    return {str(node.label).split("（")[0]: len(node.children) for node in tree.root.children}


def pick(app, text: str):
    """Put the findings tree's cursor on the finding of `text`."""
    tree = app.screen.query_one("#findings")
    for family in tree.root.children:
        for leaf in family.children:
            if leaf.data.text == text:
                tree.focus()
                tree.move_cursor(leaf)
                return leaf.data
    raise AssertionError(f"no finding {text}")


async def test_findings_are_grouped_by_family_with_the_passage_marked(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await draft_with_problems(pilot)
        rows = tree_rows(app)
        assert {k: v for k, v in rows.items() if v} == {"提法": ["卫生计生委"], "时限": ["到2017年底"], "格式": [","]}
        report = app.screen.report.by_family()
        assert counts(app) == {family: n for family, n in report.items() if n}
        heading = f"提法 {report['提法']} · 属地 {report['属地']} · 时限 {report['时限']} · 格式 {report['格式']}"
        assert heading in screen_text(app)
        pick(app, "卫生计生委")
        await settle(pilot)
        detail = app.screen.query_one("#finding-detail").content.text  # a WrappedText
        assert "卫生健康委" in detail.plain and "不再使用" in detail.plain  # the suggestion and why
        marked = [detail.plain[s.start:s.end] for s in detail.spans if str(s.style) == FOUND_STYLE]
        assert marked == ["卫生计生委"]  # the passage around it, the words themselves marked


async def test_enter_opens_the_spot_in_compose_with_the_text_selected(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await draft_with_problems(pilot)
        pick(app, "到2017年底")
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "compose" and app.screen.section is app.draft.sections[0]
        editor = app.screen.query_one("#section-editor", TextArea)
        assert editor.selected_text == "到2017年底" and app.screen.focused is editor
        assert editor.text == PROBLEMS  # going there changes nothing


async def test_f_applies_one_suggestion_and_the_check_runs_again(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await draft_with_problems(pilot)
        pick(app, "卫生计生委")
        edits = app.edits
        await pilot.press("f")
        await settle(pilot)
        assert app.draft.sections[0].body == PROBLEMS.replace("卫生计生委", "卫生健康委")
        assert app.edits > edits and app.session.dirty
        assert "已修正" in app.status_text or "检查完毕" in app.status_text
        assert tree_rows(app).get("提法", []) == []
        # a finding whose text changed since it was found is never applied
        pick(app, "到2017年底")
        finding = app.screen.finding
        app.draft.replace_body(app.draft.sections[0], "到2018年底全面取消药品加成。")
        app.screen.report.findings[:] = [finding]  # as if the check had not run again yet
        await pilot.press("f")
        await settle(pilot)
        assert app.draft.sections[0].body == "到2018年底全面取消药品加成。"


async def test_fix_all_matches_drafter_fix_on_the_saved_file(make_app, tiny_db, tmp_path, capsys):
    from drafter.cli import main
    from drafter.draft.io import load_draft

    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await draft_with_problems(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = app.session.path
        twin = tmp_path / "twin.md"
        twin.write_bytes(saved.read_bytes())
        await pilot.press("F")
        await settle(pilot)
        by_app = [s.heading + "\n" + s.body for s in app.draft.walk()]
        assert app.draft.sections[0].body == "由市卫生健康委牵头，到2017年底全面取消药品加成。"
        assert {k: v for k, v in tree_rows(app).items() if v} == {"时限": ["到2017年底"]}  # no safe fix
        assert not any(f.safe and f.suggestion is not None for f in app.screen.report.findings)
    assert main(["--db", tiny_db, "fix", str(twin)]) == 0
    by_cli = [s.heading + "\n" + s.body for s in load_draft(twin).walk()]
    assert by_app == by_cli


async def test_a_finding_in_the_metadata_opens_the_parts_editor(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        app.draft.set_meta("title", "运城市卫生计生委关于深化医改的实施方案")
        app.draft_changed()
        await pilot.press("f7")
        await settle(pilot)
        finding = pick(app, "卫生计生委")
        assert finding.location.part == "meta" and "草稿信息「标题」" in shown(app.screen.query_one("#finding-detail"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PartsDialog) and app.screen.state.key == "title"

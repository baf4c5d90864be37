"""The Compare screen's change list and navigation read the model's own (`Comparison.change_list()`,
`drafter.compare.navigation`): n/N step with `第 3/66 处`, the list follows, Enter opens the change's
section in Compose with its paragraph selected; the direction (A 参照文本, B 本稿) is on screen; a
related pair is marked ≈ with its shared key terms highlighted."""

from __future__ import annotations

from screen_text import screen_text, shown
from test_tui_compare_export import GOAL, draft_compared_with_harbin
from textual.widgets import Static, TextArea
from tui_steps import settle

from drafter.compare.navigation import position_label, step
from drafter.tui.widgets.change_list import ChangeList
from drafter.tui.widgets.side_by_side import SHARED_STYLE, ParagraphRow, SideBySide

WIDE = (120, 35)


def position(app) -> str:
    return shown(app.screen.query_one("#compare-position", Static))


async def test_n_and_N_step_through_the_models_changes(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await draft_compared_with_harbin(pilot)
        screen = app.screen
        changes = screen.comparison.change_list()
        total = len(changes)
        assert total >= 10 and f"共 {total} 处修改" in shown(screen.query_one("#compare-note"))
        assert position(app).startswith(f"第 0/{total} 处")
        view = screen.query_one(SideBySide)
        await pilot.press("n")
        assert screen.current is changes[0] and position(app).startswith(f"第 1/{total} 处")
        assert view.widget_for(changes[0]).has_class("-current")
        await pilot.press("n", "n")
        expected = changes[step(changes, step(changes, 0, 1, include_minor=True), 1, include_minor=True)]
        assert screen.current is expected and position(app).startswith(position_label(changes, expected.index,
                                                                                      include_minor=True))
        assert not view.widget_for(changes[0]).has_class("-current")
        for _ in range(6):
            await pilot.press("n")
        assert view.scroll_y > 0  # the view followed the change below the first screen
        assert screen.current is changes[8]
        await pilot.press("N")
        assert screen.current is changes[7]
        for _ in range(8):
            await pilot.press("N")
        assert screen.current is changes[-1]  # wraps round to the last change
        assert position(app).startswith(f"第 {total}/{total} 处")


async def test_the_change_list_moves_the_view_and_enter_opens_compose(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await draft_compared_with_harbin(pilot)
        screen = app.screen
        changes = screen.comparison.change_list()
        listing = screen.query_one(ChangeList)
        assert listing.display and listing.option_count == len(changes)  # shown beside the view when wide
        listing.focus()
        await pilot.press("home", "down", "down", "down", "down")
        await pilot.pause()
        assert screen.current is changes[4] and position(app).startswith(f"第 5/{len(changes)} 处")
        # the change of the draft's own paragraph: Enter opens 一、指导思想 with it selected
        target = next(c for c in changes if c.paragraph is not None
                      and screen.comparison.sections[c.section].paragraphs[c.paragraph].b == GOAL)
        listing.highlighted = changes.index(target)
        await pilot.pause()
        assert screen.current is target
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "compose"
        assert app.screen.section is app.draft.sections[0]
        editor = app.screen.query_one("#section-editor", TextArea)
        assert editor.selected_text == GOAL and app.screen.focused is editor


async def test_the_direction_is_said_and_related_pairs_show_their_shared_terms(make_app, tiny_db, tmp_path):
    app = make_app(db=tiny_db, export_dir=tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await draft_compared_with_harbin(pilot)
        text = screen_text(app)
        assert "A 参照文本（哈尔滨市）" in text and "B 本稿（运城市-实施方案.md" in text
        related = [row for row in app.screen.query(ParagraphRow) if row.paragraph.status == "related"]
        assert related, "the tiny corpus has rewritten paragraphs"
        row = next(r for r in related if r.paragraph.shared_terms)
        assert str(row.query_one(".diff-mark", Static).content) == "≈"
        for side in ("a", "b"):
            cell = row.query_one(f".diff-cell.-{side}", Static).content.text  # a WrappedText
            marked = {cell.plain[span.start:span.end] for span in cell.spans if str(span.style) == SHARED_STYLE}
            assert marked and marked <= set(row.paragraph.shared_terms), (side, marked)

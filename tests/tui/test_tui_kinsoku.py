"""禁则 on screen: no line shown in the compare view, the previews or the plan reader starts with
closing punctuation or ends with an opening mark — read from what the terminal paints."""

from __future__ import annotations

import pytest
from screen_text import region_lines
from textual.widgets import Input
from tui_steps import select_section, settle, start_new_draft

from drafter.text.linebreak import CLOSING, OPENING

SIZES = [(80, 24), (120, 35)]


def bad_lines(app, widgets) -> list[str]:
    """Lines of the widgets' visible content that break a rule (with the widget's text for context)."""
    screen = app.screen.region
    bad = []
    for widget in widgets:
        region = widget.content_region.intersection(screen)
        for container in widget.ancestors_with_self:
            if hasattr(container, "scrollable_content_region") and container is not widget:
                region = region.intersection(container.scrollable_content_region)
        if not region.area:
            continue
        rows = [line.strip() for line in region_lines(app, region)]
        rows = [row for row in rows if row]
        for n, row in enumerate(rows):
            if n and row[0] in CLOSING:
                bad.append(f"starts with {row[0]}: {row}")
            if n < len(rows) - 1 and row[-1] in OPENING:
                bad.append(f"ends with {row[-1]}: {row}")
    return bad


async def walk_compare(pilot, steps: int = 25) -> list[str]:
    app = pilot.app
    found = []
    for _ in range(steps):
        cells = list(app.screen.query(".diff-cell"))
        found += bad_lines(app, cells)
        await pilot.press("n")
        await pilot.pause()
    return found


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x35"])
async def test_compare_view_lines_follow_kinsoku(make_app, tmp_path, size):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f5", "r", *"哈尔滨", "enter")
        await settle(pilot)
        assert app.screen.comparison is not None
        cells = list(app.screen.query(".diff-cell"))
        assert sum(len(c.content.plain) for c in cells) > 2000  # plenty of wrapped Chinese to judge
        assert await walk_compare(pilot) == []


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x35"])
async def test_preview_views_follow_kinsoku(make_app, tmp_path, size):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        await select_section(pilot, "二、基本原则")
        candidates = app.screen.query_one("#candidates")
        candidates.focus()
        found = []
        for _ in range(min(6, candidates.option_count)):  # the pane under the list, candidate by candidate
            found += bad_lines(app, [app.screen.query_one("#candidate-preview")])
            await pilot.press("p")  # the side-by-side preview dialog
            await settle(pilot)
            found += bad_lines(app, list(app.screen.query(".preview-text")))
            await pilot.press("escape", "down")
            await settle(pilot)
        await pilot.press("f4")
        app.screen.query_one("#search-query", Input).value = "分级诊疗"
        await pilot.press("enter")
        await settle(pilot)
        for _ in range(8):  # the search preview, hit by hit
            found += bad_lines(app, [app.screen.query_one("#search-preview")])
            await pilot.press("down")
            await settle(pilot)
        assert found == []


async def test_plan_reader_lines_follow_kinsoku(make_app, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#corpus-table")
        table.move_cursor(row=next(i for i, e in enumerate(app.screen.shown) if e.region == "哈尔滨市"))
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one("#plan-text")
        found = []
        for _ in range(15):
            found += bad_lines(app, list(app.screen.query(".plan-block")))
            view.scroll_page_down(animate=False)
            await pilot.pause()
        assert found == []


async def test_the_section_editor_wraps_with_kinsoku(make_app, tmp_path):
    from textual.widgets import TextArea

    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await start_new_draft(pilot)
        found = []
        for heading in ("一、指导思想", "三、工作目标", "（一）加强组织领导"):
            await select_section(pilot, heading)
            editor = app.screen.query_one("#section-editor", TextArea)
            editor.load_text(PARAGRAPH)
            await pilot.pause()
            found += bad_lines(app, [editor])
            editor.move_cursor(editor.document.end)  # the cursor still reaches the end of the text
            await pilot.press("。")
            assert editor.text.endswith("。")
        assert found == []


PARAGRAPH = ("全面贯彻党的十八大和十八届三中、四中、五中、六中全会精神，按照党中央、国务院和省委、省政府决策部署，"
             "把深化医药卫生体制改革作为保障和改善民生的重要举措，将公平可及和群众受益作为改革的出发点和立足点，"
             "全面推进城市公立医院综合改革（不含中医院），充分发挥公立医院公益性质和主体作用。")

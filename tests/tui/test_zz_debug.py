import pytest, time
from screen_text import screen_text
import test_tui_snapshots as S
from test_tui_snapshots import app
from tui_steps import settle

SCEN = ["corpus", "plan", "compose", "preview", "search", "insert", "compare", "export", "help"]

@pytest.mark.parametrize("name", SCEN)
async def test_dump(app, name, tmp_path):
    from textual.widgets import TextArea
    from test_tui_compare_export import draft_compared_with_harbin
    size = (80, 24)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if name == "plan":
            await pilot.press("enter"); await settle(pilot)
        if name in ("compose", "preview", "insert"):
            await S.draft_with_section(pilot, "二、基本原则" if name == "preview" else "一、指导思想")
        if name == "preview":
            app.screen.query_one("#candidates").focus(); await pilot.press("p"); await settle(pilot)
        if name in ("search", "insert"):
            await pilot.press("f4", *"取消药品加成", "enter"); await settle(pilot)
        if name == "insert":
            await pilot.press("i"); await settle(pilot)
        if name in ("compare", "export"):
            await draft_compared_with_harbin(pilot); await pilot.press("n"); await pilot.pause()
        if name == "export":
            await pilot.press("f6", "d"); await settle(pilot)
        if name == "help":
            await pilot.press("f1"); await pilot.pause()
        print("=====", name)
        print(screen_text(app))

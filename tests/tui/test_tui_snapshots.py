"""Screenshots of each screen and the main dialogs at 80×24 and 120×35, on fixed data: the two-plan
store (`tiny_db`), the fixed section library, a fixed draft date, HOME set to the test's folder (so
paths read ~/…). Update with `pytest tests/tui --snapshot-update` after a deliberate change."""

from __future__ import annotations

import json
import time

import pytest
from test_tui_compare_export import draft_compared_with_harbin
from textual.widgets import TextArea
from tui_steps import select_section, settle, settle_until, start_new_draft

from drafter.paths import locations
from drafter.tui.app import create_app

SIZES = {"80x24": (80, 24), "120x35": (120, 35)}


@pytest.fixture(params=list(SIZES))
def size(request):
    return SIZES[request.param]


@pytest.fixture
def app(tiny_db, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "drafter-home"))  # shown as ~/drafter-home/…
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.chdir(tmp_path)
    # no autosave tick during a screenshot: its status message would depend on timing
    return create_app(db=tiny_db, export_dir=tmp_path / "out", autosave_seconds=3600)


async def draft_with_section(pilot, heading: str = "一、指导思想"):
    await settle(pilot)
    await start_new_draft(pilot)
    await select_section(pilot, heading)
    await settle(pilot)


def test_corpus_screen(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, run_before=settle)


def test_plan_reader(snap_compare, app, size):
    async def read(pilot):
        await settle_until(pilot, lambda: pilot.app.screen.query_one("#corpus-table").row_count > 0)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=read)


def test_compose_screen(snap_compare, app, size):
    async def compose_with_text(pilot):
        await draft_with_section(pilot)
        pilot.app.screen.query_one("#section-editor", TextArea).load_text("以人民健康为中心,坚持保基本、强基层、建机制。")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=compose_with_text)


def test_candidate_preview(snap_compare, app, size):
    async def preview(pilot):
        await draft_with_section(pilot, "二、基本原则")
        pilot.app.screen.query_one("#candidates").focus()
        await pilot.press("p")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=preview)


def test_search_screen(snap_compare, app, size):
    async def search(pilot):
        await settle(pilot)
        await pilot.press("f4", *"取消药品加成", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=search)


def test_insert_dialog(snap_compare, app, size):
    async def insert(pilot):
        await draft_with_section(pilot)
        await pilot.press("f4", *"取消药品加成", "enter")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=insert)


def test_compare_screen(snap_compare, app, size):
    async def compare(pilot):
        await draft_compared_with_harbin(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=compare)


def test_export_screen(snap_compare, app, size):
    async def export(pilot):
        await draft_compared_with_harbin(pilot)
        await pilot.press("f6", "d")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=export)


def test_help_screen(snap_compare, app, size):
    async def open_help(pilot):
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_help)


def test_open_dialog(snap_compare, app, size, tmp_path):
    config = locations().config_dir
    config.mkdir(parents=True, exist_ok=True)
    (tmp_path / "运城市-实施方案.md").write_text("+++\nregion = \"运城市\"\n+++\n", encoding="utf-8")
    drafts = [{"path": str(tmp_path / "运城市-实施方案.md"), "title": "运城市深化医药卫生体制改革实施方案",
               "region": "运城市", "opened_at": 1714557600.0},
              {"path": str(tmp_path / "旧稿" / "哈尔滨市-实施方案.md"), "title": "哈尔滨市城市公立医院综合改革实施方案",
               "region": "哈尔滨市", "opened_at": 1714471200.0}]
    (config / "recent.json").write_text(json.dumps({"drafts": drafts}, ensure_ascii=False), encoding="utf-8")

    async def open_dialog(pilot):
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_dialog)


async def draft_with_findings(pilot):
    """A draft whose first section has what a reviewer circles: an old name, a half-width comma, a
    past deadline; the tiny corpus and the fixed library keep the rest stable."""
    await settle(pilot)
    await start_new_draft(pilot)
    app = pilot.app
    app.draft.replace_body(app.draft.sections[0], "由市卫生计生委牵头,到2017年底全面取消药品加成。")
    app.draft_changed()
    await settle(pilot)


def test_check_screen(snap_compare, app, size):
    async def check(pilot):
        await draft_with_findings(pilot)
        await pilot.press("f7")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=check)


def test_compare_change_list(snap_compare, app, size):
    async def change_list(pilot):
        await draft_compared_with_harbin(pilot)
        screen = pilot.app.screen
        if not screen.query_one("#change-list").display:  # shown beside the view from 110 columns
            await pilot.press("l")
        screen.query_one("#change-list").focus()
        await pilot.press("home", "down", "down", "down")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=change_list)


def test_cover_screen(snap_compare, app, size):
    async def cover(pilot):
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f5", "c")
        await pilot.pause()
        await pilot.press(*"运城", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=cover)


def test_parts_dialog(snap_compare, app, size):
    async def parts(pilot):
        await settle(pilot)
        await start_new_draft(pilot)
        await pilot.press("f6", "m")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=parts)

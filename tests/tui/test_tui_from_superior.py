"""从上级文件新建: the palette command picks the superior document in the corpus, asks for the region
as a new draft does, and draws the plan up with the same core function as `drafter new --from`."""

from __future__ import annotations

from test_tui_language import palette_results
from textual.widgets import Input
from tui_steps import FIXED_DATE, settle_until

from drafter.cli import main
from drafter.draft.io import load_draft


async def test_new_from_a_superior_document_is_the_clis_draft(make_app, corpus_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["--db", corpus_db, "new", "--from", "corpus:22", "--region", "安康市", "--province", "陕西省",
                 "--date", FIXED_DATE, "-o", str(tmp_path / "cli.md")]) == 0  # fmt: skip
    cli = load_draft(tmp_path / "cli.md")
    app = make_app(db=corpus_db, export_dir=tmp_path / "app")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle_until(pilot, lambda: app.corpus is not None)
        found = await palette_results(pilot, "从上级")
        assert found and found[0].startswith("起草：从上级文件新建"), found
        await pilot.press("enter")
        await settle_until(pilot, lambda: type(app.screen).__name__ == "ReferencePicker" and app.screen.shown)
        app.screen.query_one("#picker-query", Input).value = "汉中"
        await settle_until(pilot, lambda: app.screen.shown and app.screen.shown[0].region == "汉中市")
        await pilot.press("enter")
        await settle_until(pilot, lambda: type(app.screen).__name__ == "MetadataDialog")
        assert "依据《" in str(app.screen.heading) and "汉中" in str(app.screen.heading)
        app.screen.query_one("#meta-region", Input).value = "安康市"
        app.screen.query_one("#meta-province", Input).value = "陕西省"
        app.screen.query_one("#meta-date", Input).value = FIXED_DATE
        app.screen.query_one("#meta-region", Input).focus()
        await pilot.press("enter")
        await settle_until(pilot, lambda: app.draft is not None, tries=400)
        assert [s.heading for s in app.draft.walk()] == [s.heading for s in cli.walk()]
        assert [s.body for s in app.draft.walk()] == [s.body for s in cli.walk()]
        assert "项任务" in app.status_text and "待完善" in app.status_text
        assert app.session.path == tmp_path / "app" / "安康市-实施方案.md"

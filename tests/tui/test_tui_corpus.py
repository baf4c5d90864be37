"""The app opens on the bundled corpus and lists its documents."""

from __future__ import annotations

from textual.widgets import DataTable

from drafter.resources import corpus_files

SMALL = (80, 24)


async def test_opens_on_the_corpus_and_lists_its_documents(make_app, settle):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#corpus-table", DataTable)
        assert table.row_count >= len(corpus_files())  # at least one document per bundled file
        titles = [entry.title for entry in app.screen.shown]
        assert all(titles) and any("实施方案" in t for t in titles)
        shown = [str(table.get_cell_at((i, len(table.columns) - 1))) for i in range(table.row_count)]
        for title, cell in zip(titles, shown):  # cut to the column, and then with an ellipsis
            assert cell == title or (cell.endswith("…") and title.startswith(cell[:-1]))
        assert app.status_text.startswith("语料库：")


async def test_first_paint_does_not_wait_for_the_corpus(make_app, monkeypatch):
    """The corpus load blocks until released; the app must already show its table meanwhile."""
    import threading

    import drafter.tui.app as app_module

    release = threading.Event()
    real_load = app_module.load_corpus

    def slow_load(db, progress):
        progress("ingesting", 0.5)
        release.wait(10)
        return real_load(db, progress)

    monkeypatch.setattr(app_module, "load_corpus", slow_load)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#corpus-table", DataTable).loading
        assert "正在载入语料库" in app.status_text
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#corpus-table", DataTable).row_count > 0

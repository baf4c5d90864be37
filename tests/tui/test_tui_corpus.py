"""The app opens on the bundled corpus and lists its documents."""

from __future__ import annotations

from screen_text import screen_text
from textual.widgets import DataTable, Input
from tui_steps import settle

from drafter.resources import corpus_files

SMALL = (80, 24)


async def test_opens_on_the_corpus_and_lists_its_documents(make_app):
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


GARBLED_PLAN = """大同市人民政府办公室关于印发大同市深化医药卫生体制改革实施方案的通知
同政办发〔2019〕5号

各县(区)人民政府,市直各有关单位:
现将《大同市深化医药卫生体制改革实施方案》印发给你们,请认真贯彻执行。

大同市人民政府办公室
2019年4月2日

大同市深化医药卫生体制改革实施方案

一、指导思想
坚持以人民健康为中心?。ㄉ虾J行l,把基本医疗卫生制度作为公共产品向全民提供。
二、重点任务
(一)推进分级诊疗
加快推进家庭医生签约服务,到2020年力争将签约服务扩大到全人群。
三、组织保障
各县(区)要把深化医改摆上重要议事日程。
"""


async def test_enter_reads_a_plan_its_outline_and_text(make_app, tiny_db):
    from drafter.tui.screens.plan_screen import PlanScreen

    app = make_app(db=tiny_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        text = screen_text(app)
        assert "哈尔滨市城市公立医院综合改革实施方案" in text and "三、重点任务" in text
        outline = [str(node.label) for node in app.screen.query_one("#plan-outline").root.children]
        assert outline[:2] == ["一、指导思想", "二、工作目标"]  # kinds that the title already says: not repeated
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CorpusScreen"


async def add_folder(pilot, app, folder) -> None:  # noqa: ANN001
    """`a`, the folder's path, Enter: the ingest starts in its worker."""
    await pilot.press("a")
    await pilot.pause()
    app.screen.query_one("#path-input", Input).value = str(folder)
    await pilot.press("enter")


async def test_ingest_from_the_app_with_progress_and_garbled_spans_marked(make_app, tiny_db, tmp_path, monkeypatch):
    from drafter.tui.screens.corpus_screen import CorpusScreen
    from drafter.tui.widgets.garbled import GARBLED_STYLE

    folder = tmp_path / "收集的方案"
    folder.mkdir()
    (folder / "大同.txt").write_text(GARBLED_PLAN, encoding="utf-8")
    (folder / "坏文件.docx").write_bytes(b"PK\x03\x04 not really a docx")
    progress = []
    real = CorpusScreen.on_corpus_screen_ingest_progress

    def record(screen, message):
        progress.append((message.done, message.total))
        real(screen, message)

    monkeypatch.setattr(CorpusScreen, "on_corpus_screen_ingest_progress", record)
    app = make_app(db=tiny_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await add_folder(pilot, app, folder)
        await settle(pilot)
        assert progress and progress[-1] == (2, 2)
        assert "读入 1 个文件" in app.status_text and "1 个跳过" in app.status_text  # one bad file: reported
        assert any("坏文件.docx" in n.message for n in app._notifications)
        regions = [entry.region for entry in app.screen.shown]
        assert "大同市" in regions
        app.screen.query_one("#corpus-table").move_cursor(row=regions.index("大同市"))
        await pilot.press("enter")
        await settle(pilot)
        assert "1 处乱码" in app.status_text
        block = next(b for b in app.screen.blocks if "指导思想" in b.content.plain)
        marked = [block.content.plain[s.start:s.end] for s in block.content.text.spans if s.style == GARBLED_STYLE]
        assert marked and "ㄉ" in marked[0]
        assert "乱码" in screen_text(app)  # the legend


async def test_a_folder_of_many_plans_is_read_by_reading_processes_from_the_app(make_app, tiny_db, tmp_path,
                                                                              seed_paths):  # fmt: skip
    """From 40 files on the ingest reads in worker processes. Inside the app stderr is Textual's
    capture, which has no file descriptor: multiprocessing could not start a pool from there, and a
    user's folder of plans failed whole (`bad value(s) in fds_to_keep`)."""
    from drafter.corpus.ingest import POOL_THRESHOLD
    from tests.support.many_plans import write_distinct_plans

    count = POOL_THRESHOLD + 4
    folder = write_distinct_plans(tmp_path / "全省方案", seed_paths, count)
    app = make_app(db=tiny_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await add_folder(pilot, app, folder)
        for _ in range(600):  # the readers start, then read 44 plans
            await pilot.pause(0.1)
            if "读入" in app.status_text or "失败" in app.status_text:
                break
        assert f"读入 {count} 个文件" in app.status_text, app.status_text
        await settle(pilot)
        assert len(app.screen.shown) > count


async def test_filters_by_year_kind_type_and_text(make_app):
    from textual.widgets import Select

    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        screen = app.screen
        everything = len(screen.shown)
        screen.query_one("#filter-year", Select).value = "2017"
        await settle(pilot)
        assert 0 < len(screen.shown) < everything and all(e.date.startswith("2017") for e in screen.shown)
        assert f"筛选后 {len(screen.shown)} 份" in screen_text(app)
        screen.query_one("#filter-kind", Select).value = "组织保障"
        await settle(pilot)
        assert all("组织保障" in e.kinds for e in screen.shown)
        screen.query_one("#filter-year", Select).clear()
        screen.query_one("#filter-kind", Select).clear()
        screen.query_one("#filter-doc_type", Select).value = "通知"
        await settle(pilot)
        assert screen.shown and all(e.doc_type == "通知" for e in screen.shown)
        screen.query_one("#filter-doc_type", Select).clear()
        screen.query_one("#filter-text", Input).value = "哈尔滨"
        await settle(pilot)
        assert [e.region for e in screen.shown] == ["哈尔滨市"]


async def test_a_large_store_lists_a_page_at_a_time_and_filters_in_the_store(make_app, tmp_path):
    """1,200 generated plans: the list holds one page, scrolling to its end fetches the next, the
    count is the store's, and a filter's count is the store's own count for that filter."""
    from textual.widgets import Select

    from drafter.reader import PARSER_VERSION
    from drafter.store import DEFAULT_CORPUS_KEY, DocFilter, Store
    from drafter.tui.corpus_loader import PAGE
    from tests.support.plan_generator import PlanGenerator

    db = tmp_path / "large.sqlite3"
    generator = PlanGenerator(seed=3, size=1500)
    with Store.open(db) as store:
        store.add_documents([generator.document(n) for n in range(1200)])
        store.set_meta(DEFAULT_CORPUS_KEY, PARSER_VERSION)
        year = max(store.facets().years)
        in_year = store.count_documents(DocFilter(year_from=year, year_to=year))
    app = make_app(db=str(db))
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#corpus-table", DataTable)
        assert table.row_count == PAGE and "共 1200 份文件" in screen_text(app)
        table.move_cursor(row=PAGE - 1)
        await settle(pilot)
        assert table.row_count == 2 * PAGE
        assert len({e.id for e in screen.shown}) == 2 * PAGE  # the next page, not the first again
        screen.query_one("#filter-year", Select).value = str(year)
        await settle(pilot)
        assert f"筛选后 {in_year} 份" in screen_text(app)
        assert table.row_count == min(in_year, PAGE) and all(e.date.startswith(str(year)) for e in screen.shown)

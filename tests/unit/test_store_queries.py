"""Lists, counts, pages, facets and search filters, all done by the store; the interface as the rest of
drafter sees it; the store's size against the text it holds."""

from __future__ import annotations

import pytest

from drafter.corpus.ingest import ingest_paths
from drafter.model import Document, Section, Task
from drafter.store import CorpusStore, DocFilter, Store
from tests.support.plan_generator import PlanGenerator


def plan(region: str, date: str, body: str, kind: str = "重点任务", title: str = "实施方案") -> Document:
    section = Section("一、", "重点任务", 1, kind, body, tasks=[Task("推进改革", f"{region}卫生健康委", ["财政局"], None)])
    return Document(title=f"{region}{title}", plan_title=f"{region}{title}", region=region, date=date,
                    level="市级", doc_number=f"{region[:1]}政发〔{date[:4]}〕1号", sections=[section])  # fmt: skip


@pytest.fixture
def store(empty_store):
    """The plans in a fresh store, on each backend (SQLite, PostgreSQL)."""
    s = empty_store
    s.add_documents([
        plan("哈尔滨市", "2017-07-28", "全面取消药品加成,推进医联体建设。"),
        plan("齐齐哈尔市", "2019-03-01", "推进医联体建设,组建城市医疗集团。", kind="组织保障"),
        plan("济南市", "2021-05-01", "推进医联体建设,完善家庭医生签约服务。"),
        plan("青岛市", "2015-01-01", "取消药品加成后调整医疗服务价格。", title="医改方案"),
    ])  # fmt: skip
    yield s
    s.close()


def test_each_backend_is_a_corpus_store(store):
    assert isinstance(store, CorpusStore)


def test_filters_by_region_prefix_province_years_kind_level_and_text(store):
    def regions(**fields) -> list[str]:
        return [d.region for d in store.list_documents(DocFilter(**fields))]

    assert regions(region="哈尔滨") == ["哈尔滨市"]
    assert regions(region="黑龙江") == ["哈尔滨市", "齐齐哈尔市"]  # the province the gazetteer gives
    assert regions(region="山东省") == ["济南市", "青岛市"]
    assert regions(year_from=2017, year_to=2019) == ["哈尔滨市", "齐齐哈尔市"]
    assert regions(kind="组织保障") == ["齐齐哈尔市"]
    assert regions(text="医改") == ["青岛市"]
    assert regions(text="政发〔2021〕") == ["济南市"]
    assert regions(region="山东", year_from=2020) == ["济南市"]
    assert regions(level="县级") == []
    assert store.count_documents(DocFilter(region="黑龙江")) == 2


def test_years_are_read_as_a_user_writes_them():
    assert DocFilter().with_years("2017") == DocFilter(year_from=2017, year_to=2017)
    assert DocFilter().with_years("2015-2018") == DocFilter(year_from=2015, year_to=2018)
    assert DocFilter().with_years("2015至2018") == DocFilter(year_from=2015, year_to=2018)
    assert DocFilter().with_years("-2018") == DocFilter(year_to=2018)
    with pytest.raises(Exception, match="2015-2018"):
        DocFilter().with_years("去年")


def test_pages_come_from_the_store_with_their_total(store):
    first = store.page(offset=0, limit=3, order="date")
    assert [d.region for d in first.items] == ["济南市", "齐齐哈尔市", "哈尔滨市"]
    assert (first.total, first.has_more) == (4, True)
    last = store.page(offset=3, limit=3, order="date")
    assert [d.region for d in last.items] == ["青岛市"] and not last.has_more and last.total == 4
    assert store.page(DocFilter(region="山东"), limit=1).total == 2


def test_facets_count_documents_per_value(store):
    facets = store.facets()
    assert facets.provinces == {"黑龙江省": 2, "山东省": 2}
    assert facets.years[2017] == 1 and facets.kinds == {"重点任务": 3, "组织保障": 1}


def test_paragraphs_and_tasks_come_back_with_their_headings(store):
    doc_id = store.resolve("济南")
    paragraphs = store.paragraphs(doc_id)
    assert [p.text for p in paragraphs] == ["推进医联体建设,完善家庭医生签约服务。"]
    assert paragraphs[0].heading_path == ["一、重点任务"]
    tasks = store.tasks(DocFilter(region="山东"), lead="济南")
    assert [(t.region, t.heading, t.lead, t.partners) for t in tasks] == [("济南市", "一、重点任务", "济南市卫生健康委", ["财政局"])]


def test_search_filters_narrow_the_matches_without_changing_their_order(store):
    everywhere = store.search("医联体")
    assert [h.region for h in everywhere] and len(everywhere) == 3
    shandong = store.search("医联体", where=DocFilter(region="山东"))
    assert [h.region for h in shandong] == ["济南市"]
    assert shandong[0].score == next(h.score for h in everywhere if h.region == "济南市")
    assert [h.region for h in store.search("医联体", where=DocFilter(kind="组织保障"))] == ["齐齐哈尔市"]
    assert [h.region for h in store.search("取消药品加成", where=DocFilter(year_to=2016))] == ["青岛市"]
    assert store.search("医联体", where=DocFilter(region="火星")) == []


def test_a_verbatim_match_ranks_first_even_when_many_better_scored_paragraphs_hold_the_words():
    with Store(":memory:") as store:
        crowd = [plan(f"测试{i}市", "2020-01-01", "药品加成的取消和药品加成取消以及加成药品取消。") for i in range(60)]
        store.add_documents([*crowd, plan("唯一市", "2020-01-01", "本市将于明年起在全部公立医院里全面取消药品加成,由财政补偿。")])
        hits = store.search("取消药品加成", limit=5)
        assert hits[0].region == "唯一市"
        assert "«取消药品加成»" in hits[0].snippet


def test_the_store_holds_each_text_once(tmp_path):
    folder = tmp_path / "plans"
    PlanGenerator(seed=3, size=20_000).write(folder, 30)
    db = tmp_path / "s.sqlite3"
    with Store(db) as store:
        ingest_paths(store, [folder])
        text = sum(len(d.text.encode("utf-8")) for _, d in store.iter_documents())  # the text as UTF-8
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("VACUUM")
    index = sum(p.stat().st_size for p in (tmp_path / "s.sqlite3.index").rglob("*") if p.is_file())
    assert db.stat().st_size + index <= 2 * text

"""The store (both backends) with documents built by hand: round trips, search, resolve, persistence."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.store import Store
from drafter.errors import Ambiguous, DrafterError, NotFound
from drafter.model import Document, Section, Task

HARBIN_PARAGRAPH = "本市行政区域内所有公立医院全部取消药品加成(中药饮片除外)。因取消加成而减少的合理收入予以补偿。"


def harbin() -> Document:
    reform = Section(
        "(一)", "破除以药补医机制", 2, "重点任务", HARBIN_PARAGRAPH + "\n推进医联体建设,组建城市医疗集团。",
        tasks=[Task("全部取消药品加成", "市卫生计生委", ["市财政局", "市发改委"], "2017年年底前")],
    )  # fmt: skip
    return Document(
        title="哈尔滨市人民政府办公厅关于印发哈尔滨市城市公立医院综合改革实施方案的通知",
        plan_title="哈尔滨市城市公立医院综合改革实施方案",
        issuer="哈尔滨市人民政府办公厅",
        date="2017-07-28",
        doc_number="哈政办发〔2017〕30号",
        region="哈尔滨市",
        level="市级",
        preamble="各区、县(市)人民政府:\n现将方案印发给你们,请认真贯彻执行。",
        sections=[
            Section("一、", "总体要求", 1, "总体要求", children=[
                Section("(一)", "指导思想", 2, "指导思想", "以习近平新时代中国特色社会主义思想为指导。"),
            ]),
            Section("二、", "重点任务", 1, "重点任务", children=[reform]),
        ],  # fmt: skip
        text="(whole text)",
    )


def liaocheng(title: str) -> Document:
    body = "加快建设家庭医生签约服务制度。药品供应保障方面,逐步取消以药养医,加成部分由财政补助。"
    return Document(
        title=title, region="聊城市", date="2020-05-01",
        sections=[Section("一、", "重点任务", 1, "重点任务", body)],
    )  # fmt: skip


@pytest.fixture
def store(empty_store):
    """The three documents in a fresh store, on each backend (SQLite, PostgreSQL)."""
    empty_store.add_documents([harbin(), liaocheng("聊城市进一步完善医疗卫生服务体系的实施方案"), liaocheng("起草说明")])
    return empty_store


def test_document_round_trips_with_sections_bodies_and_tasks(store):
    doc_id = store.resolve("哈尔滨")
    back = store.get_document(doc_id)
    original = harbin()
    assert back.outline_json() == original.outline_json()
    assert [s.body for s in back.walk()] == [s.body for s in original.walk()]
    assert back.preamble == original.preamble
    assert back.tasks()[0].partners == ["市财政局", "市发改委"]
    assert back.source == f"corpus:{doc_id}"


def test_list_documents_counts_sections_tasks_and_kinds(store):
    docs = store.list_documents()
    assert [d.region for d in docs] == ["哈尔滨市", "聊城市", "聊城市"]
    first = docs[0]
    assert (first.sections, first.tasks) == (4, 1)
    assert first.kinds == {"总体要求": 1, "指导思想": 1, "重点任务": 2}
    assert first.doc_number == "哈政办发〔2017〕30号"


def test_search_ranks_the_verbatim_paragraph_first_with_its_heading_path(store):
    hits = store.search("取消药品加成")
    assert hits, "the Harbin paragraph should be found"
    top = hits[0]
    assert top.region == "哈尔滨市"
    assert top.text == HARBIN_PARAGRAPH
    assert top.heading_path == ["二、重点任务", "(一)破除以药补医机制"]
    assert "«取消药品加成»" in top.snippet
    start, end = top.spans[0]
    assert top.text[start:end] == "取消药品加成"
    # 聊城's paragraph has the words but not the phrase: found, ranked after.
    assert any(h.region == "聊城市" for h in hits[1:])
    assert all(h.region != "聊城市" for h in hits[:1])


def test_search_finds_words_jieba_cuts_oddly_and_returns_nothing_for_noise(store):
    assert [h.text for h in store.search("医联体")] == ["推进医联体建设,组建城市医疗集团。"]
    assert store.search("家庭医生签约")[0].region == "聊城市"
    assert store.search("量子计算机") == []
    assert store.search("，。!") == []
    assert len(store.search("取消", limit=1)) == 1


def test_search_returns_the_paragraph_exactly_after_characters_outside_the_bmp(empty_store):
    """Texts are read by offset from the UTF-16 store: a rare character (two UTF-16 units) before
    the hit, or inside it, must not shift the paragraph by a character."""
    rare = "\U0002b7f3"  # a CJK Extension B character, as in some place names
    body = f"{rare}村卫生室由{rare}镇卫生院统一管理。\n推进紧密型县域医共体建设。"
    empty_store.add_documents([Document(title="某县实施方案", region="某县", date="2023-01-01",
                                        sections=[Section("一、", "重点任务", 1, "重点任务", body)])])  # fmt: skip
    [hit] = empty_store.search("县域医共体")
    assert hit.text == "推进紧密型县域医共体建设。"
    [first] = empty_store.search("卫生院统一管理")
    assert first.text == f"{rare}村卫生室由{rare}镇卫生院统一管理。"
    assert "卫生院统一管理" in [first.text[start:end] for start, end in first.spans]


def test_search_copes_with_fts_syntax_and_traditional_characters_in_the_query(store):
    # Quotes, stars and operators are the user's text, not FTS5 query syntax.
    tricky = store.search('取消"药品 AND OR NEAR(加成* ')
    assert tricky and tricky[0].region == "哈尔滨市"
    assert [h.text for h in store.search("醫聯體")] == ["推进医联体建设,组建城市医疗集团。"]


def test_resolve_ids_names_and_titles(store):
    assert store.resolve(1) == 1
    assert store.resolve("1") == 1
    assert store.resolve("corpus:1") == 1
    assert store.resolve("哈尔滨市") == 1
    assert store.resolve("起草说明") == 3
    with pytest.raises(NotFound):
        store.resolve("99")
    with pytest.raises(NotFound):
        store.resolve("乌鲁木齐")


def test_an_ambiguous_name_lists_the_candidates(store):
    with pytest.raises(Ambiguous) as caught:
        store.resolve("聊城")
    assert len(caught.value.candidates) == 2
    assert all("聊城市" in c for c in caught.value.candidates)
    assert "2" in str(caught.value) and "3" in str(caught.value)


def test_sections_of_kind_returns_sections_with_their_documents(store):
    found = store.sections_of_kind("指导思想")
    assert [(d.region, s.heading) for d, s in found] == [("哈尔滨市", "(一)指导思想")]
    tasks = store.sections_of_kind("重点任务")
    assert {s.heading for _, s in tasks} == {"二、重点任务", "(一)破除以药补医机制", "一、重点任务"}
    nested = next(s for _, s in tasks if s.heading == "二、重点任务")
    assert nested.children[0].tasks[0].lead == "市卫生计生委"


def test_get_document_of_an_unknown_id_is_not_found(store):
    with pytest.raises(NotFound):
        store.get_document(42)


def test_file_store_persists_in_wal_mode_with_a_schema_version(tmp_path):
    path = tmp_path / "corpus.sqlite3"
    with Store(path) as s:
        s.add_documents([harbin()])
    with Store(path) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] >= 1
        assert s.search("取消药品加成")[0].region == "哈尔滨市"


def test_store_open_defaults_to_the_data_dir_and_honours_db(isolated_home, tmp_path):
    with Store.open() as s:
        assert s.path.startswith(str(isolated_home))
    target = tmp_path / "deep" / "er" / "x.sqlite3"
    with Store.open(target) as s:
        assert s.path == str(target)
    assert target.exists()


def test_a_store_from_a_newer_drafter_or_a_non_store_file_is_refused(tmp_path):
    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(DrafterError, match="更新版本的 drafter"):
        Store(newer)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DrafterError, match="不是 drafter 的存储文件"):
        Store(junk)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=30) | st.text(st.sampled_from('取消药品加成医联体家庭签约"*()ANDORNEAR^-:{} ,。'), max_size=20))
def test_search_never_crashes_and_spans_lie_inside_the_text(store, query):
    for hit in store.search(query, limit=5):
        assert all(0 <= s < e <= len(hit.text) for s, e in hit.spans)
        assert hit.snippet


def test_the_snippet_shows_the_query_itself_rather_than_one_of_its_words_met_earlier():
    from drafter.store.search import match_spans, snippet

    text = "完善医疗卫生投入机制。" + "落实政府办医责任，" * 12 + "加强公立医院与基层医疗卫生机构分工协作。"
    spans = match_spans(text, {"医疗卫生", "基层"}, ["基层医疗卫生机构"])
    shown = snippet(text, spans)
    assert "«基层医疗卫生机构»" in shown
    assert shown.startswith("…")  # the window moved past the earlier 医疗卫生

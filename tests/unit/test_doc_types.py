"""Document types and templates: read from the text, kept in the store (schema 6, older stores
upgraded in place), shown by `drafter corpus list`, and left out of gaps, rank and the section library."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.compare.rank import rank_against_corpus
from drafter.store import Store
from drafter.store import schema as store_schema
from drafter.library.build import candidates
from drafter.library.gaps import find_gaps
from drafter.reader import parse_plans

STORES = Path(__file__).resolve().parents[1] / "data" / "stores"

PLAN = "\n".join(
    [
        "丽水市莲都区全面推进医共体建设实施方案",
        "为推进县域医共体建设,结合我区实际,制定本方案。",
        "一、总体要求",
        "以习近平新时代中国特色社会主义思想为指导,坚持以人民健康为中心,全面推进家庭医生签约服务。",
        "二、重点任务",
        (
            "（一）完善家庭医生签约服务。组建家庭医生团队,推进分级诊疗,提高签约服务质量和群众获得感,"
            "到2025年全区常住人口家庭医生签约服务覆盖率达到45%以上,重点人群签约服务覆盖率达到75%以上。"
        ),
    ]
)
READING = "\n".join(
    [
        "《丽水市莲都区全面推进医共体建设实施方案》政策解读",
        "一、出台背景",
        "为推进县域医共体建设,区卫生健康局起草了本方案,推进家庭医生签约服务和分级诊疗。",
        "二、主要内容",
        "方案明确了家庭医生签约服务的目标和任务。",
    ]
)


def one(text: str):
    docs = parse_plans(text)
    assert len(docs) == 1
    return docs[0]


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        (PLAN, "方案"),
        (READING, "解读"),
        ("关于《某市养老服务规划》的起草说明\n一、起草背景\n我市老年人口增长较快。\n二、起草依据\n依据有关法律。", "起草说明"),
        (
            (
                "关于公开征求《衢州市托育服务发展规划(征求意见稿)》意见的公告\n现将规划全文公布,公开征求社会各界意见。\n"
                "一、征求意见时间\n2024年6月1日至30日。\n二、反馈方式\n电子邮件。"
            ),
            "征求意见",
        ),
        (
            (
                "衢州市人民政府办公室关于做好2024年春节期间安全生产工作的通知\n各县(市、区)人民政府:\n"
                "春节将至,为做好安全生产工作,现就有关事项通知如下:\n一、充分认识做好安全生产工作的重要性\n各地要高度重视。"
            ),
            "通知",
        ),
        ("衢州市卫生健康委2023年工作总结\n一、总体情况\n2023年,全市卫生健康工作取得新进展。", "其他"),
        (
            (
                "衢州市人民政府办公室关于印发衢州市托育服务发展规划的通知\n各县(市、区)人民政府:\n"
                "现将《衢州市托育服务发展规划》印发给你们。\n衢州市托育服务发展规划\n一、发展目标\n到2025年托位数达到1万个。"
            ),
            "方案",
        ),
    ],
)
def test_doc_type_from_title_headings_and_opening_text(text, doc_type):
    assert one(text).doc_type == doc_type


def test_templates_are_marked_and_say_why_they_have_no_region():
    doc = one("XX县____年卫生健康工作计划(精选3篇)\n为推进____年XX县卫生健康工作,制定本计划。\n一、工作目标\n提高水平。")
    assert (doc.is_template, doc.region, doc.region_note, doc.is_plan) == (True, None, "template", False)
    real = one(PLAN)
    assert (real.is_template, real.region, real.region_note, real.is_plan) == (False, "莲都区", None, True)


def test_outline_json_carries_the_new_keys():
    data = one(READING).outline_json()
    assert (data["doc_type"], data["is_template"], data["region_note"]) == ("解读", False, None)
    assert data["region"] == "莲都区"


TEMPLATE = "XX市____年医共体建设实施方案(2篇)\n一、重点任务\n" + "全面推进家庭医生签约服务和分级诊疗制度建设。" * 3


def test_store_keeps_doc_type_template_and_region_note(empty_store):
    """On each backend: the types come back in summaries and documents, and `plans_only` (lists,
    counts, pages, search) leaves the reading and the template out."""
    from drafter.store import DocFilter

    store = empty_store
    ids = store.add_documents(parse_plans(PLAN) + parse_plans(READING) + parse_plans(TEMPLATE))
    summaries = {d.id: d for d in store.list_documents()}
    got = [(summaries[i].doc_type, summaries[i].is_template, summaries[i].region_note, summaries[i].is_plan)
           for i in ids]  # fmt: skip
    assert got == [("方案", False, None, True), ("解读", False, None, False), ("方案", True, "template", False)]
    assert store.get_document(ids[1]).doc_type == "解读"
    template = store.get_document(ids[2])
    assert (template.is_template, template.region_note, template.is_plan) == (True, "template", False)
    plans = DocFilter(plans_only=True)
    assert [d.id for d in store.list_documents(plans)] == [ids[0]] and store.count_documents(plans) == 1
    assert store.page(plans).total == 1 and store.summary(ids[2]).is_template
    assert {h.doc_id for h in store.search("家庭医生签约服务")} == set(ids)
    assert {h.doc_id for h in store.search("家庭医生签约服务", where=plans)} == {ids[0]}
    assert store.facets().doc_types == {"方案": 2, "解读": 1}
    assert store.signatures(plans)[0] == [ids[0]]


def _v2_store(path) -> None:
    """A store as the released drafter wrote it (schema 2: no doc_type, is_template, region_note)."""
    shutil.copy(STORES / "v2-release.sqlite3", path)
    conn = sqlite3.connect(path)
    for table in ("paragraphs_fts", "tasks", "paragraphs", "sections", "documents", "source_files"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute(
        "INSERT INTO documents (id, ordinal, title, region, preamble, text) VALUES (1, 0, ?, ?, '', ?)",
        ("《丽水市莲都区全面推进医共体建设实施方案》政策解读", "莲都区", READING),
    )
    conn.execute(
        "INSERT INTO documents (id, ordinal, title, region, preamble, text) VALUES (2, 0, ?, NULL, '', ?)",
        ("2024年医院改革试点工作实施方案(2篇)", "____年医院改革试点工作实施方案"),
    )
    conn.execute("INSERT INTO sections (id, document_id, ordinal, marker, title, level) VALUES (1, 1, 0, '一、', '出台背景', 1)")
    conn.commit()
    conn.close()


def test_an_older_store_is_upgraded_in_place_and_its_documents_typed(tmp_path):
    path = tmp_path / "old.sqlite3"
    _v2_store(path)
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == store_schema.SCHEMA_VERSION
        docs = {d.id: d for d in store.list_documents()}
        assert (docs[1].doc_type, docs[1].is_plan) == ("解读", False)
        assert (docs[2].is_template, docs[2].region_note) == (True, "template")
    with Store(path) as store:  # a second open finds nothing to do
        assert len(store.list_documents()) == 2


def test_gaps_rank_and_the_library_leave_non_plans_and_templates_out(empty_store):
    plan, reading = parse_plans(PLAN)[0], parse_plans(READING)[0]
    template = one(TEMPLATE)
    gaps = find_gaps("本方案只谈信息化。", [plan, reading, template], min_share=0.5)
    assert gaps and all(g.plans == ["莲都区 · 丽水市莲都区全面推进医共体建设实施方案"] for g in gaps)
    assert {c.doc.doc_type for c in candidates([plan, reading, template])} == {"方案"}
    assert all(not c.doc.is_template for c in candidates([plan, reading, template]))
    empty_store.add_documents([plan, reading, template])  # rank on each backend
    draft = parse_plans(PLAN.replace("莲都区", "缙云县"))[0]
    ranked = rank_against_corpus(draft, empty_store)
    assert [p.title for p in ranked.plans] == [plan.title]


def test_corpus_list_types_every_bundled_document_and_says_why_a_region_is_missing(capsys):
    assert main(["corpus", "list", "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)["documents"]
    assert all(d["region"] or d["region_note"] for d in docs)
    by_type = {d["doc_type"] for d in docs}
    assert {"方案", "起草说明", "通知"} <= by_type
    assert sum(d["is_template"] for d in docs) == 3
    assert main(["corpus", "list"]) == 0
    shown = capsys.readouterr().out
    rows = [re.split(r"\s{2,}", line.strip()) for line in shown.splitlines() if line[:4].strip().isdigit()]
    assert len(rows) == len(docs) and all(row[2] != "—" for row in rows)  # id, type, region, date, title
    assert {row[1] for row in rows} >= {"方案", "范文模板", "起草说明", "通知"}
    assert main(["corpus", "list", "--plans", "--json"]) == 0
    plans = json.loads(capsys.readouterr().out)["documents"]
    assert plans and all(d["doc_type"] == "方案" and not d["is_template"] for d in plans)


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        # a reading without a title line says what it is in its first sentence
        ("县政府办公室印发了《某县2023年民生实事实施方案》(以下简称《方案》),现对《方案》进行政策解读。\n"
         "一、出台背景\n落实县人代会部署。\n二、主要内容\n十件民生实事。", "解读"),
        # a plan whose subject is readings (宣传解读) is still a plan
        ("全县重大政策宣传解读工作实施方案\n为做好政策解读,制定本方案。\n一、总体要求\n坚持正确导向。", "方案"),
        # an untitled report: its parts look back
        ("根据市政府要求,现将我委年度工作情况报告如下。\n一、总体情况\n全年任务全部完成。\n二、主要做法和工作成效\n强化责任担当。",
         "其他"),
        ("某县人民政府工作规则\n一、为规范县政府工作,制定本规则。\n二、县政府实行县长负责制。\n三、县政府工作人员要依法行政。", "其他"),
    ],
)
def test_readings_reports_and_rules_are_told_from_plans(text, doc_type):
    assert one(text).doc_type == doc_type


@pytest.mark.parametrize(
    "text",
    [
        "XX局2024年安全生产工作要点\n为做好XX工作,制定本要点。\n一、指导思想\n坚持安全发展。",
        "xx镇2021年工作计划\nxxxx年,xx镇将按照工作思路推进发展。\n一、工作目标\n财政收入达到xxx万元,增长xx%。",
    ],
)
def test_placeholders_for_a_body_or_a_year_mark_a_template(text):
    doc = one(text)
    assert (doc.is_template, doc.region, doc.region_note) == (True, None, "template")

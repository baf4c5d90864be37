"""Document metadata: 文号 brackets, dates in every written form, region and level."""

from __future__ import annotations

import pytest

from drafter.corpus.dates import parse_date
from drafter.corpus.metadata import admin_level, divisions, normalise_doc_number
from drafter.reader import parse_plans


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("洪府发〔2017〕32号", "洪府发〔2017〕32号"),
        ("郑政办[2011]31号", "郑政办〔2011〕31号"),
        ("郑政办〔2011]31号", "郑政办〔2011〕31号"),
        ("京政发（2017）11号", "京政发〔2017〕11号"),
        ("没有文号", None),
    ],
)
def test_doc_number_brackets_normalised(raw, expected):
    assert normalise_doc_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2015年11月26日", "2015-11-26"),
        ("二○一一年五月五日", "2011-05-05"),
        ("二〇二四年十二月三十一日", "2024-12-31"),
        ("2017.07.28", "2017-07-28"),
        ("202435", "2024-03-05"),
        ("2017年13月1日", None),
    ],
)
def test_dates(raw, iso):
    assert parse_date(raw) == iso


def test_divisions_and_levels():
    assert divisions("武威市凉州区人民政府办公室") == ["武威市", "凉州区"]
    assert divisions("海南藏族自治州人民政府") == ["海南藏族自治州"]
    assert divisions("全州进一步深化综合医改") == []
    assert [admin_level(r) for r in ("江西省", "上海市", "运城市", "海南州", "凉州区", None)] == [
        "省级", "省级", "市级", "市级", "县级", None,
    ]


def test_notice_metadata_from_title_and_signature():
    text = "\n".join(
        [
            "运城市人民政府关于印发运城市城市公立医院综合改革实施方案的通知",
            "运政发〔2015〕40号",
            "各县(市、区)人民政府:",
            "《运城市城市公立医院综合改革实施方案》已经市政府研究通过,现印发给你们。",
            "运城市人民政府",
            "2015年11月26日",
            "运城市城市公立医院综合改革实施方案",
            "为贯彻落实《关于城市公立医院综合改革试点的指导意见》(国办发〔2015〕38号)精神,制定本方案。",
            "一、总体要求",
        ]
    )
    doc = parse_plans(text)[0]
    assert (doc.title, doc.plan_title) == (
        "运城市人民政府关于印发运城市城市公立医院综合改革实施方案的通知",
        "运城市城市公立医院综合改革实施方案",
    )
    assert (doc.issuer, doc.date, doc.doc_number) == ("运城市人民政府", "2015-11-26", "运政发〔2015〕40号")
    assert (doc.region, doc.level) == ("运城市", "市级")


def test_a_cited_superior_document_is_not_the_doc_number():
    text = "某县实施方案\n为贯彻落实《指导意见》(国办发〔2015〕38号)精神,制定本方案。\n一、总体要求"
    assert parse_plans(text)[0].doc_number is None


def test_metadata_block_wins(seeds_dir):
    text = (
        "南昌市人民政府关于印发南昌市城市公立医院综合改革实施方案的通知\n"
        "南昌市人民政府关于印发南昌市城市公立医院综合改革实施方案的通知文章属性•【制定机关】南昌市人民政府"
        "•【公布日期】2017.07.28•【字号】洪府发[2017]32号•【施行日期】2017.07.28正文各县(区)人民政府:"
    )
    doc = parse_plans(text)[0]
    assert (doc.issuer, doc.date, doc.doc_number) == ("南昌市人民政府", "2017-07-28", "洪府发〔2017〕32号")

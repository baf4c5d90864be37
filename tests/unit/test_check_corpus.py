"""Terms only one province's plans use, computed from the store (not from a list), and what the store
knows about 文号 prefixes."""

from __future__ import annotations

from drafter.check.context import CheckContext
from drafter.check.distinctive import CorpusFacts, PlanInfo, compute_facts, corpus_facts
from drafter.check.run import check_parts
from drafter.check.target import draft_target
from drafter.draft.io import parse_draft
from drafter.model import Document

SHAANXI = [
    ("汉中市", "根据中省统一部署，积极稳妥开展医疗服务价格改革试点，完善分级诊疗制度。"),
    ("宝鸡市", "认真落实中省关于公立医院高质量发展的要求，推进县域医共体建设。"),
    ("榆林市", "按照中省决策部署，做好基本公共卫生服务项目，加强疾病预防控制体系建设。"),
]
OTHERS = [
    ("遵义市", "贵州省", "按照国家和省的统一部署，深化医药卫生体制改革，推进分级诊疗。"),
    ("运城市", "山西省", "根据国家和省里的安排，推进公立医院综合改革，加强基层服务能力。"),
    ("丽江市", "云南省", "落实上级决策部署，完善医保支付方式改革，推动优质医疗资源下沉。"),
    ("荆门市", "湖北省", "坚持以人民健康为中心，推进紧密型县域医共体建设，提升县级医院能力。"),
    ("宁波市", "浙江省", "按照省委省政府部署，推进公立医院改革，完善现代医院管理制度。"),
    ("南昌市", "江西省", "根据国家统一部署，深化医疗服务价格改革，加强药品供应保障。"),
    ("郑州市", "河南省", "贯彻落实国家和省的决策部署，推进基层医疗卫生机构综合改革。"),
    ("曲靖市", "云南省", "认真落实国家和省的要求，推进医疗保障综合改革，加强基金监管。"),
]
COPIED = "统筹优化医疗资源布局、构建合理就医秩序、推动社会办医、加强人才培养等各项工作。"


def _plans() -> list[PlanInfo]:
    plans = [PlanInfo(f"sx{i}", "陕西省", region, None, text) for i, (region, text) in enumerate(SHAANXI)]
    plans += [
        PlanInfo(f"o{i}", province, region, None, text) for i, (region, province, text) in enumerate(OTHERS)
    ]
    # two plans of one province carrying the same national passage: a copy, not a usage
    plans += [
        PlanInfo(
            "h1", "黑龙江省", "哈尔滨市", "哈政办规〔2017〕28号", "一、指导思想。" + COPIED + "把握改革方向。"
        ),
        PlanInfo("h2", "黑龙江省", "鸡西市", None, "按照国家部署。" + COPIED + "提高服务水平。"),
        PlanInfo("h3", "黑龙江省", "鹤岗市", None, "按照国家部署。" + COPIED + "提高服务水平。"),
    ]
    return plans


def test_a_term_used_by_one_provinces_plans_only_is_distinctive():
    facts = compute_facts(_plans())
    assert facts.terms["中省"]["province"] == "陕西省"
    assert set(facts.terms["中省"]["regions"]) == {"汉中市", "宝鸡市", "榆林市"}
    copied_words = {"资源布局", "就医秩序", "社会办医", "人才培养", "构建合理"}
    assert not copied_words & set(facts.terms)  # one passage copied into three plans is not a usage
    assert facts.prefixes == {"哈政办规": "哈尔滨市"}


def _draft(region: str, province: str, body: str):
    return parse_draft(
        f'+++\nregion = "{region}"\nprovince = "{province}"\ndate = "2026-03-01"\n+++\n一、重点任务\n{body}\n'
    )


def _shudi(draft, facts) -> list:
    target = draft_target(draft)
    ctx = CheckContext.make(target.date, target.region, target.province, corpus=facts)
    return check_parts(target.parts(), ctx, ("属地",))


def test_the_term_is_flagged_in_another_province_only_and_only_as_a_word():
    facts = compute_facts(_plans())
    found = _shudi(_draft("滨江市", "东海省", "根据中省统一部署，推进改革。"), facts)
    term = [f for f in found if f.rule == "shudi.term"]
    assert [f.text for f in term] == ["中省"] and "陕西省" in term[0].message
    assert term[0].location.offset == 2
    assert not _shudi(_draft("西安市", "陕西省", "根据中省统一部署，推进改革。"), facts)
    assert not _shudi(_draft("滨江市", "东海省", "集中省级资源，推进改革。"), facts)  # 集中 + 省级


def test_the_facts_come_from_the_store_and_are_cached(tmp_path, monkeypatch):
    from drafter.store import Store

    db = tmp_path / "corpus.sqlite3"
    store = Store(db)
    store.set_meta("default_corpus_ingested", __import__("drafter.reader").reader.PARSER_VERSION)
    store.add_documents(
        [
            Document(
                title=f"{p.region}方案",
                region=p.region,
                text=p.text,
                doc_number=p.doc_number,
                date="2024-01-01",
            )
            for p in _plans()
        ]
    )
    store.close()
    facts = corpus_facts(str(db))
    assert facts.terms["中省"]["province"] == "陕西省"
    assert facts.documents == len({p.text for p in _plans()})  # the same text twice counts once

    def no_recompute(_plans):  # noqa: ANN001, ANN202
        raise AssertionError("computed again although the store did not change")

    monkeypatch.setattr("drafter.check.distinctive.compute_facts", no_recompute)
    assert corpus_facts(str(db)).terms == facts.terms


def test_no_store_means_no_corpus_terms_but_the_other_rules_still_run():
    found = _shudi(_draft("滨江市", "东海省", "学习借鉴先进经验，发展中藏医药。"), CorpusFacts())
    assert [f.rule for f in found] == ["shudi.zangyi"]

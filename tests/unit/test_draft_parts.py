"""A draft's 公文 parts: they follow its metadata until the drafter sets them, a set part keeps
following through placeholders, the file stays byte-exact, old drafts (notice in the body) load and
export right, and `drafter meta` / `drafter new` list, set and report them."""

from __future__ import annotations

import json

import pytest

from drafter.cli import main
from drafter.draft import fill
from drafter.draft.compose import new_draft
from drafter.draft.io import dumps_draft, load_draft, parse_draft, plain_text, save_draft
from drafter.draft.model import META_KEYS
from drafter.draft.part_edit import add_superior, part_states, set_part, todo, unset_part
from drafter.draft.parts import PARTS, legacy_notice, migrate, resolve
from drafter.errors import DrafterError

# What `drafter new` wrote before the parts model: the notice as body lines.
OLD_DRAFT = """+++
region = "遵义市"
province = "贵州省"
level = "市级"
title = "遵义市深化医药卫生体制改革实施方案"
issuer = "遵义市人民政府"
date = "2025-03-01"
superior = ["《关于进一步深化医药卫生体制改革的意见》(国办发〔2016〕26号)"]
+++
遵义市人民政府关于印发遵义市深化医药卫生体制改革实施方案的通知
各县(市、区)人民政府，市直各有关单位：
现将《遵义市深化医药卫生体制改革实施方案》印发给你们，请结合实际，认真组织实施。
遵义市人民政府
2025年3月1日
遵义市深化医药卫生体制改革实施方案
为贯彻落实《关于进一步深化医药卫生体制改革的意见》(国办发〔2016〕26号)精神，结合遵义市实际，制定本方案。
一、指导思想
坚持以人民健康为中心。
"""


@pytest.fixture(scope="module")
def fresh():
    return new_draft("运城市", "山西省", date="2025-03-01")


def states(draft) -> dict[str, object]:
    return {s.key: s for s in part_states(draft)}


def test_every_part_is_a_metadata_key_or_the_preface():
    assert {p.key for p in PARTS} - set(META_KEYS) == {"preface"}


def test_new_draft_fills_defaults_from_the_region_and_says_what_is_empty(fresh):
    meta = fresh.meta
    assert meta["issuer"] == "运城市人民政府办公室"
    assert meta["doc_number"] == "运政办发〔2025〕号"  # 代字 guessed, the sequence number left to fill
    assert meta["addressee"] == "各县（市、区）人民政府，市政府各部门，各有关单位"
    assert "notice" not in meta and "notice_title" not in meta  # they follow the metadata
    assert fresh.preamble == ["为贯彻落实{{ 上级文件 }}精神，深化医药卫生体制改革，推动卫生健康事业高质量发展，结合{{ 地区 }}实际，制定本方案。"]
    items = "\n".join(todo(fresh))
    assert "运政办发〔2025〕号" in items and "抄送" in items and "上级文件" in items
    county = new_draft("凉州区", "甘肃省", date="2025-03-01")
    assert county.meta["addressee"].endswith("区政府各部门，各有关单位")


def test_parts_follow_the_metadata_until_set(fresh):
    draft = parse_draft(dumps_draft(fresh))
    parts = resolve(draft)
    assert parts.notice_title == "运城市人民政府办公室关于印发运城市深化医药卫生体制改革实施方案的通知"
    assert parts.mark == "运城市人民政府办公室文件" and parts.signature == "运城市人民政府办公室"
    assert parts.printer == "运城市人民政府办公室" and parts.print_date == "2025年3月1日"
    assert parts.preface[0].startswith("为贯彻落实上级有关文件精神")
    set_part(draft, "issuer", "运城市人民政府")
    set_part(draft, "title", "运城市医改方案")
    add_superior(draft, "《关于深化医药卫生体制改革的意见》（中发〔2009〕6号）")
    parts = resolve(draft)
    assert parts.notice_title == "运城市人民政府关于印发运城市医改方案的通知"
    assert parts.notice == ["现将《运城市医改方案》印发给你们，请结合实际，认真组织实施。"]
    assert parts.mark == "运城市人民政府文件" and parts.signature == "运城市人民政府"
    assert parts.printer == "运城市人民政府办公室"  # §7.4.3: the government's office prints it
    assert parts.preface[0].startswith("为贯彻落实《关于深化医药卫生体制改革的意见》（中发〔2009〕6号）精神")
    assert states(draft)["notice_title"].source == "follows"


def test_a_set_part_is_kept_and_keeps_following_through_placeholders(fresh):
    draft = parse_draft(dumps_draft(fresh))
    set_part(draft, "通知正文", "经运城市人民政府同意，现将《运城市深化医药卫生体制改革实施方案》印发给你们。")
    assert draft.meta["notice"] == "经{{ 地区 }}人民政府同意，现将《{{ 标题 }}》印发给你们。"
    set_part(draft, "标题", "运城市医改方案")
    assert resolve(draft).notice == ["经运城市人民政府同意，现将《运城市医改方案》印发给你们。"]
    assert states(draft)["notice"].source == "set"
    unset_part(draft, "通知正文")
    assert "notice" not in draft.meta and resolve(draft).notice[0].startswith("经市人民政府同意")


def test_bad_values_are_clear_errors(fresh):
    draft = parse_draft(dumps_draft(fresh))
    with pytest.raises(DrafterError, match="方案编排"):
        set_part(draft, "方案编排", "封面")
    with pytest.raises(DrafterError, match="2025-03-01"):
        set_part(draft, "成文日期", "三月一日")
    set_part(draft, "成文日期", "2025年4月9日")  # as a drafter writes it
    assert draft.meta["date"] == "2025-04-09" and resolve(draft).date == "2025年4月9日"
    with pytest.raises(DrafterError, match="主送"):
        set_part(draft, "落款", "x")


def test_the_new_format_round_trips_byte_exact(fresh, tmp_path):
    path = tmp_path / "d.md"
    draft = parse_draft(dumps_draft(fresh))
    add_superior(draft, "《关于…的意见》（国办发〔2015〕38号）")
    set_part(draft, "附件", "经费预算表；考核办法")
    set_part(draft, "通知正文", "第一段。\n第二段。")
    save_draft(draft, path)
    raw = path.read_bytes()
    again = load_draft(path)
    assert again.meta["superior"] == [{"title": "关于…的意见", "number": "国办发〔2015〕38号"}]
    assert again.meta["attachments"] == ["经费预算表", "考核办法"] and again.meta["notice"] == "第一段。\n第二段。"
    save_draft(again, path)
    assert path.read_bytes() == raw


def test_superior_documents_are_parsed_from_what_people_type():
    assert fill.Superior.parse("《关于…的意见》(国办发〔2015〕38号)") == fill.Superior("关于…的意见", "国办发〔2015〕38号")
    assert fill.Superior.parse("关于…的意见 国办发〔2015〕38号") == fill.Superior("关于…的意见", "国办发〔2015〕38号")
    assert fill.Superior.parse({"title": "《甲》"}).cited() == "《甲》"
    items = [fill.Superior("甲", "A〔2024〕1号"), fill.Superior("乙", "B〔2024〕2号"), fill.Superior("丙")]
    assert fill.cite_superiors(items) == "《甲》（A〔2024〕1号）、《乙》（B〔2024〕2号）和《丙》"


def test_an_old_draft_loads_byte_exact_and_its_notice_is_read_from_the_body(tmp_path):
    path = tmp_path / "old.md"
    path.write_text(OLD_DRAFT, encoding="utf-8")
    draft = load_draft(path)
    save_draft(draft, path)
    assert path.read_text(encoding="utf-8") == OLD_DRAFT
    found = legacy_notice(draft)
    assert found and found.plan_title == "遵义市深化医药卫生体制改革实施方案" and found.signature == "遵义市人民政府"
    parts = resolve(draft)
    assert parts.addressee == "各县(市、区)人民政府，市直各有关单位"
    assert parts.preface == ["为贯彻落实《关于进一步深化医药卫生体制改革的意见》(国办发〔2016〕26号)精神，结合遵义市实际，制定本方案。"]
    # the metadata edited after the old `drafter new` now reaches the notice (no second issuer)
    draft.set_meta("issuer", "遵义市人民政府办公室")
    draft.set_meta("title", "遵义市医改方案")
    parts = resolve(draft)
    assert parts.notice_title == "遵义市人民政府办公室关于印发遵义市医改方案的通知"
    assert parts.notice == ["现将《遵义市医改方案》印发给你们，请结合实际，认真组织实施。"]
    assert parts.signature == "遵义市人民政府办公室"


def test_an_old_draft_moves_its_notice_into_the_metadata_when_changed(tmp_path):
    draft = parse_draft(OLD_DRAFT)
    assert migrate(draft)
    assert draft.preamble == ["为贯彻落实《关于进一步深化医药卫生体制改革的意见》(国办发〔2016〕26号)精神，结合{{ 地区 }}实际，制定本方案。"]
    assert draft.meta["addressee"] == "各县(市、区)人民政府，市直各有关单位"
    assert "notice" not in draft.meta  # it was the default wording: it follows again
    assert legacy_notice(draft) is None and not migrate(draft)
    shown = plain_text(draft)  # the notice from the parts, then the plan: as the old body read
    assert shown.startswith("遵义市人民政府关于印发遵义市深化医药卫生体制改革实施方案的通知\n各县(市、区)人民政府")
    assert "\n遵义市人民政府\n2025年3月1日\n遵义市深化医药卫生体制改革实施方案\n为贯彻落实" in shown


# -- CLI ------------------------------------------------------------------------------------------
@pytest.fixture
def draft_path(tmp_path, capsys):
    path = tmp_path / "d.md"
    assert main(["new", "--region", "运城市", "--province", "山西省", "--date", "2025-03-01", "-o", str(path)]) == 0
    out = capsys.readouterr().out
    assert "尚待填写" in out and "运政办发〔2025〕号" in out and "抄送" in out
    return path


def test_meta_lists_parts_and_what_is_still_empty(draft_path, capsys):
    assert main(["meta", str(draft_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    parts = {p["key"]: p for p in report["parts"]}
    assert parts["notice_title"]["source"] == "follows" and parts["cc"]["source"] == "empty"
    assert parts["addressee"]["label"] == "主送" and parts["addressee"]["group"] == "通知"
    assert any("抄送" in item for item in report["todo"])
    assert main(["meta", str(draft_path)]) == 0
    shown = capsys.readouterr().out
    assert "【版头】" in shown and "发文字号（doc_number）：运政办发〔2025〕号" in shown


def test_meta_sets_and_unsets_parts_by_label(draft_path, capsys):
    before = draft_path.read_bytes()
    code = main(["meta", str(draft_path), "--set", "抄送=市委各部门，市人大常委会办公室", "--set", "发文字号=运政办发〔2025〕7号",
                 "--superior", "《关于…的意见》（国办发〔2015〕38号）"])  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "抄送、发文字号、上级文件" in out and "各要素均已填写" in out
    draft = load_draft(draft_path)
    assert draft.meta["cc"] == "市委各部门，市人大常委会办公室" and draft.meta["doc_number"] == "运政办发〔2025〕7号"
    assert main(["meta", str(draft_path), "--unset", "cc"]) == 0
    assert "cc" not in load_draft(draft_path).meta
    assert main(["meta", str(draft_path), "--set", "no-equals"]) == 2
    assert "名称=内容" in capsys.readouterr().err
    assert draft_path.read_bytes() != before


def test_an_old_draft_exports_its_notice_once_with_one_issuer(tmp_path):
    from docx_reading import Reader

    from drafter.export.document import write_gongwen

    draft = parse_draft(OLD_DRAFT)
    draft.set_meta("issuer", "遵义市人民政府办公室")  # edited after the old `drafter new`
    texts = Reader(write_gongwen(draft, tmp_path / "old.docx")).texts()
    notice_title = "遵义市人民政府办公室关于印发\n遵义市深化医药卫生体制改革实施方案的通知"
    assert texts.count(notice_title) == 1 and texts.count("遵义市深化医药卫生体制改革实施方案") == 1
    assert "遵义市人民政府办公室" in texts and "遵义市人民政府" not in texts  # no second issuer
    assert texts.index("遵义市人民政府办公室") < texts.index("遵义市深化医药卫生体制改革实施方案")
    assert texts.count("各县（市、区）人民政府，市直各有关单位：") == 1

"""The pieces of `drafter new --from`: local units, the local voice, the title, a superior's outline,
a corpus paragraph made ours."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.draft.localise import Voice, localise_passage, strip_notes, superior_voice, without_own_things
from drafter.draft.superior_outline import superior_outline
from drafter.draft.titles import local_title
from drafter.draft.units import Local, infer_units, is_local, local_unit, local_units, localise_units
from drafter.library.placeholders import RegionContext
from drafter.model import Document
from drafter.reader import read_plans

CITY, COUNTY = Local("市级", "市"), Local("县级", "县")
SUPERIOR_2024 = Path(__file__).parents[1] / "data" / "superior" / "guobanfa-2024-29.txt"


@pytest.mark.parametrize(("superior", "city", "county"), [
    ("省卫生健康委", "市卫生健康委", "县卫生健康局"),
    ("省医保局", "市医疗保障局", "县医疗保障局"),
    ("国家卫生健康委", "市卫生健康委", "县卫生健康局"),
    ("国家医保局", "市医疗保障局", "县医疗保障局"),
    ("国家发展改革委", "市发展改革委", "县发展改革局"),
    ("财政部", "市财政局", "县财政局"),
    ("省财政厅", "市财政局", "县财政局"),
    ("省人力资源社会保障厅", "市人力资源社会保障局", "县人力资源社会保障局"),
    ("黑龙江省卫生计生委", "市卫生健康委", "县卫生健康局"),  # today's name, the place's prefix goes
    ("国家药监局", "市市场监管局", "县市场监管局"),  # a city has no 药监局: 市场监管 does its work
    ("国家中医药局", "市卫生健康委", "县卫生健康局"),
    ("省委编办", "市委编办", "县委编办"),
    ("省机关事务管理局", "市机关事务管理局", "县机关事务管理局"),  # unknown: its words, the local prefix
    ("省卫生健康委分别负责", "市卫生健康委", "县卫生健康局"),
])  # fmt: skip
def test_a_superiors_unit_becomes_its_local_counterpart(superior, city, county):
    assert local_unit(superior, CITY) == city
    assert local_unit(superior, COUNTY) == county


def test_not_units_are_left_out_and_units_are_listed_once():
    assert local_unit("各市（州）人民政府", CITY) is None
    assert local_units(["省卫生健康委", "国家卫生健康委", "省医保局", "各有关部门"], CITY) == ["市卫生健康委", "市医疗保障局"]
    assert is_local("市卫生健康委", CITY) and not is_local("省卫生健康委", CITY)
    assert local_unit("省卫生健康委", Local("市级", "州")) == "州卫生健康委"  # 海南州, 自治州


def test_units_in_running_text_of_the_given_levels_only():
    text = "省卫生健康委牵头，配合国家卫生健康委做好试点，省医保局负责"
    assert localise_units(text, CITY, ("省级",)) == "市卫生健康委牵头，配合国家卫生健康委做好试点，市医疗保障局负责"


def test_the_superiors_voice_becomes_the_local_one():
    city = Voice("市级", "市", "各县（市、区）")
    said = superior_voice("全省各市州要落实，省卫生健康委牵头，确保我省按期完成。", "省级", city)
    assert said == "全市各县（市、区）要落实，市卫生健康委牵头，确保我市按期完成。"
    county = Voice("县级", "县", "各乡镇（街道）")
    assert superior_voice("全市各县（市、区）要推进，市医保局负责。", "市级", county) == "全县各乡镇（街道）要推进，县医疗保障局负责。"
    assert superior_voice("国家医保局会同国家卫生健康委推进。", "国家级", city) == "市医疗保障局会同市卫生健康委推进。"
    national = "推动地方各级政府进一步落实医改责任，各地要结合实际推进。"
    assert superior_voice(national, "国家级", city) == "推动各县（市、区）政府进一步落实医改责任，各县（市、区）要结合实际推进。"
    assert superior_voice("地方各级人民政府要加大投入。", "国家级", county) == "各乡镇人民政府（街道办事处）要加大投入。"


def test_notes_even_cut_off_ones_come_out():
    assert strip_notes("推进价格改革。（责任单位：市医保局、市发改委）") == "推进价格改革。"
    assert strip_notes("推进价格改革。(市卫生健康委牵头,市财政局按职责分工负责)") == "推进价格改革。"
    assert strip_notes("推进价格改革。(责任单位:市卫生健康委、市发展改革委、市财政局。") == "推进价格改革。"
    assert strip_notes("取消药品加成（中药饮片除外）。") == "取消药品加成（中药饮片除外）。"


def test_a_paragraph_naming_its_own_places_things_loses_those_sentences():
    names = {"聊城市", "聊城", "东阿县", "东阿"}
    text = "推进医联体建设。支持聊城市人民医院建设旗舰医院。推动《聊城市医疗服务实施方案》落实。东阿县疾控中心开展试点。健康聊城建设取得进展。"
    assert without_own_things(text, names) == "推进医联体建设。健康聊城建设取得进展。"


def test_a_corpus_paragraph_rendered_for_another_city():
    context = RegionContext("大庆市", "黑龙江省", 2025)
    voice = Voice("市级", "市", "各县（市、区）")
    source = {"地区": "汉中市", "省份": "陕西省", "文件": "汉中市…通知", "日期": "2022-02-06"}
    text = "及时总结我市试点成效,汉中市各县区要强化督促指导。(市人力资源和社会保障局、市财政局按职责分工负责)"
    assert localise_passage(text, source, context.values(), voice, 2022) == "及时总结我市试点成效，大庆市各县区要强化督促指导。"


@pytest.mark.parametrize(("title", "local"), [
    ("深化医药卫生体制改革2024年重点工作任务", "运城市深化医药卫生体制改革2024年重点工作任务"),
    ("关于进一步完善医疗卫生服务体系的意见", "运城市进一步完善医疗卫生服务体系实施方案"),
    ("山西省城市公立医院综合改革实施方案", "运城市城市公立医院综合改革实施方案"),
    ("国务院办公厅关于城市公立医院综合改革试点的指导意见", "运城市城市公立医院综合改革试点实施方案"),
])  # fmt: skip
def test_the_local_plans_title(title, local):
    assert local_title(Document(plan_title=title), "运城市") == local


def test_units_by_topic_when_nobody_is_named():
    assert infer_units("深化医保支付方式改革", CITY)[0] == "市医疗保障局"
    assert infer_units("深化公立医院薪酬制度改革", CITY)[0] == "市人力资源社会保障局"
    assert infer_units("发展商业健康保险", CITY)[0] == "市金融监管局"
    assert infer_units("提升服务能力", CITY) == ["市卫生健康委"]


def test_the_2024_task_list_of_the_state_council():
    superior = read_plans(SUPERIOR_2024)[0]
    outline = superior_outline(superior)
    assert outline.level == "国家级" and not outline.umbrella and not outline.opening
    assert [a.title for a in outline.areas][:2] == ["加强医改组织领导", "深入推广三明医改经验"]  # a task area, first
    tasks = outline.tasks()
    assert len(tasks) == 22 and tasks[0].title == "加强医改工作统筹协调" and tasks[-1].title == "加强医药卫生领域综合监管"
    assert tasks[2].requirement.startswith("推进药品和医用耗材集中带量采购提质扩面。开展新批次国家组织药品")
    assert outline.closing == []


def test_a_city_plan_with_its_umbrella_opening_and_closing(seeds_dir):
    outline = superior_outline(read_plans(seeds_dir / "002_d2b59fd790b2730b.txt")[0])
    assert outline.umbrella and list(outline.opening) == ["指导思想", "基本原则", "工作目标"]
    assert [a.title for a in outline.areas] == ["重点任务"] and len(outline.tasks()) == 25
    assert outline.closing == ["加强组织领导", "健全推进机制", "强化政策支持", "广泛开展宣传"]
    first = outline.tasks()[0]
    assert (first.lead, first.path) == ("市卫生计生委", ["重点任务", "建立健全公立医院运行新机制"])

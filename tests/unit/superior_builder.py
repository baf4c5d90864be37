"""Test helper: a province's superior document built from a city plan's task list.

A city plan (a seed) is re-voiced as the province would have written it: the city's name becomes the
province's, `全市` → `全省`, `市卫生计生委` → `省卫生健康委`, `市财政局` → `省财政厅` …, and its dates
move by `shift` years (so the document is current at the draft's date). The text goes through the
same parser as any plan: what comes out is a superior document with the seed's task structure,
units and deadlines, in a province's voice.
"""

from __future__ import annotations

import re

from drafter.model import Document, Section
from drafter.reader import parse_plans

PROVINCE_UNITS = (
    ("卫生计生委", "卫生健康委"), ("卫计委", "卫生健康委"), ("人社局", "人力资源社会保障厅"), ("财政局", "财政厅"),
    ("发改委", "发展改革委"), ("编办", "委编办"), ("食药监局", "药监局"), ("商务局", "商务厅"), ("民政局", "民政厅"),
    ("审计局", "审计厅"), ("残联", "残联"), ("国资委", "国资委"), ("工信委", "工业和信息化厅"), ("医改办", "医改办"),
)  # fmt: skip
SCOPE = (("全市", "全省"), ("我市", "我省"), ("本市", "本省"), ("市属和区属", "省属和市属"),
         ("各区、县（市）", "各市（地）"), ("各区县（市）", "各市（地）"), ("各区政府", "各市（地）政府"),
         ("卫生计生", "卫生健康"))  # fmt: skip


def province_voice(text: str, city: str, province: str, shift: int) -> str:
    short_city, short_province = city.removesuffix("市"), province.removesuffix("省")
    text = text.replace(city, province).replace(short_city, short_province)
    for city_unit, province_unit in PROVINCE_UNITS:
        text = text.replace(f"市{city_unit}", f"省{province_unit}")
    for words, said in SCOPE:
        text = text.replace(words, said)
    return re.sub(r"(?<![〔\d])(20\d\d)(?=年)", lambda m: str(int(m.group(1)) + shift), text)


def _section_lines(section: Section) -> list[str]:
    lines = [f"{section.marker}{section.title}", *section.paragraphs]
    for child in section.children:
        lines += _section_lines(child)
    return lines


def provincial_superior(seed: Document, province: str, *, shift: int, number: str) -> tuple[str, Document]:
    """The superior document's text and the document the parser reads from it."""
    city = seed.region or ""
    title = province_voice(seed.plan_title or "", city, province, shift)
    year = int((seed.date or "2017")[:4]) + shift
    body = [province_voice(line, city, province, shift) for s in seed.sections for line in _section_lines(s)]
    text = "\n".join([
        f"{province}人民政府办公厅关于印发{title}的通知", number,
        "各市（地）人民政府（行署），省政府各直属单位：",
        f"经省政府同意，现将《{title}》印发给你们，请认真贯彻执行。",
        f"{province}人民政府办公厅", f"{year}年5月10日", title,
        f"为深入推进城市公立医院综合改革，结合{province.removesuffix('省')}实际，制定本方案。", *body,
    ])  # fmt: skip
    documents = parse_plans(text, source="superior")
    return text, max(documents, key=lambda d: len(d.headings()))

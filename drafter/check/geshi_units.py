"""格式 of the units named after a task — （责任单位：市卫生健康委、市财政局）: each one whole, each one
alone.

Scraped plans lose characters and marks inside these lists, and a template drawn from one keeps the
loss: 聊城's page reads `人力资源社会保障财政市医疗保障局` for 市人力资源社会保障局、市财政局、市医疗保障局.
A reviewer sees it at once. Two signs, neither needing to know the place:
- a unit that ends in no word an organisation's name ends in (委, 局, 办, 院, 中心 …): `财政`, `民政`;
- a unit holding the names of two or more departments (人力资源社会保障 … 财政 … 医疗保障): a 顿号
  lost between them.
Only explicit lists are read (责任单位：, 牵头单位：, 配合单位：, 责任部门：…), each item between 、，；.
The fix needs the real names, so there is no suggestion.
"""

from __future__ import annotations

import re

from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.messages import t

FAMILY = "格式"
_LABEL = re.compile(r"(?:责任|牵头|配合|参与|协办|主办)(?:单位|部门)[：:]")
_LIST_END = re.compile(r"[）)\n。]")
_ITEM = re.compile(r"[^、，,；;\s]+")
# What an organisation's name ends with (a government body, a people's organisation, an enterprise).
_ENDINGS = (
    "委", "局", "办", "院", "厅", "部", "会", "中心", "处", "科", "室", "所", "站", "团", "公司", "集团",
    "政府", "部门", "单位", "机构", "机关", "行", "社", "校", "馆", "队", "组", "署", "司", "盟", "联",
    "县", "区", "市", "州", "旗", "镇", "乡", "街道", "社区", "医院", "大学", "学校", "银行", "法院",
    "检察院", "党委", "党组", "工会", "妇联", "团委", "残联", "科协", "侨联", "总社", "公署", "办公室",
)  # fmt: skip
_TRAILING = re.compile(r"(?:等(?:部门|单位)?|按职责分工负责|分别负责|负责|牵头|配合)$")
# Departments a local plan names (the stems of their names, however they are written out).
_DEPARTMENTS = {
    "卫生健康": r"卫生健康|卫健|卫生计生|卫计",
    "财政": r"财政",
    "人社": r"人力资源(?:和)?社会保障|人社",
    "发展改革": r"发展(?:和)?改革|发改",
    "医疗保障": r"医疗保障|医保",
    "民政": r"民政",
    "教育": r"教育",
    "市场监管": r"市场监(?:督)?管(?:理)?",
    "编办": r"编办|编委办",
    "组织部": r"组织部",
    "宣传部": r"宣传部",
    "公安": r"公安",
    "司法": r"司法",
    "自然资源": r"自然资源",
    "生态环境": r"生态环境",
    "住房城乡建设": r"住房(?:和)?城乡建设|住建",
    "农业农村": r"农业农村",
    "审计": r"审计",
    "税务": r"税务",
    "药品监管": r"药品监(?:督)?管(?:理)?|药监",
    "中医药": r"中医药",
    "疾控": r"疾病预防控制|疾控",
    "科技": r"科技|科学技术",
}
_NOTES = re.compile(r"^(?:以?下同|同上|下略)$")  # a note inside the brackets, not a unit
_STEMS = [(name, re.compile(pattern)) for name, pattern in _DEPARTMENTS.items()]


def unit_list_findings(parts: list[TextPart]) -> list[Finding]:
    out: list[Finding] = []
    for part in parts:
        if part.part == "meta":
            continue
        for start, units in _lists(part.text):
            for item in _ITEM.finditer(units):
                out += _judge(part, start + item.start(), item.group())
    return out


def _lists(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each list: from its label to the next label, the closing bracket or the
    sentence's end (（牵头单位：市卫生健康委；配合单位：市财政局） holds two)."""
    labels = list(_LABEL.finditer(text))
    out = []
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        stop = _LIST_END.search(text, label.end(), end)
        out.append((label.end(), text[label.end() : stop.start() if stop else end]))
    return out


def _judge(part: TextPart, at: int, item: str) -> list[Finding]:
    # an alias in brackets (市卫生健康委（市中医药管理局）) is not part of the name judged
    unit = _TRAILING.sub("", re.split(r"[（(]", item, maxsplit=1)[0])
    if len(unit) < 2 or unit.startswith("各") or _NOTES.match(unit):  # 各地, 各有关单位: no one unit
        return []
    named = [name for name, stem in _STEMS if stem.search(unit)]
    if len(named) >= 2:
        return [_finding(part, at, unit, "geshi.units_glued", t("check.geshi_units_glued", unit=unit))]
    if not unit.endswith(_ENDINGS) and re.fullmatch(r"[\u4e00-\u9fff]+", unit):
        return [_finding(part, at, unit, "geshi.units_incomplete", t("check.geshi_units_incomplete", unit=unit))]
    return []


def _finding(part: TextPart, at: int, text: str, rule: str, message: str) -> Finding:
    return Finding(FAMILY, "warning", rule, part.location(at), text, message)

"""The standard kind of each level-1 and level-2 section: from its words, its place and its content.

Titles decide when they name a kind (`指导思想`, `组织实施`, `工作专班`, `实施步骤`); the deciding word is
the title's head noun, so a title that names several kinds is an umbrella (`指导思想、基本原则和工作目标`
→ 总体要求) or an overview of the whole plan (`工作目标、工作措施、保障措施` → 其他). Otherwise a
sub-section takes the kind of the part it sits in (principles under 基本原则, task areas under 重点任务,
stages under 实施步骤), and an unlabelled section is read from its place and its body: a first section
that speaks of guidance is 指导思想, target statements (`…参合率达95%以上`, `到2025年…`) are 工作目标, a
closing section about leading groups, responsibilities and inspections is 组织保障, a report of past
achievements is 其他, and what is left is a task area (in a plan or a notice's orders) or 其他 (in a
解读, a 起草说明 or a 征求意见 announcement).
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.model import Document, Section
from drafter.text import lazy_re

_OTHER = (
    r"背景|意义|起草|依据|主要内容|范围|对象|重要性|紧迫性|必要性|充分认识|基本情况|现状|成效|成绩|进展情况|形势"
    r"|名词解释|术语|步骤|进度|时间安排|时间节点|阶段安排|日程|主题内容|附则|编制说明|发展基础|基础条件|发展环境"
    r"|存在问题|主要问题|工作回顾|回顾|总体情况|工作情况|完成情况|落实情况|主要做法|经验做法"
)
_ORGANISE = (
    r"组织实施|组织保障|保障措施|组织领导|实施措施|工作要求|工作保障|保障机制|组织推进|督促检查|督导考核|督查考核"
    r"|组织机构|机构设置|领导机构|工作机构|工作专班|领导小组|指挥部|职责分工|责任分工|部门职责|考核评估|有关要求"
    r"|监督检查|督导检查|检查考核|监督考核|考核奖惩|经费保障|资金保障|要素保障|政策保障|条件保障"
)
# Checked in order: the first rule whose pattern matches the title wins.
_TITLE_RULES: list[tuple[str, re.Pattern]] = [
    ("其他", lazy_re.compile(_OTHER)),
    ("总体要求", lazy_re.compile(r"总体要求|总体思路|总体考虑|总体安排|总的要求|总体部署|总体框架|^总则$|思路|路径")),
    ("组织保障", lazy_re.compile(_ORGANISE)),
    ("指导思想", lazy_re.compile(r"指导思想|指导原则")),
    ("基本原则", lazy_re.compile(r"原则")),
    ("工作目标", lazy_re.compile(r"目标|目的")),
    ("重点任务", lazy_re.compile(r"任务|重点工作|主要工作|工作重点|措施|举措|重点|内容")),
]
# A title that opens with an action verb names a task, even when its object is a scope or a pace word.
_ACTION = lazy_re.compile(
    r"^(?:加快|加强|完善|健全|强化|提升|优化|深化|扩大|拓展|落实|开展|建立|构建|打造|培育|做好|抓好|推动"
    r"|促进|提高|规范|创新|夯实|巩固|严格|细化|压实|统筹|丰富|延伸|缩短)"
)
_SCOPE_WORDS = lazy_re.compile(r"范围|对象|进度|依据")
_FAMILY = {"指导思想": r"指导思想", "基本原则": r"原则", "工作目标": r"目标"}
_OVERVIEW = lazy_re.compile(r"本(?:方案|计划|意见)|分为|共(?:[一二三四五六七八九十]|\d)+个?(?:部分|方面)")
# `一、工作原则和目标` lists targets below; `(一)…参合率达95%以上` states one.
_TARGET_TITLE = lazy_re.compile(
    r"(?:达到?|提高到|提升到|降低到|下降到|控制在|不低于|不少于|不超过|超过|增长)\s*[\d.]+\s*(?:%|％|‰|万|亿|个|家|所|人|张|元)?"
    r"|[\d.]+\s*(?:%|％|‰)\s*(?:以上|以下|左右)?|^(?:到|至)\s*(?:20\d\d|二〇)"
)
_TARGET_END = lazy_re.compile(r"(?:[\d.]+\s*(?:%|％|‰)|[\d.]+[^，,。;；]{0,6}(?:以上|以下))$")
_TARGETS_BELOW = lazy_re.compile(r"(?:以下|如下|下列|主要|具体)目标[:：]?\s*$|目标(?:是|为)[:：]\s*$")
# Texts whose parts speak about a plan. A 通知's parts are not among them: `通知如下:` gives orders
# (`二、积极引导高校毕业生到基层就业` is a task), whether or not the excerpt shows enough of them to
# call the notice a plan.
_NOT_PLANS = {"解读", "征求意见", "起草说明"}
_UMBRELLA = {"指导思想", "基本原则", "工作目标", "总体要求"}
_INHERITED = {"基本原则", "工作目标", "重点任务", "组织保障", "指导思想", "其他"}
_GUIDING_BODY = lazy_re.compile(r"^(?:坚持)?以.{2,40}为(?:指导|统领|引领)|^(?:深入|全面|认真)贯彻")
_TARGET_BODY = lazy_re.compile(r"^(?:到|至)\s*(?:20\d\d|二〇)")
_ACHIEVED_BODY = lazy_re.compile(r"^(?:近年来|近几年|多年来|[^，,。]{0,12}以来|截至|截止|自20\d\d年)")
_ACHIEVED_WORDS = lazy_re.compile(
    r"(?:取得|完成|实现|达到|建成|提高到)了|取得(?:明显|显著|积极|重要)|成效(?:明显|显著)|显著成效|圆满完成|长足发展"
    r"|已(?:经)?(?:建成|完成|实现|形成)|累计"
)
_ORGANISE_BODY = lazy_re.compile(
    r"领导小组|工作专班|督查|督导|考核|问责|加强(?:组织)?领导|责任落实|落实责任|各地各部门|各有关部门要|经费保障"
    r"|宣传引导|舆论|联席会议|统筹协调"
)
_SUMMARY_PARENT = lazy_re.compile(r"主要内容|内容解读|主要措施解读|《[^》]*》")


@lru_cache(maxsize=8192)
def title_kind(title: str) -> str | None:
    """The kind a heading's words name, or None when they name none."""
    named = {kind for kind, pattern in _FAMILY.items() if re.search(pattern, title)}
    named_kinds = _kinds_named(title)
    if _OVERVIEW.search(title) or len(named_kinds) >= 3 and not named_kinds <= _UMBRELLA:
        return "其他"  # `本方案共三个部分` / `工作目标、工作措施、保障措施`: an overview of the whole plan
    if len(named) >= 2:
        return "总体要求"  # 指导思想、基本原则和工作目标: an umbrella section
    for kind, pattern in _TITLE_RULES:
        if pattern.search(title):
            if kind == "其他" and _ACTION.match(title) and _SCOPE_WORDS.search(title):
                return "重点任务"  # `扩大服务范围`, `加快工程进度`: a verb and its object, a task
            return kind
    return None


def _kinds_named(title: str) -> set[str]:
    # The kind each listed part names by its head word (`目标任务` names targets, not tasks).
    parts = [p for p in re.split(r"[、,，和及与]", title) if p]
    named = {next((kind for kind, pattern in _TITLE_RULES if pattern.search(part)), None) for part in parts}
    return named - {None, "其他"}


def assign_kinds(doc: Document) -> None:
    """Set `kind` on every level-1 and level-2 section of `doc` (deeper ones stay None)."""
    plan = doc.doc_type not in _NOT_PLANS
    about = doc.doc_type in ("解读", "征求意见")
    tops = [s for s in doc.sections if s.level == 1]
    for i, section in enumerate(doc.sections):
        closing = bool(tops) and section is tops[-1] and len(tops) >= 3
        _assign(section, None, None, _Place(first=i == 0, closing=closing, plan=plan, about=about))


class _Place:
    """Where a section stands: first or closing part, in a plan or not, inside a content summary."""

    def __init__(self, first: bool, closing: bool, plan: bool, summary: bool = False, about: bool = False) -> None:
        self.first, self.closing, self.plan, self.summary = first, closing, plan, summary
        self.about = about  # a 解读 or 征求意见 text: its parts speak about a plan, they are not one

    def below(self, section: Section) -> _Place:
        summary = self.summary or bool(_SUMMARY_PARENT.search(section.title))
        return _Place(False, False, self.plan, summary, self.about)


def _assign(section: Section, parent: Section | None, parent_kind: str | None, place: _Place) -> None:
    if section.level <= 2:
        section.kind = _kind_of(section, parent, parent_kind, place)
    # A deeper item passes on what its title names (`1.2 工作原则` → the `(一)` list under it).
    passed = section.kind or (title_kind(section.title) if section.level > 2 else None) or parent_kind
    for child in section.children:
        _assign(child, section, passed, place.below(section))


def _kind_of(section: Section, parent: Section | None, parent_kind: str | None, place: _Place) -> str:
    if place.about and not place.summary:
        return "其他"  # `二、主要措施` of a 解读 tells what the plan does; it is not a task area
    own = title_kind(section.title)
    # Inside a task, principle, target, closing or background part, a sub-heading belongs to that
    # part even when its words mention another kind (`(四)完善药品供应保障制度` is a task) — except
    # in a summary of a plan's content (a 起草说明's `三、主要内容`), whose items name the parts.
    inherited = parent_kind in _INHERITED - {"指导思想"} and not (parent_kind == "其他" and place.summary)
    if inherited:
        return parent_kind  # type: ignore[return-value]
    if section.level == 2 and parent_kind == "总体要求" and _TARGET_END.search(section.title):
        return "工作目标"  # `(二)…优抚对象的参合率达100%`: the head is the figure, not `对象`
    return own or _from_context(section, parent, parent_kind, place)


def _from_context(section: Section, parent: Section | None, parent_kind: str | None, place: _Place) -> str:
    if parent_kind == "指导思想":
        return "重点任务"
    body = section.body.lstrip()
    if parent_kind in (None, "总体要求", "其他") and _states_target(section, parent):
        return "工作目标"
    if parent_kind == "总体要求" and section.title.startswith("坚持") and len(section.title) <= 16:
        return "基本原则"
    if parent_kind == "总体要求" and place.plan:
        return "总体要求"  # `(三)发展定位` under 总体要求: part of the umbrella, not a task area
    if not place.plan and not place.summary:
        return "其他"  # a 解读, 起草说明 or 征求意见 announcement has no task areas
    if parent_kind is None and place.first and _GUIDING_BODY.search(body):
        return "指导思想"
    if _TARGET_BODY.search(body) and parent_kind in (None, "总体要求"):
        return "工作目标"
    if parent_kind is None and _ACHIEVED_BODY.search(body) and _ACHIEVED_WORDS.search(body[:300]):
        return "其他"  # `近年来…取得了明显成效`: background, not a task
    if parent_kind is None and _closes_the_plan(section, place):
        return "组织保障"
    return "重点任务"


def _states_target(section: Section, parent: Section | None) -> bool:
    if parent is not None and _TARGETS_BELOW.search(parent.body.rstrip()):
        return True  # `…实现以下目标:` introduces the items below
    if section.level != 2:
        return False
    if parent is None:  # no part above to say so: only `到2025年,…` reads as a target for certain
        return bool(_TARGET_BODY.search(section.title))
    return bool(_TARGET_TITLE.search(section.title))


def _closes_the_plan(section: Section, place: _Place) -> bool:
    """A plan's last part that speaks of leading groups, responsibilities and inspections."""
    child_kinds = [title_kind(c.title) for c in section.children if c.level <= 2]
    if child_kinds and child_kinds.count("组织保障") * 2 > len(child_kinds):
        return True
    if not place.closing:
        return False
    # The first paragraph only: an unnumbered closing paragraph after the last item is not its body.
    text = section.paragraphs[0] if section.paragraphs else ""
    text += "".join(c.title + (c.paragraphs[0] if c.paragraphs else "") for c in section.children)
    return len(set(_ORGANISE_BODY.findall(text))) >= 2

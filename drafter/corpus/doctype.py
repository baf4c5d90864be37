"""What a document is: a plan, a notice, a drafting explanation, a policy reading, a call for comments.

Only plans (`方案`: 实施方案, 工作方案, 行动计划, 实施意见, 工作要点, 预案, 规划 …, alone or inside their
印发 notice) are reference plans; the others are kept and typed so that plan lists, `gaps`, `rank` and
the section library can leave them out. Templates (`____年…`, `X市…`, `…(2篇)` from 范文 sites) are
plans in shape but not any place's plan, so they are marked as such.
"""

from __future__ import annotations

import re

from drafter.corpus.kinds import title_kind
from drafter.corpus.labels import region_label, type_label  # noqa: F401 - their old home
from drafter.model import Document
from drafter.text import lazy_re

DOC_TYPES = ("方案", "通知", "起草说明", "解读", "征求意见", "其他")
PLAN = "方案"

_TRAILING_NOTES = lazy_re.compile(r"(?:\s*[(（][^()（）]{1,20}[)）])+$")
_PLAN_WORD = lazy_re.compile(
    r"(?:方案|计划|意见|要点|规划|预案|办法|细则|措施|安排|任务|纲要|行动|清单|举措|规定|实施意见)$"
)
_REPORT_WORD = lazy_re.compile(r"(?:总结|报告|汇报|情况|讲话|发言|综述|简报|述职)$")
# Rules and regulations (`…工作规则`, `…条例`, `…章程`) govern; they set out no plan.
_RULES_WORD = lazy_re.compile(r"(?:规则|条例|章程)$")
# `现对《通知》进行政策解读` / `现将…解读如下`: a reading says what it is in its first sentences.
_READING_TEXT = lazy_re.compile(r"(?:对|就)《[^》]{2,80}》[^。]{0,30}?(?:进行|作|作出|予以)?(?:政策)?解读|解读如下")
# The parts of a report look back: `一、总体情况` / `二、主要做法和工作成效` / `三、存在问题`.
_REVIEW_HEADINGS = lazy_re.compile(r"总体情况|工作情况|完成情况|主要做法|工作成效|主要成效|工作回顾|存在(?:的)?问题|下步打算|下一步")
_NOTICE_WORD = lazy_re.compile(r"(?:通知|通告|公告|函|通报|决定|批复|启事|公示)$")
_EXPLANATION = lazy_re.compile(r"起草说明|编制说明|起草情况|制定说明|修订说明|起草的说明")
_EXPLANATION_HEADINGS = lazy_re.compile(r"^(?:起草|编制|制定)(?:背景|依据|过程|说明)")
_READING = lazy_re.compile(r"解读|答记者问|政策问答|图解")
_CONSULTATION = lazy_re.compile(r"征求(?:社会各界|社会公众|公众|各方)?(?:的)?意见")
_CONSULTATION_HEADINGS = lazy_re.compile(r"征求意见|意见(?:反馈|建议)|反馈|反映意见|联系方式|提出意见|公示时间|公示方式")
_ESSAY_HEADINGS = lazy_re.compile(r"^(?:引言|前言|结语|结论|摘要|文章结构|总结)$")
# `…结合我市实际,制定本方案。` / `提出如下实施意见:`: the text says it is a plan.
_DECLARES = lazy_re.compile(
    r"(?:制定|制订|提出|形成)(?:了)?(?:本|如下|以下|此)?(?:实施|工作|行动)?(?:方案|意见|计划|规划|预案|要点|措施|细则)"
)
_PLAN_KINDS = {"指导思想", "基本原则", "工作目标", "总体要求", "重点任务", "组织保障"}

# `X市`, `xxxx年`, `XX局`, `____年`, `某县`: the place, the year or the body left for the user to fill in.
_PLACEHOLDER = lazy_re.compile(
    r"(?<![A-Za-z])[XxＸ×]{1,4}\s*(?:省|市|县|区|镇|乡|街道|社区|府|年|月|局|委|办)"
    r"|(?<![A-Za-z])[XxＸ×]{2,}(?![A-Za-z])(?=\s*[\u4e00-\u9fff%％“])|_{3,}|＿{2,}|××|某(?:省|市|县|区|镇)"
)
# Every `_PLACEHOLDER` match opens with one of these: most texts hold none, found by a search that
# skips to them (`_PLACEHOLDER` itself opens with a lookbehind, so `re` tries it at every character).
_PLACEHOLDER_START = lazy_re.compile("[XxＸ×_＿某]")
_TEMPLATE_TITLE = lazy_re.compile(r"[(（]\s*(?:\d+|[一二三四五六七八九十]+)\s*篇\s*[)）]|[(（]最新[)）]|范文|模板|模版|精选|合集|大全")


def _core(title: str | None) -> str:
    return _TRAILING_NOTES.sub("", (title or "").strip())


def doc_type(doc: Document) -> str:
    """One of DOC_TYPES, from the document's title, its headings and its opening text."""
    title = _core(doc.title)
    plan_title = _core(doc.plan_title)
    tops = [s.title for s in doc.sections if s.level == min((x.level for x in doc.sections), default=1)]
    tail = _own_words(title)
    if _EXPLANATION.search(tail):
        return "起草说明"
    if _READING.search(tail) or not title and _READING_TEXT.search(doc.preamble[:800]):
        return "解读"
    if any(_EXPLANATION_HEADINGS.match(t) for t in tops):
        return "起草说明"
    if any(_ESSAY_HEADINGS.match(t.replace(" ", "")) for t in tops):
        return "其他"
    if _REPORT_WORD.search(title) and not _PLAN_WORD.search(title) or _RULES_WORD.search(title):
        return "其他"  # a work report or summary looks back, rules govern; neither is a plan
    planned = _has_plan_body(tops)
    if _is_consultation(doc, title, tops) and not any(title_kind(t) in _PLAN_KINDS for t in tops):
        return "征求意见"  # a call for comments; one that carries the draft's own text is a plan
    if _PLAN_WORD.search(title) or _PLAN_WORD.search(plan_title):
        return PLAN
    declared = _DECLARES.search(doc.preamble[-600:])
    if _NOTICE_WORD.search(title):
        printed = re.search(r"印发|转发|下发|公布", title) and _PLAN_WORD.search(
            _core(re.sub(r"[》〉]?的?(?:通知|通告)$", "", title))
        )
        return PLAN if planned or printed or declared else "通知"
    if not title and _looks_back(tops):
        return "其他"  # an untitled report: its parts review the year, none plans the next
    return PLAN if planned or declared or doc.sections else "其他"


def _own_words(title: str) -> str:
    """The words a title says of itself: after the last 《》 it names (`《X实施方案》政策解读` → `政策解读`),
    or all of it when they are not followed by a 文种 of another kind (`…宣传解读工作实施方案` is a plan)."""
    tail = title.rsplit("》", 1)[-1] if "》" in title else title
    return "" if _PLAN_WORD.search(tail) else tail


def _looks_back(tops: list[str]) -> bool:
    kinds = [title_kind(t) for t in tops]
    return bool(tops) and all(k == "其他" for k in kinds) and any(_REVIEW_HEADINGS.search(t) for t in tops)


def _has_plan_body(tops: list[str]) -> bool:
    # A plan's parts: guiding thought, targets, tasks, safeguards — or a run of task areas.
    kinds = [title_kind(t) for t in tops]
    return any(k in _PLAN_KINDS for k in kinds) or len(tops) >= 3 and "其他" not in kinds[:1]


def _is_consultation(doc: Document, title: str, tops: list[str]) -> bool:
    # `关于公开征求《X(征求意见稿)》意见的公告`, `《X》征求公众意见公告`, `…征求意见的通知`.
    if "征求" in title and "意见" in title and _NOTICE_WORD.search(title):
        return True
    asked = _CONSULTATION.search(doc.preamble[:800])
    return bool(asked) and any(_CONSULTATION_HEADINGS.search(t) for t in tops)


def is_template(doc: Document) -> bool:
    """A 范文/模板 text: placeholders for the place or the year, or a template site's `(2篇)` title."""
    names = " ".join(t for t in (doc.title, doc.plan_title) if t)
    if _TEMPLATE_TITLE.search(names) or _PLACEHOLDER.search(names):
        return True
    head = doc.text[:3000]
    return bool(_PLACEHOLDER_START.search(head)) and len(_PLACEHOLDER.findall(head)) >= 2

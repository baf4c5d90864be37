"""The 公文 parts of a corpus plan (or any plan file that is not a draft), read from the document.

When the text before the first heading holds the 印发通知 line by line (title, 文号, 主送, text,
署名, date, the plan's title), the notice is laid out as such and the plan follows on its own
page; a document with a 文号 gets its 版头 (the 发文机关标志 it was issued under). Otherwise the
document is exported as one piece: its title, its preamble, its sections, 署名 and date. A corpus
plan has no 版记: who printed it, and when, is not known.

Web page furniture a scrape kept before the text (公告内容 / 草案内容 / 征集已结束 …) never reaches
the 公文.
"""

from __future__ import annotations

import re

from drafter.draft.notice import split_notice
from drafter.draft.parts import GongwenParts, lead_issuer
from drafter.export.gongwen import standard_date
from drafter.export.unflatten import unflatten_notice
from drafter.model import Document

# Navigation labels of government sites' consultation and notice pages, seen on their own line.
_MENU = re.compile(
    r"^(?:公告内容|草案内容|草案解读|公众意见及建议|意见反馈|意见征集|征集(?:已结束|中|进行中)|已结束|进行中|"
    r"相关(?:附件|链接|解读|文件)|附件下载|【?(?:打印|关闭|收藏|返回顶部)】?|打印本页|关闭窗口|分享到[:：]?|"
    r"字号[:：]?\s*[大中小\s]*|[【\[]\s*[大中小]\s*[】\]](?:\s*[【\[]\s*[大中小]\s*[】\]])*)$"
)


def is_menu_line(line: str) -> bool:
    """A web navigation label standing alone on its line."""
    return bool(_MENU.match(line.strip()))


def content_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip() and not is_menu_line(line)]


def corpus_parts(doc: Document) -> GongwenParts:
    issuer = (doc.issuer or "").strip()
    lines = unflatten_notice(content_lines(doc.preamble), issuer, doc.plan_title)
    date = standard_date(doc.date) or ""
    found = split_notice(lines, issuer or None, doc.plan_title or doc.title)
    if found is None:
        title = (doc.title or doc.plan_title or "").strip()
        preface = [line for line in lines if line != title]
        return _with_masthead(GongwenParts(plan_title=title, preface=preface, signature=issuer, date=date,
                                           doc_number=doc.doc_number or "", imprint=False), issuer)  # fmt: skip
    parts = GongwenParts(
        notice_title=found.title or "", doc_number=found.doc_number or doc.doc_number or "",
        addressee=found.addressee, notice=found.text, signature=found.signature or issuer,
        date=found.date or date, plan_title=found.plan_title or doc.plan_title or "",
        preface=found.preface, imprint=False,
    )  # fmt: skip
    return _with_masthead(parts, found.signature or issuer)


def _with_masthead(parts: GongwenParts, issuer: str) -> GongwenParts:
    """A document issued with a 文号 was a 文件 of its issuer (a 函 carries the issuer's name alone);
    of joint issuers, of the first (GB/T 9704 §7.2.4 lets the lead organ's name stand alone)."""
    lead = lead_issuer(issuer)
    if parts.doc_number and lead:
        parts.mark = lead if "函" in parts.doc_number else f"{lead}文件"
    return parts

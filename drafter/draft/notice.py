"""Reading a 印发通知 out of the lines before a plan's first heading: drafts written before the parts
model (their notice was body text) and corpus plans whose file keeps the notice line by line.

    哈尔滨市人民政府办公厅关于印发…的通知      notice title
    哈政办规〔2017〕28号                     文号 (optional)
    各区、县（市）人民政府，…：              主送
    经市政府同意，现将《…》印发给你们…       text (one or more lines)
    哈尔滨市人民政府办公厅                   署名
    2017年6月8日                             成文日期
    哈尔滨市城市公立医院综合改革实施方案     the plan's title
    为贯彻落实…                              the preface: everything after

Text that does not follow this shape (a notice glued into one line by a scrape) is not split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DATE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○零一二三四五六七八九十]{1,2}\s*月"
                   r"\s*[\d〇○零一二三四五六七八九十]{1,3}\s*日$")  # fmt: skip
_DOC_NUMBER = re.compile(r"^[（(]?[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\d{1,5}号[)）]?$")
_GARBLED_DATE = re.compile(r"^[\d\s./\-]{6,10}$")  # 2024年3月5日 scraped as 202435
_ISSUER_END = ("人民政府", "办公室", "办公厅", "委员会", "领导小组", "局", "委", "厅")
_SENTENCE_END = "。；;！？!?，,"


@dataclass
class NoticeLines:
    """The notice's parts as written, and the lines that follow it (the plan's preface)."""

    title: str
    doc_number: str = ""
    addressee: str = ""
    text: list[str] = field(default_factory=list)
    signature: str = ""
    date: str = ""
    plan_title: str = ""
    preface: list[str] = field(default_factory=list)


def split_notice(lines: list[str], issuer: str | None = None, plan_title: str | None = None) -> NoticeLines | None:
    """The notice in `lines` (blank lines ignored), or None when they do not start with one. A
    notice whose title the scrape lost starts with its 主送. `plan_title` (known from elsewhere)
    lets a title written over several lines be taken whole."""
    rows = [line.strip() for line in lines if line.strip()]
    if len(rows) < 4:
        return None
    if _is_notice_title(rows[0]):
        found, at = NoticeLines(rows[0]), 1
    elif _is_addressee(rows[0]):
        found, at = NoticeLines(""), 0
    else:
        return None
    if at < len(rows) and _DOC_NUMBER.match(rows[at]):
        found.doc_number = rows[at].strip("()（）")
        at += 1
    if at < len(rows) and _is_addressee(rows[at]):
        found.addressee = rows[at].rstrip(":：")
        at += 1
    end = _signature_at(rows, at, issuer)
    if end is None:
        return None
    found.text = rows[at:end]
    at = _read_signature(rows, end, found)
    at = _read_plan_title(rows, at, found, plan_title)
    found.preface = rows[at:]
    return found if found.text else None


def _read_signature(rows: list[str], end: int, found: NoticeLines) -> int:
    """The 署名 (and a seal's note under it, `（…代章）`) and the date; returns the next row."""
    if _DATE.match(rows[end]):  # a date with no 署名 (the seal stands for it)
        found.date = rows[end]
        return end + 1
    signature, at = [rows[end]], end + 1
    while at + 1 < len(rows) and not _DATE.match(rows[at]) and _is_signature(rows[at], None) and (
        _DATE.match(rows[at + 1]) or _is_signature(rows[at + 1], None) or _is_stamp_note(rows[at + 1])
    ):  # the other joint issuers' lines
        signature.append(rows[at])
        at += 1
    if at + 1 < len(rows) and _is_stamp_note(rows[at]) and _DATE.match(rows[at + 1]):
        signature.append(rows[at])
        at += 1
    found.signature = "\n".join(signature)
    if at < len(rows) and (_DATE.match(rows[at]) or _GARBLED_DATE.match(rows[at])):
        found.date = rows[at] if _DATE.match(rows[at]) else ""
        at += 1
    return at


def _read_plan_title(rows: list[str], at: int, found: NoticeLines, plan_title: str | None) -> int:
    hint = re.sub(r"\s", "", plan_title or "")
    if hint and at < len(rows) and hint.startswith(rows[at]):
        taken = ""
        while at < len(rows) and hint.startswith(taken + rows[at]):
            taken += rows[at]
            found.plan_title = (found.plan_title + "\n" + rows[at]).strip("\n")
            at += 1
        return at
    if at < len(rows) and _is_plan_title(rows[at]):
        found.plan_title = rows[at]
        return at + 1
    return at


def is_garbled_date(line: str) -> bool:
    """A date scraped into digits (`202435` for 2024年3月5日): the document's own date stands for it."""
    return bool(_GARBLED_DATE.match(line.strip()))


def _is_notice_title(line: str) -> bool:
    return len(line) <= 120 and line.endswith(("的通知", "的公告")) and line[-1] not in _SENTENCE_END


def _signature_at(rows: list[str], start: int, issuer: str | None) -> int | None:
    """Index of the 署名 (or of the date when there is none) after the notice text."""
    for i in range(start + 1, len(rows)):
        line = rows[i]
        if _DATE.match(line):
            for back in (1, 2):  # a seal's note may stand between the 署名 and the date
                if i - back > start and _is_signature(rows[i - back], issuer) and (back == 1 or _is_stamp_note(rows[i - 1])):
                    return _first_signer(rows, start, i - back)
            return i
        if issuer and line == issuer:
            return i
    return None


MAX_SIGNERS = 4  # organs signing one notice together (联合行文), a line each


def _first_signer(rows: list[str], start: int, last: int) -> int:
    """The first of the 署名 lines that end at `last`: joint issuers sign a line each, top first."""
    first = last
    while first - 1 > start and last - first + 1 < MAX_SIGNERS and _is_signature(rows[first - 1], None):
        first -= 1
    return first


def _is_addressee(line: str) -> bool:
    return line.endswith((":", "：")) and len(line) <= 200 and line.count("。") == 0


def _is_stamp_note(line: str) -> bool:
    """`（上海市卫生健康委员会代章）` under a 署名 (scrapes may garble its first characters)."""
    return len(line) <= 40 and line.rstrip().endswith((")", "）")) and "章" in line


def _is_signature(line: str, issuer: str | None) -> bool:
    if issuer and (line == issuer or issuer.endswith(line) or line.endswith(issuer)):
        return True
    return len(line) <= 40 and line.endswith(_ISSUER_END) and not any(c in line for c in _SENTENCE_END)


def _is_plan_title(line: str) -> bool:
    ideographs = sum(1 for c in line if "\u4e00" <= c <= "\u9fff")
    return (len(line) <= 80 and ideographs >= 4 and line[-1] not in _SENTENCE_END
            and not line.startswith(("为", "根据", "按照")))

"""格式 of the draft's own 发文字号 (GB/T 9704-2012 §7.2.4): 机关代字, the year in full in 六角括号
〔〕, the 发文顺序号 in Arabic numerals without 第 and without leading zeros, then 号 —
`运政办发〔2026〕12号`. A 文号 still waiting for its number (`运政办发〔2026〕号`, as `drafter new`
writes it) is flagged, so it is not sent that way. The metadata is the user's to rewrite: these
findings carry a suggestion but are never applied by `drafter fix`.
"""

from __future__ import annotations

import re

from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.messages import t

FAMILY = "格式"
_FORM = re.compile(
    r"^(?P<lead>[\u4e00-\u9fff]{1,12})\s*(?P<open>[〔\[［【(（〖]?)\s*(?P<year>\d{2,4})\s*"
    r"(?P<close>[〕\]］】)）〗]?)\s*(?P<di>第?)\s*(?P<serial>\d*)\s*(?P<hao>号?)$"
)


def doc_number_findings(parts: list[TextPart]) -> list[Finding]:
    out: list[Finding] = []
    for part in parts:
        if part.part == "meta" and part.field == "doc_number":
            out += _judge(part, part.text.strip())
    return out


def _judge(part: TextPart, text: str) -> list[Finding]:
    m = _FORM.match(text)
    if not m:
        return []  # not a 文号 drafter can read: leave it to the reviewer
    lead, year, serial = m.group("lead"), m.group("year"), m.group("serial").lstrip("0")
    proper = f"{lead}〔{year}〕{serial or ''}号"
    out: list[Finding] = []
    if not m.group("serial"):
        out.append(_finding(part, text, "geshi.wenhao_serial", t("check.geshi_wenhao_serial", example=f"{lead}〔{year}〕12号"), None, "warning"))
    if len(year) != 4:
        out.append(_finding(part, text, "geshi.wenhao_year", t("check.geshi_wenhao_year", year=year), None, "error"))
    elif m.group("serial") and text != proper:
        out.append(_finding(part, text, "geshi.wenhao_form", t("check.geshi_wenhao_form", new=proper), proper, "error"))
    return out


def _finding(part: TextPart, text: str, rule: str, message: str, suggestion: str | None, severity: str) -> Finding:
    return Finding(FAMILY, severity, rule, part.location(0), text, message, suggestion=suggestion)

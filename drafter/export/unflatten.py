"""A scraped notice flattened onto a few long lines, put back on its own lines before the 公文
parts are read from it.

Law-database pages glue the 主送 to the notice text (`各县(区)人民政府,…单位:《…》已经市政府同意,…`)
and the 署名, the date, the plan's title and its preface into one run
(`南昌市人民政府2017年7月28日南昌市城市公立医院综合改革实施方案为全面推进…`). The notice reader
needs them line by line; what it cannot split stays as it was.
"""

from __future__ import annotations

import re

# 各县(区)人民政府,各开发区(新区)管委会,市直各有关单位: — a 主送 at the start, up to its colon.
_ADDRESSEE = re.compile(r"^(各[^。：:；;]{2,160}?(?:单位|部门|政府|管委会|机构|办公室|委员会|局|委|厅)[：:])(?=\S)")
_DATE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,2}月[\d〇○零一二三四五六七八九十]{1,3}日")


def unflatten_notice(lines: list[str], issuer: str | None, plan_title: str | None) -> list[str]:
    out: list[str] = []
    for line in lines:
        out += _split_line(line, issuer or "", re.sub(r"\s", "", plan_title or ""))
    return out


def _split_line(line: str, issuer: str, plan_title: str) -> list[str]:
    addressee = _ADDRESSEE.match(line)
    if addressee:
        return [addressee.group(1), *_split_line(line[addressee.end() :], issuer, plan_title)]
    date = _DATE.search(line)
    if not date or date.end() == len(line) and date.start() == 0:
        return [line]
    head, tail = line[: date.start()], line[date.end() :]
    if head and not _is_signature(head, issuer):
        return [line]  # a date inside a sentence (到2025年12月31日…): not the 落款
    pieces = [head] if head else []
    pieces.append(date.group(0))
    if plan_title and tail.startswith(plan_title) and len(tail) > len(plan_title):
        pieces += [plan_title, tail[len(plan_title) :]]
    elif tail:
        pieces.append(tail)
    return pieces


def _is_signature(head: str, issuer: str) -> bool:
    """The 署名 before the date: the issuer itself, or an office's name standing alone."""
    if issuer and head == issuer:
        return True
    return len(head) <= 40 and not re.search(r"[，。,；;：:]", head) and head.endswith(
        ("人民政府", "办公室", "办公厅", "委员会", "领导小组", "局", "委")
    )

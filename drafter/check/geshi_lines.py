"""格式 rules that read whole lines: the 成文日期, titles, and the 附件说明 (GB/T 9704-2012 §7.3).

- 成文日期 (§7.3.5.1): Arabic numerals, the year in full, month and day without leading zeros —
  `2026年3月1日`, not `二〇二六年三月一日`, `2026.3.1` or `26年3月1日` (zeros: the normaliser's date_zero).
- 标题 (§7.3.1): no punctuation but 书名号, 顿号, brackets and quotation marks; nothing at its end.
  A heading standing on its own line does not end with ，、；：either.
- 附件说明 (§7.3.4): `附件：1.名称`, Arabic numbers with a full stop, no mark after the name, no 《》
  around it; `附件1`, not `附件一`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.messages import t

FAMILY = "格式"
_CN_YEAR = "〇○零一二三四五六七八九"
_YEAR_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_CN_DATE = re.compile(
    rf"^([{_CN_YEAR}]{{4}})年([一二三四五六七八九十]{{1,3}})月([一二三四五六七八九十]{{1,3}})日$"
)
_NUM_DATE = re.compile(r"^((?:19|20)\d{2})\s*[./\-]\s*(\d{1,2})\s*[./\-]\s*(\d{1,2})(?:\s*日)?$")
_SHORT_YEAR = re.compile(r"^(\d{2})年(\d{1,2})月(\d{1,2})日$")
_DOC_TYPES = "通知|方案|意见|办法|计划|规划|要点|决定|报告|请示|批复|纪要|公告|通告|通报|细则|规定|函"
_NOTICE_TITLE = re.compile(rf"^.{{2,60}}关于.{{2,90}}的(?:{_DOC_TYPES})[，。；：！？、,.;:!?]*$")
_PLAN_TITLE = re.compile(
    r"^[^，。；：！？,;:!?]{4,40}(?:方案|计划|规划|意见|要点|办法|细则|规定)"
    r"(?:[（(][^（）()]{1,20}[）)])?[，。；：！？、,.;:!?]*$"
)
_NOT_TITLE_START = ("附件", "抄送", "现将", "为", "根据", "按照", "经", "各", "第一篇", "来源", "发布")
_TITLE_MARKS = re.compile(r"[，。；：！？,.;:!?]")
_HEADING_END = re.compile(r"[，、；：,;:]+$")
_ATTACH = re.compile(r"^(?P<lead>\s*附件\s*[：:]?\s*)(?P<rest>.+)$")
_ATTACH_LABEL = re.compile(r"^\s*附件(?P<num>[一二三四五六七八九十]+)\s*$")
_ATTACH_ITEM = re.compile(r"^(?P<num>\d{1,2})(?P<mark>[、．，,.]|\s)\s*(?P<name>.+)$")


def _lines(part: TextPart) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in part.text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _finding(
    part: TextPart,
    at: int,
    text: str,
    rule: str,
    message: str,
    suggestion: str | None = None,
    safe: bool = False,
    severity: str = "warning",
) -> Finding:
    return Finding(
        FAMILY,
        severity,
        f"geshi.{rule}",
        part.location(at),
        text,
        message,
        suggestion,
        safe,
        "GB/T 9704-2012",
    )


# -- 成文日期 -----------------------------------------------------------------------------------------


def date_line_findings(parts: list[TextPart]) -> list[Finding]:
    out = []
    for part in parts:
        if part.part in ("meta", "heading"):
            continue
        for pos, line in _lines(part):
            text = line.strip()
            at = pos + len(line) - len(line.lstrip())
            finding = _date_form(part, at, text)
            if finding:
                out.append(finding)
    return out


def _date_form(part: TextPart, at: int, text: str) -> Finding | None:
    m = _CN_DATE.match(text)
    if m:
        year = "".join(str(_YEAR_DIGITS[c]) for c in m.group(1))
        new = f"{int(year)}年{_cn_small(m.group(2))}月{_cn_small(m.group(3))}日"
        return _finding(
            part, at, text, "date_form", t("check.geshi_date_chinese", old=text, new=new), new, True
        )
    m = _NUM_DATE.match(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        new = f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日"
        return _finding(
            part, at, text, "date_form", t("check.geshi_date_numeric", old=text, new=new), new, True
        )
    if _SHORT_YEAR.match(text):
        return _finding(part, at, text, "date_form", t("check.geshi_date_short_year", old=text))
    return None


def _cn_small(text: str) -> int:
    from drafter.corpus.headings import cn_number

    return cn_number(text)


# -- titles -----------------------------------------------------------------------------------------


def title_findings(parts: list[TextPart]) -> list[Finding]:
    out = []
    for part, at, line, notice in _title_lines(parts):
        out += _title_marks(part, at, line, inside=notice)
    for part in parts:
        for start, end, level, _n in part.headings:
            if level > 2 or part.part not in ("heading", "line", "paragraph"):
                continue
            line = part.text.rstrip()
            tail = _HEADING_END.search(line)
            if tail and "\n" not in line and len(line) - end <= 25:
                out.append(
                    _finding(
                        part,
                        tail.start(),
                        tail.group(),
                        "heading_end",
                        t("check.geshi_heading_end", mark=tail.group()),
                        "",
                        True,
                    )
                )
    return out


def _title_lines(parts: list[TextPart]) -> Iterator[tuple[TextPart, int, str, bool]]:
    """The plan's titles: the metadata title, and among the first lines before the first heading,
    a notice title (`…关于印发…的通知`) or a plan title standing alone (`…实施方案`)."""
    for part in parts:
        if part.part == "meta" and part.field == "title":
            yield part, 0, part.text, True
    seen = 0
    for part in parts:
        if part.part in ("heading", "body") or part.headings:
            return
        if part.part == "meta":
            continue
        for pos, line in _lines(part):
            text = line.strip()
            seen += bool(text)
            if seen > 12 or not text or text.startswith(_NOT_TITLE_START):
                continue
            at = pos + len(line) - len(line.lstrip())
            if _NOTICE_TITLE.match(text):
                yield part, at, text, True
            elif _PLAN_TITLE.match(text):
                yield part, at, text, False


def _title_marks(part: TextPart, at: int, title: str, inside: bool = True) -> list[Finding]:
    out = []
    stripped = title.rstrip("，。；：！？、,.;:!? ")
    if stripped != title:
        tail = title[len(stripped) :]
        out.append(
            _finding(
                part, at + len(stripped), tail, "title_end", t("check.geshi_title_end", mark=tail), "", True
            )
        )
    for m in _TITLE_MARKS.finditer(stripped if inside else ""):
        out.append(
            _finding(
                part, at + m.start(), m.group(), "title_mark", t("check.geshi_title_mark", mark=m.group())
            )
        )
    return out


# -- 附件说明 ----------------------------------------------------------------------------------------


def attachment_item_parts(parts: list[TextPart]) -> set[int]:
    """Parts that are items of a 附件说明 written one per line (`2.考核办法` under `附件：1.…`), which
    a line reader takes for numbered headings."""
    items: set[int] = set()
    after_note = False
    for i, part in enumerate(parts):
        last = part.text.rstrip("\n").split("\n")[-1] if part.text else ""
        if part.level is not None and after_note and _ATTACH_ITEM.match(part.text.strip()):
            items.add(i)
            continue
        after_note = bool(_ATTACH.match(last)) and _is_attachment_note(_ATTACH.match(last).group("rest"))
    return items


def attachment_findings(parts: list[TextPart], items: set[int] | None = None) -> list[Finding]:
    out = []
    items = items or set()
    for i, part in enumerate(parts):
        if i in items:
            out += _attachment_items(part, [(0, part.text.strip())], single_ok=True)
            continue
        if part.part in ("meta", "heading"):
            continue
        lines = list(_lines(part))
        for j, (pos, line) in enumerate(lines):
            label = _ATTACH_LABEL.match(line)
            if label:
                start = pos + line.index("附件")
                new = f"附件{_cn_small(label.group('num'))}"
                out.append(
                    _finding(
                        part,
                        start,
                        line.strip(),
                        "attachment_label",
                        t("check.geshi_attachment_label", old=line.strip(), new=new),
                        new,
                        True,
                    )
                )
                continue
            m = _ATTACH.match(line)
            if m and _is_attachment_note(m.group("rest")):
                listed = [(pos + m.start("rest"), m.group("rest"))] + _following_items(lines[j + 1 : j + 12])
                out += _attachment_items(part, listed, single_ok=i + 1 in items)
    return out


def _following_items(following: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`2.名称` lines under `附件：1.名称` (aligned under the first, as the export lays them out)."""
    found = []
    for line_pos, line in following:
        stripped = line.strip()
        if not _ATTACH_ITEM.match(stripped):
            break
        found.append((line_pos + len(line) - len(line.lstrip()), stripped))
    return found


def _is_attachment_note(rest: str) -> bool:
    return not re.match(r"^[0-9一二三四五六七八九十]+\s*$", rest.strip())  # `附件1` alone is a label


def _attachment_items(part: TextPart, items: list[tuple[int, str]], single_ok: bool) -> list[Finding]:
    out = []
    numbered = [_ATTACH_ITEM.match(text) for _at, text in items]
    for (at, text), item in zip(items, numbered, strict=True):
        name_at, name = (at + item.start("name"), item.group("name")) if item else (at, text)
        if item and item.group("mark") != ".":
            mark_at = at + item.start("mark")
            out.append(
                _finding(
                    part,
                    mark_at,
                    item.group("mark"),
                    "attachment_number",
                    t("check.geshi_attachment_number", old=item.group("num") + item.group("mark").strip()),
                    ".",
                    item.group("mark").strip() != "",
                )
            )
        out += _attachment_name(part, name_at, name.rstrip())
    if len(items) == 1 and numbered[0] and not single_ok:
        out.append(
            _finding(
                part,
                items[0][0],
                numbered[0].group("num") + numbered[0].group("mark"),
                "attachment_single",
                t("check.geshi_attachment_single"),
                severity="info",
            )
        )
    return out


def _attachment_name(part: TextPart, at: int, name: str) -> list[Finding]:
    out = []
    if name.startswith("《") and name.endswith("》") and name.count("《") == 1:
        out.append(
            _finding(
                part, at, name, "attachment_title_marks", t("check.geshi_attachment_book"), name[1:-1], True
            )
        )
    stripped = name.rstrip("，。；：！？、,.;:!?")
    if stripped != name:
        tail = name[len(stripped) :]
        out.append(
            _finding(
                part,
                at + len(stripped),
                tail,
                "attachment_end",
                t("check.geshi_attachment_end", mark=tail),
                "",
                True,
            )
        )
    return out

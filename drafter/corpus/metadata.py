"""Document metadata: title, plan title, issuer, date, 文号, region and administrative level.

`admin_level` and `divisions` live in `regions` (with the gazetteer checks) and are re-exported here.

Sources in order of trust: the `文章属性•【制定机关】…` block some sites add; the notice title
(`X人民政府关于印发《Y》的通知`); the signature (issuer line followed by the date); last, the fields
a site prints in the page head (`来源:… 发布时间:…`, `site_fields`).
"""

from __future__ import annotations

import re

from drafter.corpus.dates import find_dates, parse_date
from drafter.corpus.organs import ORG_SUFFIX
from drafter.corpus.regions import admin_level, divisions, infer_region  # noqa: F401 - re-exported
from drafter.corpus.site_fields import HEAD_CHARS, site_fields
from drafter.corpus.titles import clean_title, find_title
from drafter.model import Document
from drafter.text import lazy_re

_FIELD = lazy_re.compile(r"【(制定机关|公布日期|发文字号|字号|发布部门|成文日期)】\s*([^•【\n]+)")
_NOTICE_WORDS = lazy_re.compile(r"关于|印发|转发")
_PLAN_IN_QUOTES = lazy_re.compile(r"《([^》]{4,80})》|〈([^〉]{4,80})〉")
_TRAILING_NOTE = lazy_re.compile(r"[(（](?:最新|\d+篇|全文)[)）]$")
_INNER_TITLE = lazy_re.compile(r"^[\u4e00-\u9fa5_\d]{4,40}?(?:方案|计划|意见|要点|办法)")
_PLAN_PRINTED = lazy_re.compile(r"(?:印发|转发)(.{4,80}?)的通知")
_SEVERAL_PLANS = lazy_re.compile(r"(?:方案|计划|意见|要点|办法|细则|规划|预案)(?:和|及|与|、)[\u4e00-\u9fa5]")
_DOCNUM = lazy_re.compile(r"([〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）])\s*(\d{1,4})\s*号")
_DOCNUM_STOP = "的知告】:：,，。;；》(（ \u3000"
_ORG = lazy_re.compile(rf"^[\u4e00-\u9fa5()（）]{{2,40}}?{ORG_SUFFIX}")
_WHOLE_ORGAN = lazy_re.compile(rf"^[\u4e00-\u9fa5]{{2,40}}?{ORG_SUFFIX}$")


def extract_metadata(doc: Document, title_hint: str | None, page_head: str = "") -> None:
    fields = dict(_FIELD.findall(doc.text[:3000]))
    doc.title = clean_title(title_hint) if title_hint else find_title(doc.preamble)
    doc.plan_title = _plan_title(doc.title, doc.preamble)
    issuer_sig, date_sig = _signature(doc.text)
    doc.issuer = _clean_field(fields.get("制定机关") or fields.get("发布部门")) or issuer_sig or _issuer_from_title(doc.title)
    doc.date = parse_date(fields.get("公布日期") or fields.get("成文日期") or "") or date_sig or _first_date(doc.text)
    doc.doc_number = normalise_doc_number(fields.get("发文字号") or fields.get("字号") or "") or _doc_number(doc)
    _from_page_head(doc, page_head[-HEAD_CHARS:])  # what stands just above it, not a whole site's menu
    doc.region = infer_region(doc)
    doc.level = admin_level(doc.region)


def _from_page_head(doc: Document, head: str) -> None:
    """The last resorts for what the document's fields, signature and title leave unsaid: its 版头
    (the organ, and the 文号 above the title) and the fields its site printed."""
    doc.issuer = doc.issuer or _masthead_issuer(f"{head[-_MASTHEAD_CHARS:]}\n{doc.text[:_MASTHEAD_CHARS]}")
    doc.doc_number = doc.doc_number or _masthead_number(head)
    if not (doc.issuer and doc.date and doc.doc_number):
        _from_site_fields(doc, head)


_MASTHEAD_CHARS = 600  # the 版头 opens the document: its first lines
_MASTHEAD = lazy_re.compile(
    rf"^[ \u3000]*([\u4e00-\u9fa5()（）]{{2,40}}?{ORG_SUFFIX})[ \u3000]*\n*[ \u3000]*文[ \u3000]*件[ \u3000]*$", re.MULTILINE
)


def _masthead_issuer(head: str) -> str | None:
    """The organ of a 版头 `X人民政府文件` (GB/T 9704 §7.2.4: its full name or short form + 文件),
    also when a scrape broke it into `X` and `文件` on lines of their own."""
    m = _MASTHEAD.search(head)
    return m.group(1) if m else None


_LONE_NUMBER = lazy_re.compile(r"^[\u4e00-\u9fa5]{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$")


def _masthead_number(page_head: str) -> str | None:
    """A 发文字号 alone on its line just above the title (under the 版头, §7.2.5) when the page
    split the document after it: only the head's last lines, never a citation in the site's chrome."""
    lines = [line.strip(" \u3000") for line in page_head.split("\n") if line.strip(" \u3000")]
    for line in reversed(lines[-4:]):
        if _LONE_NUMBER.match(line):
            return normalise_doc_number(line)
    return None


def _from_site_fields(doc: Document, page_head: str) -> None:
    """What the document itself does not say, from the fields its site printed (`site_fields`) in
    the page head around it or in its own first lines."""
    site = site_fields(f"{page_head}\n{doc.text[:HEAD_CHARS]}", 2 * HEAD_CHARS + 1)
    doc.issuer = doc.issuer or site.issuer
    doc.date = doc.date or site.written or site.published
    doc.doc_number = doc.doc_number or normalise_doc_number(site.doc_number or "")


def _clean_field(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _plan_title(title: str | None, preamble: str) -> str | None:
    if not title:
        return None
    m = _PLAN_IN_QUOTES.search(title) or _PLAN_PRINTED.search(title)
    plan = next(g for g in m.groups() if g).strip() if m else _excerpt_plan_title(title, preamble)
    if plan and _SEVERAL_PLANS.search(plan):
        return None  # `印发A方案和B方案的通知`: a cover notice for several plans names no single plan
    return plan if plan and plan != title else None


def _excerpt_plan_title(title: str, preamble: str) -> str | None:
    """`X(2篇)` whose text opens `X____年Y方案一、…`: the plan inside is Y's title, else X."""
    base = _TRAILING_NOTE.sub("", title)
    if base == title:
        return None
    for line in preamble.split("\n")[:3]:
        if line.startswith(base) and line != title:
            inner = _INNER_TITLE.match(line[len(base) :])
            return inner.group(0) if inner else base
    return base


def _issuer_from_title(title: str | None) -> str | None:
    if not title:
        return None
    m = _NOTICE_WORDS.search(title)
    prefix = title[: m.start()] if m else ""
    prefix = prefix.strip(" \u3000")
    return prefix if _ORG.match(prefix) else None


def _signature(text: str) -> tuple[str | None, str | None]:
    """The first `issuer + date` pair: the notice's or the plan's signature."""
    for start, end, iso in find_dates(text):
        before = text[max(0, start - 120) : start]
        issuer = _org_before(before)
        if issuer:
            return issuer, iso
    return None, None


def _org_before(before: str) -> str | None:
    # The issuer is the line (or line tail) right before the date, maybe with a 代章 line between.
    # Blank lines between them do not matter; `运城市人民政府2015年11月26日` (same line) works too.
    lines = [ln.strip() for ln in before.split("\n") if ln.strip()]
    for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
        candidate = lines[i]
        if "代章" in candidate:
            continue
        tail = re.split(r"[。;；:：!！?？,，、“”《》]", candidate)[-1].strip()
        m = re.search(rf"[\u4e00-\u9fa5]{{2,40}}?{ORG_SUFFIX}$", tail)
        if m:
            return "、".join([*_joint_signers(lines[:i]), m.group(0)])
        return None
    return None


def _joint_signers(lines: list[str]) -> list[str]:
    """The organs signing above the last one, each alone on its line (联合行文: `中共浙江省委办公厅` over
    `浙江省人民政府办公厅`), top first; none when the line above is text."""
    signers: list[str] = []
    for line in reversed(lines[-3:]):
        if not _WHOLE_ORGAN.match(line):
            break
        signers.insert(0, line)
    return signers


def _first_date(text: str) -> str | None:
    for start, end, iso in find_dates(text):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end != -1 else len(text)].strip()
        if line == text[start:end].strip():  # a date standing alone on its line
            return iso
    return None


def normalise_doc_number(value: str) -> str | None:
    """`洪府发[2017]32号`, `〔2011]`, `（2011）` → `〔2017〕`: the brackets GB/T 9704 prescribes."""
    m = _DOCNUM.search(value or "")
    if not m:
        return None
    prefix = _docnum_prefix(value[: m.start()])
    year = re.sub(r"\D", "", m.group(1))
    return f"{prefix}〔{year}〕{m.group(2)}号" if prefix else None


def _docnum_prefix(before: str) -> str:
    chars = []
    for ch in reversed(before[-12:]):
        if not "\u4e00" <= ch <= "\u9fff" or ch in _DOCNUM_STOP:
            break
        chars.append(ch)
    return "".join(reversed(chars))[-8:]


def _doc_number(doc: Document) -> str | None:
    """The notice's own 文号: in the header, not a citation `《…》(国办发〔2015〕38号)`."""
    head = "\n".join([doc.title or "", doc.preamble])[:1500]
    for m in _DOCNUM.finditer(head):
        prefix = _docnum_prefix(head[: m.start()])
        before = head[max(0, m.start() - len(prefix) - 1) : m.start() - len(prefix)]
        if prefix and before not in ("(", "（", "》", "、") and not _inside_parens(head, m.start()):
            return normalise_doc_number(head[m.start() - len(prefix) : m.end()])
    return None


def _inside_parens(text: str, pos: int) -> bool:
    opened = max(text.rfind("(", 0, pos), text.rfind("（", 0, pos))
    closed = max(text.rfind(")", 0, pos), text.rfind("）", 0, pos))
    return opened > closed

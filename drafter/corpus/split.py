"""Split one cleaned file into its documents.

Scraped pages hold one plan, a notice wrapping a plan, or many excerpts (a doc-sharing page). A
document starts at a title line (`…关于印发…的通知`, `…实施方案`) that the next line repeats (excerpt
pages), at a notice title once a document is open, at the page title where the page's own text
finally comes, and at a drafting explanation or a policy reading (`一、起草背景`, `关于《…》的起草说明`,
`《…》政策解读`) that follows a plan. A plan that the open document's notice names (`现将《A》《B》印发给你们`)
opens no document of its own, and a title printed twice in a row is one title.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from drafter.corpus.titles import clean_title, is_title_shaped, join_broken_title, squeeze
from drafter.corpus.toc import toc_from, toc_lines
from drafter.text import lazy_re

_NOTICE_END = lazy_re.compile(r"(?:通知|公告|决定|通报|批复|函)$")
_TRAILING_NOTE = lazy_re.compile(
    r"[(（][^()（）]{0,6}(?:最新|\d+篇|[一二三四五六七八九十]篇|征求意见稿|试行|草案|全文|修订)[^()（）]{0,4}[)）]$"
)
_EXPLANATION = lazy_re.compile(r"^一、\s*(?:起草背景|起草说明|起草过程|编制说明|起草依据|政策解读|制定背景)")
_TITLE_LINE_MAX = 160  # a 90-character title with its scraper's wrapping (文号, tags, breadcrumbs)
_REAL_TEXT = lazy_re.compile(r"[。，,；;]")
# A drafting explanation or a policy reading that follows its plan is a document of its own.
_OWN_TYPE = lazy_re.compile(r"起草说明|编制说明|修订说明|政策解读|解读$|答记者问")
# A line ending with one of these is no title: `clean_title` only takes text off a line's start, or
# a wrapping that ends in none of them, so the cleaned line ends with it too, and a title ends with
# its 文种 (`TITLE_END`). Most lines are sentences: this spares cleaning them (a fifth of splitting).
_SENTENCE_MARKS = tuple("。；;，,：:！!？?、")


@dataclass
class DocSpan:
    start: int
    end: int
    text: str
    title: str | None
    # The table-of-contents lines (indexes among the text's non-blank lines) when splitting could
    # tell them (the file's last document): outlining need not look for them again.
    toc: set[int] | None = None


def is_title_line(line: str) -> bool:
    """A line that holds a document title (after the scraper's wrapping is taken off)."""
    if len(line) > _TITLE_LINE_MAX or line.rstrip().endswith(_SENTENCE_MARKS):
        return False
    return is_title_shaped(clean_title(line))


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def split_documents(text: str) -> list[DocSpan]:
    lines = [(pos, ln) for pos, ln in _lines(text) if ln.strip()]
    toc = toc_lines([ln for _, ln in lines])
    starts: list[tuple[int, str | None]] = []
    page_titles: set[str] = set()
    seen_first_heading = False
    consumed: set[int] = set()  # second lines of titles set over two lines
    for i, (pos, line) in enumerate(lines):
        stripped = line.strip()
        nxt = lines[i + 1][1].strip() if i + 1 < len(lines) else ""
        if starts and _EXPLANATION.match(stripped) and seen_first_heading:
            starts.append((pos, "起草说明"))
            seen_first_heading = False
            continue
        if stripped.startswith("一、") and i not in toc:
            seen_first_heading = True
        if i in toc or i in consumed or not is_title_line(stripped):
            continue
        title = clean_title(stripped)
        tail = _title_tail(title, nxt)
        if tail:  # `关于印发…三年行动计划` / `(2023—2025年)的通知`: one title over two lines
            title, nxt = tail, lines[i + 2][1].strip() if i + 2 < len(lines) else ""
            consumed.add(i + 1)
        if starts and seen_first_heading and stripped.startswith("《") and stripped.endswith("》"):
            continue  # `《健康大连建设行动(2017-2020年)的通知》` under `二、审定依据`: a citation
        head = join_broken_title(lines[i - 1][1], stripped) if i else None
        if head and not starts and not _has_real_text(lines[: i - 1]):
            pos, title = lines[i - 1][0], head  # `株洲市卫生健康委员会2024年` / `卫生健康工作要点`
        repeated = nxt.startswith(_TRAILING_NOTE.sub("", title)) and nxt != stripped
        if not starts:
            if is_title_line(nxt) and not repeated and not _same_title(title, nxt):
                page_titles.add(title)  # the page's own title; its text comes later
                continue
            real = [ln for j, ln in enumerate(lines[:i]) if j not in toc]
            if _has_real_text(real):  # the file opens mid-notice: this title is the plan's
                starts.append((0, None))
            else:
                starts.append((pos, title))
        elif seen_first_heading and _OWN_TYPE.search(title):
            starts.append((pos, title))  # a 起草说明 or 解读 after the plan it explains
            seen_first_heading = False
        elif _opens_document(title, repeated, page_titles, starts) and not _announced(title, text, starts, pos):
            if _printed_again(title, starts, lines[:i]):
                continue  # the page header printed the title, then site chrome, then the title again
            starts.append((pos, title))
            seen_first_heading = False
    if not starts:
        return [DocSpan(0, len(text), text, None, toc)] if text.strip() else []
    spans = _spans(text, starts)
    first_line = bisect.bisect_left([pos for pos, _ in lines], starts[-1][0])
    spans[-1].toc = toc_from([ln for _, ln in lines], toc, first_line)
    return spans


def _opens_document(title: str, repeated: bool, page_titles: set[str], starts: list) -> bool:
    return repeated or title in page_titles or bool(_NOTICE_END.search(title)) and not _current_names(title, starts)


def _announced(title: str, text: str, starts: list[tuple[int, str | None]], pos: int) -> bool:
    """A plan the open document's notice hands on (`现将《A》《B》印发给你们`) is part of it, not a new one.

    A cover notice may announce several plans; each one's title line then opens no document.
    """
    opened = starts[-1][0]
    core = squeeze(_TRAILING_NOTE.sub("", title))
    if len(core) < 6:
        return False
    named = {squeeze(_TRAILING_NOTE.sub("", q)) for q in re.findall(r"《([^《》]{4,90})》", text[opened:pos])}
    return core in named


def _title_tail(title: str, nxt: str) -> str | None:
    """`title` + `nxt` when `nxt` only finishes it: a bracketed period or note and the notice word
    (`(2023—2025年)的通知`), or `的通知` alone."""
    if not re.match(r"^(?:[(（][^()（）]{1,24}[)）])*\s*[》〉]?\s*的?(?:通知|通告|公告|意见|决定)$|^[(（][^()（）]{1,24}[)）]$", nxt):
        return None
    joined = clean_title(title + nxt)
    return joined if is_title_line(joined) else None


def _printed_again(title: str, starts: list[tuple[int, str | None]], before: list[tuple[int, str]]) -> bool:
    """The open document is this same title with nothing of its own yet (`时间:` / `推荐文章` lines)."""
    opened, current = starts[-1]
    if current is None or not _same_title(current, title):
        return False
    return not _has_real_text([(p, ln) for p, ln in before if p > opened])


def _same_title(title: str, line: str) -> bool:
    # The same title printed twice (in the page header and in the 红头), perhaps with a 文号, 《》 or
    # a site's `(精选3篇)`.
    def core(t: str) -> str:
        return squeeze(_TRAILING_NOTE.sub("", clean_title(t)))

    return core(line) == core(title)


def _has_real_text(lines: list[tuple[int, str]]) -> bool:
    # Navigation junk before the first title belongs to no document; a notice body does (001).
    return any(len(ln.strip()) >= 20 and _REAL_TEXT.search(ln) for _, ln in lines)


def _current_names(title: str, starts: list[tuple[int, str | None]]) -> bool:
    # A notice title that merely repeats the open document's title is not a new document.
    current = starts[-1][1] or ""
    return squeeze(title) == squeeze(current) or squeeze(title) in squeeze(current)


def _spans(text: str, starts: list[tuple[int, str | None]]) -> list[DocSpan]:
    spans = []
    for k, (start, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        spans.append(DocSpan(start, end, text[start:end].strip("\n"), title))
    return spans

"""Split one cleaned file into its documents.

Scraped pages hold one plan, a notice wrapping a plan, or many excerpts (a doc-sharing page). A
document starts at a title line (`…关于印发…的通知`, `…实施方案`) that the next line repeats (excerpt
pages), at a notice title once a document is open, at the page title where the page's own text
finally comes, and at a drafting explanation (`一、起草背景`) that follows a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.corpus.headings import MARKER_RE

_TITLE_END = re.compile(
    r"(?:通知|公告|决定|意见|方案|计划|要点|办法|规划|任务|安排|细则|通报|批复|报告|说明|规定|措施)$"
)
_NOTICE_END = re.compile(r"(?:通知|公告|决定|通报|批复|函)$")
_TRAILING_NOTE = re.compile(r"[(（](?:最新|\d+篇|征求意见稿|试行|草案|全文)[)）]$")
_SCRAPER_SUFFIX = re.compile(r"\s*[-－—]+\s*(?:[\u4e00-\u9fa5]{1,10}[〔\[［]\d{4}[〕\]］]\d{1,4}号)?\s*$")
_EXPLANATION = re.compile(r"^一、\s*(?:起草背景|起草说明|起草过程|编制说明|起草依据|政策解读|制定背景)")
_REAL_TEXT = re.compile(r"[。，,；;]")


@dataclass
class DocSpan:
    start: int
    end: int
    text: str
    title: str | None


def clean_title(line: str) -> str:
    """A title line without the scraper's trailing `-` or `-荆政办文〔2017〕24号`."""
    return _SCRAPER_SUFFIX.sub("", line.strip())


def is_title_line(line: str) -> bool:
    t = clean_title(line)
    if not 5 <= len(t) <= 90 or MARKER_RE.match(t):
        return False
    core = _TRAILING_NOTE.sub("", t)
    outside_quotes = re.sub(r"《[^》]*》|〈[^〉]*〉", "", core)
    if re.search(r"[。，,；;:：!！?？]", outside_quotes):
        return False
    return bool(_TITLE_END.search(core))


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def split_documents(text: str) -> list[DocSpan]:
    lines = [(pos, ln) for pos, ln in _lines(text) if ln.strip()]
    starts: list[tuple[int, str | None]] = []
    page_titles: set[str] = set()
    seen_first_heading = False
    for i, (pos, line) in enumerate(lines):
        stripped = line.strip()
        nxt = lines[i + 1][1].strip() if i + 1 < len(lines) else ""
        if starts and _EXPLANATION.match(stripped) and seen_first_heading:
            starts.append((pos, "起草说明"))
            seen_first_heading = False
            continue
        if stripped.startswith("一、"):
            seen_first_heading = True
        if not is_title_line(stripped):
            continue
        title = clean_title(stripped)
        repeated = nxt.startswith(_TRAILING_NOTE.sub("", title)) and nxt != stripped
        if not starts:
            if is_title_line(nxt) and not repeated:
                page_titles.add(title)  # the page's own title; its text comes later
                continue
            if _has_real_text(lines[:i]):  # the file opens mid-notice: this title is the plan's
                starts.append((0, None))
            else:
                starts.append((pos, title))
        elif repeated or title in page_titles or (_NOTICE_END.search(title) and not _current_names(title, starts)):
            starts.append((pos, title))
            seen_first_heading = False
    if not starts:
        return [DocSpan(0, len(text), text, None)] if text.strip() else []
    return _spans(text, starts)


def _has_real_text(lines: list[tuple[int, str]]) -> bool:
    # Navigation junk before the first title belongs to no document; a notice body does (001).
    return any(len(ln.strip()) >= 20 and _REAL_TEXT.search(ln) for _, ln in lines)


def _current_names(title: str, starts: list[tuple[int, str | None]]) -> bool:
    # A notice title that merely repeats the open document's title is not a new document.
    current = starts[-1][1] or ""
    return title == current or title in current


def _spans(text: str, starts: list[tuple[int, str | None]]) -> list[DocSpan]:
    spans = []
    for k, (start, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        spans.append(DocSpan(start, end, text[start:end].strip("\n"), title))
    return spans

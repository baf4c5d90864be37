"""HTML in scraped text: junk elements, empty-tag junk lines, tags (block elements → line breaks),
entities. Tags are only ever ASCII-named: `<省深化…实施意见>` is a Chinese title in angle brackets.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from drafter.text import lazy_re
from drafter.text.edits import Edit, regex_edits

_TAG = r"<(?:/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?|![A-Za-z][^<>]*|\?[^<>]*\?)>"
TAG_RE = lazy_re.compile(_TAG)
_JUNK_ELEMENTS = "script|style|noscript|template|head|iframe|svg|select|button|nav"
JUNK_ELEMENT_RE = lazy_re.compile(
    rf"<!--.*?-->|<({_JUNK_ELEMENTS})\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
# A line that is nothing but tags, maybe after a list marker (`  1. <blockquote …></blockquote>`).
JUNK_LINE_RE = lazy_re.compile(
    rf"^[ \t\u3000]*(?:[•·●\-*]|\d{{1,3}}[.、)])?[ \t\u3000]*(?:{_TAG}[ \t\u3000]*)+(?:\n|\Z)", re.MULTILINE
)
_BLOCKS = (
    "p|div|br|li|ul|ol|dl|dt|dd|tr|table|tbody|thead|h[1-6]|section|article|header|footer|"
    "blockquote|pre|hr|center|title|form|fieldset|address|figure|figcaption|main|aside"
)
BLOCK_TAG_RE = lazy_re.compile(rf"</?(?:{_BLOCKS})\b", re.IGNORECASE)
CELL_TAG_RE = lazy_re.compile(r"</?t[dh]\b", re.IGNORECASE)
# Entities, including double-escaped chains (`&amp;lt;`), decoded in one go so cleaning is idempotent.
ENTITY_RE = lazy_re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
HTML_DOCUMENT_RE = lazy_re.compile(
    r"\A\s*(?:<!DOCTYPE\s+html|<html\b|<\?xml[^>]*>\s*<html\b)|<body\b", re.IGNORECASE
)
_CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# Source line breaks in an HTML document are just spaces (none between two Chinese characters).
HTML_SOURCE_BREAK_RE = lazy_re.compile(r"[ \t\r]*\n\s*")
CJK_RE = lazy_re.compile(f"[{_CJK}]")


def looks_like_html_document(text: str) -> bool:
    head = text[:4096]
    return "<" in head and bool(HTML_DOCUMENT_RE.search(head))  # the regex is tried at every character


def remove_junk_elements(text: str) -> list[Edit]:
    """Comments and elements whose content is never plan text (script, style, head, nav…)."""
    return regex_edits(JUNK_ELEMENT_RE, text, "", "html")


def join_source_lines(text: str) -> list[Edit]:
    """In an HTML document, line breaks come from block elements, not from the source layout."""

    # `regex_edits(HTML_SOURCE_BREAK_RE, text, joined)` made in one comprehension: a page has thousands
    edits = []
    for m in HTML_SOURCE_BREAK_RE.finditer(text):
        new = "" if _between_cjk(text, m) else " "
        if new != m.group():
            edits.append(Edit(m.start(), m.end(), new))
    return edits


def _between_cjk(text: str, m: re.Match[str]) -> bool:
    start, end = m.span()
    return 0 < start and end < len(text) and _is_cjk(text[start - 1]) and _is_cjk(text[end])


def _is_cjk(ch: str) -> bool:
    """`CJK_RE.match(ch)`, compared directly (a regex call costs more than the comparisons)."""
    return (
        "\u3000" <= ch <= "\u303f"
        or "\u3400" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\uff00" <= ch <= "\uffef"
    )


def remove_junk_lines(text: str) -> list[Edit]:
    """Lines of nothing but (empty) tags, like the injected junk at the top of some scraped pages."""
    if "<" not in text:  # no tag, no junk line (the `^` pattern is tried at every character)
        return []
    return regex_edits(JUNK_LINE_RE, text, "", "html")


def strip_tags(text: str) -> list[Edit]:
    """Every tag removed; block elements become a line break, table cells a space."""

    # `regex_edits(TAG_RE, text, replacement, "html")` in one comprehension: a page has thousands of tags
    return [
        Edit(m.start(), m.end(), new, "html")
        for m in TAG_RE.finditer(text)
        if (new := tag_replacement(tag := m.group())) != tag
    ]


@lru_cache(maxsize=4096)  # a page repeats its tags (`<p>`, `</td>` …) hundreds of times
def tag_replacement(tag: str) -> str:
    """What a tag becomes: a block element a line break, a table cell a space, any other nothing."""
    if BLOCK_TAG_RE.match(tag):
        return "\n"
    if CELL_TAG_RE.match(tag):
        return " "
    return ""


def decode_entities(text: str) -> list[Edit]:
    """`&nbsp;` → no-break space (normalised later), `&lt;` → `<`, `&#20013;` → 中 …"""

    def decoded(m: re.Match[str]) -> str | None:
        out = m.group()
        for _ in range(out.count("&amp;") + 1):
            out = html.unescape(out)
        return None if out == m.group() else out

    return regex_edits(ENTITY_RE, text, decoded, "html")

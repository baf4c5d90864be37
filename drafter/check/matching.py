"""Finding a rule's wording in a text part, with the context tests every data-driven rule shares."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_CLAUSE_END = "，。；！？\n,;!?"
_TITLE = re.compile(r"《[^《》\n]{1,150}》")


@lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def clause_around(text: str, start: int, end: int) -> str:
    """The clause holding text[start:end]: from the previous ，。；！？ or line break to the next."""
    left = max((text.rfind(c, 0, start) for c in _CLAUSE_END), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in _CLAUSE_END) if i != -1]
    return text[left : min(rights) if rights else len(text)]


def sentence_around(text: str, start: int, end: int) -> str:
    ends = "。；！？\n;!?"
    left = max((text.rfind(c, 0, start) for c in ends), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in ends) if i != -1]
    return text[left : min(rights) if rights else len(text)]


def title_spans(text: str) -> list[tuple[int, int]]:
    """Where 《…》 document titles stand (a cited title is quoted as it was, not the plan's wording)."""
    return [(m.start(), m.end()) for m in _TITLE.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def rule_matches(text: str, entry: dict, skip_titles: bool = True) -> Iterator[re.Match[str]]:
    """Matches of `entry["pattern"]` in `text` that its skip tests (before, after, clause) let through."""
    pattern = entry.get("pattern")
    if not pattern:
        return
    before = compiled(f"(?:{entry['skip_before']})$") if entry.get("skip_before") else None
    after = compiled(f"^(?:{entry['skip_after']})") if entry.get("skip_after") else None
    clause = compiled(entry["skip_clause"]) if entry.get("skip_clause") else None
    titles = title_spans(text) if skip_titles else []
    for m in compiled(pattern).finditer(text):
        if not m.group():
            continue
        if titles and inside(titles, m.start(), m.end()):
            continue
        if before and before.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        if after and after.search(text[m.end() : m.end() + 8]):
            continue
        if clause and clause.search(clause_around(text, m.start(), m.end())):
            continue
        yield m

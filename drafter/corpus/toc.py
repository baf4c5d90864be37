"""Tables of contents: a plan's outline printed before the plan, which is not a second set of headings.

A 目录/提纲 block is a run of lines that hold nothing but a numbered title (perhaps with dot leaders
and a page number), whose titles come again later as the real headings. Either sign alone is not
enough: a plan may open with `一、总体要求` / `(一)指导思想` on two bare lines, and a TOC may list
parts the excerpt never reaches, so a run counts when it has at least three titles and either an
explicit 目录/提纲 label or titles that recur below it.
"""

from __future__ import annotations

import re

from drafter.corpus.headings import match_marker
from drafter.corpus.titles import squeeze
from drafter.text import lazy_re

_LABEL = lazy_re.compile(r"^[\s【\[]*(?:目录/提纲|目\s*录|提\s*纲|内容提要)[\s】\]:：…\.·]*")
_FILLER = lazy_re.compile(r"^[\s.…·。\-—_]*$")
_LEADER_CHARS = ".…·_-—"
_MIN_TITLES = 3
_SENTENCE_END = lazy_re.compile(r"[。;；!！?？]")


def _bare_title(line: str) -> str | None:
    """The title of a line that holds only a numbered title, else None."""
    m = match_marker(line)
    if not m:
        return None
    title = _strip_leaders(line[m.end() :])
    if not 2 <= len(title) <= 40 or _SENTENCE_END.search(title):
        return None
    return title


def _strip_leaders(title: str) -> str:
    # `发展基础……………1`: dot leaders and the page number after a TOC entry.
    bare = title.rstrip(" \u3000")
    unnumbered = bare.rstrip("0123456789 \u3000")
    if unnumbered != bare and unnumbered.endswith(_LEADER_CHARS) or unnumbered == bare:
        bare = unnumbered.rstrip(_LEADER_CHARS + " \u3000")
    return bare.strip(" \u3000")


def toc_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines (in `lines`) that form a table of contents."""
    bare = [_bare_title(line.strip()) for line in lines]
    heads: list[str | None] = []  # every line's heading title, found only when a run needs them
    found: set[int] = set()
    i = 0
    while i < len(lines):
        if bare[i] is None and not _may_open_run(lines[i]):
            i += 1  # what `_run_at` would find at once: a line of text opens no run
            continue
        run, titles, labelled = _run_at(lines, bare, i)
        if len(titles) >= _MIN_TITLES and not labelled and not heads:
            heads = [b or _head_title(line) for b, line in zip(bare, lines)]
        if len(titles) >= _MIN_TITLES and (labelled or _recurs(titles, heads[run[-1] + 1 :])):
            found.update(run)
        i = (run[-1] + 1) if run else i + 1
    return found


def toc_from(lines: list[str], toc: set[int], k: int) -> set[int] | None:
    """`toc_lines(lines[k:])`, from `toc = toc_lines(lines)`, when no run can cross line k (a line
    of text, which ends any run: the scan then stands at k in both); else None. A TOC's recurrence
    is judged on the lines below it, which are the same."""
    line = lines[k].strip()
    if k and (not line or _FILLER.match(line) or _bare_title(line) is not None):
        return None
    return {i - k for i in toc if i >= k}


def _may_open_run(line: str) -> bool:
    """Blank, filler or a 目录 label: `_run_at` looks on (a line without a bare title stops it)."""
    line = line.strip()
    return not line or bool(_FILLER.match(line) or _LABEL.match(line))


def _run_at(lines: list[str], bare: list[str | None], start: int) -> tuple[list[int], list[str], bool]:
    run: list[int] = []
    titles: list[str] = []
    labelled = False
    for j in range(start, len(lines)):
        line = lines[j].strip()
        if not line or _FILLER.match(line):
            if run:
                run.append(j)
            continue
        label = _LABEL.match(line)
        title = bare[j]
        if label and not run:
            labelled = True
            run.append(j)
            rest = line[label.end() :]
            if not rest or _FILLER.match(rest):
                continue
            title = _bare_title(rest)
        if title is None:
            break
        run.append(j)
        titles.append(title)
    while run and not lines[run[-1]].strip():
        run.pop()
    return run, titles, labelled


def _recurs(titles: list[str], later_heads: list[str | None]) -> bool:
    # Most of the run's titles come again below it as headings of their own — or, in an excerpt that
    # stops early, at least its first two (the plan's outline starts where the TOC does).
    later = {squeeze(t) for t in later_heads if t}
    titles = [squeeze(t) for t in titles]
    again = sum(1 for t in titles if t in later)
    return again >= 2 and (again * 2 >= len(titles) or titles[0] in later and titles[1] in later)


def _head_title(line: str) -> str | None:
    # A heading with its body on the same line: `一、指导思想。以…` → 指导思想.
    m = match_marker(line.strip())
    if not m:
        return None
    return re.split(r"[。,，:：]", line.strip()[m.end() :], maxsplit=1)[0].strip(" \u3000") or None

"""Tables of contents: a plan's outline printed before the plan, which is not a second set of headings.

A 目录/提纲 block is a run of lines that hold nothing but a numbered title (perhaps with dot leaders
and a page number), whose titles come again later as the real headings. Either sign alone is not
enough: a plan may open with `一、总体要求` / `(一)指导思想` on two bare lines, and a TOC may list
parts the excerpt never reaches, so a run counts when it has at least three titles and either an
explicit 目录/提纲 label or titles that recur below it.
"""

from __future__ import annotations

import re

from drafter.corpus.headings import MARKER_RE
from drafter.corpus.titles import squeeze

_LABEL = re.compile(r"^[\s【\[]*(?:目录/提纲|目\s*录|提\s*纲|内容提要)[\s】\]:：…\.·]*")
_FILLER = re.compile(r"^[\s.…·。\-—_]*$")
_LEADERS = re.compile(r"[\s.…·_\-—]*\d*\s*$")
_MIN_TITLES = 3


def _bare_title(line: str) -> str | None:
    """The title of a line that holds only a numbered title, else None."""
    m = MARKER_RE.match(line)
    if not m:
        return None
    title = _LEADERS.sub("", line[m.end() :]).strip(" \u3000")
    if not 2 <= len(title) <= 40 or re.search(r"[。;；!！?？]", title):
        return None
    return title


def toc_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines (in `lines`) that form a table of contents."""
    found: set[int] = set()
    i = 0
    while i < len(lines):
        run, titles, labelled = _run_at(lines, i)
        if len(titles) >= _MIN_TITLES and (labelled or _recurs(titles, lines, run[-1] + 1)):
            found.update(run)
        i = (run[-1] + 1) if run else i + 1
    return found


def _run_at(lines: list[str], start: int) -> tuple[list[int], list[str], bool]:
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
        if label and not run:
            labelled = True
            run.append(j)
            rest = line[label.end() :]
            if not rest or _FILLER.match(rest):
                continue
            line = rest
        title = _bare_title(line)
        if title is None:
            break
        run.append(j)
        titles.append(title)
    while run and not lines[run[-1]].strip():
        run.pop()
    return run, titles, labelled


def _recurs(titles: list[str], lines: list[str], after: int) -> bool:
    # Most of the run's titles come again below it as headings of their own — or, in an excerpt that
    # stops early, at least its first two (the plan's outline starts where the TOC does).
    later = {squeeze(t) for line in lines[after:] if (t := _bare_title(line.strip()) or _head_title(line))}
    titles = [squeeze(t) for t in titles]
    again = sum(1 for t in titles if t in later)
    return again >= 2 and (again * 2 >= len(titles) or titles[0] in later and titles[1] in later)


def _head_title(line: str) -> str | None:
    # A heading with its body on the same line: `一、指导思想。以…` → 指导思想.
    m = MARKER_RE.match(line.strip())
    if not m:
        return None
    return re.split(r"[。,，:：]", line.strip()[m.end() :], maxsplit=1)[0].strip(" \u3000") or None


"""Layout: line breaks, invisible characters, separator runs, bullets, spaces and blank lines.

Line structure is kept (the splitter needs it): only blank-line runs are collapsed.
"""

from __future__ import annotations

import re

from drafter.text import lazy_re
from drafter.text.edits import Edit, regex_edits

LINE_BREAK_RE = lazy_re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Zero-width characters, bidi marks and embeddings (RTL marks …), invisible operators, and C0/C1
# controls other than tab and newline: never plan text, and they hide tags and pinyin from the rules.
# Written `XX*`, not `X+`: a pattern that opens with a character class lets `re` skip to where that
# class matches; one that opens with a repeat is tried at every character (2.5× slower on a plan).
INVISIBLE_CLASS = r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\u180e\ufeff\u00ad"
_INVISIBLE = f"[{INVISIBLE_CLASS}]"
INVISIBLE_RE = lazy_re.compile(f"{_INVISIBLE}{_INVISIBLE}*")
CONTROL_CLASS = r"\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
_CONTROL = f"[{CONTROL_CLASS}]"
CONTROL_RE = lazy_re.compile(f"{_CONTROL}{_CONTROL}*")
# Separator runs: `-----`, `=====`, `*****`, box-drawing lines. `——` (a Chinese dash) is too short.
SEPARATOR_RE = lazy_re.compile(r"(?=[-=*～~─━—═])(?:-{5,}|={5,}|\*{5,}|～{5,}|~{5,}|[─━—]{6,}|[═]{3,})")
_SPACE = "[ \\t\\u3000\\xa0\\u2000-\\u200a\\u202f\\u205f\\u1680\\x0b\\x0c]"
# The same characters as a string, for `str.strip`.
_SPACE_CHARS = " \t\u3000\xa0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u1680\x0b\x0c"
_BULLET = "[•·●▪■◆◇►▶‧∙・◦]"
BULLET_RE = lazy_re.compile(rf"^{_SPACE}*(?:{_BULLET}[ \t\u3000\xa0]*)+", re.MULTILINE)
_BULLET_RE = lazy_re.compile(_BULLET)  # no bullet character, no bullet (found faster than by `^…`)
# Whitespace at a line's ends, or runs inside a line (kept as one plain space).
EDGE_SPACE_RE = lazy_re.compile(rf"^{_SPACE}+|{_SPACE}+$", re.MULTILINE)
# A space character before a line break, or a line break before one (the first character named
# outside any lookaround, so `re` skips to the candidates).
_SPACE_BY_BREAK = lazy_re.compile(rf"[{_SPACE[1:-1]}\n](?:(?<=\n)(?={_SPACE})|(?<!\n)(?=\n))")
INNER_SPACE_RE = lazy_re.compile(rf"{_SPACE}+")
_ODD_SPACE_RE = lazy_re.compile(_SPACE.replace("[ ", "[", 1))  # a space character other than the plain space
# A text holding none of these holds no SEPARATOR_RE run (a run of ─━— without ─ and ━ is ———…).
_SEPARATOR_PIECES = ("-----", "=====", "*****", "～～～～～", "~~~~~", "─", "━", "———", "═══")
BLANK_RUN_RE = lazy_re.compile(r"\n(?:[ \t]*\n)+")


def normalise_line_breaks(text: str) -> list[Edit]:
    if not any(mark in text for mark in "\r\u2028\u2029\x85"):  # the usual case, found 20× faster
        return []
    return regex_edits(LINE_BREAK_RE, text, "\n")


def remove_invisible(text: str) -> list[Edit]:
    """Zero-width characters and soft hyphens (each reported: they are not whitespace)."""
    return regex_edits(INVISIBLE_RE, text, "", "invisible")


def remove_controls(text: str) -> list[Edit]:
    """Control codes other than tab and newline."""
    return regex_edits(CONTROL_RE, text, "", "control")


def split_separators(text: str) -> list[Edit]:
    """A separator run becomes a line break (`正文:-----标题` → `正文:` / `标题`)."""
    if not any(piece in text for piece in _SEPARATOR_PIECES):  # the usual case, found 3× faster
        return []
    return regex_edits(SEPARATOR_RE, text, "\n", "separator")


def remove_bullets(text: str) -> list[Edit]:
    """Bullets like `· ` at line starts (not the `•` inside `文章属性•【制定机关】`)."""
    if not _BULLET_RE.search(text):
        return []
    return regex_edits(BULLET_RE, text, "", "bullet")


def strip_line_ends(text: str) -> list[Edit]:
    """Spaces (full-width, no-break, tabs…) at the start and end of each line: what `EDGE_SPACE_RE`
    matches, found line by line with `strip` (the regex tries both ends at every character), once
    one search for a space by a line break says there are any (a text cleaned once has none)."""
    if not _has_edge_space(text):
        return []
    edits = []
    pos = 0
    for line in text.split("\n"):
        head = len(line) - len(line.lstrip(_SPACE_CHARS))
        if head == len(line):
            if line:
                edits.append(Edit(pos, pos + head))
        else:
            if head:
                edits.append(Edit(pos, pos + head))
            tail = len(line.rstrip(_SPACE_CHARS))
            if tail < len(line):
                edits.append(Edit(pos + tail, pos + len(line)))
        pos += len(line) + 1
    return edits


def stripped_line_ends(text: str) -> str:
    """The text `strip_line_ends` makes, built at once (for when nobody needs its edits)."""
    if not _has_edge_space(text):
        return text
    return "\n".join(line.strip(_SPACE_CHARS) for line in text.split("\n"))


def _has_edge_space(text: str) -> bool:
    """Does a line of `text` open or end with a space character?"""
    if not text:
        return False
    return text[0] in _SPACE_CHARS or text[-1] in _SPACE_CHARS or bool(_SPACE_BY_BREAK.search(text))


def collapse_spaces(text: str) -> list[Edit]:
    """Runs of spaces inside a line → one plain space."""
    if "  " not in text and not _ODD_SPACE_RE.search(text):  # only single plain spaces: nothing to do
        return []
    return regex_edits(INNER_SPACE_RE, text, " ")


def collapse_blank_lines(text: str) -> list[Edit]:
    """At most one blank line in a row."""
    return regex_edits(BLANK_RUN_RE, text, "\n\n")


def trim_text(text: str) -> list[Edit]:
    """No blank lines at the start or the end (found with strip: a regex `\\n+\\Z` is tried at
    every line break of the text)."""
    head = len(text) - len(text.lstrip("\n"))
    tail = len(text.rstrip("\n"))
    edits = [Edit(0, head)] if head else []
    if head < tail < len(text):
        edits.append(Edit(tail, len(text)))
    return edits

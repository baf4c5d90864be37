"""Garbled spans (what cleaning flags as `garbled`, `drafter.text.garbled.find_garbled`) marked
wherever corpus text is shown, with one style and one legend, so nobody copies `?。ㄉ虾J` unawares."""

from __future__ import annotations

from rich.text import Text

from drafter.messages import t
from drafter.text.garbled import find_garbled

GARBLED_STYLE = "bold white on dark_red"


def mark_garbled(text: Text) -> Text:
    """Style the garbled spans of `text` in place (other styles stay); returns it."""
    for span in find_garbled(text.plain):
        text.stylize(GARBLED_STYLE, span.start, span.end)
    return text


def garbled_count(plain: str) -> int:
    return len(find_garbled(plain))


def legend() -> Text:
    """`▇ 乱码：清洗时发现、无法修复的字符（原文如此）`"""
    line = Text()
    line.append(f" {t('tui.garbled_mark')} ", style=GARBLED_STYLE)
    line.append(" " + t("tui.garbled_legend"), style="dim")
    return line

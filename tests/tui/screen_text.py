"""What the terminal shows, as text: the whole screen, or the lines of one widget's region.

Read from the screen's compositor exactly as Textual paints it (the same call a screenshot uses), so
a double-width character is one character of the text and a widget's columns are cells."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip


def screen_strips(app) -> list[Strip]:
    update = app.screen._compositor.render_full_update()
    return [Strip.join(list(line)) for line in update.strips]


def screen_lines(app) -> list[str]:
    return [strip.text for strip in screen_strips(app)]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def region_lines(app, region: Region) -> list[str]:
    """The text inside `region` (e.g. a widget's `content_region`), one string per row."""
    strips = screen_strips(app)
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, min(region.bottom, len(strips)))]


def shown(widget) -> str:
    """The plain text a Static holds (a str, a rich Text, or drafter's WrappedText / CutLines)."""
    content = widget.content
    return getattr(content, "plain", str(content))

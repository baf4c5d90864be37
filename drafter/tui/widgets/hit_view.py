"""How one search hit reads in the app: source line, then the snippet with matches highlighted."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from drafter.messages import t
from drafter.tui.widgets.garbled import mark_garbled
from drafter.tui.widgets.wrapped_text import CutLines

MATCH_STYLE = "bold reverse"


def marked_text(snippet: str, style: str = MATCH_STYLE) -> Text:
    """A snippet whose matches are wrapped in « » → Text with the matches styled, markers dropped."""
    text = Text()
    inside = False
    for part in snippet.replace("»", "«").split("«"):
        if part:
            text.append(part, style=style if inside else "")
        inside = not inside
    return text


def hit_text(hit: Any) -> Text:
    """The whole paragraph with the matched spans styled and garbled spans marked."""
    plain = getattr(hit, "text", "") or ""
    text = Text(plain)
    for start, end in getattr(hit, "spans", None) or []:
        text.stylize(MATCH_STYLE, start, end)
    return mark_garbled(text)


def provenance(hit: Any) -> str:
    """`哈尔滨市 · 2017-03-01 · 哈政办规〔2017〕28号 · 《…实施方案》 · 二、重点任务 › (三)…`"""
    title = getattr(hit, "title", None) or t("tui.untitled")
    path = " › ".join(getattr(hit, "heading_path", None) or [])
    parts = [getattr(hit, "region", None) or "—", getattr(hit, "date", None) or "",
             getattr(hit, "doc_number", None) or "", f"《{title}》", path]
    return " · ".join(p for p in parts if p)


def provenance_fields(hit: Any) -> dict[str, str]:
    """The 来源 comment's fields for an inserted hit (the same keys as a library variant's)."""
    doc_id = getattr(hit, "doc_id", None)
    return {
        "id": f"corpus:{doc_id}" if doc_id is not None else "",  # what `drafter diff corpus:ID` takes
        "地区": getattr(hit, "region", None) or "",
        "文件": getattr(hit, "title", None) or "",
        "文号": getattr(hit, "doc_number", None) or "",
        "日期": getattr(hit, "date", None) or "",
        "章节": " › ".join(getattr(hit, "heading_path", None) or []),
    }


def short_source(hit: Any) -> str:
    """One short line for the results list (the full 来源 is in the preview): region, year, heading."""
    path = getattr(hit, "heading_path", None) or []
    parts = [getattr(hit, "region", None) or "—", (getattr(hit, "date", None) or "")[:4], path[-1] if path else ""]
    return " · ".join(p for p in parts if p)


def hit_prompt(hit: Any) -> CutLines:
    """Two lines, each cut with `…`: where it comes from, and the snippet (the preview wraps it whole)."""
    source = Text(short_source(hit), style="dim")
    snippet = marked_text((getattr(hit, "snippet", "") or getattr(hit, "text", "")).replace("\n", " "))
    return CutLines(source, mark_garbled(snippet))

"""How one search hit reads in the app: source line, then the snippet with matches highlighted."""

from __future__ import annotations

from typing import Any

from rich.text import Text


def marked_text(snippet: str, style: str = "bold reverse") -> Text:
    """A snippet whose matches are wrapped in « » → Text with the matches styled, markers dropped."""
    text = Text()
    inside = False
    for part in snippet.replace("»", "«").split("«"):
        if part:
            text.append(part, style=style if inside else "")
        inside = not inside
    return text


def provenance(hit: Any) -> str:
    """`哈尔滨市 · 2017-03-01 · 《…实施方案》 · 二、重点任务 › (三)…`"""
    title = getattr(hit, "title", None) or "(untitled)"
    path = " › ".join(getattr(hit, "heading_path", None) or [])
    parts = [getattr(hit, "region", None) or "—", getattr(hit, "date", None) or "", f"《{title}》", path]
    return " · ".join(p for p in parts if p)


def provenance_fields(hit: Any) -> dict[str, str]:
    """The 来源 comment's fields for an inserted hit (the same keys as a library variant's)."""
    return {
        "地区": getattr(hit, "region", None) or "",
        "文件": getattr(hit, "title", None) or "",
        "日期": getattr(hit, "date", None) or "",
        "章节": " › ".join(getattr(hit, "heading_path", None) or []),
        "corpus": str(getattr(hit, "doc_id", "") or ""),
    }


def short_source(hit: Any) -> str:
    """One short line for the results list (the full 来源 is in the preview): region, year, heading."""
    path = getattr(hit, "heading_path", None) or []
    parts = [getattr(hit, "region", None) or "—", (getattr(hit, "date", None) or "")[:4], path[-1] if path else ""]
    return " · ".join(p for p in parts if p)


def hit_prompt(hit: Any) -> Text:
    prompt = Text(short_source(hit), style="dim", no_wrap=True, overflow="ellipsis")
    prompt.append("\n")
    prompt.append_text(marked_text(getattr(hit, "snippet", "") or getattr(hit, "text", "")))
    return prompt

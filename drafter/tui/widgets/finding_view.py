"""How a check finding reads in the app: a one-line label for the list, and its detail (where, what,
the suggestion, the rule's source) with the passage around it and the offending text marked."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from drafter.messages import t

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
FOUND_STYLE = "bold white on red"
CONTEXT_CHARS = 60  # of the passage on each side of the finding


def finding_where(finding: Any) -> str:
    """`4.2 （二）创新医防协同机制`, `前言`, `草稿信息「标题」` (no file line numbers: the app has none)."""
    loc = finding.location
    if loc.part == "meta":
        return t("tui_check.where_meta", label=_part_label(loc.field or ""))
    if loc.part == "preamble":
        return t("tui_check.where_preamble")
    where = loc.heading or loc.section or ""  # the heading has its own number (一、 （二）)
    return t("tui_check.where_heading", section=where) if loc.part == "heading" else where


def _part_label(field: str) -> str:
    from drafter.draft.parts import spec
    from drafter.errors import DrafterError

    name = field.split("[", 1)[0]
    try:
        return spec(name).label
    except DrafterError:
        return name


def finding_label(finding: Any) -> Text:
    label = Text("● ", style=SEVERITY_STYLE.get(finding.severity, ""))
    label.append(f"“{finding.text}” ", style="bold")
    label.append(finding_where(finding), style="dim")
    return label


def finding_detail(finding: Any, draft: Any) -> Text:
    severity = t(f"check.severity_{finding.severity}")
    text = Text(t("tui_check.detail_severity", family=finding.family, severity=severity),
                style=SEVERITY_STYLE.get(finding.severity, "bold"))
    text.append("\n" + t("tui_check.detail_where", where=finding_where(finding)))
    text.append("\n" + finding.message)
    context = passage(finding, draft)
    if context is not None:
        text.append("\n\n")
        text.append_text(context)
    text.append("\n\n")
    if finding.suggestion is None:
        text.append(t("tui_check.detail_manual"), style="dim")
    else:
        words = t("tui_check.detail_suggest", text=finding.suggestion) if finding.suggestion else t(
            "tui_check.detail_delete")
        text.append(words, style="bold green")
        text.append(" " + t("tui_check.detail_safe" if finding.safe else "tui_check.detail_ask"), style="dim")
    if finding.source:
        text.append("\n" + t("tui_check.detail_source", source=finding.source), style="dim")
    return text


def passage(finding: Any, draft: Any) -> Text | None:
    """The text around the finding as it stands in the draft now, the finding's text marked."""
    from drafter.tui.jump import finding_spot

    spot = finding_spot(draft, finding) if draft is not None else None
    if spot is None:
        return None
    if spot.part == "meta":
        return None
    if spot.part == "preamble":
        from drafter.draft.model import PROVENANCE

        whole = "\n".join(line for line in draft.preamble if not PROVENANCE.match(line))
    elif spot.in_heading:
        whole = spot.section.heading
    else:
        whole = spot.section.body
    start, end = spot.start or 0, spot.end or 0
    if whole[start:end] != finding.text:
        return None  # changed since the check: no mark on the wrong words
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(whole), end + CONTEXT_CHARS)
    shown = Text(("…" if left else "") + whole[left:start], style="italic")
    shown.append(whole[start:end], style=FOUND_STYLE)
    shown.append(whole[end:right] + ("…" if right < len(whole) else ""), style="italic")
    return shown

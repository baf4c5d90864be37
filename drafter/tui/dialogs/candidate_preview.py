"""The selected section and a candidate side by side, before choosing: replace (r), append (a), Esc.

Both sides are marked with what `drafter check` would say of them (提法 · 属地 · 时限, computed for
the draft's region and date in Compose's worker): another place's names on red, outdated wording and
past deadlines on yellow, so a variant's leftovers are seen before they are taken in.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, Static

from drafter.messages import t
from drafter.text.linebreak import glue_items
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.widgets.wrapped_text import Prose, WrappedText

FINDING_STYLE = {"属地": "bold white on red", "提法": "bold black on yellow", "时限": "bold black on yellow"}


def section_text(section: Any) -> str:
    """A draft section's body and its sub-sections' headings and bodies, as the reader sees them."""
    lines = [section.body] if section.body else []
    for child in section.children:
        lines.append(child.heading)
        lines.append(section_text(child))
    return "\n".join(line for line in lines if line)


def marked_findings(text: str, findings: list[Any] | None) -> Text:
    """`text` with every occurrence of each finding's words marked in its family's style."""
    shown = Text(text)
    for finding in sorted(findings or [], key=lambda f: len(f.text), reverse=True):
        style = FINDING_STYLE.get(finding.family)
        start = text.find(finding.text) if style and finding.text else -1
        while start >= 0:
            shown.stylize(style, start, start + len(finding.text))
            start = text.find(finding.text, start + len(finding.text))
    return shown


def legend() -> Text:
    line = Text()
    line.append(" ▇ ", style=FINDING_STYLE["属地"])
    line.append(" " + t("tui.preview_legend_leak") + "   ", style="dim")
    line.append(" ▇ ", style=FINDING_STYLE["提法"])
    line.append(" " + t("tui.preview_legend_outdated"), style="dim")
    return line


class CandidatePreview(Dialog[str | None]):
    BINDINGS = [
        key("r", "choose('replace')", "key_replace", "preview.replace"),
        key("a", "choose('append')", "key_append", "preview.append"),
        key("escape", "choose(None)", "key_close", "preview.close"),
    ]

    def __init__(self, section: Any, candidate: Any,
                 findings: tuple[list[Any] | None, list[Any] | None] = (None, None)) -> None:
        super().__init__()
        self.section = section
        self.candidate = candidate
        self.current_findings, self.candidate_findings = findings

    def compose(self) -> ComposeResult:
        current, candidate = self.current_findings, self.candidate_findings
        with Vertical(classes="dialog wide"):
            yield Label(t("tui.preview_title", heading=self.section.heading), classes="dialog-title")
            yield Prose(Text(self.candidate.source_line(), style="dim"), id="preview-source")
            if current is None or candidate is None:
                counts = Text(t("tui.preview_findings_pending"), style="dim")
            else:
                counts = Text(t("tui.preview_findings", current=len(current), candidate=len(candidate)))
            yield Prose(counts.append("   ").append_text(legend()), id="preview-legend")
            with Horizontal(id="preview-panes"):
                with VerticalScroll(classes="preview-pane", id="preview-current"):
                    yield Static(Text(t("tui.preview_current"), style="bold"))
                    text = section_text(self.section)
                    yield Static(WrappedText(marked_findings(text, current) if text else t("tui.preview_empty")),
                                 classes="preview-text")
                with VerticalScroll(classes="preview-pane", id="preview-candidate"):
                    yield Static(Text(t("tui.preview_candidate"), style="bold"))
                    yield Static(WrappedText(marked_findings(self.candidate.shown_text(), candidate)),
                                 classes="preview-text")
            yield Prose(glue_items(t("tui.preview_keys")), classes="note")

    def action_choose(self, how: str | None) -> None:
        self.dismiss(how)

"""Candidates for the selected section: library variants and corpus sections of the same kind.

Each shows where it comes from first — region, year, template or corpus, and `● 使用中` when the
section already holds it; then its 文号; then the start of its text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.messages import t
from drafter.tui.widgets.wrapped_text import CutLines


def candidate_prompt(candidate: Any, in_use: bool, findings: list[Any] | None = None) -> CutLines:
    line = Text()
    if in_use:
        line.append(t("tui.in_use") + " ", style="bold green")
    if findings:  # what it would bring in: another place's names, outdated wording (see the preview)
        families = dict.fromkeys(f.family for f in findings)
        line.append(t("tui.candidate_findings", families="·".join(families), count=len(findings)) + " ",
                    style="bold yellow")
    line.append(f"{candidate.region or '—'} {candidate.year} ", style="bold")
    origin = t("tui.origin_template") if candidate.origin == "template" else t("tui.origin_corpus")
    line.append(origin, style="dim")
    number = Text(candidate.doc_number or t("tui.no_doc_number"), style="" if candidate.doc_number else "dim")
    opening = candidate.text.replace("\n", " ")[:120]
    return CutLines(line, number, Text(opening, style="dim"))


class CandidateList(OptionList):
    """Lists candidates with provenance; posts `Previewed` when one is highlighted."""

    @dataclass
    class Previewed(Message):
        candidate: Any

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.candidates: list[Any] = []
        self.section: Any = None  # the section they are candidates for

    def show(self, candidates: list[Any], section: Any = None, findings: dict | None = None) -> None:
        """List `candidates` for `section`; `findings` (by candidate id) marks what each would bring in."""
        self.candidates = candidates
        self.section = section
        self.clear_options()
        for candidate in candidates:
            in_use = section is not None and candidate.in_use(section)
            found = (findings or {}).get(candidate.ident)
            self.add_option(Option(candidate_prompt(candidate, in_use, found)))
        if candidates:
            self.highlighted = 0

    @property
    def current(self) -> Any:
        if self.highlighted is None or not self.candidates:
            return None
        return self.candidates[self.highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Previewed(self.candidates[event.option_index]))

"""对标: which tasks of a superior document the draft takes up (`drafter cover DRAFT --against X`).

The coverage is `drafter.compare.cover.cover(draft, superior)`, computed in a worker; each task shows
its state (✓ 已落实 · ◐ 部分 · ✗ 未见), its score and the draft section that takes it up (or the
closest one). Enter opens that section in Compose; `o` picks another superior document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from drafter.messages import t
from drafter.text.linebreak import glue_items
from drafter.tui import services
from drafter.tui.bindings import key, translate_bindings
from drafter.tui.corpus_loader import CorpusEntry
from drafter.tui.widgets.key_bar import KeyBar
from drafter.tui.widgets.status_line import StatusLine
from drafter.tui.widgets.wrapped_text import CutLines, OneLine, Prose, WrappedText

STATE_STYLE = {"covered": "bold green", "partly": "bold yellow", "missing": "bold red"}


def task_prompt(task: Any) -> CutLines:
    head = Text(t(f"tui_compare.state_{task.state}"), style=STATE_STYLE[task.state])
    head.append(f"  {task.score:.2f}  ", style="dim")
    head.append(task.covered_by or t("tui_compare.cover_closest", heading=task.closest or "—"),
                style="" if task.covered_by else "dim")
    return CutLines(head, Text("    " + (task.heading or task.text), style="dim"))


class TaskList(OptionList):
    BINDINGS = [key("enter", "select", "tui_compare.key_jump", "cover.jump")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)


class CoverScreen(Screen):
    BINDINGS = [
        key("escape", "app.pop_screen", "key_back", "cover.back"),
        key("o", "choose_superior", "tui_compare.key_choose_superior", "cover.superior"),
    ]

    @dataclass
    class Covered(Message):
        coverage: Any
        error: str | None = None

    def __init__(self, superior: CorpusEntry) -> None:
        super().__init__()
        translate_bindings(self)
        self.superior = superior
        self.coverage: Any = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield OneLine(t("tui_compare.cover_heading"), classes="screen-heading")
        yield Prose("", id="cover-summary", classes="note")
        yield TaskList(id="cover-tasks")
        yield Prose("", id="cover-detail")
        yield Prose(glue_items(t("tui_compare.cover_keys")), classes="note")
        yield StatusLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.run_cover(self.superior)

    def run_cover(self, superior: CorpusEntry) -> None:
        self.superior = superior
        label = f"{superior.region or '—'}《{superior.title}》"
        self.query_one("#cover-summary", Static).update(t("tui_compare.cover_running", against=label))
        self.query_one("#cover-tasks", OptionList).clear_options()
        self.cover(superior)

    @work(thread=True, exclusive=True, exit_on_error=False, group="cover")
    def cover(self, superior: CorpusEntry) -> None:
        import copy

        draft = copy.deepcopy(self.app.draft)
        try:
            coverage = services.coverage(self.app.db, draft, superior)
        except Exception as err:  # noqa: BLE001 - said on the screen
            self.post_message(self.Covered(None, str(err)))
            return
        self.post_message(self.Covered(coverage))

    def on_cover_screen_covered(self, message: Covered) -> None:
        summary = self.query_one("#cover-summary", Static)
        if message.coverage is None:
            summary.update(t("tui_compare.cover_failed", why=message.error))
            return
        coverage = self.coverage = message.coverage
        tasks = coverage.tasks
        against = coverage.against or self.superior.title
        if not tasks:
            summary.update(t("tui_compare.cover_no_tasks", title=against))
            return
        counts = {state: sum(1 for task in tasks if task.state == state) for state in STATE_STYLE}
        line = t("tui_compare.cover_summary", against=against, total=len(tasks), **counts)
        summary.update(line)
        self.app.status_text = line
        options = self.query_one("#cover-tasks", OptionList)
        options.add_options([Option(task_prompt(task)) for task in tasks])
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionHighlighted, "#cover-tasks")
    def show_task(self, event: OptionList.OptionHighlighted) -> None:
        task = self.coverage.tasks[event.option_index]
        text = Text(task.text)
        if task.shared_terms:
            text.append("\n" + t("tui_compare.cover_terms", terms="、".join(task.shared_terms)), style="dim")
        if task.state == "missing":
            text.append("\n" + t("tui_compare.cover_task_missing"), style="dim")
        self.query_one("#cover-detail", Static).update(WrappedText(text))

    @on(OptionList.OptionSelected, "#cover-tasks")
    def jump(self, event: OptionList.OptionSelected) -> None:
        """The section that takes the task up (or the closest one), in Compose."""
        from drafter.tui.jump import Spot, section_by_headings

        task = self.coverage.tasks[event.option_index]
        heading = task.covered_by or task.closest
        section = section_by_headings(self.app.draft, [*task.path, heading]) if heading else None
        if section is None:
            self.notify(t("tui_compare.cover_task_missing"), severity="warning")
            return
        self.app.pop_screen()
        self.app.jump_to(Spot(section))

    def action_choose_superior(self) -> None:
        self.app.choose_superior(self.run_cover)

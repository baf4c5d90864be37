"""Read one corpus plan: its outline on the left, its text on the right (wrapped with 禁则), garbled
spans marked, with a legend. Esc goes back to the list; `c` compares the draft with this plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static, Tree

from drafter.messages import t
from drafter.tui import services
from drafter.tui.bindings import key, translate_bindings
from drafter.tui.corpus_loader import CorpusEntry
from drafter.tui.widgets.garbled import garbled_count, legend, mark_garbled
from drafter.tui.widgets.key_bar import KeyBar
from drafter.tui.widgets.outline_tree import FittedTree
from drafter.tui.widgets.status_line import StatusLine
from drafter.tui.widgets.wrapped_text import OneLine, Prose, WrappedText


def block_text(heading: str | None, body: str) -> Text:
    """A heading (bold) over its body, garbled spans marked."""
    text = Text()
    if heading:
        text.append(heading, style="bold")
        if body:
            text.append("\n")
    text.append(body)
    return mark_garbled(text)


class PlanBlock(Static):
    """The preamble or one section of the plan (heading and body)."""

    def __init__(self, heading: str | None, body: str, garbled: int) -> None:
        super().__init__(WrappedText(block_text(heading, body)), classes="plan-block")
        self.garbled = garbled


class PlanScreen(Screen):
    BINDINGS = [
        key("escape", "app.pop_screen", "key_back", "plan.back"),
        key("g", "next_garbled", "key_next_garbled", "plan.next-garbled"),
        key("c", "compare_plan", "key_compare_with", "plan.compare"),
    ]

    @dataclass
    class Loaded(Message):
        document: Any
        error: str | None = None

    def __init__(self, entry: CorpusEntry) -> None:
        super().__init__()
        translate_bindings(self)
        self.entry = entry
        self.blocks: list[PlanBlock] = []
        self.garbled_at = -1

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield OneLine(self._heading(), id="plan-heading", classes="screen-heading")
        with Horizontal(id="plan-panes"):
            yield FittedTree(t("tui.plan_outline"), id="plan-outline")
            yield VerticalScroll(id="plan-text")
        yield Static(legend(), id="plan-legend", classes="note")
        yield StatusLine()
        yield KeyBar()

    def _heading(self) -> str:
        e = self.entry
        parts = [e.region or "—", e.date, e.doc_number, e.title]
        return " · ".join(p for p in parts if p)

    def on_mount(self) -> None:
        tree = self.query_one("#plan-outline", FittedTree)
        tree.show_root = False
        tree.guide_depth = 2
        self.load_plan()

    @work(thread=True, exclusive=True, exit_on_error=False, group="plan")
    def load_plan(self) -> None:
        try:
            document = services.plan(self.app.db, self.entry)
        except Exception as err:  # noqa: BLE001 - shown in place of the text
            self.post_message(self.Loaded(None, str(err)))
            return
        self.post_message(self.Loaded(document))

    def on_plan_screen_loaded(self, message: Loaded) -> None:
        view = self.query_one("#plan-text", VerticalScroll)
        if message.document is None:
            view.mount(Prose(t("tui.plan_failed", why=message.error)))
            return
        document = message.document
        self.blocks = [PlanBlock(None, document.preamble, garbled_count(document.preamble))] if document.preamble else []
        tree = self.query_one("#plan-outline", FittedTree)
        for section in document.sections:
            self._add(tree.root, section)
        tree.root.expand_all()
        view.mount_all(self.blocks)
        total = sum(block.garbled for block in self.blocks)
        headings = sum(1 for _ in document.walk())
        self.app.status_text = t("tui.plan_status", headings=headings, garbled=total)

    def _add(self, parent: Any, section: Any) -> None:
        block = PlanBlock(section.heading, section.body, garbled_count(section.heading + section.body))
        self.blocks.append(block)
        label = Text(section.heading)
        if section.kind and section.kind not in section.title:  # 一、指导思想 plainly is 指导思想
            label.append(f" [{section.kind}]", style="dim")
        if section.children:
            node = parent.add(label, data=block, expand=True)
            for child in section.children:
                self._add(node, child)
        else:
            parent.add_leaf(label, data=block)

    @on(Tree.NodeHighlighted, "#plan-outline")
    def follow_outline(self, event: Tree.NodeHighlighted) -> None:
        if isinstance(event.node.data, PlanBlock):
            self.query_one("#plan-text", VerticalScroll).scroll_to_widget(event.node.data, top=True, animate=False)

    def action_next_garbled(self) -> None:
        marked = [i for i, block in enumerate(self.blocks) if block.garbled]
        if not marked:
            self.notify(t("tui.plan_no_garbled"))
            return
        self.garbled_at = next((i for i in marked if i > self.garbled_at), marked[0])
        self.query_one("#plan-text", VerticalScroll).scroll_to_widget(self.blocks[self.garbled_at], top=True,
                                                                      animate=False)

    def action_compare_plan(self) -> None:
        if self.app.draft is None:
            self.notify(t("tui.compare_needs_draft"), severity="warning")
            return
        self.app.pop_screen()
        self.app.switch_mode("compare")
        self.app.compare_with(self.entry)

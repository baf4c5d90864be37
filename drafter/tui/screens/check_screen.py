"""Check: the findings of `drafter check` on the draft, grouped by family (提法 · 属地 · 时限 · 格式).

The check runs in a worker on a copy of the draft (`services.check`, the function `drafter check`
calls, with the corpus facts); Enter opens the spot in Compose with the text selected, `f` applies one
finding's suggestion (`drafter.check.apply_finding`), `F` every safe one (`drafter fix`). A finding
whose text has changed since is never applied: the library checks the text at the spot first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static, Tree

from drafter.messages import t
from drafter.text.linebreak import glue_items
from drafter.tui import services
from drafter.tui.bindings import key, translate_bindings
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.widgets.finding_view import finding_detail, finding_label
from drafter.tui.widgets.outline_tree import FittedTree
from drafter.tui.widgets.wrapped_text import OneLine, Prose, WrappedText

FAMILY_KEYS = {"提法": "tifa", "属地": "shudi", "时限": "shixian", "格式": "geshi"}


class FindingTree(FittedTree):
    """The findings under their families; Enter (shown in the footer) goes to the finding's spot."""

    BINDINGS = [key("enter", "select_cursor", "tui_check.key_jump", "check.jump")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(t("tui_check.screen"), **kwargs)
        translate_bindings(self)
        self.show_root = False
        self.guide_depth = 2


class CheckScreen(DrafterScreen):
    BINDINGS = [
        key("f", "fix", "tui_check.key_fix", "check.fix"),
        key("F", "fix_all", "tui_check.key_fix_all", "check.fix-all"),
        key("ctrl+l", "recheck", "tui_check.key_recheck", "check.again"),
    ]

    @dataclass
    class Checked(Message):
        report: Any
        edits: int
        error: str | None = None

    def __init__(self) -> None:
        super().__init__()
        self.report: Any = None
        self.checked_at = -1  # the app's edit counter when the draft was checked

    def compose_body(self) -> ComposeResult:
        yield OneLine(t("tui_check.heading_empty"), id="check-heading", classes="screen-heading")
        yield Prose("", id="check-note", classes="note")
        with Horizontal(id="check-panes"):
            yield FindingTree(id="findings")
            with VerticalScroll(id="finding-pane"):
                yield Static("", id="finding-detail")
        yield Prose(glue_items(t("tui_check.keys")), classes="note")

    def on_mount(self) -> None:
        self.recheck_if_stale()

    def on_screen_resume(self) -> None:
        self.recheck_if_stale()

    def recheck_if_stale(self) -> None:
        if self.app.draft is None:
            self.query_one("#check-note", Static).update(t("tui_check.no_draft"))
            return
        if self.checked_at != self.app.edits:
            self.action_recheck()

    # ── running the check ──────────────────────────────────────────────────────────────────────
    def action_recheck(self) -> None:
        if self.app.draft is None:
            return
        import copy

        self.query_one("#check-note", Static).update(t("tui_check.checking"))
        self.run_check(copy.deepcopy(self.app.draft), self.app.edits)  # the worker reads a snapshot

    @work(thread=True, exclusive=True, exit_on_error=False, group="check")
    def run_check(self, draft: Any, edits: int) -> None:
        try:
            report = services.check(self.app.db, draft)
        except Exception as err:  # noqa: BLE001 - said on the screen
            self.post_message(self.Checked(None, edits, str(err)))
            return
        self.post_message(self.Checked(report, edits))

    def on_check_screen_checked(self, message: Checked) -> None:
        note = self.query_one("#check-note", Static)
        if message.report is None:
            note.update(t("tui_check.failed", why=message.error))
            return
        if message.edits != self.app.edits:  # typed meanwhile: this report is of an older text
            self.action_recheck()
            return
        self.report, self.checked_at = message.report, message.edits
        self.show_report()

    def show_report(self) -> None:
        report = self.report
        counts = {FAMILY_KEYS[f]: n for f, n in report.by_family().items()}
        self.query_one("#check-heading", Static).update(t("tui_check.heading", name=self.app.draft_label(), **counts))
        region = report.region or report.province or "—"
        if report.findings:
            line = t("tui_check.checked", total=len(report.findings), errors=report.errors, date=report.date,
                     region=region)
        else:
            line = t("tui_check.clean", date=report.date, region=region)
        self.query_one("#check-note", Static).update("\n".join([line, *report.notes]))
        self.app.status_text = line
        self._fill_tree(report)

    def _fill_tree(self, report: Any) -> None:
        tree = self.query_one("#findings", FittedTree)
        keep = self.finding
        tree.clear()
        target = None
        for family, count in report.by_family().items():
            if not count:
                continue
            node = tree.root.add(Text(t("tui_check.family", family=family, count=count), style="bold"),
                                 data=None, expand=True)
            for finding in (f for f in report.findings if f.family == family):
                leaf = node.add_leaf(finding_label(finding), data=finding)
                if keep is not None and _same_finding(finding, keep):
                    target = leaf
                target = target or leaf
        self._show_detail(None)
        if target is not None:
            def select() -> None:
                tree.move_cursor(target)
                self._show_detail(target.data)

            tree.call_after_refresh(select)

    @property
    def finding(self) -> Any:
        node = self.query_one("#findings", FittedTree).cursor_node
        return node.data if node is not None else None

    @on(Tree.NodeHighlighted, "#findings")
    def show_finding(self, event: Tree.NodeHighlighted) -> None:
        self._show_detail(event.node.data)

    def _show_detail(self, finding: Any) -> None:
        detail = self.query_one("#finding-detail", Static)
        detail.update(WrappedText(finding_detail(finding, self.app.draft)) if finding is not None else "")

    @on(Tree.NodeSelected, "#findings")
    def select_finding(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data is not None:
            self.action_jump()

    # ── acting on a finding ────────────────────────────────────────────────────────────────────
    def action_jump(self) -> None:
        from drafter.tui.jump import finding_spot

        finding = self.finding
        if finding is None:
            self.notify(t("tui_check.choose_finding_first"), severity="warning")
            return
        spot = finding_spot(self.app.draft, finding)
        if spot is None:
            self.notify(t("tui_check.gone"), severity="warning")
            return
        self.app.jump_to(spot)

    def action_fix(self) -> None:
        from drafter.check import apply_finding

        finding = self.finding
        if finding is None:
            self.notify(t("tui_check.choose_finding_first"), severity="warning")
            return
        if finding.suggestion is None:
            self.notify(t("tui_check.no_fix"), severity="warning")
            return
        if apply_finding(self.app.draft, finding):
            self.app.draft_changed()
            self.app.status_text = t("tui_check.fixed", old=finding.text, new=finding.suggestion)
        else:
            self.notify(t("tui_check.fix_stale"), severity="warning")
        self.action_recheck()

    def action_fix_all(self) -> None:
        import copy

        if self.app.draft is not None:
            self.run_fix_all(copy.deepcopy(self.app.draft), self.app.edits)

    @work(thread=True, exclusive=True, exit_on_error=False, group="check")
    def run_fix_all(self, draft: Any, edits: int) -> None:
        applied = services.safe_fixes(self.app.db, draft)  # `drafter fix`, on a copy
        self.app.call_from_thread(self._replay_fixes, applied, edits)

    def _replay_fixes(self, applied: list[Any], edits: int) -> None:
        """The same fixes, in the same order, on the live draft (identical to the copy, unless the
        user typed meanwhile: then each fix is applied only where its text still stands)."""
        from drafter.check import apply_finding

        done = sum(1 for finding in applied if apply_finding(self.app.draft, finding))
        if done:
            self.app.draft_changed()
        self.app.status_text = t("tui_check.fixed_all", count=done) if done else t("tui_check.fixed_none")
        self.notify(self.app.status_text)
        self.action_recheck()


def _same_finding(a: Any, b: Any) -> bool:
    return (a.rule, a.location.path, a.location.part, a.text) == (b.rule, b.location.path, b.location.part, b.text)

"""Export: 公文 .docx, redline .docx, HTML report, 对照表 — written in a worker. The screen says the
real folder the files go to, and which plan the redline, 对照表 and report are against."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from drafter.messages import t
from drafter.text.linebreak import glue_items
from drafter.tui import services
from drafter.tui.bindings import key
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.widgets.wrapped_text import OneLine, Prose


class ExportScreen(DrafterScreen):
    BINDINGS = [
        key("d", "app.export('docx')", "key_export_docx", "export.docx"),
        key("r", "app.export('redline')", "key_export_redline", "export.redline"),
        key("h", "app.export('html')", "key_export_html", "export.html"),
        key("t", "app.export('table')", "key_export_table", "export.table"),
        key("p", "app.choose_reference(True)", "key_reference", "export.reference"),
        key("o", "app.choose_export_folder", "key_export_folder", "export.folder"),
        key("m", "app.edit_parts", "tui_check.key_parts", "export.parts"),
    ]

    def compose_body(self) -> ComposeResult:
        yield OneLine(t("tui.export_heading"), classes="screen-heading")
        yield Prose("", id="export-target", classes="note")
        yield Prose("", id="export-reference", classes="note")
        yield Prose("", id="export-todo", classes="note")
        yield Prose(glue_items(t("tui.export_keys")), id="export-help", classes="note")
        table: DataTable = DataTable(id="export-results", cursor_type="row")
        table.add_column(t("tui.export_column_kind"), key="kind")
        table.add_column(t("tui.export_column_result"), key="result")
        yield table

    def on_mount(self) -> None:
        self.watch(self.app, "comparison_version", lambda _v: self.show_target())
        self.watch(self.app, "draft_version", lambda _v: self.show_target())

    def on_screen_resume(self) -> None:
        self.show_target()

    def show_target(self) -> None:
        self.query_one("#export-target", Static).update(
            t("tui.export_folder", folder=services.shown_path(self.app.export_dir))
        )
        state = self.app.compared
        if state.reference is None:
            line = t("tui.export_no_reference")
        elif state.current(self.app.edits):
            line = t("tui.export_reference", reference=state.reference_label())
        else:
            line = t("tui.export_reference_stale", reference=state.reference_label())
        self.query_one("#export-reference", Static).update(line)
        self.query_one("#export-todo", Static).update(self._todo())

    def _todo(self) -> str:
        """What the 公文 still lacks (`drafter meta`'s list): said before the file is written."""
        from drafter.tui.dialogs.parts_dialog import todo_items

        if self.app.draft is None:
            return ""
        items = todo_items(self.app.draft)
        return t("tui_check.parts_todo", items="；".join(items)) + t("tui_check.parts_hint_key") if items else ""

    def record(self, kind: str, result: str) -> None:
        what = t(services.EXPORTS[kind][2])
        self.query_one("#export-results", DataTable).add_row(what, result)
        self.show_target()

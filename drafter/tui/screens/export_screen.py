"""Export: 公文 .docx, redline .docx, HTML report, 对照表 — written in a worker; shows where each went."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from drafter.tui import services
from drafter.tui.screens.drafter_screen import DrafterScreen


class ExportScreen(DrafterScreen):
    BINDINGS = [
        Binding("d", "app.export('docx')", "公文", id="export.docx"),
        Binding("r", "app.export('redline')", "Redline", id="export.redline"),
        Binding("h", "app.export('html')", "HTML", id="export.html"),
        Binding("t", "app.export('table')", "对照表", id="export.table"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static("导出 · export", classes="screen-heading")
        folder = services.shown_path(self.app.export_dir)
        yield Static(
            f"d: 公文 .docx   r: redline .docx   h: HTML report   t: 对照表\nfiles go to {folder}/",
            id="export-help", classes="note", markup=False,
        )
        table: DataTable = DataTable(id="export-results", cursor_type="row")
        table.add_column("导出", key="kind")
        table.add_column("结果", key="result")
        yield table

    def record(self, kind: str, result: str) -> None:
        what = services.EXPORTS[kind][2]
        self.query_one("#export-results", DataTable).add_row(what, result)

"""`drafter cover` in a terminal: the superior document's tasks with the draft section taking each
up (and the ones nothing takes up), or the draft sections × plans matrix."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from drafter.compare.cover import Coverage, Matrix
from drafter.compare.describe import named
from drafter.messages import t

_STATE_STYLE = {"covered": "green", "partly": "yellow", "missing": "bold red"}


def print_cover(result: Coverage | Matrix, console: Console | None = None) -> None:
    console = console or Console()
    if isinstance(result, Coverage):
        _print_coverage(result, console)
    else:
        _print_matrix(result, console)


def _print_coverage(coverage: Coverage, console: Console) -> None:
    console.print(Text(t("compare.side_b", title=named(coverage.draft)), style="bold"))
    console.print(Text(t("compare.cover_summary", against=named(coverage.against), n=len(coverage.tasks),
                         covered=len(coverage.covered), missing=len(coverage.missing)), style="bold cyan"))
    table = Table(expand=True)
    table.add_column("#", justify="right", width=3)
    table.add_column(t("compare.cover_task"), ratio=3, overflow="fold")
    table.add_column(t("compare.cover_section"), ratio=2, overflow="fold")
    table.add_column(t("compare.cover_score"), justify="right", width=6)
    for n, task in enumerate(coverage.tasks, start=1):
        style = _STATE_STYLE[task.state]
        section = task.covered_by or f"（{t('compare.cover_uncovered')}：{task.closest or '—'}）"
        table.add_row(str(n), task.text, Text(section, style=style), Text(f"{task.score:.0%}", style=style))
    console.print(table)
    if coverage.missing:
        console.print(Text(t("compare.cover_missing"), style="bold red"))
        for task in coverage.missing:
            console.print(Text(f"  · {task.text}", overflow="fold"))


def _print_matrix(matrix: Matrix, console: Console) -> None:
    console.print(Text(t("compare.side_b", title=named(matrix.draft)), style="bold"))
    table = Table(title=t("compare.cover_matrix_title"), expand=True)
    table.add_column(t("compare.cover_matrix_section"), ratio=2, overflow="fold")
    for plan, score in zip(matrix.labels(), matrix.plan_scores()):
        table.add_column(f"{plan}\n{t('compare.cover_plan_score')} {score:.0%}", ratio=2, overflow="fold")
    for row in matrix.rows:
        best = row.closest
        cells = []
        for i, cell in enumerate(row.cells):
            text = f"{cell.covered_by or '（' + (cell.closest or '—') + '）'} {cell.score:.0%}"
            cells.append(Text(text, style="bold green" if i == best else ("dim" if cell.covered_by is None else "")))
        table.add_row(row.heading, *cells)
    console.print(table)

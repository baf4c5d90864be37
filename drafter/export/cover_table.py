"""The 对标表: how a draft takes up a superior document's tasks, or how it sets against other plans.

Landscape A4 like the 修改对照表. Against a superior document: 序号 | 上级文件任务 | 本稿对应章节 |
相似度 | 情况 (已体现 / 未见对应), one row per task. Against several plans: 本稿章节 | one column per
plan (its closest section and score) | 最接近.
"""

from __future__ import annotations

import os
from pathlib import Path

from drafter.compare.cover import Coverage, Matrix
from drafter.compare.describe import named, where
from drafter.export.gongwen import GongwenPage
from drafter.export.table import LANDSCAPE_WIDTH, end_paragraph
from drafter.export.tables import table_element
from drafter.messages import t

TASK_WIDTHS = (800, 6200, 4200, 1000)


def write_cover_table(result: Coverage | Matrix, path: str | os.PathLike) -> Path:
    """Write the 对标表 of a coverage (one superior document) or a matrix (several plans)."""
    page = _coverage_page(result) if isinstance(result, Coverage) else _matrix_page(result)
    return page.save(path)


def _coverage_page(coverage: Coverage) -> GongwenPage:
    page = GongwenPage(landscape=True)
    page.add_title(t("compare.cover_table_title", draft=named(coverage.draft)))
    page.add("body", t("compare.cover_table_against", against=named(coverage.against)))
    page.add("body", t("compare.cover_summary", against=named(coverage.against), n=len(coverage.tasks),
                       covered=len(coverage.covered), missing=len(coverage.missing)))
    header = (t("compare.table_header_no"), t("compare.cover_task"), t("compare.cover_section"),
              t("compare.cover_score"), t("compare.cover_state"))
    widths = (*TASK_WIDTHS, LANDSCAPE_WIDTH - sum(TASK_WIDTHS))
    rows = []
    for n, task in enumerate(coverage.tasks, start=1):
        section = where([*task.path, task.covered_by]) if task.covered_by else (task.closest or "")
        state = t("compare.cover_covered") if task.covered_by else t("compare.cover_uncovered")
        rows.append([str(n), task.text, section, f"{task.score:.0%}", state])
    roles = ["cell_center", "cell", "cell", "cell_center", "cell_center"]
    page.append(table_element(widths, header, rows, cell_roles=roles, split_rows=True, valign="top"))
    page.append(end_paragraph())
    return page


def _matrix_page(matrix: Matrix) -> GongwenPage:
    page = GongwenPage(landscape=True)
    page.add_title(t("compare.cover_table_title", draft=named(matrix.draft)))
    page.add("body", t("compare.cover_matrix_title"))
    first, closest = 3000, 1600
    each = (LANDSCAPE_WIDTH - first - closest) // max(1, len(matrix.plans))
    widths = (first, *([each] * len(matrix.plans)), LANDSCAPE_WIDTH - first - each * len(matrix.plans))
    scores = matrix.plan_scores()
    header = (t("compare.cover_matrix_section"),
              *(f"{plan}（{t('compare.cover_plan_score')} {s:.0%}）" for plan, s in zip(matrix.labels(), scores)),
              t("compare.cover_closest"))
    rows = []
    for row in matrix.rows:
        cells = [f"{c.covered_by}\n{c.score:.0%}" if c.covered_by else f"—\n{c.score:.0%}" for c in row.cells]
        best = row.closest
        rows.append([row.heading, *cells, matrix.labels()[best] if best is not None else "—"])
    page.append(table_element(widths, header, rows, split_rows=True, valign="top"))
    page.append(end_paragraph())
    return page

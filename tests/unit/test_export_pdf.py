"""A real reader opens each kind of export: LibreOffice converts it to PDF (headless), and poppler
reads back page count, lines per page, characters per line and text."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from test_export_gongwen import sample_plan
from test_export_redline import synthetic_comparison

from drafter.errors import DrafterError
from drafter.export.document import write_gongwen
from drafter.export.redline import write_redline
from drafter.export.render_pdf import render_pdf
from drafter.export.table import write_change_table
from drafter.model import Document, Section

needs_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler (pdftotext) are not installed; .ci/run installs them",
)
pytestmark = [pytest.mark.slow]


def pdf_pages(pdf) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def full_text(pages: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(pages))


@needs_libreoffice
def test_gongwen_pages_have_22_lines_of_28_characters(tmp_path):
    # No punctuation (no line-breaking rules at play); 26 + 7 × 28 characters: full lines only.
    words = ("深化医药卫生体制改革推进健康中国建设" * 13)[: 26 + 7 * 28]
    plan = Document(
        title="测试方案",
        sections=[Section("一、", "总体要求", 1, body="\n".join([words] * 6))],
        issuer="某市人民政府",
        date="2024-03-05",
    )
    docx_path = write_gongwen(plan, tmp_path / "plan.docx")
    pages = pdf_pages(render_pdf(docx_path, tmp_path / "plan.pdf"))
    assert len(pages) == 3
    body_lines = [line.strip() for line in pages[1].splitlines() if line.strip()]
    footer = body_lines.pop()
    assert re.fullmatch(r"—\s*2\s*—", footer)
    assert len(body_lines) == 22
    widths = [len(line.replace(" ", "")) for line in body_lines]
    assert set(widths) <= {26, 28} and widths.count(28) >= 18  # 26: a first line, indented 2 characters
    assert re.fullmatch(r"—\s*1\s*—", [line.strip() for line in pages[0].splitlines() if line.strip()][-1])


@needs_libreoffice
def test_gongwen_with_task_table_renders_text_and_attachment_page(tmp_path):
    docx_path = write_gongwen(sample_plan(), tmp_path / "plan.docx")
    pages = pdf_pages(render_pdf(docx_path, tmp_path / "plan.pdf"))
    assert len(pages) == 2
    first, attachment = full_text(pages[:1]), full_text(pages[1:])
    for text in (
        "运城市城市公立医院综合改革实施方案",
        "一、总体要求",
        "附件:重点任务分工表",
        "运城市人民政府",
        "2015年11月26日",
    ):
        assert text in first
    assert attachment.startswith("附件重点任务分工表序号重点任务牵头单位配合单位完成时限")
    assert "市卫生健康委" in attachment


@needs_libreoffice
def test_redline_and_change_table_open_in_libreoffice(tmp_path):
    redline = write_redline(synthetic_comparison(), tmp_path / "redline.docx")
    text = full_text(pdf_pages(render_pdf(redline, tmp_path / "redline.pdf")))
    # LibreOffice prints tracked changes visibly: both the deleted and the inserted words show
    for words in ("2020", "2025", "本方案自印发之日起施行。", "加强组织领导。", "二、主要重点任务"):
        assert words in text
    table = write_change_table(synthetic_comparison(), tmp_path / "table.docx")
    pages = pdf_pages(render_pdf(table, tmp_path / "table.pdf"))
    assert len(pages) == 1
    assert "修改对照表" in full_text(pages) and "序号原文修改后修改说明" in full_text(pages)


def test_pdf_without_libreoffice_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    docx_path = write_gongwen(sample_plan(), tmp_path / "plan.docx")
    with pytest.raises(DrafterError, match="plan.pdf: PDF needs LibreOffice"):
        render_pdf(docx_path, tmp_path / "plan.pdf")
    assert not (tmp_path / "plan.pdf").exists()

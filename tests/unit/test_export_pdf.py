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
        "附件：重点任务分工表",
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


# -- a whole 公文 as LibreOffice lays it out ---------------------------------------------------------
MM_PER_PT = 25.4 / 72


def pdf_words(pdf) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax in mm, text) of every word pdftotext finds."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if found:
            x0, y0, x1, y1 = (float(v) * MM_PER_PT for v in found.groups()[:4])
            words.append((page, x0, y0, x1, y1, found.group(5)))
    return words


def first(words, text: str, page: int | None = None):
    hits = [wd for wd in words if text in wd[5] and (page is None or wd[0] == page)]
    assert hits, f"{text!r} not on page {page}"
    return hits[0]


def line_of(words, word) -> tuple[float, float]:
    """(xMin, xMax) of the whole line `word` stands on."""
    same = [wd for wd in words if wd[0] == word[0] and abs(wd[2] - word[2]) < 0.5]
    return min(wd[1] for wd in same), max(wd[3] for wd in same)


def red_rows(pdf, page: int, dpi: int = 72) -> list[tuple[float, int]]:
    """(y in mm, red pixels) of each pixel row of `page` holding red."""
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, check=True).stdout  # fmt: skip
    _magic, dims, _max, pixels = data.split(b"\n", 3)
    width, height = map(int, dims.split())
    rows = []
    for y in range(height):
        row = pixels[y * width * 3 : (y + 1) * width * 3]
        red = sum(1 for x in range(0, len(row), 3) if row[x] > 200 and row[x + 1] < 90 and row[x + 2] < 90)
        if red:
            rows.append((y * 25.4 / dpi, red))
    return rows


@pytest.fixture(scope="module")
def full_gongwen(tmp_path_factory):
    from drafter.draft.compose import new_draft
    from drafter.draft.part_edit import set_part

    draft = new_draft("运城市", "山西省", date="2025-03-01")
    set_part(draft, "发文字号", "运政办发〔2025〕12号")
    set_part(draft, "抄送", "市委各部门，市人大常委会办公室，市政协办公室，市中级法院，市检察院")
    work = tmp_path_factory.mktemp("gongwen")
    pdf = render_pdf(write_gongwen(draft, work / "d.docx"), work / "d.pdf")
    return pdf, pdf_words(pdf), len(pdf_pages(pdf))


@needs_libreoffice
def test_first_page_shows_masthead_red_line_and_notice_in_order(full_gongwen):
    pdf, words, _ = full_gongwen
    mark = first(words, "运城市人民政府办公室文件", 1)
    number = first(words, "运政办发〔2025〕12", 1)  # pdftotext cuts words where digits meet 号
    title = first(words, "关于印发", 1)
    addressee = first(words, "各县（市、区）人民政府", 1)
    text = first(words, "经市人民政府同意", 1)
    signature = next(wd for wd in words if wd[0] == 1 and wd[5] == "运城市人民政府办公室")
    date = next(wd for wd in words if wd[0] == 1 and wd[5] == "2025" and wd[2] > signature[2])
    ys = [mark[2], number[2], title[2], addressee[2], text[2], signature[2], date[2]]
    assert ys == sorted(ys)
    assert abs(mark[2] - (37 + 35)) < 4  # §7.2.4: the mark's top 35 mm under the type area's top
    centre = 28 + 156 / 2
    assert abs(sum(line_of(words, number)) / 2 - centre) < 2 and abs(sum(line_of(words, mark)) / 2 - centre) < 2
    red = red_rows(pdf, 1)
    mark_rows = [y for y, n in red if mark[2] - 1 <= y <= mark[4] + 1]
    assert mark_rows  # the mark is printed red
    line = [y for y, n in red if n > 0.8 * 156 / 25.4 * 72]  # a red row as wide as the type area
    assert line and number[4] < min(line) < title[2]
    assert 2 <= min(line) - number[4] <= 6  # §7.2.7: about 4 mm under the 文号
    assert signature[1] > centre and date[1] > signature[1]  # right side, the date right of the 署名


@needs_libreoffice
def test_plan_starts_a_new_page_and_the_imprint_ends_an_even_page(full_gongwen):
    _pdf, words, pages = full_gongwen
    plan_title = [wd for wd in words if wd[5] == "运城市深化医药卫生体制改革实施方案"]
    assert plan_title and plan_title[0][0] == 2 and plan_title[0][2] < 37 + 12  # first line of page 2
    table = next(wd for wd in words if wd[5] == "重点任务分工表")  # the attachment's title
    label = [wd for wd in words if wd[5] == "附件" and wd[0] == table[0]]
    assert label and label[0][2] < table[2] and table[0] > 2
    printed = first(words, "日印发", pages)
    cc = first(words, "抄送", pages)
    assert pages % 2 == 0  # §7.4 on the last page, an even one
    assert printed[0] > table[0] and cc[2] < printed[2]
    assert 262 - 8 < printed[4] <= 262 + 1  # its line just above the type area's bottom edge (262 mm)
    body_on_last = [wd for wd in words if wd[0] == pages and wd[2] < cc[2] - 1 and not wd[5].startswith("—")]
    assert body_on_last == []  # nothing but the 版记 (and the page number) on that page

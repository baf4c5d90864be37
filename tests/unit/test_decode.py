"""Reading plan files: encodings, .html, .docx, and one clear reason for every bad file."""

from __future__ import annotations

import codecs
from pathlib import Path

import docx
import pytest

from drafter import bounded
from drafter.errors import UnreadableFile
from drafter.text.decode import read_text

BAD = Path(__file__).parent.parent / "data" / "bad"


@pytest.fixture(scope="module")
def seed_text(seed_paths) -> str:
    # seed 001 is traditional with pinyin and mojibake: the hardest text to round-trip
    return seed_paths[1].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoding, prefix",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),  # no BOM (Windows tools): recognised by its zero bytes, not called binary
        ("utf-16-be", b""),
    ],
)
def test_every_encoding_of_a_seed_reads_back_the_same_text(tmp_path, seed_paths, encoding, prefix):
    for seed in seed_paths:
        text = seed.read_text(encoding="utf-8")
        path = tmp_path / seed.name
        path.write_bytes(prefix + text.encode(encoding))
        assert read_text(path) == text, (seed.name, encoding)


def test_gbk_short_notice_is_detected(tmp_path):
    text = "各县区人民政府,市政府各工作部门:\n现将《实施方案》印发给你们,请认真贯彻执行。\n"
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode("gbk"))
    assert read_text(path) == text


def test_utf8_with_a_few_broken_bytes_keeps_the_text_and_marks_the_damage(tmp_path, seed_paths):
    data = seed_paths[0].read_bytes()
    path = tmp_path / "damaged.txt"
    damaged = data[:3000] + b"\xff\xfe" + data[3000:]
    path.write_bytes(damaged)
    text = read_text(path)
    assert "\ufffd" in text  # flagged later as a garbled span, not silently dropped
    assert text == damaged.decode("utf-8", errors="replace")


def test_html_file_is_read_as_its_markup(tmp_path):
    html = "<html><head><meta charset='gb18030'></head><body><p>一、总体要求</p></body></html>"
    path = tmp_path / "plan.html"
    path.write_bytes(html.encode("gb18030"))
    assert read_text(path) == html  # tags are the cleaner's job, so each removal is reported


def test_docx_paragraphs_and_table_cells_in_document_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("关于印发某市深化医改实施方案的通知")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "任务"
    table.cell(0, 1).text = "牵头单位"
    table.cell(1, 0).text = "取消药品加成"
    table.cell(1, 1).text = "市卫生健康委"
    merged = document.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "合并单元格"
    document.add_paragraph("一、总体要求")
    path = tmp_path / "plan.docx"
    document.save(path)
    assert read_text(path).split("\n") == [
        "关于印发某市深化医改实施方案的通知",
        "任务",
        "牵头单位",
        "取消药品加成",
        "市卫生健康委",
        "合并单元格",
        "一、总体要求",
    ]


@pytest.mark.parametrize(
    "name, why",
    [
        ("empty.txt", "空文件"),
        ("blank.txt", "没有文字"),
        ("binary.txt", "二进制文件"),
        ("not-a-zip.docx", "损坏的 .docx"),
        ("truncated.docx", "损坏的 .docx"),
        ("pdf-named.txt", "PDF 文件"),
        ("legacy.doc", "旧版 Word .doc"),
        ("README", "没有扩展名"),
    ],
)
def test_bad_files_are_refused_with_their_name_and_why(name, why):
    path = BAD / name
    with pytest.raises(UnreadableFile) as caught:
        read_text(path)
    assert why in caught.value.why
    assert str(caught.value) == f"{path}: {caught.value.why}"
    assert "\n" not in str(caught.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UnreadableFile, match="找不到文件"):
        read_text(tmp_path / "nope.txt")
    folder = tmp_path / "plans.txt"
    folder.mkdir()
    with pytest.raises(UnreadableFile, match="是文件夹"):
        read_text(folder)


def test_unsupported_extension_names_the_ones_that_work(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(UnreadableFile, match=r"“\.pdf”.*\.docx.*\.txt"):
        read_text(path)


def test_english_reasons_are_a_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_LANG", "en")
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(UnreadableFile, match=r"'\.pdf' files.*\.docx.*\.txt"):
        read_text(path)


def test_too_big(tmp_path, monkeypatch):
    monkeypatch.setattr(bounded, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("一" * 1000, encoding="utf-8")
    with pytest.raises(UnreadableFile, match=r"文件太大"):
        read_text(path)


def test_empty_docx(tmp_path):
    path = tmp_path / "empty.docx"
    docx.Document().save(path)
    with pytest.raises(UnreadableFile, match="没有文字"):
        read_text(path)


def test_a_short_utf16_notice_without_a_bom(tmp_path):
    text = "关于印发2024年工作要点的通知\n一、总体要求\n"
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode("utf-16-le"))
    assert read_text(path) == text


def test_binary_with_zero_bytes_everywhere_is_still_binary(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnreadableFile, match="二进制"):
        read_text(path)


def test_a_fifo_is_refused_at_once_instead_of_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile, match="命名管道"):
        read_text(fifo)


def test_a_link_to_dev_zero_is_refused_without_reading(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(UnreadableFile, match="设备文件"):
        read_text(link)


def test_a_symlink_loop_and_a_dangling_link(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(UnreadableFile, match="符号链接循环"):
        read_text(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    with pytest.raises(UnreadableFile, match="指向的文件不存在"):
        read_text(tmp_path / "gone.txt")


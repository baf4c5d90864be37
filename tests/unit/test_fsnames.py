"""File names built from document text stay plain names inside the folder the user chose."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.fsnames import MAX_NAME_BYTES, UnsafePath, path_inside, safe_filename, safe_path, shown, storable


@pytest.mark.parametrize(
    "text, expected",
    [
        ("运城市", "运城市-公文.docx"),
        ("../../x/运城市", "x_运城市-公文.docx"),
        ("/etc/passwd", "etc_passwd-公文.docx"),
        ("..\\..\\Windows\\运城市", "Windows_运城市-公文.docx"),
        ("运城\x00市", "运城市-公文.docx"),
        ("运城\n市\t", "运城 市-公文.docx"),
        ("  ..运城市. ", "运城市-公文.docx"),
        ("CON", "_CON-公文.docx"),
        ("com1.txt", "_com1.txt-公文.docx"),
        ("nul", "_nul-公文.docx"),
        ("..", "draft-公文.docx"),
        ("", "draft-公文.docx"),
        (None, "draft-公文.docx"),
        ("a:b*c?d\"e<f>g|h", "a_b_c_d_e_f_g_h-公文.docx"),
        ("\u202e运城市\u200b", "运城市-公文.docx"),
        ("运城\udcff市", "运城_市-公文.docx"),
    ],
)
def test_safe_filename(text, expected):
    assert safe_filename(text, "-公文.docx") == expected


def test_a_long_chinese_name_is_cut_to_255_bytes_between_characters():
    name = safe_filename("运" * 200, "-公文.docx")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.endswith("-公文.docx") and set(name[: -len("-公文.docx")]) == {"运"}
    accents = safe_filename("e\u0301" * 200, ".md")  # never cut between a letter and its accent
    assert len(accents.encode("utf-8")) <= MAX_NAME_BYTES and not accents[:-3].endswith("e")


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_one_plain_name_that_stays_inside(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("out")
    name = safe_filename(text, "-实施方案.md")
    assert name and name not in (".", "..") and "/" not in name and "\x00" not in name and "\\" not in name
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert not name.startswith((".", " ")) and not name.endswith((".", " "))
    path = path_inside(folder, name)
    assert path.parent == folder
    path.write_bytes(b"x")  # the file system takes it
    assert os.listdir(folder) == [name]


def test_path_inside_refuses_what_would_leave_the_folder(tmp_path):
    for name in ("../x", "/etc/x", "a/../../x", ".."):
        with pytest.raises(UnsafePath, match="之外"):
            path_inside(tmp_path, name)
    (tmp_path / "link.docx").symlink_to("/etc/hostname")  # a planted link to somewhere else
    with pytest.raises(UnsafePath):
        path_inside(tmp_path, "link.docx")
    assert safe_path(tmp_path, "../../运城市", "-公文.docx") == tmp_path / "运城市-公文.docx"


def test_names_are_shown_on_one_line_and_stored_as_text():
    assert shown("/home/a/运城市.txt") == "/home/a/运城市.txt"
    assert shown("/a/new\nline.txt") == '"/a/new\\nline.txt"'
    raw = os.fsdecode(b"/a/bad\xffname.txt")
    assert storable(raw) == "/a/bad\\xffname.txt"
    assert shown(raw) == '"/a/bad\\xffname.txt"'
    storable(raw).encode("utf-8")  # valid text: a database and JSON take it

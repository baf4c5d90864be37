"""The export is a Word-native file: its properties name the document and its issuer (not
python-docx), it opens in Word 2013+ mode (compatibilityMode 15, no 兼容模式), its font table names
every face it uses with the Windows fallback, and body text is set by paragraph styles a colleague's
new paragraph inherits."""

from __future__ import annotations

import zipfile

import pytest
from docx_reading import NS, Reader, part, part_text, w
from test_export_gongwen import sample_plan

from drafter.export.document import build_gongwen, write_gongwen
from drafter.export.docx_package import used_faces

CP = {"cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/"}  # fmt: skip


@pytest.fixture
def path(tmp_path):
    return write_gongwen(sample_plan(), tmp_path / "plan.docx")


def test_core_and_app_properties_are_drafters(path):
    core = part(path, "docProps/core.xml")
    assert core.findtext("dc:title", namespaces=CP) == "运城市城市公立医院综合改革实施方案"
    assert core.findtext("dc:creator", namespaces=CP) == "运城市人民政府"
    assert core.findtext("cp:lastModifiedBy", namespaces=CP) == "运城市人民政府"
    assert core.findtext("dcterms:created", namespaces=CP)[:2] == "20"
    assert not core.findtext("dcterms:created", namespaces=CP).startswith("2013-12-23")  # the template's
    for name in ("docProps/core.xml", "docProps/app.xml"):
        text = part_text(path, name)
        assert "python-docx" not in text and "Macintosh" not in text and "Microsoft" not in text
    assert "<Application>drafter " in part_text(path, "docProps/app.xml")


def test_compatibility_mode_is_15_and_no_template_leftovers(path):
    settings = part(path, "word/settings.xml")
    modes = [s.get(w("val")) for s in settings.iter(w("compatSetting")) if s.get(w("name")) == "compatibilityMode"]
    assert modes == ["15"]
    assert settings.find("w:themeFontLang", NS).get(w("eastAsia")) == "zh-CN"
    names = zipfile.ZipFile(path).namelist()
    assert not [n for n in names if "stylesWithEffects" in n or "thumbnail" in n or n.startswith("customXml")]


def test_font_table_lists_every_face_used_with_its_fallback(path):
    fonts = {f.get(w("name")): f for f in part(path, "word/fontTable.xml").iter(w("font"))}
    document = build_gongwen(sample_plan()).document
    used = set(used_faces(document))
    assert {"仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"} <= used
    assert used <= set(fonts)
    expected = {"仿宋_GB2312": "FangSong", "楷体_GB2312": "KaiTi", "黑体": "SimHei", "宋体": "SimSun",
                "方正小标宋简体": "SimSun"}  # fmt: skip
    for face, alt in expected.items():
        assert fonts[face].find("w:altName", NS).get(w("val")) == alt
        assert fonts[face].find("w:charset", NS).get(w("val")) == "86"  # GB2312
    assert "Calibri" not in fonts and "ＭＳ 明朝" not in fonts  # the template's faces are gone


def test_paragraph_styles_exist_and_body_paragraphs_use_them(path):
    reader = Reader(path)
    names = {s.get(w("styleId")): s.find("w:name", NS).get(w("val")) for s in reader.styles.iter(w("style"))}
    # 正文 and 标题 are Word's Normal and Title (Chinese Word and WPS show them so named)
    for style_id, name in {"Normal": "Normal", "Title": "Title", "gwHeading1": "一级标题", "gwHeading2": "二级标题",
                           "gwHeading3": "三级标题", "gwHeading4": "四级标题", "gwAttachment": "附件"}.items():  # fmt: skip
        assert names[style_id] == name
    uses = {"坚持公益性。": "Normal", "运城市城市公立医院综合改革实施方案": "Title", "一、总体要求": "gwHeading1",
            "（一）指导思想": "gwHeading2", "1.加强组织领导": "gwHeading3", "（1）设置专门机构": "gwHeading4",
            "附件": "gwAttachment"}  # fmt: skip
    for text, style_id in uses.items():
        paragraph = reader.find(text)
        assert reader.style_of(paragraph) == style_id, text
        assert paragraph.find("w:r/w:rPr", NS) is None, f"{text}: direct run formatting"


def test_a_new_paragraph_typed_in_word_keeps_the_gongwen_look(path):
    """A paragraph with no properties at all (what Enter or a paste into an empty line makes) is 正文:
    3号仿宋, −0.25 pt so 28 characters fill a line, exact 28.95 pt lines, two characters indented."""
    reader = Reader(path)
    bare = reader.document.makeelement(w("p"))
    assert reader.face(bare)["eastAsia"] == "仿宋_GB2312" and reader.size(bare) == 32
    assert reader.rpr(bare)["spacing"][w("val")] == "-5"
    ppr = reader.ppr(bare)
    assert ppr["spacing"][w("line")] == "579" and ppr["spacing"][w("lineRule")] == "exact"
    assert ppr["ind"][w("firstLineChars")] == "200" and ppr["jc"][w("val")] == "both"
    for style in reader.styles.iter(w("style")):
        if style.get(w("type")) == "paragraph" and style.get(w("styleId")).startswith("gwHeading"):
            assert style.find("w:next", NS).get(w("val")) == "Normal"  # Enter after a heading gives 正文
            level = int(style.get(w("styleId"))[-1]) - 1  # 一级 … 四级 show in Word's navigation pane
            assert reader.ppr(_styled(reader, style.get(w("styleId"))))["outlineLvl"][w("val")] == str(level)


def _styled(reader: Reader, style_id: str):
    p = reader.document.makeelement(w("p"))
    ppr = p.makeelement(w("pPr"))
    style = ppr.makeelement(w("pStyle"), {w("val"): style_id})
    ppr.append(style)
    p.append(ppr)
    return p

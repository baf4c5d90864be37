"""What makes an export a Word-native file rather than a python-docx one: the document properties
(core.xml, app.xml) name the document, its author and drafter, the settings ask for Word 2013+
layout (compatibilityMode 15, no 兼容模式), and the font table declares every face used with the
face Windows ships as its fallback (`w:altName`). The template's leftovers (a Mac thumbnail,
Word 2010's stylesWithEffects, customXml, an empty numbering part) are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape

import docx.document
from docx.oxml.ns import qn
from lxml import etree

from drafter import __version__
from drafter.export.docx_fonts import W_NS, el
from drafter.export.layout import FONT_ALT_NAMES

COMPATIBILITY_MODE = "15"  # Word 2013 and later
_DROPPED = ("stylesWithEffects", "customXml", "numbering")
_GB2312_CHARSET = "86"


@dataclass
class DocProperties:
    """What File → Properties shows."""

    title: str = ""
    author: str = ""
    subject: str = ""
    company: str = ""
    created: datetime | None = None


def finish_package(document: docx.document.Document, props: DocProperties) -> None:
    """Properties, settings and font table, just before saving."""
    _drop_template_parts(document)
    _set_core(document, props)
    _set_app(document, props)
    _set_compatibility(document)
    _set_font_table(document)


def _drop_template_parts(document: docx.document.Document) -> None:
    rels = document.part.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in _DROPPED:
            rels.pop(r_id)
    package_rels = document.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(r_id)


def _set_core(document: docx.document.Document, props: DocProperties) -> None:
    core = document.core_properties
    when = (props.created or datetime.now(UTC)).replace(microsecond=0)
    core.title = props.title
    core.subject = props.subject
    core.author = props.author or "drafter"
    core.last_modified_by = props.author or "drafter"
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.created = when
    core.modified = when
    core.revision = 1
    core.language = "zh-CN"


_APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Template>Normal.dotm</Template><TotalTime>0</TotalTime><DocSecurity>0</DocSecurity>\
<ScaleCrop>false</ScaleCrop><Company>{company}</Company><LinksUpToDate>false</LinksUpToDate>\
<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>\
<Application>drafter {version}</Application></Properties>"""


def _set_app(document: docx.document.Document, props: DocProperties) -> None:
    part = document.part.package.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    )
    part._blob = _APP_XML.format(company=escape(props.company), version=__version__).encode("utf-8")


def _set_compatibility(document: docx.document.Document) -> None:
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = el("w:compat")
        settings.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPATIBILITY_MODE)
            break
    else:
        compat.append(el("w:compatSetting", {"w:name": "compatibilityMode", "w:val": COMPATIBILITY_MODE,
                                              "w:uri": "http://schemas.microsoft.com/office/word"}))  # fmt: skip
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def used_faces(document: docx.document.Document) -> list[str]:
    """Every face named in the document, its styles, headers and footers, in first-use order."""
    roots = [document.styles.element, document.element]
    for section in document.sections:
        for part in (section.footer, section.even_page_footer, section.header, section.even_page_header):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    faces: dict[str, None] = {}
    for root in roots:
        for fonts in root.iter(qn("w:rFonts")):
            for slot in ("w:eastAsia", "w:ascii", "w:hAnsi", "w:cs"):
                if face := fonts.get(qn(slot)):
                    faces.setdefault(face)
    return list(faces)


def _set_font_table(document: docx.document.Document) -> None:
    part = document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    )
    root = el("w:fonts")
    for face in used_faces(document):
        font = el("w:font", {"w:name": face})
        if alt := FONT_ALT_NAMES.get(face):
            font.append(el("w:altName", {"w:val": alt}))
        if face.isascii():
            font.extend([el("w:family", {"w:val": "roman"}), el("w:pitch", {"w:val": "variable"})])
        else:  # as Windows lists its own Chinese faces: GB2312 charset, fixed-pitch ideographs
            font.append(el("w:charset", {"w:val": _GB2312_CHARSET}))
            font.extend([el("w:family", {"w:val": "modern"}), el("w:pitch", {"w:val": "fixed"})])
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


__all__ = ["COMPATIBILITY_MODE", "W_NS", "DocProperties", "finish_package", "used_faces"]

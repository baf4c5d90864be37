"""Run formatting that Word, WPS and LibreOffice all read the same way.

python-docx's `font.name` sets only `w:ascii`/`w:hAnsi`; a Chinese run then falls back to the theme's
East Asian face. So every run names its face in all four slots, no `*Theme` attribute is left to
override the names, and the language is marked zh-CN.
"""

from __future__ import annotations

import copy
import re
from functools import cache

from docx.oxml.ns import qn
from lxml import etree

from drafter.export.layout import ROLES, Role

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
THEME_ATTRS = tuple(qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
# Characters XML 1.0 cannot carry; scraped text sometimes has them (form feeds, stray controls).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """A `w:` element with `w:`-qualified attributes, e.g. el("w:sz", {"w:val": "32"})."""
    element = etree.Element(qn(tag), nsmap={"w": W_NS})
    for key, value in (attrs or {}).items():
        element.set(qn(key), str(value))
    element.extend(children)
    return element


def xml_text(text: str) -> str:
    return _XML_INVALID.sub("", text)


def font_element(face: str) -> etree._Element:
    return el("w:rFonts", {slot: face for slot in FONT_SLOTS} | {"w:hint": "eastAsia"})


def build_rpr(font: str, size: int, char_spacing: int = 0, *, color: str | None = None,
              scale: int | None = None) -> etree._Element:
    """`w:rPr` in schema order: rFonts, color, spacing, w (width scale, %), sz, szCs, lang."""
    rpr = el("w:rPr")
    rpr.append(font_element(font))
    if color:
        rpr.append(el("w:color", {"w:val": color}))
    # Always written: the 正文 style's −0.25 pt would otherwise reach titles, tables and footers.
    rpr.append(el("w:spacing", {"w:val": char_spacing}))
    if scale and scale != 100:
        rpr.append(el("w:w", {"w:val": scale}))
    rpr.append(el("w:sz", {"w:val": size}))
    rpr.append(el("w:szCs", {"w:val": size}))
    rpr.append(el("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"}))
    return rpr


@cache
def _role_rpr(role: Role) -> etree._Element:
    return build_rpr(role.font, role.size, role.char_spacing, color=role.color)


def role_rpr(role: Role | str) -> etree._Element:
    """A fresh copy of a role's run properties (each run owns its own element)."""
    role = ROLES[role] if isinstance(role, str) else role
    return copy.deepcopy(_role_rpr(role))


def strip_theme_fonts(root: etree._Element) -> None:
    """Remove every `*Theme` font attribute under `root` (styles, docDefaults, runs)."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            fonts.attrib.pop(attr, None)

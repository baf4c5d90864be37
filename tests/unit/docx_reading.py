"""Reading an exported .docx as Word does: a paragraph's look is docDefaults, then its style chain
(basedOn), then its own properties, then the run's — so a test asks what a reader sees, whether the
export writes it on the style or on the paragraph."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def part(path: str | Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def part_text(path: str | Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


class Reader:
    """The body paragraphs of an export with their effective properties."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.document = part(path, "word/document.xml")
        self.styles = part(path, "word/styles.xml")
        self.by_id = {s.get(w("styleId")): s for s in self.styles.iter(w("style"))}

    def paragraphs(self) -> list[etree._Element]:
        return list(self.document.find("w:body", NS).iter(w("p")))

    def texts(self, keep_empty: bool = False) -> list[str]:
        out = [text_of(p) for p in self.paragraphs() if not _in_table(p)]
        return out if keep_empty else [t for t in out if t]

    def find(self, text: str) -> etree._Element:
        found = [p for p in self.paragraphs() if text_of(p) == text]
        assert found, f"no paragraph {text!r}"
        return found[0]

    def find_start(self, start: str) -> etree._Element:
        found = [p for p in self.paragraphs() if text_of(p).startswith(start)]
        assert found, f"no paragraph starting {start!r}"
        return found[0]

    def style_of(self, p: etree._Element) -> str:
        style = p.find("w:pPr/w:pStyle", NS)
        return style.get(w("val")) if style is not None else "Normal"

    def style_name(self, p: etree._Element) -> str:
        return self.by_id[self.style_of(p)].find("w:name", NS).get(w("val"))

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        chain = []
        while style_id and style_id in self.by_id:
            style = self.by_id[style_id]
            chain.insert(0, style)
            based = style.find("w:basedOn", NS)
            style_id = based.get(w("val")) if based is not None else None
        return chain

    def ppr(self, p: etree._Element) -> dict[str, dict[str, str] | bool]:
        """Effective paragraph properties: {tag: attrs} (attrs {} for flags)."""
        layers = [self.styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)]
        layers += [s.find("w:pPr", NS) for s in self._chain(self.style_of(p))]
        layers.append(p.find("w:pPr", NS))
        return _merge(layers)

    def rpr(self, p: etree._Element, run_index: int = 0) -> dict[str, dict[str, str]]:
        """Effective run properties of the paragraph's `run_index`-th run with text."""
        layers = [self.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)]
        layers += [s.find("w:rPr", NS) for s in self._chain(self.style_of(p))]
        runs = [r for r in p.iter(w("r")) if r.find("w:t", NS) is not None]
        layers.append(runs[run_index].find("w:rPr", NS) if runs else None)
        return _merge(layers)

    def face(self, p: etree._Element, run_index: int = 0) -> dict[str, str]:
        fonts = self.rpr(p, run_index)["rFonts"]
        return {slot: fonts.get(w(slot)) for slot in ("ascii", "hAnsi", "eastAsia", "cs")}

    def size(self, p: etree._Element) -> int:
        return int(self.rpr(p)["sz"][w("val")])


def _merge(layers: list[etree._Element | None]) -> dict:
    merged: dict[str, dict[str, str]] = {}
    for layer in layers:
        if layer is None:
            continue
        for child in layer:
            tag = etree.QName(child).localname
            if tag in ("rFonts", "ind", "spacing") and tag in merged:
                merged[tag] = {**merged[tag], **dict(child.attrib)}
            else:
                merged[tag] = dict(child.attrib)
    return merged


def flag(props: dict, name: str) -> bool:
    """A toggle property (keepNext, pageBreakBefore) is on unless written with w:val=0/false."""
    attrs = props.get(name)
    return attrs is not None and attrs.get(w("val"), "1") not in ("0", "false")


def text_of(p: etree._Element) -> str:
    parts = []
    for node in p.iter(w("t"), w("br"), w("tab")):
        if node.getparent().tag != w("r"):
            continue  # a tab stop (pPr/tabs/tab), not a tab character
        parts.append(node.text or "" if node.tag == w("t") else ("\n" if node.tag == w("br") else "\t"))
    return "".join(parts)


def _in_table(p: etree._Element) -> bool:
    return any(a.tag == w("tbl") for a in p.iterancestors())

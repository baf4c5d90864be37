"""Accept-all / reject-all over a .docx's document.xml, as Word does it — the helpers the redline
tests use, and tests of those helpers on hand-written WordprocessingML."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def document_xml(path: str | Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def accept_all(root: etree._Element) -> etree._Element:
    """Keep insertions, drop deletions; a deleted paragraph mark joins its paragraph to the next."""
    return _resolve(root, keep=("ins", "moveTo"), drop=("del", "moveFrom"))


def reject_all(root: etree._Element) -> etree._Element:
    """Keep deletions (as text), drop insertions; an inserted paragraph mark joins it to the next."""
    return _resolve(root, keep=("del", "moveFrom"), drop=("ins", "moveTo"))


def _resolve(root: etree._Element, keep: tuple[str, ...], drop: tuple[str, ...]) -> etree._Element:
    root = copy.deepcopy(root)
    body = root.find(w("body"))
    joined = [p for p in body.iter(w("p")) if _mark(p, drop) is not None]
    for tag in drop:  # inline revisions whose content goes away
        for element in list(body.iter(w(tag))):
            if element.getparent().tag != w("rPr"):
                element.getparent().remove(element)
    for tag in keep:  # inline revisions whose content stays: unwrap
        for element in list(body.iter(w(tag))):
            parent = element.getparent()
            if parent.tag == w("rPr"):
                parent.remove(element)
                continue
            index = parent.index(element)
            for offset, child in enumerate(list(element)):
                parent.insert(index + offset, child)
            parent.remove(element)
    for deleted_text in list(body.iter(w("delText"))):
        deleted_text.tag = w("t")
    for p in reversed(joined):  # last first, so a run of joined paragraphs collapses into one
        _join_with_next(p)
    for tag in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"):
        for element in list(body.iter(w(tag))):
            element.getparent().remove(element)
    return root


def _mark(p: etree._Element, tags: tuple[str, ...]) -> etree._Element | None:
    rpr = p.find("w:pPr/w:rPr", NS)
    if rpr is None:
        return None
    for tag in tags:
        found = rpr.find(w(tag))
        if found is not None:
            return found
    return None


def _join_with_next(p: etree._Element) -> None:
    following = p.getnext()
    content = [c for c in p if c.tag != w("pPr")]
    if following is None or following.tag != w("p"):
        assert not "".join(p.itertext()), "a removed paragraph mark with nothing after it kept text"
        p.getparent().remove(p)
        return
    ppr = following.find(w("pPr"))
    index = 0 if ppr is None else following.index(ppr) + 1
    for offset, child in enumerate(content):
        following.insert(index + offset, child)
    p.getparent().remove(p)


def paragraph_texts(root: etree._Element, *, keep_empty: bool = False) -> list[str]:
    """The text of each body paragraph (tables included), reading w:t only."""
    texts = ["".join(t.text or "" for t in p.iter(w("t"))) for p in root.find(w("body")).iter(w("p"))]
    return texts if keep_empty else [t for t in texts if t]


def revision_count(root: etree._Element) -> int:
    return sum(1 for tag in ("ins", "del", "moveFrom", "moveTo") for _ in root.iter(w(tag)))


# -- tests of the helpers themselves -----------------------------------------------------------
def _doc(body: str) -> etree._Element:
    return etree.fromstring(f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')


RUN = "<w:r><w:t>{}</w:t></w:r>"
DEL = '<w:del w:id="{id}" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>{}</w:delText></w:r></w:del>'
INS = '<w:ins w:id="{id}" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:t>{}</w:t></w:r></w:ins>'


def test_inline_revisions_resolve_both_ways():
    root = _doc("<w:p>" + RUN.format("甲") + DEL.format("乙", id=1) + INS.format("丙", id=2) + "</w:p>")
    assert paragraph_texts(accept_all(root)) == ["甲丙"]
    assert paragraph_texts(reject_all(root)) == ["甲乙"]


def test_tracked_paragraph_marks_join_with_the_next_paragraph():
    inserted = (
        '<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="x" w:date="d"/></w:rPr></w:pPr>'
        + INS.format("新段", id=4)
        + "</w:p>"
    )
    deleted = (
        '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="x" w:date="d"/></w:rPr></w:pPr>'
        + DEL.format("旧段", id=6)
        + "</w:p>"
    )
    root = _doc(inserted + deleted + "<w:p>" + RUN.format("尾") + "</w:p>")
    assert paragraph_texts(accept_all(root), keep_empty=True) == ["新段", "尾"]
    assert paragraph_texts(reject_all(root), keep_empty=True) == ["旧段", "尾"]

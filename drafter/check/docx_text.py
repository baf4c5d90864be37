"""A .docx as the check reads it: every body paragraph (table cells too) in document order, with the
text a reader sees — runs inside tracked insertions (`w:ins`) included, tracked deletions left out.

python-docx's `Paragraph.text` misses runs inside `w:ins`, so the text is read from the `w:t`
elements directly; `replace_in_paragraph` edits those same elements, so a fix lands in the runs
that hold the text and keeps their formatting.
"""

from __future__ import annotations

import os

from docx.oxml.ns import qn

_T, _DEL, _TAB, _BR, _CR = qn("w:t"), qn("w:del"), qn("w:tab"), qn("w:br"), qn("w:cr")
_P, _R = qn("w:p"), qn("w:r")


def open_docx(path: str | os.PathLike):  # noqa: ANN201 - a python-docx Document
    """The document at `path`, read once with the reader's limits (an ordinary file, its size, the
    package's inflated sizes); a file that is not a readable .docx raises UnreadableFile saying why."""
    import io

    import docx

    from drafter.bounded import read_bounded
    from drafter.text.decode import read_text

    read_text(path)  # the reader's own checks, and its clear words for a bad package
    return docx.Document(io.BytesIO(read_bounded(path)))


def body_paragraphs(document) -> list:  # noqa: ANN001 - python-docx Document; returns w:p elements
    return list(document.element.body.iter(_P))


def paragraph_text(p) -> str:  # noqa: ANN001 - an lxml w:p element
    return "".join(text for _el, text in _pieces(p))


def _pieces(p):  # noqa: ANN001, ANN202 - yields (element, text) in reading order
    for el in p.iter(_T, _TAB, _BR, _CR):
        if _deleted(el, p):
            continue
        if el.tag == _T:
            yield el, el.text or ""
        elif el.tag == _TAB:
            yield el, "\t"
        elif el.getparent() is not None and el.getparent().tag == _R:
            yield el, "\n"


def _deleted(el, stop) -> bool:  # noqa: ANN001
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == _DEL:
            return True
        node = node.getparent()
    return False


def replace_in_paragraph(p, start: int, end: int, new: str, expected: str) -> bool:  # noqa: ANN001
    """Replace characters [start, end) of the paragraph's text with `new`; False if the text there is
    no longer `expected`. The new text goes into the first run touched; the others lose their part."""
    if start >= end or paragraph_text(p)[start:end] != expected:
        return False
    pos, placed = 0, False
    for el, text in list(_pieces(p)):
        lo, hi = pos, pos + len(text)
        pos = hi
        if hi <= start or el.tag != _T:
            continue
        if lo >= end:
            break
        a, b = max(start, lo) - lo, min(end, hi) - lo
        el.text = text[:a] + (new if not placed else "") + text[b:]
        placed = True
        if el.text != el.text.strip():
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return placed

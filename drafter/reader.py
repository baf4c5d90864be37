"""From a file on disk to plans: read (decode) → clean → split into documents → outline.

This is the one pipeline for corpus files and drafts alike.
"""

from __future__ import annotations

import os

from drafter.model import Document

# Bump when cleaning or outlining gives different results: stored files are then read again.
# 3: the page head's 版头 and site fields, joint issuers, pinyin with spaces, markup settled after chrome
PARSER_VERSION = "3"


def read_plans(path: str | os.PathLike) -> list[Document]:
    """Every document in the file at `path`, outlined. Raises UnreadableFile for a bad file."""
    from drafter.text.clean import clean
    from drafter.text.decode import read_text

    cleaned = clean(read_text(path))
    return parse_plans(cleaned.text, source=str(path), removed=cleaned.removed)


def parse_plans(text: str, source: str | None = None, removed: list | None = None) -> list[Document]:
    """Split cleaned text into its documents and outline each one; `removed`: what cleaning took
    out of it (`Cleaned.removed`), where the page head's site fields may stand."""
    from drafter.corpus.split import split_documents

    spans = split_documents(text)
    return outline_spans(spans, source, page_head(text, spans, removed or []))


def page_head(text: str, spans: list, removed: list) -> str:  # noqa: ANN001 - DocSpans, Changes
    """The page around the first document's head: the text before it and the site chrome cleaning
    removed there (`来源:… 发布时间:…`, a 信息公开 table), which the metadata reads last."""
    from drafter.corpus.site_fields import HEAD_CHARS

    start = spans[0].start if spans else 0
    chrome = [c.text for c in removed if c.what == "boilerplate" and c.at < start + HEAD_CHARS]
    return "\n".join([text[:start], *chrome])


def outline_spans(spans: list, source: str | None = None, head: str = "") -> list[Document]:  # noqa: ANN001
    """Outline each document split off a file (`drafter.corpus.split.DocSpan`), in order; `head`:
    the page around the first one's head (`page_head`)."""
    from drafter.corpus.outline import parse_document

    documents: list[Document] = []
    for span in spans:
        doc = parse_document(span.text, title_hint=span.title, toc=span.toc, page_head="" if documents else head)
        doc.source = source
        if documents and doc.region is None and doc.doc_type in ("起草说明", "解读"):
            # A drafting explanation or a policy reading speaks for the plan it follows.
            doc.region, doc.level = documents[-1].region, documents[-1].level
            doc.region_note = documents[-1].region_note
        documents.append(doc)
    return documents


def clean_plans(path: str | os.PathLike) -> list[dict]:
    """The `drafter clean --json` documents: cleaned text per document, with the removals and
    warnings that fall inside it (positions relative to that document's text)."""
    from drafter.text.clean import clean
    from drafter.text.decode import read_text

    return cleaned_documents(clean(read_text(path)))


OUTSIDE = "outside-document"  # the `what` of text before the first document (page furniture)


def cleaned_documents(cleaned) -> list[dict]:  # noqa: ANN001 - a drafter.text.clean.Cleaned
    """The cleaned text cut into its documents. Every change lands in the document whose text it
    stands in, at its offset there; text before the first document is one removal (`outside-document`
    at 0) and the warnings inside it are not repeated (their text is in that removal)."""
    from drafter.corpus.outline import parse_document
    from drafter.corpus.split import split_documents

    text = cleaned.text
    spans = split_documents(text)
    if not spans:
        return [_document(None, text, cleaned.removed, cleaned.warnings, 0)]
    starts = [span.start + _leading_newlines(text, span.start) for span in spans]
    out = []
    for i, span in enumerate(spans):
        low = starts[i] if i else 0
        high = starts[i + 1] if i + 1 < len(spans) else len(text) + 1
        removed = [c for c in cleaned.removed if low <= c.at < high]
        warnings = [c for c in cleaned.warnings if starts[i] <= c.at < high]
        title = span.title or parse_document(span.text).title
        doc = _document(title, span.text, removed, warnings, starts[i])
        if i == 0 and text[: starts[0]].strip():
            doc["removed"].insert(0, {"what": OUTSIDE, "at": 0, "text": text[: starts[0]].strip()})
        out.append(doc)
    return out


def _leading_newlines(text: str, start: int) -> int:
    n = 0
    while start + n < len(text) and text[start + n] == "\n":
        n += 1
    return n


def _document(title: str | None, text: str, removed: list, warnings: list, offset: int) -> dict:
    def at(change) -> int:  # noqa: ANN001 - a removal in the blank lines after the text: at its end
        return min(max(change.at - offset, 0), len(text))

    return {
        "title": title,
        "text": text,
        "removed": [{"what": c.what, "at": at(c), "text": c.text} for c in removed],
        "warnings": [{"what": c.what, "at": c.at - offset, "text": c.text} for c in warnings],
    }

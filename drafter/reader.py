"""From a file on disk to plans: read (decode) → clean → split into documents → outline.

This is the one pipeline for corpus files and drafts alike.
"""

from __future__ import annotations

import os

from drafter.model import Document

# Bump when cleaning or outlining gives different results: stored files are then read again.
PARSER_VERSION = "2"


def read_plans(path: str | os.PathLike) -> list[Document]:
    """Every document in the file at `path`, outlined. Raises UnreadableFile for a bad file."""
    from drafter.text.clean import clean
    from drafter.text.decode import read_text

    cleaned = clean(read_text(path))
    return parse_plans(cleaned.text, source=str(path))


def parse_plans(text: str, source: str | None = None) -> list[Document]:
    """Split cleaned text into its documents and outline each one."""
    from drafter.corpus.outline import parse_document
    from drafter.corpus.split import split_documents

    documents: list[Document] = []
    for span in split_documents(text):
        doc = parse_document(span.text, title_hint=span.title)
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
    from drafter.corpus.outline import parse_document
    from drafter.corpus.split import split_documents
    from drafter.text.clean import clean
    from drafter.text.decode import read_text

    cleaned = clean(read_text(path))
    spans = split_documents(cleaned.text)
    out = []
    for i, span in enumerate(spans):
        end = spans[i + 1].start if i + 1 < len(spans) else len(cleaned.text) + 1
        start = span.start if i else 0  # junk before the first document is reported with it

        def inside(change, start=start, end=end, offset=span.start):  # noqa: ANN001
            return start <= change.at < end

        title = span.title or parse_document(span.text).title
        out.append(
            {
                "title": title,
                "text": span.text,
                "removed": [_change(c, span.start) for c in cleaned.removed if inside(c)],
                "warnings": [_change(c, span.start) for c in cleaned.warnings if inside(c)],
            }
        )
    if not spans:
        out.append(
            {
                "title": None,
                "text": cleaned.text,
                "removed": [_change(c, 0) for c in cleaned.removed],
                "warnings": [_change(c, 0) for c in cleaned.warnings],
            }
        )
    return out


def _change(change, offset: int) -> dict:  # noqa: ANN001
    return {"what": change.what, "at": max(change.at - offset, 0), "text": change.text}

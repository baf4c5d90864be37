"""What a corpus store does the same way whatever holds it, written once over its own interface.

A backend mixes `StoreHelpers` in and gets pages, document iteration, sections of a kind, name
resolution and the bundled corpus from its own `list_documents`, `count_documents`,
`get_document`, `meta` and `set_meta`. Both stores mix it in (the SQLite store still keeps its own
name resolution and bundled-corpus loading, which read SQL directly).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from drafter.store.interface import DEFAULT_CORPUS_KEY, DocFilter, Page

if TYPE_CHECKING:
    from drafter.corpus.ingest import IngestReport, Progress
    from drafter.model import Document, Section
    from drafter.store.types import DocSummary


class StoreHelpers:
    def paragraph_texts(self, doc_id: int) -> list[str]:
        return [p.text for p in self.paragraphs(doc_id)]  # type: ignore[attr-defined] - the backend's

    def page(
        self, where: DocFilter | None = None, *, offset: int = 0, limit: int = 100, order: str = "id"
    ) -> Page:
        items = self.list_documents(where, offset=offset, limit=limit, order=order)
        short_page = len(items) < limit and (items or not offset)  # the last page: the total is known
        total = offset + len(items) if short_page else self.count_documents(where)
        return Page(items, total, offset, limit)

    def iter_documents(self, where: DocFilter | None = None) -> Iterator[tuple[DocSummary, Document]]:
        for doc in self.list_documents(where):
            yield doc, self.get_document(doc.id)

    def sections_of_kind(self, kind: str, limit: int | None = None) -> list[tuple[DocSummary, Section]]:
        """Sections of this kind (nested ones too), in corpus order; the first `limit` (None: all)."""
        out: list[tuple[DocSummary, Section]] = []
        offset = 0
        while limit is None or len(out) < limit:
            docs = self.list_documents(DocFilter(kind=kind), offset=offset, limit=50)
            for doc_summary in docs:
                document = self.get_document(doc_summary.id)
                out += [(doc_summary, s) for s in document.walk() if s.kind == kind]
            if len(docs) < 50:
                break
            offset += 50
        return out if limit is None else out[:limit]

    def resolve_name(self, name: str) -> int:
        """A document id from a name (`哈尔滨`, part of a title): SQL narrows, rapidfuzz decides."""
        from drafter.store.resolve import resolve_name

        name = name.strip()
        near = (
            self.list_documents(DocFilter(region=name)) + self.list_documents(DocFilter(text=name))
            if name
            else []
        )
        return resolve_name(name, list({d.id: d for d in near}.values()) or self.list_documents())

    def ensure_default_corpus(self, progress: Progress | None = None) -> IngestReport | None:
        """On first use (and after a parser upgrade), ingest the bundled seed plans; None when they
        are already in the store as this parser reads them."""
        from drafter.reader import PARSER_VERSION

        if self.meta(DEFAULT_CORPUS_KEY) == PARSER_VERSION:
            return None
        from drafter.corpus.ingest import ingest_paths
        from drafter.resources import corpus_files

        report = ingest_paths(self, corpus_files(), progress=progress)
        if report.read or report.unchanged:  # all skipped (a broken install): try again next time
            self.set_meta(DEFAULT_CORPUS_KEY, PARSER_VERSION)
        return report

"""The search index: tantivy (embedded, no server) over the stored paragraphs' words.

The index is derived data. It lives in a folder beside the SQLite file (in memory for a
`:memory:` store) and is written only from what the store holds: the store journals every document
it adds or removes (`index_dirty`, in the same transaction) and `drafter.store.index_sync` applies
the journal. A folder that is missing, damaged, from another store or cut by another segmenter is
thrown away and rebuilt from the store, never the other way round.

One tantivy document per paragraph: its words (the segmenter's search cut, positions kept for
phrase queries), its paragraph and document ids, and the filter fields (place, year, kinds of the
sections above it, document type, level). One marker document per stored document lets the index
say which documents it holds without scanning paragraphs.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

INDEX_FORMAT = "1"
INFO_FILE = "drafter-index.json"
WRITER_HEAP = 32_000_000  # bytes the writer buffers before it writes a segment
M_ARENA_MAX = -8  # glibc's mallopt parameter


def _fewer_malloc_arenas() -> None:
    """tantivy writes with several threads, and glibc reserves 64 MB of address space for each
    thread's malloc arena: 600 MB of virtual memory for one small commit, which a memory-bounded
    process (ulimit -v) cannot have. Two arenas are plenty here (Linux/glibc only; else nothing)."""
    import ctypes
    import ctypes.util

    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt(M_ARENA_MAX, 2)
    except (OSError, AttributeError):
        pass


class IndexBusy(Exception):
    """Another process holds the index writer; the journal keeps the work for later."""


@dataclass
class Entry:
    """One paragraph as the index sees it."""

    pid: int
    doc_id: int
    tokens: str  # space-joined search words
    places: list[str] = field(default_factory=list)  # region and its province
    year: int | None = None
    kinds: list[str] = field(default_factory=list)  # of its section and the sections above it
    doc_type: str | None = None
    level: str | None = None


def _schema():  # noqa: ANN202 - tantivy.Schema
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_unsigned_field("pid", indexed=False, fast=True)
    sb.add_unsigned_field("doc_id", indexed=True, fast=True)
    sb.add_unsigned_field("marker", indexed=True)
    sb.add_text_field("terms", tokenizer_name="whitespace", index_option="position")
    sb.add_text_field("place", tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field("year", indexed=True, fast=True)
    sb.add_text_field("kind", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("doc_type", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("level", tokenizer_name="raw", index_option="basic")
    return sb.build()


class SearchIndex:
    """A tantivy index in `folder` (None: in memory), identified by the store it belongs to and the
    segmenter that cut its words."""

    def __init__(self, folder: str | Path | None) -> None:
        import tantivy

        self.folder = Path(folder) if folder is not None else None
        self.schema = _schema()
        self._writer = None
        self._info: dict = {}
        if self.folder is None:
            self.index = tantivy.Index(self.schema)
            return
        self._info = self.label(self.folder)
        if self._info:
            try:
                self.index = tantivy.Index(self.schema, path=str(self.folder), reuse=True)
                return
            except (OSError, ValueError):  # damaged, or written by an incompatible tantivy
                pass
        # No index of ours here (none yet, an older format, a damaged one): start an empty one,
        # which `reset` labels; the store then writes every document into it.
        self._wipe()
        self.index = tantivy.Index(self.schema, path=str(self.folder), reuse=False)

    # -- identity ---------------------------------------------------------------------------------

    @staticmethod
    def label(folder: Path) -> dict:
        """What the index in `folder` says it is ({} when there is none of this format)."""
        try:
            info = json.loads((folder / INFO_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return info if isinstance(info, dict) and info.get("format") == INDEX_FORMAT else {}

    @staticmethod
    def matches(info: dict, store_id: str, segmenter: str) -> bool:
        return info.get("store_id") == store_id and info.get("segmenter") == segmenter

    def belongs_to(self, store_id: str, segmenter: str) -> bool:
        return self.matches(self._info, store_id, segmenter)

    def reset(self, store_id: str, segmenter: str) -> None:
        """Empty the index and label it as belonging to this store and segmenter."""
        writer = self.writer()
        writer.delete_all_documents()
        writer.commit()
        self._info = {"format": INDEX_FORMAT, "store_id": store_id, "segmenter": segmenter}
        if self.folder is not None:
            from drafter.atomic import write_bytes_atomically

            write_bytes_atomically(self.folder / INFO_FILE, json.dumps(self._info).encode("utf-8"))

    def _wipe(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the user's own, like the store
        self._info = {}

    # -- writing ----------------------------------------------------------------------------------

    def writer(self):  # noqa: ANN201 - tantivy.IndexWriter
        if self._writer is None:
            _fewer_malloc_arenas()
            try:
                self._writer = self.index.writer(WRITER_HEAP, 1)
            except ValueError as err:
                if "Lock" in str(err):
                    raise IndexBusy(str(err)) from err
                raise
        return self._writer

    def delete(self, doc_ids: Iterable[int]) -> None:
        import tantivy

        writer = self.writer()
        for doc_id in doc_ids:
            # by query, not by term: a Python int given as a term is taken for an i64 and matches no u64
            writer.delete_documents_by_query(tantivy.Query.term_query(self.schema, "doc_id", doc_id))

    def add(self, doc_id: int, entries: list[Entry]) -> None:
        """Index one document's paragraphs and its marker (after `delete` of its old entries)."""
        import tantivy

        writer = self.writer()
        marker = tantivy.Document()
        marker.add_unsigned("doc_id", doc_id)
        marker.add_unsigned("marker", 1)
        writer.add_document(marker)
        for e in entries:
            if not e.tokens:
                continue
            doc = tantivy.Document()
            doc.add_unsigned("pid", e.pid)
            doc.add_unsigned("doc_id", e.doc_id)
            doc.add_text("terms", e.tokens)
            for place in e.places:
                doc.add_text("place", place)
            if e.year is not None:
                doc.add_unsigned("year", e.year)
            for kind in e.kinds:
                doc.add_text("kind", kind)
            if e.doc_type:
                doc.add_text("doc_type", e.doc_type)
            if e.level:
                doc.add_text("level", e.level)
            writer.add_document(doc)

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()

    def release(self) -> None:
        """Commit and give the writer (and its lock) back, after merges finish."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.commit()
            writer.wait_merging_threads()

    def rollback(self) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.rollback()
            writer.wait_merging_threads()

    # -- reading ----------------------------------------------------------------------------------

    def searcher(self):  # noqa: ANN201 - tantivy.Searcher
        self.index.reload()
        return self.index.searcher()

    def search(self, query, limit: int) -> list[tuple[float, int]]:  # noqa: ANN001 - tantivy.Query
        """(score, paragraph id) of the best `limit` paragraphs, best first."""
        if limit <= 0:
            return []
        searcher = self.searcher()
        hits = searcher.search(query, limit, count=False).hits
        pids = searcher.fast_field_values("pid", [address for _, address in hits])
        return [(score, pid) for (score, _), pid in zip(hits, pids)]

    def doc_count(self) -> int:
        import tantivy

        query = tantivy.Query.term_query(self.schema, "marker", 1)
        return self.searcher().search(query, 1, count=True).count

    def doc_ids(self) -> set[int]:
        """Every document the index holds (its markers)."""
        import tantivy

        searcher = self.searcher()
        query = tantivy.Query.term_query(self.schema, "marker", 1)
        total = searcher.search(query, 1, count=True).count
        if not total:
            return set()
        hits = searcher.search(query, total, count=False).hits
        return set(searcher.fast_field_values("doc_id", [address for _, address in hits]))

    def paragraph_count(self) -> int:
        searcher = self.searcher()
        return searcher.num_docs - self.doc_count()

    def size_bytes(self) -> int:
        if self.folder is None:
            return 0
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file())

    def close(self) -> None:
        self.release()

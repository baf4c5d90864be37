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

An archive's index is kept in two parts (from SPLIT_FROM documents), a document in one of them (by a
checksum of its words, so a copy of the corpus on another machine splits alike) with all its
paragraphs, and a search asks both at once (tantivy searches a part on one core): on two cores the
common-word searches of 100,000 plans take half the time. Each part scores with its own word
statistics; on parts of ~50,000 plans they barely differ from the whole's, while on a small corpus
they would reorder near-ties (the bundled corpus: half the searches), so a small index is one part.
An index of one part that the store outgrows is rebuilt in two (as for a new segmenter).
"""

from __future__ import annotations

import json
import shutil
import threading
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

INDEX_FORMAT = "1"
INFO_FILE = "drafter-index.json"
WRITER_HEAP = 32_000_000  # bytes each part's writer buffers before it writes a segment
PARTS = 2  # parts of a large index
SPLIT_FROM = 20_000  # documents from which the index is kept in PARTS parts (~1.4M paragraphs of plans)
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
    segmenter that cut its words, in PARTS parts searched side by side (see the module's notes)."""

    def __init__(self, folder: str | Path | None) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.schema = _schema()
        self._writers: list | None = None
        self._info: dict = {}
        if self.folder is None:
            self.parts = [_new_part(self.schema, None)]
            return
        self._info = self.label(self.folder)
        if self._info:
            try:
                self.parts = [_open_part(self.schema, f) for f in _part_folders(self.folder, _parts_of(self._info))]
                return
            except (OSError, ValueError):  # damaged, or written by an incompatible tantivy
                pass
        # No index of ours here (none yet, an older format, a damaged one): start an empty one,
        # which `reset` labels; the store then writes every document into it.
        self._wipe()
        self.parts = [_new_part(self.schema, self.folder)]

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
    def matches(info: dict, store_id: str, segmenter: str, documents: int = 0) -> bool:
        """Whether the index labelled `info` serves this store as it is: its own, cut by this
        segmenter, in as many parts as `documents` want."""
        return SearchIndex.unfit(info, store_id, segmenter, documents) is None

    @staticmethod
    def unfit(info: dict, store_id: str, segmenter: str, documents: int = 0) -> str | None:
        """Why the index labelled `info` must be rebuilt for this store, or None when it serves:
        `missing` (none, damaged, of another index format, or another store's), `segmenter` (cut by
        another one) or `parts` (the store outgrew one part)."""
        if info.get("store_id") != store_id:
            return "missing"
        if info.get("segmenter") != segmenter:
            return "segmenter"
        return "parts" if _parts_of(info) < parts_for(documents) else None

    def belongs_to(self, store_id: str, segmenter: str, documents: int = 0) -> bool:
        return self.matches(self._info, store_id, segmenter, documents)

    def unfit_for(self, store_id: str, segmenter: str, documents: int = 0) -> str | None:
        return self.unfit(self._info, store_id, segmenter, documents)

    def reset(self, store_id: str, segmenter: str, documents: int = 0) -> None:
        """Empty the index and label it as belonging to this store and segmenter, in the parts
        `documents` want (never fewer than it has); the store then writes every document again."""
        wanted = max(parts_for(documents), len(self.parts))
        if wanted != len(self.parts):
            self.release()  # the writers taken are for the parts there were
            self.parts += [_new_part(self.schema, f) for f in _part_folders(self.folder, wanted)[len(self.parts):]]
        for writer in self.writers():
            writer.delete_all_documents()
            writer.commit()
        self._info = {"format": INDEX_FORMAT, "store_id": store_id, "segmenter": segmenter, "parts": len(self.parts)}
        if self.folder is not None:
            from drafter.atomic import write_bytes_atomically

            write_bytes_atomically(self.folder / INFO_FILE, json.dumps(self._info).encode("utf-8"))

    def _wipe(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the user's own, like the store
        self._info = {}

    # -- writing ----------------------------------------------------------------------------------

    def writers(self) -> list:
        """Every part's writer (tantivy.IndexWriter), taken together or not at all."""
        if self._writers is None:
            _fewer_malloc_arenas()
            taken = []
            try:
                for part in self.parts:
                    taken.append(part.writer(WRITER_HEAP, 1))
            except ValueError as err:
                for writer in taken:
                    writer.rollback()
                if "Lock" in str(err):
                    raise IndexBusy(str(err)) from err
                raise
            self._writers = taken
        return self._writers

    def writer(self):  # noqa: ANN201 - tantivy.IndexWriter
        """Take the writers (raises IndexBusy when another process holds them); the first part's."""
        return self.writers()[0]

    def _part_of(self, entries: list[Entry]) -> int:
        """The part a document goes to, from its words: the same text lands in the same part on
        every machine (a pulled copy ranks as the original does), whatever its id there."""
        if len(self.parts) == 1:
            return 0
        crc = 0
        for e in entries:
            crc = zlib.crc32(e.tokens.encode("utf-8"), crc)
        return crc % len(self.parts)

    def delete(self, doc_ids: Iterable[int]) -> None:
        """Remove the documents' entries from every part (a changed text may have moved)."""
        import tantivy

        writers = self.writers()
        for doc_id in doc_ids:
            # by query, not by term: a Python int given as a term is taken for an i64 and matches no u64
            query = tantivy.Query.term_query(self.schema, "doc_id", doc_id)
            for writer in writers:
                writer.delete_documents_by_query(query)

    def add(self, doc_id: int, entries: list[Entry]) -> None:
        """Index one document's paragraphs and its marker (after `delete` of its old entries), all in
        the document's part."""
        import tantivy

        writer = self.writers()[self._part_of(entries)]
        marker = tantivy.Document()
        marker.add_unsigned("doc_id", doc_id)
        marker.add_unsigned("marker", 1)
        writer.add_document(marker)
        for e in entries:
            if e.tokens:
                writer.add_document(_document(e))

    def commit(self) -> None:
        """Every part's writes become visible. Parts commit one after another: the journal rows of
        what they hold are removed only after the last (index_sync), so a failure in between leaves
        them to be written again, never lost."""
        for writer in self._writers or []:
            writer.commit()

    def release(self) -> None:
        """Commit and give the writers (and their locks) back, after merges finish."""
        writers, self._writers = self._writers or [], None
        for writer in writers:
            writer.commit()
            writer.wait_merging_threads()

    def rollback(self) -> None:
        writers, self._writers = self._writers or [], None
        for writer in writers:
            writer.rollback()
            writer.wait_merging_threads()

    # -- reading ----------------------------------------------------------------------------------

    def searchers(self) -> list:  # tantivy.Searcher each
        for part in self.parts:
            part.reload()
        return [part.searcher() for part in self.parts]

    def search(self, query, limit: int) -> list[tuple[float, int]]:  # noqa: ANN001 - tantivy.Query
        """(score, paragraph id) of the best `limit` paragraphs, best first: each part's best, the
        parts searched side by side (tantivy lets go of the GIL while it searches)."""
        if limit <= 0:
            return []
        searchers = self.searchers()
        if len(searchers) == 1:
            return _best(searchers[0], query, limit)
        found: list[list[tuple[float, int]]] = [[] for _ in searchers]

        def run(i: int) -> None:
            found[i] = _best(searchers[i], query, limit)

        others = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(1, len(searchers))]
        for thread in others:
            thread.start()
        run(0)
        for thread in others:
            thread.join()
        merged = sorted((hit for hits in found for hit in hits), key=lambda hit: -hit[0])
        return merged[:limit]

    def doc_count(self) -> int:
        import tantivy

        query = tantivy.Query.term_query(self.schema, "marker", 1)
        return sum(s.search(query, 1, count=True).count for s in self.searchers())

    def doc_ids(self) -> set[int]:
        """Every document the index holds (its markers)."""
        import tantivy

        query = tantivy.Query.term_query(self.schema, "marker", 1)
        ids: set[int] = set()
        for searcher in self.searchers():
            total = searcher.search(query, 1, count=True).count
            if total:
                hits = searcher.search(query, total, count=False).hits
                ids.update(searcher.fast_field_values("doc_id", [address for _, address in hits]))
        return ids

    def paragraph_count(self) -> int:
        return sum(s.num_docs for s in self.searchers()) - self.doc_count()

    def size_bytes(self) -> int:
        if self.folder is None:
            return 0
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file())

    def close(self) -> None:
        self.release()


def _best(searcher, query, limit: int) -> list[tuple[float, int]]:  # noqa: ANN001
    hits = searcher.search(query, limit, count=False).hits
    pids = searcher.fast_field_values("pid", [address for _, address in hits])
    return [(score, pid) for (score, _), pid in zip(hits, pids)]


def _document(e: Entry):  # noqa: ANN202 - tantivy.Document
    import tantivy

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
    return doc


def parts_for(documents: int) -> int:
    """One part (every score from the whole corpus's word statistics) until an archive's size makes
    the second core worth more than the last digits of BM25 (on the bundled corpus the parts' word
    statistics would differ enough to reorder near-ties in half the searches)."""
    return PARTS if documents >= SPLIT_FROM else 1


def _parts_of(info: dict) -> int:
    parts = info.get("parts", 1)  # an earlier release's index: one part, in the folder itself
    return parts if isinstance(parts, int) and 1 <= parts <= 16 else 1


def _part_folders(folder: Path | None, parts: int) -> list[Path | None]:
    """Part 0 is the folder itself (where an index of one part has always been), part k its
    `part-k` subfolder."""
    if folder is None:
        return [None] * parts
    return [folder] + [folder / f"part-{k}" for k in range(1, parts)]


def _open_part(schema, folder: Path):  # noqa: ANN001, ANN202 - tantivy.Index
    import tantivy

    if not (folder / "meta.json").is_file():
        raise OSError(f"no index part in {folder}")
    return tantivy.Index(schema, path=str(folder), reuse=True)


def _new_part(schema, folder: Path | None):  # noqa: ANN001, ANN202 - tantivy.Index
    import tantivy

    if folder is None:
        return tantivy.Index(schema)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return tantivy.Index(schema, path=str(folder), reuse=False)

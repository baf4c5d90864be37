"""What the rest of drafter may ask of a corpus store, whichever backend holds it.

Two backends stand behind this interface: SQLite in the user's data folder (`drafter.store.sqlite`,
the default) and, for a whole office, a PostgreSQL server (`drafter.store.postgres`, to come).
`drafter.store.open_store(location)` chooses one; the CLI, the app, the section library, rank and
export only ever see a `CorpusStore`.

Lists and counts take a `DocFilter` and are filtered, counted and paged by the store (SQL), never
in Python: at 100,000 plans a list page must come back in milliseconds. Search takes the same
filter. A store is meant for one thread at a time; a worker thread opens its own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from drafter.corpus.ingest import IngestReport, Progress
    from drafter.model import Document, Section
    from drafter.store.files import FileJob
    from drafter.store.types import DocSummary, Hit, IngestResult, SourceFile, StoredParagraph, StoredTask

ORDERS = ("id", "date", "region", "title")
DEFAULT_CORPUS_KEY = "default_corpus_ingested"  # meta: the PARSER_VERSION the bundled plans were read by
_YEARS = re.compile(r"^\s*(\d{4})?\s*(?:(-|–|—|~|至|到)\s*(\d{4})?)?\s*$")


@dataclass(frozen=True)
class DocFilter:
    """Which documents: every field left None matches everything; the fields combine with AND.

    `region` matches a document's region written whole (哈尔滨市), without its suffix (哈尔滨) or
    as the province it lies in (黑龙江省 / 黑龙江). `kind` keeps documents with a section of that
    kind (and, in search, paragraphs under such a section). `text` is a quick filter on title,
    plan title, region and 文号 (a substring). `plans_only` leaves out what is not a place's own
    plan (`DocSummary.is_plan`)."""

    region: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    kind: str | None = None
    doc_type: str | None = None
    level: str | None = None  # 省级 / 市级 / 县级 / 国家级
    text: str | None = None
    plans_only: bool = False  # a place's own plans: no notices, 解读, 起草说明, templates

    def is_empty(self) -> bool:
        return self == DocFilter()

    def with_years(self, spec: str | None) -> DocFilter:
        """`2017`, `2015-2018`, `2015-`, `-2018` (also 2015至2018)."""
        if not spec:
            return self
        found = _YEARS.match(spec)
        if not found or not (found.group(1) or found.group(3)):
            from drafter.errors import DrafterError
            from drafter.messages import t

            raise DrafterError(t("store_backend.bad_years", spec=spec))
        low, dash, high = found.group(1), found.group(2), found.group(3)
        if not dash:
            high = low
        return replace(self, year_from=int(low) if low else None, year_to=int(high) if high else None)


@dataclass
class Page:
    """One page of a filtered list: `total` documents match, `items` are `offset`… of them."""

    items: list[DocSummary]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


@dataclass
class Facets:
    """The values the filters can take in this store, each with its number of documents."""

    regions: dict[str, int] = field(default_factory=dict)
    provinces: dict[str, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    doc_types: dict[str, int] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)


@dataclass
class Versions:
    """What an upgrade would redo: files read by an older parser, an index cut by another segmenter."""

    stale_files: int = 0
    index_stale: bool = False  # the search index must be rebuilt (segmenter or index format changed)
    index_pending: int = 0  # documents whose index entries are still to be written (a killed ingest)
    index_reason: str = ""  # why it is stale: missing, segmenter or parts (SearchIndex.unfit)


@runtime_checkable
class CorpusStore(Protocol):
    """The corpus store. Ids are stable integers; `corpus:ID` names a document everywhere."""

    location: str  # what the user gave (a path, or a server URL without its password)

    # -- lifecycle ------------------------------------------------------------------------------
    def close(self) -> None: ...
    def __enter__(self) -> CorpusStore: ...
    def __exit__(self, *exc: object) -> None: ...

    # -- writing: files and documents -----------------------------------------------------------
    def add_file(self, path: str | os.PathLike) -> IngestResult: ...
    def unchanged(self, job: FileJob) -> IngestResult | None:
        """An 'unchanged' result when this content is stored already (read by this parser)."""
    def commit(self, jobs: list[FileJob]) -> list[IngestResult]:
        """Record files read by `files.read_file_job` (maybe in worker processes): one transaction.
        Their search entries may wait for `update_index` (an ingest calls it at the end)."""
    def add_documents(self, documents: list[Document]) -> list[int]: ...
    def source_files(self) -> list[SourceFile]: ...
    def file_documents(self, file_id: int) -> list[int]:
        """The ids of the documents read from one source file (`SourceFile.id`), in order: what
        `drafter corpus push`/`pull` copies with the file, and what `corpus files` counts."""

    # -- reading --------------------------------------------------------------------------------
    def count_documents(self, where: DocFilter | None = None) -> int: ...
    def list_documents(
        self, where: DocFilter | None = None, *, offset: int = 0, limit: int | None = None, order: str = "id"
    ) -> list[DocSummary]: ...
    def page(self, where: DocFilter | None = None, *, offset: int = 0, limit: int = 100, order: str = "id") -> Page: ...
    def facets(self) -> Facets: ...
    def summary(self, doc_id: int) -> DocSummary: ...
    def get_document(self, doc_id: int) -> Document: ...
    def iter_documents(self, where: DocFilter | None = None) -> Iterator[tuple[DocSummary, Document]]: ...
    def paragraphs(self, doc_id: int) -> list[StoredParagraph]: ...
    def paragraph_texts(self, doc_id: int) -> list[str]:
        """The texts of `paragraphs(doc_id)`, in order, without their headings (what rank compares)."""
    def sections_of_kind(self, kind: str, limit: int | None = None) -> list[tuple[DocSummary, Section]]: ...
    def tasks(
        self, where: DocFilter | None = None, *, lead: str | None = None, offset: int = 0, limit: int | None = None
    ) -> list[StoredTask]: ...
    def resolve(self, name_or_id: str | int) -> int: ...

    # -- search and similarity ------------------------------------------------------------------
    def search(self, query: str, limit: int = 20, where: DocFilter | None = None) -> list[Hit]: ...
    def update_index(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Bring the search index up to date (a rebuild after a segmenter change, the rest of a
        killed ingest); False when another process is writing it. A backend whose index is the
        database's own does nothing here."""
    def signatures(self, where: DocFilter | None = None) -> tuple[list[int], bytes]:
        """(document ids, their MinHash signatures as one C-ordered uint32 matrix, row by row)."""

    # -- versions and meta ----------------------------------------------------------------------
    def versions(self) -> Versions: ...
    def upgrade(self, progress: Progress | None = None) -> IngestReport:
        """Re-read files an older parser read, and bring the search index up to date."""
    def ensure_default_corpus(self, progress: Progress | None = None) -> IngestReport | None: ...
    def meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...

"""Loading the corpus for the app: the store when it is there, the bundled files otherwise.

Runs on a worker thread (the store's first run ingests the bundled corpus, which takes seconds);
`progress` is called from that thread, so callers must hand results back to the UI thread.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.messages import t

Progress = Callable[[str, float | None], None]
"""(what is happening, fraction done 0..1 or None when unknown)."""


@dataclass(frozen=True)
class CorpusEntry:
    """One corpus document as the app lists it."""

    id: str
    region: str
    date: str
    doc_number: str
    title: str
    source: str = ""
    issuer: str = ""
    level: str = ""  # 省级 / 市级 / 县级
    kinds: tuple[str, ...] = ()  # the section kinds the plan holds
    doc_type: str = ""  # 方案 / 通知 / 起草说明 / 解读 / 征求意见 / 其他 (drafter.corpus.doctype)
    is_template: bool = False  # a 范文/模板 text: no place's own plan
    region_note: str = ""  # why there is no region: template / national / anonymised / unnamed

    @property
    def place(self) -> str:
        """The region, or in its place why there is none (范文模板, 全国…), or —."""
        if self.region:
            return self.region
        note = "template" if self.is_template else self.region_note
        return t(f"tui.place_{note}") if note in ("template", "national", "anonymised") else "—"


PAGE = 200  # rows the corpus list fetches at a time (the store filters, orders and pages in SQL)


@dataclass
class CorpusState:
    entries: list[CorpusEntry] = field(default_factory=list)  # the first page (all of them without a store)
    from_store: bool = False  # False: the bundled files listed directly (no search, no ids)
    note: str = ""  # why the list is partial, shown to the user
    total: int = 0  # documents in the store
    facets: Any = None  # drafter.store.Facets: the values the filters can take, with their counts

    @property
    def count(self) -> int:
        return max(self.total, len(self.entries))


def load_corpus(db: str | None, progress: Progress) -> CorpusState:
    """Open the store (ingesting the bundled corpus on first run): its first page and its facets."""
    if importlib.util.find_spec("drafter.store") is None:
        return load_from_files(progress, note=t("tui.corpus_no_store"))
    from drafter.store import connect_store

    progress(t("tui.corpus_opening"), None)
    with connect_store(db) as store:  # a connection belongs to this worker thread: close it here
        store.ensure_default_corpus(_store_progress(progress))
        page = store.page(offset=0, limit=PAGE)  # corpus order, as `drafter corpus list`
        facets = store.facets()
    entries = [entry_from(doc) for doc in page.items]
    if not entries:  # an empty store still shows the user what ships with drafter
        return load_from_files(progress, note=t("tui.corpus_empty_store"))
    return CorpusState(entries=entries, from_store=True, total=page.total, facets=facets)


def load_page(db: str | None, where: Any = None, offset: int = 0, limit: int = PAGE,
              order: str = "id") -> tuple[list[CorpusEntry], int]:  # fmt: skip
    """One page of the corpus list, filtered (`drafter.store.DocFilter`) and ordered by the store:
    (entries, documents matching in all). Call it from a worker thread."""
    from drafter.store import connect_store

    with connect_store(db) as store:
        page = store.page(where, offset=offset, limit=limit, order=order)
    return [entry_from(doc) for doc in page.items], page.total


def find_entries(db: str | None, query: str, limit: int = PAGE) -> list[CorpusEntry]:
    """Documents for a picker: those whose title, region or 文号 hold the query's first word (or
    that lie in the region it names), then the other words. From a worker thread."""
    from drafter.store import DocFilter

    words = query.split()
    if not words:
        return load_page(db, None, limit=limit)[0]
    found = load_page(db, DocFilter(text=words[0]), limit=limit)[0]
    if not found:
        found = load_page(db, DocFilter(region=words[0]), limit=limit)[0]
    rest = words[1:]
    return [e for e in found if all(w in f"{e.region} {e.title} {e.doc_number} {e.issuer}" for w in rest)]


def load_from_files(progress: Progress, note: str = "") -> CorpusState:
    """Without a store: read each bundled file with the outline pipeline, or list names only."""
    from drafter.resources import corpus_files

    files = corpus_files()
    entries: list[CorpusEntry] = []
    for i, path in enumerate(files):
        progress(t("tui.corpus_reading", name=path.name), i / max(len(files), 1))
        entries.extend(_entries_of_file(path))
    progress(t("tui.corpus_done"), 1.0)
    return CorpusState(entries=entries, note=note)


def _entries_of_file(path: Path) -> list[CorpusEntry]:
    try:
        from drafter.reader import read_plans

        documents = read_plans(path)
    except Exception:  # noqa: BLE001 - the parser may not be there yet; the file still lists
        title = _first_line(path) or path.name
        return [CorpusEntry(id=path.stem, region="", date="", doc_number="", title=title, source=str(path))]
    return [
        entry_from(doc, fallback_id=f"{path.stem}#{n}")
        for n, doc in enumerate(documents, start=1)
    ]


def _first_line(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    return line.strip()[:80]
    except OSError:
        pass
    return ""


def entry_from(doc: Any, fallback_id: str = "") -> CorpusEntry:
    """A CorpusEntry from whatever the store lists: an object with attributes or a mapping."""

    def get(name: str) -> str:
        value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
        return "" if value is None else str(value)

    title = get("plan_title") or get("title") or t("tui.untitled")  # the plan, not the notice wrapping it
    kinds = doc.get("kinds") if isinstance(doc, dict) else getattr(doc, "kinds", None)
    return CorpusEntry(
        id=get("id") or get("doc_id") or fallback_id,
        region=get("region"),
        date=get("date"),
        doc_number=get("doc_number"),
        title=title,
        source=get("source") or get("source_path"),
        issuer=get("issuer"),
        level=get("level"),
        kinds=tuple(sorted(kinds or ())),
        doc_type=get("doc_type"),
        is_template=get("is_template") == "True",
        region_note=get("region_note"),
    )


def _store_progress(progress: Progress) -> Callable[..., None]:
    """Adapt whatever the store reports (a fraction, done/total, a name) to `Progress`."""

    def report(*args: Any, **kwargs: Any) -> None:
        numbers = [a for a in args if isinstance(a, (int, float)) and not isinstance(a, bool)]
        words = [Path(str(getattr(a, "path", a))).name for a in args if isinstance(a, (str, Path)) or hasattr(a, "path")]
        fraction: float | None = None
        if len(numbers) >= 2 and numbers[1]:
            fraction = numbers[0] / numbers[1]
        elif len(numbers) == 1 and 0 <= numbers[0] <= 1:
            fraction = float(numbers[0])
        progress(" ".join(words) or t("tui.corpus_ingesting_bundled"), fraction)

    return report

"""`drafter ingest PATH...` and `drafter corpus list|show|search|facets|upgrade`: the store from the shell.

Every command opens the store named by `--db` (or `DRAFTER_DB`, or the default) and reads the
bundled corpus into it on first use, telling the user on stderr. Lists and searches take the same
filters (`--region`, `--year`, `--kind`, `--type`, `--level`, `--grep`), applied by the store.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from drafter.cli.output import emit_json, task_line, warn
from drafter.fsnames import shown
from drafter.messages import t

TTY_WIDTH = 240  # characters of a paragraph shown around its first match on a terminal

if TYPE_CHECKING:
    from drafter.corpus.ingest import IngestReport, Progress
    from drafter.model import Document
    from drafter.store import CorpusStore, DocFilter
    from drafter.store.types import DocSummary, Hit


def register(sub) -> None:  # noqa: ANN001 - argparse's private subparsers type
    p = sub.add_parser("ingest", help="read plan files or folders (.txt .md .html .docx) into the corpus")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--workers", type=int, default=None, help="processes reading files (default: auto)")
    p.add_argument("--json", action="store_true", help="one result per file, as JSON")
    p.set_defaults(func=cmd_ingest)

    corpus = sub.add_parser("corpus", help="list, show and search the plans in the corpus")
    csub = corpus.add_subparsers(dest="corpus_command", metavar="ACTION", required=True)
    p = csub.add_parser("list", help="documents: id, type, region, date, 文号, title (filtered, a page at a time)")
    add_filters(p)
    p.add_argument("--order", choices=("id", "date", "region", "title"), default="id")
    p.add_argument("--offset", type=int, default=0, help="skip this many documents")
    p.add_argument("--limit", type=int, default=None, help="at most this many documents (default: all)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--plans", action="store_true", help=t("outline.list_plans_only"))
    p.set_defaults(func=cmd_list)
    p = csub.add_parser("show", help="one document's metadata, outline and tasks")
    p.add_argument("doc", metavar="ID", help="a document id, or a region or title (e.g. 哈尔滨)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)
    p = csub.add_parser("search", help="ranked paragraphs matching a query, e.g. 取消药品加成")
    p.add_argument("query")
    add_filters(p)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="the stable JSON contract")
    p.set_defaults(func=cmd_search)
    p = csub.add_parser("facets", help="the regions, years, kinds and document types in the corpus, with counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_facets)
    p = csub.add_parser("upgrade", help="re-read files an older parser read; rebuild or complete the search index")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_upgrade)


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--region", help="a region (哈尔滨, 哈尔滨市) or a province (黑龙江)")
    p.add_argument("--year", help="a year or a range: 2017, 2015-2018, 2015-, -2018")
    p.add_argument("--kind", help="documents (search: paragraphs) under a section of this kind, e.g. 重点任务")
    p.add_argument("--type", dest="doc_type", help="the document type: 方案, 通知, 起草说明, 解读, 征求意见 or 其他")
    p.add_argument("--level", help="省级, 市级 or 县级")
    p.add_argument("--grep", help="title, region or 文号 contains this text")


def filter_of(args: argparse.Namespace) -> DocFilter:
    from drafter.store import DocFilter

    where = DocFilter(region=args.region, kind=args.kind, doc_type=args.doc_type, level=args.level, text=args.grep,
                      plans_only=getattr(args, "plans", False))
    return where.with_years(args.year)


# -- opening the store, with progress --------------------------------------------------------


@contextmanager
def progress_bar(label: str) -> Iterator[Progress]:
    """A rich progress bar on stderr when it is a terminal; otherwise nothing (logs stay clean)."""
    if not sys.stderr.isatty():
        yield lambda done, total, result: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, result) -> None:  # noqa: ANN001
            bar.update(task, completed=done, total=total)

        yield update


def open_corpus(args: argparse.Namespace) -> CorpusStore:
    """The store for `--db`, with the bundled corpus read into it on first use."""
    from drafter.store import DEFAULT_CORPUS_KEY, connect_store

    store = connect_store(getattr(args, "db", None))
    try:
        first_use = not store.meta(DEFAULT_CORPUS_KEY)
        if first_use:
            warn(t("store.first_use"))
            with progress_bar("bundled corpus") as progress:
                report = store.ensure_default_corpus(progress)
            if report:
                for result in report.skipped:  # a bundled file that does not read is a bug: say so
                    warn(t("store.bundled_skipped", path=shown(result.path), why=one_line(result.why)))
                warn(t("store.bundled_summary", summary=report.summary()))
    except BaseException:
        store.close()
        raise
    return store


# -- commands --------------------------------------------------------------------------------


# Exit codes of `drafter ingest` (README): every file read or already stored; some files skipped
# (each named on its own line, the others stored); the ingest could not run (store, arguments).
INGEST_OK, INGEST_SKIPPED, INGEST_FAILED = 0, 1, 2


def cmd_ingest(args: argparse.Namespace) -> int:
    from drafter.corpus.ingest import ingest_paths

    with open_corpus(args) as store, progress_bar("ingesting") as progress:
        report = ingest_paths(store, args.paths, progress=progress, workers=args.workers)
    if args.json:
        emit_json({"summary": report.summary(), "files": [vars(r) for r in report.results]})
    else:
        print_report(report)
    return INGEST_SKIPPED if report.skipped else INGEST_OK


def print_report(report: IngestReport) -> None:
    for result in report.skipped:
        print(t("ingest.skipped_line", path=shown(result.path), why=one_line(result.why)))
    for result in report.read:
        if result.replaced:
            print(t("ingest.replaced_line", path=shown(result.path), documents=result.documents))
    print(t("ingest.summary_time", summary=report.summary(), seconds=f"{report.seconds:.1f}"))


def one_line(text: str | None) -> str:
    """A reason as part of one output line: line breaks inside it become spaces."""
    return " ".join((text or "").split("\n"))


def update_index(store: CorpusStore) -> None:
    """Before a search: rebuild or complete the search index, with a word and a bar, when needed."""
    from drafter.store.index_work import index_work

    work = index_work(store)
    if work is None:
        return
    key, count = work
    warn(t(f"store_backend.{key}", count=count))
    with progress_bar("index") as progress:
        store.update_index(lambda done, total: progress(done, total, None))


def cmd_list(args: argparse.Namespace) -> int:
    where = filter_of(args)
    with open_corpus(args) as store:
        docs = store.list_documents(where, offset=args.offset, limit=args.limit, order=args.order)
        paged = args.offset or args.limit is not None or not where.is_empty()
        total = store.count_documents(where) if paged else len(docs)
    if args.json:
        emit_json({"documents": [d.as_json() for d in docs], "total": total, "offset": args.offset})
        return 0
    print_list(docs, total, filtered=not where.is_empty())
    return 0


def cmd_facets(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    with open_corpus(args) as store:
        facets = store.facets()
    if args.json:
        emit_json(asdict(facets))
        return 0
    for name, values in asdict(facets).items():
        shown = "  ".join(f"{value} {n}" for value, n in list(values.items())[:30])
        print(f"{name}: {shown}{'  …' if len(values) > 30 else ''}")
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    from drafter.messages import t

    with open_corpus(args) as store, progress_bar("upgrade") as progress:
        report = store.upgrade(progress)
    if args.json:
        emit_json({"summary": report.summary(), "files": [vars(r) for r in report.results]})
    else:
        print(t("store_backend.upgraded", summary=report.summary()))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from drafter.store.read import document_json

    with open_corpus(args) as store:
        doc_id = store.resolve(args.doc)
        summary, document = store.summary(doc_id), store.get_document(doc_id)
    if args.json:
        emit_json(document_json(summary, document))
    else:
        print_document(summary, document)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    where = filter_of(args)
    with open_corpus(args) as store:
        update_index(store)
        hits = store.search(args.query, limit=args.limit, where=where)
    if args.json:
        emit_json({"query": args.query, "hits": [h.as_json() for h in hits]})
        return 0
    print_hits(args.query, hits)
    return 0


# -- printing --------------------------------------------------------------------------------


def _console():  # noqa: ANN202
    from rich.console import Console

    # Plain text when piped: no colours, no wrapping that would cut a paragraph in two.
    tty = sys.stdout.isatty()
    return Console(highlight=False, soft_wrap=not tty, no_color=not tty, emoji=False)


def _pad(text: str, width: int) -> str:
    from rich.cells import cell_len

    return text + " " * max(0, width - cell_len(text))  # Chinese characters are two cells wide


def print_list(docs: list[DocSummary], total: int | None = None, filtered: bool = False) -> None:
    from drafter.messages import t

    if not docs:
        print(t("store_backend.no_match") if filtered or total else t("store_backend.empty"))
        return
    from rich.cells import cell_len

    from drafter.corpus.labels import region_label, type_label

    types = {d.id: type_label(d.doc_type, d.is_template) for d in docs}
    places = {d.id: region_label(d.region, d.region_note) for d in docs}
    type_width, region_width = max(cell_len(x) for x in types.values()), max(cell_len(x) for x in places.values())
    for d in docs:
        facts = f"{d.id:>4}  {_pad(types[d.id], type_width)}  {_pad(places[d.id], region_width)}  {d.date or '—':<10}  "
        title = d.title or d.plan_title or "(untitled)"
        number = f"  {d.doc_number}" if d.doc_number else ""
        print(f"{facts}{title}{number}  [{d.sections} sections, {d.tasks} tasks]")
    if total is not None and total != len(docs):
        print(t("store_backend.listed_of", shown=len(docs), total=total))
    else:
        print(t("store_backend.listed", shown=len(docs)))


def print_document(summary: DocSummary, document: Document) -> None:
    from drafter.corpus.labels import region_label, type_label

    print(f"# {document.title or document.plan_title or '(untitled)'}  (id {summary.id})")
    facts = {
        "type": type_label(summary.doc_type, summary.is_template),
        "plan": document.plan_title, "issuer": document.issuer, "date": document.date,
        "文号": document.doc_number, "region": region_label(document.region, document.region_note),
        "level": document.level,
        "source": summary.source_path,
    }  # fmt: skip
    for name, value in facts.items():
        if value:
            print(f"  {name}: {value}")
    print()
    for section in document.walk():
        kind = f"  [{section.kind}]" if section.kind else ""
        print(f"{'  ' * section.level}{section.heading}{kind}")
        for task in section.tasks:
            print(f"{'  ' * (section.level + 1)}{task_line(task, _short(task.text))}")


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_hits(query: str, hits: list[Hit]) -> None:
    from drafter.messages import t

    if not hits:
        print(t("search.nothing", query=query))
        return
    if not sys.stdout.isatty():
        _print_plain_hits(hits)
        return
    from rich.text import Text

    console = _console()
    for rank, hit in enumerate(hits, 1):
        where = " · ".join(x for x in (hit.region, hit.date) if x)
        console.print(Text(f"{rank}. [{hit.doc_id}] {where}  {hit.title or ''}", style="bold"))
        if hit.heading_path:
            console.print(Text("   " + " › ".join(hit.heading_path), style="cyan"))
        console.print(_highlighted(hit, plain=not sys.stdout.isatty()))
    console.print(t("search.count", count=len(hits)), style="dim")


def _print_plain_hits(hits: list[Hit]) -> None:
    """Piped: what the console prints without a terminal (no styles, no wrapping), without
    importing rich (~50 ms of the command's start)."""
    from drafter.messages import t
    from drafter.store.search import snippet

    for rank, hit in enumerate(hits, 1):
        where = " · ".join(x for x in (hit.region, hit.date) if x)
        print(f"{rank}. [{hit.doc_id}] {where}  {hit.title or ''}")
        if hit.heading_path:
            print("   " + " › ".join(hit.heading_path))
        print("   " + snippet(hit.text, hit.spans, width=max(len(hit.text), 1)))
    print(t("search.count", count=len(hits)))


def _highlighted(hit: Hit, plain: bool):  # noqa: ANN202
    """The paragraph with its matches wrapped in « » (piped: whole) or styled (on a terminal:
    a window of it, as a scraped paragraph can run to thousands of characters)."""
    from rich.text import Text

    from drafter.store.search import snippet, window

    if plain:
        return Text("   " + snippet(hit.text, hit.spans, width=max(len(hit.text), 1)))
    start, end = window(hit.text, hit.spans, TTY_WIDTH)
    text = Text("   " + ("…" if start else "") + hit.text[start:end] + ("…" if end < len(hit.text) else ""))
    shift = 3 + (1 if start else 0) - start
    for s, e in hit.spans:
        if e > start and s < end:
            text.stylize("bold black on yellow", max(s, start) + shift, min(e, end) + shift)
    return text

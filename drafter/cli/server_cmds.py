"""The shared store from the shell: `drafter store init`, `drafter corpus push|pull|files`.

    drafter store init --db postgresql://drafter@server/corpus    # once, for the office
    drafter corpus push                 # this PC's local corpus → the server (--db / DRAFTER_DB)
    drafter corpus pull                 # the server's corpus → this PC's local store
    drafter corpus files                # every source file: who ingested it, from where, when

`push` and `pull` copy between the local SQLite store (`--local`, default: the one in the data
folder) and the server store `--db` names; both deduplicate by content, so running either twice
copies nothing new.
"""

from __future__ import annotations

import argparse
import sys

from drafter.cli.output import emit_json
from drafter.messages import t


def register(sub) -> None:  # noqa: ANN001 - argparse's private subparsers type
    store = sub.add_parser("store", help="the shared server store: create its schema (init)")
    ssub = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    p = ssub.add_parser("init", help="create (or bring up to date) drafter's schema in a PostgreSQL database")
    _db_here_too(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_init)
    if "corpus" in sub.choices:  # not built when the command line names `store` alone
        _register_corpus_parts(_subparsers(sub.choices["corpus"]))


def _register_corpus_parts(corpus) -> None:  # noqa: ANN001 - argparse's private subparsers type
    for name, helptext, func in (
        ("push", "copy the local corpus to the server store (--db), skipping what it holds", cmd_push),
        ("pull", "copy the server store's corpus (--db) into the local store", cmd_pull),
    ):
        p = corpus.add_parser(name, help=helptext)
        p.add_argument(
            "--local", metavar="PATH", help="the local store file (default: the one in the data folder)"
        )
        _db_here_too(p)
        p.add_argument("--json", action="store_true", help="the summary as JSON")
        p.set_defaults(func=func)
    p = corpus.add_parser("files", help="source files: status, documents, who ingested them and when")
    _db_here_too(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_files)


def _db_here_too(parser: argparse.ArgumentParser) -> None:
    """`drafter store init --db URL` as well as `drafter --db URL store init` (an office's admin
    writes the server's address after the command); absent, the global `--db` / DRAFTER_DB stands."""
    parser.add_argument("--db", default=argparse.SUPPRESS, help="the server store (postgresql://user@server/db)")


def _subparsers(parser: argparse.ArgumentParser):  # noqa: ANN202 - argparse's private _SubParsersAction
    """The `corpus` group's actions (made by drafter.cli.store_cmds), to add ours beside them."""
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001


def _server_location(args: argparse.Namespace, command: str):  # noqa: ANN202 - drafter.store.location.Location
    from drafter.errors import DrafterError
    from drafter.store.location import parse

    where = parse(getattr(args, "db", None))
    if where.backend != "postgresql":
        raise DrafterError(t("store_pg.needs_server", command=command))
    return where


def cmd_init(args: argparse.Namespace) -> int:
    from drafter.store.postgres.schema import init_store

    where = _server_location(args, "drafter store init")
    before, version, index, documents = init_store(where.target)
    if args.json:
        emit_json({"location": where.shown, "created": before is None, "schema_version": version,
                   "previous_version": before, "search_index": index, "documents": documents})  # fmt: skip
    elif before is None:
        print(t("store_pg.init_done", location=where.shown, version=version, index=index.upper()))
    else:
        print(
            t(
                "store_pg.init_exists",
                location=where.shown,
                version=version,
                documents=documents,
                index=index.upper(),
            )
        )
    return 0


def _local_path(args: argparse.Namespace) -> str:
    from drafter.paths import locations
    from drafter.store.location import sqlite_path

    return str(sqlite_path(args.local)) if args.local else str(locations().data_dir / "drafter.sqlite3")


def cmd_push(args: argparse.Namespace) -> int:
    return _copy(args, push=True)


def cmd_pull(args: argparse.Namespace) -> int:
    return _copy(args, push=False)


def _copy(args: argparse.Namespace, push: bool) -> int:
    from pathlib import Path

    from drafter.cli.store_cmds import progress_bar
    from drafter.store import connect_store
    from drafter.store.transfer import copy_store

    server = _server_location(args, "drafter corpus push" if push else "drafter corpus pull")
    local = _local_path(args)
    Path(local).parent.mkdir(parents=True, exist_ok=True)
    with connect_store(local) as near, connect_store(server.target) as far:
        source, target = (near, far) if push else (far, near)
        direction = t(
            "store_pg.push" if push else "store_pg.pull", source=source.location, target=target.location
        )
        print(direction, file=sys.stderr)
        with progress_bar("push" if push else "pull") as progress:
            report = copy_store(source, target, progress, qualify_paths=not push)
    if args.json:
        emit_json({"direction": "push" if push else "pull", "source": source.location, "target": target.location,
                   **report.as_json()})  # fmt: skip
        return 0
    for result in report.skipped:
        print(t("store_pg.copy_skipped", path=result.path, why=result.why))
    print(t("store_pg.copied", direction=direction, copied=len(report.copied), documents=report.documents,
            present=report.present, skipped=len(report.skipped), seconds=f"{report.seconds:.1f}"))  # fmt: skip
    return 1 if report.skipped else 0


def cmd_files(args: argparse.Namespace) -> int:
    from drafter.cli.store_cmds import open_corpus

    with open_corpus(args) as store:
        files = store.source_files()
        counts = {f.id: len(store.file_documents(f.id)) for f in files}
    if args.json:
        emit_json({"files": [vars(f) | {"documents": counts[f.id]} for f in files]})
        return 0
    if not files:
        print(t("store_pg.files_none"))
        return 0
    print(t("store_pg.files_header"))
    for f in files:
        who = "@".join(x for x in (f.user, f.host) if x) or "—"
        print(f"{f.id:>5}  {f.status:<7}  {counts[f.id]:>3}  {who}  {f.ingested_at[:19].replace('T', ' ')}  {f.path}"
              + (f"  ({f.why})" if f.why else ""))  # fmt: skip
    print(t("store_pg.files_count", count=len(files)))
    return 0

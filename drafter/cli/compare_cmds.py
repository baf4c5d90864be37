"""`drafter diff A B` and `drafter rank DRAFT`: compare plans, find the corpus plans a draft reuses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub) -> None:  # noqa: ANN001 - argparse's private subparsers type
    p = sub.add_parser(
        "diff",
        help="compare two plans section by section (files, corpus ids or names such as 哈尔滨)",
        description="Compare A with B: sections aligned, moves shown as moves, renumbering ignored, "
        "unimportant differences (width, punctuation variants, whitespace, 二〇二四/2024, 我市/本市) "
        "marked ~.",
    )
    p.add_argument("a", metavar="A", help="a file (.txt .md .html .docx or a draft), a corpus id, or a name")
    p.add_argument("b", metavar="B", help="the plan to compare with (same forms as A)")
    p.add_argument("--doc", type=int, metavar="N",
                   help="in a file holding several documents, compare only the N-th (from 1)")
    p.add_argument("--json", action="store_true", help="the stable JSON contract on stdout")
    p.add_argument("--html", metavar="REPORT.html", help="write a self-contained side-by-side report")
    p.add_argument("--no-open", action="store_true", help="do not open the HTML report in a browser")
    p.add_argument("--docx", metavar="REDLINE.docx", help="write a .docx with tracked changes")
    p.add_argument("--table", metavar="TABLE.docx", help="write a 对照表 (comparison table) .docx")
    p.add_argument("--granularity", choices=("word", "char"), default="word",
                   help="inline diff by jieba words (default) or by characters")
    p.add_argument("--hide-unimportant", action="store_true",
                   help="show unimportant differences as plain text instead of dimmed")
    p.add_argument("--unimportant", default="all", metavar="LIST",
                   help="which differences are unimportant: all (default), none, or a comma list of "
                   "width,punctuation,brackets,whitespace,numerals,self_reference")
    p.add_argument("--changes-only", action="store_true", help="terminal: leave out unchanged paragraphs")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("rank", help="the corpus plans most similar to a draft, and the paragraphs it reuses")
    p.add_argument("draft", metavar="DRAFT", help="a draft or plan file (or a corpus id or name)")
    p.add_argument("--limit", type=int, default=10, help="how many plans to list (default 10)")
    p.add_argument("--shortlist", type=int, default=50, help="plans compared in full (default 50)")
    p.add_argument("--exhaustive", action="store_true", help="compare with every plan (slow on a big corpus)")
    p.add_argument("--json", action="store_true", help="plans and reused paragraphs as JSON")
    p.set_defaults(func=cmd_rank)


def _load(args: argparse.Namespace, spec: str, store_box: list) -> object:  # noqa: ANN401
    from drafter.compare import load_side
    from drafter.compare.sides import looks_like_path

    if Path(spec).expanduser().exists() or looks_like_path(spec):  # a missing file needs no store
        return load_side(spec, doc=args.doc, doc_if_several=True)
    if not store_box:
        from drafter.cli.store_cmds import open_corpus

        store_box.append(open_corpus(args))
    return load_side(spec, store_box[0], doc=None)


def cmd_diff(args: argparse.Namespace) -> int:
    from drafter.compare import compare_documents
    from drafter.text.normalize import UnimportantOptions

    options = UnimportantOptions.parse(args.unimportant)
    store_box: list = []
    try:
        a, b = _load(args, args.a, store_box), _load(args, args.b, store_box)
    finally:
        for store in store_box:
            store.close()
    comparison = compare_documents(a, b, granularity=args.granularity, unimportant=options)
    _write_files(args, comparison)
    if args.json:
        from drafter.cli.output import emit_json

        emit_json(comparison.to_json())
    elif not (args.html or args.docx or args.table):
        from drafter.compare.render_terminal import print_comparison

        print_comparison(comparison, hide_unimportant=args.hide_unimportant, changes_only=args.changes_only)
    return 0


def _write_files(args: argparse.Namespace, comparison) -> None:  # noqa: ANN001
    if args.html:
        from drafter.compare.render_html import write_report

        path = write_report(comparison, args.html, hide_unimportant=args.hide_unimportant)
        print(f"wrote {path}", file=sys.stderr)
        if not args.no_open and sys.stdout.isatty():
            import webbrowser

            webbrowser.open(path.resolve().as_uri())
    if args.docx:
        from drafter.export.redline import write_redline

        print(f"wrote {write_redline(comparison, args.docx)}", file=sys.stderr)
    if args.table:
        from drafter.export.table import write_change_table

        print(f"wrote {write_change_table(comparison, args.table)}", file=sys.stderr)


def cmd_rank(args: argparse.Namespace) -> int:
    from drafter.cli.store_cmds import open_corpus
    from drafter.compare import load_side
    from drafter.compare.rank import rank_against_corpus

    with open_corpus(args) as store:
        draft = load_side(args.draft, store)
        ranking = rank_against_corpus(draft, store, limit=args.limit, shortlist=args.shortlist,
                                      exhaustive=args.exhaustive)
    if args.json:
        from drafter.cli.output import emit_json

        emit_json(ranking.to_json())
    else:
        from drafter.compare.render_terminal import print_ranking

        print_ranking(ranking)
    return 0

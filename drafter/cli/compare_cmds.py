"""`drafter diff A B`, `drafter cover DRAFT --against X` and `drafter rank DRAFT`: compare plans, see
which tasks of a superior document a draft takes up, find the corpus plans a draft reuses.

Direction everywhere: A is the reference (参照文本), B the draft (本稿).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub) -> None:  # noqa: ANN001 - argparse's private subparsers type
    p = sub.add_parser(
        "diff",
        help="compare a reference plan A with a draft B section by section (files, corpus ids or names such as 哈尔滨)",
        description="Compare reference A with draft B: sections aligned by text and by topic (同题改写 shown "
        "side by side with their shared key terms), moves shown as moves, renumbering ignored, unimportant "
        "differences (width, punctuation variants, whitespace, 二〇二四/2024, 我市/本市) marked ~.",
    )
    p.add_argument("a", metavar="A", help="the reference: a file (.txt .md .html .docx or a draft), a corpus id, "
                   "or a name")
    p.add_argument("b", metavar="B", help="the draft (same forms as A)")
    p.add_argument("--doc", type=int, metavar="N",
                   help="in a file holding several documents, compare only the N-th (from 1)")
    p.add_argument("--json", action="store_true", help="the stable JSON contract on stdout")
    p.add_argument("--html", metavar="REPORT.html", help="write a self-contained side-by-side report")
    p.add_argument("--no-open", action="store_true", help="do not open the HTML report in a browser")
    p.add_argument("--docx", metavar="REDLINE.docx", help="write a .docx with tracked changes (A → B)")
    p.add_argument("--author", metavar="NAME", help="the reviser named on the redline's changes (default drafter)")
    p.add_argument("--table", metavar="TABLE.docx", help="write a 修改对照表 (table of changes) .docx")
    p.add_argument("--granularity", choices=("word", "char"), default="word",
                   help="inline diff by whole words (default) or by characters")
    p.add_argument("--hide-unimportant", action="store_true",
                   help="show unimportant differences as plain text instead of dimmed")
    p.add_argument("--unimportant", default="all", metavar="LIST",
                   help="which differences are unimportant: all (default), none, or a comma list of "
                   "width,punctuation,brackets,whitespace,numerals,self_reference")
    p.add_argument("--changes-only", action="store_true", help="terminal: leave out unchanged paragraphs")
    p.add_argument("--no-topics", action="store_true",
                   help="pair near copies only (no pairing of rewritten sections by topic): faster")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser(
        "cover",
        help="which tasks of a superior document a draft takes up, or draft sections × several plans",
        description="Against one superior document: its tasks (numbered items, or sentences with 推进/完善/"
        "建立… verbs) and the draft section that takes each up, with a score, and the tasks nothing takes "
        "up. Against several plans (--against more than once, or --corpus): a matrix of draft sections × "
        "plans, each plan's closest section and who is closest.",
    )
    p.add_argument("draft", metavar="DRAFT", help="the draft (a file, a corpus id or a name)")
    p.add_argument("--against", action="append", default=[], metavar="X",
                   help="a superior document or a plan to set the draft against (file, corpus id or name); repeat "
                   "for several")
    p.add_argument("--corpus", action="store_true", help="against every plan in the corpus")
    p.add_argument("--doc", type=int, metavar="N", help="in a file holding several documents, use only the N-th")
    p.add_argument("--json", action="store_true", help="JSON on stdout")
    p.add_argument("--docx", metavar="对标表.docx", help="write the 对标表 .docx")
    p.set_defaults(func=cmd_cover)

    p = sub.add_parser("rank", help="the corpus plans most similar to a draft, and the paragraphs it reuses")
    p.add_argument("draft", metavar="DRAFT", help="a draft or plan file (or a corpus id or name)")
    p.add_argument("--limit", type=int, default=10, help="how many plans to list (default 10)")
    p.add_argument("--shortlist", type=int, default=None, help="plans compared in full (default 100)")
    p.add_argument("--exhaustive", action="store_true", help="compare with every plan (slow on a big corpus)")
    p.add_argument("--json", action="store_true", help="plans and reused paragraphs as JSON")
    p.set_defaults(func=cmd_rank)


class _Sides:
    """Loads sides, opening the store only when a side is not a file (a missing file needs none)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.store = None

    def load(self, spec: str, doc: int | None):  # noqa: ANN201 - a Document
        from drafter.compare import load_side
        from drafter.compare.sides import looks_like_path

        if Path(spec).expanduser().exists() or looks_like_path(spec):
            return load_side(spec, doc=doc, doc_if_several=True)
        return load_side(spec, self.open_store(), doc=None)

    def open_store(self):  # noqa: ANN201 - a Store
        if self.store is None:
            from drafter.cli.store_cmds import open_corpus

            self.store = open_corpus(self.args)
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def cmd_diff(args: argparse.Namespace) -> int:
    from drafter.compare import compare_documents
    from drafter.text.normalize import UnimportantOptions

    options = UnimportantOptions.parse(args.unimportant)
    sides = _Sides(args)
    try:
        a, b = sides.load(args.a, args.doc), sides.load(args.b, args.doc)
    finally:
        sides.close()
    _warn_direction(args, a, b)
    comparison = compare_documents(a, b, granularity=args.granularity, unimportant=options,
                                   topics=not args.no_topics)
    _write_files(args, comparison)
    if args.json:
        from drafter.cli.output import emit_json

        emit_json(comparison.to_json())
    elif not (args.html or args.docx or args.table):
        from drafter.compare.render_terminal import print_comparison

        print_comparison(comparison, hide_unimportant=args.hide_unimportant, changes_only=args.changes_only)
    return 0


def _warn_direction(args: argparse.Namespace, a, b) -> None:  # noqa: ANN001 - Documents
    """A draft given as A and a plan as B is the wrong way round, most likely: say so (to stderr)."""
    from drafter.compare.sides import DraftDocument
    from drafter.messages import t

    if isinstance(a, DraftDocument) and not isinstance(b, DraftDocument):
        print(f"drafter: {t('compare.draft_as_a', a=args.a, b=args.b)}", file=sys.stderr)


def _write_files(args: argparse.Namespace, comparison) -> None:  # noqa: ANN001
    from drafter.messages import t

    if args.html:
        from drafter.compare.render_html import write_report

        path = write_report(comparison, args.html, hide_unimportant=args.hide_unimportant)
        print(t("compare.cover_wrote", path=path), file=sys.stderr)
        if not args.no_open and sys.stdout.isatty():
            import webbrowser

            webbrowser.open(path.resolve().as_uri())
    if args.docx:
        from drafter.export.layout import DEFAULT_AUTHOR
        from drafter.export.redline import write_redline

        path = write_redline(comparison, args.docx, author=args.author or DEFAULT_AUTHOR)
        print(t("compare.cover_wrote", path=path), file=sys.stderr)
    if args.table:
        from drafter.export.table import write_change_table

        print(t("compare.cover_wrote", path=write_change_table(comparison, args.table)), file=sys.stderr)


def cmd_cover(args: argparse.Namespace) -> int:
    from drafter.errors import DrafterError
    from drafter.messages import t

    if not args.against and not args.corpus:
        raise DrafterError(t("compare.cover_needs_against"))
    sides = _Sides(args)
    try:
        draft = sides.load(args.draft, args.doc)
        plans = [sides.load(spec, args.doc) for spec in args.against]
        background = None
        if args.corpus:
            from drafter.compare.topics import store_background

            store = sides.open_store()
            plans += [doc for summary, doc in store.iter_documents() if not draft.source or doc.source != draft.source]
            background = store_background(store)
    finally:
        sides.close()
    result = _coverage(draft, plans, background)
    if args.docx:
        from drafter.export.cover_table import write_cover_table

        print(t("compare.cover_wrote", path=write_cover_table(result, args.docx)), file=sys.stderr)
    if args.json:
        from drafter.cli.output import emit_json

        emit_json(result.to_json())
    else:
        from drafter.compare.render_cover import print_cover

        print_cover(result)
    return 0


def _coverage(draft, plans, background):  # noqa: ANN001, ANN202 - Documents → Coverage | Matrix
    from drafter.compare.cover import cover, cover_matrix, superior_tasks
    from drafter.errors import DrafterError
    from drafter.messages import t

    if len(plans) == 1:
        if not superior_tasks(plans[0]):
            raise DrafterError(t("compare.cover_no_tasks", title=plans[0].plan_title or plans[0].title or "—"))
        return cover(draft, plans[0], background=background)
    return cover_matrix(draft, plans, background=background)


def cmd_rank(args: argparse.Namespace) -> int:
    from drafter.cli.store_cmds import open_corpus
    from drafter.compare import load_side
    from drafter.compare.rank import SHORTLIST, rank_against_corpus

    with open_corpus(args) as store:
        draft = load_side(args.draft, store)
        ranking = rank_against_corpus(draft, store, limit=args.limit, shortlist=args.shortlist or SHORTLIST,
                                      exhaustive=args.exhaustive)
    if args.json:
        from drafter.cli.output import emit_json

        emit_json(ranking.to_json())
    else:
        from drafter.compare.rank_render import print_ranking

        print_ranking(ranking)
    return 0

"""`drafter export SOURCE --docx plan.docx [--pdf plan.pdf]`: a draft, a plan file or a corpus plan
as the 公文 the office sends (GB/T 9704-2012).

SOURCE is a draft (its 版头, 通知 and 版记 come from its parts: `drafter meta`), any plan file
(`--doc N` picks one document of a file holding several), or a corpus plan by id or name
(`drafter export 哈尔滨`; a name matching several plans lists them).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, NotFound
from drafter.messages import t


def register(sub) -> None:
    parser = sub.add_parser(
        "export",
        help="write a draft, plan file or corpus plan as a 公文 .docx (GB/T 9704-2012), optionally as PDF",
        description="Write a 公文 .docx: the red 版头 (发文机关标志, 发文字号, red line), the 印发通知, the plan "
        "on its own page, the 重点任务分工表 as an attachment, the 版记 at the bottom of the last even "
        "page; A4, 22 lines × 28 characters, the standard's faces, full-width punctuation, Word styles.",
    )
    parser.add_argument("source", metavar="SOURCE",
                        help="a draft, a plan file (.txt .md .html .docx), or a corpus plan's id or name (哈尔滨)")
    parser.add_argument("--doc", type=int, metavar="N", help="the N-th document (from 1) of a file holding several")
    parser.add_argument("--docx", metavar="PATH", help="where to write the .docx")
    parser.add_argument("--pdf", metavar="PATH", help="also (or only) write a PDF; needs LibreOffice")
    parser.add_argument("--seal", action="store_true",
                        help="lay out the 署名 and 成文日期 for a stamped document (GB/T 9704 §7.3.5.1)")
    parser.add_argument("--addressee", metavar="TEXT", help="主送机关 for this export, e.g. 各县（市、区）人民政府")
    parser.add_argument(
        "--attachment", metavar="NAME", action="append", default=[], help="an attachment name for 附件说明"
    )
    parser.add_argument("--no-task-table", action="store_true", help="leave out the 重点任务分工表")
    parser.set_defaults(func=run_export)


def load_source(args: argparse.Namespace):
    """What SOURCE names: a draft (as a Draft, so its parts go with it) or a plan Document."""
    from drafter.compare.sides import looks_like_path

    spec = args.source
    path = Path(spec).expanduser()
    if path.is_file():
        return _from_file(path, args.doc)
    if path.exists() or looks_like_path(spec):
        raise NotFound(t("export.no_file", path=spec))
    return _from_corpus(args, spec)


def _from_file(path: Path, doc: int | None):
    from drafter.draft.io import is_draft_text, load_draft

    head = path.open("rb").read(64).decode("utf-8", errors="ignore")
    if is_draft_text(head):
        if doc not in (None, 1):
            raise DrafterError(t("export.doc_for_draft"))
        return load_draft(path)
    from drafter.reader import read_plans

    documents = read_plans(path)
    if not documents:
        raise DrafterError(t("export.no_plan", path=path))
    if doc is None:
        if len(documents) == 1:
            return documents[0]
        listing = "\n".join(f"  {n}  {_label(d)}" for n, d in enumerate(documents, 1))
        raise DrafterError(t("export.several", path=path, count=len(documents), listing=listing))
    if not 1 <= doc <= len(documents):
        raise NotFound(t("export.no_doc", path=path, n=doc, count=len(documents)))
    return documents[doc - 1]


def _from_corpus(args: argparse.Namespace, spec: str):
    from drafter.cli.store_cmds import open_corpus
    from drafter.store.types import AmbiguousDocument

    with open_corpus(args) as store:
        try:
            return store.get_document(store.resolve(spec))
        except AmbiguousDocument as err:
            listing = "\n".join(f"  {label}" for label in err.candidates)
            raise DrafterError(t("export.ambiguous", name=spec, count=len(err.candidates), listing=listing)) from None


def _label(doc) -> str:
    parts = [doc.title or doc.plan_title or t("export.untitled"), doc.doc_number or "", doc.date or ""]
    return "  ".join(p for p in parts if p)


def run_export(args: argparse.Namespace) -> int:
    if not args.docx and not args.pdf:
        raise DrafterError(t("export.where"))
    from drafter.export.document import write_gongwen

    plan = load_source(args)
    options = {"addressee": args.addressee, "attachments": args.attachment,
               "task_table": not args.no_task_table, "seal": args.seal}  # fmt: skip
    if args.docx:
        print(t("export.wrote_docx", path=write_gongwen(plan, args.docx, **options)))
    if args.pdf:
        from drafter.export.render_pdf import render_pdf

        if args.docx:
            print(t("export.wrote_pdf", path=render_pdf(args.docx, args.pdf)))
            return 0
        with tempfile.TemporaryDirectory(prefix="drafter-export-") as work:
            docx_path = os.path.join(work, Path(args.pdf).with_suffix(".docx").name)
            write_gongwen(plan, docx_path, **options)
            print(t("export.wrote_pdf", path=render_pdf(docx_path, args.pdf)))
    return 0

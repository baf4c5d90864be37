"""`drafter export DRAFT --docx plan.docx [--pdf plan.pdf]`: the draft as a 公文 (GB/T 9704-2012)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from drafter.errors import DrafterError


def register(sub) -> None:
    parser = sub.add_parser(
        "export",
        help="write a draft or plan as a 公文 .docx (GB/T 9704-2012), optionally also as PDF",
        description="Write a draft (or any plan file) as a 公文 .docx: A4, 22 lines × 28 characters, "
        "the standard's faces per heading level, page numbers, 署名 and 成文日期, and the "
        "重点任务分工表 as an attachment when the plan names responsible units.",
    )
    parser.add_argument("draft", help="the draft file (or any .txt .md .html .docx plan)")
    parser.add_argument("--docx", metavar="PATH", help="where to write the .docx")
    parser.add_argument("--pdf", metavar="PATH", help="also (or only) write a PDF; needs LibreOffice")
    parser.add_argument("--addressee", metavar="TEXT", help="主送机关, e.g. 各县(市、区)人民政府")
    parser.add_argument(
        "--attachment", metavar="NAME", action="append", default=[], help="an attachment name for 附件说明"
    )
    parser.add_argument("--no-task-table", action="store_true", help="leave out the 重点任务分工表")
    parser.set_defaults(func=run_export)


def load_plan(path: str):
    """The draft loader when it exists, else the first plan the reader finds in the file."""
    if not Path(path).exists():
        raise DrafterError(f"{path}: no such file")
    try:
        from drafter.draft.io import load_as_document
    except ImportError:
        from drafter.reader import read_plans

        plans = read_plans(path)
        if not plans:
            raise DrafterError(f"{path}: no plan found in this file") from None
        return plans[0]
    return load_as_document(path)


def run_export(args: argparse.Namespace) -> int:
    if not args.docx and not args.pdf:
        raise DrafterError("export: say where to write: --docx PATH and/or --pdf PATH")
    from drafter.export.document import write_gongwen

    plan = load_plan(args.draft)
    options = {
        "addressee": args.addressee,
        "attachments": args.attachment,
        "task_table": not args.no_task_table,
    }
    if args.docx:
        written = write_gongwen(plan, args.docx, **options)
        print(f"公文 .docx: {written}")
    if args.pdf:
        from drafter.export.render_pdf import render_pdf

        if args.docx:
            print(f"PDF: {render_pdf(args.docx, args.pdf)}")
            return 0
        with tempfile.TemporaryDirectory(prefix="drafter-export-") as work:
            docx_path = os.path.join(work, Path(args.pdf).with_suffix(".docx").name)
            write_gongwen(plan, docx_path, **options)
            print(f"PDF: {render_pdf(docx_path, args.pdf)}")
    return 0

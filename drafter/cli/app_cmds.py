"""`drafter tui [DRAFT]` (and `drafter` alone): open the terminal app."""

from __future__ import annotations

import argparse


def register(sub) -> None:  # noqa: ANN001
    p = sub.add_parser("tui", help="open the terminal app (the default with no command)")
    p.add_argument("draft", nargs="?", help="a draft file to open")
    p.set_defaults(func=run_app)


def run_app(args: argparse.Namespace) -> int:
    from drafter.tui.app import run  # Textual is imported only here, never by the core

    return run(draft=getattr(args, "draft", None), db=getattr(args, "db", None))

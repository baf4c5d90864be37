"""`drafter tui [DRAFT]` (and `drafter` alone): open the terminal app — on the last draft when none
is named. `drafter tui --recent` lists the recent drafts the app's Ctrl+O offers (its CLI twin)."""

from __future__ import annotations

import argparse
import json
import time


def register(sub) -> None:
    p = sub.add_parser("tui", help="open the terminal app (the default with no command)")
    p.add_argument("draft", nargs="?", help="a draft file to open (default: the last one opened)")
    p.add_argument("--recent", action="store_true", help="list the recent drafts instead of opening the app")
    p.add_argument("--json", action="store_true", help="with --recent: as JSON")
    p.set_defaults(func=run_app)


def run_app(args: argparse.Namespace) -> int:
    if getattr(args, "recent", False):
        return list_recent(getattr(args, "json", False))
    from drafter.tui.app import run  # Textual is imported only here, never by the core

    return run(draft=getattr(args, "draft", None), db=getattr(args, "db", None))


def list_recent(as_json: bool) -> int:
    """`{"drafts": [{"path", "title", "region", "opened_at", "exists"}]}`, newest first."""
    from drafter.paths import locations
    from drafter.tui.recent import read_recent

    entries = read_recent(locations().config_dir)
    if as_json:
        rows = [{"path": e.path, "title": e.title, "region": e.region, "opened_at": e.opened_at,
                 "exists": e.exists} for e in entries]
        print(json.dumps({"drafts": rows}, ensure_ascii=False, indent=2))
        return 0
    for e in entries:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(e.opened_at)) if e.opened_at else ""
        gone = "" if e.exists else "  (missing)"
        print(f"{when}  {e.region or '—'}  {e.path}{gone}")
    return 0

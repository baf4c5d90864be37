"""The `drafter` command: a thin layer over the library, one module per group of subcommands.

Each module in `COMMAND_MODULES` exposes `register(subparsers)`; a subcommand sets `func(args)`
returning an exit code. Heavy imports stay inside the command functions so `drafter --help` is fast.
With no subcommand, drafter opens the terminal app on the bundled corpus.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from drafter.errors import DrafterError
from drafter.messages import t

COMMAND_MODULES = (
    "drafter.cli.corpus_cmds",
    "drafter.cli.store_cmds",
    "drafter.cli.server_cmds",  # after store_cmds: adds push, pull and files to its `corpus` group
    "drafter.cli.compare_cmds",
    "drafter.cli.compose_cmds",
    "drafter.cli.draft_cmds",
    "drafter.cli.export_cmds",
    "drafter.cli.check_cmds",
    "drafter.cli.app_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafter",
        description="Draft a local 实施方案 from other places' plans: ingest, compose, compare, export.",
    )
    parser.add_argument("--db", help="the store's location (default: see `drafter locate`; env DRAFTER_DB)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    _utf8_stdio()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        from drafter.cli.app_cmds import run_app

        return run_app(args)
    try:
        return int(args.func(args) or 0)
    except DrafterError as err:
        print(f"drafter: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a file no check foresaw (a folder without permission …): one line, no traceback
        if isinstance(err, BrokenPipeError):
            return 0
        print(f"drafter: {os_error_line(err)}", file=sys.stderr)
        return 2
    except MemoryError:
        print(f"drafter: {t('files.out_of_memory')}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("drafter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `drafter … | head` closing the pipe is not an error
        return 0


def os_error_line(err: OSError) -> str:
    from drafter.bounded import why_unreadable
    from drafter.fsnames import shown

    return f"{shown(err.filename)}: {why_unreadable(err)}" if err.filename else why_unreadable(err)


def _utf8_stdio() -> None:
    # Chinese output must not die on a C/POSIX locale (CI, SSH sessions, cron).
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8", errors="replace")

"""The `drafter` command: a thin layer over the library, one module per group of subcommands.

Each module in `COMMANDS` exposes `register(subparsers)`; a subcommand sets `func(args)`
returning an exit code. Heavy imports stay inside the command functions so `drafter --help` is fast.
With no subcommand, drafter opens the terminal app on the bundled corpus.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from drafter.errors import DrafterError
from drafter.messages import t

# Each module and the top-level commands it registers, in registration order (a test checks).
# A command line names one of them: only its modules are imported and registered — building every
# subcommand's parser cost each command ~40 ms; `--help` and the app still build them all.
COMMANDS: dict[str, tuple[str, ...]] = {
    "drafter.cli.corpus_cmds": ("locate", "outline", "clean"),
    "drafter.cli.store_cmds": ("ingest", "corpus"),
    "drafter.cli.server_cmds": ("store", "corpus"),  # after store_cmds: adds push, pull and files to `corpus`
    "drafter.cli.compare_cmds": ("diff", "cover", "rank"),
    "drafter.cli.compose_cmds": ("sections", "new", "add", "render", "gaps"),
    "drafter.cli.draft_cmds": ("meta",),
    "drafter.cli.export_cmds": ("export",),
    "drafter.cli.check_cmds": ("check", "fix"),
    "drafter.cli.app_cmds": ("tui",),
}
COMMAND_MODULES = tuple(COMMANDS)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`'s command (every command's when `argv` names none, or is not given)."""
    parser = argparse.ArgumentParser(
        prog="drafter",
        description="Draft a local 实施方案 from other places' plans: ingest, compose, compare, export.",
    )
    parser.add_argument("--db", help="the store's location (default: see `drafter locate`; env DRAFTER_DB)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = command_named(argv) if argv is not None else None
    for name, commands in COMMANDS.items():
        if wanted is None or wanted in commands:
            importlib.import_module(name).register(sub)
    return parser


def command_named(argv: list[str]) -> str | None:
    """The known command `argv` names after the global options, else None."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--db":
            next(tokens, None)
        elif not token.startswith("--db="):
            known = any(token in commands for commands in COMMANDS.values())
            return token if known else None
    return None


def main(argv: list[str] | None = None) -> int:
    _utf8_stdio()
    parser = build_parser(sys.argv[1:] if argv is None else argv)
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
        print(f"drafter: {t('common.interrupted')}", file=sys.stderr)
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

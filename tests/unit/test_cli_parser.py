"""The command line builds only the parser of the command it names: each command must come out
exactly as when every command is registered (its subcommands, options and help)."""

from __future__ import annotations

import argparse

from drafter.cli import COMMANDS, build_parser, command_named


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]  # noqa: SLF001
    return dict(sub.choices)


def _helps(parser: argparse.ArgumentParser) -> list[str]:
    """The help of the parser and of every subcommand under it, depth first."""
    out = [parser.format_help()]
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for child in action.choices.values():
                out += _helps(child)
    return out


def test_each_command_alone_is_built_as_among_all():
    everything = _commands(build_parser())
    assert set(everything) == {c for commands in COMMANDS.values() for c in commands}
    for name, full in everything.items():
        alone = _commands(build_parser([name, "--help"]))
        assert name in alone, name
        assert _helps(alone[name]) == _helps(full), name


def test_the_command_is_found_after_the_global_options():
    assert command_named(["--db", "x.sqlite3", "corpus", "search", "医疗"]) == "corpus"
    assert command_named(["--db=x.sqlite3", "rank", "d.md"]) == "rank"
    assert command_named(["--help"]) is None
    assert command_named(["no-such-command"]) is None  # every parser: argparse names the choices
    assert command_named([]) is None

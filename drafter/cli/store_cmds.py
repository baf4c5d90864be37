"""Subcommands of this group are registered here (being built)."""

from __future__ import annotations


def register(sub) -> None:  # noqa: ANN001 - argparse's private subparsers type
    pass

"""A thin launcher: `python tui.py [DRAFT]` opens drafter's terminal app on the bundled corpus."""

from __future__ import annotations

import sys

from drafter.cli import main

if __name__ == "__main__":
    sys.exit(main(["tui", *sys.argv[1:]]))

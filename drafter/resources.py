"""Files that ship with drafter: the bundled corpus, `templates/` and `sections/`.

In a wheel, `templates/` and `sections/` are copied into `drafter/_bundled/`; in a source checkout
(editable install, `python tui.py`) they are read from the repository's top level, where users and
maintainers edit them.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _top_level(name: str) -> Path:
    bundled = PACKAGE_DIR / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return PACKAGE_DIR.parent / name


def templates_dir() -> Path:
    return _top_level("templates")


def sections_dir() -> Path:
    return _top_level("sections")


def corpus_dir() -> Path:
    """The default corpus: public plans scraped from government sites (the seed files)."""
    return PACKAGE_DIR / "data" / "corpus"


def corpus_files() -> list[Path]:
    return sorted(p for p in corpus_dir().iterdir() if p.is_file() and not p.name.startswith("."))

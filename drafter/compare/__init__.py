"""Compare two plans: section-aligned, Chinese-aware, fast.

`compare_documents(a, b)` gives the one `Comparison` that every renderer reads; `load_side(spec)`
turns a file path, a corpus id or a fuzzy name into the Document to compare.

The names below are loaded when first asked for: importing any `drafter.compare.*` module runs this
file first, and loading the comparison machinery here (`build`: alignment, topics, inline diff,
~130 ms) made `drafter rank`, which needs none of it, pay for it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.compare.build import compare_documents
    from drafter.compare.sides import load_side
    from drafter.text.normalize import DEFAULT_OPTIONS, NO_OPTIONS, UnimportantOptions

__all__ = ["DEFAULT_OPTIONS", "NO_OPTIONS", "UnimportantOptions", "compare_documents", "load_side"]

_HOMES = {
    "compare_documents": "drafter.compare.build",
    "load_side": "drafter.compare.sides",
    "DEFAULT_OPTIONS": "drafter.text.normalize",
    "NO_OPTIONS": "drafter.text.normalize",
    "UnimportantOptions": "drafter.text.normalize",
}


def __getattr__(name: str):  # noqa: ANN202 - PEP 562: `from drafter.compare import load_side`
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'drafter.compare' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])

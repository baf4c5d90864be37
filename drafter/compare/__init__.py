"""Compare two plans: section-aligned, Chinese-aware, fast.

`compare_documents(a, b)` gives the one `Comparison` that every renderer reads; `load_side(spec)`
turns a file path, a corpus id or a fuzzy name into the Document to compare.
"""

from __future__ import annotations

from drafter.compare.build import compare_documents
from drafter.compare.sides import load_side
from drafter.text.normalize import DEFAULT_OPTIONS, NO_OPTIONS, UnimportantOptions

__all__ = ["DEFAULT_OPTIONS", "NO_OPTIONS", "UnimportantOptions", "compare_documents", "load_side"]

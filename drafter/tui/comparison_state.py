"""The one comparison the app holds: which plan the draft is compared with, the Comparison model
(`drafter.compare`), and which state of the draft it was made from.

Compare shows it and Export writes from it; neither computes its own. When the draft has changed
since, an export recomputes it first, so a redline never shows an old state of the draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter.tui.corpus_loader import CorpusEntry


@dataclass
class ComparisonState:
    reference: CorpusEntry | None = None
    comparison: Any = None  # drafter.compare.model.Comparison, reference (a) against the draft (b)
    granularity: str = "word"
    edits_at: int = -1  # the app's edit counter when the draft was snapshotted for it
    request: int = 0  # the newest run; older runs' results are stale

    def current(self, edits: int) -> bool:
        """True when the comparison is of the draft as it is now."""
        return self.comparison is not None and self.edits_at == edits

    def reference_label(self) -> str:
        ref = self.reference
        if ref is None:
            return ""
        return f"{ref.region or '—'}《{ref.title}》"

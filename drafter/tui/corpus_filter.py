"""Filtering the corpus list: text (region, title, 文号), year, section kind, document type.

One pure function over the app's `CorpusEntry` list, so the corpus screen keeps no filtering logic;
when the store offers its own filtered, paged listing, this is the one place that calls it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.tui.corpus_loader import CorpusEntry

# The 文种 a title ends with, longest first ("实施方案" before "方案"): 通知 wraps a plan, 说明 explains one.
DOC_TYPES = ("实施方案", "工作方案", "行动方案", "方案", "实施意见", "指导意见", "意见", "规划", "计划",
             "办法", "细则", "要点", "任务", "安排", "通知", "起草说明", "说明")
_STATUS = re.compile(r"\s*[(（][^()（）]{1,12}[)）]\s*$")  # (征求意见稿), （试行）


def document_type(title: str) -> str:
    """The 文种 of a document from the end of its title (`…实施方案的通知` is a 通知), or ""."""
    core = _STATUS.sub("", title.strip().rstrip("》>").strip())
    for kind in DOC_TYPES:
        if core.endswith(kind):
            return kind
    return ""


@dataclass(frozen=True)
class CorpusFilter:
    text: str = ""
    year: str = ""
    kind: str = ""  # a section kind the plan must hold (指导思想, 重点任务…)
    doc_type: str = ""

    def matches(self, entry: CorpusEntry) -> bool:
        if self.year and not entry.date.startswith(self.year):
            return False
        if self.kind and self.kind not in entry.kinds:
            return False
        if self.doc_type and entry.doc_type != self.doc_type:
            return False
        words = self.text.split()
        haystack = f"{entry.region} {entry.title} {entry.doc_number} {entry.issuer}"
        return all(word in haystack for word in words)


def filter_entries(entries: list[CorpusEntry], chosen: CorpusFilter) -> list[CorpusEntry]:
    return [entry for entry in entries if chosen.matches(entry)]


def choices(entries: list[CorpusEntry]) -> dict[str, list[str]]:
    """The values each filter can take in this corpus: years (newest first), kinds, types."""
    years = sorted({e.date[:4] for e in entries if e.date[:4].isdigit()}, reverse=True)
    kinds = sorted({k for e in entries for k in e.kinds})
    types = sorted({e.doc_type for e in entries if e.doc_type})
    return {"year": years, "kind": kinds, "doc_type": types}

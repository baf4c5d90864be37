"""The corpus list's filters as the store takes them: text (region, title, 文号), year, section kind,
document type and level become one `drafter.store.DocFilter`; the store filters, counts and pages.

The choices each filter offers come from the store's facets (`CorpusStore.facets()`), with the number
of documents that have each value, so the app never scans the corpus to fill a drop-down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter.store import DocFilter

SELECTS = ("year", "kind", "doc_type", "level")
_FACET_OF = {"year": "years", "kind": "kinds", "doc_type": "doc_types", "level": "levels"}


@dataclass(frozen=True)
class CorpusFilter:
    text: str = ""
    year: str = ""
    kind: str = ""  # a section kind the plan must hold (指导思想, 重点任务…)
    doc_type: str = ""  # 方案 / 通知 / 起草说明 / 解读 / 征求意见 / 其他
    level: str = ""  # 国家级 / 省级 / 市级 / 县级

    def is_empty(self) -> bool:
        return self == CorpusFilter()

    def to_store(self) -> DocFilter:
        year = int(self.year) if self.year.isdigit() else None
        return DocFilter(year_from=year, year_to=year, kind=self.kind or None, doc_type=self.doc_type or None,
                         level=self.level or None, text=self.text or None)  # fmt: skip


def choices(facets: Any) -> dict[str, list[tuple[str, str]]]:
    """(label, value) for each filter from the store's facets: `2017（12）`; years newest first,
    the others by how many documents have them."""
    out: dict[str, list[tuple[str, str]]] = {name: [] for name in SELECTS}
    if facets is None:
        return out
    for name in SELECTS:
        counts: dict[Any, int] = getattr(facets, _FACET_OF[name], {}) or {}
        values = sorted(counts, reverse=True) if name == "year" else list(counts)
        out[name] = [(f"{value}（{counts[value]}）", str(value)) for value in values if str(value)]
    return out

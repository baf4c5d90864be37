"""How a document's type and region are shown to a user, apart from `doctype` (whose patterns cost
~20 ms to compile: `drafter corpus list` needs only these labels)."""

from __future__ import annotations

_TYPE_KEYS = {
    "方案": "outline.type_plan", "通知": "outline.type_notice", "起草说明": "outline.type_explanation",
    "解读": "outline.type_reading", "征求意见": "outline.type_consultation", "其他": "outline.type_other",
}  # fmt: skip
_NOTE_KEYS = {
    "template": "outline.region_template", "national": "outline.region_national",
    "anonymised": "outline.region_anonymised", "unnamed": "outline.region_unnamed",
}  # fmt: skip


def type_label(doc_type: str, template: bool) -> str:
    """How a document's type is shown to a user: `方案`, `解读`, `范文模板` …"""
    from drafter.messages import t

    return t("outline.template") if template else t(_TYPE_KEYS.get(doc_type, "outline.type_other"))


def region_label(region: str | None, note: str | None) -> str:
    """The region, or why there is none (`（范文模板，无地区）`, `（全国性文件）` …)."""
    from drafter.messages import t

    return region or t(_NOTE_KEYS.get(note or "unnamed", "outline.region_unnamed"))

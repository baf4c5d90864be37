"""Reading and changing a draft's 公文 parts one at a time (`drafter meta`, the app's fields), and the
defaults a new draft starts with.

`part_states(draft)` lists every part with its value and where that value comes from; `set_part`
and `unset_part` change one (a set notice or preface keeps following the metadata through
placeholders); `todo(draft)` names what a drafter still has to fill before the file can go out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.draft import fill
from drafter.draft.model import Draft
from drafter.draft.parts import BY_KEY, PARTS, TEMPLATED, defaults, legacy_notice, migrate, raw_value, spec
from drafter.errors import DrafterError
from drafter.messages import t

_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_NO_NUMBER = re.compile(r"〔\d{4}〕\s*号$")
# Parts whose default derives from other metadata (a change there reaches them).
_FOLLOWING = ("mark", "notice_title", "notice", "printer", "print_date", "preface")


@dataclass
class PartState:
    key: str
    label: str
    group: str
    value: str  # as printed: placeholders filled, a list joined with `；`
    stored: str  # as stored (placeholders kept); '' when the part is not in the draft
    source: str  # set | follows | default | empty

    def as_json(self) -> dict[str, str]:
        return {"key": self.key, "label": self.label, "group": self.group, "value": self.value,
                "stored": self.stored, "source": self.source}  # fmt: skip


def part_states(draft: Draft) -> list[PartState]:
    names = fill.values(draft.meta)
    legacy = legacy_notice(draft)
    states = []
    for part in PARTS:
        raw = raw_value(draft, part.key, legacy)
        shown = _shown(part.key, raw, names)
        if part.key == "preface":
            source = "follows" if "{{" in str(raw) else ("set" if raw else "empty")
        elif part.key in draft.meta:
            source = "set" if shown else "empty"
        elif not shown:
            source = "empty"
        else:
            source = "follows" if part.key in _FOLLOWING else "default"
        stored = _shown(part.key, draft.meta[part.key], {}) if part.key in draft.meta else ""
        states.append(PartState(part.key, part.label, part.group, shown, stored, source))
    return states


def _shown(key: str, raw: object, names: dict[str, str]) -> str:
    if isinstance(raw, list):
        items = fill.superiors({"superior": raw}) if key == "superior" else raw
        return "；".join(s.cited() if isinstance(s, fill.Superior) else str(s) for s in items)
    text = fill.fill(str(raw), names) if names else str(raw)
    return fill.date_words(text) if key == "print_date" else text


def set_part(draft: Draft, name: str, value: str) -> str:
    """Set one part (by key or label) from text as typed; returns its key. Lists take `；`-separated
    items (or one superior document per call through `add_superior`)."""
    part = spec(name)
    migrate(draft)
    value = value.strip()
    if part.key in ("date", "print_date") and value:
        value = iso_date(value)
        if not _ISO.match(value):
            raise DrafterError(t("draft.bad_date", label=part.label, value=value))
    if part.choices and value and value not in part.choices:
        raise DrafterError(t("draft.bad_choice", label=part.label, choices="、".join(part.choices)))
    if part.key == "preface":
        names = fill.values(draft.meta)
        draft.preamble = [fill.templatize(line, names) for line in value.split("\n") if line.strip()]
        return part.key
    if part.is_list:
        items = [item.strip() for item in re.split(r"[；;\n]", value) if item.strip()]
        stored: object = [fill.Superior.parse(i).as_meta() for i in items] if part.key == "superior" else items
    elif part.key in TEMPLATED:
        stored = fill.templatize(value, fill.values(draft.meta))
    else:
        stored = value
    draft.set_meta(part.key, stored)
    return part.key


_WRITTEN_DATE = re.compile(r"^(\d{4})\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?$")


def iso_date(text: str) -> str:
    """2025年3月1日, 2025.3.1, 2025/03/01 → 2025-03-01; anything else as given."""
    found = _WRITTEN_DATE.match(text.strip())
    if not found:
        return text
    year, month, day = (int(g) for g in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else text


def add_superior(draft: Draft, text: str) -> None:
    """Append one superior document (`《关于…的意见》（国办发〔2015〕38号）`)."""
    items = list(draft.meta.get("superior") or [])
    items.append(fill.Superior.parse(text).as_meta())
    draft.set_meta("superior", [fill.Superior.parse(i).as_meta() for i in items])


def unset_part(draft: Draft, name: str) -> str:
    """Drop a part from the draft: it follows the metadata (or its default) again."""
    part = spec(name)
    migrate(draft)
    if part.key == "preface":
        draft.preamble = [defaults()["preface"]]
    else:
        draft.unset_meta(part.key)
    return part.key


def todo(draft: Draft) -> list[str]:
    """What is still to fill, as sentences for the drafter."""
    states = {s.key: s for s in part_states(draft)}
    out = []
    number = states["doc_number"].value
    if not number or _NO_NUMBER.search(number):
        out.append(t("draft.todo_number", value=number or "—"))
    for key in ("addressee", "cc"):
        if not states[key].value:
            out.append(t("draft.todo_empty", label=BY_KEY[key].label))
    if not states["superior"].value:
        out.append(t("draft.todo_superior"))
    out += [t("draft.todo_pending", path=path, heading=heading, note=note) for path, heading, note in pending(draft)]
    return out


def pending(draft: Draft) -> list[tuple[str, str, str]]:
    """The sections a passage marked `待完善` stands in (`drafter new --from` writes the superior's own
    words where the corpus had nothing close enough): (number path, heading, the note)."""
    out = []

    def walk(sections: list, path: tuple[int, ...]) -> None:
        for i, section in enumerate(sections, start=1):
            here = (*path, i)
            notes = [src["待完善"] for src in section.sources if src.get("待完善")]
            if notes:
                out.append((".".join(map(str, here)), section.heading, notes[0]))
            walk(section.children, here)

    walk(draft.sections, ())
    return out


def new_parts(meta: dict) -> dict[str, object]:
    """The parts `drafter new` writes into a draft for `meta` (region, issuer, date, level …): the
    文号 with a guessed 代字 and no sequence number, the 主送 for the issuer's level, the 附注.
    Everything else follows the metadata."""
    from drafter.text.punctuation import normalize_punctuation

    words, names = defaults(), fill.values(meta)
    addressee = fill.fill(words["addressee"].get(str(meta.get("level") or "")) or words["addressee"]["市级"], names)
    return {
        "doc_number": fill.fill(words["doc_number"], names),
        "addressee": normalize_punctuation(addressee),
        "note": words["note"],
    }


def new_preface() -> list[str]:
    return [defaults()["preface"]]


__all__ = [
    "PARTS",
    "PartState",
    "add_superior",
    "new_parts",
    "new_preface",
    "part_states",
    "set_part",
    "todo",
    "unset_part",
]  # fmt: skip

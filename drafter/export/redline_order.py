"""The redline's paragraphs in order, each with its ops, so that one sequence yields B when
insertions are kept and A when deletions are kept.

A Comparison is laid out in B's order. A paragraph (or a whole section) that moved stands there
once, but A had it elsewhere: rejecting must put it back. When the comparison says where each line
sat in A (`a_pos`, as `drafter.compare` gives it), the lines already in A's order (the longest
increasing run of `a_pos`) stay as they are; every other line becomes an insertion where it now
stands and a deletion where it stood in A. Without positions, a `moved` entry with only `a` marks
where a paragraph left, and its counterpart with `a` and `b` where it arrived.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from drafter.compare.model import Comparison, Op
from drafter.export.changes import paragraph_ops, side_a, side_b, text_ops
from drafter.export.layout import heading_role
from drafter.messages import t


@dataclass
class Item:
    """One redline paragraph: its role (layout), ops, and a comment to anchor on it."""

    role: str
    ops: list[Op]
    comment: str | None = None
    a_pos: int | None = None
    status: str = "same"
    where: str = ""  # heading of the section it stands in (B side when there is one)
    came_from: str | None = None  # for a move: where it stood in A (a paragraph's section, a section's parent)
    is_heading: bool = False
    goes_to: str = ""  # for a move: where it stands in B


def redline_items(comparison: Comparison) -> list[Item]:
    entries = list(_entries(comparison))
    if any(e.a_pos is not None for e in entries):
        return _by_position(entries)
    return _by_placeholders(entries)


def _entries(comparison: Comparison):
    for section in comparison.sections:
        where = section.b or section.a or t("compare.before_first")
        if section.level >= 1 and (section.a or section.b):
            ops = list(section.heading_ops or text_ops(section.a, section.b))
            moved = bool(section.moved)
            # a section's place is the section it stands under: its parent's heading on each side
            origin = " ".join(section.a_path) or t("compare.document_start")
            dest = " ".join(section.b_path) or t("compare.document_start")
            yield Item(heading_role(section.level), ops, a_pos=section.a_pos,
                       status="moved" if moved else "heading", where=where, is_heading=True,
                       came_from=origin if section.a is not None else None, goes_to=dest)  # fmt: skip
        for diff in section.paragraphs:
            if diff.status == "related":
                # a rewrite is the old paragraph out and the new one in, each with its paragraph mark
                # (one paragraph holding both would let LibreOffice run the insertion on into the
                # inserted paragraphs after it, and rejecting would join the next heading to it)
                yield Item("body", [Op("-", diff.a or "", "")], a_pos=diff.a_pos, status="removed", where=where)
                yield Item("body", [Op("+", "", diff.b or "")], status="added", where=where)
                continue
            yield Item("body", paragraph_ops(diff), a_pos=diff.a_pos, status=diff.status,
                       where=where, came_from=diff.moved_from, goes_to=where)  # fmt: skip


def _by_position(entries: list[Item]) -> list[Item]:
    anchored = _increasing_run([(i, e.a_pos) for i, e in enumerate(entries) if e.a_pos is not None])
    placed: list[Item] = []
    displaced: list[Item] = []  # A-side halves, to put back at their A position
    for i, entry in enumerate(entries):
        if entry.a_pos is None or i in anchored:
            if entry.status == "moved" and not entry.is_heading:
                entry.comment = _arrived_note(entry)
            placed.append(entry)
            continue
        a_text, b_text = side_a(entry.ops), side_b(entry.ops)
        if b_text:
            note = _arrived_note(entry) if entry.status == "moved" or entry.is_heading else None
            placed.append(Item(entry.role, [Op("+", "", b_text)], note))
        note = _left_note(entry) if (entry.status == "moved" or entry.is_heading) and b_text else None
        displaced.append(Item(entry.role, [Op("-", a_text, "")], note, a_pos=entry.a_pos))
    anchor_ids = {id(entries[i]) for i in anchored}
    return _merge_back(placed, sorted(displaced, key=lambda d: d.a_pos), anchor_ids)


def _merge_back(placed: list[Item], displaced: list[Item], anchor_ids: set[int]) -> list[Item]:
    """Each displaced A half goes right before the first anchored line that followed it in A."""
    out: list[Item] = []
    pending = list(displaced)
    for item in placed:
        if id(item) in anchor_ids:
            while pending and pending[0].a_pos < item.a_pos:
                out.append(pending.pop(0))
        out.append(item)
    out.extend(pending)
    return out


def _increasing_run(points: list[tuple[int, int]]) -> set[int]:
    """Indices of a longest strictly increasing subsequence of the positions (patience sorting)."""
    tails: list[int] = []  # smallest tail position of a run of each length
    tail_at: list[int] = []  # index (into points) of that tail
    parent: list[int | None] = [None] * len(points)
    for k, (_, pos) in enumerate(points):
        length = bisect_left(tails, pos)
        if length == len(tails):
            tails.append(pos)
            tail_at.append(k)
        else:
            tails[length] = pos
            tail_at[length] = k
        parent[k] = tail_at[length - 1] if length else None
    chosen: set[int] = set()
    k = tail_at[-1] if tail_at else None
    while k is not None:
        chosen.add(points[k][0])
        k = parent[k]
    return chosen


def _unit(entry: Item) -> str:
    return t("compare.unit_section") if entry.is_heading else t("compare.unit_paragraph")


def _arrived_note(entry: Item) -> str:
    if entry.came_from:
        return t("compare.moved_here", what=_unit(entry), src=entry.came_from)
    return t("compare.moved_here_unknown", what=_unit(entry))


def _left_note(entry: Item) -> str:
    return t("compare.moved_there", what=_unit(entry), dst=entry.goes_to or entry.where)


def _by_placeholders(entries: list[Item]) -> list[Item]:
    left = {side_a(e.ops): e.where for e in entries if e.status == "moved" and not side_b(e.ops)}
    arrived = {
        side_a(e.ops): e.where for e in entries if e.status == "moved" and side_a(e.ops) and side_b(e.ops)
    }
    out: list[Item] = []
    for entry in entries:
        if entry.status != "moved" or entry.is_heading:
            out.append(entry)
            continue
        a_text, b_text = side_a(entry.ops), side_b(entry.ops)
        if a_text and b_text and a_text in left:  # origin marked elsewhere: arrives whole here
            out.append(Item("body", [Op("+", "", b_text)],
                            t("compare.moved_here", what=t("compare.unit_paragraph"), src=left[a_text])))
        elif a_text and b_text:
            entry.comment = _arrived_note(entry)
            out.append(entry)
        elif a_text:
            target = arrived.get(a_text)
            unit = t("compare.unit_paragraph")
            note = t("compare.moved_there", what=unit, dst=target or "")
            out.append(Item("body", entry.ops, note))
        else:
            out.append(Item("body", entry.ops, _arrived_note(entry)))
    return out

"""What the redline and the 对照表 read from a Comparison: each paragraph's ops, normalised.

A ParagraphDiff may come without ops (a whole added or removed paragraph); headings come as two
strings. Both are turned into ops here, so the writers handle one shape.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from drafter.compare.model import Op, ParagraphDiff


def paragraph_ops(diff: ParagraphDiff) -> list[Op]:
    """The paragraph's ops; when it has none, ops built from its status and texts."""
    if diff.ops:
        return list(diff.ops)
    a, b = diff.a or "", diff.b or ""
    if diff.status == "same" or a == b:
        return [Op("=", a, a)] if a else []
    return text_ops(a, b)


def text_ops(a: str | None, b: str | None) -> list[Op]:
    """Character-level ops turning `a` into `b` (for headings, which the Comparison keeps as text)."""
    a, b = a or "", b or ""
    if not a:
        return [Op("+", "", b)] if b else []
    if not b:
        return [Op("-", a, "")]
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(Op("=", a[i1:i2], a[i1:i2]))
            continue
        if i2 > i1:
            ops.append(Op("-", a[i1:i2], ""))
        if j2 > j1:
            ops.append(Op("+", "", b[j1:j2]))
    return ops


def side_a(ops: list[Op]) -> str:
    return "".join(op.a for op in ops if op.tag != "+")


def side_b(ops: list[Op]) -> str:
    return "".join(op.b for op in ops if op.tag != "-")


def is_unimportant(ops: list[Op]) -> bool:
    """Only `~` differences: punctuation, width, numerals and the like."""
    changed = [op for op in ops if op.tag != "="]
    return bool(changed) and all(op.tag == "~" for op in changed)

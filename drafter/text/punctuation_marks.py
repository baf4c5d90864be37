"""Character classes for Chinese-context decisions, and the canonical 层次序数 markers (GB/T 9704 §7.3.3).

Kept apart from the normaliser so the outline parser, the check rules and the export can ask
"is this Chinese?" and "what is this marker's proper form?" without pulling in the fixers.
"""

from __future__ import annotations

import re

_CN_NUM = "一二三四五六七八九十百零〇"
_MARKS = "、，。：；！？“”‘’（）《》〈〉【】〔〕「」『』…—·～"


def is_ideograph(ch: str) -> bool:
    """A Han character (CJK Unified Ideographs and extensions, compatibility ideographs, 〇)."""
    if not ch:
        return False
    o = ord(ch[0])
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3134F
        or ch == "〇"
    )


def is_chinese(ch: str) -> bool:
    """A Han character or a Chinese (full-width) punctuation mark."""
    return bool(ch) and (is_ideograph(ch) or ch in _MARKS or 0x3000 < ord(ch[0]) <= 0x303F)


def is_latin_or_digit(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


_L1 = re.compile(rf"^([{_CN_NUM}]+)\s*[、,，.．:：]+$")
_L2 = re.compile(rf"^[(（]\s*([{_CN_NUM}]+)\s*[)）]\s*[、,，.．]*$")
_L3 = re.compile(r"^([0-9０-９]{1,3})\s*[.．、,，]+$")
_L4 = re.compile(r"^[(（]\s*([0-9０-９]{1,3})\s*[)）]\s*[、,，.．]*$|^([0-9０-９]{1,3})\s*[)）]$")


def normalize_marker(marker: str) -> str:
    """The GB/T 9704 form of a heading marker: 一、 （一） 1. （1）.

    `一.` `一，` `四.、` → `四、`; `(一)` `（一）、` → `（一）`; `1、` `１．` `2 .` → `1.` `2.`;
    `(1)` `1)` → `（1）`. Anything else (decimal `1.1`, `第一章`) is returned unchanged.
    """
    m = marker.strip()
    if found := _L1.match(m):
        return f"{found.group(1)}、"
    if found := _L2.match(m):
        return f"（{found.group(1)}）"
    if found := _L3.match(m):
        return f"{_half(found.group(1))}."
    if found := _L4.match(m):
        return f"（{_half(found.group(1) or found.group(2))}）"
    return marker


def _half(digits: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in digits)

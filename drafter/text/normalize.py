"""Unimportant differences: map text to a canonical form where they vanish, keeping the way back.

Two texts that differ only in full/half width, punctuation variants (、/，, “”/「」), the brackets of a
文号 year (〔2017〕/[2017]), whitespace, year numerals (二〇二四/2024) or self-reference (我市/本市)
have the same canonical form. Every rule maps one character to one character, except whitespace,
which is dropped; `Normalized.origin` maps each canonical character back to its position in the
original, so a diff computed on canonical text can be cut back into the original texts exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from drafter.errors import DrafterError


@dataclass(frozen=True)
class UnimportantOptions:
    """Which kinds of difference count as unimportant (each one can be switched off)."""

    width: bool = True  # ＡＢＣ１２３，（） vs ABC123,()
    punctuation: bool = True  # 、/，  “”/「」/""  ‘’/『』
    brackets: bool = True  # 〔2017〕/[2017]/【2017】 in a 文号
    whitespace: bool = True  # spaces, 　, line breaks inside a paragraph
    numerals: bool = True  # 二〇二四年/2024年
    self_reference: bool = True  # 我市/本市, 我省/本省, 我区/本区, 我县/本县

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def parse(cls, spec: str) -> UnimportantOptions:
        """`all`, `none`, or a comma list of names (`width,punctuation`) — for the CLI."""
        spec = spec.strip().lower()
        if spec == "all":
            return cls()
        chosen = set() if spec in ("none", "") else {s.strip() for s in spec.split(",")}
        unknown = chosen - set(cls.names())
        if unknown:
            raise DrafterError(
                f"unknown unimportant-difference option(s): {', '.join(sorted(unknown))}; "
                f"choose from all, none, {', '.join(cls.names())}"
            )
        return cls(**{name: name in chosen for name in cls.names()})


DEFAULT_OPTIONS = UnimportantOptions()
NO_OPTIONS = UnimportantOptions(**{name: False for name in UnimportantOptions.names()})

_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_WIDTH["\u3000"] = " "
# Canonical punctuation is the half-width form, so that it composes with the width rule.
_PUNCT = {
    "、": ",",
    "，": ",",
    "“": '"',
    "”": '"',
    "「": '"',
    "」": '"',
    "＂": '"',
    "‘": "'",
    "’": "'",
    "『": "'",
    "』": "'",
    "＇": "'",
}
_WENHAO_YEAR = re.compile(r"[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]")
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
_SELF_REFERENCE = re.compile(r"我(?=[省市区县州])")


@dataclass(frozen=True)
class Normalized:
    """Canonical text and, for each of its characters, where it came from in `source`."""

    text: str
    origin: tuple[int, ...]
    source: str

    def to_source(self, k: int) -> int:
        """The position in `source` of canonical position `k` (`len(text)` maps to the end)."""
        return self.origin[k] if k < len(self.origin) else len(self.source)


def canonical(text: str, options: UnimportantOptions = DEFAULT_OPTIONS) -> str:
    return normalize(text, options).text


@lru_cache(maxsize=8192)
def normalize(text: str, options: UnimportantOptions = DEFAULT_OPTIONS) -> Normalized:
    chars = list(text.translate(_table(options)))
    for pattern, replace in _context_rules(options):
        for m in pattern.finditer(text):
            for i in range(m.start(), m.end()):
                chars[i] = replace(text[i], chars[i])
    if not options.whitespace:
        mapped = "".join(chars)
        return Normalized(mapped, tuple(range(len(mapped))), text)
    kept = [i for i, ch in enumerate(chars) if not ch.isspace()]
    return Normalized("".join(chars[i] for i in kept), tuple(kept), text)


@lru_cache(maxsize=64)
def _table(options: UnimportantOptions) -> dict[int, str]:
    table: dict[str, str] = {}
    if options.width:
        table.update(_WIDTH)
    if options.punctuation:
        for ch, canon in _PUNCT.items():
            # without the width rule，stays full-width and , stays half-width: only 、 joins ，
            table[ch] = canon if options.width or ch != "，" else "，"
        if not options.width:
            table["、"] = "，"
    return {ord(k): v for k, v in table.items()}


def _context_rules(options: UnimportantOptions) -> list:
    rules = []
    if options.brackets:
        rules.append((_WENHAO_YEAR, _bracket))
    if options.numerals:
        rules.append((_CN_YEAR, lambda orig, mapped: _CN_DIGIT.get(orig, mapped)))
    if options.self_reference:
        rules.append((_SELF_REFERENCE, lambda orig, mapped: "本"))
    return rules


def _bracket(orig: str, mapped: str) -> str:
    if orig in "〔[［【(（":
        return "["
    if orig in "〕]］】)）":
        return "]"
    return mapped

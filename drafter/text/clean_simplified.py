"""Traditional → simplified Chinese (OpenCC `t2s`), skipped for text it would leave as it is.

Nearly every plan is simplified already, yet converting one costs a tenth of its cleaning. OpenCC
changes text only where a dictionary entry whose first value (the one it writes) differs from its
key matches, so a text
holding no character of such a key comes out unchanged. The characters are read, on first use,
from the dictionaries of OpenCC's own `t2s` configuration (keys from the marisa trie of each
`.ocd2` file, values from the list that follows it): every changing one-character key, and each
changing phrase made only of characters that do not change alone (`一坏` → `一坯`). When those files cannot be read (no `marisa_trie`, another file format), every text is
converted, as before.
"""

from __future__ import annotations

import json
import re
import struct
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_OCD2_HEADER = b"OPENCC_MARISA_0.2.5"


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """`text` converted by OpenCC `t2s` (the very same string when nothing in it could change)."""
    gate = _gate()
    if gate is not None and not gate.may_change(text):
        return text
    return _t2s().convert(text)


def _class(chars: Iterable[str], *ranges: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, sorted(chars))) + "".join(ranges) + "]")


@dataclass(frozen=True)
class Gate:
    """What can make `t2s` change a text, found by one search of a class: a changing character, any
    character above U+FFFF (`re` checks a class's characters above U+FFFF one by one, 200× slower
    for the changing ones: a set decides), or a phrase's pivot (沈, 藉, 覆…: one character of each
    changing phrase made of characters that do not change alone), where the phrases are tried."""

    chars: re.Pattern[str]  # changing characters up to U+FFFF, pivots, anything above U+FFFF
    changing: frozenset[str]  # the changing characters
    phrases: re.Pattern[str]  # the phrases, each matched from its pivot

    def may_change(self, text: str) -> bool:
        for m in self.chars.finditer(text):
            if m.group() in self.changing or self.phrases.match(text, m.start()):
                return True
        return False


@lru_cache(maxsize=1)
def _gate() -> Gate | None:
    """The gate of OpenCC's own dictionaries; None when they cannot be read (nothing skipped)."""
    try:
        chars, phrases = changing_keys(_dictionary_entries())
    except Exception:  # noqa: BLE001 - any failure to read them only costs the shortcut
        return None
    pivots = {_pivot(phrase, phrases) for phrase in phrases}
    return Gate(
        chars=_class((c for c in chars | pivots if c <= "\uffff"), "\U00010000-\U0010ffff"),
        changing=frozenset(chars),
        phrases=re.compile(phrases_pattern(phrases)),
    )


def phrases_pattern(phrases: list[str]) -> str:
    """A regex finding any of `phrases`, each matched from its pivot: `覆(?:(?<=批覆)|(?<=覆)呈…)`."""
    by_pivot: dict[str, list[str]] = {}
    for phrase in phrases:
        by_pivot.setdefault(_pivot(phrase, phrases), []).append(phrase)
    alternatives = []
    for pivot, group in sorted(by_pivot.items()):
        branches = []
        for phrase in sorted(group):
            at = phrase.index(pivot)
            branches.append(f"(?<={re.escape(phrase[: at + 1])}){re.escape(phrase[at + 1 :])}")
        alternatives.append(f"{re.escape(pivot)}(?:{'|'.join(branches)})")
    return "|".join(alternatives) or "(?!)"


def _pivot(phrase: str, phrases: list[str]) -> str:
    """The character of `phrase` most phrases hold: the one they are listed for (沈 in 沈浸, 深沈…)."""
    return max(phrase, key=lambda c: (sum(c in p for p in phrases), c))


def changing_keys(entries: list[tuple[str, list[str]]]) -> tuple[set[str], list[str]]:
    """The keys of `(key, values)` entries that gate every change: each changing single character,
    and each changing phrase holding none of those (`一坏` → `一坯`: 一 and 坏 stay alone)."""
    changing = [key for key, values in entries if values[0] != key]  # OpenCC writes an entry's first value
    chars = {key for key in changing if len(key) == 1}
    return chars, [key for key in changing if len(key) > 1 and not chars.intersection(key)]


def _dictionary_entries() -> list[tuple[str, list[str]]]:
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    entries: list[tuple[str, list[str]]] = []
    for name in sorted(set(_dictionary_files(config))):
        entries += read_ocd2((share / name).read_bytes())
    return entries


def _dictionary_files(node: object) -> Iterator[str]:
    """Every dictionary file a configuration names, at any depth (groups, normalisation, chain)."""
    if isinstance(node, dict):
        if "file" in node:
            if node.get("type") != "ocd2":
                raise ValueError(f"not an ocd2 dictionary: {node}")
            yield node["file"]
        for value in node.values():
            yield from _dictionary_files(value)
    elif isinstance(node, list):
        for value in node:
            yield from _dictionary_files(value)


def read_ocd2(data: bytes) -> list[tuple[str, list[str]]]:
    """(key, values) of an OpenCC `.ocd2` dictionary: the header, a marisa trie of the keys, then
    the values of key id 0, 1, … (a count, the values' bytes, then each key's value lengths)."""
    import marisa_trie

    if not data.startswith(_OCD2_HEADER):
        raise ValueError("not an ocd2 dictionary")
    trie = marisa_trie.Trie()
    trie.frombytes(data[len(_OCD2_HEADER) :])
    offset = len(_OCD2_HEADER) + len(trie.tobytes())
    n_items, n_bytes = struct.unpack_from("<II", data, offset)
    offset += 8
    strings = data[offset : offset + n_bytes].decode("utf-8").split("\0")  # each value ends with a NUL
    table = array("H", data[offset + n_bytes :])  # per key: its number of values, then their lengths
    if sys.byteorder != "little":
        table.byteswap()
    values: list[list[str]] = []
    at = first = 0
    for _ in range(n_items):
        n_values = table[at]
        values.append(strings[first : first + n_values])
        at, first = at + 1 + n_values, first + n_values
    if at != len(table) or first != len(strings) - 1 or len(trie) != n_items:
        raise ValueError("unexpected ocd2 layout")
    return [(key, values[key_id]) for key, key_id in trie.items()]

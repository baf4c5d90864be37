"""A query's search cut without rjieba: the words `rjieba.cut_for_search(text, True)` gives, or None.

Importing rjieba builds jieba's whole dictionary (350,000 words) in Rust, ~0.14 s: most of a
`drafter corpus search`, only to cut a few characters. jieba's algorithm, when its HMM is not
needed, is small: here it is, as jieba-rs 0.11 (rjieba 0.2's core) runs it, on the frequencies of
the query's substrings alone (`drafter.text.word_freqs`, a small SQLite file read in ~1 ms).

- The text is split into blocks of `is_han_default` characters (CJK ideographs, ASCII letters and
  digits, `+#&._%-`); every other character is a word of its own (`\\r\\n` one word).
- A block's DAG holds the dictionary words starting at each character; the route picks, from the
  end, max((ln freq − ln total + route[end], end)) — the same float operations, in the same
  order, on the same libm `log`, so the same ties — a character no word starts at scoring freq 1.
- Along the route, runs of single characters are gathered: a run of one is a word; a run that is a
  dictionary word is cut into its characters; any other run goes to HMM. HMM cuts ideographs
  (U+4E00–U+9FD5) of two or more in a row by Viterbi — then this module gives up (None) and the
  caller asks rjieba; a lone ideograph is a word, and the rest is split by a `RE_SKIP` (digits and
  letters: 2024, COVID-19, 5G), reproduced here.
- The search cut then puts before each word of more than two characters its 2-grams, and before
  each of more than three its 3-grams, that are dictionary words.

None whenever exactness is not certain: Viterbi needed, a text longer than `MAX_CHARS`, no
dictionary. tests/unit/test_query_cut.py compares this with rjieba on every paragraph, sentence
and thousands of windows of the seed plans.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Protocol

MAX_CHARS = 400  # a query; longer texts (never typed as one) are rjieba's

# What jieba-rs 0.11's HMM keeps whole outside ideographs: letters and digits joined by `.`, `_` or `-`,
# a `%` after (2024, 5.3%, COVID-19, x-x, 1.2.3.4); whatever lies between two is one word too (`--`, `+`).
# Inferred from rjieba 0.2.2 (its source is not at hand: 0.10's `(?:.\d+)?` cut 5+3 whole, 0.11 does
# not), and checked against it by tests/unit/test_query_cut.py on random strings of these characters.
_HMM_SKIP = re.compile(r"[a-zA-Z0-9]+(?:[._\-][a-zA-Z0-9]+)*%?")
_JOINER = re.compile(r"[._\-]")
_LETTER = re.compile(r"[a-zA-Z]")


class Frequencies(Protocol):
    """The dictionary as the cut needs it."""

    total: int
    longest: int

    def lookup(self, words: list[str]) -> dict[str, int]:
        """The frequency of each of `words` that is a dictionary word."""
        ...


class NeedsHmm(Exception):
    """The cut would run HMM's Viterbi: only rjieba gives those words."""


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2A6DF
            or 0x2A700 <= o <= 0x2EBEF or 0x2F800 <= o <= 0x2FA1F)  # fmt: skip


def _is_han_default(c: str) -> bool:
    return _is_cjk(c) or (c.isascii() and (c.isalnum() or c in "+#&._%-"))


def _is_hmm_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fd5"


def _runs(text: str, inside: Callable[[str], bool]) -> list[tuple[bool, str]]:
    """`text` as maximal runs of characters `inside` or not, in order."""
    runs: list[tuple[bool, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or inside(text[i]) != inside(text[start]):
            runs.append((inside(text[start]), text[start:i]))
            start = i
    return runs


def cut_for_search(text: str, freqs: Frequencies) -> list[str] | None:
    """`rjieba.cut_for_search(text, True)`, or None when only rjieba can say."""
    if len(text) > MAX_CHARS:
        return None
    runs = _runs(text, _is_han_default)
    known = freqs.lookup(_substrings([block for han, block in runs if han], freqs.longest))
    words: list[str] = []
    try:
        for han, block in runs:
            if han:
                words += _cut_block(block, known, freqs)
            else:
                words += _single_characters(block)
    except NeedsHmm:
        return None
    return _with_sub_words(words, known)


def _substrings(blocks: list[str], longest: int) -> list[str]:
    """Every substring of the blocks a dictionary word could be, each once."""
    found: dict[str, None] = {}
    for block in blocks:
        for i in range(len(block)):
            for j in range(i + 1, min(len(block), i + longest) + 1):
                found[block[i:j]] = None
    return list(found)


def _single_characters(block: str) -> list[str]:
    """A block of other characters: each its own word, `\\r\\n` one."""
    return re.findall(r"\r\n|[\s\S]", block)


def _route(block: str, known: dict[str, int], freqs: Frequencies) -> list[tuple[float, int]]:
    """jieba-rs `calc`: the best (log probability, end) from each character to the block's end."""
    n, longest, logtotal = len(block), freqs.longest, math.log(freqs.total)
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for start in range(n - 1, -1, -1):
        best = None
        for end in range(start + 1, min(n, start + longest) + 1):
            freq = known.get(block[start:end])
            if freq is not None:
                pair = (math.log(freq) - logtotal + route[end][0], end)
                if best is None or pair > best:
                    best = pair
        route[start] = best if best is not None else (0.0 - logtotal + route[start + 1][0], start + 1)
    return route


def _cut_block(block: str, known: dict[str, int], freqs: Frequencies) -> list[str]:
    """jieba-rs `cut_dag_hmm`: the route's words, runs of single characters gathered."""
    route = _route(block, known, freqs)
    words: list[str] = []
    start, run_start = 0, None
    while start < len(block):
        end = route[start][1]
        if end - start == 1:
            run_start = start if run_start is None else run_start
        else:
            if run_start is not None:
                words += _single_run(block[run_start:start], known)
                run_start = None
            words.append(block[start:end])
        start = end
    if run_start is not None:
        words += _single_run(block[run_start:], known)
    return words


def _single_run(run: str, known: dict[str, int]) -> list[str]:
    if len(run) == 1:
        return [run]
    if run in known:
        return list(run)
    return _hmm_without_viterbi(run)


def _hmm_without_viterbi(run: str) -> list[str]:
    """jieba-rs `hmm::cut_with_allocated_memory`, where it needs no Viterbi."""
    words: list[str] = []
    for han, part in _runs(run, _is_hmm_han):
        if han:
            if len(part) > 1:
                raise NeedsHmm
            words.append(part)
            continue
        last = 0
        for m in _HMM_SKIP.finditer(part):
            if m.start() > last:
                words.append(part[last : m.start()])
            words.append(m.group())
            last = m.end()
        if last < len(part):
            words.append(part[last:])
    return words


def _with_sub_words(words: list[str], known: dict[str, int]) -> list[str]:
    """jieba-rs `cut_for_search`: a long word's 2-grams and 3-grams that are words, before it; before
    a joined word (COVID-19, www.wm114.cn), its parts of two characters or more with a letter."""
    out: list[str] = []
    for word in words:
        if _JOINER.search(word):
            out += [part for part in _JOINER.split(word) if len(part) > 1 and _LETTER.search(part)]
        n = len(word)
        if n > 2:
            out += [word[i : i + 2] for i in range(n - 1) if word[i : i + 2] in known]
        if n > 3:
            out += [word[i : i + 3] for i in range(n - 2) if word[i : i + 3] in known]
        out.append(word)
    return out

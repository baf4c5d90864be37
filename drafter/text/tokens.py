"""Chinese word tokens: one segmenter for the store's index, its queries and the compare diff.

The segmenter is rjieba (jieba's algorithm and dictionary, in Rust). jieba itself loads its
dictionary in 0.87 s at every start (`marshal.load` of its cache) and cuts 0.4 MB/s; rjieba is
ready in ~0.15 s and cuts ~10 MB/s, and agreed with jieba on 99.7 % of the words of the seed plans
(benchmarks/bench_segmenter.py measures both). The dictionary is built on first use, so importing
this module costs nothing.

A search query is cut without rjieba when it can be (`query_words`): `query_cut` runs jieba-rs's
algorithm on the frequencies of the query's substrings (`word_freqs`, a small file in the cache
folder), and gives rjieba's words exactly, or gives up (HMM needed) and rjieba cuts.

`segmenter_version()` names the segmenter and its dictionary: a store records the version its
index was cut with and re-indexes when it changes, as it re-reads files when `PARSER_VERSION` does.

The dictionary's words, frequencies and tags (which words are places, which are everyone's) are
read from jieba's `dict.txt` — the dictionary rjieba embeds — as a file (`dictionary_entries`),
without importing jieba (whose import alone costs ~0.3 s: it loads pkg_resources) or loading
its tokenizer (~1 s). `tokenizer()` (jieba itself) remains for callers that still want it.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

SEGMENTER = "rjieba"
# Bump the suffix when the way drafter uses the segmenter changes (a user dictionary, HMM off…).
_RULES = "1"

_lock = threading.Lock()
_jieba = None


@lru_cache(maxsize=1)
def segmenter_version() -> str:
    """`rjieba-0.2.2/1`: the segmenter, its release (its dictionary comes with it), drafter's rules."""
    return f"{SEGMENTER}-{_release(SEGMENTER)}/{_RULES}"


def _release(package: str) -> str:
    """The installed release of `package`, from its `NAME-VERSION.dist-info` folder: every store
    open asks, and importing `importlib.metadata` costs more (~20 ms) than the rest of the check."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec and spec.origin:
        site = Path(spec.origin).resolve().parent.parent
        found = [p.name[len(package) + 1 : -len(".dist-info")] for p in site.glob(f"{package}-*.dist-info")]
        if len(found) == 1:
            return found[0]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:  # pragma: no cover - a vendored or renamed build
        return "unknown"


@lru_cache(maxsize=1)
def _rjieba():  # noqa: ANN202 - the rjieba module (no type hints)
    import rjieba  # builds its dictionary (~0.15 s) on import

    return rjieba


def warm_up() -> None:
    """Build the dictionary now (from a worker thread), so the first real call is fast; and the
    query cut's word frequencies (`word_freqs`) if they are not in the cache folder yet."""
    _rjieba()
    from drafter.text import word_freqs

    word_freqs.build_if_missing()


def tokenize(text: str) -> list[str]:
    """Words in order; concatenated they give back `text` exactly."""
    return _rjieba().cut(text, True)


@lru_cache(maxsize=4096)
def tokenize_cached(text: str) -> tuple[str, ...]:
    return tuple(tokenize(text))


def search_terms(text: str) -> list[str]:
    """The search-engine cut (also yields sub-words), no blanks."""
    return [w for w in _rjieba().cut_for_search(text, True) if w.strip()]


# The segmenter cuts runs of Han characters, letters, digits and `+#&._%-` on their own, so turning
# every other character into a space changes no word, and leaves only words to join.
_NOT_WORD = re.compile(r"[^\w\n+#&.%\-]+")
# A word of symbols only (`(?<!\S)[+#&.%\-_]+(?!\S)`), written to open with its character class (the
# lookbehind then checks the character before it), so `re` skips to the symbols.
_SYMBOLS_ONLY = re.compile(r"[+#&.%\-_](?<!\S[+#&.%\-_])[+#&.%\-_]*(?!\S)")


def index_words(paragraphs: list[str]) -> list[str]:
    """Each paragraph's words for the search index, space-joined: the search cut (sub-words too),
    punctuation dropped. One segmenter call for all of them."""
    if not paragraphs:
        return []
    text = _NOT_WORD.sub(" ", "\n".join(p.replace("\n", " ") for p in paragraphs))
    return _joined(_rjieba().cut_for_search(text, True))


@lru_cache(maxsize=4096)
def query_words(text: str) -> str:
    """`index_words([text])[0]`, for a query: cut without rjieba (`query_cut`, same words) when its
    word frequencies are in the cache folder and the cut needs no HMM, so a search need not import
    rjieba (~0.14 s)."""
    import sqlite3  # (word_freqs imports it anyway)

    from drafter.text import query_cut, word_freqs

    text = _NOT_WORD.sub(" ", text.replace("\n", " "))
    freqs = word_freqs.frequencies()
    try:
        words = query_cut.cut_for_search(text, freqs) if freqs is not None else None
    except sqlite3.Error:  # the file broke while open: rjieba cuts
        words = None
    if words is None:
        words = _rjieba().cut_for_search(text, True)
        if freqs is None:
            word_freqs.build_if_missing()
    return _joined(words)[0]


def _joined(words: list[str]) -> list[str]:
    """The search cut's words, symbols-only words dropped, space-joined a paragraph (line) each."""
    joined = _SYMBOLS_ONLY.sub(" ", " ".join(words))
    return [" ".join(part.split()) for part in joined.split("\n")]


# -- the dictionary as data ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def dictionary_path() -> Path:
    """jieba's `dict.txt` (word, frequency, tag a line), found without importing jieba."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - jieba is a dependency
        raise FileNotFoundError("jieba/dict.txt")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def dictionary_stamp() -> str:
    """Changes when the dictionary file does (a cache derived from it is keyed by this)."""
    path = dictionary_path()
    return f"{os.path.getsize(path)}-{int(os.path.getmtime(path))}"


def dictionary_entries() -> Iterator[tuple[str, int, str]]:
    """(word, frequency, part-of-speech tag) for every word of the dictionary."""
    with open(dictionary_path(), encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) == 3:
                yield fields[0], int(fields[1]), fields[2]


def common_words(min_frequency: int, lengths: tuple[int, int] = (2, 4)) -> frozenset[str]:
    """The dictionary's words of `lengths` characters more frequent than `min_frequency`: read once,
    then from a small file in the cache folder (the dictionary's 350,000 lines take ~0.6 s)."""
    low, high = lengths
    return _cached_words(f"common-{min_frequency}-{low}-{high}",
                         lambda: (w for w, f, _ in dictionary_entries() if f > min_frequency and low <= len(w) <= high))  # fmt: skip


def tagged_words(tags: tuple[str, ...]) -> frozenset[str]:
    """The dictionary's words tagged with one of `tags` (`ns`, `nz`: places), cached like `common_words`."""
    return _cached_words("tagged-" + "-".join(tags), lambda: (w for w, _, tag in dictionary_entries() if tag in tags))


def _cached_words(name: str, produce) -> frozenset[str]:  # noqa: ANN001 - () -> Iterable[str]
    from drafter.errors import DrafterError
    from drafter.paths import locations

    cache = locations().cache_dir / "tokens" / f"{name}-{dictionary_stamp()}.txt"
    try:
        return frozenset(w for w in cache.read_text(encoding="utf-8").split("\n") if w)
    except (OSError, UnicodeDecodeError):
        pass
    words = frozenset(produce())
    try:
        from drafter.atomic import write_bytes_atomically

        cache.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(cache, "\n".join(sorted(words)).encode("utf-8"))
    except (OSError, DrafterError):  # a read-only cache folder only costs time
        pass
    return words


def tokenizer():  # noqa: ANN201 - a jieba.Tokenizer
    """jieba's tokenizer, for part-of-speech tagging (`jieba.posseg.POSTokenizer(tokenizer())`).

    Loaded on first call only (~1 s), with its dictionary cache in drafter's cache folder."""
    global _jieba
    if _jieba is None:
        with _lock:
            if _jieba is None:
                import logging  # here, with jieba (which imports it anyway): not on every command's path

                import jieba

                from drafter.paths import locations

                jieba.setLogLevel(logging.WARNING)
                cache = locations().jieba_cache
                cache.parent.mkdir(parents=True, exist_ok=True)
                tok = jieba.Tokenizer()
                tok.tmp_dir = str(cache.parent)
                tok.cache_file = cache.name
                tok.initialize()
                _jieba = tok
    return _jieba

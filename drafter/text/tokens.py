"""Chinese word tokens: one segmenter for the store's index, its queries and the compare diff.

The segmenter is rjieba (jieba's algorithm and dictionary, in Rust). jieba itself loads its
dictionary in 0.87 s at every start (`marshal.load` of its cache) and cuts 0.4 MB/s; rjieba is
ready in ~0.15 s and cuts ~10 MB/s, and agreed with jieba on 99.7 % of the words of the seed plans
(benchmarks/bench_segmenter.py measures both). The dictionary is built on first use, so importing
this module costs nothing.

`SEGMENTER_VERSION` names the segmenter and its dictionary: a store records the version its
index was cut with and re-indexes when it changes, as it re-reads files when `PARSER_VERSION` does.
jieba stays for part-of-speech tagging (`tokenizer()`), which only the library check uses.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

SEGMENTER = "rjieba"
# Bump the suffix when the way drafter uses the segmenter changes (a user dictionary, HMM off…).
_RULES = "1"

_lock = threading.Lock()
_jieba = None


@lru_cache(maxsize=1)
def segmenter_version() -> str:
    """`rjieba-0.2.2/1`: the segmenter, its release (its dictionary comes with it), drafter's rules."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version(SEGMENTER)
    except PackageNotFoundError:  # pragma: no cover - a vendored or renamed build
        release = "unknown"
    return f"{SEGMENTER}-{release}/{_RULES}"


@lru_cache(maxsize=1)
def _rjieba():  # noqa: ANN202 - the rjieba module (no type hints)
    import rjieba  # builds its dictionary (~0.15 s) on import

    return rjieba


def warm_up() -> None:
    """Build the dictionary now (from a worker thread), so the first real call is fast."""
    _rjieba()


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
_SYMBOLS_ONLY = re.compile(r"(?<!\S)[+#&.%\-_]+(?!\S)")


def index_words(paragraphs: list[str]) -> list[str]:
    """Each paragraph's words for the search index and its queries, space-joined: the search cut
    (sub-words too), punctuation dropped. One segmenter call for all of them."""
    if not paragraphs:
        return []
    text = _NOT_WORD.sub(" ", "\n".join(p.replace("\n", " ") for p in paragraphs))
    joined = _SYMBOLS_ONLY.sub(" ", " ".join(_rjieba().cut_for_search(text, True)))
    return [" ".join(part.split()) for part in joined.split("\n")]


def tokenizer():  # noqa: ANN201 - a jieba.Tokenizer
    """jieba's tokenizer, for part-of-speech tagging (`jieba.posseg.POSTokenizer(tokenizer())`).

    Loaded on first call only (~1 s), with its dictionary cache in drafter's cache folder."""
    global _jieba
    if _jieba is None:
        with _lock:
            if _jieba is None:
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

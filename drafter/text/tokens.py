"""Chinese word tokens (jieba), loaded once, lazily, with its dictionary cache in drafter's cache dir.

jieba's first load takes ~0.6 s; callers on a UI thread should call `warm_up()` from a worker.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

_lock = threading.Lock()
_tokenizer = None


def _get_tokenizer():  # noqa: ANN202 - jieba has no type hints
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                from drafter.paths import locations

                jieba.setLogLevel(logging.WARNING)
                cache = locations().jieba_cache
                cache.parent.mkdir(parents=True, exist_ok=True)
                tok = jieba.Tokenizer()
                tok.tmp_dir = str(cache.parent)
                tok.cache_file = cache.name
                tok.initialize()
                _tokenizer = tok
    return _tokenizer


def tokenizer():  # noqa: ANN201 - a jieba.Tokenizer
    """The shared jieba tokenizer (for POS tagging with jieba.posseg.POSTokenizer and the like)."""
    return _get_tokenizer()


def warm_up() -> None:
    """Load the dictionary now (from a worker thread), so the first real call is fast."""
    _get_tokenizer()


def tokenize(text: str) -> list[str]:
    """Words in order; concatenated they give back `text` exactly."""
    return list(_get_tokenizer().cut(text, HMM=True))


@lru_cache(maxsize=4096)
def tokenize_cached(text: str) -> tuple[str, ...]:
    return tuple(tokenize(text))


def search_terms(text: str) -> list[str]:
    """Words for indexing and querying: the search-engine cut (also yields sub-words), no blanks."""
    return [w for w in _get_tokenizer().cut_for_search(text) if w.strip()]

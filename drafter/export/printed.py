"""Text as the 公文 prints it: full-width marks in Chinese context (GB/T 15834, GB/T 9704 §9), by the
shared normaliser (drafter.text.punctuation), which leaves numbers, Latin words and URLs alone."""

from __future__ import annotations

from functools import lru_cache

from drafter.text.punctuation import normalize_punctuation


def printed(text: str | None) -> str:
    return _normalized(text.strip()) if text else ""


@lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
    # Cached: a task's text stands in its section and again in the 分工表, a heading is measured
    # before it is set.
    return normalize_punctuation(text)

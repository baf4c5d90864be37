"""The corpus store: plans, their outlines and a search index, behind one interface."""

from __future__ import annotations

from drafter.store.sqlite import DEFAULT_CORPUS_KEY, CorpusStore, Store, open_store

__all__ = ["DEFAULT_CORPUS_KEY", "CorpusStore", "Store", "open_store"]

"""The corpus plans the library is drawn from: the store, or the bundled files read directly."""

from __future__ import annotations

import os

from drafter.model import Document


def corpus_documents(db: str | os.PathLike | None = None, use_store: bool = True) -> list[Document]:
    """Every corpus plan, in a stable order (so a build from the same corpus gives the same files)."""
    documents = _from_store(db) if use_store else []
    if not documents:
        documents = _from_files()
    return sorted(documents, key=stable_key)


def _from_store(db: str | os.PathLike | None) -> list[Document]:
    from drafter.store import open_store

    store = open_store(db)
    try:
        return [doc for _summary, doc in store.iter_documents()]
    finally:
        store.close()


def _from_files() -> list[Document]:
    from drafter.reader import read_plans
    from drafter.resources import corpus_files

    return [doc for path in corpus_files() for doc in read_plans(path)]


def stable_key(doc: Document) -> tuple:
    return (doc.date or "9999", doc.region or "", doc.plan_title or doc.title or "", doc.text[:200])

"""What the search index needs before a search, for every front end (the CLI's bar, the app's line).

A rebuild (the segmenter or the index format changed, or the corpus grew big enough to be searched
in two parts) cuts every document's words again: minutes for a large corpus. Completing the index
after a killed ingest covers only what that ingest left out. Either way the user is told first, in
the same words, and sees it advance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.store.interface import CorpusStore


# Why a rebuild happens, in the user's terms: each its own message (store_backend.*).
_REBUILD_MESSAGE = {"missing": "rebuilding_index", "parts": "splitting_index"}


def index_work(store: CorpusStore) -> tuple[str, int] | None:
    """(the `store_backend` message key, documents to index) when the index must catch up first:
    `rebuilding_index` (none or a damaged one), `upgrading_index` (another segmenter or format),
    `splitting_index` (grown into two parts) for a rebuild, `repairing_index` to complete it; None
    when it is up to date."""
    versions = store.versions()
    if versions.index_stale:
        return _REBUILD_MESSAGE.get(versions.index_reason, "upgrading_index"), store.count_documents()
    if versions.index_pending:
        return "repairing_index", versions.index_pending
    return None

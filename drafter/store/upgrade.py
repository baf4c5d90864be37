"""`drafter corpus upgrade`: after a parser or segmenter change, bring a SQLite store up to date.

Files read by an older parser are read again (a file that is gone keeps its documents: nothing is
lost), and the search index is rebuilt from the store when it was cut by another segmenter or is
missing, or repaired when a killed ingest left documents unindexed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.store.types import READ

if TYPE_CHECKING:
    from drafter.corpus.ingest import IngestReport, Progress
    from drafter.store.sqlite import Store


def upgrade(store: Store, progress: Progress | None = None) -> IngestReport:
    from drafter.corpus.ingest import IngestReport, ingest_paths
    from drafter.reader import PARSER_VERSION

    stale = [
        r[0]
        for r in store.conn.execute(
            "SELECT path FROM source_files WHERE status = ? AND (parser IS NULL OR parser != ?) ORDER BY id",
            (READ, PARSER_VERSION),
        )
    ]
    report = ingest_paths(store, stale, progress=progress) if stale else IngestReport()
    store.update_index((lambda done, total: progress(done, total, None)) if progress else None)
    return report

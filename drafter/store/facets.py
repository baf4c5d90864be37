"""The values a store's filters can take, with how many documents have each (for the app's filter
choices and `drafter corpus list --facets`)."""

from __future__ import annotations

import sqlite3

from drafter.store.interface import Facets


def facets(conn: sqlite3.Connection) -> Facets:
    out = Facets()
    for column, target in (("region", out.regions), ("province", out.provinces), ("year", out.years),
                           ("doc_type", out.doc_types), ("level", out.levels)):  # fmt: skip
        sql = f"SELECT {column}, count(*) FROM documents WHERE {column} IS NOT NULL GROUP BY {column} ORDER BY 2 DESC, 1"
        target.update(conn.execute(sql).fetchall())
    sql = "SELECT kind, count(*) FROM doc_kinds GROUP BY kind ORDER BY 2 DESC, 1"
    out.kinds.update(conn.execute(sql).fetchall())
    return out

"""Where a store is: a SQLite file (a path) or a server (a URL), and which backend opens it.

`--db` / `DRAFTER_DB` name the store. A plain path (or `sqlite:///path`) is a SQLite file. A
`postgresql://` (or `postgres://`) URL names a server store (`drafter.store.postgres`, which
refuses with a clear message a server it cannot use) — never taken for a folder called
`postgresql:` (which is what happened before). Any other `scheme://` is refused.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(//|$)")
POSTGRES_SCHEMES = ("postgresql", "postgres")


class StoreUnavailable(DrafterError):
    """The store named cannot be used by this drafter (a backend not built, an unknown scheme)."""


@dataclass(frozen=True)
class Location:
    backend: str  # "sqlite" | "postgresql"
    target: str  # the file path, or the URL
    shown: str  # what to show the user (a URL without its password)


def parse(raw: str | os.PathLike | None) -> Location:
    """The location `raw` names (None: `DRAFTER_DB`, then the default file in the data folder)."""
    from drafter.paths import locations

    value = str(raw) if raw is not None else os.environ.get("DRAFTER_DB") or ""
    if not value:
        path = str(locations().db_path)
        return Location("sqlite", path, path)
    found = _SCHEME.match(value)
    if found and len(found.group(1)) > 1:  # `C:\…` is a Windows drive, not a scheme
        scheme = found.group(1).lower()
        if scheme == "sqlite":
            path = value.split(":", 1)[1].removeprefix("///").removeprefix("//")
            return Location("sqlite", str(Path(path).expanduser()), path)
        if scheme in POSTGRES_SCHEMES:
            return Location("postgresql", value, hide_password(value))
        from drafter.messages import t

        raise StoreUnavailable(t("store_backend.unknown_scheme", location=hide_password(value), scheme=scheme))
    path = str(Path(value).expanduser())
    return Location("sqlite", path, path)


def sqlite_path(raw: str | os.PathLike | None) -> Path:
    """The SQLite file `raw` names; a server location is refused (see `open_store`)."""
    location = parse(raw)
    if location.backend != "sqlite":
        raise_unavailable(location)
    return Path(location.target)


def raise_unavailable(location: Location) -> None:
    """Refuse a server location where only a local SQLite file will do."""
    from drafter.messages import t

    raise StoreUnavailable(t("store_pg.needs_sqlite", location=location.shown))


def hide_password(url: str) -> str:
    """`postgresql://user:secret@host/db` → `postgresql://user:***@host/db` (and `password=` in the
    query); a password with a raw `@` in it is hidden whole."""
    url = re.sub(r"^([A-Za-z][A-Za-z0-9+.-]*://[^:/@?]*):[^/?]*@", r"\1:***@", url)
    return re.sub(r"([?&]password=)[^&]*", r"\1***", url)

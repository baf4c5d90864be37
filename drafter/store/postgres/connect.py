"""Reaching the server: the URL checked, one probe connection whose failure is put in words, a pool.

A location drafter cannot use is refused with a clear message, never reinterpreted: a malformed
URL, a server that does not answer in time (named), a refused login (the password never shown),
a missing database, a server older than drafter needs. The first connection is made directly (not
by the pool, whose background retries would turn every one of these into "no connection after 30
s"); the pool then serves the store's work. Pools are kept per URL for the process: several
stores (the app opens one per worker thread) share one, and connections are reused between
commands in one process.
"""

from __future__ import annotations

import atexit
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.errors import DrafterError
from drafter.messages import t
from drafter.store.errors import StoreError
from drafter.store.location import StoreUnavailable, hide_password

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

MIN_SERVER = 110000  # PostgreSQL 11: ON CONFLICT … WHERE, phrase search, websearch-free tsquery input
MIN_SERVER_SHOWN = "11"
CONNECT_TIMEOUT = 10  # seconds, unless the URL says `connect_timeout=`
POOL_MAX = 4
_pools: dict[str, ConnectionPool] = {}
_pools_lock = threading.Lock()


class ServerUnavailable(StoreUnavailable, StoreError):
    """The server cannot be used: unreachable, login refused, too old, no drafter schema, no right to
    write. A `StoreError` too: an ingest stops at it with one message, not one per file."""


@dataclass(frozen=True)
class Server:
    url: str  # as given (with its password: never shown)
    shown: str  # the URL without its password
    host: str  # for messages: the host name, or the socket folder
    port: str
    user: str
    database: str
    params: dict

    def conninfo(self) -> str:
        from psycopg.conninfo import make_conninfo

        return make_conninfo(self.url, **self.params)


def parse_server(url: str) -> Server:
    """The server a `postgresql://` URL names; a malformed one is refused with the reason."""
    shown = hide_password(url)
    try:
        from psycopg.conninfo import conninfo_to_dict
    except ImportError as err:  # pragma: no cover - psycopg is a dependency
        raise ServerUnavailable(t("store_pg.no_driver", location=shown)) from err
    try:
        parts = conninfo_to_dict(url)
    except Exception as err:  # noqa: BLE001 - psycopg raises ProgrammingError with libpq's reason
        raise ServerUnavailable(t("store_pg.bad_url", location=shown, why=_first_line(err))) from None
    port = str(parts.get("port") or "5432")
    if not re.fullmatch(r"\d{1,5}(,\d{1,5})*", port):
        raise ServerUnavailable(t("store_pg.bad_url", location=shown, why=f"port {port!r}"))
    if not parts.get("dbname"):
        raise ServerUnavailable(t("store_pg.no_database_name", location=shown))
    import getpass

    params = {} if parts.get("connect_timeout") else {"connect_timeout": str(CONNECT_TIMEOUT)}
    params["application_name"] = parts.get("application_name") or "drafter"
    host = str(parts.get("host") or parts.get("hostaddr") or "localhost")
    return Server(
        url, shown, host, port, str(parts.get("user") or getpass.getuser()), str(parts["dbname"]), params
    )


def probe(server: Server) -> psycopg.Connection:
    """One direct connection, or a `ServerUnavailable` saying what went wrong."""
    import psycopg

    try:
        conn = psycopg.connect(server.conninfo(), autocommit=True)
    except psycopg.OperationalError as err:
        raise connect_error(server, err) from None
    version = conn.info.server_version
    if version < MIN_SERVER:
        conn.close()
        shown = (
            f"{version // 10000}.{version % 10000}"
            if version >= 100000
            else f"{version // 10000}.{version // 100 % 100}"
        )
        raise ServerUnavailable(
            t("store_pg.too_old", host=server.host, version=shown, needed=MIN_SERVER_SHOWN)
        )
    return conn


def connect_error(server: Server, err: Exception) -> ServerUnavailable:
    """A failed connection in words: timeout, refused, unknown host, login, missing database."""
    text = str(err)
    low = text.lower()
    facts = {"host": server.host, "port": server.port}
    if "timeout expired" in low or "timed out" in low:
        key, facts["seconds"] = "timeout", server.params.get("connect_timeout") or _url_timeout(server)
    elif "could not translate host name" in low or "failed to resolve host" in low:
        key = "unknown_host"
    elif "connection refused" in low or "no such file or directory" in low:
        key = "refused"
    elif "password authentication failed" in low or "no password supplied" in low or (
        "role" in low and "does not exist" in low) or "authentication failed" in low or "pg_hba.conf" in low:  # fmt: skip
        key, facts["user"] = "auth_failed", server.user
    elif "permission denied for database" in low:
        key = "no_access"
        facts.update(database=server.database, user=server.user)
    elif "database" in low and "does not exist" in low:
        key = "no_database"
        facts.update(database=server.database, location=server.shown)
    else:
        key, facts["why"] = "cannot_connect", _first_line(err)
    return ServerUnavailable(t(f"store_pg.{key}", **facts))


def _url_timeout(server: Server) -> str:
    from psycopg.conninfo import conninfo_to_dict

    return str(conninfo_to_dict(server.url).get("connect_timeout", CONNECT_TIMEOUT))


def _first_line(err: Exception) -> str:
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    text = lines[0] if lines else type(err).__name__
    text = re.sub(r"^connection failed:\s*", "", text)
    return hide_password(re.sub(r"password=\S+", "password=***", text))


def pool(server: Server) -> ConnectionPool:
    """The process's pool for this server (opened on first use; closed at exit)."""
    with _pools_lock:
        found = _pools.get(server.url)
        if found is None or found.closed:
            from psycopg_pool import ConnectionPool

            # No server-side prepared statements: after five runs PostgreSQL may switch a prepared
            # search to a generic plan, blind to the query's words (a 20 ms search became 1.5 s), and
            # a pooler in front of the server (PgBouncer) may not keep them between transactions.
            # Each connection is checked as it is handed out (one round trip): after a server restart
            # the pool's old connections are replaced, not each handed to a user as an error.
            found = ConnectionPool(server.conninfo(), min_size=1, max_size=POOL_MAX, open=True, timeout=60,
                                   name="drafter", kwargs={"autocommit": True, "prepare_threshold": None},
                                   check=ConnectionPool.check_connection)  # fmt: skip
            _pools[server.url] = found
        return found


def close_pools() -> None:
    with _pools_lock:
        for found in _pools.values():
            found.close()
        _pools.clear()


atexit.register(close_pools)


def server_error(server: Server, err: Exception) -> DrafterError:
    """An error the server reported during work (not while connecting), in words."""
    import psycopg

    if isinstance(err, psycopg.errors.InsufficientPrivilege):
        return ServerUnavailable(t("store_pg.no_permission", location=server.shown, user=server.user))
    if isinstance(err, psycopg.errors.ReadOnlySqlTransaction):  # a standby, or a read-only server
        return ServerUnavailable(t("store_pg.read_only", location=server.shown))
    if isinstance(err, psycopg.OperationalError):
        return ServerUnavailable(t("store_pg.lost", host=server.host, why=_first_line(err)))
    return DrafterError(t("store_pg.server_error", host=server.host, why=_first_line(err)))

"""Fixtures that run the store tests on both backends: SQLite and a real PostgreSQL server.

`store_location` is parametrised (`sqlite`, `postgres`): a fresh, empty store's location for each
test — a file in the test's temp folder, or a new database made from a template that already holds
drafter's schema. The server is `DRAFTER_TEST_PG` when set (a URL of a role that may create
databases), else a throwaway cluster this session starts on a private Unix socket and stops at
the end (`support.pg_cluster`). Where no PostgreSQL server binaries exist, the postgres cases
skip, saying why — unless `DRAFTER_REQUIRE_PG` is set (CI sets it once PostgreSQL is installed),
then they fail.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

TEMPLATE = "drafter_template"
BACKENDS = ("sqlite", "postgres")
_serial = itertools.count()


@dataclass
class PgServer:
    admin_url: str  # a URL on the maintenance database
    cluster: object | None  # support.pg_cluster.Cluster when this session started the server

    def url(self, database: str) -> str:
        """The admin URL with another database (host, port, user and password kept)."""
        from urllib.parse import urlencode

        from psycopg.conninfo import conninfo_to_dict

        parts = conninfo_to_dict(self.admin_url)
        user = parts.get("user", "") + (f":{parts['password']}" if parts.get("password") else "")
        query = urlencode({k: parts[k] for k in ("host", "port") if parts.get(k)}, safe="/")
        return f"postgresql://{user}@/{database}" + (f"?{query}" if query else "")

    def execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def fresh_database(self, template: str | None = TEMPLATE) -> str:
        name = f"drafter_t{os.getpid()}_{next(_serial)}"
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        source = f'TEMPLATE "{template}"' if template else "TEMPLATE template0 ENCODING UTF8"
        self.execute(f'CREATE DATABASE "{name}" {source}')
        return self.url(name)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The test server, with a template database that holds drafter's schema."""
    given = os.environ.get("DRAFTER_TEST_PG")
    if given:
        server = PgServer(given, None)
        yield _with_template(server)
        return
    from support.pg_cluster import ClusterUnavailable, throwaway_cluster

    try:
        with throwaway_cluster() as cluster:
            yield _with_template(PgServer(cluster.url("postgres"), cluster))
    except ClusterUnavailable as err:
        if os.environ.get("DRAFTER_REQUIRE_PG"):  # CI installed PostgreSQL: a server that fails is a failure
            pytest.fail(f"DRAFTER_REQUIRE_PG is set but no PostgreSQL server could be started: {err}")
        pytest.skip(f"PostgreSQL cases skipped: {err}")


def _with_template(server: PgServer) -> PgServer:
    from drafter.store.postgres.connect import close_pools
    from drafter.store.postgres.schema import init_store

    server.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
    server.execute(f'CREATE DATABASE "{TEMPLATE}" TEMPLATE template0 ENCODING UTF8')
    init_store(server.url(TEMPLATE))
    close_pools()  # a template must have no open connections when it is copied
    return server


def database_of(url: str) -> str:
    """The database a test URL names (its query holds a socket folder, slashes and all)."""
    from urllib.parse import urlsplit

    return urlsplit(url).path.lstrip("/")


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """A fresh server store (its own database, schema in place)."""
    from drafter.store.postgres.connect import close_pools

    url = pg_server.fresh_database()
    yield url
    close_pools()
    pg_server.execute(f'DROP DATABASE IF EXISTS "{database_of(url)}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def store_location(request, tmp_path) -> str:
    """A fresh, empty store's location on each backend (the test runs once per backend)."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite3")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def empty_store(store_location):
    """A fresh, empty store on each backend, without the bundled corpus."""
    from drafter.store import connect_store

    store = connect_store(store_location)
    yield store
    store.close()

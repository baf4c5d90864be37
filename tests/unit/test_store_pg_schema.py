"""The server store's schema over time, and what a user is told when the server will not do what
drafter asks: an older schema (upgraded in place, or who must upgrade it), a newer one, no right
to connect or to write, a server gone away. Every refusal comes back from the CLI as words (exit 2),
never a traceback."""

from __future__ import annotations

import itertools

import pytest

from drafter.cli import main
from drafter.store import DocFilter, connect_store
from drafter.store.location import StoreUnavailable

pytestmark = pytest.mark.usefixtures("pg_server")

READING = "\n".join([
    "《丽水市莲都区全面推进医共体建设实施方案》政策解读", "一、出台背景",
    "为推进县域医共体建设,区卫生健康局起草了本方案,推进家庭医生签约服务和分级诊疗。",
])  # fmt: skip
TEMPLATE = "____年医院改革试点工作实施方案\n一、工作目标\n推进家庭医生签约服务。"
PLAN = "丽水市莲都区全面推进医共体建设实施方案\n一、重点任务\n全面推进家庭医生签约服务,推进分级诊疗。"
_roles = itertools.count()


def _version_1_store(pg_server) -> str:  # noqa: ANN001 - support.pg_fixtures.PgServer
    """A database as the first server store wrote it: schema 1 (no is_template, no region_note, a
    NULL doc_type), its documents written row by row the way that code did."""
    import psycopg

    from drafter.store.postgres import schema
    from drafter.store.postgres.write import tsvector_literal
    from drafter.store.write import index_tokens

    url = pg_server.fresh_database(template=None)
    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction():
            for statement in schema.MIGRATIONS[1]:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (1)")
            conn.execute("INSERT INTO meta VALUES ('search_index', 'gin')")
            conn.execute("CREATE INDEX paragraphs_terms ON paragraphs USING gin (terms)")
            for doc_id, text in enumerate((READING, TEMPLATE, PLAN), 1):
                lines = text.split("\n")
                title, heading, body = lines[0], lines[1], lines[2]
                conn.execute("INSERT INTO documents (id, ordinal, title, region, preamble, text, segmenter)"
                             " OVERRIDING SYSTEM VALUE VALUES (%s, 0, %s, %s, '', %s, '')",
                             (doc_id, title, "莲都区" if doc_id != 2 else None, text))  # fmt: skip
                first = doc_id << schema.ID_SHIFT
                conn.execute("INSERT INTO sections VALUES (%s, %s, NULL, %s, %s, 1, NULL, NULL)",
                             (first, doc_id, heading[:2], heading[2:]))  # fmt: skip
                start = text.index(body)
                words = index_tokens(body)
                conn.execute("INSERT INTO paragraphs VALUES (%s, %s, %s, %s, %s, %s, '{}', %s::tsvector)",
                             (first, doc_id, first, start, start + len(body), len(words.split()), tsvector_literal(words)))  # fmt: skip
            conn.execute("SELECT setval(pg_get_serial_sequence('documents', 'id'), 3)")
    return url


def test_a_version_1_server_store_is_upgraded_in_place_and_its_documents_typed(pg_server):
    import psycopg

    from drafter.store.postgres.schema import SCHEMA_VERSION

    url = _version_1_store(pg_server)
    with connect_store(url) as store:
        docs = {d.id: d for d in store.list_documents()}
        assert (docs[1].doc_type, docs[1].is_plan) == ("解读", False)
        assert (docs[2].is_template, docs[2].region_note, docs[2].is_plan) == (True, "template", False)
        assert (docs[3].doc_type, docs[3].is_plan) == ("方案", True)
        assert [d.id for d in store.list_documents(DocFilter(plans_only=True))] == [3]
        assert {h.doc_id for h in store.search("家庭医生签约服务")} == {1, 2, 3}  # the words stay searchable
        store.update_index()  # written by another segmenter version: cut again
        assert {h.doc_id for h in store.search("家庭医生签约服务", where=DocFilter(plans_only=True))} == {3}
        new = store.add_documents([store.get_document(3)])  # written after the upgrade: typed by the writer
        assert store.summary(new[0]).doc_type == "方案"
    with psycopg.connect(url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
        assert versions == list(range(1, SCHEMA_VERSION + 1))
        assert conn.execute("SELECT count(*) FROM documents WHERE doc_type IS NULL").fetchone()[0] == 0
    with connect_store(url) as store:  # a second open finds nothing to do
        assert store.count_documents() == 4


def _role(pg_server, grants: list[str]) -> str:  # noqa: ANN001
    """A login role (not the tables' owner) with these grants; returns its name."""
    if pg_server.cluster is None:
        pytest.skip("needs the session's own cluster (it makes roles)")
    name = f"drafter_user{next(_roles)}"
    pg_server.execute(f"DROP ROLE IF EXISTS {name}")
    pg_server.execute(f"CREATE ROLE {name} LOGIN")
    for grant in grants:
        pg_server.execute(grant.format(role=name))
    return name


def _as(url: str, role: str) -> str:
    return url.replace("postgres@", f"{role}@")


def _database(url: str) -> str:
    from support.pg_fixtures import database_of

    return database_of(url)


def test_an_older_schema_a_user_may_not_upgrade_names_who_must(pg_server, capsys):
    url = _version_1_store(pg_server)
    role = _role(pg_server, [])
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    assert main(["--db", _as(url, role), "corpus", "list"]) == 2
    err = capsys.readouterr().err
    assert "较早版本" in err and "drafter store init --db" in err and role in err, err
    assert main(["--db", url, "store", "init", "--json"]) == 0  # the owner upgrades it …
    capsys.readouterr()
    assert main(["--db", _as(url, role), "corpus", "list", "--json"]) == 0  # … then everyone can read


def test_a_store_from_a_newer_drafter_is_refused_in_words(pg_url, capsys):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version (version) VALUES (99)")
    for command in (["corpus", "list"], ["store", "init"]):
        assert main(["--db", pg_url, *command]) == 2
        assert "更新版本的 drafter" in capsys.readouterr().err


def test_a_user_who_may_only_read_is_told_so_when_ingesting(pg_server, pg_url, seeds_dir, capsys):
    role = _role(pg_server, [])
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    reader = _as(pg_url, role)
    with connect_store(reader) as store:
        assert store.count_documents() == 0  # opening and reading are allowed
    assert main(["--db", reader, "ingest", str(seeds_dir / "003_2f56a4579ed1d20f.txt")]) == 2
    err = capsys.readouterr().err
    assert f"用户 {role} 没有执行此操作的权限" in err and "GRANT" in err, err


def test_a_user_without_the_right_to_connect_is_told_who_grants_it(pg_server, pg_url, capsys):
    role = _role(pg_server, [])
    pg_server.execute(f'REVOKE CONNECT ON DATABASE "{_database(pg_url)}" FROM PUBLIC')
    assert main(["--db", _as(pg_url, role), "corpus", "list"]) == 2
    err = capsys.readouterr().err
    assert f"不允许用户 {role} 连接数据库" in err and "GRANT CONNECT" in err, err


def test_a_server_that_is_down_is_named(capsys):
    assert main(["--db", "postgresql://drafter@127.0.0.1:1/corpus", "corpus", "list"]) == 2
    err = capsys.readouterr().err
    assert "无法连接服务器 127.0.0.1（端口 1）" in err and "Traceback" not in err


def test_a_connection_lost_during_work_is_said_in_words_and_the_next_call_reconnects(pg_server, pg_url):
    def restart() -> None:  # what a server restart does to the connections open to it
        pg_server.execute(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database(pg_url)}'"
        )

    with connect_store(pg_url) as store:
        assert store.count_documents() == 0  # the pool holds a connection now
        with pytest.raises(StoreUnavailable, match="连接中断"), store.connection() as conn:
            restart()
            conn.execute("SELECT 1")
        restart()
        assert store.count_documents() == 0  # the pool's broken connections are replaced, not handed out

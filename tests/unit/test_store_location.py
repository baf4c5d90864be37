"""`--db` / `DRAFTER_DB` choose the store: a file is SQLite; a server URL is the PostgreSQL store,
refused clearly (naming the server) when it cannot be reached, never taken for a folder."""

from __future__ import annotations

import json

import pytest

from drafter.cli import main
from drafter.store import CorpusStore, connect_store, open_store
from drafter.store.location import StoreUnavailable, hide_password, parse


@pytest.mark.parametrize("url", ["postgresql://drafter:secret@db.example/corpus", "postgres://localhost/corpus"])
def test_a_postgresql_location_is_refused_and_no_folder_appears(tmp_path, monkeypatch, url):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreUnavailable) as caught:
        connect_store(url)
    message = str(caught.value)
    assert ("db.example" in message or "localhost" in message) and "secret" not in message
    assert list(tmp_path.iterdir()) == []  # issue 16: it used to create ./postgresql:/…sqlite3


def test_the_cli_refuses_a_server_in_drafter_db_with_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DRAFTER_DB", "postgresql://drafter:secret@db.example/corpus")
    assert main(["corpus", "list"]) == 2
    err = capsys.readouterr().err.strip()
    assert "db.example" in err and "secret" not in err and "\n" not in err
    assert not any(tmp_path.iterdir())
    assert main(["locate", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["db"] == "postgresql://drafter:***@db.example/corpus"


def test_an_unknown_scheme_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreUnavailable, match="mysql"):
        connect_store("mysql://host/db")
    assert not any(tmp_path.iterdir())


def test_paths_and_sqlite_urls_are_sqlite_files(tmp_path, monkeypatch):
    plain = tmp_path / "a" / "corpus.sqlite3"
    assert parse(str(plain)).backend == "sqlite" and parse(str(plain)).target == str(plain)
    assert parse(f"sqlite:///{tmp_path}/b.sqlite3").target == f"{tmp_path}/b.sqlite3"
    assert parse("C:\\Users\\x\\corpus.sqlite3").backend == "sqlite"  # a drive letter is not a scheme
    monkeypatch.setenv("DRAFTER_DB", str(plain))
    with connect_store() as store:
        assert isinstance(store, CorpusStore)
        assert store.location == str(plain)
    assert plain.exists()


def test_open_store_reads_the_bundled_corpus_once(tmp_path):
    path = tmp_path / "s.sqlite3"
    with open_store(path) as store:
        first = store.count_documents()
        assert first > 0
    with open_store(path) as store:
        assert store.count_documents() == first


def test_passwords_are_hidden_wherever_a_url_is_shown():
    assert hide_password("postgresql://u:p%40ss@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert hide_password("postgresql://h/db") == "postgresql://h/db"

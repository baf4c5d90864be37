"""A search cuts its query without rjieba, and finds what it found when rjieba cut the query."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.text import tokens, word_freqs

ROOT = Path(__file__).resolve().parent.parent.parent


def benchmark_queries() -> list[str]:
    """`QUERIES` of benchmarks/realistic.py, read without importing it (it sets up a bench home)."""
    tree = ast.parse((ROOT / "benchmarks" / "realistic.py").read_text(encoding="utf-8"))
    assigned = (n for n in tree.body if isinstance(n, ast.Assign))
    node = next(n for n in assigned if getattr(n.targets[0], "id", "") == "QUERIES")
    return eval(compile(ast.Expression(node.value), "realistic.py", "eval"), {"__builtins__": {}})  # noqa: S307


def _hits(store, query: str) -> list[tuple]:  # noqa: ANN001
    hits = store.search(query, limit=20)
    return [(h.doc_id, h.paragraph_id, round(h.score, 9), h.snippet, h.spans) for h in hits]


@pytest.fixture
def rjieba_only(monkeypatch):
    """Queries cut by rjieba, as before the cache existed."""

    def use() -> None:
        monkeypatch.setattr(word_freqs, "frequencies", lambda: None)
        monkeypatch.setattr(word_freqs, "build_if_missing", lambda: None)
        tokens.query_words.cache_clear()

    yield use
    tokens.query_words.cache_clear()


def test_search_finds_the_same_with_either_cut_on_the_bundled_corpus(rjieba_only):
    from drafter.store import open_store

    queries = benchmark_queries()
    assert len(queries) > 40
    store = open_store()
    try:
        word_freqs.build_if_missing()  # as the app's warm-up or a first search does
        tokens.query_words.cache_clear()
        assert word_freqs.frequencies() is not None
        fast = {q: _hits(store, q) for q in queries}
        rjieba_only()
        slow = {q: _hits(store, q) for q in queries}
    finally:
        store.close()
    assert fast == slow
    assert sum(bool(h) for h in fast.values()) > 30


def test_search_finds_the_same_with_either_cut_on_each_backend(empty_store, seed_paths, rjieba_only):
    from drafter.reader import parse_plans

    for path in seed_paths:
        empty_store.add_documents(parse_plans(path.read_text(encoding="utf-8")))
    queries = benchmark_queries()[::3]
    tokens.query_words.cache_clear()
    fast = {q: _hits(empty_store, q) for q in queries}
    rjieba_only()
    assert fast == {q: _hits(empty_store, q) for q in queries}


def test_corpus_search_imports_no_rjieba(tmp_path):
    env = dict(os.environ, DRAFTER_HOME=str(tmp_path))
    # the first search ingests the bundled corpus, cuts its query with rjieba (no word frequencies
    # yet: an ingest does not spend ~2 s on them) and builds the word frequencies' file
    search = "import sys; from drafter.cli import main; sys.exit(main(['corpus', 'search', '家庭医生', '--json']))"
    first = [sys.executable, "-c", search]
    assert subprocess.run(first, env=env, capture_output=True, timeout=300).returncode == 0
    assert list((tmp_path / "cache" / "tokens").glob("query-words-*.sqlite3"))
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        "rc = main(['corpus', 'search', '家庭医生', '--json'])\n"
        "print('rjieba imported' if 'rjieba' in sys.modules else 'no rjieba', file=sys.stderr)\n"
        "sys.exit(rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "家庭医生" in out.stdout
    assert out.stderr.strip().endswith("no rjieba")

"""The segmenter dictionary's word frequencies as a small SQLite file, to cut a query without rjieba.

`drafter.text.query_cut` needs the frequencies of a query's substrings only: one `WHERE word IN
(…)` on this file (~0.5 ms) instead of rjieba's import (~0.14 s, its whole dictionary built).

The file lives in drafter's cache folder, named after the segmenter's version and the stamp of
jieba's `dict.txt` (the dictionary rjieba embeds), so a new rjieba or jieba gets a new file. Building
it reads `dict.txt` and takes ~2 s, so it is built where rjieba already runs and nobody waits for
a figure: the app's warm-up (a worker thread), or a query cut by rjieba because the file was missing
(the first search after an install pays it once). An ingest does not build it: its readers would
spend the 2 s of every first ingest on it. At build, the new cut is checked against rjieba on
a sample of the dictionary and a few sentences; a file where they disagree is kept, marked so, and
never used (every query then goes to rjieba). A file that cannot be written, read or trusted only
costs time: the caller falls back to rjieba.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

FORMAT = "1"  # bump when the file's tables change
_SAMPLE_EVERY = 997  # every so many dictionary words checked against rjieba at build
_CHECK_SENTENCES = (
    "各地要加快推进家庭医生签约服务，提高基层医疗卫生机构服务能力。",
    "到2024年底，全市5G网络覆盖率达到95%以上，COVID-19疫情防控常态化。",
    "深化医药卫生体制改革，推进分级诊疗制度建设和现代医院管理制度。",
)
_KEEP_OPEN = 4  # files kept open, one a DRAFTER_HOME (a real process has one)
_MAX_VARIABLES = 999  # the oldest SQLite's limit on `?` in one statement

_lock = threading.Lock()
_open: dict[str, SqliteFrequencies | None] = {}  # by DRAFTER_HOME: the path costs ~0.1 ms to make
_checked: set[str] = set()  # DRAFTER_HOME values whose cache folder this process has looked at
_built: dict[str, Path] = {}  # key → a file this process built: a new cache folder gets a hard link


class DictFrequencies:
    """The frequencies in memory (while building, and for tests)."""

    def __init__(self, freqs: dict[str, int]) -> None:
        self.freqs = freqs
        self.total = sum(freqs.values())
        self.longest = max(map(len, freqs), default=1)

    def lookup(self, words: list[str]) -> dict[str, int]:
        return {w: self.freqs[w] for w in words if w in self.freqs}


class SqliteFrequencies:
    """The frequencies in the cache file, read a query's words at a time."""

    def __init__(self, conn: sqlite3.Connection, total: int, longest: int) -> None:
        self.conn, self.total, self.longest = conn, total, longest
        self._lock = threading.Lock()  # one connection, shared by the threads that search

    def lookup(self, words: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        with self._lock:
            for at in range(0, len(words), _MAX_VARIABLES):
                chunk = words[at : at + _MAX_VARIABLES]
                query = f"SELECT word, freq FROM words WHERE word IN ({','.join('?' * len(chunk))})"
                found.update(self.conn.execute(query, chunk))
        return found


def cache_key() -> str:
    from drafter.text.tokens import dictionary_stamp, segmenter_version

    return f"{segmenter_version().replace('/', '_')}-{dictionary_stamp()}-{FORMAT}"


def cache_path() -> Path:
    from drafter.paths import locations

    return locations().cache_dir / "tokens" / f"query-words-{cache_key()}.sqlite3"


def frequencies() -> SqliteFrequencies | None:
    """The cache file's frequencies, or None (missing, unreadable, or found to disagree with rjieba)."""
    home = os.environ.get("DRAFTER_HOME", "")
    with _lock:
        if home in _open:
            return _open[home]
    opened = _open_file(cache_path())
    if opened is not False:  # a file read (trusted or not) is remembered; a missing one is looked for again
        with _lock:
            _open[home] = opened
            while len(_open) > _KEEP_OPEN:  # another home's (tests): closed, a search on it falls back
                old = _open.pop(next(iter(_open)))
                if old is not None:
                    old.conn.close()
    return opened or None


def _open_file(path: Path) -> SqliteFrequencies | None | bool:
    """The file's frequencies; None for a file that disagrees with rjieba; False when unreadable."""
    conn = None
    try:
        conn = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("agrees") != "1":
            conn.close()
            return None
        return SqliteFrequencies(conn, int(meta["total"]), int(meta["longest"]))
    except (sqlite3.Error, KeyError, ValueError):
        if conn is not None:
            conn.close()
        return False


def _uri_path(path: Path) -> str:
    """`path` in a `file:` URI (what `urllib.parse.quote` would do here, without importing it)."""
    return str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")


def build_if_missing() -> None:
    """Write the cache file unless it is there, or this process looked already (index words call
    this for every document: the look costs a dictionary lookup, not the path's ~0.1 ms)."""
    home = os.environ.get("DRAFTER_HOME", "")
    with _lock:
        if home in _checked:
            return
        _checked.add(home)
    path = cache_path()
    if _open_file(path) is not False or not _writable(path.parent):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    key = cache_key()
    source = _built.get(key)
    if source is not None and _link(source, path):
        return
    from drafter.atomic import SaveError, write_bytes_atomically

    try:
        write_bytes_atomically(path, _build())
    except (OSError, SaveError):  # a cache that cannot be written only costs time
        return
    _built[key] = path


def _writable(folder: Path) -> bool:
    """Whether `folder` (or its nearest existing parent, where it would be made) takes new files."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return os.access(folder, os.W_OK | os.X_OK)


def _link(source: Path, path: Path) -> bool:
    """The file built for another cache folder, linked (not copied: 6 MB) into this one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.link")
    try:
        tmp.unlink(missing_ok=True)
        os.link(source, tmp)
        os.replace(tmp, path)
        return True
    except OSError:
        tmp.unlink(missing_ok=True)
        return False


def read_dictionary() -> dict[str, int]:
    """Word → frequency as rjieba loads them: a word listed twice keeps its last frequency."""
    from drafter.text.tokens import dictionary_entries

    return {word: freq for word, freq, _ in dictionary_entries()}


def _build() -> bytes:
    """The cache file's bytes: the words, the total, the longest word, and whether rjieba agrees."""
    freqs = DictFrequencies(read_dictionary())
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID")
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.executemany("INSERT INTO words VALUES (?, ?)", sorted(freqs.freqs.items()))
        meta = {"total": freqs.total, "longest": freqs.longest, "agrees": int(agrees_with_rjieba(freqs))}
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()


def agrees_with_rjieba(freqs: DictFrequencies) -> bool:
    """rjieba holds a sample of the dictionary's words, and cuts a sample text as `query_cut` does
    with these frequencies (a new rjieba with another dictionary fails this)."""
    from drafter.text.query_cut import cut_for_search
    from drafter.text.tokens import _rjieba

    rjieba = _rjieba()
    sample = list(freqs.freqs)[::_SAMPLE_EVERY]
    if not all(rjieba.has_word(w) for w in sample):
        return False
    texts = list(_CHECK_SENTENCES) + ["，".join(sample[at : at + 40]) for at in range(0, len(sample), 40)]
    for text in texts:
        mine = cut_for_search(text, freqs)
        if mine is not None and mine != rjieba.cut_for_search(text, True):
            return False
    return True

"""Patterns compiled on first use (`drafter.text.lazy_re`), and what `drafter rank` loads to start."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import re
import subprocess
import sys

import drafter
from drafter.text import lazy_re
from drafter.text.lazy_re import LazyPattern


def test_a_lazy_pattern_matches_as_the_compiled_one_does():
    lazy, real = lazy_re.compile(r"(?P<n>[一二三]+)、", re.M), re.compile(r"(?P<n>[一二三]+)、", re.M)
    text = "一、总体要求\n二、重点任务\n（三）保障"
    assert lazy.pattern == real.pattern
    assert [m.span("n") for m in lazy.finditer(text)] == [m.span("n") for m in real.finditer(text)]
    assert lazy.sub("#", text) == real.sub("#", text)
    assert lazy.search(text).group("n") == "一"
    assert lazy.match("二、x").group() == "二、"
    assert lazy.fullmatch("三三、") is not None
    assert lazy.split(text) == real.split(text)
    assert lazy.findall(text) == real.findall(text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (real.flags, real.groups, real.groupindex)
    assert re.sub(lazy.compiled(), "#", text) == real.sub("#", text)


def test_a_lazy_pattern_is_compiled_only_when_used():
    lazy = lazy_re.compile("[\u4e00-\u9fff]+")  # ~1 ms to compile
    assert "_compiled" not in vars(lazy)
    assert lazy.pattern == "[\u4e00-\u9fff]+"  # the source needs no compiling
    assert lazy.search("ab中文cd").group() == "中文"
    assert "_compiled" in vars(lazy) and vars(lazy)["search"] == lazy.compiled().search


def test_a_lazy_pattern_survives_pickling_as_a_pattern():
    copy = pickle.loads(pickle.dumps(lazy_re.compile(r"\d+年", re.I)))
    assert isinstance(copy, LazyPattern) and copy.search("2024年").group() == "2024年"


def test_every_lazy_pattern_in_drafter_compiles():
    """A bad pattern fails on first use, not on import: compile them all here."""
    patterns = []
    for info in pkgutil.walk_packages(drafter.__path__, "drafter."):
        if info.name.startswith("drafter.tui"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            found = value if isinstance(value, (list, tuple)) else [value]
            patterns += [p for p in found if isinstance(p, LazyPattern)]
            patterns += [p for item in found if isinstance(item, tuple) for p in item if isinstance(p, LazyPattern)]
    assert len(patterns) > 150  # the reader's modules' patterns are among them
    for pattern in patterns:
        assert isinstance(pattern.compiled(), re.Pattern), pattern


def test_drafter_rank_does_not_load_the_comparison_machinery():
    """`drafter rank` needs `load_side` and rank; importing `drafter.compare` once loaded alignment,
    topics and the inline diff (~130 ms of every `drafter rank`)."""
    code = (
        "import sys\n"
        "import drafter.cli.compare_cmds, drafter.compare.sides, drafter.compare.rank\n"
        "from drafter.compare import load_side\n"
        "bad = sorted(m for m in ('drafter.compare.build', 'drafter.compare.align', 'drafter.compare.topics')"
        " if m in sys.modules)\n"
        "print(' '.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
    code = "from drafter.compare import compare_documents, UnimportantOptions; print(compare_documents.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "drafter.compare.build", out.stderr

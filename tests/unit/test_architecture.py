"""The core works headless: nothing outside drafter/tui/ imports Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import drafter


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(drafter.__path__, prefix="drafter."):
        if not info.name.startswith("drafter.tui"):
            names.append(info.name)
    return names


def test_core_modules_do_not_import_textual():
    modules = core_modules()
    assert "drafter.corpus.outline" in modules and "drafter.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"core imported textual: {out.stdout}"


def test_cli_outline_runs_without_textual(seeds_dir):
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        f"rc = main(['outline', {str(next(seeds_dir.glob('002_*.txt')))!r}, '--json'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "sys.exit(rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert '"哈尔滨市"' in out.stdout

"""The message catalogue: every entry in both languages with the same fields, every key used exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from drafter import messages
from drafter.messages import catalogue, set_language, t

ROOT = Path(messages.__file__).resolve().parents[1]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_entry_has_both_languages_with_the_same_fields():
    for key, (zh, en) in catalogue().items():
        assert zh.strip() and en.strip(), key
        assert _fields(zh) == _fields(en), key


def test_every_literal_key_used_in_the_code_exists():
    used = set()
    for path in ROOT.rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", path.read_text(encoding="utf-8")))
    missing = sorted(used - set(catalogue()))
    assert not missing, missing


def test_chinese_is_the_default_and_english_a_setting(monkeypatch):
    monkeypatch.delenv("DRAFTER_LANG", raising=False)
    assert t("common.cancel") == "取消"
    set_language("en")
    try:
        assert t("common.cancel") == "Cancel"
    finally:
        set_language(None)
    monkeypatch.setenv("DRAFTER_LANG", "en")
    assert t("common.error_prefix", message="x") == "drafter: x"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        set_language("fr")

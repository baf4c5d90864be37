"""Every user-facing word of drafter, Chinese first, in one catalogue.

The catalogue is split by area (`common`, `ingest`, `store`, `check`, …) so each part stays small and
each component owns its words, but there is one lookup: `t(key, **fields)` with keys `area.name`. Each entry is a
pair `(中文, English)` of `str.format` templates with the same fields. The language is Chinese unless
`set_language("en")` was called or `DRAFTER_LANG=en` is set (the app's setting calls
`set_language`). A missing key is a bug, and raises `KeyError` (a test checks every `t(...)` literal).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
from functools import cache

LANGUAGES = ("zh", "en")
_override: str | None = None


def language() -> str:
    """The language in use: `zh` (default) or `en`."""
    lang = _override or os.environ.get("DRAFTER_LANG", "zh")
    return "en" if lang.lower().startswith("en") else "zh"


def set_language(lang: str | None) -> None:
    """Use `lang` from now on (`None` goes back to `DRAFTER_LANG` / the default)."""
    global _override
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGUAGES}")
    _override = lang


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """All entries, keyed `area.name`; each area module defines `MESSAGES = {name: (zh, en)}`."""
    entries: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, pair in module.MESSAGES.items():
            key = f"{info.name}.{name}"
            if key in entries:  # pragma: no cover - caught by the catalogue test
                raise ValueError(f"duplicate message key {key}")
            entries[key] = pair
    return entries


@cache
def _area(area: str) -> dict[str, tuple[str, str]]:
    """One area's entries: a command that says one thing imports one module, not the catalogue
    (importing every area costs ~15 ms of each command's start)."""
    if not area.isidentifier() or importlib.util.find_spec(f"{__name__}.{area}") is None:
        return {}
    return importlib.import_module(f"{__name__}.{area}").MESSAGES


def t(key: str, /, **fields: object) -> str:
    """The message `key` in the current language, with `fields` filled in."""
    area, _, name = key.partition(".")
    pair = _area(area).get(name)
    if pair is None:
        raise KeyError(key)
    zh, en = pair
    template = en if language() == "en" else zh
    return template.format(**fields) if fields else template

"""Rule data files (`drafter/check/rules/<name>.toml`), loaded by name, overridden by the user's copy.

A user file `check/<name>.toml` in the config folder extends the bundled one: an entry of a list
(`[[rule]]`, `[[session]]`, `[[medicine]]` …) with the same `id` (or `name`) replaces the bundled
entry, `disabled = true` removes it, a new one is added; top-level tables and values are replaced
key by key. Every entry remembers the file it came from, for `drafter check --rules`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError
from drafter.messages import t

RULES_DIR = Path(__file__).resolve().parent / "rules"
NAMES = ("tifa", "shudi")
ORIGIN = "_origin"  # the key each loaded entry carries: the file it came from


class BrokenRules(DrafterError):
    """A rule file that is not valid TOML or holds a bad pattern or date; names file and entry."""


@dataclass
class RuleFile:
    name: str
    data: dict
    files: list[Path] = field(default_factory=list)

    def entries(self, key: str) -> list[dict]:
        return list(self.data.get(key, []))

    def table(self, key: str) -> dict:
        value = self.data.get(key, {})
        return value if isinstance(value, dict) else {}


def user_rules_dir() -> Path:
    from drafter.paths import locations

    return locations().config_dir / "check"


def load_rules(name: str) -> RuleFile:
    """The rule file `name` (tifa, shudi), bundled data merged with the user's override."""
    user = user_rules_dir() / f"{name}.toml"
    stamp = user.stat().st_mtime_ns if user.is_file() else 0
    return _load(name, str(user), stamp)


@lru_cache(maxsize=8)
def _load(name: str, user_path: str, _stamp: int) -> RuleFile:
    bundled = RULES_DIR / f"{name}.toml"
    if not bundled.is_file():
        raise BrokenRules(t("check.rules_unknown", name=name, known="、".join(NAMES)))
    data = _read(bundled)
    files = [bundled]
    user = Path(user_path)
    if user.is_file():
        data = _merge(data, _read(user))
        files.append(user)
    _validate(name, data)
    return RuleFile(name, data, files)


def _read(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise BrokenRules(t("check.rules_unreadable", path=path, why=err)) from err
    except tomllib.TOMLDecodeError as err:
        raise BrokenRules(t("check.rules_broken", path=path, why=err)) from None
    for value in data.values():
        for entry in value if isinstance(value, list) else []:
            if isinstance(entry, dict):
                entry[ORIGIN] = str(path)
    return data


def _key(entry: dict) -> str | None:
    return entry.get("id") or entry.get("name")


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(out.get(key), list):
            merged = {(_key(e) or f"#{i}"): e for i, e in enumerate(out[key])}
            for i, entry in enumerate(value):
                merged[_key(entry) or f"user#{i}"] = entry
            out[key] = [e for e in merged.values() if not e.get("disabled")]
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def _validate(name: str, data: dict) -> None:
    for key, value in data.items():
        for entry in value if isinstance(value, list) else []:
            where = f"{entry.get(ORIGIN, name)} [{key}] {_key(entry) or '?'}"
            for field_name in (
                "pattern",
                "skip_before",
                "skip_after",
                "skip_clause",
                "keywords",
                "old_units",
            ):
                if field_name in entry:
                    try:
                        re.compile(entry[field_name])
                    except (re.error, TypeError) as err:
                        raise BrokenRules(
                            t("check.rules_bad_pattern", where=where, field=field_name, why=err)
                        ) from None
            for field_name in ("outdated_from", "transition_from", "start", "end"):
                if field_name in entry and not isinstance(entry[field_name], int):
                    try:
                        date.fromisoformat(str(entry[field_name]))
                    except ValueError:
                        raise BrokenRules(
                            t("check.rules_bad_date", where=where, field=field_name, value=entry[field_name])
                        ) from None


def rules_listing() -> list[dict]:
    """Every rule of every file with its origin: what `drafter check --rules` shows."""
    out = []
    for name in NAMES:
        rules = load_rules(name)
        for key, value in rules.data.items():
            for entry in value if isinstance(value, list) else []:
                out.append(
                    {
                        "file": name,
                        "kind": key,
                        "id": _key(entry),
                        "title": entry.get("title"),
                        "old": entry.get("pattern"),
                        "current": entry.get("current"),
                        "outdated_from": _str(entry.get("outdated_from") or entry.get("start")),
                        "severity": entry.get("severity"),
                        "safe": entry.get("safe"),
                        "source": entry.get("source"),
                        "checked": entry.get("checked"),
                        "origin": entry.get(ORIGIN),
                    }
                )
    return out


def _str(value: object) -> str | None:
    return None if value is None else str(value)

"""The app's settings, kept in drafter's config dir (`settings.toml`):

    language = "zh"     # or "en": the whole interface in English
    editor = "nano"     # what Ctrl+E runs (default: $VISUAL, then $EDITOR, then nano if present)

A broken file is reported in the app and the defaults are used; nothing here imports Textual.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

from drafter.atomic import write_bytes_atomically
from drafter.messages import LANGUAGES


@dataclass
class Settings:
    language: str = ""  # "" : not chosen (DRAFTER_LANG, else Chinese); "zh" or "en" once chosen
    editor: str = ""


def settings_path(config_dir: Path) -> Path:
    return config_dir / "settings.toml"


def read_settings(config_dir: Path) -> tuple[Settings, str | None]:
    """(settings, a problem to show or None). A missing file gives the defaults."""
    path = settings_path(config_dir)
    if not path.is_file():
        return Settings(), None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        return Settings(), f"{path}: {err}"
    settings = Settings()
    language = str(data.get("language", "") or "")
    if language in LANGUAGES:
        settings.language = language
    settings.editor = str(data.get("editor", "") or "")
    return settings, None


def write_settings(config_dir: Path, settings: Settings) -> Path:
    config_dir.mkdir(parents=True, exist_ok=True)
    lines = [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in asdict(settings).items()]
    return write_bytes_atomically(settings_path(config_dir), ("\n".join(lines) + "\n").encode("utf-8"))

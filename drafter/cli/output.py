"""Shared output helpers for CLI commands."""

from __future__ import annotations

import json
import sys
from typing import Any


def emit_json(obj: Any) -> None:
    """Print JSON with Chinese kept readable (no \\u escapes)."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def warn(message: str) -> None:
    print(f"drafter: {message}", file=sys.stderr)

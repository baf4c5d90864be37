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


def task_line(task, text: str) -> str:  # noqa: ANN001 - a drafter.model.Task
    """One task as the outlines print it: its text as given, 牵头, 配合 and the deadline if any."""
    from drafter.messages import t

    deadline = t("outline.task_deadline", deadline=task.deadline) if task.deadline else ""
    return t("outline.task_line", text=text, lead=task.lead or "—", partners="、".join(task.partners) or "—",
             deadline=deadline)  # fmt: skip

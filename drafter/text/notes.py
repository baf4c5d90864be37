"""Responsibility notes at the end of a task paragraph: `（牵头单位：市卫生健康委；配合单位：…）`.

Scraped pages often lose the closing bracket of such a note (a garbled byte that cleaning drops),
so a passage taken from them would carry `（责任单位：市卫生健康委` into a draft. A note is the last
thing in its paragraph, so closing it where the paragraph ends is safe; nothing else is touched.
"""

from __future__ import annotations

import re

_OPEN_NOTE = re.compile(
    r"[（(]\s*(?:责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|牵头|责任)[：:][^（()）]*$"
)


def close_open_note(paragraph: str) -> str:
    """`…（责任单位：市卫生健康委` → `…（责任单位：市卫生健康委）`; any other text unchanged."""
    stripped = paragraph.rstrip()
    if not _OPEN_NOTE.search(stripped) or stripped.endswith(("。", "；", "，")):
        return paragraph
    closer = "）" if _OPEN_NOTE.search(stripped).group().startswith("（") else ")"
    return stripped + closer + paragraph[len(stripped):]

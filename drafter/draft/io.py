"""The draft file on disk: `+++` TOML metadata, then the plan as plain text. Atomic saves.

    +++
    region = "运城市"
    province = "山西省"
    title = "运城市深化医药卫生体制改革实施方案"
    issuer = "运城市人民政府办公室"
    date = "2025-03-01"
    superior = [{title = "关于…的意见", number = "国办发〔2015〕38号"}]
    doc_number = "运政办发〔2025〕号"
    addressee = "各县（市、区）人民政府，市政府各部门，各有关单位"
    note = "此件公开发布"
    +++
    为贯彻落实{{ 上级文件 }}精神，……结合{{ 地区 }}实际，制定本方案。
    一、指导思想
    <!-- 来源: id=zdsx-1a2b3c | 地区=哈尔滨市 | … -->
    坚持…

The metadata holds the 公文 parts (drafter/draft/parts.py: 版头, 印发通知, 版记); a part left out
follows the rest of the metadata. The body is the plan: its preface (the lines before the first
heading, `{{ }}` placeholders filled on rendering) and its sections. It goes through the same
outline parser as any corpus plan (`load_as_document`). Drafts written before the parts model
keep their notice in the body; they load unchanged (drafter.draft.parts.legacy_notice).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from drafter.atomic import write_bytes_atomically
from drafter.draft.model import LIST_KEYS, META_KEYS, PROVENANCE, Draft, parse_outline
from drafter.errors import DrafterError, UnreadableFile
from drafter.model import Document
from drafter.text import lazy_re

FENCE = "+++"
_SURROGATE_RE = lazy_re.compile(r"[\ud800-\udfff]")


class BrokenDraft(DrafterError):
    """A draft file whose metadata or layout cannot be read; the message names file and line."""

    def __init__(self, path: str | os.PathLike, line: int | None, why: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {why}")


def is_draft_text(text: str) -> bool:
    return text.lstrip("\ufeff").startswith(FENCE)


def load_draft(path: str | os.PathLike) -> Draft:
    """Read a draft file; a plan file without metadata loads as a draft with empty metadata."""
    from drafter.bounded import read_bounded

    raw = read_bounded(path)  # an ordinary file, its size checked: UnreadableFile says why not
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise BrokenDraft(path, line, "not UTF-8 text (a draft is saved as UTF-8)") from err
    return parse_draft(text, path)


def parse_draft(text: str, path: str | os.PathLike = "<draft>") -> Draft:
    if text.startswith("\ufeff"):
        text = text[1:]
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    final_newline = bool(lines) and lines[-1] == ""
    if final_newline:
        lines.pop()
    meta, front, body_at = _read_front_matter(lines, path)
    preamble, sections = parse_outline(lines[body_at:])
    return Draft(meta, preamble, sections, front, newline, final_newline)


def _read_front_matter(lines: list[str], path) -> tuple[dict, str | None, int]:  # noqa: ANN001
    if not lines or lines[0].strip() != FENCE:
        return {}, None, 0
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise BrokenDraft(path, 1, "the metadata block opened with +++ is never closed") from None
    front = "\n".join(lines[1:end])
    import tomllib  # here: a plan file that is no draft (`drafter rank plan.txt`) needs none of it

    try:
        meta = tomllib.loads(front)
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"line (\d+)", str(err))
        line = int(match.group(1)) + 1 if match else 2
        raise BrokenDraft(path, line, f"broken draft metadata: {err}") from None
    _check_meta(meta, lines[1:end], path)
    return meta, "\n".join(lines[: end + 1]), end + 1


def _check_meta(meta: dict, lines: list[str], path) -> None:  # noqa: ANN001
    def line_of(key: str) -> int:
        return next((i + 2 for i, line in enumerate(lines) if line.lstrip().startswith(key)), 2)

    for key, value in meta.items():
        why = _meta_problem(key, value)
        if why:
            raise BrokenDraft(path, line_of(key), why)


def _meta_problem(key: str, value: object) -> str | None:
    """Why `value` cannot stand for `key`, or None."""
    from drafter.messages import t

    if key == "superior":
        def document(v: object) -> bool:
            return isinstance(v, str) or (isinstance(v, dict) and isinstance(v.get("title"), str)
                                          and all(isinstance(x, str) for x in v.values()))
        if not (isinstance(value, list) and all(document(v) for v in value)):
            return t("draft.bad_superior")
    elif key in LIST_KEYS:
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return t("draft.bad_list", key=key)
    elif key == "year":
        if not isinstance(value, int):
            return t("draft.bad_year")
    elif key in META_KEYS and not isinstance(value, str):
        return t("draft.bad_text", key=key)
    return None


def dump_front_matter(meta: dict) -> str:
    keys = [k for k in META_KEYS if k in meta] + sorted(k for k in meta if k not in META_KEYS)
    for key in keys:
        _check_storable(key, meta[key])
    return "\n".join(f"{key} = {toml_value(meta[key])}" for key in keys)


def _check_storable(key: str, value: object) -> None:
    """Text a draft file can hold: bytes that were not UTF-8 (from a shell argument) cannot be saved."""
    from drafter.messages import t

    items = value if isinstance(value, (list, tuple)) else [value]
    texts = [x for item in items for x in (item.values() if isinstance(item, dict) else [item])]
    for text in texts:
        if isinstance(text, str) and (bad := _SURROGATE_RE.search(text)):
            raise DrafterError(t("files.meta_not_text", key=key, char=f"U+{ord(bad.group()):04X}"))


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):  # an inline table: {title = "…", number = "…"}
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    # A JSON string is a TOML basic string, once DEL (which JSON leaves raw, TOML refuses) is escaped.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def dumps_draft(draft: Draft) -> str:
    lines: list[str] = []
    if draft.meta or draft.front_matter is not None:
        if draft.front_matter is not None:  # as written, fences included
            lines += draft.front_matter.split("\n")
        else:
            lines += [FENCE, *dump_front_matter(draft.meta).split("\n"), FENCE]
    lines += draft.body_lines()
    text = draft.newline.join(lines)
    return text + draft.newline if draft.final_newline else text


def save_draft(draft: Draft, path: str | os.PathLike) -> None:
    """Write atomically: a temp file beside `path`, fsync, then rename over it. A new draft file is
    the user's own (0600); an existing one keeps its permissions."""
    write_bytes_atomically(path, dumps_draft(draft).encode("utf-8"), private=True)


def plain_text(draft: Draft) -> str:
    """The draft as a reader sees it: its 印发通知 (title, 主送, text, 署名, date), the plan's title,
    preface and sections, placeholders filled, no metadata, no provenance comments — the same
    shape as a corpus plan's text, so drafts and corpus plans compare alike. (A draft from before the
    parts model has its notice in its body already.)"""
    from drafter.draft import fill
    from drafter.draft.parts import legacy_notice, resolve

    lines = [line for line in draft.body_lines() if not PROVENANCE.match(line)]
    if draft.meta and legacy_notice(draft) is None:
        parts = resolve(draft)
        head = [parts.notice_title, *([parts.addressee + "："] if parts.addressee else []), *parts.notice,
                parts.signature, parts.date] if parts.notice_title else []  # fmt: skip
        lines = [line for line in head if line] + ([parts.plan_title] if parts.plan_title else []) + lines
    text = "\n".join(lines)
    if draft.meta:
        text = fill.fill(text, fill.values(draft.meta))
    return text.strip("\n") + "\n"


def load_as_document(path: str | os.PathLike) -> Document:
    """Any plan file as a Document: a draft's metadata + its outline, or a corpus file's first plan."""
    head = _head(path)
    if not is_draft_text(head.decode("utf-8", errors="ignore")):
        from drafter.reader import read_plans

        documents = read_plans(path)
        if not documents:
            raise UnreadableFile(str(path), "no plan found in this file")
        return documents[0]
    return draft_document(load_draft(path), source=str(path))


def _head(path: str | os.PathLike, size: int = 16) -> bytes:
    """The first bytes of an ordinary file (b"" for anything else: the reader says what it is)."""
    try:
        if not Path(path).is_file():
            return b""
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def draft_document(draft: Draft, source: str | None = None) -> Document:
    """The draft through the corpus outline parser, with its metadata laid over what it finds."""
    from drafter.reader import parse_plans

    documents = parse_plans(plain_text(draft), source=source)
    if not documents:
        raise BrokenDraft(source or "<draft>", None, "no plan text found under the metadata")
    doc = max(documents, key=lambda d: len(d.headings()))
    meta = draft.meta
    doc.region = meta.get("region") or doc.region
    doc.level = meta.get("level") or doc.level
    doc.plan_title = meta.get("title") or doc.plan_title
    doc.issuer = meta.get("issuer") or doc.issuer
    doc.date = meta.get("date") or doc.date
    doc.source = source
    return doc

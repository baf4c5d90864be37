"""File names built from document data, and file names shown to a user.

A draft received from someone else can carry any text in its region or title. `safe_filename` turns
such text into one plain file name (no folders, no `..`, nothing Windows refuses, at most 255 bytes),
and `path_inside` refuses any result that would land outside the folder the user chose. Every path
drafter builds from document text goes through both.

`shown` is the other direction: a path as it may appear in one line of output (a name with a newline
or with bytes that are not UTF-8 is quoted, with escapes, so it cannot split or garble the line).
`storable` gives the text a database can keep for such a path.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from drafter.errors import DrafterError
from drafter.messages import t

# ext4, NTFS and APFS take 255 bytes a name; this leaves room for what sits beside a file while it is
# saved or open (drafter's `.NAME.drafter-tmp-XXXXXXXX`, LibreOffice's `.~lock.NAME#`).
MAX_NAME_BYTES = 200
DEFAULT_STEM = "draft"
# Windows refuses these as a name, with any extension: CON, CON.txt, com1.docx …
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{base}{n}" for base in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]
}
# Separators and the characters Windows forbids in a name, plus every control character.
_FORBIDDEN_RE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]')
_SPACES_RE = re.compile(r"\s+")
_DOTS_RE = re.compile(r"\.{2,}")


class UnsafePath(DrafterError):
    """A path built from document data that would leave the folder the user chose."""


def safe_filename(text: str | None, suffix: str = "", default: str = DEFAULT_STEM) -> str:
    """One file name made of `text` (kept readable: Chinese stays) followed by `suffix` (e.g.
    `-公文.docx`), safe on Linux, macOS and Windows. Falls back to `default` when nothing is left."""
    stem = _clean_part(text or "")
    safe_suffix = _clean_suffix(suffix)
    if not stem or _is_reserved(stem):
        stem = stem and f"_{stem}"  # `CON` → `_CON`; nothing left → the default
        stem = stem or _clean_part(default) or DEFAULT_STEM
    room = MAX_NAME_BYTES - len(safe_suffix.encode("utf-8"))
    stem = _cut_to_bytes(stem, max(room, 1)).rstrip(". ") or DEFAULT_STEM[: max(room, 1)]
    return stem + safe_suffix


def _clean_part(text: str) -> str:
    text = _SPACES_RE.sub(" ", unicodedata.normalize("NFC", _without_surrogates(text)))  # line breaks too
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    text = _FORBIDDEN_RE.sub("_", text)
    text = _DOTS_RE.sub("_", text)
    return text.lstrip(" ._").rstrip(" .")


def _clean_suffix(suffix: str) -> str:
    """A fixed suffix chosen by drafter (`-公文.docx`): cleaned the same way, its leading `-` kept."""
    cleaned = _DOTS_RE.sub("_", _FORBIDDEN_RE.sub("_", _without_surrogates(suffix)))
    return cleaned.rstrip(" .")


def _is_reserved(stem: str) -> bool:
    first = stem.split(".", 1)[0].rstrip(" ").upper()
    return first in _RESERVED


def _cut_to_bytes(text: str, limit: int) -> str:
    """At most `limit` bytes of UTF-8, cut between characters (and never inside a combining sequence)."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    cut = data[:limit].decode("utf-8", errors="ignore")
    while cut and unicodedata.combining(cut[-1]):
        cut = cut[:-1]
    return cut


def _without_surrogates(text: str) -> str:
    """Bytes that were not UTF-8 (kept by Python as lone surrogates) become `_`."""
    return re.sub(r"[\ud800-\udfff]", "_", text)


def path_inside(folder: str | os.PathLike, name: str) -> Path:
    """`folder / name`, once it is sure to stay inside `folder` (symbolic links resolved).
    Raises UnsafePath otherwise; `name` should come from `safe_filename`."""
    base = Path(folder).expanduser()
    candidate = base / name
    try:
        real_base = base.resolve()
        real = candidate.resolve()
    except (OSError, RuntimeError) as err:  # a symlink loop on the way
        raise UnsafePath(t("files.path_outside", name=shown(name), folder=shown(base))) from err
    if real.parent != real_base and real_base not in real.parents:
        raise UnsafePath(t("files.path_outside", name=shown(name), folder=shown(base)))
    if Path(name).is_absolute() or len(Path(name).parts) != 1:
        raise UnsafePath(t("files.path_outside", name=shown(name), folder=shown(base)))
    return candidate


def safe_path(
    folder: str | os.PathLike, text: str | None, suffix: str = "", default: str = DEFAULT_STEM
) -> Path:
    """A file in `folder` named after document text: `safe_filename` then `path_inside`."""
    return path_inside(folder, safe_filename(text, suffix, default))


# -- names shown to a user, names kept in a database ---------------------------------------------

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def storable(path: str | os.PathLike) -> str:
    """The path as valid Unicode text: bytes that are not UTF-8 become `\\xNN` (a database, JSON
    and a terminal can all take it; it names the file unambiguously in practice)."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")


def shown(path: str | os.PathLike) -> str:
    """The path for one line of output: as it is when printable, else in quotes with escapes
    (`\\n`, `\\t`, `\\xNN` for a byte that is not UTF-8), so a name can never split the line."""
    text = os.fsdecode(path) if not isinstance(path, str) else path
    if text.isprintable() and not re.search(r"[\ud800-\udfff]", text):
        return text
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif "\udc80" <= ch <= "\udcff":  # a byte that was not UTF-8
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'

"""Reading a plan file into text: .txt .md .html .htm (encoding detected) and .docx (python-docx).

Anything that is not a readable plan raises `UnreadableFile(path, why)` with a short reason a
drafter can act on ("an old Word .doc file: save it as .docx in Word or WPS").
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from pathlib import Path

from drafter.bounded import check_docx_members, check_regular, read_bounded
from drafter.errors import UnreadableFile
from drafter.fsnames import storable
from drafter.messages import t

TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | {".docx"}
# A UTF-8 file with a few broken bytes is still UTF-8: keep it, the U+FFFD marks get flagged later.
MAX_BAD_UTF8_RATIO = 0.002
OLD_FORMATS = {".doc": "files.old_doc", ".wps": "files.wps_file", ".rtf": "files.rtf_file"}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_MAGIC = [
    (b"%PDF", "files.pdf"),
    (b"\xd0\xcf\x11\xe0", "files.ole"),
    (b"PK\x03\x04", "files.zip"),
    (b"\x89PNG", "files.image"),
    (b"\xff\xd8\xff", "files.image"),
    (b"{\\rtf", "files.rtf"),
]
_CONTROLS = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x1a\x1b\x7f"
UTF16_SAMPLE = 65536  # bytes looked at to recognise UTF-16 without a BOM


def read_text(path: str | os.PathLike) -> str:
    """The text of the plan file at `path`; raises UnreadableFile saying why it cannot be read."""
    p = Path(path)
    _check_suffix(p)
    data = read_bounded(p)
    if not data:
        raise _unreadable(p, t("files.empty"))
    text = _read_docx(p, data) if p.suffix.lower() == ".docx" else decode_bytes(p, data)
    if not text.strip():
        raise _unreadable(p, t("files.no_text"))
    return text


def _unreadable(p: Path, why: str) -> UnreadableFile:
    return UnreadableFile(storable(p), why)


def _check_suffix(p: Path) -> None:
    suffix = p.suffix.lower()
    if suffix in OLD_FORMATS:
        check_regular(p)  # a missing .doc is "not found", not "save it as .docx"
        raise _unreadable(p, t("files.old_format", what=t(OLD_FORMATS[suffix])))
    if suffix not in SUFFIXES:
        check_regular(p)
        kinds = ", ".join(sorted(SUFFIXES))
        what = t("files.suffix_files", suffix=suffix) if suffix else t("files.no_suffix")
        raise _unreadable(p, t("files.unsupported", what=what, kinds=kinds))


def decode_bytes(p: Path, data: bytes) -> str:
    """Bytes → text: a BOM decides; else UTF-16 recognised by its zero bytes; else UTF-8; else
    charset-normalizer's best guess (GB18030 …)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise _unreadable(p, t("files.broken_encoding", encoding=encoding.upper())) from None
    if (text := _utf16_without_bom(data)) is not None:
        return text
    if why := _binary_reason(data):
        raise _unreadable(p, why)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(1, len(text) * MAX_BAD_UTF8_RATIO):
        return text
    return _detect(p, data)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM (Windows tools do this): its ASCII characters (line breaks,
    digits, punctuation) leave zero bytes all on one side of each pair; binary files do not."""
    sample = data[:UTF16_SAMPLE]
    if len(data) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < 2 or min(even, odd) * 3 > max(even, odd):  # 一 (U+4E00) gives the other side a few
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    odd_chars = sum(1 for ch in text[:UTF16_SAMPLE] if not (ch.isprintable() or ch in "\n\r\t\u3000"))
    return text if odd_chars <= len(text[:UTF16_SAMPLE]) * 0.01 else None


def _binary_reason(data: bytes) -> str | None:
    for magic, key in _MAGIC:
        if data.startswith(magic):
            return t(key)
    if b"\x00" in data[:65536]:
        return t("files.binary_nul")
    return None


def _detect(p: Path, data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _unreadable(p, t("files.unknown_encoding"))
    text = str(best)
    controls = sum(text.count(c) for c in _CONTROLS)
    if controls > len(text) * 0.01:
        raise _unreadable(p, t("files.binary"))
    return text


def _read_docx(p: Path, data: bytes) -> str:
    """Paragraphs and table cells in document order, one per line; the package's inflated sizes
    are checked before python-docx reads it."""
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_docx_members(p, archive)
        document = docx.Document(io.BytesIO(data))
        return "\n".join(_block_lines(document))
    except UnreadableFile:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, EOFError, NotImplementedError):
        raise _unreadable(p, t("files.broken_docx")) from None
    except Exception as e:  # python-docx/lxml/zlib raise many types for a damaged package
        if type(e).__module__.startswith(("docx", "lxml", "zlib")) or type(e).__name__ == "error":
            raise _unreadable(p, t("files.broken_docx")) from None
        raise


def _block_lines(container) -> list[str]:  # noqa: ANN001 - a python-docx Document or table cell
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:  # a merged cell appears once per grid column
                        seen.add(cell._tc)
                        lines.extend(_block_lines(cell))
        else:
            lines.append(block.text)
    return lines



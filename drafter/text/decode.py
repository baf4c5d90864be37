"""Reading a plan file into text: .txt .md .html .htm (encoding detected) and .docx (python-docx).

Anything that is not a readable plan raises `UnreadableFile(path, why)` with a short reason a
drafter can act on ("an old Word .doc file: save it as .docx in Word or WPS").
"""

from __future__ import annotations

import codecs
import os
import zipfile
from pathlib import Path

from drafter.errors import UnreadableFile

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | {".docx"}
# A UTF-8 file with a few broken bytes is still UTF-8: keep it, the U+FFFD marks get flagged later.
MAX_BAD_UTF8_RATIO = 0.002
BROKEN_DOCX = "broken .docx file: damaged, or not really a Word document"
OLD_FORMATS = {".doc": "an old Word .doc file", ".wps": "a WPS file", ".rtf": "an RTF file"}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_MAGIC = [
    (b"%PDF", "a PDF file, not text: copy its text into a .txt or .docx file"),
    (b"\xd0\xcf\x11\xe0", "an old Word .doc (or .wps) file: save it as .docx in Word or WPS"),
    (b"PK\x03\x04", "a zip archive (maybe a Word file with the wrong name), not text"),
    (b"\x89PNG", "an image, not text"),
    (b"\xff\xd8\xff", "an image, not text"),
    (b"{\\rtf", "an RTF file: save it as .docx in Word or WPS"),
]


def read_text(path: str | os.PathLike) -> str:
    """The text of the plan file at `path`; raises UnreadableFile saying why it cannot be read."""
    p = Path(path)
    _check_file(p)
    if p.suffix.lower() == ".docx":
        text = _read_docx(p)
    else:
        text = decode_bytes(p, _read_bytes(p))
    if not text.strip():
        raise UnreadableFile(str(p), "no text in it (empty file)")
    return text


def _check_file(p: Path) -> None:
    if not p.exists():
        raise UnreadableFile(str(p), "file not found")
    if p.is_dir():
        raise UnreadableFile(str(p), "is a folder, not a file")
    suffix = p.suffix.lower()
    if suffix in OLD_FORMATS:
        raise UnreadableFile(str(p), f"{OLD_FORMATS[suffix]}: save it as .docx in Word or WPS")
    if suffix not in SUFFIXES:
        kinds = ", ".join(sorted(SUFFIXES))
        what = f"'{suffix}' files" if suffix else "files without an extension"
        raise UnreadableFile(str(p), f"cannot read {what}: use {kinds}")
    size = p.stat().st_size
    if size == 0:
        raise UnreadableFile(str(p), "empty file")
    if size > MAX_BYTES:
        raise UnreadableFile(str(p), f"too big ({size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)")


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except PermissionError:
        raise UnreadableFile(str(p), "permission denied") from None
    except OSError as e:
        raise UnreadableFile(str(p), f"cannot be read ({e.strerror or e})") from None


def decode_bytes(p: Path, data: bytes) -> str:
    """Bytes → text: a BOM decides; else UTF-8; else charset-normalizer's best guess (GB18030 …)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableFile(str(p), f"broken {encoding.upper()} text") from None
    if why := _binary_reason(data):
        raise UnreadableFile(str(p), why)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(1, len(text) * MAX_BAD_UTF8_RATIO):
        return text
    return _detect(p, data)


def _binary_reason(data: bytes) -> str | None:
    for magic, why in _MAGIC:
        if data.startswith(magic):
            return why
    if b"\x00" in data[:65536]:
        return "binary file, not text (it contains NUL bytes)"
    return None


def _detect(p: Path, data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile(str(p), "not text in any encoding drafter knows (binary file?)")
    text = str(best)
    controls = sum(text.count(c) for c in "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x1a\x1b\x7f")
    if controls > len(text) * 0.01:
        raise UnreadableFile(str(p), "binary file, not text")
    return text


def _read_docx(p: Path) -> str:
    """Paragraphs and table cells in document order, one per line."""
    import docx

    try:
        document = docx.Document(str(p))
        return "\n".join(_block_lines(document))
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise UnreadableFile(str(p), BROKEN_DOCX) from None
    except Exception as e:  # python-docx/lxml raise many types for a damaged package
        if type(e).__module__.startswith(("docx", "lxml")):
            raise UnreadableFile(str(p), BROKEN_DOCX) from None
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



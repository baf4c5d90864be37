"""PDF through LibreOffice (headless), with the official face names mapped to installed stand-ins."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.atomic import ExportError, write_atomically

FONTCONFIG_FILE = Path(__file__).resolve().parent / "fontconfig" / "fonts.conf"
# Keep the blank page Word and LibreOffice insert before a section that starts on an even page (the
# 版记's): without it a double-sided print puts the 版记 on the wrong side.
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_env() -> dict[str, str]:
    """The environment for soffice: our font aliases (unless the user set their own)."""
    env = dict(os.environ)
    env.setdefault("FONTCONFIG_FILE", str(FONTCONFIG_FILE))
    return env


def render_pdf(docx_path: str | os.PathLike, pdf_path: str | os.PathLike, *, timeout: float = 180) -> Path:
    """Convert a .docx to PDF at `pdf_path` (atomically). Raises ExportError when LibreOffice is
    missing, fails or times out."""
    soffice = soffice_path()
    if soffice is None:
        raise ExportError(pdf_path, "PDF needs LibreOffice (soffice), which is not installed")
    source = Path(docx_path)
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as work:
        # A private profile: no clash with a LibreOffice the user has open, no first-run dialogs.
        profile = Path(work, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", PDF_FILTER, "--outdir", work, str(source)]  # fmt: skip
        try:
            subprocess.run(command, env=render_env(), capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as err:
            raise ExportError(pdf_path, f"LibreOffice took longer than {timeout:.0f} s") from err
        produced = Path(work, source.with_suffix(".pdf").name)
        if not produced.exists():
            raise ExportError(pdf_path, f"LibreOffice could not convert {source.name}")
        data = produced.read_bytes()
    return write_atomically(pdf_path, lambda buffer: buffer.write(data))

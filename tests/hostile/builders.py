"""Hostile inputs built in a temporary folder, and running drafter as a user would (a subprocess,
memory limited, without root's power to ignore permissions)."""

from __future__ import annotations

import io
import os
import resource
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import docx

MEMORY_LIMIT = 512 * 2**20  # address space for drafter in the memory-bounded cases
SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
DRAFTER = [sys.executable, "-c", "import sys; from drafter.cli import main; sys.exit(main())"]
PLAN = "\n".join([
    "泰安市人民政府办公室关于印发泰安市医联体建设实施方案的通知",
    "一、总体要求",
    "以习近平新时代中国特色社会主义思想为指导,全面推进紧密型医联体建设。",
    "二、重点任务",
    "由三级公立医院牵头组建城市医疗集团。",
])  # fmt: skip


def seed_text(n: int) -> str:
    return sorted(SEEDS.glob("*.txt"))[n].read_text(encoding="utf-8")


def plan_text(tag: str) -> str:
    """A small plan whose content is unique to `tag` (so no two files are 'the same content')."""
    return PLAN + f"\n三、保障措施\n加强组织领导,确保{tag}工作落实。\n"


# -- .docx packages ---------------------------------------------------------------------------------


def _docx_parts() -> dict[str, bytes]:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx_with(path: Path, replace: dict[str, bytes], extra_big: tuple[str, int] | None = None) -> Path:
    """A real .docx with some parts replaced, and maybe one more part of `size` zero bytes."""
    parts = _docx_parts() | replace
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        if extra_big:
            name, size = extra_big
            with archive.open(name, "w", force_zip64=True) as member:
                member._compressor = _RepeatedZeros()  # noqa: SLF001 - seconds instead of minutes
                for _ in range(size // len(ZERO_CHUNK)):
                    member.write(ZERO_CHUNK)
    return path


ZERO_CHUNK = bytes(2**20)


class _RepeatedZeros:
    """Stands in for zipfile's deflate compressor when writing zeros: after a full flush each chunk of
    zeros deflates to the same bytes, so a 1.5 GB member is written without compressing 1.5 GB."""

    def __init__(self) -> None:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        self.block = compressor.compress(ZERO_CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
        self.end = compressor.flush()

    def compress(self, data: bytes) -> bytes:
        assert data == ZERO_CHUNK
        return self.block

    def flush(self) -> bytes:
        return self.end


def zip_bomb_docx(path: Path, inflated_mb: int = 1536) -> Path:
    """A small .docx holding a part that inflates to `inflated_mb` MB (the issue's: 1.5 GB)."""
    return docx_with(path, {}, ("word/media/image1.bin", inflated_mb * 2**20))


def xml_bomb_docx(path: Path, inflated_mb: int = 100) -> Path:
    """A .docx whose document.xml itself inflates to `inflated_mb` MB (what python-docx would parse)."""
    body = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    filler = b" " * (inflated_mb * 2**20)
    return docx_with(path, {"word/document.xml": body + filler + b"</w:body></w:document>"})


def lying_docx(path: Path) -> Path:
    """A .docx whose document.xml says it is 100 bytes long and inflates to 40 MB."""
    body = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    docx_with(path, {"word/document.xml": body + b" " * (40 * 2**20) + b"</w:body></w:document>"})
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    for signature, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        header_len = 46 if signature == b"PK\x01\x02" else 30
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_len = struct.unpack_from("<H", data, start + (28 if header_len == 46 else 26))[0]
            if data[start + header_len : start + header_len + name_len] == name:
                struct.pack_into("<I", data, start + size_at, 100)
            start += 4
    path.write_bytes(bytes(data))
    return path


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def xxe_docx(path: Path, secret: Path) -> Path:
    """A .docx whose text is an external entity naming a local file (XXE)."""
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<w:document {_W}><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:p><w:r><w:t>"
        "为深化医药卫生体制改革，结合本市实际，制定本方案。&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )  # a plan's first lines (a file of fewer than 20 Chinese characters holds no plan), then the entity
    return docx_with(path, {"word/document.xml": xml.encode()})


def billion_laughs_docx(path: Path) -> Path:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f"<w:document {_W}><w:body><w:p><w:r><w:t>一、总体要求&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx_with(path, {"word/document.xml": xml.encode()})


# -- running drafter ---------------------------------------------------------------------------------


def as_plain_user() -> list[str]:
    """A command prefix under which permissions apply (root ignores them): root drops the two
    capabilities that let it read and write anything."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return []
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]


def permissions_apply() -> bool:
    return os.geteuid() != 0 or bool(as_plain_user())


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_drafter(
    *args: str | os.PathLike,
    home: Path,
    plain_user: bool = False,
    memory_limit: bool = True,
    timeout: float = 120,
    file_size_limit: int | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """`drafter ARGS` in a subprocess, as a user runs it: its own DRAFTER_HOME, memory bounded."""
    environment = dict(os.environ, DRAFTER_HOME=str(home))
    environment.update(env or {})
    environment.pop("DRAFTER_DB", None)
    environment["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])

    def limits() -> None:
        if memory_limit:
            _limit_memory()
        if file_size_limit is not None:
            import signal

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    command = (as_plain_user() if plain_user else []) + DRAFTER + [os.fsdecode(a) for a in args]
    return subprocess.run(
        command, env=environment, capture_output=True, timeout=timeout, preexec_fn=limits, cwd=home
    )


def text_of(stream: bytes) -> str:
    return stream.decode("utf-8", errors="replace")


def assert_clean_failure(result: subprocess.CompletedProcess, name: str, code: int = 2) -> str:
    """Exit `code`, no traceback, and one line on stderr naming `name`; returns that line."""
    err, out = text_of(result.stderr), text_of(result.stdout)
    assert "Traceback" not in err + out, err
    assert result.returncode == code, (result.returncode, err, out)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert name in lines[0], (name, lines[0])
    return lines[0]


def no_traceback(result: subprocess.CompletedProcess) -> None:
    output = text_of(result.stderr) + text_of(result.stdout)
    assert "Traceback" not in output and "Error:" not in output, output[-2000:]

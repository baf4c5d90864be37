"""The redline in LibreOffice itself: Accept All gives side B's text, Reject All gives side A's.

LibreOffice opens each redline (hidden, headless, one soffice for the module) and runs its own
`.uno:AcceptAllTrackedChanges` / `.uno:RejectAllTrackedChanges`; the paragraphs it is left with
must equal the sides of the comparison and what the XML transform in test_export_revisions gives,
blank paragraphs included. The LibreOffice end is tests/support/lo_revisions.py, run with the
system python because `uno` (Debian's python3-uno) cannot be imported from the project venv.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from test_export_redline import A_TEXT, B_TEXT, synthetic_comparison
from test_export_revisions import accept_all, document_xml, paragraph_texts, reject_all, revision_count
from test_export_seeds import moved_copy

from drafter.compare import compare_documents
from drafter.compare.units import document_lines
from drafter.export.redline import write_redline
from drafter.reader import read_plans

SYSTEM_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).resolve().parents[1] / "support" / "lo_revisions.py"
SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
START_TIMEOUT = 90.0  # soffice's first start, profile creation included
REQUEST_TIMEOUT = 60.0  # one document loaded, resolved and read


class LibreOffice:
    """The lo_revisions.py server: one soffice, answering JSON-line requests with a deadline each."""

    def __init__(self) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        # stderr to a file, not a pipe, so a chatty server can never block; closed in stop()
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        # Its own process group, soffice included: teardown can always stop the lot.
        self.process = subprocess.Popen([SYSTEM_PYTHON, str(SCRIPT), "--serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.log, env=env,
                                        start_new_session=True)  # fmt: skip
        ready = self._read_reply(START_TIMEOUT)
        assert ready == {"ready": True}, ready

    def _read_reply(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            readable, _, _ = select.select([self.process.stdout], [], [], max(left, 0))
            if not readable:
                self.stop(hung=True)
                raise TimeoutError(f"LibreOffice did not answer within {timeout:.0f} s")
            line = self.process.stdout.readline()
            if not line:
                tail = self._log_tail()
                self.stop()
                raise RuntimeError(f"lo_revisions.py ended: {tail}")
            if line.strip():
                return json.loads(line)

    def _log_tail(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-2000:]

    def run(self, path: Path, action: str) -> list[str]:
        request = json.dumps({"action": action, "path": str(path)}, ensure_ascii=False) + "\n"
        self.process.stdin.write(request.encode("utf-8"))
        self.process.stdin.flush()
        reply = self._read_reply(REQUEST_TIMEOUT)
        assert "error" not in reply, f"LibreOffice could not {action} {path.name}: {reply['error']}"
        return reply["paragraphs"]

    def stop(self, *, hung: bool = False) -> None:
        """Close stdin (the server then stops soffice and exits); kill the whole group if it hangs."""
        if self.process.poll() is None and not hung:
            try:
                self.process.stdin.close()
                self.process.wait(30)
            except (subprocess.TimeoutExpired, OSError):
                pass
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # whatever of the group is still running
        self.process.wait(10)
        self.log.close()


def _uno_available() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, timeout=30, check=False)
    return probe.returncode == 0


@pytest.fixture(scope="module")
def libreoffice():
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed")
    if not _uno_available():
        pytest.skip(f"{SYSTEM_PYTHON} cannot import uno (Debian's python3-uno is not installed)")
    office = LibreOffice()
    yield office
    office.stop()


def assert_libreoffice_resolves(office: LibreOffice, path: Path, a_lines: list[str], b_lines: list[str]):
    """LibreOffice's Accept All / Reject All equal the XML transform (blanks included) and B / A,
    with no empty paragraph left where a whole paragraph went: the only blanks are the line after
    the title and the document's last paragraph."""
    root = document_xml(path)
    accepted, rejected = office.run(path, "accept"), office.run(path, "reject")
    assert accepted == paragraph_texts(accept_all(root), keep_empty=True)
    assert rejected == paragraph_texts(reject_all(root), keep_empty=True)
    for resolved, expected in ((accepted, b_lines), (rejected, a_lines)):
        assert [t for t in resolved if t] == expected
        assert [i for i, t in enumerate(resolved) if not t] == [1, len(resolved) - 1]


def side_lines(title: str | None, doc) -> list[str]:
    return [line for line in [title, *document_lines(doc)] if line]


def seed_plan(number: str):
    """The seed file's main plan: the document with the most lines."""
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return max(read_plans(path), key=lambda doc: len(document_lines(doc)))


def edited_copy(doc):
    """A redrafted copy: words replaced in three paragraphs, a paragraph moved to the last section,
    a section (heading and body) removed, and a new closing paragraph."""
    edited = copy.deepcopy(doc)
    with_body = [s for s in edited.walk() if s.paragraphs]
    assert len(with_body) >= 6, "the seed plan needs sections with paragraphs"
    for section in with_body[:3]:
        first, *rest = section.paragraphs
        section.body = "\n".join([first.replace("的", "之", 2)[:-1] + "等工作。", *rest])
    source, target = with_body[4], with_body[-1]
    moved, *kept = source.paragraphs
    source.body = "\n".join(kept)
    target.body = target.body + "\n" + moved + "\n各县(市)区要于每年底前报送工作进展情况。"
    parent = next(s for s in edited.walk() if len(s.children) >= 3)
    parent.children.pop(1)
    return edited


def write(comparison, path: Path) -> Path:
    write_redline(comparison, path)
    assert revision_count(document_xml(path)) > 0
    return path


def test_synthetic_redline_every_kind_of_change(libreoffice, tmp_path):
    path = write(synthetic_comparison(), tmp_path / "synthetic.docx")
    assert_libreoffice_resolves(libreoffice, path, A_TEXT, B_TEXT)
    comments = libreoffice.run(path, "comments")
    assert sorted(comments) == ["移动：本段移至「二、重点任务」。", "移动：本段自「一、总体要求」移来。"]


@pytest.mark.parametrize(("a_seed", "b_seed"), [("002", "004"), ("004", "002"), ("001", "003")])
def test_two_seed_plans(libreoffice, tmp_path, a_seed, b_seed):
    a, b = seed_plan(a_seed), seed_plan(b_seed)
    comparison = compare_documents(a, b)
    path = write(comparison, tmp_path / f"{a_seed}-{b_seed}.docx")
    assert_libreoffice_resolves(
        libreoffice, path, side_lines(comparison.a_title, a), side_lines(comparison.b_title, b)
    )


@pytest.mark.parametrize("edit", [edited_copy, moved_copy], ids=["redraft", "section-moved"])
@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_a_plan_and_its_redraft(libreoffice, tmp_path, direction, edit):
    original = seed_plan("002")
    redraft = edit(original)
    a, b = (original, redraft) if direction == "forward" else (redraft, original)
    comparison = compare_documents(a, b)
    assert any(p.status == "moved" for s in comparison.sections for p in s.paragraphs)
    if edit is edited_copy:
        assert any(s.a is None or s.b is None for s in comparison.sections)  # the removed section
    else:
        assert any(s.moved for s in comparison.sections)
    path = write(comparison, tmp_path / f"{edit.__name__}-{direction}.docx")
    assert_libreoffice_resolves(
        libreoffice, path, side_lines(comparison.a_title, a), side_lines(comparison.b_title, b)
    )

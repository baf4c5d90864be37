#!/usr/bin/python3
"""Accept or reject every tracked change of a .docx in LibreOffice itself, and print the text.

Comment anchors are taken out of a copy of the file before LibreOffice opens it with a view:
Debian's libreoffice-writer-nogui (what CI installs) lacks the comment window's .ui file, and
soffice aborts (NoSuchElementException from InterimItemWindow) as soon as a view shows a comment.
Anchors carry no text, so the accepted/rejected text is unchanged; the `comments` action loads the
original file without a view instead and lists the comments LibreOffice read.

Runs with the SYSTEM python (Debian's python3-uno provides `uno`; the project venv cannot import it):

    /usr/bin/python3 tests/support/lo_revisions.py accept|reject|comments redline.docx [more.docx …]
    /usr/bin/python3 tests/support/lo_revisions.py --serve     # JSON lines on stdin/stdout

One-shot mode prints one JSON object per file: {"file", "action", "paragraphs"}. Serve mode starts
LibreOffice once and answers each request line {"action": "accept"|"reject"|"comments", "path": …} with
{"paragraphs": [...]} or {"error": "…"}, until stdin closes; the tests use it so that soffice starts
once per test module. Either way soffice runs headless, with a private profile, listening on a
named pipe only (no TCP port), and is shut down on exit, on error and on SIGTERM.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

START_TIMEOUT = 60.0  # seconds for soffice to accept the pipe connection
STOP_TIMEOUT = 10.0  # seconds for soffice to exit after terminate() before it is killed
COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}
ACTIONS = (*COMMANDS, "comments")
COMMENT_ANCHOR = re.compile(r"<w:(?:commentRangeStart|commentRangeEnd|commentReference)\b[^>]*/>")


def _props(**values) -> tuple:
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


class Office:
    """One headless soffice process and the uno desktop connected to it."""

    def __init__(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="drafter-lo-"))
        self.pipe = f"drafter_lo_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        self.process: subprocess.Popen | None = None
        self.context = None
        self.desktop = None

    def start(self) -> None:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            raise RuntimeError("soffice is not installed")
        profile = (self.workdir / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible",
                   "--nologo", "--norestore", "--nodefault", "--nolockcheck",
                   f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"]  # fmt: skip
        # A first start only creates the profile and then restarts soffice, which drops the pipe
        # connection: create the profile in a separate run first.
        subprocess.run([*command[:-1], "--terminate_after_init"], stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=START_TIMEOUT, check=False)  # fmt: skip
        # soffice stays in our process group: whoever kills that group stops it with us.
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)  # fmt: skip
        self.context = self._connect()
        smgr = self.context.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.context)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.context)

    def _connect(self):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                return resolver.resolve(url)
            except NoConnectException:
                if self.process.poll() is not None:
                    raise RuntimeError(f"soffice exited with {self.process.returncode} before connecting")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"soffice did not accept a connection within {START_TIMEOUT:.0f} s")
                time.sleep(0.2)

    def run(self, path: str, action: str) -> list[str]:
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
        if not Path(path).is_file():
            raise FileNotFoundError(f"no such file: {path}")
        if action == "comments":
            return self.comments(path)
        return self.resolved_paragraphs(path, action)

    def resolved_paragraphs(self, path: str, action: str) -> list[str]:
        """Load `path` hidden, accept or reject all tracked changes, return every paragraph's text."""
        url = uno.systemPathToFileUrl(str(self._without_comment_anchors(path)))
        document = self.desktop.loadComponentFromURL(url, "_blank", 0, _props(Hidden=True, ReadOnly=False))
        if document is None:
            raise RuntimeError(f"LibreOffice could not open {path}")
        try:
            frame = document.getCurrentController().getFrame()
            self.dispatcher.executeDispatch(frame, COMMANDS[action], "", 0, ())
            if document.getRedlines().getCount():  # XRedlinesSupplier: what is still tracked
                raise RuntimeError(f"{action} left {document.getRedlines().getCount()} tracked changes")
            return list(_texts(document.getText()))
        finally:
            document.close(True)

    def comments(self, path: str) -> list[str]:
        """The comments LibreOffice imports, read from the document model alone (no view)."""
        document = self.context.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument",
                                                                         self.context)  # fmt: skip
        url = uno.systemPathToFileUrl(str(Path(path).resolve()))
        document.load(_props(URL=url, FilterName="MS Word 2007 XML"))
        try:
            fields = document.getTextFields().createEnumeration()
            notes = []
            while fields.hasMoreElements():
                field = fields.nextElement()
                if field.supportsService("com.sun.star.text.textfield.Annotation"):
                    notes.append(field.Content)
            return notes
        finally:
            document.close(True)

    def _without_comment_anchors(self, path: str) -> Path:
        copy = self.workdir / f"{uuid.uuid4().hex[:8]}-{Path(path).name}"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename == "word/document.xml":
                    data = COMMENT_ANCHOR.sub("", data.decode("utf-8")).encode("utf-8")
                target.writestr(item, data)
        return copy

    def stop(self) -> None:
        if self.desktop is not None:
            with contextlib.suppress(Exception):  # the bridge drops as soffice exits
                self.desktop.terminate()
        if self.process is not None and self.process.poll() is None:
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT)
        shutil.rmtree(self.workdir, ignore_errors=True)


def _texts(text):
    """Paragraph texts in order; a table's cells are read row by row, like the XML transform."""
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                yield from _texts(element.getCellByName(name).getText())
        else:
            yield element.getString()


def serve(office: Office) -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            reply = {"paragraphs": office.run(request["path"], request["action"])}
        except Exception as err:  # noqa: BLE001 — reported to the caller, the server stays up
            reply = {"error": f"{type(err).__name__}: {err}"}
        print(json.dumps(reply, ensure_ascii=False), flush=True)


def main(argv: list[str]) -> int:
    serving = argv[:1] == ["--serve"]
    if not serving and (len(argv) < 2 or argv[0] not in ACTIONS):
        print(__doc__, file=sys.stderr)
        return 2
    office = Office()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally below
    try:
        office.start()
        if serving:
            print(json.dumps({"ready": True}), flush=True)
            serve(office)
            return 0
        for path in argv[1:]:
            paragraphs = office.run(path, argv[0])
            print(json.dumps({"file": path, "action": argv[0], "paragraphs": paragraphs}, ensure_ascii=False))
        return 0
    finally:
        office.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

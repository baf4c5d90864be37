"""What `drafter check D` reads: a draft file, a plan file (.txt .md .html .docx) or a corpus document.

Each becomes a `Target`: its text parts, the date and region it is checked against, and what a fix
may write back. A draft keeps its own layout; a text file is checked as written when cleaning would
not change it (so line numbers and fixes are the file's own), and as cleaned otherwise (a scraped
page: fixes then go to a new file); a .docx is read paragraph by paragraph.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from drafter.check.parts import TextPart, draft_parts, line_parts
from drafter.errors import DrafterError
from drafter.messages import t


@dataclass
class Target:
    kind: str  # draft | text | docx | corpus
    label: str
    path: Path | None = None
    date: str | None = None
    region: str | None = None
    province: str | None = None
    level: str | None = None
    superior: list[str] = field(default_factory=list)
    draft: object = None  # a Draft
    document: object = None  # a python-docx Document
    lines: list[str] | None = None  # a text file's or corpus document's lines
    newline: str = "\n"
    writable: bool = False  # `drafter fix` may write the file in place
    notes: list[str] = field(default_factory=list)

    def parts(self) -> list[TextPart]:
        if self.kind == "draft":
            return draft_parts(self.draft)
        if self.kind == "docx":
            from drafter.check.docx_text import body_paragraphs, paragraph_text

            return line_parts([paragraph_text(p) for p in body_paragraphs(self.document)], "paragraph")
        return line_parts(self.lines or [])

    def text(self) -> str:
        """The target's text as it would be written back (drafts: the whole file)."""
        if self.kind == "draft":
            from drafter.draft.io import dumps_draft

            return dumps_draft(self.draft)
        if self.kind == "docx":
            from drafter.check.docx_text import body_paragraphs, paragraph_text

            return "\n".join(paragraph_text(p) for p in body_paragraphs(self.document))
        return self.newline.join(self.lines or [])


def load_target(spec: str, db: str | None = None) -> Target:
    """`spec` is a file path, or else the id or name of a corpus document (`12`, `哈尔滨`)."""
    path = Path(spec)
    if path.exists() and not path.is_file():
        from drafter.bounded import check_regular

        check_regular(path)  # a folder, a pipe, a device: UnreadableFile says which
    if path.is_file():
        if path.suffix.lower() == ".docx":
            return _docx_target(path)
        from drafter.bounded import read_bounded
        from drafter.draft.io import is_draft_text

        head = read_bounded(path)[:16].decode("utf-8", errors="ignore")
        return _draft_target(path) if is_draft_text(head) else _text_target(path)
    if os.sep in spec or path.suffix:
        raise DrafterError(t("check.no_such_file", path=spec))
    return _corpus_target(spec, db)


def draft_target(draft: object, label: str = "<draft>") -> Target:
    meta = getattr(draft, "meta", {})
    superior = meta.get("superior") or []
    return Target(
        "draft",
        label,
        None,
        _s(meta.get("date")),
        _s(meta.get("region")),
        _s(meta.get("province")),
        _s(meta.get("level")),
        [str(s) for s in superior],
        draft=draft,
    )


def _s(value: object) -> str | None:
    return str(value) if value else None


def _draft_target(path: Path) -> Target:
    from drafter.draft.io import load_draft

    target = draft_target(load_draft(path), str(path))
    target.path, target.writable = path, True
    return target


def _text_target(path: Path) -> Target:
    from drafter.text.clean import clean
    from drafter.text.decode import read_text

    raw = read_text(path)
    cleaned = clean(raw)
    changed = bool(cleaned.removed or cleaned.converted)
    text = cleaned.text if changed else raw
    newline = "\r\n" if "\r\n" in text else "\n"
    exact = not changed and _is_utf8(path, raw)
    target = Target("text", str(path), path, lines=text.split(newline), newline=newline, writable=exact)
    if changed:
        target.notes.append(
            t("check.note_cleaned", removed=len(cleaned.removed), converted=cleaned.converted)
        )
    _plan_metadata(target, text, cleaned.removed if changed else None)
    return target


def _is_utf8(path: Path, text: str) -> bool:
    from drafter.bounded import read_bounded

    try:
        return read_bounded(path).decode("utf-8").lstrip("\ufeff") == text.lstrip("\ufeff")
    except (OSError, UnicodeDecodeError, DrafterError):
        return False


def _docx_target(path: Path) -> Target:
    from drafter.check.docx_text import body_paragraphs, open_docx, paragraph_text

    document = open_docx(path)
    target = Target("docx", str(path), path, document=document, writable=True)
    _plan_metadata(target, "\n".join(paragraph_text(p) for p in body_paragraphs(document)))
    return target


def _corpus_target(spec: str, db: str | None) -> Target:
    from drafter.check.distinctive import _open_store

    store = _open_store(db)
    try:
        doc = store.get_document(store.resolve(spec))
    finally:
        store.close()
    label = f"corpus:{spec}"
    target = Target("corpus", label, lines=(doc.text or "").split("\n"))
    _take_metadata(target, doc)
    return target


def _plan_metadata(target: Target, text: str, removed: list | None = None) -> None:
    """The date and region a plan file states (its signature, title, 文号, its site's fields), as
    the outline reads them; `removed`: what cleaning took out of `text`."""
    from drafter.reader import parse_plans

    documents = parse_plans(text, removed=removed)
    if documents:
        _take_metadata(target, max(documents, key=lambda d: len(d.headings())))


def _take_metadata(target: Target, doc: object) -> None:
    from drafter.library.build import source_region
    from drafter.library.gazetteer import gazetteer

    region = source_region(doc)
    place = gazetteer().lookup(region) if region else None
    target.region = place.name if place else region
    target.province = place.province if place else None
    target.level = place.level if place else getattr(doc, "level", None)
    target.date = getattr(doc, "date", None)

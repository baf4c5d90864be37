"""One side of a comparison: a file (plan, several plans, or a draft), a corpus id, or a fuzzy name."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from drafter.compare.units import combine_documents, split_paragraphs
from drafter.errors import DrafterError, NotFound, UnreadableFile
from drafter.model import Document

PLAN_SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".text"}


@dataclass
class DraftDocument(Document):
    """A draft as a Document, with where its library passages came from: section title →
    `哈尔滨市方案（哈政办规〔2017〕28号）` (the 对照表's 修改说明 names it)."""

    provenance: dict[str, str] = field(default_factory=dict)


def provenance_label(source: dict[str, str]) -> str | None:
    """`哈尔滨市方案（哈政办规〔2017〕28号）` from a provenance comment's fields."""
    region, number, title = source.get("地区"), source.get("文号"), source.get("文件")
    name = f"{region}方案" if region else (f"《{title}》" if title else None)
    if name is None:
        return None
    return f"{name}（{number}）" if number else name


def load_side(spec: str, store=None, doc: int | None = None, *, doc_if_several: bool = False) -> Document:  # noqa: ANN001
    """The Document `spec` names. A file holding several documents is taken whole (in order) unless
    `doc` (1-based) picks one; a name goes through `store.resolve` (Ambiguous lists candidates).
    With `doc_if_several`, `doc` applies only to files holding several documents (the CLI's
    `--doc` for two sides)."""
    path = Path(spec).expanduser()
    if path.is_file():
        document = _load_file(path, doc, doc_if_several)
    elif path.is_dir():
        raise UnreadableFile(spec, "is a folder, not a plan file")
    elif os.path.lexists(path):  # a pipe, a device, a link loop: the bounded reader says which
        from drafter.bounded import check_regular

        check_regular(path)
        raise NotFound(f"{spec}: no such file")
    elif looks_like_path(spec):
        raise NotFound(f"{spec}: no such file")
    else:
        document = _load_corpus(spec, store)
    if not _has_text(document):
        raise DrafterError(f"{spec}: empty document, nothing to compare")
    return document


def _load_file(path: Path, doc: int | None, doc_if_several: bool) -> Document:
    draft = _as_draft(path)
    if draft is not None:
        documents = [draft]
    else:
        from drafter.reader import read_plans

        documents = read_plans(path)
    if not documents:
        raise UnreadableFile(str(path), "no plan text found in this file")
    if doc is None or (doc_if_several and len(documents) == 1):
        return combine_documents(documents)
    if not 1 <= doc <= len(documents):
        raise NotFound(f"{path}: no document {doc} (the file holds {len(documents)})")
    return documents[doc - 1]


def _as_draft(path: Path) -> Document | None:
    """A draft file (metadata header, then the plan) through the compose colleague's loader."""
    try:
        from drafter.draft import io as draft_io
    except ImportError:
        return None
    try:
        head = path.open("rb").read(64).decode("utf-8", errors="ignore")
    except OSError as err:
        raise UnreadableFile(str(path), err.strerror or str(err)) from err
    if not draft_io.is_draft_text(head):
        return None
    draft = draft_io.load_draft(path)  # once: its outline and its provenance both come from it
    document = draft_io.draft_document(draft, source=str(path))
    provenance: dict[str, str] = {}
    for section in draft.walk():
        labels = [label for source in section.sources if (label := provenance_label(source))]
        if labels:
            provenance[section.title.strip()] = "、".join(dict.fromkeys(labels))
    values = {f.name: getattr(document, f.name) for f in fields(Document)}
    return DraftDocument(**values, provenance=provenance)


def _load_corpus(spec: str, store) -> Document:  # noqa: ANN001
    if store is None:
        from drafter.store import open_store

        with open_store() as own:
            return own.get_document(own.resolve(spec))
    return store.get_document(store.resolve(spec))


def looks_like_path(spec: str) -> bool:
    return os.sep in spec or "/" in spec or Path(spec).suffix.lower() in PLAN_SUFFIXES


def _has_text(document: Document) -> bool:
    if split_paragraphs(document.preamble):
        return True
    return any(section.heading.strip() or section.paragraphs for section in document.walk())

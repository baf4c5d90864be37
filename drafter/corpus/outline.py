"""One document's text → a `Document`: metadata, the heading tree with bodies and kinds, and tasks."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.corpus import headings as H
from drafter.corpus.kinds import assign_kinds
from drafter.corpus.metadata import extract_metadata
from drafter.corpus.tasks import extract_tasks
from drafter.model import Document, Section

# A plan title glued to its first heading (`…实施方案一、背景与意义`) ends with one of these.
_TITLE_TAILS = ("方案", "计划", "意见", "要点", "办法", "细则", "规划", "任务", "安排")


@dataclass
class Piece:
    """A run of a line: body text, or a heading with its inline body."""

    text: str  # body text, or the inline body of a heading
    marker: H.Marker | None = None
    title: str = ""


def scan_line(line: str, seq: H.Sequence) -> list[Piece]:
    """Split one line into body text and the headings it holds, in order."""
    accepted: list[H.Marker] = []
    for mk in H.candidates(line):
        if accepted and mk.start < accepted[-1].end:
            continue
        if _accept(line, mk, accepted, seq):
            seq.accept(mk)
            accepted.append(mk)
    if not accepted:
        return [Piece(line)]
    pieces = [Piece(line[: accepted[0].start])] if accepted[0].start else []
    for i, mk in enumerate(accepted):
        nxt = accepted[i + 1].start if i + 1 < len(accepted) else None
        t_end, b_start = H.title_end(line, mk.end, nxt)
        title = line[mk.end : t_end].strip(" \u3000")
        body = line[b_start : nxt if nxt is not None else len(line)] if b_start < (nxt or len(line)) else ""
        pieces.append(Piece(body.strip(" \u3000"), mk, title))
    return pieces


def _accept(line: str, mk: H.Marker, accepted: list[H.Marker], seq: H.Sequence) -> bool:
    if mk.start == 0 or not line[: mk.start].strip(" \u3000"):
        return len(mk.number) == 1 or seq.continues(mk)
    if H.may_start_here(line, mk.start):
        return seq.continues(mk)
    if accepted and H.is_glued_prefix(line[accepted[-1].end : mk.start]):
        return mk.level > accepted[-1].level and seq.continues(mk)
    before = line[: mk.start].rstrip()
    return not seq.last and before.endswith(_TITLE_TAILS) and seq.continues(mk)


def parse_document(text: str, title_hint: str | None = None) -> Document:
    """Outline one document (already cleaned and split off from its file)."""
    doc = Document(text=text)
    preamble, sections = build_tree(text)
    doc.preamble = "\n".join(preamble)
    doc.sections = sections
    extract_metadata(doc, title_hint)
    assign_kinds(doc)
    extract_tasks(doc)
    return doc


def build_tree(text: str) -> tuple[list[str], list[Section]]:
    """Preamble paragraphs and the top-level sections, children nested by level."""
    seq = H.Sequence()
    preamble: list[str] = []
    roots: list[Section] = []
    stack: list[Section] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        for piece in scan_line(line.strip(), seq):
            if piece.marker is None:
                _add_body(stack[-1] if stack else None, preamble, piece.text)
                continue
            section = Section(piece.marker.text.strip(" \u3000") + _space(piece.marker), piece.title,
                              piece.marker.level)
            while stack and stack[-1].level >= section.level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
            _add_body(section, preamble, piece.text)
    return preamble, roots


def _space(mk: H.Marker) -> str:
    # Keep a space written after the marker (`1. 全面加强组织领导`), as the file has it.
    return " " if mk.text.endswith((" ", "\u3000")) else ""


def _add_body(section: Section | None, preamble: list[str], text: str) -> None:
    text = text.strip()
    if not text:
        return
    if section is None:
        preamble.append(text)
    else:
        section.body = f"{section.body}\n{text}" if section.body else text

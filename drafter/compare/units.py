"""A document as the comparison sees it: a flat list of blocks (heading + own paragraphs), and the
line list that a comparison must give back exactly (`document_lines`).

A block is one section of the outline (any level) or a *label* block: the text before the first
heading (preamble), and — when a file holding several documents is compared whole — each
document's title. A label is not part of the text; headings and paragraphs are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.model import Document, Section


@dataclass
class Block:
    index: int  # order on its side
    heading: str | None  # marker + title; None for a label block
    marker: str
    title: str  # heading words without the marker (renumbering does not touch them)
    level: int  # 0 for label blocks
    kind: str | None
    paragraphs: list[str] = field(default_factory=list)
    heading_pos: int | None = None  # position of the heading in `document_lines`
    para_pos: list[int] = field(default_factory=list)
    parent: int | None = None  # index of the enclosing block (a higher heading, or a document label)
    children: list[int] = field(default_factory=list)

    @property
    def is_label(self) -> bool:
        return self.heading is None

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs as `Section.paragraphs` gives them: non-blank lines, kept as written."""
    return [line for line in (text or "").split("\n") if line.strip()]


def blocks_of(doc: Document) -> list[Block]:
    """The document's blocks in reading order, with every line's position numbered."""
    blocks: list[Block] = []
    counter = [0]
    preamble = split_paragraphs(doc.preamble)
    if preamble or not doc.sections:
        blocks.append(_label_block(0, doc.plan_title or doc.title or "", preamble, counter))
    for top in doc.sections:
        _walk(top, None, blocks, counter)
    return blocks


def _walk(section: Section, parent: int | None, blocks: list[Block], counter: list[int]) -> None:
    block = _section_block(len(blocks), section, counter)
    block.parent = parent
    if parent is not None:
        blocks[parent].children.append(block.index)
    blocks.append(block)
    for child in section.children:
        _walk(child, block.index, blocks, counter)


def ancestors(blocks: list[Block], index: int) -> list[Block]:
    """The blocks enclosing block `index`, outermost first (document labels left out)."""
    out = []
    parent = blocks[index].parent
    while parent is not None:
        if not blocks[parent].is_label:
            out.append(blocks[parent])
        parent = blocks[parent].parent
    return out[::-1]


def subtree(blocks: list[Block], index: int) -> list[Block]:
    """Block `index` and every block under it, in reading order."""
    out = [blocks[index]]
    for child in blocks[index].children:
        out.extend(subtree(blocks, child))
    return out


def document_lines(doc: Document) -> list[str]:
    """Headings and paragraphs in reading order: what rebuilding a side of a comparison gives."""
    lines: list[str] = []
    for block in blocks_of(doc):
        if not block.is_label:
            lines.append(block.heading or "")
        lines.extend(block.paragraphs)
    return lines


def _label_block(index: int, label: str, paragraphs: list[str], counter: list[int]) -> Block:
    block = Block(index, None, "", label, 0, None, paragraphs)
    block.para_pos = _take(counter, len(paragraphs))
    return block


def _section_block(index: int, section: Section, counter: list[int]) -> Block:
    if section.level <= 0:  # a document wrapped as a level-0 section by `combine_documents`
        return _label_block(index, section.title, section.paragraphs, counter)
    block = Block(index, section.heading, section.marker, section.title, section.level, section.kind)
    block.heading_pos = _take(counter, 1)[0]
    block.paragraphs = section.paragraphs
    block.para_pos = _take(counter, len(block.paragraphs))
    return block


def _take(counter: list[int], n: int) -> list[int]:
    start = counter[0]
    counter[0] += n
    return list(range(start, start + n))


def combine_documents(documents: list[Document]) -> Document:
    """Several documents of one file as one, in order: each becomes a level-0 section (a label
    with its preamble) holding its sections."""
    if len(documents) == 1:
        return documents[0]
    first = documents[0]
    wrapped = [
        Section(marker="", title=d.plan_title or d.title or f"文件{i + 1}", level=0, body=d.preamble,
                children=d.sections)
        for i, d in enumerate(documents)
    ]
    return Document(
        title=first.title,
        plan_title=first.plan_title,
        region=first.region,
        sections=wrapped,
        text="\n".join(d.text for d in documents),
        source=first.source,
    )

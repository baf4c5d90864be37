"""What the store hands back: document summaries, search hits, per-file ingest results, source
files, stored paragraphs and tasks — plain dataclasses, the same from every backend."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from drafter.errors import Ambiguous

READ, UNCHANGED, SKIPPED = "read", "unchanged", "skipped"


@dataclass
class DocSummary:
    """One stored document without its outline: enough for lists, pickers and search results."""

    id: int
    title: str | None
    plan_title: str | None
    region: str | None
    level: str | None
    date: str | None
    doc_number: str | None
    issuer: str | None
    source_path: str | None
    sections: int = 0
    tasks: int = 0
    kinds: dict[str, int] = field(default_factory=dict)  # section kind → how many sections
    doc_type: str = "方案"  # 方案 / 通知 / 起草说明 / 解读 / 征求意见 / 其他
    is_template: bool = False
    province: str | None = None  # the province the region lies in (黑龙江省 for 哈尔滨市)
    region_note: str | None = None  # why region is None: template / national / anonymised / unnamed

    @property
    def is_plan(self) -> bool:
        """A place's own plan (not a notice, explanation, reading, call for comments or template)."""
        return self.doc_type == "方案" and not self.is_template

    def as_json(self) -> dict:
        return asdict(self)

    def label(self) -> str:
        """`12  哈尔滨市  哈尔滨市人民政府办公厅关于…` — how a candidate is shown to a user."""
        return f"{self.id}  {self.region or '—'}  {self.title or self.plan_title or '(untitled)'}"


@dataclass
class IngestResult:
    """What happened to one file: read (new or replaced), unchanged (same content), or skipped."""

    path: str
    status: str  # READ | UNCHANGED | SKIPPED
    why: str | None = None  # for skipped and unchanged files
    documents: int = 0
    replaced: bool = False  # a changed file at a known path: its old documents were replaced
    size: int = 0


@dataclass
class SourceFile:
    """A file the store has seen: read (its documents are stored) or skipped (with the reason)."""

    id: int
    path: str
    sha256: str
    size: int
    ingested_at: str
    status: str  # READ | SKIPPED
    why: str | None
    parser: str | None  # the PARSER_VERSION that read it
    host: str | None = None  # the machine it was ingested from (a server store records it)
    user: str | None = None  # who ingested it (a server store records it)


@dataclass
class StoredParagraph:
    """One paragraph as stored: its text, where it stands, and the headings above it."""

    id: int
    document_id: int
    section_id: int | None  # None: the preamble
    ordinal: int
    text: str
    heading_path: list[str]


@dataclass
class StoredTask:
    """One task with the document it belongs to (for task lists across the corpus)."""

    id: int
    document_id: int
    region: str | None
    heading: str
    text: str
    lead: str | None
    partners: list[str]
    deadline: str | None


@dataclass
class Hit:
    """One ranked paragraph. `score` is the negated bm25 (higher is better); paragraphs holding the
    query verbatim are ranked before the others whatever their score. `spans` are the matched
    (start, end) character ranges in `text`."""

    doc_id: int
    title: str | None
    region: str | None
    date: str | None
    heading_path: list[str]
    text: str
    snippet: str  # a window of `text` around the matches, each match wrapped in « »
    score: float
    paragraph_id: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "region": self.region,
            "date": self.date,
            "heading_path": self.heading_path,
            "text": self.text,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "paragraph_id": self.paragraph_id,
            "spans": [list(s) for s in self.spans],
        }


class AmbiguousDocument(Ambiguous):
    """Several documents match a name about equally well; `matches` holds them, best first."""

    def __init__(self, name: str, matches: list[DocSummary]) -> None:
        labels = [m.label() for m in matches]
        listing = "\n  ".join(labels)
        super().__init__(f"'{name}' matches {len(matches)} documents; use an id:\n  {listing}", labels)
        self.matches = matches

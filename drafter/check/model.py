"""The findings model every renderer of `drafter check` reads (terminal, JSON, the app's Check screen).

A `Finding` is one problem a 办公室 reviewer would circle: its family (提法 · 属地 · 时限 · 格式), how
serious it is, where it stands (a `Location` the app can jump to), the text exactly as written, a
message in the user's language, and a replacement where one is safe to apply without asking.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

FAMILIES = ("提法", "属地", "时限", "格式")
SEVERITIES = ("error", "warning", "info")

# Where a text part lives. A draft has metadata, a preamble and sections (each a heading and a
# body); a .docx has paragraphs; a text file or corpus document has lines.
PARTS = ("meta", "preamble", "heading", "body", "paragraph", "line")


@dataclass(frozen=True)
class Location:
    """A spot in a draft, a .docx or a text: the part, and the offset of the text inside that part.

    For a draft, `path` is the section's number path (`(4, 2)` is 四、 → its （二）) and `offset` is in
    the section's heading (`part="heading"`) or its visible body (`part="body"`, what
    `DraftSection.body` returns, provenance comments left out). `line` is the line in the file.
    For a .docx, `paragraph` is the index of the body paragraph (tables included, in document
    order) and `offset` is in that paragraph's text (tracked insertions included, deletions not).
    """

    part: str
    offset: int = 0
    path: tuple[int, ...] = ()
    field: str | None = None  # the metadata key for part "meta"
    line: int | None = None  # 1-based line in the file
    paragraph: int | None = None  # 0-based body paragraph of a .docx
    heading: str | None = None  # the heading of the section the spot is in, for people

    @property
    def section(self) -> str | None:
        return ".".join(str(n) for n in self.path) if self.path else None

    def where(self) -> str:
        """A short human description: `4.2 （二）创新医防协同机制 · 第58行`."""
        from drafter.messages import t

        bits = []
        if self.part == "meta":
            bits.append(t("check.where_meta", field=self.field or ""))
        elif self.part == "preamble":
            bits.append(t("check.where_preamble"))
        elif self.section:
            bits.append(f"{self.section} {self.heading or ''}".strip())
        elif self.heading:
            bits.append(self.heading)
        if self.paragraph is not None:
            bits.append(t("check.where_paragraph", n=self.paragraph + 1))
        elif self.line is not None:
            bits.append(t("check.where_line", n=self.line))
        return " · ".join(b for b in bits if b)

    def as_json(self) -> dict:
        return {
            "part": self.part,
            "section": self.section,
            "offset": self.offset,
            "field": self.field,
            "line": self.line,
            "paragraph": self.paragraph,
            "heading": self.heading,
        }


@dataclass(frozen=True)
class Finding:
    family: str  # one of FAMILIES
    severity: str  # one of SEVERITIES
    rule: str  # the rule's id, e.g. "tifa.weijiwei", "geshi.halfwidth"
    location: Location
    text: str  # the offending text exactly as it stands
    message: str
    suggestion: str | None = None
    safe: bool = False  # `drafter fix` may apply the suggestion without asking
    source: str | None = None  # the document the rule rests on

    def __post_init__(self) -> None:
        if self.family not in FAMILIES or self.severity not in SEVERITIES:
            raise ValueError(f"bad finding {self.family}/{self.severity}")

    @property
    def end(self) -> int:
        return self.location.offset + len(self.text)

    def moved(self, **changes: object) -> Finding:
        return replace(self, location=replace(self.location, **changes))

    def as_json(self) -> dict:
        """The `drafter check --json` entry (a stable contract: keys are only ever added)."""
        return {
            "family": self.family,
            "severity": self.severity,
            "where": self.location.where(),
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "rule": self.rule,
            "safe": self.safe,
            "source": self.source,
            "location": self.location.as_json(),
        }


@dataclass
class Report:
    """What one check run found, and what it assumed (the date and region it checked against)."""

    target: str
    findings: list[Finding] = field(default_factory=list)
    date: str | None = None
    region: str | None = None
    province: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    def by_family(self) -> dict[str, int]:
        counts = {family: 0 for family in FAMILIES}
        for finding in self.findings:
            counts[finding.family] += 1
        return counts

    def as_json(self) -> dict:
        return {
            "target": self.target,
            "date": self.date,
            "region": self.region,
            "province": self.province,
            "notes": self.notes,
            "counts": self.by_family(),
            "findings": [f.as_json() for f in self.findings],
        }


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Document order (file line, paragraph, part order, offset), then family order."""
    part_rank = {p: i for i, p in enumerate(PARTS)}

    def key(f: Finding) -> tuple:
        loc = f.location
        return (
            loc.line if loc.line is not None else -1,
            loc.paragraph if loc.paragraph is not None else -1,
            loc.path,
            part_rank.get(loc.part, 9),
            loc.offset,
            FAMILIES.index(f.family),
            f.rule,
        )

    return sorted(findings, key=key)

"""The one place where the app calls the library — the same functions the CLI twins call.

Each function runs on a worker thread. Where a colleague's module has not landed, `*_available()`
says so and the screen shows a "not available yet" state instead of reimplementing anything.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.messages import t
from drafter.tui.corpus_loader import CorpusEntry
from drafter.tui.store_access import open_store


def has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@dataclass(frozen=True)
class Candidate:
    """Something to put into a section: a library variant or a corpus section, with its subtree."""

    provenance: dict[str, str]  # 地区 / 文件 / 文号 / 日期 / id or corpus: written as the 来源 comment
    text: str  # what the reader sees: the body, then each sub-section's heading and body
    lines: tuple[str, ...] = ()  # the section under its heading as draft lines (sub-headings too)
    origin: str = "template"  # "template" (the section library) or "corpus" (a stored plan)
    region: str = ""
    year: str = ""
    doc_number: str = ""
    ident: str = ""  # the variant's id, or "corpus:ID"
    heading: str = ""  # the heading it has where it comes from

    @property
    def label(self) -> str:
        """One plain line: `模板 zdsx-1a2b3c 哈尔滨市 2017 哈政发〔2017〕12号`."""
        origin = "模板" if self.origin == "template" else "语料"
        return f"{origin} {self.ident} {self.region or '—'} {self.year} {self.doc_number}".strip()

    def source_line(self) -> str:
        """`来源：哈尔滨市 · 2017 · 哈政发〔2017〕12号 · 《…》`, as the 来源 note will record it."""
        title = self.provenance.get("文件") or ""
        parts = [self.region or "—", self.year, self.doc_number, f"《{title}》" if title else ""]
        return "来源：" + " · ".join(p for p in parts if p)

    def shown_text(self) -> str:
        return self.text

    def in_use(self, section: Any) -> bool:
        """True when the section already holds this candidate (by its 来源 note, or by its text)."""
        for source in section.sources:
            if self.ident and source.get("id") == self.ident:
                return True
        opening = self.text.strip().split("\n", 1)[0][:40]
        return bool(opening) and opening in section.body


# ── draft ──────────────────────────────────────────────────────────────────────────────────────
def draft_document(draft: Any) -> Any:
    """The draft as a Document, through the same outline parser as any corpus plan."""
    from drafter.draft.io import draft_document as to_document

    return to_document(draft, source="draft")


def save_draft(draft: Any, path: Path) -> None:
    from drafter.draft.io import save_draft as save
    from drafter.paths import private_dir

    private_dir(path.parent)  # a folder drafter creates (or its own autosave folder) is the user's alone
    save(draft, path)


def load_draft(path: Path) -> Any:
    from drafter.draft.io import load_draft as load

    return load(path)


def new_draft(meta: dict[str, str]) -> Any:
    """A complete draft for the region, assembled from the section library exactly as `drafter new`
    does (the same function, `drafter.draft.compose.new_draft`). The region is required."""
    from drafter.draft.compose import new_draft as assemble

    region = (meta.get("region") or "").strip()
    if not region:
        raise DrafterError(t("tui.need_region"))
    given = {k: (meta.get(k) or "").strip() or None for k in ("province", "title", "issuer", "date")}
    return assemble(region, **given)


def new_from_superior(db: str | None, superior: str, meta: dict[str, str],
                      progress: Callable[[int, int, str], None] | None = None) -> Any:  # fmt: skip
    """`drafter new --from SUPERIOR`'s draft (the same core calls: `load_superior`, then
    `build_from_superior` with the superior left out of the corpus it draws from) and its report
    line. `superior` is what the CLI takes: a file, or `corpus:ID`. Run it in a worker."""
    from drafter.check.distinctive import corpus_facts
    from drafter.draft.from_superior import build_from_superior
    from drafter.draft.superior_outline import load_superior, superior_outline

    region = (meta.get("region") or "").strip()
    if not region:
        raise DrafterError(t("tui.need_region"))
    given = {k: (meta.get(k) or "").strip() or None for k in ("province", "title", "issuer", "date")}
    with open_store(db) as store:
        document, corpus_id = load_superior(superior, store)
        name = document.plan_title or document.title or superior
        if not superior_outline(document).tasks():
            raise DrafterError(t("superior.no_tasks", title=name))
        built = build_from_superior(document, region, given.pop("province"), store=store, progress=progress,
                                    exclude=[corpus_id] if corpus_id is not None else [],
                                    corpus=corpus_facts(db), **given)  # fmt: skip
    fills = built.tasks
    report = t("superior.filled", filled=sum(1 for f in fills if f.chosen),
               restated=sum(f.restated for f in fills), pending=sum(f.pending for f in fills))  # fmt: skip
    return built.draft, t("tui_check.from_superior_done", superior=name, tasks=len(fills)) + report


def empty_draft() -> Any:
    """A draft with nothing in it yet (a `drafter tui NEW.md` whose file does not exist)."""
    from drafter.draft.model import Draft

    return Draft()


# ── candidates for a section ───────────────────────────────────────────────────────────────────
def candidates(db: str | None, kind: str | None, region: str | None, province: str | None = None,
               limit: int = 40) -> list[Candidate]:
    """Library variants of `kind` rendered for `region`, then corpus sections of the same kind."""
    if not kind:
        return []
    found = _variant_candidates(kind, region, province)
    found.extend(_corpus_candidates(db, kind, limit))
    return found


def _variant_candidates(kind: str, region: str | None, province: str | None = None) -> list[Candidate]:
    """The section library's variants of `kind`, rendered for the draft's region (as `drafter add`)."""
    if not has("drafter.library.variants") or not region:
        return []
    from drafter.draft.model import PROVENANCE
    from drafter.library.placeholders import RegionContext
    from drafter.library.render import provenance_fields, render_variant
    from drafter.library.variants import Library

    try:
        context = RegionContext(region=region, province=province or None).values()
    except Exception:  # noqa: BLE001 - unknown region without a province: corpus candidates still show
        return []
    out = []
    for variant in Library.load().of_kind(kind):
        section = render_variant(variant, context, with_source=False)
        lines = tuple(line for line in section.to_lines()[1:] if not PROVENANCE.match(line))
        meta = provenance_fields(variant)
        out.append(Candidate(
            meta, _reader_text(lines), lines, "template", meta.get("地区") or "", (meta.get("日期") or "")[:4],
            meta.get("文号") or "", variant.id, section.heading,
        ))
    return out


def _corpus_candidates(db: str | None, kind: str, limit: int) -> list[Candidate]:
    with open_store(db) as store:
        # a few times the limit: the sub-sections of a parent of the same kind are dropped below
        pairs = _outermost(store.sections_of_kind(kind, limit=limit * 4))[:limit]
    out = []
    for summary, section in pairs:
        lines = tuple(section_lines(section))
        if not "".join(lines).strip():
            continue
        year = (summary.date or "")[:4]
        meta = {"id": f"corpus:{summary.id}", "地区": summary.region or "",
                "文件": summary.title or summary.plan_title or "", "文号": summary.doc_number or "",
                "日期": summary.date or ""}
        out.append(Candidate(
            meta, _reader_text(lines), lines, "corpus", summary.region or "", year, summary.doc_number or "",
            f"corpus:{summary.id}", section.heading,
        ))
    return out


def _outermost(pairs: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Drop sections inside another section of the same kind (a 基本原则's (一)坚持…): that one, whole
    with its sub-sections, is the candidate."""
    inner = {id(child) for _, section in pairs for child in list(section.walk())[1:]}
    return [(summary, section) for summary, section in pairs if id(section) not in inner]


def section_lines(section: Any) -> list[str]:
    """A corpus section below its heading as draft lines: its body, then each sub-section."""
    lines = [line for line in section.body.split("\n") if line.strip()]
    for child in section.children:
        lines.append(child.heading)
        lines.extend(section_lines(child))
    return lines


def _reader_text(lines: tuple[str, ...]) -> str:
    return "\n".join(line for line in lines if line.strip())


# ── the corpus ─────────────────────────────────────────────────────────────────────────────────
def plan(db: str | None, entry: CorpusEntry) -> Any:
    """A stored plan with its outline, to read in the app (`drafter corpus show ID`)."""
    with open_store(db) as store:
        return store.get_document(int(entry.id))


def ingest(db: str | None, paths: list[Path], progress: Any) -> Any:
    """`drafter ingest PATHS`: the same function, with the same per-file progress callback."""
    from drafter.corpus.ingest import ingest_paths

    with open_store(db) as store:
        return ingest_paths(store, paths, progress=progress)


def update_index(db: str | None, say: Callable[[str], None]) -> None:
    """What `drafter corpus search` does first: rebuild or complete the search index when it must
    catch up (`drafter.store.index_work`), saying so and how far it is (`say` gets each line)."""
    from drafter.store.index_work import index_work

    with open_store(db) as store:
        work = index_work(store)
        if work is None:
            return
        key, count = work
        what = t(f"store_backend.{key}", count=count)
        say(what)
        store.update_index(lambda done, total: say(t("tui.indexing_progress", what=what, done=done, total=total)))


def search(db: str | None, query: str, limit: int = 200, where: Any = None) -> list[Any]:
    """`drafter corpus search QUERY` (`where`: a `DocFilter`, applied by the store), each hit with its
    document's 文号 added (`doc_number`)."""
    from drafter.tui import store_access

    hits = store_access.search(db, query, limit, where)
    numbers: dict[int, str] = {}
    with open_store(db) as store:
        for hit in hits:
            if hit.doc_id not in numbers:
                numbers[hit.doc_id] = store.summary(hit.doc_id).doc_number or ""
    return [_with_number(hit, numbers.get(hit.doc_id, "")) for hit in hits]


def _with_number(hit: Any, doc_number: str) -> Any:
    try:
        hit.doc_number = doc_number
    except AttributeError:  # a frozen or slotted hit: the 文号 simply is not shown
        pass
    return hit


# ── compare ────────────────────────────────────────────────────────────────────────────────────
def reference_document(db: str | None, entry: CorpusEntry) -> Any:
    """The reference plan as `drafter diff` loads a corpus side (`load_side(id, store)`)."""
    from drafter.compare import load_side

    with open_store(db) as store:
        return load_side(str(entry.id), store)


def compare(db: str | None, draft: Any, entry: CorpusEntry, granularity: str = "word") -> Any:
    """The reference (A) against the draft (B): what the draft changed, as
    `drafter diff <reference> DRAFT --granularity G` shows it."""
    from drafter.compare import compare_documents

    return compare_documents(reference_document(db, entry), draft_document(draft), granularity=granularity)


# ── check (`drafter check` / `drafter fix`) and 对标 (`drafter cover`) ──────────────────────────────
def check(db: str | None, draft: Any) -> Any:
    """`drafter check DRAFT`: the Report (findings by family, the date and region checked against)."""
    from drafter.check import check_target, draft_target
    from drafter.check.distinctive import corpus_facts

    return check_target(draft_target(draft), corpus=corpus_facts(db))


def safe_fixes(db: str | None, draft: Any) -> list[Any]:
    """`drafter fix DRAFT` on `draft` (in place): every safe suggestion, pass after pass; what it applied."""
    from drafter.check import draft_target, fix_target
    from drafter.check.distinctive import corpus_facts

    return fix_target(draft_target(draft), corpus=corpus_facts(db))


def passage_findings(db: str | None, draft: Any, section: Any, candidate: Candidate | None = None) -> list[Any]:
    """提法 · 属地 · 时限 findings in a section as it is (`candidate` None) or as `candidate` would make
    it: what the side-by-side preview marks. Offsets are into `candidate_text` / `section_text`."""
    from drafter.check.distinctive import corpus_facts
    from drafter.check.parts import draft_parts
    from drafter.check.run import check_parts, context_for
    from drafter.check.target import draft_target
    from drafter.draft.model import Draft, DraftSection, parse_outline, provenance_line

    if candidate is not None:  # with its 来源: the source's own place names are known as such
        body, children = parse_outline(list(candidate.lines))
        body = [provenance_line(candidate.provenance), *body]
        section = DraftSection(section.title, section.level, section.marker, body,
                               [c.shifted(section.level + 1 - c.level) for c in children], section.kind)
    alone = Draft(meta=dict(draft.meta), sections=[section])
    ctx = context_for(draft_target(draft), corpus_facts(db))
    parts = [p for p in draft_parts(alone) if p.part in ("heading", "body")]
    return check_parts(parts, ctx, ("提法", "属地", "时限"))


def coverage(db: str | None, draft: Any, superior: CorpusEntry) -> Any:
    """`drafter cover DRAFT --against ID`: the superior document's tasks and where the draft takes them up."""
    from drafter.compare.cover import cover

    return cover(draft_document(draft), reference_document(db, superior))


# ── export ─────────────────────────────────────────────────────────────────────────────────────
EXPORTS = {
    # kind: (file suffix, needs a comparison, what it is: a catalogue key)
    "docx": ("公文.docx", False, "tui.export_docx"),
    "redline": ("修订.docx", True, "tui.export_redline"),
    "table": ("对照表.docx", True, "tui.export_table"),
    "html": ("对照.html", True, "tui.export_html"),
}


def export_path(kind: str, out_dir: Path, stem: str) -> Path:
    """Where `export` writes `kind` (asked first, so the app can confirm before overwriting). The stem
    is document text (the region): the name is made safe and kept inside `out_dir`."""
    from drafter.fsnames import safe_path

    return safe_path(out_dir, stem, f"-{EXPORTS[kind][0]}")


def export(kind: str, draft: Any, out_dir: Path, stem: str, comparison: Any = None,
           hide_unimportant: bool = False) -> Path:
    """Write one export with the same library call as its CLI twin:
    docx → `drafter export DRAFT --docx`; redline/table/html → `drafter diff REF DRAFT --docx/--table/--html`."""
    _suffix, needs_comparison, what = EXPORTS[kind]
    if needs_comparison and comparison is None:
        raise DrafterError(t("tui.export_needs_reference", what=t(what)))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = export_path(kind, out_dir, stem)
    if kind == "docx":
        from drafter.export.document import write_gongwen

        return Path(write_gongwen(draft, path))  # the draft itself: its 版头, 通知 and 版记 too
    if kind == "redline":
        from drafter.export.redline import write_redline

        return Path(write_redline(comparison, path))
    if kind == "table":
        from drafter.export.table import write_change_table

        return Path(write_change_table(comparison, path))
    from drafter.compare.render_html import write_report

    return Path(write_report(comparison, path, hide_unimportant=hide_unimportant))


def shown_path(path: Path) -> str:
    """A file or folder as the user finds it: the absolute path, with `~` for the home folder."""
    full = Path(path).expanduser().resolve()
    try:
        return str(Path("~") / full.relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError):
        return str(full)

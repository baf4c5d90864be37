"""The one place where the app calls the library — the same functions the CLI twins call.

Each function runs on a worker thread. Where a colleague's module has not landed, `*_available()`
says so and the screen shows a "not available yet" state instead of reimplementing anything.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.tui.corpus_loader import CorpusEntry
from drafter.tui.store_access import open_store


def has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@dataclass(frozen=True)
class Candidate:
    """Something to put into a section: a library variant or a corpus section's text."""

    label: str  # one line for the list
    provenance: dict[str, str]  # 地区 / 年份 / 文号 / 文件 / id: written as the 来源 comment
    text: str  # ready to insert (a variant rendered for the draft's region)


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
    from drafter.errors import DrafterError

    region = (meta.get("region") or "").strip()
    if not region:
        raise DrafterError("a new draft needs its region (地区), e.g. 运城市")
    given = {k: (meta.get(k) or "").strip() or None for k in ("province", "title", "issuer", "date")}
    return assemble(region, **given)


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
        lines = [line for line in section.to_lines()[1:] if not PROVENANCE.match(line)]
        meta = provenance_fields(variant)
        year = (meta.get("日期") or "")[:4]
        label = f"模板 {variant.id}  {meta.get('地区') or '—'} {year} {meta.get('文号') or ''}"
        out.append(Candidate(label, meta, "\n".join(lines).strip("\n")))
    return out


def _corpus_candidates(db: str | None, kind: str, limit: int) -> list[Candidate]:
    with open_store(db) as store:
        pairs = store.sections_of_kind(kind, limit=limit)
    out = []
    for summary, section in pairs:
        body = section.body.strip()
        if not body:
            continue
        year = (summary.date or "")[:4]
        meta = {"地区": summary.region or "", "年份": year, "文号": summary.doc_number or "",
                "文件": summary.title or summary.plan_title or ""}
        label = f"{summary.region or '—'} {year} {summary.doc_number or ''}  {section.heading}"
        out.append(Candidate(label, meta, body))
    return out


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


# ── export ─────────────────────────────────────────────────────────────────────────────────────
EXPORTS = {
    # kind: (file suffix, needs a comparison, what it is)
    "docx": ("公文.docx", False, "公文 .docx"),
    "redline": ("修订.docx", True, "redline .docx (tracked changes)"),
    "table": ("对照表.docx", True, "修改对照表 .docx"),
    "html": ("对照.html", True, "HTML comparison report"),
}


def export(kind: str, draft: Any, out_dir: Path, stem: str, comparison: Any = None,
           hide_unimportant: bool = False) -> Path:
    """Write one export with the same library call as its CLI twin:
    docx → `drafter export DRAFT --docx`; redline/table/html → `drafter diff REF DRAFT --docx/--table/--html`."""
    suffix, needs_comparison, what = EXPORTS[kind]
    if needs_comparison and comparison is None:
        raise RuntimeError(f"{what} needs a comparison: compare with a reference first (F5, r)")
    from drafter.fsnames import safe_path

    out_dir.mkdir(parents=True, exist_ok=True)
    path = safe_path(out_dir, stem, f"-{suffix}")  # the stem is document text (the region): keep it inside
    if kind == "docx":
        from drafter.export.document import write_gongwen

        return Path(write_gongwen(draft_document(draft), path))
    if kind == "redline":
        from drafter.export.redline import write_redline

        return Path(write_redline(comparison, path))
    if kind == "table":
        from drafter.export.table import write_change_table

        return Path(write_change_table(comparison, path))
    from drafter.compare.render_html import write_report

    return Path(write_report(comparison, path, hide_unimportant=hide_unimportant))


def shown_path(path: Path) -> str:
    """A written file as the user finds it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path.resolve())

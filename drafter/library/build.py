"""`drafter sections build`: corpus plans → templatized, de-duplicated variants in sections/.

Passages are put into GB/T 15834 punctuation first (the shared normaliser), so a draft composed from
the library starts without the scrape's half-width marks. Deterministic: documents are taken in a stable order, ids are hashes of the template text, files
are written only when their bytes change, and a variant marked `curated = true` is left alone.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from drafter.atomic import write_bytes_atomically
from drafter.draft.numbering import marker
from drafter.library.gazetteer import gazetteer
from drafter.library.templatize import Source, templatize
from drafter.library.variants import KIND_IDS, STANDARD_KINDS, Variant, dumps_variant, load_variant, relative_path
from drafter.model import Document, Section
from drafter.text.punctuation import normalize_punctuation

SAME_TEXT = 88  # rapidfuzz ratio (0-100) above which two passages are one variant
MIN_CHARS = 40  # a heading with a line under it is not yet a passage worth offering
_CONTAINER = re.compile(r"(重点|主要|工作|改革|具体|主要改革)?(任务|工作)(安排|分工)?$")


@dataclass
class Candidate:
    kind: str
    template: str
    dropped: int
    doc: Document


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    curated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    variants: int = 0

    def as_json(self) -> dict:
        return {"variants": self.variants, "written": self.written, "unchanged": len(self.unchanged),
                "curated_kept": self.curated, "removed": self.removed}


def document_year(doc: Document) -> int | None:
    for text in (doc.date or "", doc.doc_number or ""):
        match = re.search(r"(19|20)\d\d", text)
        if match:
            return int(match.group())
    return None


def passages(doc: Document) -> list[tuple[str, Section]]:
    """The sections of `doc` worth a variant: each standard kind, each task area on its own."""
    found: list[tuple[str, Section]] = []

    def visit(section: Section) -> None:
        kind = section.kind
        if kind == "重点任务" and section.children and _CONTAINER.search(section.title.strip()):
            for child in section.children:
                visit_task(child)
        elif kind in STANDARD_KINDS:
            found.append((kind, section))
        else:
            for child in section.children:
                visit(child)

    def visit_task(section: Section) -> None:
        if section.kind in STANDARD_KINDS and section.kind != "重点任务":
            found.append((section.kind, section))
        else:
            found.append(("重点任务", section))

    for section in doc.sections:
        visit(section)
    return found


def outline_text(section: Section) -> str:
    """The section as an outline with its own heading at level 1 (deeper levels kept relative)."""
    lines: list[str] = []

    def emit(node: Section, level: int, position: int) -> None:
        lines.append(f"{marker(level, position)}{node.title.strip()}")
        lines.extend(p.strip() for p in node.paragraphs)
        for i, child in enumerate(node.children, start=1):
            emit(child, min(4, level + max(1, child.level - node.level)), i)

    emit(section, 1, 1)
    return "\n".join(lines)


def candidates(documents: list[Document]) -> list[Candidate]:
    out = []
    for doc in documents:
        if not doc.is_plan:
            continue  # a notice, 起草说明, 解读, 征求意见 announcement or template is no plan's section
        source = Source.of(source_region(doc), document_year(doc), unit=_unit_guess(doc))
        for kind, section in passages(doc):
            text = normalize_punctuation(outline_text(section))
            if len(re.sub(r"\s", "", text)) - len(section.title) < MIN_CHARS:
                continue
            made = templatize(text, source)
            if made:
                out.append(Candidate(kind, made.text, made.dropped, doc))
    return out


def source_region(doc: Document) -> str | None:
    """The plan's own region as the gazetteer knows it: the parsed one, else the issuer's or
    title's most local place (`武威市凉州区人民政府` → 凉州区)."""
    gaz = gazetteer()
    if doc.region and gaz.lookup(doc.region):
        return doc.region
    for text in (doc.issuer, doc.title, doc.plan_title):
        places = [gaz.lookup(name) for _s, _e, name in gaz.spot(text or "")]
        places = [p for p in places if p]
        if places:
            order = {"县级": 0, "市级": 1, "省级": 2}
            return min(places, key=lambda p: order[p.level]).name
    return doc.region


def _unit_guess(doc: Document) -> str | None:
    counts = Counter(re.findall(r"[我全本]([省市县区州旗盟])", doc.text or ""))
    return counts.most_common(1)[0][0] if counts else None


def _comparable(template: str) -> str:
    return re.sub(r"\{\{.*?\}\}|[^\u4e00-\u9fff]", "", template)


def build_variants(documents: list[Document]) -> list[Variant]:
    """Near-identical passages of one kind merge into one variant (the first in corpus order)."""
    from drafter.library.corpus_source import stable_key

    clusters: list[list[Candidate]] = []
    keys: list[str] = []
    for cand in candidates(sorted(documents, key=stable_key)):
        key = _comparable(cand.template)
        for i, cluster in enumerate(clusters):
            if cluster[0].kind == cand.kind and fuzz.ratio(key, keys[i]) >= SAME_TEXT:
                cluster.append(cand)
                break
        else:
            clusters.append([cand])
            keys.append(key)
    variants = [_variant(cluster) for cluster in clusters]
    _score_typicality(variants, keys)
    return sorted(variants, key=lambda v: v.id)


def _doc_ref(doc: Document) -> dict[str, str]:
    return {"region": source_region(doc) or "", "title": doc.title or doc.plan_title or "", "date": doc.date or ""}


def _variant(cluster: list[Candidate]) -> Variant:
    first = cluster[0]
    digest = hashlib.sha1(f"{first.kind}\n{first.template}".encode()).hexdigest()[:6]
    seen = {tuple(_doc_ref(first.doc).items())}
    also_in = []
    for cand in cluster[1:]:
        ref = _doc_ref(cand.doc)
        if tuple(ref.items()) not in seen:
            seen.add(tuple(ref.items()))
            also_in.append(ref)
    doc = first.doc
    source = {"title": doc.title or doc.plan_title or "", "issuer": doc.issuer or "",
              "region": source_region(doc) or "",
              "date": doc.date or "", "doc_number": doc.doc_number or ""}
    place = gazetteer().lookup(source["region"]) if source["region"] else None
    return Variant(id=f"{KIND_IDS[first.kind]}-{digest}", kind=first.kind, template=first.template,
                   source=source, also_in=sorted(also_in, key=lambda r: tuple(r.values())),
                   support=len(seen), dropped=first.dropped, date=doc.date or None,
                   province=place.province if place else None)


def _score_typicality(variants: list[Variant], keys: list[str]) -> None:
    """How close a variant is to the others of its kind (mean similarity, 0-1): the typical one."""
    for i, variant in enumerate(variants):
        others = [fuzz.token_set_ratio(keys[i], keys[j]) for j, v in enumerate(variants)
                  if j != i and v.kind == variant.kind]
        variant.typicality = round(sum(others) / len(others) / 100, 3) if others else 0.0


def write_library(variants: list[Variant], folder: Path) -> BuildReport:
    """Write variants under `folder`; keep curated files; remove built files no longer produced."""
    report = BuildReport(variants=len(variants))
    existing = {p: _load_quietly(p) for p in sorted(folder.rglob("*.j2"))} if folder.is_dir() else {}
    curated_ids = {v.id for v in existing.values() if v and v.curated}
    wanted: set[Path] = set()
    for variant in variants:
        path = folder / relative_path(variant)
        wanted.add(path)
        if variant.id in curated_ids or (path in existing and (existing[path] is None or existing[path].curated)):
            # curated by hand, or a hand-edited file that no longer parses: never overwrite
            report.curated.append(variant.id)
            continue
        data = dumps_variant(variant).encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            report.unchanged.append(variant.id)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, data)
        report.written.append(variant.id)
    for path, old in existing.items():
        if path not in wanted and old is not None and not old.curated:
            path.unlink()
            report.removed.append(old.id)
    return report


def _load_quietly(path: Path) -> Variant | None:
    try:
        return load_variant(path)
    except Exception:  # noqa: BLE001 - a broken hand-edited file is left for its owner to fix
        return None

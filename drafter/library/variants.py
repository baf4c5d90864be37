"""Section variants on disk (`sections/<kind>/<id>.j2`): TOML front matter + a Jinja2 outline.

    +++
    id = "zdsx-1a2b3c"
    kind = "指导思想"
    curated = false          # true: edited by hand, a rebuild never overwrites it
    date = "2017-06-08"      # the source plan's date and province: `drafter new` prefers recent
    province = "黑龙江省"    # variants, and the draft's own province
    support = 2              # how many corpus plans carry (nearly) this text
    also_in = [{region = "鸡西市", title = "…", date = "2017-06-09"}]
    [source]
    title = "…"  issuer = "…"  region = "…"  date = "…"  doc_number = "…"
    +++
    一、指导思想
    坚持…以{{ 地区 }}实际…

The outline under the fence is written with the variant's own heading at level 1; inserted into a
draft it is re-levelled and renumbered.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from drafter.draft.io import FENCE, toml_value
from drafter.errors import DrafterError, NotFound

KIND_IDS = {"指导思想": "zdsx", "基本原则": "jbyz", "工作目标": "gzmb", "重点任务": "zdrw", "组织保障": "zzbz"}
STANDARD_KINDS = tuple(KIND_IDS)


class BrokenVariant(DrafterError):
    def __init__(self, path: Path | str, line: int | None, why: str) -> None:
        super().__init__(f"{path}:{line}: {why}" if line else f"{path}: {why}")


@dataclass
class Variant:
    id: str
    kind: str
    template: str  # the Jinja2 outline, own heading first
    source: dict[str, str] = field(default_factory=dict)
    also_in: list[dict[str, str]] = field(default_factory=list)
    curated: bool = False
    support: int = 1
    typicality: float = 0.0
    dropped: int = 0
    path: Path | None = None
    body_line: int = 1  # the file line the template starts on (for error messages)
    date: str | None = None  # YYYY-MM-DD of the source plan (from `source` when the file has none)
    province: str | None = None  # the source plan's province

    def __post_init__(self) -> None:
        if self.date is None and self.source.get("date"):
            self.date = str(self.source["date"])
        if self.province is None and self.source.get("region"):
            from drafter.library.gazetteer import gazetteer

            place = gazetteer().lookup(self.source["region"])
            self.province = place.province if place else None

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date and self.date[:4].isdigit() else None

    @property
    def title(self) -> str:
        """The template's heading line without its marker."""
        from drafter.draft.numbering import parse_heading

        first = self.template.split("\n", 1)[0]
        found = parse_heading(first)
        return found[1] if found else first

    def label(self) -> str:
        where = self.source.get("region") or "?"
        also = f" (+{len(self.also_in)})" if self.also_in else ""
        return f"{self.id}  {self.kind}  {self.title}  — {where}{also}"

    def as_json(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "title": self.title, "curated": self.curated,
            "date": self.date, "province": self.province, "support": self.support, "typicality": self.typicality, "dropped": self.dropped,
            "source": self.source, "also_in": self.also_in,
            "path": str(self.path) if self.path else None, "template": self.template,
        }


def relative_path(variant: Variant) -> Path:
    from drafter.fsnames import safe_filename

    return Path(KIND_IDS.get(variant.kind, "qt")) / safe_filename(variant.id, ".j2", default="variant")


def dumps_variant(variant: Variant) -> str:
    head = {
        "id": variant.id, "kind": variant.kind, "curated": variant.curated,
        "date": variant.date or "", "province": variant.province or "",
        "support": variant.support, "typicality": variant.typicality, "dropped": variant.dropped,
    }
    lines = [FENCE, *(f"{k} = {toml_value(v)}" for k, v in head.items())]
    lines.append("also_in = [" + ", ".join(_inline_table(a) for a in variant.also_in) + "]")
    lines.append("")
    lines.append("[source]")
    lines += [f"{k} = {toml_value(v)}" for k, v in variant.source.items() if v is not None]
    lines.append(FENCE)
    return "\n".join(lines) + "\n" + variant.template.strip("\n") + "\n"


def _inline_table(item: dict[str, str]) -> str:
    return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in item.items() if v is not None) + "}"


def load_variant(path: Path) -> Variant:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise BrokenVariant(path, None, f"cannot read: {err}") from err
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise BrokenVariant(path, 1, "a section template starts with a +++ metadata block")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if end is None:
        raise BrokenVariant(path, 1, "the +++ metadata block is never closed")
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as err:
        raise BrokenVariant(path, _toml_line(err), f"broken metadata: {err}") from None
    for key in ("id", "kind"):
        if not isinstance(meta.get(key), str) or not meta[key]:
            raise BrokenVariant(path, 2, f"metadata needs {key} = \"…\"")
    template = "\n".join(lines[end + 1 :]).strip("\n")
    if not template:
        raise BrokenVariant(path, end + 2, "no section text under the metadata")
    return Variant(
        id=meta["id"], kind=meta["kind"], template=template, source=dict(meta.get("source", {})),
        also_in=list(meta.get("also_in", [])), curated=bool(meta.get("curated", False)),
        support=int(meta.get("support", 1)), typicality=float(meta.get("typicality", 0.0)),
        dropped=int(meta.get("dropped", 0)), path=path, body_line=end + 2,
        date=str(meta["date"]) if meta.get("date") else None, province=meta.get("province") or None,
    )


def _toml_line(err: tomllib.TOMLDecodeError) -> int:
    import re

    match = re.search(r"line (\d+)", str(err))
    return int(match.group(1)) + 1 if match else 2


class Library:
    """All section variants, by id and by kind (most typical first)."""

    def __init__(self, variants: list[Variant]) -> None:
        self.variants = sorted(variants, key=lambda v: (_kind_order(v.kind), -v.support, -v.typicality, v.id))
        self._by_id: dict[str, Variant] = {}
        for variant in self.variants:
            if variant.id in self._by_id:
                raise BrokenVariant(variant.path or variant.id, None,
                                    f"duplicate id {variant.id} (also {self._by_id[variant.id].path})")
            self._by_id[variant.id] = variant

    @classmethod
    def load(cls, folder: Path | None = None) -> Library:
        from drafter.resources import sections_dir

        folder = Path(folder) if folder else sections_dir()
        return cls([load_variant(p) for p in sorted(folder.rglob("*.j2"))] if folder.is_dir() else [])

    def get(self, variant_id: str) -> Variant:
        variant = self._by_id.get(variant_id)
        if variant is None:
            from rapidfuzz import process

            near = process.extract(variant_id, list(self._by_id), limit=3)
            hint = f"; did you mean {', '.join(n for n, _score, _i in near)}?" if near else ""
            raise NotFound(f"no section variant {variant_id!r}{hint} (see `drafter sections list`)")
        return variant

    def of_kind(self, kind: str) -> list[Variant]:
        return [v for v in self.variants if v.kind == kind]

    def typical(self, kind: str) -> Variant | None:
        found = self.of_kind(kind)
        return found[0] if found else None

    def ranked(self, kind: str, province: str | None = None, year: int | None = None) -> list[Variant]:
        """The variants of `kind` a new plan for `province` in `year` should try first: the draft's own
        province, then the most recent (never one newer than the plan), then support and typicality."""
        def key(v: Variant) -> tuple:
            vy = v.year
            usable_year = vy if vy is not None and (year is None or vy <= year) else -1
            return (v.province != province if province else True, -usable_year, -v.support, -v.typicality, v.id)

        return sorted(self.of_kind(kind), key=key)


def _kind_order(kind: str) -> int:
    return STANDARD_KINDS.index(kind) if kind in STANDARD_KINDS else len(STANDARD_KINDS)

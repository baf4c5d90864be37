"""The 公文 parts of a draft: 版头, 印发通知, the plan, 版记 — what `drafter export` lays out around
the plan's text, what `drafter meta` lists and sets, and what the app edits field by field.

Each part is one metadata key of the draft file (flat TOML, English keys; the Chinese label is
accepted everywhere a key is). A part that is absent follows the draft's metadata: the notice title
and text name the current title and issuer, the 发文机关标志 and 印发机关 derive from the issuer,
the 署名 *is* the issuer (a draft has one issuer), the 印发日期 is the 成文日期. A part the drafter
sets is kept as written, with the current title, issuer, date and region turned into `{{ }}`
placeholders (drafter.draft.fill) so it keeps following them. The plan's preface is the body text
before the first heading, with the same placeholders.

Drafts written before the parts model kept their notice as body text; `legacy_notice` reads it
from there (so they export right without a rewrite) and `migrate` moves it into the metadata the
first time such a draft is changed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache

from drafter.draft import fill
from drafter.draft.model import Draft
from drafter.draft.notice import NoticeLines, split_notice
from drafter.errors import DrafterError

GROUPS = ("元数据", "版头", "通知", "方案", "版记")
PLAN_AS = ("正文", "附件")  # the plan after the notice on a new page, or as its 附件


@dataclass(frozen=True)
class PartSpec:
    key: str  # the draft file's key
    label: str  # the Chinese name (CLI and app)
    group: str
    multiline: bool = False
    is_list: bool = False
    choices: tuple[str, ...] = ()


PARTS: tuple[PartSpec, ...] = (
    PartSpec("title", "标题", "元数据"),
    PartSpec("region", "地区", "元数据"),
    PartSpec("province", "省份", "元数据"),
    PartSpec("level", "层级", "元数据", choices=("省级", "市级", "县级")),
    PartSpec("issuer", "发文机关", "元数据"),
    PartSpec("date", "成文日期", "元数据"),
    PartSpec("superior", "上级文件", "元数据", is_list=True),
    PartSpec("mark", "发文机关标志", "版头"),
    PartSpec("doc_number", "发文字号", "版头"),
    PartSpec("signer", "签发人", "版头"),
    PartSpec("copy_no", "份号", "版头"),
    PartSpec("secrecy", "密级", "版头"),
    PartSpec("urgency", "紧急程度", "版头"),
    PartSpec("notice_title", "通知标题", "通知"),
    PartSpec("addressee", "主送", "通知"),
    PartSpec("notice", "通知正文", "通知", multiline=True),
    PartSpec("note", "附注", "通知"),
    PartSpec("plan_as", "方案编排", "方案", choices=PLAN_AS),
    PartSpec("preface", "前言", "方案", multiline=True),
    PartSpec("attachments", "附件", "方案", is_list=True),
    PartSpec("cc", "抄送", "版记"),
    PartSpec("printer", "印发机关", "版记"),
    PartSpec("print_date", "印发日期", "版记"),
)
BY_KEY = {p.key: p for p in PARTS}
BY_LABEL = {p.label: p for p in PARTS} | {"主送机关": BY_KEY["addressee"], "文号": BY_KEY["doc_number"],
                                          "抄送机关": BY_KEY["cc"], "方案标题": BY_KEY["title"]}  # fmt: skip
TEMPLATED = ("notice_title", "notice", "preface")  # text that takes placeholders when set
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def spec(name: str) -> PartSpec:
    """A part by key (`addressee`) or label (`主送`)."""
    found = BY_KEY.get(name.strip()) or BY_LABEL.get(name.strip())
    if found is None:
        from drafter.messages import t

        raise DrafterError(t("draft.unknown_part", name=name, known="、".join(p.label for p in PARTS)))
    return found


@cache
def defaults() -> dict:
    """templates/plan/parts.toml: the default wording."""
    from drafter.resources import templates_dir

    return tomllib.loads((templates_dir() / "plan" / "parts.toml").read_text(encoding="utf-8"))


@dataclass
class GongwenParts:
    """Every part resolved to the text the export prints (placeholders filled; punctuation is
    normalised by the export). `notice_title` empty: no notice, the plan stands alone."""

    mark: str = ""
    doc_number: str = ""
    signer: str = ""
    copy_no: str = ""
    secrecy: str = ""
    urgency: str = ""
    notice_title: str = ""
    addressee: str = ""
    notice: list[str] = field(default_factory=list)
    signature: str = ""
    date: str = ""  # in words: 2025年3月1日
    note: str = ""
    plan_title: str = ""
    plan_as: str = "正文"
    preface: list[str] | None = None  # None: the plan document's own preamble
    attachments: list[str] = field(default_factory=list)
    cc: str = ""
    printer: str = ""
    print_date: str = ""
    imprint: bool = True  # a 版记 (a corpus plan's is not known)

    @property
    def has_notice(self) -> bool:
        """A 印发通知 before the plan (a scraped one may have lost its title)."""
        return bool(self.notice_title or self.notice)


def resolve(draft: Draft) -> GongwenParts:
    """The parts of `draft` as the export prints them."""
    meta, names = draft.meta, fill.values(draft.meta)
    legacy = legacy_notice(draft)
    raw = {p.key: raw_value(draft, p.key, legacy) for p in PARTS}
    text = {k: fill.fill(v, names) if isinstance(v, str) else v for k, v in raw.items()}
    issuer = str(meta.get("issuer") or "")
    return GongwenParts(
        mark=text["mark"], doc_number=text["doc_number"], signer=text["signer"], copy_no=text["copy_no"],
        secrecy=text["secrecy"], urgency=text["urgency"], notice_title=text["notice_title"],
        addressee=text["addressee"], notice=_paragraphs(text["notice"]), signature=issuer,
        date=names["成文日期"], note=text["note"], plan_title=str(meta.get("title") or ""),
        plan_as=text["plan_as"] if text["plan_as"] in PLAN_AS else "正文", preface=_paragraphs(text["preface"]),
        attachments=[str(a) for a in raw["attachments"] or []], cc=text["cc"], printer=text["printer"],
        print_date=fill.date_words(text["print_date"]),
    )  # fmt: skip


def raw_value(draft: Draft, key: str, legacy: NoticeLines | None = None) -> object:
    """A part as stored (placeholders kept), or its default when the draft does not set it."""
    meta = draft.meta
    if key == "preface":
        lines = legacy.preface if legacy else draft.preamble
        return "\n".join(line for line in lines if line.strip())
    if key in meta:
        value = meta[key]
        return value if key in ("superior", "attachments") else str(value)
    return _default(draft, key, legacy)


def _default(draft: Draft, key: str, legacy: NoticeLines | None) -> object:
    meta, words = draft.meta, defaults()
    issuer = str(meta.get("issuer") or "")
    if legacy is not None and key in ("notice_title", "addressee", "notice", "doc_number"):
        old = {"标题": legacy.plan_title, "发文机关": legacy.signature, "成文日期": legacy.date,
               "地区": str(meta.get("region") or "")}  # fmt: skip
        found = {"notice_title": legacy.title, "addressee": legacy.addressee,
                 "notice": "\n".join(legacy.text), "doc_number": legacy.doc_number}[key]  # fmt: skip
        return fill.templatize(found, old) if key != "doc_number" else found
    if key == "notice_title":
        return words["notice_title"]
    if key == "notice":
        return words["notice_office"] if issuer.endswith(("办公室", "办公厅")) else words["notice"]
    if key == "addressee":
        return default_addressee(str(meta.get("level") or ""))
    if key == "mark":
        return f"{lead_issuer(issuer)}文件" if issuer else ""
    if key == "printer":
        return printer_of(lead_issuer(issuer))
    if key == "print_date":
        return str(meta.get("date") or "")
    if key == "plan_as":
        return "正文"
    if key in ("superior", "attachments"):
        return []
    return ""


def default_addressee(level: str) -> str:
    table = defaults()["addressee"]
    return table.get(level) or table["市级"]


def lead_issuer(issuer: str) -> str:
    """The first of joint issuers (`A、B`, or a line each): its name alone may stand in the 版头
    (GB/T 9704 §7.2.4), and its office prints the document (§7.4.3)."""
    return issuer.replace("\n", "、").split("、")[0].strip()


def printer_of(issuer: str) -> str:
    """§7.4.3 印发机关: the issuer's 办公室 (办公厅 for a province) prints its documents."""
    if not issuer or issuer.endswith(("办公室", "办公厅")):
        return issuer
    if issuer.endswith("人民政府"):
        return issuer + ("办公厅" if issuer.endswith(("省人民政府", "自治区人民政府")) else "办公室")
    if issuer.startswith("中共") and issuer.endswith("委"):  # a Party committee: its 办公室 (省委: 办公厅)
        return issuer + ("办公厅" if issuer.endswith("省委") else "办公室")
    return issuer


def legacy_notice(draft: Draft) -> NoticeLines | None:
    """The notice of a draft written before the parts model (its body starts with one)."""
    if "notice" in draft.meta or "notice_title" in draft.meta:
        return None
    return split_notice(draft.preamble, str(draft.meta.get("issuer") or "") or None)


def migrate(draft: Draft) -> bool:
    """Move a legacy draft's notice from its body into its metadata (what differs from the
    defaults), leaving the preface as the body before the first heading. True if it moved."""
    legacy = legacy_notice(draft)
    if legacy is None:
        return False
    kept = {key: _default(draft, key, legacy) for key in ("notice_title", "addressee", "notice", "doc_number")}
    draft.preamble = [fill.templatize(line, _old_values(draft, legacy)) for line in legacy.preface]
    for key, value in kept.items():
        if value and value != _default(draft, key, None) and key not in draft.meta:
            draft.set_meta(key, value)
    return True


def _old_values(draft: Draft, legacy: NoticeLines) -> dict[str, str]:
    return {"标题": legacy.plan_title, "发文机关": legacy.signature, "成文日期": legacy.date,
            "地区": str(draft.meta.get("region") or "")}  # fmt: skip


def _paragraphs(value: object) -> list[str]:
    return [line.strip() for line in str(value or "").split("\n") if line.strip()]


__all__ = [
    "PARTS",
    "PLAN_AS",
    "GongwenParts",
    "default_addressee",
    "defaults",
    "legacy_notice",
    "migrate",
    "printer_of",
    "raw_value",
    "resolve",
    "spec",
]  # fmt: skip

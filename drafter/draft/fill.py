"""`{{ name }}` placeholders in a draft's parts and preface: filled from its metadata on every render,
and put back (`templatize`) into text the drafter sets, so a later change of title, issuer, date or
region still reaches it.

Only the names below are placeholders; anything else between braces is left as written (a drafter's
text is not a Jinja template and must never fail to render).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from drafter.errors import DrafterError

NAMES = ("标题", "发文机关", "成文日期", "地区", "简称", "本级", "省份", "省简称", "上级地区", "区县", "年份",
         "上级文件", "代字")  # fmt: skip
# Turned back into placeholders when the drafter sets a part: long, unambiguous values only.
TEMPLATIZED = ("标题", "发文机关", "成文日期", "地区")
_PLACEHOLDER = re.compile(r"\{\{\s*(" + "|".join(NAMES) + r")\s*\}\}")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class Superior:
    """A superior document the plan implements: its title (without 《》) and 文号."""

    title: str
    number: str = ""

    def cited(self) -> str:
        """《关于…的意见》（国办发〔2015〕38号）"""
        return f"《{self.title}》（{self.number}）" if self.number else f"《{self.title}》"

    def as_meta(self) -> dict[str, str]:
        return {"title": self.title, "number": self.number} if self.number else {"title": self.title}

    @classmethod
    def parse(cls, value: object) -> Superior:
        """From the file (`{title, number}`) or as typed / as old drafts wrote it:
        `《关于…的意见》(国办发〔2015〕38号)`, `关于…的意见 国办发〔2015〕38号`."""
        if isinstance(value, dict):
            return cls(str(value.get("title", "")).strip().strip("《》"), str(value.get("number", "")).strip())
        text = str(value).strip()
        match = re.match(r"^《(?P<t>.+)》\s*[（(]?\s*(?P<n>[^（()）]*?)\s*[)）]?$", text)
        if match:
            return cls(match.group("t").strip(), match.group("n").strip())
        match = re.match(r"^(?P<t>.+?)[\s|｜]+(?P<n>\S*〔\d{4}〕\d*号)$", text)
        if match:
            return cls(match.group("t").strip().strip("《》"), match.group("n"))
        return cls(text.strip("《》"))


def superiors(meta: dict) -> list[Superior]:
    return [Superior.parse(v) for v in meta.get("superior") or [] if v]


def cite_superiors(items: list[Superior]) -> str:
    """《A》（…号）、《B》（…号）和《C》（…号）: 顿号 between 书名号 followed by 括注 (GB/T 15834 §4.5.3.5)."""
    cited = [s.cited() for s in items if s.title]
    if not cited:
        return "上级有关文件"
    return cited[0] if len(cited) == 1 else "、".join(cited[:-1]) + "和" + cited[-1]


def date_words(iso: str | None) -> str:
    """2025-03-01 → 2025年3月1日 (GB/T 9704 §7.3.5.4); anything else as written."""
    match = _ISO.match((iso or "").strip())
    if not match:
        return (iso or "").strip()
    year, month, day = (int(g) for g in match.groups())
    return f"{year}年{month}月{day}日"


def values(meta: dict) -> dict[str, str]:
    """The placeholder values for a draft's metadata (region facts from the gazetteer when known)."""
    region = str(meta.get("region") or "")
    when = str(meta.get("date") or Date.today().isoformat())
    out = {
        "标题": str(meta.get("title") or ""), "发文机关": str(meta.get("issuer") or ""),
        "成文日期": date_words(when), "地区": region, "年份": when[:4],
        "上级文件": cite_superiors(superiors(meta)),
    }  # fmt: skip
    out.update(_region_values(region, meta.get("province"), meta.get("level")))
    out["代字"] = issuer_code(out.get("简称", region), out["发文机关"])
    return out


def _region_values(region: str, province: object, level: object) -> dict[str, str]:
    if not region:
        return {"简称": "", "本级": "", "省份": str(province or ""), "区县": ""}
    from drafter.library.placeholders import RegionContext

    try:
        found = RegionContext(region, str(province) if province else None, level=str(level) if level else None)
        return {k: str(v) for k, v in found.values().items() if k not in ("年份", "上级文件", "地区")}
    except DrafterError:  # a region the gazetteer does not know, without its province
        return {"简称": region[:-1] if len(region) > 2 else region, "本级": region[-1:], "省份": str(province or ""),
                "区县": "各县（市、区）"}  # fmt: skip


def issuer_code(short: str, issuer: str) -> str:
    """A guess at the 文号's 机关代字 (运城 + 人民政府办公室 → 运政办发); the drafter checks it."""
    head = short[:1]
    if issuer.endswith(("办公室", "办公厅")):
        return f"{head}政办发"
    if issuer.endswith("人民政府"):
        return f"{head}政发"
    return f"{head}发"


def fill(text: str, names: dict[str, str]) -> str:
    """`text` with its placeholders replaced; unknown braces are left alone."""
    if "{{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: names.get(m.group(1), m.group(0)), text)


def templatize(text: str, names: dict[str, str]) -> str:
    """The drafter's `text` with the current title, issuer, date and region turned into placeholders
    (longest value first: the title holds the region's name)."""
    pairs = sorted(((names.get(n, ""), n) for n in TEMPLATIZED), key=lambda vn: -len(vn[0]))
    for value, name in pairs:
        if len(value) >= 2:
            text = text.replace(value, "\0" + name + "\1")
    return text.replace("\0", "{{ ").replace("\1", " }}")

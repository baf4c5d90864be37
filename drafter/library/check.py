"""`drafter sections check`: render every variant for a region it was not written for, report leaks.

A leak is a place name left in the rendered text that is not the target region's own (itself, its
province, its parent, its sub-divisions) nor a nationally promoted model (三明). Names come from the
gazetteer; jieba's `ns` (place) tags back it up for names the gazetteer lacks (renamed counties).
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from drafter.errors import DrafterError
from drafter.library.gazetteer import gazetteer
from drafter.library.placeholders import RegionContext
from drafter.library.render import render_variant
from drafter.library.templatize import MODEL_PLACES
from drafter.library.variants import Library, Variant

# Regions absent from the corpus, far apart, of different levels: a template must fit all of them.
SAMPLE_REGIONS = (
    RegionContext("遵义市", "贵州省", 2025),
    RegionContext("丽江市", "云南省", 2025),
)
_ADMIN_SUFFIX = re.compile(r"[省市县区州旗盟]$")
_GENERIC = re.compile(r"^(全|本|我|各|该|县|市|省|城|区|辖|社|园|景|山|牧|片|郊|老|新|示范|试点|开发|地|州)")


@dataclass
class CheckResult:
    variant: str
    path: str | None
    region: str
    leaks: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not self.leaks and not self.error

    def as_json(self) -> dict:
        return {"variant": self.variant, "path": self.path, "region": self.region,
                "leaks": self.leaks, "error": self.error, "ok": self.ok}


def sample_for(variant: Variant) -> RegionContext:
    """The first sample region that is not the variant's source (nor shares its province)."""
    source = variant.source.get("region", "")
    place = gazetteer().lookup(source) if source else None
    for sample in SAMPLE_REGIONS:
        if sample.region != source and (not place or place.province != sample.province):
            return sample
    return SAMPLE_REGIONS[-1]


def leaks_in(text: str, context: RegionContext) -> list[str]:
    """Place names in `text` that do not belong to `context`'s region."""
    allowed = context.own_names() | set(MODEL_PLACES)
    for model in MODEL_PLACES:  # 福建省三明市 is one model's name, not 福建省 + 三明市
        text = text.replace(model, "")
    found = [name for _s, _e, name in gazetteer().spot(text) if name not in allowed]
    found += [name for name in _jieba_places(text)
              if not name.startswith(tuple(allowed)) and not any(name in f for f in found)]
    return sorted(set(found))


@lru_cache(maxsize=1)
def _tagger():  # noqa: ANN202 - jieba has no type hints
    import jieba.posseg

    from drafter.text.tokens import tokenizer

    return jieba.posseg.POSTokenizer(tokenizer())  # reads the tag dictionary: once


def _jieba_places(text: str) -> list[str]:
    """Words jieba tags as places that look like a division's name (`襄樊市`), not a common noun."""
    names = []
    for pair in _tagger().cut(text):
        word = pair.word
        if pair.flag == "ns" and len(word) >= 3 and _ADMIN_SUFFIX.search(word) and not _GENERIC.match(word):
            names.append(word)
    return names


def check_variant(variant: Variant, context: RegionContext | None = None) -> CheckResult:
    context = context or sample_for(variant)
    result = CheckResult(variant.id, str(variant.path) if variant.path else None, context.region)
    try:
        section = render_variant(variant, context.values(), with_source=False)
    except DrafterError as err:
        result.error = str(err)
        return result
    text = "\n".join(section.to_lines())
    result.leaks = leaks_in(text, context)
    return result


def check_library(library: Library, context: RegionContext | None = None) -> list[CheckResult]:
    return [check_variant(v, context) for v in library.variants]

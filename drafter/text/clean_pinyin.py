"""Pinyin annotations after characters: `醫(yī)` → `醫`, `專(zhuān)業(yè)` → `專業`.

Only latin syllables carrying a tone mark, in brackets, right after a Chinese character (or a `?`
that stands for one): real parentheses like `(试行)`, `(2)`, `(DRG)` or `(含中医医院,下同)` stay.
"""

from __future__ import annotations

from drafter.text import lazy_re
from drafter.text.edits import Edit, regex_edits

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300\u0301\u0304\u030c"
_LETTER = f"a-zü{TONED}"
# One bracketed annotation: letters (maybe several syllables) with at least one tone mark.
_SEPARATOR = "[ '’\\t\\xa0\\u3000\\u2000-\\u200a\\u202f\\u205f]"  # any space: they are all collapsed later
# Spaces inside the brackets too (`社會(huì )`, `( yī)`): a scraped <ruby> leaves them.
_SYLLABLES = rf"{_SEPARATOR}*[{_LETTER}]*[{TONED}][{_LETTER}]*(?:{_SEPARATOR}+[{_LETTER}]+)*{_SEPARATOR}*[)）]"
_ANNOTATION = rf"[(（]{_SYLLABLES}"
# Annotations after a non-space (`(?<=\S)(?:{_ANNOTATION})+`), written to open with the bracket (the
# lookbehind then checks the character before it): `re` skips to the brackets, most of them real.
PINYIN_RE = lazy_re.compile(rf"[(（](?<=\S[(（]){_SYLLABLES}(?:{_ANNOTATION})*")


def remove_pinyin(text: str) -> list[Edit]:
    """Every pinyin annotation (chains like `(zhōng)(guó)` at once, so a second pass finds none)."""
    return regex_edits(PINYIN_RE, text, "", "pinyin")

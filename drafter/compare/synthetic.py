"""Known edits on a real plan, for tests and benchmarks: the truth a comparison must find.

`edit_document(doc, seed=…)` returns a copy with word insertions, deletions and replacements,
paragraphs moved to other sections (optionally lightly edited), renumbered sections, and
punctuation-only changes, plus what was done, so a test can score what the diff reports.
"""

from __future__ import annotations

import copy
import random
import re
from dataclasses import dataclass, field

from drafter.model import Document, Section
from drafter.text.tokens import tokenize

PHRASES = ("进一步", "切实", "全面", "统筹推进", "按照上级要求", "加快")
REPLACEMENTS = ("完善", "强化", "健全", "落实", "推动", "规范")
_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


@dataclass
class KnownEdits:
    edited: Document
    moved: list[str] = field(default_factory=list)  # moved paragraphs as they read in `edited`
    punctuated: list[str] = field(default_factory=list)  # paragraphs changed only in punctuation etc.
    worded: list[str] = field(default_factory=list)  # paragraphs with word edits
    renumbered: int = 0  # headings whose marker changed


def edit_document(
    doc: Document,
    *,
    seed: int = 0,
    words: int = 4,
    moves: int = 2,
    renumber: bool = False,
    punctuation: int = 0,
    edit_moved: bool = True,
) -> KnownEdits:
    rng = random.Random(seed)
    edited = copy.deepcopy(doc)
    out = KnownEdits(edited)
    sections = [s for s in edited.walk() if s.level >= 1]
    untouched = {id(s): list(range(len(s.paragraphs))) for s in sections}
    for _ in range(moves):
        _move_paragraph(rng, sections, untouched, out, edit_moved)
    for _ in range(words):
        _edit_words(rng, sections, untouched, out)
    for _ in range(punctuation):
        _punctuate(rng, sections, untouched, out)
    if renumber:
        out.renumbered = _renumber(edited)
    return out


def _pick(rng: random.Random, sections: list[Section], untouched: dict, min_len: int) -> tuple[Section, int] | None:
    choices = [
        (s, k) for s in sections for k in untouched[id(s)] if len(s.paragraphs[k]) >= min_len
    ]
    if not choices:
        return None
    section, k = rng.choice(choices)
    untouched[id(section)].remove(k)
    return section, k


def _set_paragraphs(section: Section, paragraphs: list[str]) -> None:
    section.body = "\n".join(paragraphs)


def _move_paragraph(rng: random.Random, sections: list[Section], untouched: dict, out: KnownEdits, edit: bool) -> None:
    picked = _pick(rng, sections, untouched, 30)
    if picked is None:
        return
    source, k = picked
    paragraphs = source.paragraphs
    text = paragraphs.pop(k)
    _set_paragraphs(source, paragraphs)
    untouched[id(source)] = [i if i < k else i - 1 for i in untouched[id(source)] if i != k]
    targets = [s for s in sections if s is not source]
    target = rng.choice(targets)
    if edit and len(text) >= 60:
        text = _word_edit(rng, text)
    at = rng.randint(0, len(target.paragraphs))
    paragraphs = target.paragraphs
    paragraphs.insert(at, text)
    _set_paragraphs(target, paragraphs)
    untouched[id(target)] = [i if i < at else i + 1 for i in untouched[id(target)]]
    out.moved.append(text)


def _edit_words(rng: random.Random, sections: list[Section], untouched: dict, out: KnownEdits) -> None:
    picked = _pick(rng, sections, untouched, 20)
    if picked is None:
        return
    section, k = picked
    paragraphs = section.paragraphs
    paragraphs[k] = _word_edit(rng, paragraphs[k])
    _set_paragraphs(section, paragraphs)
    out.worded.append(paragraphs[k])


def _word_edit(rng: random.Random, text: str) -> str:
    tokens = tokenize(text)
    words = [i for i, t in enumerate(tokens) if _WORD.match(t)]
    if not words:
        return text + rng.choice(PHRASES)
    i = rng.choice(words)
    action = rng.choice(("insert", "delete", "replace"))
    if action == "insert":
        tokens.insert(i, rng.choice(PHRASES))
    elif action == "delete":
        del tokens[i]
    else:
        tokens[i] = rng.choice([w for w in REPLACEMENTS if w != tokens[i]])
    return "".join(tokens)


_PUNCT_SWAPS = (
    ("，", "、"),
    ("“", "「"),
    ("”", "」"),
    ("〔", "["),
    ("〕", "]"),
    ("本市", "我市"),
    ("(", "（"),
    (")", "）"),
    ("：", ":"),
)
_DIGIT_YEAR = re.compile(r"(20\d\d)(?=年)")


def _punctuate(rng: random.Random, sections: list[Section], untouched: dict, out: KnownEdits) -> None:
    picked = _pick(rng, sections, untouched, 20)
    if picked is None:
        return
    section, k = picked
    paragraphs = section.paragraphs
    text = paragraphs[k]
    for old, new in _PUNCT_SWAPS:
        if old in text and rng.random() < 0.7:
            text = text.replace(old, new, 1 if old == "，" else -1)
    text = _DIGIT_YEAR.sub(lambda m: "".join("〇一二三四五六七八九"[int(d)] for d in m.group(1)), text)
    cut = rng.randint(1, len(text) - 1)
    text = text[:cut] + rng.choice((" ", "\u3000")) + text[cut:]
    paragraphs[k] = text
    _set_paragraphs(section, paragraphs)
    out.punctuated.append(text)


def _renumber(doc: Document) -> int:
    """Shift every second-level heading one number up, as if a section had been inserted before."""
    from drafter.draft.numbering import marker

    changed = 0
    for top in doc.sections:
        for position, child in enumerate(top.children, start=2):
            if child.level == 2:
                child.marker = marker(2, position)
                changed += 1
    return changed

"""Rewritten plans with the true section pairing known: the test corpus of topic alignment.

`rewrite(doc, seed=…, heavy=…)` takes a real plan and does to it what another city's drafters do
to a plan they start from: flatten its 总体要求 umbrella into flat sections (or nest flat ones under
a new 总体要求), reword headings with synonyms, drop sentences and add others (from an unrelated
plan), reorder the task items under each task heading, and renumber everything. `heavy` also
shuffles the sentences of each paragraph and rewords its verbs, so that little of the text survives
as it was; `rewritten` goes further, as a city writing its own plan on the same topics would: half
the sentences go, and of the rest only some clauses stay, reworded. Only the topic survives.
The result carries `truth`: (original block, rewritten block) for
every section that survives, by block index (drafter.compare.units.blocks_of).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from drafter.compare.units import blocks_of
from drafter.draft.numbering import marker
from drafter.model import Document, Section

SYNONYMS = [
    ("建立健全", "健全完善"), ("加快建立", "着力构建"), ("加强", "强化"), ("推进", "推动"), ("完善", "健全"),
    ("加快", "大力"), ("深化", "持续深化"), ("提升", "提高"), ("落实", "压实"), ("全面", "深入"),
    ("组织保障", "保障措施"), ("工作目标", "主要目标"), ("指导思想", "总体思路"), ("基本原则", "工作原则"),
    ("重点任务", "主要任务"), ("组织领导", "领导组织"), ("建设", "工作"), ("机制", "体制机制"),
]
VERBS = ("加强", "推进", "完善", "建立", "健全", "落实", "深化", "推动", "提高", "提升", "强化", "加快")
_SENTENCE = re.compile(r"[^。；;！!]+[。；;！!]?")
_GUIDING_KINDS = ("指导思想", "基本原则", "工作目标")


@dataclass
class Rewritten:
    document: Document
    truth: set[tuple[int, int]] = field(default_factory=set)  # (original block, rewritten block)
    flattened: bool = False
    nested: bool = False


def rewrite(doc: Document, *, seed: int = 0, heavy: bool = False, rewritten: bool = False,
            filler: list[str] | None = None) -> Rewritten:
    rng = random.Random(seed)
    heavy = heavy or rewritten
    origin = {id(s): i for i, s in _indexed_sections(doc)}
    sections = [_copy(s, origin) for s in doc.sections]
    out = Rewritten(Document(title=doc.title, plan_title=doc.plan_title, region=doc.region,
                             preamble=doc.preamble, sections=sections, source=doc.source))
    out.flattened = _flatten(out.document)
    if not out.flattened:
        out.nested = _nest(out.document)
    for section in out.document.walk():
        if rng.random() < 0.6:
            section.title = _reword(rng, section.title)
        section.body = "\n".join(_rewrite_paragraph(rng, p, heavy, rewritten, filler or [])
                                 for p in section.paragraphs)
        if section.kind == "重点任务" and len(section.children) > 2 and rng.random() < 0.7:
            rng.shuffle(section.children)
    _renumber(out.document.sections, 1)
    new_index = {id(s): i for i, s in _indexed_sections(out.document)}
    for section in out.document.walk():
        if getattr(section, "_origin", None) is not None:
            out.truth.add((section._origin, new_index[id(section)]))
    return out


def _indexed_sections(doc: Document) -> list[tuple[int, Section]]:
    """Each section with its block index (blocks_of counts a preamble label first)."""
    offset = len(blocks_of(doc)) - len(list(doc.walk()))
    return [(offset + i, s) for i, s in enumerate(doc.walk())]


def _copy(section: Section, origin: dict[int, int]) -> Section:
    new = Section(section.marker, section.title, section.level, section.kind, section.body,
                  [_copy(c, origin) for c in section.children])
    new._origin = origin.get(id(section))
    return new


def _flatten(doc: Document) -> bool:
    """一、总体要求 holding (一)指导思想 … becomes 一、指导思想 二、基本原则 … (the umbrella goes)."""
    for i, top in enumerate(doc.sections):
        if top.kind == "总体要求" and top.children:
            children = top.children
            if top.body.strip():
                children[0].body = top.body + "\n" + children[0].body
            for child in children:
                _shift(child, -1)
            doc.sections[i : i + 1] = children
            return True
    return False


def _nest(doc: Document) -> bool:
    """Flat 一、指导思想 二、基本原则 三、工作目标 go under a new 一、总体要求."""
    run = [i for i, s in enumerate(doc.sections) if s.kind in _GUIDING_KINDS]
    if len(run) < 2 or run != list(range(run[0], run[0] + len(run))):
        return False
    members = doc.sections[run[0] : run[-1] + 1]
    for member in members:
        _shift(member, 1)
    umbrella = Section("", "总体要求", 1, "总体要求", "", members)
    umbrella._origin = None
    doc.sections[run[0] : run[-1] + 1] = [umbrella]
    return True


def _shift(section: Section, delta: int) -> None:
    for s in section.walk():
        s.level = max(1, s.level + delta)


def _renumber(siblings: list[Section], level: int) -> None:
    for position, section in enumerate(siblings, start=1):
        section.marker = marker(min(section.level, 4), position)
        _renumber(section.children, level + 1)


def _reword(rng: random.Random, text: str) -> str:
    pairs = [(a, b) for a, b in SYNONYMS if a in text] + [(b, a) for a, b in SYNONYMS if b in text]
    for old, new in rng.sample(pairs, min(2, len(pairs))):
        text = text.replace(old, new, 1)
    return text


def _rewrite_paragraph(rng: random.Random, text: str, heavy: bool, rewritten: bool, filler: list[str]) -> str:
    sentences = _SENTENCE.findall(text)
    if len(sentences) > 2:
        drop = 0.5 if rewritten else 0.25
        sentences = [s for s in sentences if rng.random() >= drop] or sentences[:1]
    if rewritten:
        sentences = [_some_clauses(rng, s) for s in sentences]
    if filler and rng.random() < 0.2:
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(filler))
    if heavy:
        rng.shuffle(sentences)
        sentences = [_reword_verbs(rng, s) for s in sentences]
    return "".join(sentences) or text


def _some_clauses(rng: random.Random, sentence: str) -> str:
    clauses = re.split(r"(?<=[,，、])", sentence)
    kept = [c for c in clauses if rng.random() < 0.6] or clauses[:1]
    return _reword(rng, "".join(kept))


def _reword_verbs(rng: random.Random, sentence: str) -> str:
    for verb in VERBS:
        if verb in sentence and rng.random() < 0.6:
            sentence = sentence.replace(verb, rng.choice([v for v in VERBS if v != verb]))
    return sentence


def filler_sentences(doc: Document, limit: int = 40) -> list[str]:
    """Sentences of an unrelated plan, to add to a rewritten one."""
    out = [s for section in doc.walk() for p in section.paragraphs for s in _SENTENCE.findall(p) if len(s) > 15]
    return out[:limit]


def predicted_pairs(comparison, a: Document, b: Document) -> set[tuple[int, int]]:  # noqa: ANN001
    """The section pairs a Comparison shows, as (A block, B block)."""
    heading_a = {x.heading_pos: x.index for x in blocks_of(a) if not x.is_label}
    heading_b = {y.heading_pos: y.index for y in blocks_of(b) if not y.is_label}
    return {
        (heading_a[s.a_pos], heading_b[s.b_pos])
        for s in comparison.sections
        if s.a_pos is not None and s.b_pos is not None
    }


def levels(doc: Document) -> dict[int, int]:
    return {x.index: x.level for x in blocks_of(doc)}


def reparsed(rewritten: Rewritten) -> Rewritten:
    """The rewritten plan as text read back through the outline parser (kinds and levels as the
    parser sees them), its truth carried over by matching the headings in order."""
    from difflib import SequenceMatcher

    from drafter.compare.units import document_lines
    from drafter.reader import parse_plans

    doc = rewritten.document
    title = doc.plan_title or doc.title or ""
    parsed = max(parse_plans("\n".join([title, *document_lines(doc)])), key=lambda d: len(d.headings()))
    before = [(y.index, y.heading) for y in blocks_of(doc) if not y.is_label]
    after = [(y.index, y.heading) for y in blocks_of(parsed) if not y.is_label]
    mapping: dict[int, int] = {}
    matcher = SequenceMatcher(None, [h for _, h in before], [h for _, h in after], autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapping[before[block.a + k][0]] = after[block.b + k][0]
    truth = {(i, mapping[j]) for i, j in rewritten.truth if j in mapping}
    return Rewritten(parsed, truth, rewritten.flattened, rewritten.nested)

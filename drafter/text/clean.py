"""Cleaning scraped plan text, with every change accounted for.

`clean(raw)` runs small steps in order (HTML → pinyin → 繁→简 → spam and boilerplate → layout).
Each step returns its edits on its input; positions of earlier removals are carried forward, so every
`Change.at` is an offset into the final cleaned text. Deletions of anything but whitespace are each
listed in `removed`; whitespace normalisation is only counted. Garbled spans are kept and listed in
`warnings`, as are spots where spam was cut out of a sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from drafter.text import clean_html, clean_layout, lazy_re
from drafter.text.clean_boilerplate import remove_boilerplate
from drafter.text.clean_pinyin import TONED, remove_pinyin
from drafter.text.clean_simplified import to_simplified
from drafter.text.clean_spam import find_spam
from drafter.text.edits import Edit, PositionMap, apply_edits, deletes_whole_lines, lines_with_offsets
from drafter.text.garbled import find_garbled

Step = Callable[[str], list[Edit]]
MAX_ROUNDS = 8  # removing one kind of junk can reveal another: repeat a stage until it settles
CONTEXT = 4  # characters either side of a spam cut shown in its warning


@dataclass
class Change:
    what: str  # html, pinyin, spam, boilerplate, bullet, separator, invisible, control; garbled, spam-cut
    at: int  # offset in the cleaned text where it stood (removals) or starts (warnings)
    text: str


@dataclass
class Cleaned:
    text: str
    removed: list[Change] = field(default_factory=list)
    warnings: list[Change] = field(default_factory=list)
    converted: int = 0  # characters changed from traditional to simplified
    whitespace: int = 0  # whitespace characters removed or normalised (reported only in aggregate)


class _Pass:
    """The text being cleaned, the removals so far, and positions still to report (spam cuts)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.removed: list[Change] = []
        self.cuts: list[int] = []
        self.converted = 0
        self.whitespace = 0
        self._settled: dict[Step, str] = {}  # step → the text it last ran on and left unchanged

    def run(self, step: Step) -> bool:
        """Make one step's edits; True if it changed anything. A step is a function of the text, so
        one that changed nothing is not run again on the same text (rounds end sooner)."""
        text = self.text
        if self._settled.get(step) is text:  # the very same string: nothing changed it since
            return False
        if step in _TEXT_TWINS and not (self.removed or self.cuts):
            changed = self._rewrite(step, _TEXT_TWINS[step](text))
        else:
            edits = step(text)
            changed = bool(edits)
            self._settle(step, text, edits, self.apply(edits))
        if changed and step is clean_layout.strip_line_ends:
            self._carry(text, _BLIND_TO_EDGE_SPACES)
        return changed

    def cut_spam(self) -> bool:
        """Spam lines removed, spam inside a sentence cut out (each cut kept for a warning)."""
        text = self.text
        if self._settled.get(find_spam) is text:
            return False
        edits, cuts = find_spam(text)
        self.cuts.extend(c.at for c in cuts)  # input offsets: moved by the spam edits themselves
        self._settle(find_spam, text, edits, self.apply(edits))
        return bool(edits)

    def _settle(self, step: object, text: str, edits: list[Edit], changed: bool) -> None:
        """Note the text `step` has nothing more to do on: the one it found nothing in, or its own
        output when running it again there would find nothing (see `_IDEMPOTENT`, `_LINE_LOCAL`)."""
        if not changed:
            self._settled[step] = text
        elif step in _IDEMPOTENT or (step in _LINE_LOCAL and deletes_whole_lines(text, edits)):
            self._settled[step] = self.text

    def _rewrite(self, step: Step, new: str) -> bool:
        """A step's output made by its text twin: only unreported whitespace removed, counted."""
        if new == self.text:
            self._settled[step] = self.text
            return False
        self.whitespace += len(self.text) - len(new)
        self.text = new
        if step in _IDEMPOTENT:
            self._settled[step] = new
        return True

    def apply(self, edits: list[Edit]) -> bool:
        if not edits:
            return False
        old = self.text
        moved = PositionMap(edits)
        if self.removed:
            for change, at in zip(self.removed, moved.map_all([c.at for c in self.removed])):
                change.at = at
        if self.cuts:
            self.cuts = moved.map_all(self.cuts)
        removed = self.removed
        for e, at in zip(edits, moved.new_starts()):
            gone = old[e.start : e.end]
            if e.what and (kept := gone.strip()):
                removed.append(Change(e.what, at, kept))
            else:
                self.whitespace += len(gone)
        self.text = apply_edits(old, edits)
        if deletes_whole_lines(old, edits):  # every other line is as it was: line-local steps stay settled
            self._carry(old, _LINE_LOCAL)
        return True

    def _carry(self, old: str, steps: frozenset[object]) -> None:
        """Those of `steps` settled on `old` are settled on the text made from it."""
        for step, settled in self._settled.items():
            if settled is old and step in steps:
                self._settled[step] = self.text


def clean(raw: str) -> Cleaned:
    """The cleaned text of `raw`, every removal and every garbled span with its position."""
    p = _Pass(raw)
    p.run(clean_layout.normalise_line_breaks)
    _clean_markup(p)
    _to_simplified(p)
    _remove_chrome(p)
    _settle_markup_and_chrome(p)
    for step in _LAYOUT_STEPS:
        p.run(step)
    p.removed.sort(key=lambda c: c.at)
    return Cleaned(p.text, p.removed, _warnings(p), p.converted, p.whitespace)


# Line starts settled before boilerplate and spam are judged line by line.
_LINE_START_STEPS: list[Step] = [
    clean_layout.split_separators,
    clean_layout.strip_line_ends,
    clean_layout.remove_bullets,
    clean_layout.collapse_spaces,
]
# Cutting spam can leave spaces, bullets and blank lines behind: tidy after it.
_LAYOUT_STEPS: list[Step] = [
    clean_layout.strip_line_ends,
    clean_layout.remove_bullets,
    clean_layout.collapse_spaces,
    clean_layout.collapse_blank_lines,
    clean_layout.trim_text,
]


# Steps that judge each line on its own (what they find never spans a line break nor depends on
# another line): deleting whole lines leaves them nothing new to do, and one whose edits were all
# whole-line deletions has nothing left to do on its output (every line left gave it no edit). Most
# plans lose a few chrome lines in the first round: the second round then runs only what must.
_LINE_LOCAL: frozenset[object] = frozenset(
    {
        clean_layout.split_separators,
        clean_layout.strip_line_ends,
        clean_layout.remove_bullets,
        clean_layout.collapse_spaces,
        find_spam,
        remove_boilerplate,
    }
)
# Steps that find nothing in their own output (a stripped line has no edge spaces, a collapsed run
# is one plain space).
_IDEMPOTENT: frozenset[object] = frozenset({clean_layout.strip_line_ends, clean_layout.collapse_spaces})
# Line-local steps that find nothing in a line they found nothing in once its edge spaces are gone
# (no separator run, no bullet opening the line after its spaces, no run of spaces but single plain
# ones): stripping line ends leaves them settled.
_BLIND_TO_EDGE_SPACES: frozenset[object] = frozenset(
    {clean_layout.split_separators, clean_layout.remove_bullets, clean_layout.collapse_spaces}
)
# Steps whose edits are unreported deletions, with a twin giving their output at once: used when no
# earlier position needs carrying through the edits (a plain text file's first strip of every line).
_TEXT_TWINS: dict[Step, Callable[[str], str]] = {
    clean_layout.strip_line_ends: clean_layout.stripped_line_ends
}


# Removing any of these can re-form another (`<b\u200b>` is a tag once the zero-width space is gone,
# `&#8203;` decodes to one, `<(ī)p>` is a tag once the pinyin is gone, `醫((ǎ)ī)` holds two
# annotations): they run in rounds until a round changes nothing, so a second clean finds nothing.
_MARKUP_STEPS: list[Step] = [
    clean_layout.remove_invisible,
    clean_layout.remove_controls,
    clean_html.remove_junk_elements,
    clean_html.remove_junk_lines,
    clean_html.decode_entities,
    clean_html.strip_tags,
    clean_layout.normalise_line_breaks,
    remove_pinyin,
]


# The characters each markup step needs to find anything: a tag's or a junk element's `<`, an
# entity's `&`, a line break to normalise, an invisible or a control character, pinyin's tone mark.
_NEEDS: dict[Step, str] = {
    clean_layout.remove_invisible: clean_layout.INVISIBLE_CLASS,
    clean_layout.remove_controls: clean_layout.CONTROL_CLASS,
    clean_html.remove_junk_elements: "<",
    clean_html.remove_junk_lines: "<",
    clean_html.decode_entities: "&",
    clean_html.strip_tags: "<",
    clean_layout.normalise_line_breaks: "\r\u2028\u2029\x85",
    remove_pinyin: TONED,
}
_MARKUP_TRIGGER_RE = lazy_re.compile(f"[{''.join(_NEEDS.values())}]")
_NEEDS_RE = {step: lazy_re.compile(f"[{chars}]") for step, chars in _NEEDS.items()}


def _markup_steps(text: str) -> list[Step]:
    """The markup steps that can find anything in `text`: those whose characters it holds. Only
    decoding an entity makes a character (`&lt;` → `<`): with an `&`, all of them."""
    first = _MARKUP_TRIGGER_RE.search(text)
    if not first:  # most plans hold no markup at all: one search
        return []
    if "&" in text:
        return _MARKUP_STEPS
    held = "".join(set(_MARKUP_TRIGGER_RE.findall(text, first.start())))
    return [step for step in _MARKUP_STEPS if _NEEDS_RE[step].search(held)]


def _clean_markup(p: _Pass) -> None:
    """Invisible characters, HTML (junk elements, tag-only lines, entities, tags) and pinyin."""
    steps = _markup_steps(p.text)
    if not steps:
        return
    if clean_layout.remove_invisible in steps:
        p.run(clean_layout.remove_invisible)
    if clean_html.looks_like_html_document(p.text):
        p.run(clean_html.remove_junk_elements)
        p.run(clean_html.join_source_lines)
    for _ in range(MAX_ROUNDS):
        changed = False
        for step in steps:
            changed |= p.run(step)
        if not changed:
            break


def _settle_markup_and_chrome(p: _Pass) -> None:
    """Cutting chrome can make markup of what was none (`<m-----">`: a separator cut leaves a tag
    broken over two lines); clean again until neither finds more, so a second clean changes nothing.
    Most texts hold none of markup's characters by now: one scan for them, and done."""
    for _ in range(MAX_ROUNDS):
        before = p.text
        _clean_markup(p)
        if p.text is before:
            return
        _to_simplified(p)
        _remove_chrome(p)


def _remove_chrome(p: _Pass) -> None:
    """Spam and boilerplate, until nothing more comes off (cutting one can reveal the other)."""
    for _ in range(MAX_ROUNDS):
        changed = False
        for step in _LINE_START_STEPS:
            changed |= p.run(step)
        changed |= p.cut_spam()
        changed |= p.run(remove_boilerplate)
        if not changed:
            break


def _to_simplified(p: _Pass) -> None:
    """Traditional → simplified (OpenCC). A replacement, not a removal: only counted."""
    converted = to_simplified(p.text)
    if converted == p.text:
        return
    if len(converted) == len(p.text):  # the usual case: character for character, positions unchanged
        p.converted += sum(map(str.__ne__, p.text, converted))
        p.text = converted
        return
    # A phrase conversion changed a length: replace line by line (positions inside map to the line).
    edits = []
    for (pos, line), new in zip(lines_with_offsets(p.text), converted.split("\n")):
        body = line.rstrip("\n")
        if body != new:
            p.converted += max(len(body), len(new))
            edits.append(Edit(pos, pos + len(body), new))
    whitespace = p.whitespace
    p.apply(edits)
    p.whitespace = whitespace


def _warnings(p: _Pass) -> list[Change]:
    text = p.text
    warnings = [Change("garbled", s.start, text[s.start : s.end]) for s in find_garbled(text)]
    for at in p.cuts:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        start = max(line_start, at - CONTEXT)
        warnings.append(Change("spam-cut", start, text[start : min(line_end, at + CONTEXT)]))
    warnings.sort(key=lambda c: c.at)
    return warnings

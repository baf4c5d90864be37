"""Inline diff of two paragraphs: whole words, then a closer look inside a replaced pair of words.

The diff runs on the canonical form of both texts (drafter.text.normalize), so a difference that
vanishes there comes out as `~` (unimportant). Words are the segmenter's, with place names, unit
names and policy terms joined into one word each (drafter.compare.terms), diffed with
diff-match-patch over token-encoded strings (one character per distinct word — its linesToChars
trick). A replaced run of words is then looked at more closely when that shows a readable shared
core: first by the words inside joined terms (分级诊疗 → 分级诊疗制度 shows + 制度), then — in
paragraphs, not headings — by characters inside a long word (医疗机构 → 医疗卫生机构), never cutting a
place or unit name. A last cleanup folds one-character equalities between edits into them, so a
rewritten phrase reads as one change instead of confetti, while edits separated by a real word stay
apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diff_match_patch import diff_match_patch

from drafter.compare.model import Op
from drafter.compare.terms import atomic_tokens, spans_of, word_tokens
from drafter.text.normalize import DEFAULT_OPTIONS, Normalized, UnimportantOptions, normalize

DELETE, EQUAL, INSERT = -1, 0, 1
_NUMBER = re.compile(r"^[\d.%％]+$")
Diff = list[tuple[int, str]]

_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0.5  # a safety net: aligned paragraphs are similar, so diffs finish far sooner


def diff_texts(
    a: str, b: str, *, granularity: str = "word", options: UnimportantOptions = DEFAULT_OPTIONS,
    headings: bool = False,
) -> list[Op]:
    """Ops that rebuild `a` (=, -, first text of ~) and `b` (=, +, second text of ~) exactly.

    `headings`: the texts are headings or titles, compared by whole words only."""
    return list(_diff_texts_cached(a, b, granularity, options, headings))


@lru_cache(maxsize=4096)
def _diff_texts_cached(a: str, b: str, granularity: str, options: UnimportantOptions,
                       headings: bool = False) -> tuple[Op, ...]:
    if a == b:
        return (Op("=", a, a),) if a else ()
    na, nb = normalize(a, options), normalize(b, options)
    if granularity == "char":
        canon = char_diff(na.text, nb.text)
    else:
        canon = fold_confetti(refine(word_diff(na.text, nb.text), na.text, nb.text, chars=not headings))
    return tuple(_merge(_to_source_ops(canon, na, nb)))


def word_diff(a: str, b: str) -> Diff:
    """diff-match-patch over whole words (drafter.compare.terms.word_tokens), each one character."""
    return token_diff(word_tokens(a), word_tokens(b))


def token_diff(tokens_a: tuple[str, ...], tokens_b: tuple[str, ...]) -> Diff:
    codes: dict[str, str] = {}
    words: list[str] = []
    enc_a, enc_b = _encode(tokens_a, codes, words), _encode(tokens_b, codes, words)
    diffs = _dmp.diff_main(enc_a, enc_b, False)
    return [(tag, "".join(words[_code_index(c)] for c in text)) for tag, text in diffs]


def char_diff(a: str, b: str) -> Diff:
    diffs = _dmp.diff_main(a, b, False)
    _dmp.diff_cleanupMerge(diffs)
    return diffs


def refine(diffs: Diff, a: str, b: str, *, chars: bool = True) -> Diff:
    """Look inside each replaced run of words (a deletion next to an insertion) for a shared core:
    by the words inside joined terms, then (with `chars`) by characters inside long words. A
    refinement that would cut a place or unit name of `a` or `b` is not taken."""
    out: Diff = []
    pa = pb = 0  # where the current diff starts in a and in b
    i = 0
    while i < len(diffs):
        if i + 1 < len(diffs) and {diffs[i][0], diffs[i + 1][0]} == {DELETE, INSERT}:
            deleted = diffs[i][1] if diffs[i][0] == DELETE else diffs[i + 1][1]
            inserted = diffs[i + 1][1] if diffs[i][0] == DELETE else diffs[i][1]
            out.extend(_refine_pair(deleted, inserted, (a, pa), (b, pb), chars))
            pa, pb, i = pa + len(deleted), pb + len(inserted), i + 2
            continue
        tag, text = diffs[i]
        out.append(diffs[i])
        pa += len(text) if tag != INSERT else 0
        pb += len(text) if tag != DELETE else 0
        i += 1
    return out


def refine_by_chars(diffs: Diff) -> Diff:
    """Character refinement of every replaced run (no names to protect: the texts are the runs)."""
    text_a = "".join(t for tag, t in diffs if tag != INSERT)
    text_b = "".join(t for tag, t in diffs if tag != DELETE)
    return refine(diffs, text_a, text_b)


def _refine_pair(deleted: str, inserted: str, at_a: tuple[str, int], at_b: tuple[str, int], chars: bool) -> Diff:
    plain = [(DELETE, deleted), (INSERT, inserted)]
    words_d, words_i = atomic_tokens(deleted), atomic_tokens(inserted)
    if len(words_d) > 1 or len(words_i) > 1:
        by_words = fold_confetti(token_diff(words_d, words_i))
        if _worth_showing(by_words, deleted, inserted, minimum=2) and _keeps_names(by_words, at_a, at_b):
            return by_words
    # characters only inside long words: at most two words a side, one of three characters or more;
    # a number is a word (2017 → 2026, not 20[-17][+26])
    if not chars or len(words_d) > 2 or len(words_i) > 2 or max(map(len, words_d + words_i)) < 3:
        return plain
    if _NUMBER.match(deleted) or _NUMBER.match(inserted):
        return plain
    by_chars = fold_confetti(char_diff(deleted, inserted))
    if _worth_showing(by_chars, deleted, inserted, minimum=1) and _keeps_names(by_chars, at_a, at_b):
        return by_chars
    return plain


def _worth_showing(diffs: Diff, deleted: str, inserted: str, *, minimum: int) -> bool:
    # only a substantial shared core is worth showing; scattered common characters are noise
    shared = sum(len(text) for tag, text in diffs if tag == EQUAL)
    return shared >= minimum and shared * 2 >= min(len(deleted), len(inserted))


def _keeps_names(diffs: Diff, at_a: tuple[str, int], at_b: tuple[str, int]) -> bool:
    """No cut between two of `diffs` falls inside a place or unit name of either text."""
    (a, pa), (b, pb) = at_a, at_b
    spans_a, spans_b = spans_of(a), spans_of(b)
    for tag, text in diffs[:-1]:
        pa += len(text) if tag != INSERT else 0
        pb += len(text) if tag != DELETE else 0
        if spans_a.inside_hard(pa) or spans_b.inside_hard(pb):
            return False
    return True


def fold_confetti(diffs: Diff) -> Diff:
    """Fold tiny equalities sitting between edits into the edits around them.

    One character always folds; two characters fold only between large edits (≥ 6 characters on
    each side), where they are coincidence rather than a kept word. Longer equalities never fold,
    so separate edits are not merged into one.
    """
    diffs = list(diffs)
    changed = True
    while changed:
        changed = False
        for i in range(1, len(diffs) - 1):
            tag, text = diffs[i]
            if tag != EQUAL or not _tiny(text, _edit_size(diffs, i, -1), _edit_size(diffs, i, 1)):
                continue
            diffs[i : i + 1] = [(DELETE, text), (INSERT, text)]
            diffs = _merge_edits(diffs)
            changed = True
            break
    return diffs


def _tiny(text: str, before: int, after: int) -> bool:
    if not before or not after:
        return False
    return len(text) <= 1 or (len(text) == 2 and min(before, after) >= 6)


def _edit_size(diffs: Diff, i: int, step: int) -> int:
    """The larger side (deleted or inserted) of the run of edits next to position `i`."""
    sizes = {DELETE: 0, INSERT: 0}
    j = i + step
    while 0 <= j < len(diffs) and diffs[j][0] != EQUAL:
        sizes[diffs[j][0]] += len(diffs[j][1])
        j += step
    return max(sizes.values())


def _merge_edits(diffs: Diff) -> Diff:
    """Join each run of edits between equalities into one deletion then one insertion."""
    out: Diff = []
    deleted, inserted = [], []
    for tag, text in [*diffs, (EQUAL, "")]:
        if tag == DELETE:
            deleted.append(text)
        elif tag == INSERT:
            inserted.append(text)
        else:
            if deleted:
                out.append((DELETE, "".join(deleted)))
            if inserted:
                out.append((INSERT, "".join(inserted)))
            deleted, inserted = [], []
            if text:
                out.append((EQUAL, text))
    return out


def _to_source_ops(canon: Diff, na: Normalized, nb: Normalized) -> list[Op]:
    """Cut the original texts at the canonical diff's boundaries; equal spans that differ there
    differ only unimportantly and become `~`."""
    ops: list[Op] = []
    ka = kb = 0  # positions in canonical text
    sa = sb = 0  # positions in source text
    for tag, text in canon:
        end_ka = ka + (len(text) if tag != INSERT else 0)
        end_kb = kb + (len(text) if tag != DELETE else 0)
        # a side that does not advance keeps its position (its leading whitespace waits for it)
        end_sa = _boundary(na, end_ka) if end_ka > ka else sa
        end_sb = _boundary(nb, end_kb) if end_kb > kb else sb
        piece_a, piece_b = na.source[sa:end_sa], nb.source[sb:end_sb]
        if tag == EQUAL:
            ops.extend(_equal_ops(na, nb, ka, kb, len(text), (sa, end_sa), (sb, end_sb)))
        elif tag == DELETE:
            ops.append(Op("-", piece_a, ""))
        else:
            ops.append(Op("+", "", piece_b))
        ka, kb, sa, sb = end_ka, end_kb, end_sa, end_sb
    if sa < len(na.source) or sb < len(nb.source):  # trailing whitespace dropped by normalizing
        ops.append(_same_or_unimportant(na.source[sa:], nb.source[sb:]))
    return ops


def _boundary(n: Normalized, k: int) -> int:
    # whitespace belongs to the span before it; what trails the last character is added at the end
    return n.to_source(k) if k < len(n.text) else (n.origin[-1] + 1 if n.origin else 0)


def _equal_ops(na: Normalized, nb: Normalized, ka: int, kb: int, length: int, span_a: tuple[int, int],
               span_b: tuple[int, int]) -> list[Op]:
    """Ops for a canonical equality: its characters pair up one to one, each with the whitespace
    before it; a pair whose original text differs is `~`."""
    (sa, end_a), (sb, end_b) = span_a, span_b
    if na.source[sa:end_a] == nb.source[sb:end_b]:
        return [Op("=", na.source[sa:end_a], na.source[sa:end_a])] if end_a > sa else []
    ops: list[Op] = []
    for j in range(length):
        next_a, next_b = na.origin[ka + j] + 1, nb.origin[kb + j] + 1
        ops.append(_same_or_unimportant(na.source[sa:next_a], nb.source[sb:next_b]))
        sa, sb = next_a, next_b
    ops.append(_same_or_unimportant(na.source[sa:end_a], nb.source[sb:end_b]))
    return ops


def _same_or_unimportant(a: str, b: str) -> Op:
    return Op("=", a, b) if a == b else Op("~", a, b)


def _merge(ops: list[Op]) -> list[Op]:
    """Join neighbours with the same tag and drop empty ops."""
    out: list[Op] = []
    for op in ops:
        if not op.a and not op.b:
            continue
        if out and out[-1].tag == op.tag:
            last = out[-1]
            out[-1] = Op(op.tag, last.a + op.a, last.b + op.b)
        else:
            out.append(op)
    return out


def _encode(tokens: tuple[str, ...], codes: dict[str, str], words: list[str]) -> str:
    out = []
    for token in tokens:
        code = codes.get(token)
        if code is None:
            code = _code_char(len(words))
            codes[token] = code
            words.append(token)
        out.append(code)
    return "".join(out)


def _code_char(i: int) -> str:
    # skip the surrogate block: those code points are not valid characters on their own
    return chr(0x100 + i) if i < 0xD800 - 0x100 else chr(0x10000 + i)


def _code_index(c: str) -> int:
    o = ord(c)
    return o - 0x100 if o < 0xD800 else o - 0x10000


def rebuild(ops: list[Op], side: str) -> str:
    """The text of side `a` or `b` as the ops give it back."""
    if side == "a":
        return "".join(op.a for op in ops)
    return "".join(op.b for op in ops)

"""Inline diff of two paragraphs: jieba words, then characters inside changed words.

The diff runs on the canonical form of both texts (drafter.text.normalize), so a difference that
vanishes there comes out as `~` (unimportant). Words are diffed with diff-match-patch over
token-encoded strings (one character per distinct word — its linesToChars trick); a replaced run of
words is then re-diffed by characters when that shows a readable shared core (医疗机构 → 医疗卫生机构).
A last cleanup folds one-character equalities between edits into them, so a rewritten phrase reads
as one change instead of confetti, while edits separated by a real word stay apart.
"""

from __future__ import annotations

from functools import lru_cache

from diff_match_patch import diff_match_patch

from drafter.compare.model import Op
from drafter.text.normalize import DEFAULT_OPTIONS, Normalized, UnimportantOptions, normalize
from drafter.text.tokens import tokenize_cached

DELETE, EQUAL, INSERT = -1, 0, 1
Diff = list[tuple[int, str]]

_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0.5  # a safety net: aligned paragraphs are similar, so diffs finish far sooner


def diff_texts(
    a: str, b: str, *, granularity: str = "word", options: UnimportantOptions = DEFAULT_OPTIONS
) -> list[Op]:
    """Ops that rebuild `a` (=, -, first text of ~) and `b` (=, +, second text of ~) exactly."""
    return list(_diff_texts_cached(a, b, granularity, options))


@lru_cache(maxsize=4096)
def _diff_texts_cached(a: str, b: str, granularity: str, options: UnimportantOptions) -> tuple[Op, ...]:
    if a == b:
        return (Op("=", a, a),) if a else ()
    na, nb = normalize(a, options), normalize(b, options)
    if granularity == "char":
        canon = char_diff(na.text, nb.text)
    else:
        canon = fold_confetti(refine_by_chars(word_diff(na.text, nb.text)))
    return tuple(_merge(_to_source_ops(canon, na, nb)))


def word_diff(a: str, b: str) -> Diff:
    """diff-match-patch over jieba words, each distinct word encoded as one character."""
    tokens_a, tokens_b = tokenize_cached(a), tokenize_cached(b)
    codes: dict[str, str] = {}
    words: list[str] = []
    enc_a, enc_b = _encode(tokens_a, codes, words), _encode(tokens_b, codes, words)
    diffs = _dmp.diff_main(enc_a, enc_b, False)
    return [(tag, "".join(words[_code_index(c)] for c in text)) for tag, text in diffs]


def char_diff(a: str, b: str) -> Diff:
    diffs = _dmp.diff_main(a, b, False)
    _dmp.diff_cleanupMerge(diffs)
    return diffs


def refine_by_chars(diffs: Diff) -> Diff:
    """Re-diff each replaced run of words by characters when they share most of their characters."""
    out: Diff = []
    i = 0
    while i < len(diffs):
        if i + 1 < len(diffs) and {diffs[i][0], diffs[i + 1][0]} == {DELETE, INSERT}:
            deleted = diffs[i][1] if diffs[i][0] == DELETE else diffs[i + 1][1]
            inserted = diffs[i + 1][1] if diffs[i][0] == DELETE else diffs[i][1]
            out.extend(_refine_pair(deleted, inserted))
            i += 2
        else:
            out.append(diffs[i])
            i += 1
    return out


def _refine_pair(deleted: str, inserted: str) -> Diff:
    plain = [(DELETE, deleted), (INSERT, inserted)]
    chars = fold_confetti(char_diff(deleted, inserted))
    shared = sum(len(text) for tag, text in chars if tag == EQUAL)
    # only a substantial shared core is worth showing; scattered common characters are noise
    return chars if shared * 2 >= min(len(deleted), len(inserted)) and shared else plain


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

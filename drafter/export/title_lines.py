"""Breaking a 2号 title into lines (GB/T 9704 §7.3.1): between words, never inside one (jieba gives
the words), 词意完整, 排列对称, 长短适宜, in a 梯形 (each line no shorter, or no longer, than the one
above) or 菱形 (longest in the middle) shape — never a 沙漏 (a middle line shorter than both ends).

Every break of the title at word boundaries into the fewest lines that fit (and one line more) is
scored; the cheapest wins. Titles are short (under 80 characters, a dozen or two words), so the
search is a few thousand candidates at most.
"""

from __future__ import annotations

import itertools
import math
import re
from functools import lru_cache

from drafter.export.layout import TITLE_CHARS_PER_LINE, text_width_chars

# Words a line should not start with (they lean on what comes before) or end with (they lean on
# what follows), and words a line is good to start with (a new part of the title's meaning).
_NO_START = ("的", "之", "和", "与", "及", "等", "暨", "》", "）", "、", "，", "”")
_NO_END = ("关于", "《", "（", "“", "对", "在", "进一步", "的")
_AFTER_VERB = ("印发", "转发", "关于")  # what follows them is one name: the document's own title
_GOOD_START = ("关于", "印发", "转发")
_MAX_LINES = 5
_MAX_WORDS = 40


def title_lines(title: str, width: int = TITLE_CHARS_PER_LINE) -> list[str]:
    """The title's lines; an author's own line breaks (`\\n`) are kept as they are."""
    title = title.strip()
    if "\n" in title:
        return [line.strip() for line in title.split("\n") if line.strip()]
    segments = title.split()
    if len(segments) > 1 and all(_printed_width(seg) <= width for seg in segments):
        return segments  # a space inside a title is where its author broke it (scraped titles)
    title = "".join(segments)
    if _printed_width(title) <= width:
        return [title] if title else []
    words = _words(title)
    fewest = math.ceil(text_width_chars(title) / width)
    best: tuple[float, list[str]] | None = None
    for count in range(fewest, min(fewest + 1, _MAX_LINES) + 1):
        for lines in _breaks(words, count):
            if max(_printed_width(line) for line in lines) > width:
                continue
            cost = _cost(lines, width) + 3.0 * (count - fewest)
            if best is None or cost < best[0]:
                best = (cost, lines)
    return best[1] if best else _by_width(title, width)


def _words(title: str) -> list[str]:
    """jieba's words, with punctuation glued to the word it belongs to, capped for the search."""
    from drafter.text.tokens import tokenize

    words: list[str] = []
    for token in tokenize(title):
        if words and (token[0] in "》）”、，" or words[-1][-1] in "《（“"):
            words[-1] += token
        else:
            words.append(token)
    while len(words) > _MAX_WORDS:  # merge the shortest neighbours: still no break inside a word
        i = min(range(len(words) - 1), key=lambda k: len(words[k]) + len(words[k + 1]))
        words[i : i + 2] = [words[i] + words[i + 1]]
    return words


def _breaks(words: list[str], count: int):
    for cuts in itertools.combinations(range(1, len(words)), count - 1):
        bounds = (0, *cuts, len(words))
        yield ["".join(words[a:b]).strip() for a, b in itertools.pairwise(bounds)]


def _cost(lines: list[str], width: int) -> float:
    lengths = [text_width_chars(line) for line in lines]
    cost = _shape_cost(lengths)
    longest = max(lengths)
    cost += sum(((longest - n) / width) ** 2 for n in lengths)  # 长短适宜: no line much shorter
    if lengths[-1] < min(4, longest / 3):
        cost += 4.0  # an orphan word (`通知`) alone on the last line
    for above, below in itertools.pairwise(lines):
        if below.startswith(_NO_START) or above.endswith(_NO_END):
            cost += 5.0
        if below.startswith(_GOOD_START) or above.endswith(_AFTER_VERB):
            cost -= 0.5
    opened, at = 0, 0
    name = _issued_name(lines)
    organs = _organ_ends(lines)
    for line in lines[:-1]:
        opened += line.count("《") - line.count("》")
        at += len(line)
        if opened > 0:
            cost += 1.0  # a break inside 《…》 splits the name of a document
        elif name[0] < at < name[1]:
            cost += 0.6  # so does one inside the name after 印发 (… 印发 X 的通知)
        elif at < organs[-1] and at not in organs:
            cost += 1.0  # or inside an issuer's name (`…滨江` / `市人民政府办公室…`)
        elif at in organs[:-1]:
            cost -= 0.5  # between joint issuers: where the title's meaning turns
    return cost


# The organs that open a notice's title (`中共滨江市委办公室滨江市人民政府办公室关于印发…`): a name, then
# the suffix of an organ; one name never ends inside a longer suffix (`…卫生健康委` + `员会…`).
_SUFFIXES = ("委办公室", "委办公厅", "人民政府办公厅", "人民政府办公室", "人民政府", "办公厅", "办公室", "委员会",
             "领导小组", "卫生健康委", "局", "厅", "委")  # fmt: skip
_ORGAN = re.compile(rf"(?:中共)?[\u4e00-\u9fff]{{2,30}}?(?:{'|'.join(_SUFFIXES)})")
_MAX_ORGAN = 40  # characters


def _organ_ends(lines: list[str]) -> tuple[int, ...]:
    """Offsets where each issuer's name at the title's start ends, in the most names that make up
    all the words before 关于/印发 ([0] when they are no organs' names)."""
    return _organ_ends_in("".join(lines))


@lru_cache(maxsize=64)  # every candidate break of one title asks again
def _organ_ends_in(title: str) -> tuple[int, ...]:
    head = re.split(r"关于|印发|转发", title, maxsplit=1)[0]
    if not head or len(head) == len(title):
        return (0,)
    inside = {i for suffix in _SUFFIXES for m in re.finditer(suffix, head) for i in range(m.start() + 1, m.end())}
    reach: dict[int, list[int]] = {0: []}
    for a in range(len(head)):
        if a not in reach:
            continue
        for b in range(a + 3, min(len(head), a + _MAX_ORGAN) + 1):
            if b in inside or not _ORGAN.fullmatch(head, a, b):
                continue
            if b not in reach or len(reach[a]) + 1 > len(reach[b]):
                reach[b] = [*reach[a], b]
    return tuple(reach.get(len(head)) or [0])


def _issued_name(lines: list[str]) -> tuple[int, int]:
    """Where the issued document's name lies in a 关于印发/转发 X 的通知 title (offsets), or (0, 0)."""
    title = "".join(lines)
    for verb in ("印发", "转发"):
        start = title.find(verb)
        end = title.rfind("的通知")
        if start >= 0 and end > start:
            return start + len(verb), end
    return 0, 0


def _shape_cost(lengths: list[float]) -> float:
    """0 for a 梯形 or 菱形, a large cost for a 沙漏 or a zig-zag."""
    if len(lengths) < 3:
        return 0.0
    rising = all(a <= b for a, b in itertools.pairwise(lengths))
    falling = all(a >= b for a, b in itertools.pairwise(lengths))
    peak = lengths.index(max(lengths))
    diamond = all(a <= b for a, b in itertools.pairwise(lengths[: peak + 1])) and all(
        a >= b for a, b in itertools.pairwise(lengths[peak:])
    )
    if rising or falling:
        return 0.0
    return 0.2 if diamond else 20.0


def _printed_width(line: str) -> float:
    """A line's width with room for its digits and letters: the renderers' Latin faces (DejaVu Sans
    where Times New Roman is missing) draw a digit wider than half a character, so a line that fits
    exactly by count wraps its last character onto a line of its own (`…的通` / `知`)."""
    return text_width_chars(line) + 0.15 * sum(1 for ch in line if ord(ch) < 0x2000)


def _by_width(title: str, width: int) -> list[str]:
    """A single word longer than a line (no break between words fits): cut by width."""
    lines, line = [], ""
    for ch in title:
        if _printed_width(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines

"""Gambling spam and site boilerplate in scraped plans.

Spam is recognised by what it is made of, not by a list of known strings: a run of gambling words
(体育, 投注, 娱乐, 彩票, 博彩, 棋牌, 真人, 网址 …) mixed with latin/digit brand tokens (`bet007`,
`365bet`) or URLs. A run made only of Chinese words is never spam — `体育彩票公益金` and
`全民健身和体育` are real plan text. A short line carrying such a run is a spam line and goes
whole; a run inside a sentence is cut out and the damaged spot is reported (see `SpamCut`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.text import lazy_re
from drafter.text.edits import Edit, lines_holding

# Chinese words of gambling spam. STRONG ones weigh 2, CORE 1, FILLER 0 (they only glue a run).
_STRONG = "投注|博彩|百家乐|老虎机|时时彩|六合彩|赌场|赌城|下注|赔率|彩金|真人娱乐|真人视讯|棋牌游戏|电子游艺"
_CORE = "体育|娱乐|彩票|棋牌|真人|网址|官网|开户|电竞|赌博|葡京|威尼斯人|金沙|皇冠|澳门|足球|篮球|比分|竞彩|体彩"
_FILLER = (
    "亚洲|唯一|在线|官方|网站|平台|入口|登录|注册|首页|手机版|网页版|app|APP|下载|最新|欢迎|门户|"
    "国际|集团|线路|备用|导航|推荐|信誉|大全|排行|中心|游戏|手机|网页|地址|官方网站|娱乐城"
)
_URL = r"(?:https?://|www\.)[A-Za-z0-9._~:/?#\[\]@!$&'*+,;=%-]+|[A-Za-z0-9-]+\.(?:com|net|cc|vip|top|me|co)\b"
_LATIN = r"[A-Za-z0-9]+"
_UNIT = rf"(?:{_URL}|{_STRONG}|{_CORE}|{_FILLER}|{_LATIN})"
_JOIN = r"[_|/~·\-. ]{0,3}"
RUN_RE = lazy_re.compile(rf"{_UNIT}(?:{_JOIN}{_UNIT})*")
_UNIT_RE = lazy_re.compile(_UNIT)
STRONG_RE = lazy_re.compile(_STRONG)
CORE_RE = lazy_re.compile(_CORE)
_GAMBLING_RE = lazy_re.compile(f"{_STRONG}|{_CORE}")
URL_RE = lazy_re.compile(_URL)
BRAND_WORD_RE = lazy_re.compile(r"bet|casino|bwin|poker|slot|lottery", re.IGNORECASE)
MIXED_RE = lazy_re.compile(r"[A-Za-z]+\d|\d+[A-Za-z]")
HOUSE_NUMBER_RE = lazy_re.compile(r"\d{3}")  # 365, 188, 888 — not a year, not a count with its unit

# Lines up to this long without a full stop are chrome, not sentences.
SHORT_LINE = 120
# A chrome line that is spam as a whole, with little else in it, goes whole.
MAX_LEFTOVER = 0.3


@dataclass(frozen=True, slots=True)
class SpamCut:
    """A spam run cut out of a sentence: the text either side was joined at `at` (input offset)."""

    at: int


def spam_score(run: str) -> tuple[int, bool, bool]:
    """(weight, has a latin/URL brand, has a Chinese gambling word) of a candidate run."""
    weight, brand, chinese = 0, False, False
    for unit in _UNIT_RE.findall(run):
        if URL_RE.fullmatch(unit):
            weight, brand = weight + 2, True
        elif STRONG_RE.fullmatch(unit):
            weight, chinese = weight + 2, True
        elif CORE_RE.fullmatch(unit):
            weight, chinese = weight + 1, True
        elif BRAND_WORD_RE.search(unit):
            weight, brand = weight + 2, True
        elif MIXED_RE.search(unit) or HOUSE_NUMBER_RE.fullmatch(unit):
            weight, brand = weight + 1, True
    return weight, brand, chinese


def is_spam_run(run: str) -> bool:
    weight, brand, chinese = spam_score(run)
    return brand and chinese and weight >= 4


def _spam_runs(line: str) -> list[re.Match[str]]:
    return [m for m in RUN_RE.finditer(line) if is_spam_run(m.group())]


def _is_spam_line(line: str, runs: list[re.Match[str]]) -> bool:
    """A short line (no full stop) that opens with spam, or is spam words with little else in it."""
    if len(line) > SHORT_LINE or "。" in line:
        return False
    if runs and not line[: runs[0].start()].strip():
        return True
    if not is_spam_run(line):
        return False
    leftover = RUN_RE.sub("", line).strip()
    return len(leftover) <= MAX_LEFTOVER * len(line.strip())


def find_spam(text: str) -> tuple[list[Edit], list[SpamCut]]:
    """Spam lines removed whole; spam inside a sentence cut out, each cut reported."""
    edits: list[Edit] = []
    cuts: list[SpamCut] = []
    for pos, line in gambling_lines(text):
        line_spam(pos, line, edits, cuts)
    return edits, cuts


def line_spam(pos: int, line: str, edits: list[Edit], cuts: list[SpamCut]) -> None:
    """The spam of one line (at offset `pos`, with its `\\n`), added to `edits` and `cuts`."""
    if not _maybe_spam(line):
        return
    body = line.rstrip("\n")
    runs = _spam_runs(body)
    if _is_spam_line(body, runs):
        edits.append(Edit(pos, pos + len(line), "", "spam"))
        return
    for m in runs:
        start, end = _trim_joiners(body, m.start(), m.end())
        edits.append(Edit(pos + start, pos + end, "", "spam"))
        if body[:start].strip() and body[end:].strip():
            cuts.append(SpamCut(pos + start))


def gambling_lines(text: str) -> list[tuple[int, str]]:
    """The lines holding a gambling word: the only lines `_maybe_spam` lets through, found by one
    search of the whole text (not a search per line)."""
    return lines_holding(text, map(re.Match.start, _GAMBLING_RE.finditer(text)))


def _maybe_spam(line: str) -> bool:
    """Cheap pre-check: spam needs latin letters or digits next to gambling words."""
    return bool(CORE_RE.search(line) or STRONG_RE.search(line)) and bool(re.search(r"[A-Za-z0-9]", line))


def _trim_joiners(line: str, start: int, end: int) -> tuple[int, int]:
    """Leading/trailing spaces of a run belong to the sentence, not the spam."""
    while start < end and line[start] == " ":
        start += 1
    while end > start and line[end - 1] == " ":
        end -= 1
    return start, end

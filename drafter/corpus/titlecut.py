"""Where a heading's title ends when nothing but its shape says so.

A title normally stops at the first `。`. Scraped plans also glue the title to its body with no
punctuation (`一、指导思想按照国家…`, `2、总体考虑围绕…`, `2.提升党建质效持续加强…`) or with only a space
on a flattened page (`二、参合对象 凡市辖区内…`). Titles have a shape: a short noun phrase (`工作目标`,
`总体考虑`) or verb-object phrase (`提升党建质效`), and what follows them starts a sentence: a body opener
(`按照` `坚持` `以` `为` `围绕` `到` …) or a new verb. The cut uses that shape; the standard heading words
are one clue among several, not the rule.
"""

from __future__ import annotations

from drafter.text import lazy_re

# Standard heading words; a title that starts with one and runs on without punctuation is cut there.
HEADING_WORDS = sorted(
    ["指导思想", "基本原则", "工作原则", "总体要求", "总体思路", "总体目标", "工作目标", "主要目标", "基本目标", "改革目标", "建设目标", "实施目标", "发展目标", "具体目标", "目标任务", "重点任务", "主要任务", "工作任务", "重点工作", "工作重点", "主要内容", "改革范围", "实施范围", "适用范围", "组织保障", "保障措施", "组织实施", "实施步骤", "工作步骤", "进度安排", "时间安排", "工作要求", "背景与意义", "方案背景", "起草背景", "起草依据", "编制依据", "工作措施", "实施措施", "主要措施", "组织领导", "职责分工", "概述"],
    key=len,
    reverse=True,
)
_JOINERS = ("、", "和", "及", "与")
_SHORT_HEADING_WORDS = ("目标", "意义", "原则", "任务", "要求", "思路", "措施", "步骤", "范围", "依据")
_HEADING_WORD_STARTS = frozenset(w[0] for w in HEADING_WORDS)  # most titles start with none of them
_TITLE_FINAL = lazy_re.compile(r".*(?:重要性|必要性|紧迫性|重大意义|意义)")
# Words that open a body sentence right after a glued title.
BODY_OPENERS = (
    "坚持", "以", "按照", "到", "落实", "全面", "深入", "在", "围绕", "为", "根据", "通过", "依据", "结合",
    "对", "把", "将", "由", "各地", "各级", "要", "着力", "力争", "紧紧围绕", "聚焦", "立足", "针对",
)  # fmt: skip
# Words that open a sentence inside a glued title run (adverbs, prepositions, verb-chain heads).
CLAUSE_OPENERS = tuple(sorted(
    {w for w in BODY_OPENERS if len(w) >= 2}
    | set("""持续 进一步 切实 加快 大力 积极 不断 努力 认真 严格 扎实 稳步 有序 统筹 广泛 逐步 及时 坚决 全力 依托
    推动 鼓励 支持 引导 确保 充分 加大 强化 """.split()),
    key=len,
    reverse=True,
))  # fmt: skip
_BODY_STARTS = ("本文", "按照", "根据", "围绕", "随着", "为了", "为贯彻", "以习近平", "坚持以", "紧紧围绕", "立足")
# The subject of a background sentence: the place speaking of itself, or a time.
_SUBJECT = lazy_re.compile(
    r"(?:我|全|本)(?:省|市|县|区|镇|乡|州|旗)(?:是|位于|地处|现有|共有|辖|总面积|常住|户籍|有|已|自|在|作为)"
    r"|当前|目前|近年来|近几年|截至|截止"
)
_COPULA = r"(?:是|位于|地处|现有|共有|辖|总面积|常住人口|地处)"
_COPULA_RE = lazy_re.compile(_COPULA)
_SENTENCE_PUNCT = "，,；;：:"
# Compiled once: `re.search(pattern, …)` looks its pattern up in re's cache at every call.
_SPACES = lazy_re.compile(r"[ \u3000]+")
_CLAUSE_END = lazy_re.compile(f"[{_SENTENCE_PUNCT}]")
_COMMA = lazy_re.compile(r"[,，]")
_PUNCT_OR_QUOTE = lazy_re.compile(f"[{_SENTENCE_PUNCT}“”《》(（]")
_PUNCT_OR_OPENING = lazy_re.compile(f"[{_SENTENCE_PUNCT}“《(（]")


def title_end(line: str, start: int, next_marker: int | None, flat: bool = False) -> tuple[int, int]:
    """Where the heading title starting at `start` ends, and where its inline body begins.

    Stops at the first `。`, at a glued next heading, or at the line end; a title that runs straight
    into its body without punctuation is cut by its shape (see the module note).
    """
    stop = len(line) if next_marker is None else next_marker
    period = line.find("。", start, stop)
    if period != -1:
        stop = period
    title = line[start:stop]
    cut = _space_cut(title) if flat else _spaced_title(title)
    if cut is None:
        cut = glued_cut(title)
    if cut is not None:
        return start + cut, start + cut
    body_start = stop + 1 if period != -1 and stop == period else stop
    return stop, body_start


def _space_cut(title: str) -> int | None:
    # `二、参合对象 凡市辖区内…`: on a flattened page the space is where the title's line ended.
    m = _SPACES.search(title)
    if not m or m.start() < 2 or any(ch in title[: m.start()] for ch in _SENTENCE_PUNCT):
        return None
    rest = title[m.end() :]
    return m.start() if len(rest) >= 12 or any(ch in rest for ch in _SENTENCE_PUNCT) else None


def _spaced_title(title: str) -> int | None:
    """`1.1 编制目的 为做好水旱灾害防范工作,使…`: a short title, a space, then a sentence of its own.

    On an ordinary line a space inside a title is kept (`提高站位 强化领导`); it ends the title only
    when the title before it is a short phrase and what follows is a whole clause with punctuation.
    """
    m = _SPACES.search(title)
    if not m or not 4 <= m.start() <= 16:
        return None
    head, rest = title[: m.start()], title[m.end() :]
    if _PUNCT_OR_QUOTE.search(head) or len(rest) < 12:
        return None
    clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
    return m.start() if len(clause) < len(rest) and len(clause) >= 6 else None


def glued_cut(title: str) -> int | None:
    """Length of the real title inside a title glued to its body, or None when not glued."""
    chain = _heading_word_chain(title)
    if chain:
        rest = title[chain:]
        if rest and not rest.startswith(_JOINERS) and (
            len(rest) >= 6 or rest.startswith(BODY_OPENERS) or rest[0].isdigit() or rest[0] in "(（“"
        ):
            return chain
        return None
    half = len(title) // 2
    if len(title) >= 4 and title[:half] == title[half : 2 * half] and len(title) <= 2 * half + 1:
        return half  # 概述概述: a label repeated as a lead-in
    clause = _COMMA.split(title, maxsplit=1)[0]
    ends = _TITLE_FINAL.search(clause)
    if len(title) > 30 and ends and len(clause) - ends.end() >= 4:
        return ends.end()  # 一、充分认识…的紧迫性和重要性医药卫生体制改革事关…
    if len(title) > 24:
        for opener in _BODY_STARTS:
            at = title.find(opener, 2, 14)
            if at != -1:
                return at
    return _subject_cut(title)


def _subject_cut(title: str) -> int | None:
    """`背景分析天津是全国…` / `基本情况我县位于…`: a sentence's subject right after a short noun title."""
    if len(title) < 14:
        return None
    m = _SUBJECT.search(title, 2, 14)
    if m and not _PUNCT_OR_OPENING.search(title[: m.start()]):
        return m.start()
    if not _COPULA_RE.search(title, 3):
        return None  # no place name below can be followed by one (most titles: no look-ups)
    from drafter.corpus.regions import place_at

    for start in range(2, 13):
        length = place_at(title, start)
        if length and _COPULA_RE.match(title, start + length):
            return start
    return None


def _heading_word_chain(title: str) -> int:
    """Length of a run of standard heading words at the start (`指导思想、基本原则和工作目标`)."""
    if title[:1] not in _HEADING_WORD_STARTS:
        return 0
    end = 0
    words = HEADING_WORDS
    while True:
        word = next((w for w in words if title.startswith(w, end)), None)
        if word is None:
            return end
        end += len(word)
        if title[end : end + 1] not in _JOINERS or end + 1 >= len(title):
            return end
        end += 1  # the joiner; the chain must go on with another heading word
        words = [*HEADING_WORDS, *_SHORT_HEADING_WORDS]
        if not any(title.startswith(w, end) for w in words):
            return end - 1


def clause_cut(title: str, min_len: int = 4, max_len: int = 14) -> int | None:
    """Where a title (`提升党建质效`) ends and the sentence glued to it (`持续加强机关党建工作,…`) begins.

    Only for a title whose first clause is too long to be a heading. The body starts with a word
    that opens a sentence (`持续` `加快` `切实` `坚持` `围绕` …) and goes on with an object of its own:
    `服务体系进一步健全,` is one clause (subject and predicate), not a title and a body.
    """
    clause = _CLAUSE_END.split(title, maxsplit=1)[0]
    if len(clause) < min_len + 6:
        return None
    for at in range(min_len, min(max_len, len(clause) - 1) + 1):
        opener = next((w for w in CLAUSE_OPENERS if clause.startswith(w, at)), None)
        if opener and len(clause) - at - len(opener) >= 6 and clause[at - 1] not in "的和与及、":
            return at
    return None

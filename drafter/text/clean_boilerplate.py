"""Site boilerplate: breadcrumbs (`您现在所在位置:…`), article chrome (`作者:… 更新时间:…`),
download-site disclaimers (`- 1、下载文档前请自行甄别…`), print/close links and category tags
(`【文件】`). The `文章属性•【制定机关】…` metadata block is plan data and is never touched.

Nothing here may remove plan text. A scraped page can arrive as one line (its line breaks lost), so
every rule has a length cap: a line is removed whole only when it is short and does not read as plan
text (no full stop, no heading marker, no 文号); from a longer line only a bounded prefix goes (the
breadcrumb's path, the welcome banner, a category tag), never the rest of the line.
"""

from __future__ import annotations

import re

from drafter.text import lazy_re
from drafter.text.edits import Edit, lines_holding

_LINE_START = r"^[ \t\u3000\xa0]*"
_BREADCRUMB_WORDS = "您现在的位置|您现在所在位置|您的位置|您所在的位置|当前位置|所在位置|现在位置"
_BREADCRUMB_KEY = rf"(?:{_BREADCRUMB_WORDS})\s*[:：>]"
MAX_CHROME_LINE = 100  # longer lines are never removed whole by the rules below
BREADCRUMB_RE = lazy_re.compile(_LINE_START + _BREADCRUMB_KEY + rf".{{0,{MAX_CHROME_LINE}}}$", re.MULTILINE)
# From a long line only the breadcrumb itself goes: the key, then up to 8 crumbs each followed by a
# separator; the last crumb only when a space ends it (glued to the text, it may be the title's start).
_CRUMB = r"[^\s。，；,;:：>»›＞→/\\【】\[\]《》]{1,16}"
_CRUMB_SEP = r"\s*(?:>>|>|»|›|＞|→|/|\\)\s*"
BREADCRUMB_PREFIX_RE = lazy_re.compile(
    _LINE_START + _BREADCRUMB_KEY + rf"\s*(?:{_CRUMB}{_CRUMB_SEP}){{0,8}}(?:{_CRUMB}(?:[ \t\u3000\xa0]+|$))?"
)
WELCOME_RE = lazy_re.compile(_LINE_START + r"欢迎(?:您)?(?:访问|登录|光临|来到)[^。]{0,40}(?:网站|门户|平台|网)\b")
# Article chrome keys; a short line with two of them (or a counter) is page furniture.
_CHROME_WORDS = (
    "作者|来源|信息来源|文章来源|发布时间|更新时间|发布日期|更新日期|发布人|发布者|浏览次数|"
    "点击数|点击次数|阅读次数|访问次数|浏览量|阅读量|责任编辑|编辑|审核|字体"
)
_CHROME_KEY = rf"(?:{_CHROME_WORDS})\s*[:：]"
CHROME_KEY_RE = lazy_re.compile(_CHROME_KEY)
COUNTER_RE = lazy_re.compile(r"(?:浏览次数|点击数|点击次数|阅读次数|访问次数|浏览量|阅读量)\s*[:：]\s*\d*")
_NAV_WORDS = (
    r"打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|收藏|"
    r"分享到[:：]?|扫一扫|字体[:：]?\s*[大中小\s]*|【\s*[大中小]\s*】|上一篇[:：]?.*|下一篇[:：]?.*|"
    r"[【\[]\s*(?:打印|关闭|收藏|返回)[^】\]]{0,6}[】\]]"
)
_NAV_WORDS = _NAV_WORDS.replace(".*", ".{0,60}")  # 上一篇: / 下一篇: name one other article
NAV_LINE_RE = lazy_re.compile(rf"{_LINE_START}(?:(?:{_NAV_WORDS})[\s|/丨]*)+$", re.MULTILINE)
# Download-site disclaimers (文库 sites): any of these marks the line.
DISCLAIMER_RE = lazy_re.compile(
    r"下载文档前|文档内容的完整性|仅部分预览|不可在线预览|申请退款|侵犯您的权益|联系客服|人工客服|"
    r"文档贡献者|用户上传|原创力文档|人人文库|下载积分|免费下载|版权归原作者|免责声明|如有侵权|"
    r"本站不保证|仅供参考,不得用于商业"
)
SITE_TAG_RE = lazy_re.compile(
    _LINE_START
    + r"(?:[ \t\u3000\xa0]*【(?:文件|通知|公告|政策|政策文件|政策解读|解读|新闻|动态|要闻|转载|原创|专题|图文|视频|置顶|推荐|热点|"
    r"公示|信息公开|工作动态)】)+",
    re.MULTILINE,
)
MAX_DISCLAIMER_LINE = 200
# What plan text has and page chrome does not: a full stop, a numbered heading, a 文号.
PLAN_TEXT_RE = lazy_re.compile(
    r"[。；]|(?:^|\s)(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）])|[〔\[［]\d{4}[〕\]］]\d{1,4}号"
)


# Every rule below needs one of these in the line: a disclaimer word, a chrome or breadcrumb key's
# word (the counters' are among them), a banner's 欢迎, a tag's 【, or a nav word opening the line.
# Lines without any (nearly all of a plan) are passed over, found by two searches of the whole text.
_TRIGGER_RE = lazy_re.compile(f"{DISCLAIMER_RE.pattern}|{_CHROME_WORDS}|{_BREADCRUMB_WORDS}|欢迎|【")
_NAV_START = r"[ \t\u3000\xa0]*(?:打印|关闭|返回|收藏|分享到|扫一扫|字体|上一篇|下一篇|\[)"
# After a line break (`re` skips to the breaks), and at the text's start: what `^…` with MULTILINE
# finds, without trying it at every character.
_NAV_START_RE = lazy_re.compile("\n" + _NAV_START)
_NAV_AT_START_RE = lazy_re.compile(_NAV_START)


def reads_as_plan_text(span: str) -> bool:
    return len(span) > MAX_CHROME_LINE or bool(PLAN_TEXT_RE.search(span))


def remove_boilerplate(text: str) -> list[Edit]:
    """Whole boilerplate lines; from longer lines, a breadcrumb or banner at the start; category tags."""
    edits: list[Edit] = []
    for pos, line in candidate_lines(text):
        edits += line_edits(pos, line)
    return edits


def candidate_lines(text: str) -> list[tuple[int, str]]:
    """The lines holding a trigger (`_TRIGGER_RE`, a nav word opening the line), in order: the only
    lines `line_edits` can edit."""
    found = [m.start() for m in _TRIGGER_RE.finditer(text)]
    found += [m.start() + 1 for m in _NAV_START_RE.finditer(text)]
    if _NAV_AT_START_RE.match(text):
        found.append(0)
    return lines_holding(text, found)


def line_edits(pos: int, line: str) -> list[Edit]:
    """The edits of one line (at offset `pos`, with its `\\n`): removed whole, its prefix, or its tags."""
    body = line.rstrip("\n")
    tag = SITE_TAG_RE.match(body)
    rest = body[tag.end() :] if tag else body
    if _is_boilerplate_line(rest):
        return [Edit(pos, pos + len(line), "", "boilerplate")]
    if prefix := _boilerplate_prefix(rest):
        start = pos + (tag.start() if tag else 0)
        return [Edit(start, pos + len(body) - len(rest) + prefix, "", "boilerplate")]
    if tag:
        return [Edit(pos + tag.start(), pos + tag.end(), "", "boilerplate")]
    return []


def _is_boilerplate_line(line: str) -> bool:
    if not line.strip():
        return False
    if len(line) <= MAX_DISCLAIMER_LINE and DISCLAIMER_RE.search(line):
        return True
    if reads_as_plan_text(line):
        return False
    if BREADCRUMB_RE.match(line) or NAV_LINE_RE.match(line) or WELCOME_RE.match(line):
        return True
    return len(CHROME_KEY_RE.findall(line)) >= 2 or bool(COUNTER_RE.search(line))


def _boilerplate_prefix(line: str) -> int:
    """The length of a breadcrumb or welcome banner opening a line that is otherwise plan text."""
    for pattern in (BREADCRUMB_PREFIX_RE, WELCOME_RE):
        m = pattern.match(line)
        if m and m.group().strip():
            return m.end()
    return 0

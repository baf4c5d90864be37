"""A document's own title: the shape of a 公文 title line, and where scraped pages hide it.

A title is a line of 5–90 characters that ends with a 文种 (`…实施方案`, `…的通知`, `…工作要点`,
`…解读`), holds no sentence punctuation outside its 《》, and says more than the 文种 alone
(`通知公告` is a menu item). Pages wrap it in junk: a 文号 before it (`琼府〔2020〕19号《…》`), a site tag
(`【年度工作要点】`), breadcrumbs (`首页 > 地方政策 > …`), a spam line above it. A title may be set over
two or more lines (`关于因地制宜推广福建三明经验` / `深化上海市…工作方案`), sit inside a flattened
one-line page, or be visible only as the plan the notice hands on (`现将《…》印发给你们`,
`特制订《…》`) — but a document cited in the first sentence (`按照…《关于印发…的通知》要求`) is someone
else's title, not this file's.
"""

from __future__ import annotations

import re

from drafter.text import lazy_re

TITLE_END = lazy_re.compile(
    r"(?:通知|公告|通告|决定|意见|方案|计划|要点|办法|规划|预案|任务|安排|细则|通报|批复|报告|说明|规定|措施"
    r"|纲要|清单|解读|问答|函|启事|公示|总结|汇报|纪要|规则)$"
)
# What a template site writes after a title (`…工作规划范文`, `…工作方案范文模板`).
TEMPLATE_DECOR = lazy_re.compile(r"(?:范文|范本|模板|模版|大全|精选|最新版|[(（](?:\d+篇|最新)[)）])+$")
_TRAILING_NOTE = lazy_re.compile(r"(?:\s*[(（][^()（）]{1,24}[)）])+$")
_LEADING_DOCNUM = lazy_re.compile(r"^[\u4e00-\u9fa5]{1,10}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号\s*")
_LEADING_TAG = lazy_re.compile(r"^(?:【[^】]{1,12}】|\[[^\]]{1,12}\]|［[^］]{1,12}］)\s*")
_LABEL = lazy_re.compile(r"^(?:标\s*题|文件名称|名\s*称|题\s*目|[\u4e00-\u9fa5]{0,4}(?:范文|资料|文章|原文|全文))\s*[:：]\s*")
_CRUMBS = lazy_re.compile(r"\s*(?:>>?|»|›|→|＞)\s*")
_CRUMB_MARKS = ">»›→＞"  # a `_CRUMBS` match holds one of these
_SCRAPER_SUFFIX = lazy_re.compile(
    r"\s*(?:[-－—_|｜]+\s*(?:[\u4e00-\u9fa5]{1,10}[〔\[［]\d{4}[〕\]］]\d{1,4}号)?|[-_|｜]\s*[\u4e00-\u9fa5]{2,12}(?:网|网站|门户))\s*$"
)
_SUFFIX_MARKS = "-－—_|｜"  # a `_SCRAPER_SUFFIX` match holds one of these
_DECOR_ENDS = ("文", "本", "板", "版", "全", "选", ")", "）")  # what a `TEMPLATE_DECOR` match ends with
# A document site names the file: `…实施方案.docVIP`, `…行动计划(2021-2022年)(18页).docx`.
_FILE_SUFFIX = lazy_re.compile(r"\.(?:docx?|pdf|wps|txt|pptx?)\s*(?:VIP)?\s*$", re.IGNORECASE)
_PAGES_NOTE = lazy_re.compile(r"[(（]\s*\d+\s*[页頁]\s*[)）]$")
_SENTENCE = lazy_re.compile(r"[。，,；;:：!！?？]")
_QUOTED = lazy_re.compile(r"《[^》]*》|〈[^〉]*〉|<[^>]*>")
_CHROME = lazy_re.compile(
    r"首页|位置|浏览|来源|发布时间|字号|打印|关闭|分享|登录|网站|导航|下载|会员|点击|当前|欢迎|详情|正文|新闻|动态|栏目|文档|简介"
)
_NOT_START = lazy_re.compile(r"^(?:为|根据|按照|现将|現將|经|各|附件|特此|我们|近日|日前)")
# The start of a notice title in a flattened page: an issuer (or nothing) and `关于`, at the line start
# or after a gap; it ends at the first `的通知`/`的公告`/… outside 《》.
_NOTICE_START = lazy_re.compile(r"(?:^|(?<=[\s•·]))[^\s•·。，,；;:：>》《]{0,40}?关于")
_NOTICE_END = lazy_re.compile(r"的(?:通知|通告|公告|决定|意见|批复|函)")
# `现将《X》印发给你们` / `特制订《X》` / `《X》已经省政府同意`: the plan this document hands on.
_OWN_BEFORE = lazy_re.compile(r"(?:现将|現將|特制定|特制订|制定了?|制订了?|拟定了?|研究制定了?|出台了?|印发了?)\s*$")
_OWN_AFTER = lazy_re.compile(r"^\s*(?:已经|已)[^。]{0,30}?(?:同意|审议|通过)|^\s*(?:印发|转发)给")
# Dates, 文号 and bracketed notes (`(此件公开发布)`) sit between a signature and a title, not inside one.
_ABOUT = lazy_re.compile(r"征求[^。，,]{0,8}意见|解读")
_NOT_TITLE_TEXT = lazy_re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|\d+\s*号$|^[\d\s\-—()（）年]+$|^[(（][^()（）]*[)）]$")
_FLAT = 200
_JOIN_MAX = 4


def squeeze(text: str) -> str:
    """`text` without whitespace: two printings of one title compare equal (`总 则` = `总则`)."""
    return re.sub(r"[\s\u3000]+", "", text)


def clean_title(line: str) -> str:
    """A title line without a scraper's wrapping: 文号 before it, site tags, breadcrumbs, `-` after it.

    Each pattern is tried only when the character it cannot match without is there (most lines are
    no title at all: cleaning them was a fifth of splitting a file)."""
    t = line.strip()
    if any(c in t for c in _CRUMB_MARKS):
        t = _CRUMBS.split(t)[-1]
    for _ in range(2):
        before = t
        if "号" in t:
            t = _LEADING_DOCNUM.sub("", t)
        if t.startswith(("【", "[", "［")):
            t = _LEADING_TAG.sub("", t)
        if ":" in t or "：" in t:
            t = _LABEL.sub("", t)
        if t == before:  # a second round on the same text changes nothing either
            break
    if "." in t:
        t = _FILE_SUFFIX.sub("", t)
    if any(c in t for c in _SUFFIX_MARKS):
        t = _SCRAPER_SUFFIX.sub("", t)
    t = t.strip()
    if t.endswith((")", "）")):
        t = _PAGES_NOTE.sub("", t).strip()
    if t.startswith("《") and t.endswith("》") and t.count("《") == 1:
        t = t[1:-1].strip()
    return t


def _before_end(text: str) -> str:
    """The character a pattern ending in `$` ends its match with: `$` also matches before a final `\\n`."""
    return text[-2:-1] if text.endswith("\n") else text[-1:]


def _without_trailing_notes(text: str) -> str:
    return _TRAILING_NOTE.sub("", text) if _before_end(text) in (")", "）") else text


def title_core(text: str) -> str:
    """`text` without the notes and a template site's decoration after it (`…方案（试行）范文`)."""
    core = _without_trailing_notes(text).strip()
    if _before_end(core) in _DECOR_ENDS:
        core = TEMPLATE_DECOR.sub("", core)
    return _without_trailing_notes(core).strip()


def is_title_shaped(text: str) -> bool:
    """Does `text` (already cleaned) look like a 公文 title?"""
    if not 5 <= len(text) <= 90 or _NOT_START.match(text):
        return False
    core = title_core(text)
    end = TITLE_END.search(core)
    if not end or end.start() < 4:
        return False  # `通知公告`, `政策解读`: a menu item, not a title
    parts = re.split(r"[ \u3000]+", _QUOTED.sub("《》", core))
    if sum(1 for part in parts if len(part) >= 4 and TITLE_END.search(part)) >= 2:
        return False  # `实施方案 体检评估工作实施方案 住房抗震改造工作实施方案`: a row of links
    if _SENTENCE.search(_QUOTED.sub("", core)) or _CHROME.search(core[:6]):
        return False
    from drafter.corpus.headings import match_marker

    return not match_marker(core)


def own_references(text: str) -> list[str]:
    """Plans named in 《》 that this text hands on or sets out (not the ones it cites)."""
    found = []
    for m in re.finditer(r"《([^《》]{4,80})》", text):
        before, after = text[max(0, m.start() - 10) : m.start()], text[m.end() : m.end() + 40]
        if (_OWN_BEFORE.search(before) or _OWN_AFTER.search(after)) and not _spoken_about(text, m):
            found.append(m.group(1).strip())
    return found


def _spoken_about(text: str, m: re.Match) -> bool:
    """`现将《X》向社会公开征求意见` / `现对《通知》进行政策解读`: the sentence is about X, which a call
    for comments or a reading discusses; X is not this text's own title."""
    start = text.rfind("。", 0, m.start()) + 1
    end = text.find("。", m.end())
    sentence = _QUOTED.sub("", text[start : end if end != -1 else len(text)])
    return bool(_ABOUT.search(sentence))


def find_title(preamble: str) -> str | None:
    """The title of a document whose splitter found no title line, from the text before its outline."""
    lines = [ln.strip() for ln in preamble.split("\n") if ln.strip()][:24]
    refs = own_references(preamble[:3000])
    for i, line in enumerate(lines):
        flat = len(line) >= _FLAT or re.search(r"\S[ \u3000]+\S", line) and _SENTENCE.search(line)
        found = _flat_title(line) if flat else _joined_title(lines, i) or _line_title(line)
        if found:
            return _prefer_quoted(found, refs)
    return refs[0] if refs else None


def _line_title(line: str) -> str | None:
    t = clean_title(line)
    return t if is_title_shaped(t) else None


def _joined_title(lines: list[str], i: int) -> str | None:
    """A title set over several short lines: `关于因地制宜推广福建三明经验` + `深化上海市…工作方案`."""
    first = clean_title(lines[i])
    if not _is_fragment(first) or _CRUMBS.search(lines[i]):
        return None
    joined = first
    for nxt in lines[i + 1 : i + _JOIN_MAX]:
        nxt = nxt.strip()
        if not nxt or _starts_anew(nxt) or _NOT_TITLE_TEXT.search(nxt) or _CHROME.search(nxt):
            return None
        if _SENTENCE.search(_QUOTED.sub("", nxt)) and not TITLE_END.search(nxt):
            return None
        joined += nxt
        if is_title_shaped(joined):
            return joined
    return None


def join_broken_title(previous: str, line: str) -> str | None:
    """`previous` + `line` when `line` is the second line of a title broken over two lines."""
    first = clean_title(previous)
    if not _is_fragment(first) or _CRUMBS.search(previous) or _starts_anew(line.strip()):
        return None
    joined = first + line.strip()
    return joined if is_title_shaped(joined) else None


def _is_fragment(text: str) -> bool:
    # The head of a title broken over lines: short, no punctuation, no 文种 at its end, not site chrome.
    if not 4 <= len(text) <= 40 or _SENTENCE.search(_QUOTED.sub("", text)) or _CHROME.search(text):
        return False
    if TITLE_END.search(_TRAILING_NOTE.sub("", text)) or _NOT_START.match(text):
        return False
    return not _NOT_TITLE_TEXT.search(text)


def _starts_anew(line: str) -> bool:
    # A line that opens a title of its own (`关于…`, `某市人民政府…`) does not continue the one above.
    from drafter.corpus.regions import place_at

    if line.startswith(("关于", "中共", "中国共产党", "国务院", "党中央", "《", "【")):
        return True
    return place_at(line) > 0


def _flat_title(line: str) -> str | None:
    """The title inside a flattened one-line page: a notice title, or the first title-shaped run
    that does not stand inside a 《》 (a cited document's name is not this page's title)."""
    head = line[:600]
    notice = _notice_in(head)
    if notice:
        return notice
    pos = 0
    for segment in re.split(r"([ \u3000]+|(?<=[。:：]))", head):
        quoted = head.count("《", 0, pos) > head.count("》", 0, pos)
        pos += len(segment)
        t = clean_title(segment)
        if not quoted and is_title_shaped(t):
            return t
    return _prefix_title(head)


_TITLE_WORD = lazy_re.compile(TITLE_END.pattern.removesuffix("$"))
_NOTE_AT = lazy_re.compile(r"\s*[(（][^()（）]{1,24}[)）]")
_NOTICE_AFTER = lazy_re.compile(r"的?(?:通知|通告|公告|决定|意见|批复|函)")


def _prefix_title(head: str) -> str | None:
    """`怀柔区防汛应急预案(试行)怀柔区人民政府…`: a page flattened with no gaps at all starts with its title;
    it ends at the first 文种 (with its note) that no `的通知` carries on."""
    for m in _TITLE_WORD.finditer(head, 0, 100):
        note = _NOTE_AT.match(head, m.end())
        end = note.end() if note else m.end()
        if _NOTICE_AFTER.match(head, end):
            continue
        title = clean_title(head[:end])
        if is_title_shaped(title):
            return title
        if _SENTENCE.search(head, 0, m.start()):
            return None
    return None


def _notice_in(head: str) -> str | None:
    for start in _NOTICE_START.finditer(head):
        for end in _NOTICE_END.finditer(head, start.end()):
            title = head[start.start() : end.end()]
            if len(title) > 120 or re.search(r"[。，,；;:：]", _QUOTED.sub("", title)):
                break
            if title.count("《") == title.count("》") and title.count("〈") == title.count("〉"):
                return clean_title(title)
    return None


def _prefer_quoted(title: str, refs: list[str]) -> str:
    # The notice names the plan on one line (`《关于… 深化…的工作方案》`); the stand-alone title may be
    # broken over lines. Both say the same: keep the notice's spelling.
    return next((ref for ref in refs if squeeze(ref) == squeeze(title)), title)

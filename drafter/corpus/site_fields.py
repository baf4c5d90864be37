"""The labelled fields a government site prints around a document's head: its 信息公开 table
flattened into a line (`发文机关:南华县政府办 成文日期: 发文字号:南政发〔2019〕4号 … 发布日期:2019年03月20日`)
or the line under the title (`来源:咸宁市文化和旅游局 时间:2024-04-26`, `颁布时间:2015-09-30 发文单位:…`).

They are the metadata's last resort, after the document's own signature, title and 文号: a site's
发布日期 is the day it went online (days after the 成文日期), its 来源 may be the site itself
(`新疆政府网`), so an issuer is taken only when it is shaped like an organ's name; a document-sharing
site's upload line gives nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.corpus.dates import parse_date
from drafter.corpus.organs import ORG_SUFFIX
from drafter.text import lazy_re

HEAD_CHARS = 3000  # the fields stand in the page head, never deep in the text
_WRITTEN = "成文日期|发文日期|印发日期"
_PUBLISHED = "发布日期|发布时间|公布日期|公布时间|公开日期|颁布日期|颁布时间|发表时间|时间|日期"
_ISSUER = "发文机关|发文单位|发文部门|制定机关|发布机关|发布单位|发布机构|发布部门|来源单位|来源"
_NUMBER = "发文字号|政策文号|文号|字号"
_LABELS = f"{_WRITTEN}|{_PUBLISHED}|{_ISSUER}|{_NUMBER}"
# A label opens its line or follows a space or a bar (a flattened table), so 实施时间 is no 时间; an
# empty cell's value is never the next label (`成文日期: 发文字号:…`).
_LABEL = lazy_re.compile(
    rf"(?:^|(?<=[\s|｜]))({_LABELS})[ \u3000]*[:：][ \u3000]*(?!(?:{_LABELS})[ \u3000]*[:：])([^\s|｜]*)"
)
_ORGAN = lazy_re.compile(rf"^[\u4e00-\u9fa5（）()]{{2,40}}?(?:{ORG_SUFFIX}|厅|委|办)$")  # 县政府办 too
# A document-sharing site's line (`投稿人:佚名 发布时间:… 会员申请`, `时间:… 下载本文 作者:会员上传`).
_SHARING_SITE = lazy_re.compile(r"投稿|会员|下载本文|上传")
_DOCNUM = lazy_re.compile(r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号")


@dataclass
class SiteFields:
    written: str | None = None  # ISO 成文日期 the site states
    published: str | None = None  # ISO 发布日期: when it went online
    issuer: str | None = None
    doc_number: str | None = None  # as printed (the caller normalises it)


def site_fields(text: str, head_chars: int = HEAD_CHARS) -> SiteFields:
    """The first value of each kind the head of `text` labels. A label with nothing after it
    (`成文日期: 发文字号:…`, an empty table cell) gives nothing; a bare 时间 or 日期 counts only beside
    another field on its line (`来源:… 时间:…`), not as a document-sharing site's upload time."""
    found = SiteFields()
    for line in text[:head_chars].split("\n"):
        if _SHARING_SITE.search(line):
            continue  # an upload's time and uploader, not the document's
        fields = [(label, value) for label, value in _LABEL.findall(line)]
        for label, value in fields:
            if value and (label not in _BARE or len(fields) > 1):
                _take(found, label, value)
    return found


_BARE = {"时间", "日期"}


def _take(found: SiteFields, label: str, value: str) -> None:
    if label in _WRITTEN.split("|"):
        found.written = found.written or parse_date(value)
    elif label in _PUBLISHED.split("|"):
        found.published = found.published or parse_date(value)
    elif label in _ISSUER.split("|"):
        found.issuer = found.issuer or (value if _ORGAN.match(value) else None)
    elif _DOCNUM.search(value):
        found.doc_number = found.doc_number or value

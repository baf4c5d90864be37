"""The `文章属性•【制定机关】…【主题分类】…正文` block that law-database sites print between a
document's title and its text.

The metadata reads its fields first (they are the most trusted source of issuer, date and 文号);
then the block has no place in the document's preamble: exported, compared or shown, it reads as
site chrome. The title the site prints again after `正文` goes with it (the preamble's first line
is the title already).
"""

from __future__ import annotations

from drafter.text import lazy_re

_BLOCK = lazy_re.compile(r"文章属性\s*[•·]?\s*【(?:制定机关|发布部门|公布日期)】[^\n]{0,500}?正文")
# The 文号 the site prints under the title again (`凉政办发〔2019〕184号`, `(甬政发〔2013〕124号)`).
_LEADING_NUMBER = lazy_re.compile(r"^[(（]?[\u4e00-\u9fff]{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号[)）]?")
_MIN_TITLE = 8  # characters: a shorter overlap is a coincidence, not the title printed again


def drop_site_attributes(preamble: str) -> str:
    """`preamble` without the site's attribute block (and the title printed around it)."""
    if "文章属性" not in preamble:
        return preamble
    lines = []
    for line in preamble.split("\n"):
        found = _BLOCK.search(line)
        if not found:
            lines.append(line)
            continue
        before, after = line[: found.start()].strip(), line[found.end() :].strip()
        again = _title_again(before, after)
        if again:
            after = _LEADING_NUMBER.sub("", after[again:].lstrip()).lstrip()
        elif before and before not in lines:
            lines.append(before)
        if after:
            lines.append(after)
    return "\n".join(lines)


def _title_again(before: str, after: str) -> int:
    """How much of `after`'s start is the title `before` ends with (武威市凉州区…的通知 / 凉州区…的通知)."""
    for k in range(min(len(before), len(after)), _MIN_TITLE - 1, -1):
        if before.endswith(after[:k]):
            return k
    return 0

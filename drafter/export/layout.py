"""Every layout number of the 公文 export, in one place (GB/T 9704-2012 《党政机关公文格式》).

Units are Word's: twips (1/1440 inch) for lengths, half-points for font sizes, twentieths of a
point for character spacing. Clause numbers refer to the standard.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 1440 / 25.4  # twips per millimetre

# §5.2.1 A4 paper; §5.2.2 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so bottom 35 mm, right 26 mm).
PAGE_WIDTH = round(210 * MM)  # 11906
PAGE_HEIGHT = round(297 * MM)  # 16838
MARGIN_TOP = round(37 * MM)  # 2098
MARGIN_BOTTOM = round(35 * MM)  # 1984
MARGIN_LEFT = round(28 * MM)  # 1587
MARGIN_RIGHT = round(26 * MM)  # 1474
TYPE_AREA_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 ≈ 156 mm

# §5.2.4 22 lines a page, 28 characters a line. 22 × 579 twips = 224.7 mm of the 225 mm type area.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = 579  # exact line spacing and the document grid's line pitch
# 28 characters of 16 pt (8960 twips) do not fit 156 mm; −0.25 pt each makes 28 × 15.75 pt = 8820.
BODY_CHAR_SPACING = -5  # twentieths of a point
CHAR_WIDTH = 315  # one 3号 character with that spacing, in twips: the unit of every indent

# §7.5 page numbers: 4号 宋体, 一字线 on each side, 7 mm under the type area, odd right / even left,
# one character in from the edge of the type area.
FOOTER_DISTANCE = 1400  # 24.7 mm from the page edge puts the dash line ~7 mm under the type area
HEADER_DISTANCE = round(15 * MM)
PAGE_NUMBER_DASH = "—"  # U+2014 一字线
PAGE_NUMBER_INDENT = 280  # one 4号 (14 pt) character

# Font sizes (half-points): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt.
SIZE_2HAO = 44
SIZE_3HAO = 32
SIZE_4HAO = 28
SIZE_XIAO4 = 24

# Official face names, written verbatim into the .docx (renderers map them to what is installed).
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEI = "黑体"
FONT_KAI = "楷体_GB2312"
FONT_SONG = "宋体"

# Revisions and comments.
DEFAULT_AUTHOR = "drafter"


@dataclass(frozen=True)
class Role:
    """How one kind of paragraph looks: face, size, alignment and indents (in characters)."""

    font: str
    size: int = SIZE_3HAO
    align: str = "both"  # w:jc value
    first_line_chars: float = 2  # §7.3.3 每个自然段左空二字,回行顶格
    left_chars: float = 0
    hanging_chars: float = 0
    right_chars: float = 0
    char_spacing: int = BODY_CHAR_SPACING
    outline_level: int | None = None
    keep_next: bool = False
    page_break_before: bool = False
    exact_line: bool = True  # on the 579-twip grid; table cells use single spacing instead

    @property
    def char_width(self) -> int:
        """One character of this role's size, in twips (indents of 3号 roles count in 15.75 pt)."""
        return round(self.size * 10 + self.char_spacing)


ROLES: dict[str, Role] = {
    # §7.3.1 标题: 2号小标宋体, 居中, 一行或多行.
    "title": Role(FONT_TITLE, SIZE_2HAO, align="center", first_line_chars=0, char_spacing=0, keep_next=True),
    # §7.3.2 主送机关: 标题下空一行, 居左顶格, 末尾全角冒号.
    "addressee": Role(FONT_BODY, align="left", first_line_chars=0),
    # §7.3.3 正文 3号仿宋; 结构层次 一级黑体, 二级楷体, 三、四级仿宋.
    "body": Role(FONT_BODY),
    "h1": Role(FONT_HEI, outline_level=0, keep_next=True),
    "h2": Role(FONT_KAI, outline_level=1, keep_next=True),
    "h3": Role(FONT_BODY, outline_level=2),
    "h4": Role(FONT_BODY, outline_level=3),
    "blank": Role(FONT_BODY, first_line_chars=0),
    # §7.3.4 附件说明: 正文下空一行左空二字; several: "附件:1.…", later names aligned under the first.
    "attachment_note": Role(FONT_BODY, align="left"),
    # §7.3.5.3 署名 and 成文日期 of a document without seal: placed by right indents, computed per text.
    "signature": Role(FONT_BODY, align="right", first_line_chars=0, keep_next=True),
    "date": Role(FONT_BODY, align="right", first_line_chars=0),
    # §8 附件: 另面编排; "附件"及顺序号 3号黑体 顶格 第一行; 附件标题 居中 第三行.
    "attachment_label": Role(FONT_HEI, align="left", first_line_chars=0, page_break_before=True),
    "attachment_title": Role(FONT_TITLE, SIZE_2HAO, align="center", first_line_chars=0, char_spacing=0),
    # Tables (分工表, 对照表): 小四, single spacing inside cells so long cells stay compact.
    "cell_head": Role(
        FONT_HEI, SIZE_XIAO4, align="center", first_line_chars=0, char_spacing=0, exact_line=False
    ),
    "cell": Role(FONT_BODY, SIZE_XIAO4, align="left", first_line_chars=0, char_spacing=0, exact_line=False),
    "cell_center": Role(
        FONT_BODY, SIZE_XIAO4, align="center", first_line_chars=0, char_spacing=0, exact_line=False
    ),
    "page_number": Role(FONT_SONG, SIZE_4HAO, first_line_chars=0, char_spacing=0, exact_line=False),
}

HEADING_ROLES = {1: "h1", 2: "h2", 3: "h3", 4: "h4"}


def heading_role(level: int) -> str:
    """Levels past 4 (1.1.1 numbering in some plans) are set like level 4."""
    return HEADING_ROLES.get(level, "h4") if level >= 1 else "h1"


def text_width_chars(text: str) -> float:
    """Width of `text` in 3号 characters: half-width (ASCII digits, letters) counts one half."""
    return sum(0.5 if ord(ch) < 0x2000 else 1 for ch in text)

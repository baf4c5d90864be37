"""Every layout number of the 公文 export, in one place, with the clause of GB/T 9704-2012
《党政机关公文格式》 it comes from.

Units are Word's: twips (1/1440 inch) for lengths, half-points for font sizes, twentieths of a
point for character spacing, eighths of a point for border widths. Clause numbers (§) refer to the
standard: 5.1 幅面尺寸, 5.2.1 页边与版心, 5.2.2 字体和字号, 5.2.3 行数和字数, 5.2.4 文字的颜色,
7.2 版头 (7.2.1 份号 … 7.2.7 分隔线), 7.3 主体 (7.3.1 标题 … 7.3.7 附件), 7.4 版记, 7.5 页码,
8 横排表格, 9 标点符号 (GB/T 15834).
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 1440 / 25.4  # twips per millimetre

# §5.1 A4 (210 mm × 297 mm). §5.2.1 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm — so the bottom
# margin is 297 − 37 − 225 = 35 mm and the right one 210 − 28 − 156 = 26 mm.
PAGE_WIDTH = round(210 * MM)  # 11906
PAGE_HEIGHT = round(297 * MM)  # 16838
MARGIN_TOP = round(37 * MM)  # 2098
MARGIN_BOTTOM = round(35 * MM)  # 1984
MARGIN_LEFT = round(28 * MM)  # 1587
MARGIN_RIGHT = round(26 * MM)  # 1474
TYPE_AREA_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 ≈ 156 mm
TYPE_AREA_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 12756 = 225 mm

# §5.2.3 22 lines a page, 28 characters a line, filling the type area. 22 × 579 twips = 224.7 mm.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = 579  # exact line spacing and the document grid's line pitch
# 28 characters of 16 pt (8960 twips) do not fit 156 mm; −0.25 pt each makes 28 × 15.75 pt = 8820.
BODY_CHAR_SPACING = -5  # twentieths of a point
CHAR_WIDTH = 315  # one 3号 character with that spacing, in twips: the unit of every indent ("字", §3.1)

# §7.5 page numbers: 4号 半角宋体 Arabic digits with a 一字线 on each side, the dash line 7 mm under
# the type area; odd pages one character in from the right, even pages one in from the left.
FOOTER_DISTANCE = 1400  # 24.7 mm from the page edge puts the dash line ~7 mm under the type area
HEADER_DISTANCE = round(15 * MM)
PAGE_NUMBER_DASH = "—"  # U+2014 一字线
PAGE_NUMBER_INDENT = 280  # one 4号 (14 pt) character

# Font sizes (half-points): 初号 42 pt, 小初 36 pt, 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt.
SIZE_CHUHAO = 84
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
# The font table's fallback for each face (`w:altName`): the face Windows ships under an English
# name, which Word takes when the _GB2312 or 方正 face is not installed.
FONT_ALT_NAMES = {
    FONT_TITLE: "SimSun",
    FONT_BODY: "FangSong",
    FONT_KAI: "KaiTi",
    FONT_HEI: "SimHei",
    FONT_SONG: "SimSun",
    "仿宋": "FangSong",
    "楷体": "KaiTi",
}

# §5.2.4 text is black unless said otherwise; §7.2.4 and §7.2.7 make the 发文机关标志 and the 版头's
# separator line red (§6.2's ink, Y80 M80, prints as full red on office printers).
RED = "FF0000"

# §7.2.4 发文机关标志: centred, its top edge 35 mm under the top of the type area, 小标宋, red; the
# size is the issuer's to choose (醒目、美观、庄重): 初号, narrowed so the mark fits the type area.
MARK_TOP = round(35 * MM)
MARK_SIZE = SIZE_CHUHAO
MARK_MAX_WIDTH = TYPE_AREA_WIDTH - 2 * CHAR_WIDTH  # a character's margin on each side
MARK_MIN_SCALE = 50  # percent; a longer name is set smaller instead
MARK_LINE_RATIO = 1.15  # the mark's exact line height, in multiples of its size


def mark_line(size: int) -> int:
    """Exact line height (twips) of a mark of `size` half-points; the characters sit in its middle,
    so the mark's top edge is half the extra height below the line's top."""
    return round(size * 10 * MARK_LINE_RATIO)


MARK_LINE = mark_line(MARK_SIZE)
# §7.2.5 发文字号 two lines under the mark, centred; §7.2.6 上行文: 文号 one character in from the left,
# 签发人 one character in from the right on the same line.
LINES_MARK_TO_NUMBER = 2
# §7.2.7 a red line as wide as the type area, 4 mm under the 发文字号 (its thickness is not given;
# 1.5 pt is the usual 红色分隔线).
RED_LINE_BELOW = round(4 * MM)
RED_LINE_WIDTH = 12  # eighths of a point
# §7.3.1 the title two lines under the red line; §7.3.2 主送机关 one line under the title.
LINES_RED_LINE_TO_TITLE = 2
# A 2号 title line holds 20 characters of 22 pt in the 156 mm type area (20 × 22 pt = 440 pt of 442).
TITLE_CHARS_PER_LINE = 20

# §7.3.5.1 with a seal: 成文日期 four characters in from the right, the 署名 centred over it, the
# seal's top within one line of the text: the 署名 goes on the third line under the text, so that a
# 42 mm seal (about four lines) has the 署名 and date under its centre (居印章中心偏下).
SEAL_DATE_RIGHT = 4
SEAL_BLANK_LINES = 2
# §7.3.5.2 without a seal: a blank line, the 署名 two characters in from the right, the date on the
# next line starting two characters right of the 署名 (or two in from the right when longer).
SIGNATURE_RIGHT = 2
SIGNATURE_DATE_SHIFT = 2
# §7.3.5.5 when the 署名 and 成文日期 do not fit under the text, 行距 and 字距 may be adjusted: the
# notice's lines are closed up, to no less than 22 pt (from 28.95), before the 署名 moves on.
MIN_CLOSED_PITCH = 440

# §7.4.1 版记 lines as wide as the type area: first and last 0.35 mm, those between 0.25 mm; the last
# one on the bottom edge of the type area of the document's last side (§6.2 prints both sides, so
# the last side is an even page).
IMPRINT_THICK = 8  # eighths of a point: 1 pt ≈ 0.35 mm
IMPRINT_THIN = 6  # 0.75 pt ≈ 0.26 mm
# §7.4.2 抄送 and §7.4.3 印发机关/印发日期: 4号仿宋, one character in from each side.
IMPRINT_SIZE = SIZE_4HAO
IMPRINT_INDENT_CHARS = 1

# The 版记 page: a spacer pushes the 版记 down; the paragraph Word needs after its table is 1 pt high,
# and the borders' own width (1 + 0.75 + 1 pt) that renderers add to the rows, plus rounding, is
# left free so nothing spills onto another page.
IMPRINT_AFTER_TABLE = 20
IMPRINT_SLACK = 120

# Revisions and comments.
DEFAULT_AUTHOR = "drafter"


@dataclass(frozen=True)
class Role:
    """How one kind of paragraph looks: face, size, alignment and indents (in characters), and the
    paragraph style (`style`, an id from docx_styles.STYLES) the 公文 export gives it."""

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
    line: int | None = LINE_PITCH  # exact line height (twips); None: single spacing, off the grid
    # On the page's line grid. 2号 lines are set off it: LibreOffice gives a character taller than
    # the grid pitch two grid lines, which doubles the gap between a title's lines.
    grid: bool = True
    color: str | None = None
    style: str | None = None

    @property
    def exact_line(self) -> bool:
        return self.line is not None

    @property
    def char_width(self) -> int:
        """One character of this role's size, in twips (indents of 3号 roles count in 15.75 pt)."""
        return round(self.size * 10 + self.char_spacing)


def _plain(font: str, size: int = SIZE_3HAO, **kwargs) -> Role:
    """A role with no first-line indent (lines set flush or by their own indents)."""
    return Role(font, size, first_line_chars=0, **kwargs)


ROLES: dict[str, Role] = {
    # §7.2.1 份号 (line 1), §7.2.2 密级和保密期限 (line 2), §7.2.3 紧急程度: 3号, flush left; 黑体
    # for the last two.
    "copy_no": _plain(FONT_BODY, align="left"),
    "secrecy": _plain(FONT_HEI, align="left", style="gwHeadNote"),
    "urgency": _plain(FONT_HEI, align="left", style="gwHeadNote"),
    # §7.2.4 发文机关标志 (size and width set per mark, see masthead.py).
    "mark": _plain(FONT_TITLE, MARK_SIZE, align="center", char_spacing=0, color=RED, line=MARK_LINE,
                   grid=False, style="gwMark"),
    # §7.2.5 发文字号, centred; the red line of §7.2.7 is its bottom border.
    "doc_number": _plain(FONT_BODY, align="center", keep_next=True, style="gwDocNumber"),
    # §7.3.1 标题: 2号小标宋体, 居中, 一行或多行 (breaks between words, 梯形或菱形: title_lines.py).
    "title": _plain(FONT_TITLE, SIZE_2HAO, align="center", char_spacing=0, keep_next=True, grid=False,
                    style="Title"),
    # §7.3.2 主送机关: 标题下空一行, 居左顶格, 末尾全角冒号.
    "addressee": _plain(FONT_BODY, align="left", style="gwAddressee"),
    # §7.3.3 正文 3号仿宋; 结构层次 一级黑体, 二级楷体, 三、四级仿宋.
    "body": Role(FONT_BODY, style="Normal"),
    "h1": Role(FONT_HEI, outline_level=0, keep_next=True, style="gwHeading1"),
    "h2": Role(FONT_KAI, outline_level=1, keep_next=True, style="gwHeading2"),
    "h3": Role(FONT_BODY, outline_level=2, style="gwHeading3"),
    "h4": Role(FONT_BODY, outline_level=3, style="gwHeading4"),
    "blank": _plain(FONT_BODY, style="Normal"),
    # §7.3.4 附件说明: 正文下空一行左空二字; several: "附件：1.…", later names aligned under the first.
    "attachment_note": Role(FONT_BODY, align="left", style="gwAttachmentNote"),
    # §7.3.5 署名 and 成文日期: placed by right indents, computed per text (gongwen.signature_indents).
    "signature": _plain(FONT_BODY, align="right", keep_next=True, style="gwSignature"),
    "date": _plain(FONT_BODY, align="right", style="gwDate"),
    # §7.3.6 附注: 居左空二字加圆括号, 成文日期下一行.
    "note": Role(FONT_BODY, align="left", style="gwNote"),
    # §7.3.7 附件: 另面编排; "附件"及顺序号 3号黑体 顶格 第一行; 附件标题 居中 第三行.
    "attachment_label": _plain(FONT_HEI, align="left", page_break_before=True, keep_next=True,
                               style="gwAttachment"),
    "attachment_title": _plain(FONT_TITLE, SIZE_2HAO, align="center", char_spacing=0, keep_next=True,
                               grid=False, style="Title"),
    # §7.4.2 抄送, §7.4.3 印发机关和印发日期: 4号仿宋, 左右各空一字.
    "imprint": _plain(FONT_BODY, IMPRINT_SIZE, align="left", char_spacing=0, keep_next=True,
                      style="gwImprint"),
    # Tables (分工表, 对照表): 小四, single spacing inside cells so long cells stay compact.
    "cell_head": _plain(FONT_HEI, SIZE_XIAO4, align="center", char_spacing=0, line=None),
    "cell": _plain(FONT_BODY, SIZE_XIAO4, align="left", char_spacing=0, line=None),
    "cell_center": _plain(FONT_BODY, SIZE_XIAO4, align="center", char_spacing=0, line=None),
    # §7.5 页码.
    "page_number": _plain(FONT_SONG, SIZE_4HAO, char_spacing=0, line=None),
}

HEADING_ROLES = {1: "h1", 2: "h2", 3: "h3", 4: "h4"}


def heading_role(level: int) -> str:
    """Levels past 4 (1.1.1 numbering in some plans) are set like level 4."""
    return HEADING_ROLES.get(level, "h4") if level >= 1 else "h1"


def text_width_chars(text: str) -> float:
    """Width of `text` in 3号 characters: half-width (ASCII digits, letters) counts one half."""
    return sum(0.5 if ord(ch) < 0x2000 else 1 for ch in text)

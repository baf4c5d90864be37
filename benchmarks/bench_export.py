"""Export time for a 30-page plan: 公文 .docx, redline and 修改对照表 (target ≤ 0.5 s for the 公文).

    .venv/bin/python benchmarks/bench_export.py [--pages-check]

--pages-check also renders the plan with LibreOffice to confirm how many pages it fills.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drafter.model import Document, Section, Task

SENTENCE = "坚持以人民健康为中心,深化医疗、医保、医药联动改革,推动公立医院高质量发展,"
ENDING = "切实增强人民群众的获得感、幸福感、安全感。"


def text(tag: str, sentences: int) -> str:
    """A paragraph of `sentences` sentences, different for each `tag` (no two paragraphs alike, so
    nothing is timed from a cache)."""
    return "".join(SENTENCE.replace("推动", f"{tag}推动") for _ in range(sentences)) + ENDING


def thirty_page_plan() -> Document:
    """About 30 pages of 22 × 28: 5 一级 sections × 4 二级 × 3 三级, one ~170-character paragraph each, + the 分工表."""
    sections = []
    for i, one in enumerate("一二三四五"):
        level2 = []
        for j, two in enumerate("一二三四"):
            level3 = [
                Section(f"{k}.", f"第{i + 1}{j + 1}{k}项工作", 3, body=text(f"第{i}{j}{k}项", 4),
                        tasks=[Task(f"第{i + 1}{j + 1}{k}项工作", lead="市卫生健康委", partners=["市医保局"])])
                for k in range(1, 4)
            ]  # fmt: skip
            level2.append(
                Section(f"({two})", f"推进第{j + 1}方面改革", 2, body=text(f"第{i}{j}方面", 5), children=level3)
            )
        sections.append(Section(f"{one}、", f"第{i + 1}部分", 1, children=level2))
    return Document(title="某市深化医药卫生体制改革实施方案", issuer="某市人民政府", date="2024-03-05",
                    preamble=text("全市", 3), sections=sections)  # fmt: skip


def as_draft(plan: Document):
    """The same plan as a draft file with every 公文 part: 版头, 印发通知, 版记 (and the 分工表)."""
    from drafter.draft.io import parse_draft

    lines = ["+++", 'region = "运城市"', 'province = "山西省"', 'level = "市级"', f'title = "{plan.title}"',
             'issuer = "运城市人民政府办公室"', 'date = "2024-03-05"', 'doc_number = "运政办发〔2024〕12号"',
             'addressee = "各县（市、区）人民政府，市政府各部门，各有关单位"', 'cc = "市委各部门，市人大常委会办公室"',
             'note = "此件公开发布"', "+++", plan.preamble]  # fmt: skip
    for section in plan.walk():
        lines += [section.heading, *section.paragraphs]
        lines += [f"{t.text}(牵头单位:{t.lead};配合单位:{'、'.join(t.partners)})" for t in section.tasks]
    return parse_draft("\n".join(lines) + "\n")


def edited(plan: Document) -> Document:
    other = copy.deepcopy(plan)
    for n, section in enumerate(other.walk()):
        if n % 3 == 0 and section.body:
            section.body = section.body.replace("推动", "加快推动", 1).replace(",", "、", 1)
    other.sections.append(other.sections.pop(1))
    return other


def timed(fn, repeat: int = 15) -> tuple[float, float, float]:
    """(median, p95) wall seconds and the median CPU seconds (less sensitive to a busy machine)."""
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages-check", action="store_true")
    args = parser.parse_args()
    from drafter.compare import compare_documents
    from drafter.export.document import write_gongwen
    from drafter.export.redline import write_redline
    from drafter.export.table import write_change_table

    plan = thirty_page_plan()
    draft = as_draft(plan)
    chars = len("".join(s.full_text() for s in plan.sections))
    comparison = compare_documents(plan, edited(plan))
    with tempfile.TemporaryDirectory() as work:
        out = Path(work)
        write_gongwen(plan, out / "warm.docx")  # imports and caches (jieba's dictionary) outside the timing
        write_gongwen(draft, out / "warm-draft.docx")
        from drafter.export.printed import _normalized

        def cold(fn):  # every run normalises every text again, as a fresh `drafter export` does
            return lambda: (_normalized.cache_clear(), fn())

        rows = [
            ("公文 .docx (with 分工表)", timed(cold(lambda: write_gongwen(plan, out / "plan.docx")))),
            ("draft: 版头+通知+方案+版记", timed(cold(lambda: write_gongwen(draft, out / "draft.docx")))),
            ("redline .docx", timed(lambda: write_redline(comparison, out / "redline.docx"))),
            ("修改对照表 .docx", timed(lambda: write_change_table(comparison, out / "table.docx"))),
        ]
        print(f"plan: {chars} characters, {len(plan.headings())} headings, {len(plan.tasks())} tasks")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for name, (median, p95, cpu) in rows:
            print(f"{name:28} median {median * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   cpu {cpu * 1000:7.1f} ms")
        if args.pages_check:
            print(f"pages (LibreOffice): plan {_pages(out / 'plan.docx', out)}, draft {_pages(out / 'draft.docx', out)}")
    return 0


def _pages(docx_path: Path, out: Path) -> str:
    from drafter.export.render_pdf import render_pdf

    pdf = render_pdf(docx_path, out / f"{docx_path.stem}.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=False, capture_output=True, text=True).stdout
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


if __name__ == "__main__":
    sys.exit(main())

"""`drafter new --from 上级文件`: a city plan drawn up task by task from a province's superior document.

The superior is the 哈尔滨 seed's task list re-voiced as 黑龙江省 would issue it (tests/unit/
superior_builder.py: 全市 → 全省, 市卫生计生委 → 省卫生健康委 …, dated 2025); the corpus is the other
seeds — 哈尔滨's own plan is not in it, so nothing can simply be copied back.
"""

from __future__ import annotations

import re

import pytest
from superior_builder import provincial_superior

from drafter.check.parts import draft_parts
from drafter.check.run import check_parts
from drafter.compare.cover import cover
from drafter.corpus.store import Store
from drafter.draft.from_superior import build_from_superior
from drafter.draft.io import draft_document, dumps_draft, parse_draft, plain_text
from drafter.draft.model import PROVENANCE, Draft, parse_provenance
from drafter.draft.superior_outline import superior_outline
from drafter.draft.units import BODIES
from drafter.export.task_table import responsible_tasks
from drafter.library.check import check_context
from drafter.library.placeholders import RegionContext
from drafter.reader import read_plans
from drafter.text.punctuation import normalize_punctuation as marks

DATE = "2025-06-01"
NUMBER = "黑政办规〔2025〕28号"


@pytest.fixture(scope="module")
def store(seed_paths, tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("store") / "corpus.db")
    for path in seed_paths:
        if not path.name.startswith("002_"):  # 哈尔滨's own plan stays out
            store.add_file(path)
    yield store
    store.close()


@pytest.fixture(scope="module")
def superior(seeds_dir):
    seed = read_plans(seeds_dir / "002_d2b59fd790b2730b.txt")[0]
    return provincial_superior(seed, "黑龙江省", shift=8, number=NUMBER)[1]


@pytest.fixture(scope="module")
def built(superior, store):
    seen = []
    result = build_from_superior(superior, "大庆市", date=DATE, store=store, progress=lambda *a: seen.append(a))
    result.progress_calls = seen
    return result


def task_sections(draft: Draft):
    return [s for s in draft.walk() if s.kind == "重点任务" and not s.children]


def test_every_superior_task_has_its_section_in_order_and_in_its_grouping(superior, built):
    tasks = superior_outline(superior).tasks()
    assert len(tasks) == 25
    sections = task_sections(built.draft)
    assert [s.title for s in sections] == [marks(t.title) for t in tasks]  # its words, in GB/T 15834 marks
    areas = {s.title: [c.title for c in s.children] for s in built.draft.walk() if s.children}
    for task in tasks:  # the superior's grouping: 二、重点任务 → （一）… → 1.…
        assert marks(task.title) in areas[marks(task.path[-1])]
    assert [s.title for s in built.draft.sections] == ["总体要求", "重点任务", "组织保障"]
    assert [c.title for c in built.draft.sections[0].children] == ["指导思想", "基本原则", "工作目标"]
    # the paths handed to the app lead to the very sections
    for fill, section in zip(built.tasks, sections, strict=True):
        assert built.draft.find(".".join(map(str, fill.path))) is section


def test_drafter_cover_finds_every_task_of_the_superior_covered(superior, built):
    coverage = cover(draft_document(built.draft), superior)
    assert len(coverage.tasks) == 25
    assert coverage.missing == []


def test_every_paragraph_keeps_its_source_and_corpus_text_leaves_no_leftover(superior, built):
    context = RegionContext("大庆市", "黑龙江省", 2025, date=DATE)
    ctx = check_context(context)
    from_corpus = 0
    for section in task_sections(built.draft):
        source = None
        for line in section.lines:
            found = PROVENANCE.match(line)
            if found:
                source = parse_provenance(found.group("body"))
                continue
            assert source is not None, f"{section.title}: a paragraph without 来源"
            paragraph = Draft(meta={"region": "大庆市"}, sections=[_one(section.title, source, line)])
            findings = check_parts([p for p in draft_parts(paragraph) if p.part == "body"], ctx, ("提法", "属地"))
            if "地区" in source:  # another place's paragraph: it must read as ours
                from_corpus += 1
                assert source["文件"] and source["日期"]
                assert not findings, (section.title, [(f.family, f.text) for f in findings])
            else:  # the superior's own words: only what its task itself says may be outdated
                assert source["上级文件"].endswith(f"（{NUMBER}）")
                superior_words = next(t for t in superior_outline(superior).tasks() if marks(t.title) == section.title)
                assert all(f.family == "提法" and f.text in superior_words.body for f in findings), findings
            source = None
    assert from_corpus >= 10  # most tasks find a city plan that implements them


def _paragraphs_from(section, key):
    """The paragraphs of a section whose 来源 has `key` (上级文件, 地区)."""
    out, source = [], {}
    for line in section.lines:
        found = PROVENANCE.match(line)
        if found:
            source = parse_provenance(found.group("body"))
        elif key in source:
            out.append(line)
    return out


def _one(title, source, text):
    from drafter.draft.model import DraftSection, provenance_line

    return DraftSection(title, 1, "一、", [provenance_line(source), text])


def test_task_table_lists_the_local_units_only_with_the_lead_first(superior, built):
    rows = responsible_tasks(draft_document(built.draft))
    assert [r.text for r in rows] == [marks(t.title) for t in superior_outline(superior).tasks()]
    local_bodies = {f"市{forms[3]}" for forms in BODIES.values()}
    for row in rows:
        for unit in [row.lead, *row.partners]:
            assert unit in local_bodies, (row.text, unit)
            assert not re.search("省|国家|黑龙江|哈尔滨|大庆", unit)
    first = rows[0]  # 破除以药补医: 省卫生健康委 leads, 省财政厅 … work with it
    assert first.lead == "市卫生健康委"
    assert first.partners[:2] == ["市财政局", "市人力资源社会保障局"]


def test_deadlines_are_the_superiors_never_later(superior, built):
    rows = {r.text: r for r in responsible_tasks(draft_document(built.draft))}
    with_deadline = [t for t in superior_outline(superior).tasks() if t.deadline]
    assert len(with_deadline) >= 4
    for task in with_deadline:
        assert rows[marks(task.title)].deadline == task.deadline


def test_metadata_names_the_superior_and_the_preface_cites_it(built):
    meta = built.draft.meta
    assert meta["superior"] == [{"title": "黑龙江省人民政府办公厅关于印发黑龙江省城市公立医院综合改革实施方案的通知",
                                 "number": NUMBER}]
    assert meta["title"] == "大庆市城市公立医院综合改革实施方案"
    text = plain_text(built.draft)
    assert f"为贯彻落实《黑龙江省人民政府办公厅关于印发黑龙江省城市公立医院综合改革实施方案的通知》（{NUMBER}）精神" in text
    superiors_words = [line for s in task_sections(built.draft) for line in _paragraphs_from(s, "上级文件")]
    assert superiors_words and not any("全省" in line or "省卫生健康委" in line for line in superiors_words)
    assert any("全市统一部署" in line for line in superiors_words)  # 按照全省统一部署: the local voice
    again = parse_draft(dumps_draft(built.draft))  # what is saved is what is loaded
    assert [s.heading for s in again.walk()] == [s.heading for s in built.draft.walk()]


def test_the_app_gets_each_task_with_its_ranked_candidates(built):
    fill = next(f for f in built.tasks if f.chosen)
    assert fill.task.requirement.startswith(fill.task.title)
    scores = [c.score for c in fill.candidates]
    assert scores == sorted(scores, reverse=True)
    assert all(c.source["地区"] for c in fill.candidates)
    data = built.as_json()
    assert {"path", "heading", "task", "candidates", "chosen", "pending", "lead", "partners"} <= set(data["tasks"][0])
    calls = built.progress_calls
    assert [c[0] for c in calls] == list(range(25)) and {c[1] for c in calls} == {25}


def test_a_reopened_draft_finds_its_tasks_and_their_candidates_again(superior, built, store):
    from drafter.draft.from_superior import match_tasks, section_candidates

    again = parse_draft(dumps_draft(built.draft))
    del again.find("2.1.2").lines[:]  # the drafter emptied one task: it is still there by its heading
    matched = match_tasks(again, superior)
    assert [path for path, _task in matched] == [fill.path for fill in built.tasks]
    _path, task = matched[17]  # 推进家庭医生签约服务
    candidates = section_candidates(again, task.title, task.requirement, store=store, limit=4)
    assert candidates and candidates[0].closeness >= candidates[-1].closeness - 0.2
    usable = [c for c in candidates if c.text]
    assert usable and all("聊城" not in c.text for c in usable)  # localised for 大庆市


def test_a_county_takes_the_units_and_voice_of_a_county(superior, store):
    county = build_from_superior(superior, "肇州县", "黑龙江省", date=DATE, store=store)
    rows = responsible_tasks(draft_document(county.draft))
    units = {u for r in rows for u in [r.lead, *r.partners]}
    assert "县卫生健康局" in units and not any(u.startswith("市") for u in units)
    words = [line for s in task_sections(county.draft) for line in _paragraphs_from(s, "上级文件")]
    assert any("全县" in line for line in words) and not any("全省" in line for line in words)
    assert county.draft.meta["addressee"].startswith("各乡镇")

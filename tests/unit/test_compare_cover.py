"""`drafter cover`: a superior document's tasks and the draft sections that take them up.

The superior documents are built from seeds' task lists, each item reworded as a superior body
would put it (tests/unit/rewritten_plans.py); the drafts are the seeds with some task items removed.
"""

from __future__ import annotations

import copy
import json
import random

import docx
import pytest
from rewritten_plans import _reword, _some_clauses

from drafter.cli import main
from drafter.compare import load_side
from drafter.compare.cover import cover, cover_matrix, superior_tasks
from drafter.compare.units import document_lines
from drafter.errors import DrafterError
from drafter.model import Document, Section


@pytest.fixture(scope="module")
def seeds(seed_paths):
    return {path.name[:3]: path for path in seed_paths}


def task_items(doc: Document) -> list[Section]:
    """The seed's task items: sections without subsections, with a body, under a 重点任务 heading."""
    tasks = [s for s in doc.walk() if s.kind == "重点任务"]
    inside = {id(x) for t in tasks for x in t.walk()}
    return [s for s in doc.walk() if id(s) in inside and not s.children and s.paragraphs and s.level >= 2]


def superior_from(items: list[Section], rng: random.Random) -> Document:
    """A 指导意见 whose numbered items ask for what the seed's items do, in other words."""
    numbered = [Section(f"{n}.", _reword(rng, s.title), 2, "重点任务",
                        _some_clauses(rng, s.paragraphs[0].split("。")[0]) + "。") for n, s in enumerate(items, 1)]
    title = "关于进一步深化医药卫生体制改革的指导意见"
    return Document(title=title, plan_title=title, sections=[Section("一、", "重点任务", 1, "重点任务", "", numbered)])


def without(doc: Document, removed: list[Section]) -> Document:
    gone = {id(s) for s in removed}
    draft = copy.deepcopy(doc)
    origin = {id(new): id(old) for new, old in zip(draft.walk(), doc.walk())}

    def prune(sections: list[Section]) -> list[Section]:
        kept = [s for s in sections if origin[id(s)] not in gone]
        for s in kept:
            s.children = prune(s.children)
        return kept

    draft.sections = prune(draft.sections)
    return draft


@pytest.mark.parametrize("name", ["001", "002", "004"])
def test_cover_finds_the_tasks_taken_up_and_every_one_removed(seeds, name):
    doc = load_side(str(seeds[name]), doc=1)
    items = task_items(doc)
    assert len(items) >= 12
    kept_found = kept_total = 0
    for seed in range(3):
        rng = random.Random(seed)
        removed = rng.sample(items, 5)
        coverage = cover(without(doc, removed), superior_from(items, rng))
        assert len(coverage.tasks) == len(items)
        for item, task in zip(items, coverage.tasks):
            if item in removed:
                assert task.covered_by is None, (name, seed, task.text, task.closest, task.score)
            else:
                kept_total += 1
                kept_found += task.covered_by is not None
                assert task.covered_by is None or item.title in task.covered_by or task.score >= 0.62
    assert kept_found / kept_total >= 0.9


def test_covered_tasks_name_the_draft_section_that_takes_them_up(seeds):
    doc = load_side(str(seeds["002"]))
    items = task_items(doc)
    coverage = cover(doc, superior_from(items, random.Random(5)))
    right = sum(1 for item, task in zip(items, coverage.tasks) if task.covered_by == item.heading)
    assert right / len(items) >= 0.9
    for task in coverage.covered:
        assert 0 < task.score <= 1 and task.path and task.shared_terms


def test_a_document_without_numbered_items_gives_its_task_sentences():
    body = ("各地要加快推进分级诊疗制度建设，完善家庭医生签约服务。做好宣传工作。"
            "要健全现代医院管理制度，落实公立医院运营管理自主权。我们对此高度重视。")
    doc = Document(title="通知", preamble=body)
    tasks = superior_tasks(doc)
    assert [t.text for t in tasks] == ["各地要加快推进分级诊疗制度建设，完善家庭医生签约服务。",
                                       "要健全现代医院管理制度，落实公立医院运营管理自主权。"]


def test_matrix_of_draft_sections_and_plans(seeds):
    draft = load_side(str(seeds["002"]))
    plans = [load_side(str(seeds["004"]), doc=1), load_side(str(seeds["001"]))]
    matrix = cover_matrix(draft, plans)
    assert matrix.plans[0].startswith("聊城市") and len(matrix.rows) > 30
    assert all(len(row.cells) == 2 for row in matrix.rows)
    family = next(r for r in matrix.rows if r.heading == "18.推进家庭医生签约服务")
    assert family.cells[0].covered_by == "(三)做实家庭医生签约服务" and family.closest == 0
    data = matrix.to_json()
    assert [p["region"] for p in data["plans"]] == ["聊城市", "上海市"]
    assert {"heading", "path", "cells", "closest"} <= set(data["sections"][0])


def write_plan(path, doc: Document):  # noqa: ANN001, ANN201
    path.write_text("\n".join([doc.title or "", *document_lines(doc)]), encoding="utf-8")
    return path


def test_cli_json_contract_and_the_duibiao_table(tmp_path, seeds, capsys):
    doc = load_side(str(seeds["002"]))
    items = task_items(doc)
    superior = write_plan(tmp_path / "上级文件.txt", superior_from(items, random.Random(1)))
    draft = write_plan(tmp_path / "draft.txt", without(doc, items[:3]))
    table = tmp_path / "对标表.docx"
    assert main(["cover", str(draft), "--against", str(superior), "--json", "--docx", str(table)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["against"] == "关于进一步深化医药卫生体制改革的指导意见"
    assert {"text", "covered_by", "score"} <= set(data["tasks"][0])
    assert all(0 <= t["score"] <= 1 for t in data["tasks"])
    assert [t["covered_by"] for t in data["tasks"][:3]] == [None, None, None]
    assert data["missing"] >= 3 and data["covered"] >= len(items) - 5
    rows = docx.Document(str(table)).tables[0].rows
    assert len(rows) == 1 + len(data["tasks"])
    assert [c.text for c in rows[0].cells] == ["序号", "任务", "本稿对应章节", "相似度", "情况"]
    assert rows[1].cells[4].text == "未见对应"


def test_cli_matrix_and_a_clear_error_without_against(tmp_path, seeds, capsys):
    assert main(["cover", str(seeds["002"]), "--against", str(seeds["004"]), "--against", str(seeds["001"]),
                 "--json", "--doc", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["plans"]) == 2 and data["sections"]
    with pytest.raises(DrafterError, match="--against"):
        from drafter.cli import build_parser
        from drafter.cli.compare_cmds import cmd_cover

        cmd_cover(build_parser().parse_args(["cover", str(seeds["002"])]))
    assert main(["cover", str(seeds["002"])]) == 2
    assert "--against" in capsys.readouterr().err

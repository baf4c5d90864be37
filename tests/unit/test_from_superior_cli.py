"""`drafter new --from` on a real superior document, as a drafter runs it: the 国务院办公厅's 深化医改
2024年重点工作任务 (tests/data/superior/, sources in its README) drawn up for 运城市 on the bundled corpus,
then checked, covered and exported as a drafter would."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from drafter.cli import main
from drafter.draft.io import load_draft, plain_text
from drafter.draft.units import BODIES

SUPERIOR = Path(__file__).parents[1] / "data" / "superior" / "guobanfa-2024-29.txt"
LOCAL = {f"市{forms[3]}" for forms in BODIES.values()}


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    folder = tmp_path_factory.mktemp("from")
    path = folder / "运城.md"
    code = main(["new", "--from", str(SUPERIOR), "--region", "运城市", "--date", "2024-09-01", "-o", str(path)])
    assert code == 0
    return path


def test_a_plan_of_a_real_citys_length_that_drafter_check_passes(drawn, capsys):
    draft = load_draft(drawn)
    assert 6000 <= len(plain_text(draft)) <= 15000
    assert draft.meta["superior"] == [{"title": "国务院办公厅关于印发深化医药卫生体制改革2024年重点工作任务的通知",
                                       "number": "国办发〔2024〕29号"}]
    assert main(["check", str(drawn), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [f for f in report["findings"] if f["severity"] == "error"] == []


def test_drafter_cover_finds_all_22_tasks_taken_up(drawn, capsys):
    assert main(["cover", str(drawn), "--against", str(SUPERIOR), "--json"]) == 0
    coverage = json.loads(capsys.readouterr().out)
    assert (coverage["covered"], coverage["missing"]) == (22, 0)


def test_the_exported_task_table_names_local_units_only(drawn, tmp_path):
    out = tmp_path / "运城.docx"
    assert main(["export", str(drawn), "--docx", str(out)]) == 0
    tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in docx.Document(str(out)).tables]
    rows = next((t for t in tables if t[0][0] == "序号"), None)
    assert rows, "the 公文 carries its 重点任务分工表"
    assert rows[0] == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    assert len(rows) == 1 + 22
    for _n, task, lead, partners, _when in rows[1:]:
        units = [lead, *(p for p in partners.split("、") if p)]
        assert lead and all(u in LOCAL for u in units), (task, units)


def test_json_gives_the_app_each_task_with_its_candidates(tmp_path, capsys):
    path = tmp_path / "d.md"
    assert main(["new", "--from", str(SUPERIOR), "--region", "运城市", "--date", "2024-09-01", "-o", str(path),
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["draft"] == str(path) and len(data["tasks"]) == 22
    task = data["tasks"][3]
    assert task["task"]["title"] == "深化医疗服务价格改革" and task["path"] == [5, 3]
    assert task["candidates"] and task["candidates"][0]["source"]["地区"]
    assert data["pending"] == sum(t["pending"] for t in data["tasks"])


def test_pending_sections_are_listed_and_marked(drawn, capsys):
    draft = load_draft(drawn)
    pending = [s for s in draft.walk() if any("待完善" in src for src in s.sources)]
    assert pending, "the bundled corpus cannot fill every task of 2024"
    for section in pending:
        assert section.body.strip()  # the superior's own words stand there meanwhile


def test_bad_superiors_are_one_clear_line(tmp_path, capsys):
    empty = tmp_path / "通知.txt"
    empty.write_text("关于做好有关工作的通知\n请各单位认真做好有关工作。\n", encoding="utf-8")
    out = tmp_path / "x.md"
    assert main(["new", "--from", str(empty), "--region", "运城市", "-o", str(out)]) == 2
    assert "没有找到任务条目" in capsys.readouterr().err and not out.exists()
    assert main(["new", "--from", str(tmp_path / "nowhere.txt"), "--region", "运城市", "-o", str(out)]) == 2
    assert main(["new", "--from", str(SUPERIOR), "--pick", "指导思想=zdsx-1", "--region", "运城市", "-o", str(out)]) == 2
    assert "--pick" in capsys.readouterr().err
    out.write_text("mine", encoding="utf-8")
    assert main(["new", "--from", str(SUPERIOR), "--region", "运城市", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "mine"  # never overwritten unasked

"""`drafter new / add / render / gaps` on the shipped library, end to end through the CLI."""

from __future__ import annotations

import json

import pytest

from drafter.cli import main
from drafter.draft.io import load_as_document, load_draft, plain_text
from drafter.library.check import leaks_in
from drafter.library.placeholders import RegionContext
from drafter.library.variants import Library

KINDS = ["指导思想", "基本原则", "工作目标", "重点任务", "组织保障"]


@pytest.fixture()
def draft_path(tmp_path):
    path = tmp_path / "draft.md"
    code = main(["new", "--region", "遵义市", "--title", "遵义市深化医药卫生体制改革实施方案",
                 "--date", "2025-03-01", "--superior", "《关于进一步深化医药卫生体制改革的意见》", "-o", str(path)])
    assert code == 0
    return path


def test_new_draft_for_a_region_outside_the_corpus_parses_back_into_its_sections(draft_path):
    draft = load_draft(draft_path)
    text = draft_path.read_text(encoding="utf-8")
    # the notice is a part that follows the metadata (drafter/draft/parts.py); the preface names
    # its region and superior documents through placeholders, filled whenever the draft is rendered
    assert "遵义市人民政府关于印发" not in text and "{{ 地区 }}实际" in text
    assert "结合遵义市实际" in plain_text(draft) and "{{" not in plain_text(draft)
    assert [s.title for s in draft.sections] == KINDS
    assert len(draft.sections[3].children) >= 3  # several task areas
    assert all(s.sources for s in draft.sections if s.title != "重点任务")
    assert all(c.sources for c in draft.sections[3].children)
    doc = load_as_document(draft_path)  # the corpus outline parser, on the same file
    assert doc.region == "遵义市" and doc.plan_title == "遵义市深化医药卫生体制改革实施方案"
    assert [s.kind for s in doc.sections] == KINDS
    assert [s.heading for s in doc.walk()] == [s.heading for s in draft.walk()]
    shown = plain_text(draft)  # provenance comments name the sources; the plan itself must not
    assert leaks_in(shown, RegionContext("遵义市", "贵州省", 2025)) == []


def test_pick_chooses_the_variant_and_bad_picks_say_why(tmp_path, capsys):
    library = Library.load()
    other = library.of_kind("指导思想")[-1]
    path = tmp_path / "d.md"
    assert main(["new", "--region", "遵义市", "--pick", f"指导思想={other.id}", "-o", str(path)]) == 0
    assert load_draft(path).sections[0].sources[0]["id"] == other.id
    assert main(["new", "--region", "遵义市", "--pick", "指导思想=zdsx-nope", "-o", str(tmp_path / "e.md")]) == 2
    assert "no section variant 'zdsx-nope'" in capsys.readouterr().err
    assert not (tmp_path / "e.md").exists()
    assert main(["new", "--region", "遵义市", "-o", str(path)]) == 2  # never clobbers a draft
    assert "already exists" in capsys.readouterr().err


def test_add_inserts_a_task_area_and_renumbers(draft_path, capsys):
    before = load_draft(draft_path)
    used = {s.sources[0]["id"] for s in before.walk() if s.sources}
    extra = next(v for v in Library.load().of_kind("重点任务") if v.id not in used)
    assert main(["add", str(draft_path), "--variant", extra.id, "--position", "1"]) == 0
    after = load_draft(draft_path)
    tasks = after.sections[3]
    assert tasks.children[0].sources[0]["id"] == extra.id
    assert [c.marker for c in tasks.children][:2] == ["（一）", "（二）"]
    assert len(tasks.children) == len(before.sections[3].children) + 1
    assert main(["add", str(draft_path), "--variant", "zdrw-nope"]) == 2
    assert "zdrw-nope" in capsys.readouterr().err
    assert load_draft(draft_path).sections[3].children[0].sources[0]["id"] == extra.id


def test_render_drops_metadata_and_provenance(draft_path, capsys):
    assert main(["render", str(draft_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("遵义市人民政府办公室关于印发遵义市深化医药卫生体制改革实施方案的通知\n")
    assert "\n遵义市深化医药卫生体制改革实施方案\n为贯彻落实《关于进一步深化医药卫生体制改革的意见》精神" in out
    assert "<!--" not in out and "+++" not in out and "{{" not in out


def test_broken_draft_is_one_clear_line(tmp_path, capsys):
    path = tmp_path / "draft.md"
    path.write_text('+++\nregion = 遵义市\n+++\n一、指导思想\n', encoding="utf-8")
    assert main(["render", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"drafter: {path}:2: broken draft metadata") and err.count("\n") == 1


def test_gaps_lists_topics_the_corpus_covers_and_the_draft_lacks(tmp_path, capsys):
    from drafter.library.gaps import TOPICS

    path = tmp_path / "thin.md"
    path.write_text('+++\nregion = "遵义市"\n+++\n一、指导思想\n坚持以人民健康为中心。\n', encoding="utf-8")
    assert main(["gaps", str(path), "--min-share", "0.3", "--json"]) == 0
    gaps = json.loads(capsys.readouterr().out)
    assert {"分级诊疗", "医联体"} <= {g["topic"] for g in gaps}
    first = gaps[0]
    assert first["share"] >= 0.3 and any("哈尔滨市" in plan for plan in first["plans"])
    path.write_text(path.read_text(encoding="utf-8") + TOPICS[first["topic"]][0] + "。\n", encoding="utf-8")
    assert main(["gaps", str(path), "--min-share", "0.3", "--json"]) == 0
    assert first["topic"] not in {g["topic"] for g in json.loads(capsys.readouterr().out)}


def test_sections_list_show_and_check(capsys):
    assert main(["sections", "list", "--kind", "指导思想", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and {v["kind"] for v in listed} == {"指导思想"}
    assert main(["sections", "show", listed[0]["id"], "--region", "丽江市"]) == 0
    assert "{{" not in capsys.readouterr().out.split("\n\n", 1)[1]
    assert main(["sections", "check"]) == 0

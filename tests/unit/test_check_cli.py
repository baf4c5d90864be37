"""`drafter check` and `drafter fix` as a user runs them: exit codes, the JSON contract, files fixed in
place (drafts, text files, .docx with tracked changes), scraped pages written elsewhere."""

from __future__ import annotations

import json

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.cli import main

PLANTED = """+++
region = "滨江市"
province = "东海省"
date = "2026-03-01"
+++
一、指导思想
全面贯彻党的十九大精神,推进卫计委职能转变。
二、重点任务
(一)推进分级诊疗
到2019年底完成试点。
"""

CLEAN = """+++
region = "滨江市"
province = "东海省"
date = "2026-03-01"
+++
一、指导思想
坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中、四中全会精神。
二、重点任务
（一）推进分级诊疗
到2027年底，县域就诊率达到90%以上。
"""


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_json_contract_and_exit_code(tmp_path, capsys):
    path = tmp_path / "draft.md"
    path.write_text(PLANTED, encoding="utf-8")
    code, out, _err = _run(capsys, "check", str(path), "--json", "--no-corpus")
    assert code == 1  # errors were found
    data = json.loads(out)
    lines = PLANTED.split("\n")
    for f in data["findings"]:
        assert {"family", "severity", "where", "text", "message", "suggestion"} <= set(f)
        loc = f["location"]
        line = lines[loc["line"] - 1]
        assert f["text"] in line  # the text exactly as it stands in the draft
    rules = {f["rule"] for f in data["findings"]}
    assert {
        "tifa.party_sessions",
        "tifa.weijiwei",
        "shixian.deadline",
        "geshi.halfwidth",
        "geshi.marker",
    } <= rules
    assert data["date"] == "2026-03-01" and data["region"] == "滨江市"


def test_check_exits_zero_on_a_clean_draft_and_prints_a_summary(tmp_path, capsys):
    path = tmp_path / "clean.md"
    path.write_text(CLEAN, encoding="utf-8")
    code, out, _err = _run(capsys, "check", str(path), "--no-corpus")
    assert code == 0
    assert "0处" in out  # no findings at all


def test_family_option_and_its_errors(tmp_path, capsys):
    path = tmp_path / "draft.md"
    path.write_text(PLANTED, encoding="utf-8")
    code, out, _err = _run(capsys, "check", str(path), "--json", "--family", "geshi", "--no-corpus")
    assert code == 0 and {f["family"] for f in json.loads(out)["findings"]} == {"格式"}
    code, _out, err = _run(capsys, "check", str(path), "--family", "拼写")
    assert code == 2 and "拼写" in err and "提法" in err


def test_fix_applies_only_the_safe_replacements_and_lists_them(tmp_path, capsys):
    path = tmp_path / "draft.md"
    path.write_text(PLANTED, encoding="utf-8")
    code, out, _err = _run(capsys, "fix", str(path), "--no-corpus")
    assert code == 0
    fixed = path.read_text(encoding="utf-8")
    assert "精神，推进卫健委职能转变" in fixed  # punctuation and the renamed institution
    assert "（一）推进分级诊疗" in fixed
    assert "党的十九大精神" in fixed and "到2019年底" in fixed  # not safe: left for the user
    assert "卫计委" in out and "卫健委" in out
    assert fixed.split("\n")[:5] == PLANTED.split("\n")[:5]  # the metadata block as written
    code, out, _err = _run(capsys, "fix", str(path), "--no-corpus")
    assert code == 0 and "没有可以自动修改" in out and path.read_text(encoding="utf-8") == fixed


def test_fix_dry_run_writes_nothing(tmp_path, capsys):
    path = tmp_path / "draft.md"
    path.write_text(PLANTED, encoding="utf-8")
    code, out, _err = _run(capsys, "fix", str(path), "--dry-run", "--json", "--no-corpus")
    assert code == 0 and json.loads(out)["changes"] and path.read_text(encoding="utf-8") == PLANTED


def test_a_scraped_page_is_checked_as_cleaned_and_fixed_only_into_another_file(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>滨江市人民政府关于印发实施方案的通知</p><p>一、指导思想</p>"
        "<p>全面落实新农合政策,加强卫计委建设。</p></body></html>",
        encoding="utf-8",
    )
    code, out, _err = _run(
        capsys,
        "check",
        str(page),
        "--json",
        "--no-corpus",
        "--date",
        "2026-01-01",
        "--region",
        "滨江市",
        "--province",
        "东海省",
    )
    data = json.loads(out)
    assert code == 1 and data["notes"]  # says it checked the cleaned text
    assert {"tifa.xinnonghe", "tifa.weijiwei"} <= {f["rule"] for f in data["findings"]}
    code, _out, err = _run(capsys, "fix", str(page), "--no-corpus")
    assert code == 2 and "-o" in err
    out_path = tmp_path / "fixed.txt"
    code, _out, _err = _run(
        capsys, "fix", str(page), "-o", str(out_path), "--no-corpus", "--date", "2026-01-01"
    )
    assert code == 0 and "加强卫健委建设" in out_path.read_text(encoding="utf-8")
    assert "<html>" in page.read_text(encoding="utf-8")  # the page itself untouched


def test_a_plain_utf8_plan_is_fixed_in_place_keeping_its_line_ends(tmp_path, capsys):
    plan = tmp_path / "plan.txt"
    plan.write_bytes("滨江市卫生健康事业发展方案\r\n一、工作目标\r\n到2027年,基层就诊率达到65%.\r\n".encode())
    code, _out, _err = _run(
        capsys, "fix", str(plan), "--no-corpus", "--region", "滨江市", "--province", "东海省"
    )
    assert code == 0
    assert (
        plan.read_bytes()
        == "滨江市卫生健康事业发展方案\r\n一、工作目标\r\n到2027年，基层就诊率达到65%。\r\n".encode()
    )


def _tracked(tag: str, text_tag: str, text: str):  # noqa: ANN202 - an lxml element
    change = OxmlElement(tag)
    change.set(qn("w:id"), "1" if tag == "w:ins" else "2")
    change.set(qn("w:author"), "同事")
    run = OxmlElement("w:r")
    element = OxmlElement(text_tag)
    element.text = text
    run.append(element)
    change.append(run)
    return change


def _docx_with_revisions(path) -> None:
    """A colleague's file: a paragraph with a tracked insertion and a tracked deletion."""
    document = docx.Document()
    document.add_paragraph("滨江市卫生健康事业发展方案")
    document.add_paragraph("一、指导思想")
    p = document.add_paragraph("全面贯彻党的二十大精神")
    p._p.append(_tracked("w:ins", "w:t", ",由市卫计委牵头"))
    p._p.append(_tracked("w:del", "w:delText", "由市食药监局负责"))
    document.add_paragraph("(一)推进分级诊疗")
    document.save(str(path))


def test_a_docx_is_read_with_its_insertions_and_without_its_deletions(tmp_path, capsys):
    path = tmp_path / "colleague.docx"
    _docx_with_revisions(path)
    code, out, _err = _run(
        capsys,
        "check",
        str(path),
        "--json",
        "--no-corpus",
        "--date",
        "2026-01-01",
        "--region",
        "滨江市",
        "--province",
        "东海省",
    )
    findings = json.loads(out)["findings"]
    assert code == 1
    weijiwei = next(f for f in findings if f["rule"] == "tifa.weijiwei")
    assert weijiwei["location"]["paragraph"] == 2 and weijiwei["text"] == "卫计委"
    assert not [f for f in findings if "食药监" in f["text"]]  # deleted text is not the plan
    assert any(f["rule"] == "geshi.marker" and f["location"]["paragraph"] == 3 for f in findings)
    code, _out, _err = _run(
        capsys,
        "fix",
        str(path),
        "--no-corpus",
        "--date",
        "2026-01-01",
        "--region",
        "滨江市",
        "--province",
        "东海省",
    )
    assert code == 0
    fixed = docx.Document(str(path))
    body = fixed.element.body
    inserted = "".join(t.text for t in body.iter(qn("w:t")) if t.getparent().getparent().tag == qn("w:ins"))
    assert inserted == "，由市卫健委牵头"  # fixed inside the tracked insertion, still tracked
    assert "由市食药监局负责" in "".join(t.text for t in body.iter(qn("w:delText")))
    assert "（一）推进分级诊疗" in [p.text for p in fixed.paragraphs]


def test_rules_listing_shows_every_rule_and_its_file(capsys):
    code, out, _err = _run(capsys, "check", "--rules", "--json")
    data = json.loads(out)
    assert code == 0 and any(f.endswith("tifa.toml") for f in data["files"])
    weijiwei = next(r for r in data["rules"] if r["id"] == "weijiwei")
    assert (
        weijiwei["outdated_from"] == "2019-04-01"
        and weijiwei["source"]
        and weijiwei["origin"].endswith("tifa.toml")
    )
    code, out, _err = _run(capsys, "check", "--rules")
    assert code == 0 and "party_sessions" in out and "二十届四中全会" in out


def test_a_missing_file_or_a_folder_is_a_clear_error(tmp_path, capsys):
    code, _out, err = _run(capsys, "check", str(tmp_path / "nope.md"))
    assert code == 2 and "nope.md" in err
    code, _out, err = _run(capsys, "check", str(tmp_path))
    assert code == 2 and str(tmp_path.name) in err and "Traceback" not in err


@pytest.mark.slow
def test_a_new_2026_draft_for_a_province_not_in_the_corpus_checks_clean(tmp_path, capsys):
    """`drafter new` picks variants that raise no 提法, 属地 or 时限 finding; `drafter check` agrees."""
    out_path = tmp_path / "new.md"
    code, _out, _err = _run(
        capsys,
        "new",
        "--region",
        "滨江市",
        "--province",
        "东海省",
        "--date",
        "2026-03-01",
        "-o",
        str(out_path),
    )
    assert code == 0
    code, out, _err = _run(capsys, "check", str(out_path), "--json", "--family", "提法,属地,时限")
    assert code == 0 and json.loads(out)["findings"] == []
    from drafter.draft.io import load_draft

    kinds = [s.title for s in load_draft(out_path).sections]
    assert kinds == ["指导思想", "基本原则", "工作目标", "重点任务", "组织保障"]


def test_drafters_own_docx_export_has_no_geshi_problem(tmp_path, capsys):
    from drafter.draft.compose import new_draft
    from drafter.draft.io import save_draft
    from drafter.export.document import write_gongwen

    draft = new_draft("滨江市", "东海省", date="2026-03-01")
    save_draft(draft, tmp_path / "d.md")
    write_gongwen(draft, tmp_path / "d.docx")  # the whole 公文: 版头, 通知, 方案, 版记
    code, out, _err = _run(capsys, "check", str(tmp_path / "d.docx"), "--json", "--family", "格式", "--no-corpus")
    findings = [(f["rule"], f["text"]) for f in json.loads(out)["findings"]]
    # the export's own marks and layout are clean, and so are the templates' 责任单位 lists a new
    # plan takes (a template whose source's scrape garbled them only fills up, `preference`)
    assert findings == []


def test_the_same_mark_repeated_in_one_line_is_listed_once_with_its_count(tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_text(
        "一、总体要求\n坚持公益性,推进改革,完善机制,提高效率(试点)。\n二、重点任务\n加强领导,落实责任。\n",
        encoding="utf-8",
    )
    _code, out, _err = _run(capsys, "check", str(path), "--no-corpus")
    commas = [line for line in out.splitlines() if "[格式" in line and "“,”" in line]
    assert len(commas) == 2  # one entry for each line, not one for each comma
    assert "（此处共 3 处）" in commas[0] and "此处共" not in commas[1]
    _code, out, _err = _run(capsys, "check", str(path), "--no-corpus", "--json")
    assert sum(1 for f in json.loads(out)["findings"] if f["text"] == ",") == 4  # the contract lists each

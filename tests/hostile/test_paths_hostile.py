"""Paths built from document text stay inside the folder the user chose; the HTML report escapes.

The issue's case: a draft received from someone else with `region = "../../x/运城市"` made the app
write `…/x/运城市-公文.docx` outside the export folder on F6.
"""

from __future__ import annotations

import pytest
from builders import DRAFTER, plan_text, run_drafter  # noqa: F401

from drafter.draft.io import parse_draft
from drafter.tui import services

HOSTILE_REGIONS = [
    "../../x/运城市",
    "/etc/cron.d/运城市",
    "..",
    "运城市/../../../tmp/y",
    "CON",
    "运城\x00市",
    "运城市\n",
    "..\\..\\运城市",
    "运" * 300,
    "",
]


def hostile_draft(region: str):
    body = "\n".join(plan_text("hostile").split("\n")[1:])
    region_toml = region.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\x00", "\\u0000")
    return parse_draft(f'+++\nregion = "{region_toml}"\ntitle = "某市实施方案"\n+++\n{body}\n')


@pytest.mark.parametrize("region", HOSTILE_REGIONS)
def test_an_export_named_after_a_hostile_region_lands_in_the_export_folder(sandbox, region):
    chosen = sandbox / "chosen"
    draft = hostile_draft(region)
    path = services.export("docx", draft, chosen, str(draft.meta.get("region") or "draft"))
    assert path.parent == chosen and path.is_file()
    assert len(path.name.encode("utf-8")) <= 255 and path.name.endswith("-公文.docx")


@pytest.mark.parametrize("region", HOSTILE_REGIONS)
def test_the_default_draft_file_named_after_a_hostile_region_lands_in_the_folder(sandbox, region):
    from drafter.tui.draft_actions import DraftActions

    class App(DraftActions):
        export_dir = sandbox / "chosen"
        session = type("Session", (), {"draft": hostile_draft(region)})()

    path = App().default_draft_path()
    services.save_draft(App.session.draft, path)
    assert path.parent == sandbox / "chosen" and path.is_file() and path.name.endswith("-实施方案.md")


def test_the_html_report_escapes_scripts_template_syntax_and_attributes(tmp_path, home):
    # Real tags are removed by cleaning; what survives to the report is text that only looks like
    # markup: angle brackets around Chinese, quotes, Jinja syntax.
    evil = '<省级" onmouseover="alert(1)">{{ 7*7 }}{% if 1 %}注入{% endif %}\'&'
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(plan_text("甲"), encoding="utf-8")
    b.write_text(plan_text("甲").replace("加强组织领导", "加强组织领导" + evil), encoding="utf-8")
    report = tmp_path / "report.html"
    result = run_drafter("diff", a, b, "--html", report, home=home)
    assert result.returncode == 0, result.stderr
    html = report.read_text(encoding="utf-8")
    assert "<省级" not in html and '" onmouseover="' not in html
    assert "&lt;省级" in html and "{{ 7*7 }}" in html and "{% if 1 %}注入{% endif %}" in html

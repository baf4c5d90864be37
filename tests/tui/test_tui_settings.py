"""The app's small pieces without a screen: recent drafts, settings, which editor Ctrl+E runs, path
completion, the 文种 filter, and `drafter tui --recent`."""

from __future__ import annotations

import json

from drafter.cli import main
from drafter.paths import locations
from drafter.tui.corpus_filter import CorpusFilter, choices
from drafter.tui.external_editor import editor_command
from drafter.tui.recent import MAX_RECENT, last_draft, read_recent, remember
from drafter.tui.settings import Settings, read_settings, write_settings
from drafter.tui.widgets.path_input import complete_path


def test_recent_drafts_newest_first_once_each_and_bounded(tmp_path):
    config = tmp_path / "config"
    drafts = [tmp_path / f"草稿{i}.md" for i in range(MAX_RECENT + 3)]
    for path in drafts:
        path.write_text("x", encoding="utf-8")
        remember(config, path, "标题", "运城市")
    remember(config, drafts[0], "标题", "运城市")  # opened again: back on top, not twice
    entries = read_recent(config)
    assert len(entries) == MAX_RECENT and entries[0].path == str(drafts[0].resolve())
    assert len({e.path for e in entries}) == MAX_RECENT
    drafts[0].unlink()
    assert last_draft(config) == drafts[-1].resolve()  # the newest whose file still exists


def test_a_broken_recent_list_is_an_empty_one(tmp_path):
    (tmp_path / "recent.json").write_text("{not json", encoding="utf-8")
    assert read_recent(tmp_path) == [] and last_draft(tmp_path) is None


def test_settings_round_trip_and_a_broken_file_is_reported(tmp_path):
    write_settings(tmp_path, Settings(language="en", editor="micro"))
    assert read_settings(tmp_path) == (Settings("en", "micro"), None)
    (tmp_path / "settings.toml").write_text("language = ", encoding="utf-8")
    settings, problem = read_settings(tmp_path)
    assert settings == Settings() and settings.language == "" and "settings.toml" in problem


def test_the_editor_is_never_vi_unasked():
    found = {"nano": "/usr/bin/nano", "vi": "/usr/bin/vi"}
    assert editor_command("", {}, found.get, "linux") == ["/usr/bin/nano"]
    assert editor_command("", {}, lambda name: "/usr/bin/vi" if name == "vi" else None, "linux") is None
    assert editor_command("", {"EDITOR": "vim -u NONE"}, found.get, "linux") == ["vim", "-u", "NONE"]
    assert editor_command("", {"VISUAL": "code -w", "EDITOR": "vim"}, found.get, "linux") == ["code", "-w"]
    assert editor_command("gedit", {"EDITOR": "vim"}, found.get, "linux") == ["gedit"]  # the setting first
    assert editor_command("", {}, found.get, "win32") == ["notepad"]


def test_path_completion(tmp_path):
    (tmp_path / "收集的方案").mkdir()
    (tmp_path / "运城市-实施方案.md").write_text("", encoding="utf-8")
    (tmp_path / "运城市-公文.docx").write_text("", encoding="utf-8")
    assert complete_path(f"{tmp_path}/收") == f"{tmp_path}/收集的方案/"
    assert complete_path(f"{tmp_path}/运城市-实", (".md",)) == f"{tmp_path}/运城市-实施方案.md"
    assert complete_path(f"{tmp_path}/运城市-", (".md",)) == f"{tmp_path}/运城市-实施方案.md"  # .docx skipped
    assert complete_path(f"{tmp_path}/运", folders_only=True) is None
    assert complete_path(f"{tmp_path}/nothing-here/x") is None


def test_the_corpus_filter_is_the_stores_and_its_choices_come_from_the_facets():
    from drafter.store import DocFilter, Facets

    chosen = CorpusFilter(text="哈尔滨", year="2017", kind="组织保障", doc_type="方案", level="市级")
    assert chosen.to_store() == DocFilter(year_from=2017, year_to=2017, kind="组织保障", doc_type="方案",
                                          level="市级", text="哈尔滨")  # fmt: skip
    assert CorpusFilter().to_store().is_empty() and CorpusFilter().is_empty()
    offered = choices(Facets(years={2015: 1, 2017: 3}, doc_types={"方案": 20, "通知": 1}))
    assert offered["year"] == [("2017（3）", "2017"), ("2015（1）", "2015")]  # newest first, with counts
    assert offered["doc_type"] == [("方案（20）", "方案"), ("通知（1）", "通知")] and offered["level"] == []


def test_recent_list_on_the_command_line(tmp_path, capsys):
    draft = tmp_path / "运城市-实施方案.md"
    draft.write_text("x", encoding="utf-8")
    remember(locations().config_dir, draft, "运城市深化医药卫生体制改革实施方案", "运城市")
    assert main(["tui", "--recent", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["drafts"]
    assert rows[0]["path"] == str(draft.resolve()) and rows[0]["exists"] and rows[0]["region"] == "运城市"

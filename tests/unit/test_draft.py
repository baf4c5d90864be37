"""The draft file: lossless round trip, renumbering, provenance, atomic saves, clear errors."""

from __future__ import annotations

import os

import pytest

from drafter.errors import DrafterError

from drafter.draft import io
from drafter.draft.io import BrokenDraft, dumps_draft, load_draft, parse_draft, save_draft
from drafter.draft.model import DraftSection, provenance_line
from drafter.draft.numbering import chinese_number, marker

DRAFT = """+++
region = "遵义市"
province = "贵州省"
title = "遵义市深化医药卫生体制改革实施方案"
date = "2025-03-01"
superior = ["《关于深化医药卫生体制改革的意见》"]
+++
遵义市深化医药卫生体制改革实施方案
为贯彻落实上级精神，结合遵义市实际，制定本方案。

一、指导思想
<!-- 来源: id=zdsx-1a2b3c | 地区=哈尔滨市 | 日期=2017-06-08 -->
坚持以人民健康为中心。
二、 重点任务
(一)推进分级诊疗
  缩进的一段，保持原样。
1.完善家庭医生签约
签约。
(二)深化医保支付方式改革
按病种付费。
三、组织保障
加强组织领导。
"""


def test_load_then_save_gives_back_the_same_bytes(tmp_path):
    for text in (DRAFT, DRAFT.replace("\n", "\r\n"), DRAFT.rstrip("\n")):
        path = tmp_path / "draft.md"
        path.write_bytes(text.encode("utf-8"))
        save_draft(load_draft(path), path)
        assert path.read_bytes() == text.encode("utf-8")


def test_outline_and_metadata_are_read():
    draft = parse_draft(DRAFT)
    assert draft.meta["region"] == "遵义市" and draft.meta["superior"] == ["《关于深化医药卫生体制改革的意见》"]
    assert [s.title for s in draft.sections] == ["指导思想", "重点任务", "组织保障"]
    tasks = draft.sections[1]
    assert [(c.level, c.title) for c in tasks.children] == [(2, "推进分级诊疗"), (2, "深化医保支付方式改革")]
    assert tasks.children[0].children[0].heading == "1.完善家庭医生签约"
    assert draft.sections[0].body == "坚持以人民健康为中心。"
    assert draft.sections[0].sources == [{"id": "zdsx-1a2b3c", "地区": "哈尔滨市", "日期": "2017-06-08"}]


def test_moving_adding_removing_renumbers():
    draft = parse_draft(DRAFT)
    draft.move_section(draft.sections[2], -1)
    assert [s.heading for s in draft.sections] == ["一、指导思想", "二、组织保障", "三、重点任务"]
    tasks = draft.sections[2]
    draft.move_section(tasks.children[1], -1)
    assert [c.heading for c in tasks.children] == ["（一）深化医保支付方式改革", "（二）推进分级诊疗"]
    added = draft.add_section(DraftSection("基本原则", 1, lines=["坚持公益性。"],
                                           children=[DraftSection("坚持政府主导", 2)]), position=1)
    assert added.heading == "二、基本原则" and added.children[0].heading == "（一）坚持政府主导"
    assert [s.heading for s in draft.sections][-1] == "四、重点任务"
    # a level-1 passage put under 重点任务 becomes a (三) with its children one level deeper
    moved = draft.add_section(DraftSection("推进信息化", 1, children=[DraftSection("建设平台", 2)]), tasks)
    assert moved.heading == "（三）推进信息化" and moved.children[0].heading == "1.建设平台"
    draft.remove_section(draft.sections[0])
    assert [s.heading for s in draft.sections] == ["一、基本原则", "二、组织保障", "三、重点任务"]
    again = parse_draft(dumps_draft(draft))
    assert [s.heading for s in again.walk()] == [s.heading for s in draft.walk()]


def test_body_edits_keep_provenance_and_render_hides_it():
    draft = parse_draft(DRAFT)
    guiding = draft.sections[0]
    draft.replace_body(guiding, "以习近平新时代中国特色社会主义思想为指导。")
    draft.append_body(guiding, "坚持改革创新。")
    assert guiding.sources[0]["id"] == "zdsx-1a2b3c"
    assert guiding.body == "以习近平新时代中国特色社会主义思想为指导。\n坚持改革创新。"
    again = parse_draft(dumps_draft(draft))
    assert again.sections[0].sources == guiding.sources
    shown = io.plain_text(again)
    assert "来源" not in shown and "<!--" not in shown and "region" not in shown
    assert "坚持改革创新。" in shown


def test_set_meta_rewrites_the_front_matter():
    draft = parse_draft(DRAFT)
    draft.set_meta("issuer", "遵义市人民政府办公室")
    again = parse_draft(dumps_draft(draft))
    assert again.meta["issuer"] == "遵义市人民政府办公室" and again.meta["region"] == "遵义市"
    with pytest.raises(DrafterError, match="colour"):
        draft.set_meta("colour", "red")


def test_provenance_line_survives_odd_characters():
    line = provenance_line({"id": "x", "文件": "a|b-->c"})
    assert parse_draft(f"一、标题\n{line}\n正文\n").sections[0].sources == [{"id": "x", "文件": "a/b—>c"}]


@pytest.mark.parametrize(
    "text, line, why",
    [
        ('+++\nregion = "遵义市\n+++\n一、指导思想\n', 2, "broken draft metadata"),
        ('+++\nregion = "遵义市"\nsuperior = "《一》"\n+++\n', 3, "superior"),
        ('+++\nregion = "遵义市"\nattachments = "经费表"\n+++\n', 3, "attachments"),
        ('+++\nregion = "遵义市"\naddressee = 3\n+++\n', 3, "addressee"),
        ('+++\nregion = "遵义市"\n一、指导思想\n', 1, "never closed"),
    ],
)
def test_broken_metadata_names_file_and_line(tmp_path, text, line, why):
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BrokenDraft) as err:
        load_draft(path)
    assert str(err.value).startswith(f"{path}:{line}: ") and why in str(err.value)


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes("一、指导思想\n".encode("gb18030"))
    with pytest.raises(BrokenDraft, match="not UTF-8"):
        load_draft(path)


def test_a_failing_save_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    draft = load_draft(path)
    draft.append_body(draft.sections[0], "新的一段。" * 1000)

    def crash(*_args):  # the machine dies between writing the temp file and renaming it
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(DrafterError, match=r"draft\.md: disk gone"):
        save_draft(draft, path)
    assert path.read_text(encoding="utf-8") == DRAFT
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]  # no temp file left behind

    monkeypatch.setattr(os, "fsync", crash)  # and a crash while flushing the temp file
    with pytest.raises(DrafterError):
        save_draft(draft, path)
    assert path.read_text(encoding="utf-8") == DRAFT


def test_numbering():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    assert [marker(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]

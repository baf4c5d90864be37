"""Writing export files: atomic, one clear line on failure, nothing half-written; the CLI."""

from __future__ import annotations

import os
import stat

import docx
import pytest
from docx_reading import NS, w
from test_export_gongwen import sample_plan

from drafter.cli import main
from drafter.errors import DrafterError
from drafter.atomic import write_atomically
from drafter.export.document import write_gongwen

SEED_TITLE_PART = "公立医院"


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(DrafterError, match=r"missing.*plan\.docx: 文件夹 .*missing 不存在"):
        write_gongwen(sample_plan(), tmp_path / "missing" / "plan.docx")


def test_unwritable_folder_leaves_nothing_behind(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:  # root ignores folder permissions: make the OS refuse as it would a user
        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("drafter.atomic.tempfile.mkstemp", refuse)
    try:
        with pytest.raises(DrafterError, match="没有写入权限"):
            write_gongwen(sample_plan(), folder / "plan.docx")
        assert leftovers(folder) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_document_open_in_word_or_libreoffice_is_refused_and_kept(tmp_path):
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old version")
    for lock in (tmp_path / ".~lock.plan.docx#", tmp_path / "~$plan.docx"):
        lock.write_text("owner")
        with pytest.raises(DrafterError, match="正在其他程序中打开"):
            write_gongwen(sample_plan(), target)
        lock.unlink()
    assert target.read_bytes() == b"old version"


def test_a_failure_while_writing_keeps_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old version")

    def broken_replace(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(DrafterError, match="plan.docx: 没有写入权限"):
        write_gongwen(sample_plan(), target)
    assert target.read_bytes() == b"old version"
    assert leftovers(tmp_path) == ["plan.docx"]


def test_a_failure_while_building_touches_nothing(tmp_path):
    def produce(buffer):
        buffer.write(b"half")
        raise RuntimeError("bug while building")

    with pytest.raises(RuntimeError):
        write_atomically(tmp_path / "x.docx", produce)
    assert leftovers(tmp_path) == []


def test_target_that_is_a_folder(tmp_path):
    (tmp_path / "plan.docx").mkdir()
    with pytest.raises(DrafterError, match="是一个文件夹"):
        write_gongwen(sample_plan(), tmp_path / "plan.docx")


def test_overwrite_replaces_the_file(tmp_path):
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old version")
    write_gongwen(sample_plan(), target)
    assert docx.Document(str(target)).paragraphs[0].text == sample_plan().title
    assert leftovers(tmp_path) == ["plan.docx"]


# -- CLI ------------------------------------------------------------------------------------------
def test_cli_exports_a_seed_plan(seed_paths, tmp_path, capsys):
    out = tmp_path / "plan.docx"
    code = main(["export", str(seed_paths[0]), "--doc", "1", "--docx", str(out), "--addressee", "各县(市、区)人民政府"])
    assert code == 0
    assert str(out) in capsys.readouterr().out
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert SEED_TITLE_PART in texts[0]
    assert "各县（市、区）人民政府：" in texts  # full-width marks in a 公文


def test_cli_file_with_several_documents_lists_them(seed_paths, tmp_path, capsys):
    assert main(["export", str(seed_paths[-1]), "--docx", str(tmp_path / "a.docx")]) == 2
    err = capsys.readouterr().err
    assert "--doc N" in err and "1  关于对《聊城市" in err and "2  起草说明" in err
    assert main(["export", str(seed_paths[-1]), "--doc", "3", "--docx", str(tmp_path / "a.docx")]) == 2
    assert "3" in capsys.readouterr().err and not (tmp_path / "a.docx").exists()
    assert main(["export", str(seed_paths[-1]), "--doc", "2", "--docx", str(tmp_path / "b.docx")]) == 0
    assert docx.Document(str(tmp_path / "b.docx")).paragraphs[0].text == "起草说明"


def test_cli_exports_a_corpus_plan_by_name_and_lists_ambiguous_names(tmp_path, capsys):
    out = tmp_path / "h.docx"
    assert main(["export", "哈尔滨", "--docx", str(out)]) == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "哈尔滨市人民政府办公厅文件" and "哈政办规〔2017〕28号" in texts
    assert "哈尔滨市城市公立医院综合改革实施方案" in texts  # the plan on its own page, after the notice
    capsys.readouterr()
    assert main(["export", "公立医院", "--docx", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "公立医院" in err and "哈尔滨市" in err and "运城市" in err and not (tmp_path / "x.docx").exists()


def test_cli_exports_a_draft_with_its_parts_and_seal_layout(tmp_path, capsys):
    draft = tmp_path / "d.md"
    assert main(["new", "--region", "运城市", "--province", "山西省", "--date", "2025-03-01", "-o", str(draft)]) == 0
    out = tmp_path / "d.docx"
    assert main(["export", str(draft), "--docx", str(out), "--seal"]) == 0
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "运城市人民政府办公室文件" and "运政办发〔2025〕号" in texts
    date = next(p for p in document.paragraphs if p.text == "2025年3月1日")
    assert date._p.find("w:pPr/w:ind", NS).get(w("rightChars")) == "400"  # §7.3.5.1


def test_cli_bad_paths_give_one_line_and_exit_2(tmp_path, seed_paths, capsys):
    assert main(["export", str(tmp_path / "nope.md"), "--docx", str(tmp_path / "a.docx")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("drafter: ") and "nope.md" in err and "\n" not in err
    assert main(["export", str(seed_paths[0]), "--doc", "1", "--docx", str(tmp_path / "no" / "a.docx")]) == 2
    err = capsys.readouterr().err.strip()
    assert "不存在" in err and "\n" not in err
    assert main(["export", str(seed_paths[0])]) == 2
    assert "--docx" in capsys.readouterr().err

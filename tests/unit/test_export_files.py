"""Writing export files: atomic, one clear line on failure, nothing half-written; the CLI."""

from __future__ import annotations

import os
import stat

import docx
import pytest
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
    code = main(["export", str(seed_paths[0]), "--docx", str(out), "--addressee", "各县(市、区)人民政府"])
    assert code == 0
    assert str(out) in capsys.readouterr().out
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert SEED_TITLE_PART in texts[0]
    assert "各县(市、区)人民政府:" in texts


def test_cli_bad_paths_give_one_line_and_exit_2(tmp_path, seed_paths, capsys):
    assert main(["export", str(tmp_path / "nope.md"), "--docx", str(tmp_path / "a.docx")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("drafter: ") and "nope.md" in err and "\n" not in err
    assert main(["export", str(seed_paths[0]), "--docx", str(tmp_path / "no" / "a.docx")]) == 2
    err = capsys.readouterr().err.strip()
    assert "不存在" in err and "\n" not in err
    assert main(["export", str(seed_paths[0])]) == 2
    assert "--docx" in capsys.readouterr().err

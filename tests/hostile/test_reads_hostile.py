"""Reading one bad file (`drafter outline`, `clean`, `diff`): one clear line naming it, exit 2, no
traceback, never a hang, memory under 512 MB. And hostile text that is readable gets read."""

from __future__ import annotations

import codecs
import json
import os

import pytest
from builders import (
    assert_clean_failure,
    lying_docx,
    no_traceback,
    permissions_apply,
    plan_text,
    run_drafter,
    seed_text,
    text_of,
    xml_bomb_docx,
    zip_bomb_docx,
)  # fmt: skip


def _fifo(path):
    os.mkfifo(path)
    return path


def _link(target):
    def make(path):
        path.symlink_to(target)
        return path

    return make


def _loop(path):
    path.symlink_to(path.name)
    return path


# Run as a user would (a subprocess under the memory limit, with a timeout): the ones that could
# exhaust memory or hang.
BOUNDED = {  # name → (builder, words of its line)
    "bomb.docx": (zip_bomb_docx, "解压后太大"),
    "zero.txt": (_link("/dev/zero"), "设备文件"),
    "urandom.html": (_link("/dev/urandom"), "设备文件"),
    "pipe.txt": (_fifo, "命名管道"),
}
# Run in this process (faster): the rest.
IN_PROCESS = {
    "xml-bomb.docx": (xml_bomb_docx, "解压后太大"),
    "liar.docx": (lying_docx, "损坏的 .docx"),
    "loop.txt": (_loop, "符号链接循环"),
    "folder.txt": (lambda p: p.mkdir() or p, "是文件夹"),
}


def _args(command, path, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(plan_text("好"), encoding="utf-8")
    return [command, path, good] if command == "diff" else [command, path]


@pytest.mark.parametrize("command", ["outline", "clean", "diff"])
@pytest.mark.parametrize("name", sorted(BOUNDED))
def test_a_bad_file_is_one_line_exit_2_in_bounded_memory(tmp_path, home, command, name):
    build, why = BOUNDED[name]
    path = build(tmp_path / name)
    line = assert_clean_failure(run_drafter(*_args(command, path, tmp_path), home=home, timeout=60), str(path))
    assert why in line


@pytest.mark.parametrize("command", ["outline", "clean", "diff"])
@pytest.mark.parametrize("name", sorted(IN_PROCESS))
def test_a_bad_file_is_one_line_exit_2(tmp_path, capsys, command, name):
    from drafter.cli import main

    build, why = IN_PROCESS[name]
    path = build(tmp_path / name)
    assert main([str(a) for a in _args(command, path, tmp_path)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "Traceback" not in captured.err, captured.err
    if not (command == "diff" and name == "folder.txt"):  # compare names a folder in its own words
        assert why in lines[0]


@pytest.mark.skipif(not permissions_apply(), reason="root without setpriv: permissions cannot be made to apply")
@pytest.mark.parametrize("command", ["outline", "clean", "diff"])
def test_a_file_in_a_folder_without_permission(tmp_path, home, command, restore_permissions):
    locked = tmp_path / "locked"
    locked.mkdir()
    plan = locked / "plan.txt"
    plan.write_text(plan_text("锁"), encoding="utf-8")
    os.chmod(locked, 0)
    restore_permissions.append(locked)
    args = [command, plan, plan] if command == "diff" else [command, plan]
    line = assert_clean_failure(run_drafter(*args, home=home, plain_user=True), str(plan))
    assert "权限" in line


def test_odd_names_with_good_plans_are_read(tmp_path, home):
    for raw in (b"bad\xffname.txt", b"new\nline.txt"):
        path = tmp_path / os.fsdecode(raw)
        path.write_text(plan_text("名"), encoding="utf-8")
        result = run_drafter("outline", "--json", path, home=home)
        no_traceback(result)
        assert result.returncode == 0 and json.loads(result.stdout)["documents"], text_of(result.stderr)


def test_an_empty_file_with_a_newline_in_its_name_is_one_quoted_line(tmp_path, home):
    path = tmp_path / "空\n文件.txt"
    path.write_bytes(b"")
    line = assert_clean_failure(run_drafter("outline", path, home=home), f'"{tmp_path}/空\\n文件.txt"')
    assert "空文件" in line


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_not_called_binary(tmp_path, home, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(seed_text(2).encode(encoding))
    result = run_drafter("outline", "--json", path, home=home)
    assert result.returncode == 0, text_of(result.stderr)
    assert json.loads(result.stdout)["documents"][0]["region"] == "哈尔滨市"


def test_xxe_never_reads_the_named_file(tmp_path, home):
    from builders import xxe_docx

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-PASSWORD", encoding="utf-8")
    result = run_drafter("clean", xxe_docx(tmp_path / "xxe.docx", secret), home=home)
    no_traceback(result)
    assert "TOPSECRET" not in text_of(result.stdout) + text_of(result.stderr)


def test_a_seed_flattened_to_one_line_is_outlined_and_ingested(tmp_path, home):
    path = tmp_path / "flat.txt"
    path.write_text(seed_text(4).replace("\n", ""), encoding="utf-8")
    result = run_drafter("outline", "--json", path, home=home)
    assert result.returncode == 0, text_of(result.stderr)
    assert "聊城市" in json.loads(result.stdout)["documents"][0]["title"]
    ingest = run_drafter("ingest", path, home=home)
    assert ingest.returncode == 0 and text_of(ingest.stdout).startswith("读入 1 个文件"), text_of(ingest.stdout)


def test_clean_json_holds_its_contract_on_a_mutated_seed_with_junk_before_the_plan(tmp_path, home):
    junk = "网站首页 \u202e??傤\u200b 联系我们\n"
    mutated = junk + seed_text(3).replace("医", "医\u200f", 20).replace("。", "。\u200b👍🏽", 10)
    path = tmp_path / "mutated.txt"
    path.write_bytes(codecs.BOM_UTF8 + mutated.encode("utf-8"))
    result = run_drafter("clean", "--json", path, home=home)
    assert result.returncode == 0, text_of(result.stderr)
    documents = json.loads(result.stdout)["documents"]
    first = documents[0]["removed"][0]
    assert first["what"] == "outside-document" and first["at"] == 0 and "联系我们" in first["text"]
    for doc in documents:
        text = doc["text"]
        assert all(0 <= c["at"] <= len(text) for c in doc["removed"])
        assert all(text[w["at"] : w["at"] + len(w["text"])] == w["text"] for w in doc["warnings"])
        assert "\u200f" not in text and "\u200b" not in text

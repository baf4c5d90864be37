"""The segmenter: rjieba's words, jieba's dictionary read as data, and no command loading jieba."""

from __future__ import annotations

import subprocess
import sys

from drafter.text import tokens


def test_words_give_back_the_text_and_index_words_follow_the_paragraphs():
    text = "推进分级诊疗制度建设，取消药品加成（2017年）。"
    assert "".join(tokens.tokenize(text)) == text
    assert {"分级", "诊疗", "药品", "2017"} <= set(tokens.tokenize(text))
    words = tokens.index_words(["取消药品加成。", "", "家庭医生签约服务"])
    assert len(words) == 3 and words[1] == ""
    assert "药品" in words[0].split() and "。" not in words[0]
    assert {"家庭", "医生", "签约", "服务"} <= set(words[2].split())


def test_dictionary_words_are_read_from_the_file_and_cached(isolated_home):
    places = tokens.tagged_words(("ns",))
    assert {"哈尔滨", "北京"} <= places and "医院" not in places
    common = tokens.common_words(2000)
    assert "医院" in common and "哈尔滨" not in common and all(2 <= len(w) <= 4 for w in common)
    cached = list((isolated_home / "cache").rglob("common-2000-*.txt"))
    assert len(cached) == 1
    cached[0].write_text("假词", encoding="utf-8")  # the cache is what a second call reads
    assert tokens.common_words(2000) == frozenset({"假词"})


def test_outline_compare_and_check_never_load_jieba(seeds_dir, tmp_path):
    """jieba's import alone costs ~0.3 s and its dictionary ~1 s: the fast segmenter does it all."""
    draft = tmp_path / "draft.md"
    seed = next(seeds_dir.glob("002_*.txt"))
    other = next(seeds_dir.glob("004_*.txt"))
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        f"main(['new', '--region', '运城市', '--province', '山西省', '-o', {str(draft)!r}, '--force'])\n"
        f"main(['outline', {str(seed)!r}, '--json'])\n"
        f"main(['diff', {str(seed)!r}, {str(other)!r}, '--json'])\n"
        f"main(['check', {str(draft)!r}, '--json'])\n"
        "loaded = sorted(m for m in sys.modules if m == 'jieba' or m.startswith('jieba.'))\n"
        "print('RJIEBA:' + str('rjieba' in sys.modules), 'JIEBA:' + ','.join(loaded), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert "JIEBA:" in out.stderr, out.stderr[-2000:]
    assert "RJIEBA:True" in out.stderr  # the words were cut…
    assert out.stderr.rsplit("JIEBA:", 1)[1].strip() == "", "jieba was imported"  # … and not by jieba


def test_symbol_words_found_as_by_the_lookaround_pattern():
    # The pattern opens with its character class (faster); it drops what the lookaround one did.
    import itertools
    import re

    from drafter.text.tokens import _SYMBOLS_ONLY

    lookaround = re.compile(r"(?=[+#&.%\-_])(?<!\S)[+#&.%\-_]+(?!\S)")
    for n in range(1, 6):
        for chars in itertools.product("+.-_ a中\n", repeat=n):
            text = "".join(chars)
            assert _SYMBOLS_ONLY.sub(" ", text) == lookaround.sub(" ", text), text

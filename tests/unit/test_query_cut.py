"""A query's cut without rjieba gives exactly rjieba's words, or says it cannot (and rjieba cuts)."""

from __future__ import annotations

import math
import random
import re
import sqlite3
from pathlib import Path

import pytest
import rjieba

from drafter.text import query_cut, tokens, word_freqs

DATA = Path(__file__).parent.parent / "data"
HAND_PICKED = [
    "家庭医生", "家庭医生签约服务", "取消药品加成", "医联体", "分级诊疗", "医保支付方式改革",
    "基层医疗卫生机构", "建立 现代医院管理制度", "加强组织领导,确保工作落实", "推进分级诊疗制度建设",
    "医疗卫生", "公立医院综合改革", "2024年", "2024年底前", "5G", "5G网络", "COVID-19", "COVID-19疫情",
    "12.5%", "95%以上", "x-x年", "www.wm114.cn", "C++语言", "AT&T", "B超", "T恤衫", "c#",
    "家庭 医生", " 家庭医生 ", "家庭医生。", "《健康中国2030》规划纲要", "“十四五”规划", "（一）总体要求",
    "医", "生", "的", "a", "1", "%", "-", "+", "", " ", "，", "\n", "家庭\n医生", "家庭\r\n医生",
    "醫療衛生", "医疗卫生机构",  # traditional: converted before the cut (`normalize_query`), or HMM
    "㐀㐁", "鿰年", "𠀀医", "ｘ－ｘ", "é医", "가나",
]  # fmt: skip


@pytest.fixture(scope="module")
def freqs(tmp_path_factory) -> word_freqs.SqliteFrequencies:
    """The cache file as a user's search reads it, built once for this module."""
    path = tmp_path_factory.mktemp("query-words") / "words.sqlite3"
    path.write_bytes(word_freqs._build())
    opened = word_freqs._open_file(path)
    assert isinstance(opened, word_freqs.SqliteFrequencies), "rjieba disagrees with jieba's dict.txt"
    return opened


def _plan_texts() -> list[str]:
    files = sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "parser_cases").glob("*.txt"))
    files += sorted((DATA / "superior").glob("*.txt"))
    assert len(files) >= 10
    return [f.read_text(encoding="utf-8") for f in files]


def _strings(texts: list[str], windows: int, seed: int = 15) -> list[str]:
    """Every paragraph and sentence of `texts`, and `windows` random 2–12 character windows of each."""
    rng = random.Random(seed)
    out: list[str] = []
    for text in texts:
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        out += paragraphs
        out += [s for p in paragraphs for s in re.split(r"(?<=[。；！？])", p) if s]
        for _ in range(windows):
            n = rng.randint(2, 12)
            at = rng.randrange(max(1, len(text) - n))
            out.append(text[at : at + n])
    return out


def _compare(strings: list[str], freqs) -> tuple[int, int, list]:  # noqa: ANN001
    fast, fallback, wrong = 0, 0, []
    for s in strings:
        mine = query_cut.cut_for_search(s, freqs)
        if mine is None:
            fallback += 1
            continue
        fast += 1
        expected = rjieba.cut_for_search(s, True)
        if mine != expected:
            wrong.append((s, mine, expected))
    return fast, fallback, wrong


def test_the_cut_is_rjiebas_on_every_paragraph_sentence_and_window_of_the_plans(freqs):
    strings = _strings(_plan_texts(), windows=800)
    # as the index cuts them (punctuation turned to spaces), and raw
    cleaned = [tokens._NOT_WORD.sub(" ", s.replace("\n", " ")) for s in strings]
    fast, fallback, wrong = _compare(cleaned + strings, freqs)
    print(f"\nplans: {len(cleaned + strings)} strings, {fast} cut here, {fallback} by rjieba (HMM)")
    assert wrong == []
    assert fast > 0.6 * (fast + fallback)  # the windows (query-sized) mostly need no HMM


def test_hand_picked_queries_are_cut_as_rjieba_cuts_them(freqs):
    long_query = "".join(_plan_texts()[0].split())[1000:1200]  # 洪府发, 2017.07.28…: HMM, rjieba's
    long_plain = ("推进分级诊疗制度建设，加强组织领导，确保工作落实。" * 10)[:200]
    fast, fallback, wrong = _compare(HAND_PICKED + [long_query, long_plain], freqs)
    print(f"\nhand-picked: {fast} cut here, {fallback} by rjieba")
    assert wrong == []
    plain = ("家庭医生", "2024年", "5G网络", "COVID-19", "建立 现代医院管理制度", "", "AT&T", long_plain)
    for query in plain:
        assert query_cut.cut_for_search(query, freqs) is not None, query
    from drafter.store.search import normalize_query

    converted = normalize_query("醫療衛生服務")
    assert query_cut.cut_for_search(converted, freqs) == rjieba.cut_for_search(converted, True)


def test_random_strings_of_letters_digits_symbols_and_ideographs(freqs):
    """The digits-and-letters rule (inferred from rjieba) holds on every mix of its characters."""
    alphabet = list("abZx12090") + list("._-%+#&") + list("年的卫生医疗家庭") + ["㐀", "鿰", " ", "豈", "\n"]
    rng = random.Random(7)
    strings = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(30000)]
    fast, fallback, wrong = _compare(strings, freqs)
    print(f"\nrandom: {fast} cut here, {fallback} by rjieba")
    assert wrong[:5] == []
    assert fast > 10000


def test_hmm_is_left_to_rjieba(freqs):
    # two characters no dictionary word covers: HMM's Viterbi decides, and its model is rjieba's
    for text in ("办医", "社会办医", "县域医共体", "检查检验结果互认", "带量采购"):
        assert query_cut.cut_for_search(text, freqs) is None, text
    assert rjieba.cut_for_search("社会办医", True) != rjieba.cut_for_search("社会办医", False)
    assert query_cut.cut_for_search("家" * (query_cut.MAX_CHARS + 1), freqs) is None


def test_rjiebas_dictionary_is_jiebas_dict_txt():
    """Every word of dict.txt is rjieba's with the same frequency (`suggest_freq` reads it, and the
    total), and rjieba knows no other word in the plans."""
    freqs = word_freqs.DictFrequencies(word_freqs.read_dictionary())
    logtotal = math.log(freqs.total)
    wrong = []
    for word, freq in list(freqs.freqs.items())[::3]:
        logfreq = sum(math.log(freqs.freqs.get(t, 1)) - logtotal for t in rjieba.cut(word, False))
        expected = max(int(math.exp(logfreq + logtotal)) + 1, freq)
        if not rjieba.has_word(word) or rjieba.suggest_freq(word) != expected:
            wrong.append(word)
    assert wrong == []
    text = "\n".join(_plan_texts())
    found = {w for w in rjieba.cut_all(text) if len(w) > 1 and re.fullmatch(r"[\u4e00-\u9fff]+", w)}
    assert found and found <= set(freqs.freqs)


def test_query_words_are_the_index_words(freqs, monkeypatch):
    monkeypatch.setattr(word_freqs, "frequencies", lambda: freqs)
    tokens.query_words.cache_clear()
    for query in HAND_PICKED + _strings(_plan_texts()[:2], windows=300, seed=3)[:2000]:
        assert tokens.query_words(query) == tokens.index_words([query])[0], query
    tokens.query_words.cache_clear()


def test_a_missing_cache_is_built_and_a_broken_one_only_falls_back(monkeypatch, tmp_path):
    tokens.query_words.cache_clear()
    path = word_freqs.cache_path()
    assert not path.exists()
    assert tokens.query_words("家庭医生签约") == "家庭 医生 家庭医生 签约"  # rjieba, and the file built
    assert path.exists() and word_freqs.frequencies() is not None
    # a broken file: rjieba cuts, nothing raises
    home = tmp_path / "broken"
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    broken = word_freqs.cache_path()
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"not a database" * 100)
    tokens.query_words.cache_clear()
    assert word_freqs.frequencies() is None
    assert tokens.query_words("家庭医生签约") == "家庭 医生 家庭医生 签约"
    tokens.query_words.cache_clear()


def test_a_cache_folder_that_cannot_be_written_costs_only_time(monkeypatch, tmp_path):
    home = tmp_path / "not-a-folder"
    home.write_text("")  # the cache folder would be inside a file: nothing can be made there (root too)
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    tokens.query_words.cache_clear()
    assert tokens.query_words("分级诊疗") == "分级 诊疗"
    monkeypatch.setattr(word_freqs, "_writable", lambda folder: True)  # tried anyway: mkdir fails
    word_freqs._checked.clear()
    word_freqs.build_if_missing()
    assert word_freqs.frequencies() is None
    tokens.query_words.cache_clear()


def test_a_file_rjieba_disagrees_with_is_never_used(monkeypatch, tmp_path):
    monkeypatch.setattr(word_freqs, "agrees_with_rjieba", lambda freqs: False)
    path = tmp_path / "words.sqlite3"
    path.write_bytes(word_freqs._build())
    assert word_freqs._open_file(path) is None


def test_a_file_that_breaks_while_open_only_falls_back(freqs, monkeypatch):
    opened = word_freqs.SqliteFrequencies(sqlite3.connect(":memory:"), freqs.total, freqs.longest)
    opened.conn.close()
    monkeypatch.setattr(word_freqs, "frequencies", lambda: opened)
    tokens.query_words.cache_clear()
    assert tokens.query_words("家庭医生签约") == "家庭 医生 家庭医生 签约"
    tokens.query_words.cache_clear()

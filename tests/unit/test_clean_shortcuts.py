"""The shortcuts of `clean` (steps skipped when their characters are absent or when nothing they
judge changed, OpenCC skipped for text it would leave as it is) change no output: `clean` equals the
pipeline without them on scraped dirt, and each claim a shortcut rests on holds on its own."""

from __future__ import annotations

from dataclasses import astuple

from clean_reference import DIRT, DIRTY, reference_clean
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.text import clean as C
from drafter.text import clean_layout as L
from drafter.text import clean_simplified as S
from drafter.text.edits import apply_edits, deletes_whole_lines, lines_with_offsets

LINES = st.lists(st.sampled_from(DIRT), max_size=30).map("".join)
MANY = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _fields(raw: str) -> tuple:
    return astuple(C.clean(raw))


@MANY
@given(DIRTY)
def test_clean_equals_the_pipeline_without_shortcuts(raw):
    assert _fields(raw) == reference_clean(raw)


@MANY
@given(DIRTY)
def test_a_second_clean_equals_it_too(raw):
    once = C.clean(raw).text
    assert _fields(once) == reference_clean(once)


def _by_lines(step, text):
    """The edits `step` makes on each line alone, moved to the line's offset."""
    return [e._replace(start=e.start + pos, end=e.end + pos) for pos, line in lines_with_offsets(text)
            for e in _edits(step, line)]  # fmt: skip


def _edits(step, text):
    return step(text)[0] if step is C.find_spam else step(text)


@MANY
@given(LINES)
def test_line_local_steps_judge_each_line_alone(text):
    for step in C._LINE_LOCAL:
        assert _edits(step, text) == _by_lines(step, text), step.__name__


@MANY
@given(LINES, st.data())
def test_deleting_whole_lines_gives_line_local_steps_nothing_new(text, data):
    lines = lines_with_offsets(text)
    kept = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    edits = [C.Edit(pos, pos + len(line)) for (pos, line), keep in zip(lines, kept) if not keep and line]
    assert deletes_whole_lines(text, edits)
    after = apply_edits(text, edits)
    for step in C._LINE_LOCAL:
        if not _edits(step, text):
            assert not _edits(step, after), step.__name__


@MANY
@given(LINES)
def test_idempotent_and_edge_blind_steps(text):
    stripped = apply_edits(text, L.strip_line_ends(text))
    assert L.stripped_line_ends(text) == stripped
    for step in C._IDEMPOTENT:
        assert not step(apply_edits(text, step(text))), step.__name__
    for step in C._BLIND_TO_EDGE_SPACES:
        if not step(text):
            assert not step(stripped), step.__name__


def test_a_partial_line_edit_is_not_a_whole_line_deletion():
    assert not deletes_whole_lines("ab\ncd", [C.Edit(0, 1)])
    assert not deletes_whole_lines("ab\ncd", [C.Edit(3, 5, "x")])
    assert deletes_whole_lines("ab\ncd", [C.Edit(0, 3), C.Edit(3, 5)])


def test_unreadable_dictionaries_mean_every_text_is_converted(monkeypatch):
    def unreadable():
        raise ValueError("another format")

    monkeypatch.setattr(S, "_dictionary_entries", unreadable)
    S._gate.cache_clear()
    try:
        assert S._gate() is None
        assert S.to_simplified("醫療衛生") == "医疗卫生"
    finally:
        S._gate.cache_clear()

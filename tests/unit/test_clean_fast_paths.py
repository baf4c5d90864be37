"""The cleaning steps that find their edits without a regex (for ingest speed) make exactly the
edits the regex they replace would make, on text built from the characters that matter to them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.text import clean_layout as L
from drafter.text.edits import regex_edits

PIECES = [" ", "\u3000", "\t", "\xa0", "\u2005", "\u200a", "\x0b", "\x0c", "\u202f", "\n", "\n\n", "\r", "\r\n",
          "\u2028", "\x85", "中", "a", "一、"]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)
_OUTER_BLANK = re.compile(r"\A\n+|\n+\Z")  # what trim_text matched before


def test_the_strip_characters_are_the_space_class():
    assert {c for c in map(chr, range(0x10000)) if re.fullmatch(L._SPACE, c)} == set(L._SPACE_CHARS)


@settings(max_examples=2000)
@given(TEXTS)
def test_strip_line_ends_edits_as_the_line_edge_regex(text):
    assert L.strip_line_ends(text) == regex_edits(L.EDGE_SPACE_RE, text, "")


@settings(max_examples=1000)
@given(TEXTS)
def test_trim_text_edits_as_the_outer_blank_regex(text):
    assert L.trim_text(text) == regex_edits(_OUTER_BLANK, text, "")


@settings(max_examples=1000)
@given(TEXTS)
def test_line_breaks_found_with_or_without_the_shortcut(text):
    assert L.normalise_line_breaks(text) == regex_edits(L.LINE_BREAK_RE, text, "\n")

"""The section editor: a TextArea whose soft wrap follows 禁则 like every other Chinese view.

Textual's TextArea wraps with `compute_wrap_offsets` (word wrapping for spaced scripts), which starts
lines with `，` and `、`. The wrapped document looks that function up in its module, so the editor's
wrap is given `drafter.text.linebreak`'s breaks instead — for lines without tabs; the editor's
cursor movement and selection keep working on the same offsets they always use.
"""

from __future__ import annotations

from textual.document import _wrapped_document
from textual.widgets import TextArea

from drafter.text.linebreak import line_ranges

_textual_offsets = _wrapped_document.compute_wrap_offsets


def kinsoku_wrap_offsets(text: str, width: int, tab_size: int, fold: bool = True,
                         precomputed_tab_sections: list[tuple[str, int]] | None = None) -> list[int]:
    """Where to break `text` for `width` cells: 禁则 breaks; Textual's own for lines with tabs."""
    if "\t" in text or width < 4:
        return _textual_offsets(text, width, tab_size, fold, precomputed_tab_sections)
    return [start for start, _end in line_ranges(text, width)[1:]]


_wrapped_document.compute_wrap_offsets = kinsoku_wrap_offsets


class SectionEditor(TextArea):
    """The TextArea of Compose (soft wrap on, no line numbers), wrapped with 禁则."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, **kwargs)  # type: ignore[arg-type]

"""The change list of a Comparison, and stepping through it (`n` / `N`, `第 3/66 处`).

Every change, in reading order (B's), with the section it stands in and its path from the top:
what the terminal, the HTML report, the app and the 修改对照表 count and jump to. A section that
is new or gone as a whole is one change; inside a section pair, each paragraph that differs is one,
and so is a reworded heading. Differences that are only unimportant (punctuation, width, numerals,
whitespace) are changes of kind `format`, marked minor: the 对照表 collects them into one row and
navigation skips them unless asked. Renumbering alone is no change.
"""

from __future__ import annotations

from drafter.compare.model import Change, Comparison, ParagraphDiff, SectionDiff

# A section without a partner: what happened to it as a whole.
_SECTION_KIND = {"umbrella": "umbrella", "merged": "merged", "split": "split"}


def list_changes(comparison: Comparison) -> list[Change]:
    out: list[Change] = []
    for s, section in enumerate(comparison.sections):
        for paragraph, kind, minor in _section_changes(section):
            para = section.paragraphs[paragraph] if paragraph is not None else None
            out.append(Change(
                index=len(out), kind=kind, section=s, paragraph=paragraph, path=section.path,
                a_pos=(para.a_pos if para else section.a_pos), b_pos=(para.b_pos if para else section.b_pos),
                minor=minor, a_path=_a_path(section, para),
            ))
    return out


def _section_changes(section: SectionDiff):  # noqa: ANN202 - (paragraph index, kind, minor)
    alone = section.a is None or section.b is None
    if alone:
        yield None, _SECTION_KIND.get(section.relation or "", "added" if section.a is None else "removed"), False
        expected = "added" if section.a is None else "removed"
        for k, para in enumerate(section.paragraphs):
            if para.status != expected:  # a paragraph paired with one elsewhere: a change of its own
                yield k, _paragraph_kind(para), False
        return
    if section.level == 0:
        if section.a != section.b:
            yield None, "title", False
    elif section.moved:
        yield None, "moved", False
    elif _heading_changed(section):
        yield None, "related" if section.status == "related" else "heading", False
    for k, para in enumerate(section.paragraphs):
        if para.status != "same":
            yield k, _paragraph_kind(para), False
        elif _only_unimportant(para):
            yield k, "format", True


def _heading_changed(section: SectionDiff) -> bool:
    if section.heading_ops:
        return any(op.tag in "+-" for op in section.heading_ops)
    return section.a != section.b  # a Comparison built by hand, headings without ops


def _paragraph_kind(para: ParagraphDiff) -> str:
    return "format" if para.status == "same" else para.status


def _only_unimportant(para: ParagraphDiff) -> bool:
    return any(op.tag == "~" for op in para.ops) and all(op.tag in "=~" for op in para.ops)


def _a_path(section: SectionDiff, para: ParagraphDiff | None) -> list[str]:
    if para is not None and para.moved_from:
        return [para.moved_from]
    if section.a is None:
        return []
    return [*section.a_path, section.a]


def step(changes: list[Change], current: int | None, delta: int, *, include_minor: bool = False) -> int | None:
    """The index (into `changes`) of the next (`delta` = 1) or previous (-1) change from `current`,
    wrapping round; None when there is none to go to."""
    stops = [c.index for c in changes if include_minor or not c.minor]
    if not stops:
        return None
    if current is None:
        return stops[0] if delta > 0 else stops[-1]
    if delta > 0:
        return next((i for i in stops if i > current), stops[0])
    return next((i for i in reversed(stops) if i < current), stops[-1])


def position(changes: list[Change], current: int | None, *, include_minor: bool = False) -> tuple[int, int]:
    """(1-based position of `current` among the stops, number of stops); (0, n) before the first."""
    stops = [c.index for c in changes if include_minor or not c.minor]
    if current is None or current not in stops:
        return 0, len(stops)
    return stops.index(current) + 1, len(stops)


def position_label(changes: list[Change], current: int | None, *, include_minor: bool = False) -> str:
    """`第 3/66 处` (the catalogue's wording in the current language)."""
    from drafter.messages import t

    n, total = position(changes, current, include_minor=include_minor)
    return t("compare.position", n=n, total=total)


def changes_in_section(changes: list[Change], section: int) -> list[Change]:
    return [c for c in changes if c.section == section]

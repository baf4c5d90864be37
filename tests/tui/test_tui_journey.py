"""The whole journey of the issue, in one Pilot run on the bundled corpus:
new draft for a region → insert a 指导思想 variant → edit text (typing Chinese) → search and insert
a paragraph → check and fix → compare with 哈尔滨市's plan, step to a change and back to Compose →
export the 公文 .docx and find the edited text, fixed, in the file with its 版头 and 版记."""

from __future__ import annotations

from docx import Document as open_docx
from screen_text import shown
from textual.widgets import Input, OptionList, TextArea
from tui_steps import select_section, settle, start_new_draft, type_text

from drafter.text.punctuation import normalize_punctuation
from drafter.tui.widgets.candidate_list import CandidateList

SIZE = (100, 30)
TYPED = "坚持运城特色,先行先试,由市卫生计生委牵头。"  # a half-width comma and an old name for Check
FIXED = "坚持运城特色，先行先试，由市卫生健康委牵头。"
W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def docx_text(path) -> str:
    """Every w:t of the document body (python-docx's .text misses nothing here, but XPath is exact)."""
    body = open_docx(str(path)).element.body
    return "".join(node.text or "" for node in body.iter(W_T))


async def insert_other_zdsx_variant(pilot, section) -> str:
    """Replace the section's text with a library variant other than the one it came from."""
    app = pilot.app
    candidates = app.screen.query_one(CandidateList)
    variants = [i for i, c in enumerate(candidates.candidates) if c.label.startswith("模板 ")]
    assert len(variants) >= 2, [c.label for c in candidates.candidates]
    choice = next(i for i in variants if candidates.candidates[i].text.strip() not in section.body)
    candidates.focus()
    candidates.highlighted = choice
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    return candidates.candidates[choice].text


async def type_at_end(pilot, text: str) -> None:
    editor = pilot.app.screen.query_one("#section-editor", TextArea)
    editor.focus()
    editor.move_cursor(editor.document.end)
    await pilot.press("enter")
    await type_text(pilot, text)
    await settle(pilot)
    assert editor.text.endswith(text)


async def search_and_insert(pilot, query: str) -> str:
    app = pilot.app
    await pilot.press("f4")
    await pilot.pause()
    box = app.screen.query_one("#search-query", Input)
    box.focus()
    await pilot.press(*query, "enter")
    await settle(pilot)
    assert app.screen.hits, f"no hits for {query}"
    assert isinstance(app.screen.focused, OptionList)
    hit = app.screen.hits[0]
    await pilot.press("i")  # where: the section selected in Compose is offered, at its end
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    return hit.text


async def compare_with(pilot, name: str) -> None:
    await pilot.press("f5")
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    await pilot.press(*name, "enter")
    await settle(pilot)


async def test_journey_from_new_draft_to_exported_docx(make_app, tmp_path):
    app = make_app(export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_new_draft(pilot, region="运城市", province="山西省")
        section = await select_section(pilot, "一、指导思想")

        variant_text = await insert_other_zdsx_variant(pilot, section)
        assert section.body.endswith(variant_text)
        assert section.sources, "the inserted variant's provenance is kept"
        assert "运城市" in variant_text or "{{" not in variant_text  # rendered for the draft's region

        await type_at_end(pilot, TYPED)
        assert section.body.endswith(TYPED)

        found = await search_and_insert(pilot, "家庭医生签约")
        assert section.body.endswith(found)
        assert len(section.sources) == 2  # variant + search hit, each with its 来源

        await pilot.press("f7")  # Check: the typed sentence's old name and comma, fixed with F
        await settle(pilot)
        assert any(f.text == "卫生计生委" for f in app.screen.report.findings)
        await pilot.press("F")
        await settle(pilot)
        assert FIXED in section.body and "卫生计生委" not in section.body

        await compare_with(pilot, "哈尔滨")
        compare = app.screen
        assert app.current_mode == "compare" and compare.comparison is not None
        assert "哈尔滨市" in shown(compare.query_one("#compare-heading"))
        draft_side = [p.b or "" for s in compare.comparison.sections for p in s.paragraphs]
        assert any(FIXED in text for text in draft_side)
        assert compare.comparison.change_list()
        await pilot.press("n", "n")
        assert compare.current is not None and "第 2/" in shown(compare.query_one("#compare-position"))
        while (compare.comparison.sections[compare.current.section].level == 0
               or compare.comparison.sections[compare.current.section].b is None):
            await pilot.press("n")  # past the title and the 通知 (the draft's parts) and 哈尔滨's own sections
        section_heading = compare.current.path[-1]
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "compose" and app.screen.section.heading == section_heading

        await pilot.press("f6", "d")
        await settle(pilot)
    written = tmp_path / "运城市-公文.docx"
    assert written.is_file()
    text = docx_text(written)
    # Check's safe fixes are in the file: full-width marks (GB/T 15834), the 卫生健康委 of today
    assert FIXED in text and normalize_punctuation(found) in text
    assert "运城市深化医药卫生体制改革实施方案" in text
    assert str(app.draft.meta.get("doc_number") or "运政办发") in text  # the 版头 of the draft's own parts
    assert "印发" in text  # and its 版记

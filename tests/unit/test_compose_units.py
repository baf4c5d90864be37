"""A new plan's task areas: one whose 责任单位 lists the scrape garbled is taken only when no clean
one is left (`drafter.library.check.preference`)."""

from __future__ import annotations

from dataclasses import replace

from drafter.check.geshi_units import unit_list_findings
from drafter.draft.compose import TASK_AREAS, pick_variants
from drafter.library.check import CLEAN, MENDABLE, _rendered_parts, preference
from drafter.library.placeholders import RegionContext
from drafter.library.variants import Library

CONTEXT = RegionContext("运城市", "山西省", 2026)


def _garbled(variant, n):
    """The variant as a scrape that lost the 顿号 in its unit list would have left it."""
    heading, rest = variant.template.split("\n", 1)
    body = f"{heading}之{n}\n{rest.rstrip()}（责任单位：市人力资源社会保障财政局、财政）"
    return replace(variant, id=f"{variant.id}-g{n}", template=body, date="2025-06-01")


def test_the_shipped_library_gives_a_new_plan_task_areas_whose_unit_lists_are_whole():
    library = Library.load()
    chosen = pick_variants(library, context=CONTEXT)["重点任务"]
    assert len(chosen) == TASK_AREAS
    assert all(preference(v, CONTEXT) == CLEAN for v in chosen)
    # the corpus does hold recent task areas with garbled lists (聊城's page), ranked first by date
    ranked = library.ranked("重点任务", CONTEXT.province, CONTEXT.year)
    assert any(preference(v, CONTEXT) == MENDABLE for v in ranked[:TASK_AREAS])


def test_a_garbled_list_is_mendable_and_said_so_by_the_unit_rule():
    variant = Library.load().of_kind("重点任务")[0]
    garbled = _garbled(variant, 1)
    assert preference(garbled, CONTEXT) == MENDABLE
    texts = {f.text for f in unit_list_findings(_rendered_parts(garbled, CONTEXT))}
    assert {"市人力资源社会保障财政局", "财政"} <= texts


def test_garbled_task_areas_fill_up_only_what_clean_ones_cannot():
    clean = [v for v in Library.load().of_kind("重点任务") if preference(v, CONTEXT) == CLEAN][:2]
    garbled = [_garbled(clean[0], n) for n in range(4)]
    library = Library(clean + garbled)
    ranked = library.ranked("重点任务", CONTEXT.province, CONTEXT.year)
    assert ranked[:4] == garbled  # newer: the library's order puts them first
    chosen = pick_variants(library, context=CONTEXT)["重点任务"]
    assert len(chosen) == TASK_AREAS
    assert {v.id for v in clean} <= {v.id for v in chosen}
    assert sum(v in garbled for v in chosen) == TASK_AREAS - len(clean)
    # and in the library's own order (the newest first), as a plan built from it would read
    assert chosen == sorted(chosen, key=ranked.index)


def test_sections_check_names_the_templates_with_garbled_unit_lists(capsys):
    import json

    from drafter.cli import main

    main(["sections", "check", "--json"])
    report = json.loads(capsys.readouterr().out)
    flagged = {r["variant"]: {f["text"] for f in r["units"]} for r in report["units"]}
    library = Library.load()
    assert flagged and all(library.get(v).source["region"] == "聊城市" for v in flagged)
    assert any("人力资源社会保障财政市医疗保障局" in texts for texts in flagged.values())
    assert all(f["rule"].startswith("geshi.units") for r in report["units"] for f in r["units"])

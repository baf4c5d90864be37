"""The section library: templatizing, building, rendering and the leak check."""

from __future__ import annotations

import pytest

from drafter.errors import NotFound
from drafter.library.build import build_variants, write_library
from drafter.library.check import check_library, check_variant, leaks_in
from drafter.library.placeholders import RegionContext
from drafter.library.render import TemplateFailed, render_variant
from drafter.library.templatize import Source, templatize
from drafter.library.variants import STANDARD_KINDS, Library, load_variant
from drafter.model import Document, Section

ZUNYI = RegionContext("遵义市", "贵州省", 2025)


def test_every_shipped_variant_renders_for_another_region_without_leaks():
    library = Library.load()
    assert {v.kind for v in library.variants} == set(STANDARD_KINDS)
    problems = [r.as_json() for r in check_library(library) if not r.ok]
    assert problems == []
    for variant in library.variants:
        text = "\n".join(render_variant(variant, ZUNYI.values()).to_lines())
        assert "{{" not in text and "}}" not in text


def test_templatize_replaces_the_source_names_years_and_superior_documents():
    text = (
        "十七、大力推进健康汉中建设\n"
        "为贯彻落实《陕西省深化医药卫生体制改革实施方案》(陕政办发〔2021〕12号)和"
        "《关于城市公立医院综合改革试点的指导意见》(国办发〔2015〕38号)精神,"
        "全市在汉台区、南郑区和城固县开展试点。到2023年底,我市达标;对标健康中国2030。"
        "市卫生健康委、市医疗保障局牵头。学习上海市经验。借鉴福建三明经验。"
    )
    made = templatize(text, Source.of("汉中市", 2022))
    assert made.text.startswith("十七、大力推进健康{{ 简称 }}建设\n")
    assert "为贯彻落实{{ 上级文件 }}和《关于城市公立医院综合改革试点的指导意见》(国办发〔2015〕38号)" in made.text
    assert "全{{ 本级 }}在{{ 区县 }}开展试点" in made.text
    assert "到{{ 年份 + 1 }}年底,我{{ 本级 }}达标" in made.text
    assert "健康中国2030" in made.text
    assert "{{ 本级 }}卫生健康委、{{ 本级 }}医疗保障局" in made.text
    assert "上海" not in made.text and made.dropped == 1  # a sentence naming another place goes
    assert "福建三明" in made.text  # a national model is a reference, not a leak
    rendered = render_variant(_variant_from(made.text), ZUNYI.values(), with_source=False)
    body = "\n".join(rendered.to_lines())
    assert "健康遵义" in body and "到2026年底,我市达标" in body and leaks_in(body, ZUNYI) == []


def test_a_heading_naming_another_place_rejects_the_passage():
    assert templatize("一、学习上海市经验\n做好。", Source.of("汉中市", 2022)) is None


def test_leak_check_reports_a_planted_place_name(tmp_path):
    variant = _variant_from("一、指导思想\n学习哈尔滨市和襄樊市的经验,结合{{ 地区 }}实际。", tmp_path)
    result = check_variant(variant, ZUNYI)
    assert not result.ok
    assert "哈尔滨市" in result.leaks
    assert "襄樊市" in result.leaks  # renamed in 2010: only jieba's place tag knows it


def test_undefined_placeholder_names_file_and_line(tmp_path):
    variant = _variant_from("一、指导思想\n坚持。\n以{{ 地市 }}实际为准。", tmp_path)
    with pytest.raises(TemplateFailed) as err:
        render_variant(variant, ZUNYI.values())
    assert f"{variant.path}:{variant.body_line + 2}:" in str(err.value)
    assert "地市" in str(err.value)


def test_template_syntax_error_names_file_and_line(tmp_path):
    variant = _variant_from("一、指导思想\n坚持{{ 地区 。", tmp_path)
    with pytest.raises(TemplateFailed) as err:
        render_variant(variant, ZUNYI.values())
    assert f"{variant.path}:{variant.body_line + 1}:" in str(err.value)


def test_unknown_variant_id_is_a_clear_error():
    library = Library.load()
    some = library.variants[0].id
    with pytest.raises(NotFound) as err:
        library.get(some[:-1] + "x")
    assert "no section variant" in str(err.value) and some in str(err.value)


def _plan(region: str, date: str, guiding: str, task: str) -> Document:
    tasks = Section("二、", "重点任务", 1, "重点任务", children=[
        Section("(一)", f"推进{region[:-1]}分级诊疗", 2, "重点任务", body=task),
    ])
    return Document(title=f"{region}人民政府关于印发{region}医改实施方案的通知", region=region,
                    issuer=f"{region}人民政府", date=date,
                    sections=[Section("一、", "指导思想", 1, "指导思想", body=guiding), tasks])


GUIDING = "以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,坚持以人民健康为中心,深化{r}医药卫生体制改革,到{y}年建成优质高效的医疗卫生服务体系。"
TASK = "全面推进{r}分级诊疗制度建设,完善家庭医生签约服务,到{y}年基层就诊率达到65%以上,我市县域就诊率达到90%。"


def test_build_merges_near_duplicates_is_deterministic_and_keeps_curated(tmp_path):
    docs = [
        _plan("运城市", "2020-05-01", GUIDING.format(r="运城", y=2022), TASK.format(r="运城市", y=2022)),
        _plan("鸡西市", "2021-05-01", GUIDING.format(r="鸡西", y=2023), TASK.format(r="鸡西市", y=2023)),
    ]
    variants = build_variants(docs)
    assert sorted(v.kind for v in variants) == ["指导思想", "重点任务"]
    guiding = next(v for v in variants if v.kind == "指导思想")
    assert guiding.support == 2 and [a["region"] for a in guiding.also_in] == ["鸡西市"]
    assert "到{{ 年份 + 2 }}年" in guiding.template and "运城" not in guiding.template
    report = write_library(variants, tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.rglob("*.j2")}
    assert len(report.written) == 2
    again = write_library(build_variants(list(reversed(docs))), tmp_path)
    assert again.written == [] and {p.name: p.read_bytes() for p in tmp_path.rglob("*.j2")} == first

    path = next(tmp_path.rglob("zdsx-*.j2"))
    edited = path.read_text(encoding="utf-8").replace("curated = false", "curated = true") + "手工补充一句。\n"
    path.write_text(edited, encoding="utf-8")
    third = write_library(build_variants(docs), tmp_path)
    assert guiding.id in third.curated and path.read_text(encoding="utf-8") == edited


def _variant_from(template: str, folder=None):  # noqa: ANN001, ANN202
    import tempfile
    from pathlib import Path

    from drafter.library.variants import Variant, dumps_variant

    folder = Path(folder or tempfile.mkdtemp())
    path = folder / "zdsx-test.j2"
    variant = Variant(id="zdsx-test", kind="指导思想", template=template, source={"region": "汉中市"})
    path.write_text(dumps_variant(variant), encoding="utf-8")
    return load_variant(path)


# -- dated variants: 提法 templatized, variants chosen for the plan's date and province -----------------


def test_templatize_turns_the_cited_sessions_and_the_current_period_into_placeholders():
    text = ("一、指导思想\n全面贯彻党的十九大、十九届二中、三中、四中、五中全会和省委十三届九次全会精神，"
            "加强“十四五”期间统筹谋划，巩固“十三五”时期成果。")
    made = templatize(text, Source.of("海东市", 2021))
    assert "全面贯彻{{ 会议 }}精神" in made.text and "省委" not in made.text
    assert "加强“{{ 五年规划 }}”期间统筹谋划" in made.text
    assert "巩固“十三五”时期成果" in made.text  # a period the source looked back on stays
    rendered = "\n".join(render_variant(_variant_from(made.text), RegionContext("遵义市", "贵州省", 2026,
                                                                             date="2026-03-01").values(),
                                        with_source=False).to_lines())
    assert "全面贯彻党的二十大和二十届二中、三中、四中全会精神" in rendered
    assert "加强“十五五”期间统筹谋划" in rendered


def test_build_records_date_and_province_and_puts_the_marks_in_order(tmp_path):
    docs = [_plan("运城市", "2020-05-01", GUIDING.format(r="运城", y=2022), TASK.format(r="运城市", y=2022))]
    guiding = next(v for v in build_variants(docs) if v.kind == "指导思想")
    assert guiding.date == "2020-05-01" and guiding.province == "山西省"
    assert "，" in guiding.template and "," not in guiding.template  # GB/T 15834 marks
    write_library([guiding], tmp_path)
    loaded = load_variant(next(tmp_path.rglob("*.j2")))
    assert (loaded.date, loaded.province) == ("2020-05-01", "山西省")


def _dated(vid: str, region: str, date: str, body: str):
    from drafter.library.variants import Variant

    return Variant(id=vid, kind="指导思想", template=f"一、指导思想\n{body}",
                   source={"region": region, "date": date})


def test_ranked_prefers_the_plans_own_province_then_recent_variants_never_newer_ones():
    library = Library([
        _dated("zdsx-old", "哈尔滨市", "2017-06-08", "旧的。"),
        _dated("zdsx-new", "聊城市", "2024-03-05", "新的。"),
        _dated("zdsx-future", "曲靖市", "2027-01-01", "未来的。"),
        _dated("zdsx-home", "遵义市", "2019-01-01", "本省的。"),
    ])
    assert [v.id for v in library.ranked("指导思想", "山东省", 2026)][:2] == ["zdsx-new", "zdsx-home"]
    assert library.ranked("指导思想", "山东省", 2026)[-1].id == "zdsx-future"
    assert library.ranked("指导思想", "贵州省", 2026)[0].id == "zdsx-home"


def test_a_new_plan_skips_variants_with_findings_and_sections_check_tells_why(tmp_path):
    from drafter.draft.compose import pick_variants

    outdated = _dated("zdsx-weijiwei", "聊城市", "2024-03-05", "由{{ 本级 }}卫计委牵头，推进医改。")
    bound = _dated("zdsx-zangyi", "海东市", "2023-01-01", "发展中藏医药特色服务。")
    fine = _dated("zdsx-fine", "运城市", "2020-01-01", "坚持以人民健康为中心。")
    library = Library([outdated, bound, fine])
    plan = RegionContext("遵义市", "贵州省", 2026, date="2026-03-01")
    assert pick_variants(library, context=plan)["指导思想"] == [fine]
    assert pick_variants(library)["指导思想"][0] in (outdated, bound, fine)  # no plan: no check
    results = {r.variant: r for r in check_library(library, plan)}
    assert not results["zdsx-zangyi"].ok and results["zdsx-zangyi"].leaks == ["藏医药"]
    assert results["zdsx-weijiwei"].ok and [f.rule for f in results["zdsx-weijiwei"].outdated] == ["tifa.weijiwei"]
    assert results["zdsx-fine"].ok and not results["zdsx-fine"].outdated

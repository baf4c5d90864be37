"""Document metadata: 文号 brackets, dates in every written form, region and level."""

from __future__ import annotations

import pytest

from drafter.corpus.dates import parse_date
from drafter.corpus.metadata import admin_level, divisions, normalise_doc_number
from drafter.reader import parse_plans


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("洪府发〔2017〕32号", "洪府发〔2017〕32号"),
        ("郑政办[2011]31号", "郑政办〔2011〕31号"),
        ("郑政办〔2011]31号", "郑政办〔2011〕31号"),
        ("京政发（2017）11号", "京政发〔2017〕11号"),
        ("没有文号", None),
    ],
)
def test_doc_number_brackets_normalised(raw, expected):
    assert normalise_doc_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2015年11月26日", "2015-11-26"),
        ("二○一一年五月五日", "2011-05-05"),
        ("二〇二四年十二月三十一日", "2024-12-31"),
        ("2017.07.28", "2017-07-28"),
        ("202435", "2024-03-05"),
        ("2017年13月1日", None),
    ],
)
def test_dates(raw, iso):
    assert parse_date(raw) == iso


def test_divisions_and_levels():
    assert divisions("武威市凉州区人民政府办公室") == ["武威市", "凉州区"]
    assert divisions("海南藏族自治州人民政府") == ["海南藏族自治州"]
    assert divisions("全州进一步深化综合医改") == []
    assert [admin_level(r) for r in ("江西省", "上海市", "运城市", "海南州", "凉州区", None)] == [
        "省级", "省级", "市级", "市级", "县级", None,
    ]


def test_notice_metadata_from_title_and_signature():
    text = "\n".join(
        [
            "运城市人民政府关于印发运城市城市公立医院综合改革实施方案的通知",
            "运政发〔2015〕40号",
            "各县(市、区)人民政府:",
            "《运城市城市公立医院综合改革实施方案》已经市政府研究通过,现印发给你们。",
            "运城市人民政府",
            "2015年11月26日",
            "运城市城市公立医院综合改革实施方案",
            "为贯彻落实《关于城市公立医院综合改革试点的指导意见》(国办发〔2015〕38号)精神,制定本方案。",
            "一、总体要求",
        ]
    )
    doc = parse_plans(text)[0]
    assert (doc.title, doc.plan_title) == (
        "运城市人民政府关于印发运城市城市公立医院综合改革实施方案的通知",
        "运城市城市公立医院综合改革实施方案",
    )
    assert (doc.issuer, doc.date, doc.doc_number) == ("运城市人民政府", "2015-11-26", "运政发〔2015〕40号")
    assert (doc.region, doc.level) == ("运城市", "市级")


def test_a_cited_superior_document_is_not_the_doc_number():
    text = "某县实施方案\n为贯彻落实《指导意见》(国办发〔2015〕38号)精神,制定本方案。\n一、总体要求"
    assert parse_plans(text)[0].doc_number is None


def test_metadata_block_wins(seeds_dir):
    text = (
        "南昌市人民政府关于印发南昌市城市公立医院综合改革实施方案的通知\n"
        "南昌市人民政府关于印发南昌市城市公立医院综合改革实施方案的通知文章属性•【制定机关】南昌市人民政府"
        "•【公布日期】2017.07.28•【字号】洪府发[2017]32号•【施行日期】2017.07.28正文各县(区)人民政府:"
    )
    doc = parse_plans(text)[0]
    assert (doc.issuer, doc.date, doc.doc_number) == ("南昌市人民政府", "2017-07-28", "洪府发〔2017〕32号")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # spam above a title set over two lines
        ("澳门新葡京娱乐场官网_真人百家乐\n株洲市卫生健康委员会2024年\n卫生健康工作要点\n一、深化改革", "株洲市卫生健康委员会2024年卫生健康工作要点"),
        # a document cited in the first sentence is not the file's title
        ("各县市区人民政府:\n为贯彻落实《国务院办公厅关于印发“十四五”国民健康规划的通知》精神,现将《常德市卫生健康事业发展规划》印发给你们。\n一、发展基础",
         "常德市卫生健康事业发展规划"),
        ("为深入贯彻,按照《关于印发全国安全生产集中整治工作方案的通知》要求,制定实施方案如下:\n一、总体要求", None),
        # a one-line page
        ("首页 > 政策文件 > 规划计划 黔东南州人民政府办公室关于印发黔东南州商业体系建设行动计划的通知 黔东南府办发〔2023〕12号 "
         "各县市人民政府: 现将《黔东南州商业体系建设行动计划》印发给你们。 一、总体要求 坚持以人民为中心,推进县域商业体系建设。",
         "黔东南州人民政府办公室关于印发黔东南州商业体系建设行动计划的通知"),
        # a flattened page whose notice forwards a document with a title of its own (`《…的意见》的通知`)
        ("首页 > 政务公开   某市人民政府办公室关于转发省卫生健康委《关于推进医养结合发展的意见》的通知   某政办发〔2023〕5号   "
         "各县(市、区)人民政府:   现将省卫生健康委制定的意见转发给你们。   一、总体要求   " + "各地要加强组织领导,落实工作责任。" * 12,
         "某市人民政府办公室关于转发省卫生健康委《关于推进医养结合发展的意见》的通知"),
        # a flattened page: a cited name broken over a gap is no title (a piece of it would be a wrong one)
        ("首页   《某省推进医养结合   发展实施方案》解读   一、出台背景   " + "为推进医养结合发展,省卫生健康委起草了方案。" * 12, None),
        # a template site's title, its label, and a row of related links above it
        ("栏目:实施方案 应急演练实施方案 垃圾分类工作实施方案\n范文资料:全镇垃圾分类工作实施方案\n为推进垃圾分类,制定本方案。\n一、工作目标",
         "全镇垃圾分类工作实施方案"),
        ("某镇2022年工作计划范文\n为推进全镇工作,制定本计划。\n一、工作目标", "某镇2022年工作计划范文"),
        # a page flattened with no gaps at all: it opens with its title
        ("平谷区防汛应急预案(试行)平谷区防汛抗旱指挥部二〇一〇年五月目录1总则······31.1编制目的······31.2编制依据······3" * 3,
         "平谷区防汛应急预案(试行)"),
        # the plan a call for comments or a reading is about is not their own title
        ("现将《某县城乡供水一体化实施方案(征求意见稿)》在县政府网站向社会公开征求意见。\n一、征求意见时间\n2024年3月1日至31日。", None),
        ("县政府办公室印发了《某县2023年民生实事实施方案》(以下简称《方案》),现对《方案》进行政策解读。\n一、出台背景\n落实县人代会部署。",
         None),
        ("某县人民政府工作规则\n第一章 总则\n一、为规范县政府工作,制定本规则。", "某县人民政府工作规则"),
        # a document site's file name: extension, `VIP`, page count
        ("某市重大突发事件应急保障体系建设行动计划(2021-2022年)(18页).docx\n下载文档\n为提高应急保障能力,制定本计划。\n一、总体要求",
         "某市重大突发事件应急保障体系建设行动计划(2021-2022年)"),
        # scraper wrapping: 文号 before it, a site tag, breadcrumbs
        ("琼府〔2020〕19号《海南省人民政府关于印发健康海南行动实施方案的通知》\n各市县:\n一、指导思想", "海南省人民政府关于印发健康海南行动实施方案的通知"),
        ("【年度工作要点】关于印发《2024年全市文化和旅游工作要点》的通知\n各县区:\n一、推进全面从严治党", "关于印发《2024年全市文化和旅游工作要点》的通知"),
        ("数据库 > 地方政策 > 西藏自治区人民政府关于统筹推进义务教育一体化改革发展的实施意见\n为推进改革,制定如下实施意见。\n一、总体要求",
         "西藏自治区人民政府关于统筹推进义务教育一体化改革发展的实施意见"),
    ],
)
def test_document_titles_where_scraped_pages_hide_them(text, title):
    assert parse_plans(text)[0].title == title


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("中共浙江省委办公厅浙江省人民政府办公厅印发〈关于推进医共体建设的意见〉的通知\n一、总体要求", "浙江省"),
        ("重庆市推进以区县城为重要载体的城镇化建设实施方案\n一、总体要求", "重庆市"),
        ("黔东南州人民政府办公室关于印发某行动计划的通知\n一、总体要求", "黔东南州"),
        ("山福镇突发公共事件总体应急预案\n为保障全镇安全,制定本预案。\n1.总则\n1.1目的依据", "山福镇"),
        ("关于推进全州中医药发展的实施意见\n为推进全州中医药发展,提出如下意见。\n一、总体要求\n黄南藏族自治州人民政府\n2021年8月3日", "黄南藏族自治州"),
        ("青政办〔2023〕28号\n现将《国际生态旅游目的地创建工作方案》印发给你们。\n(略)人民政府办公厅\n2023年3月24日\n"
         "国际生态旅游目的地创建工作方案\n为建设青海湖示范区,制定本方案。\n一、总体要求", "青海省"),
        ("宁政办发〔2020〕47号\n宁明县突发公共卫生事件应急预案\n1总则\n1.1编制目的", "宁明县"),
        ("连云港市区乡村医生签约服务实施方案\n为丰富乡村医生服务内涵,制定本方案。\n一、工作目标", "连云港市"),
    ],
)
def test_region_from_title_issuer_doc_number_and_text(text, region):
    assert parse_plans(text)[0].region == region


def test_no_region_says_why():
    anonymised = parse_plans("综合医改重点工作的实施方案\n一、重点任务\n与x社区卫生服务中心共建。")[0]
    national = parse_plans("国家医改目标及任务\n1.引言\n国家医改是综合性改革。")[0]
    unnamed = parse_plans("2012年妇幼保健工作规划\n一、指导思想\n提高全市妇幼保健服务能力。")[0]
    assert [d.region_note for d in (anonymised, national, unnamed)] == ["anonymised", "national", "unnamed"]


def test_a_short_county_name_inside_a_word_is_no_region():
    # 范县 and 和县 are counties; 模范县 and 平和县城 are words. A county's bid for a national title is local.
    doc = parse_plans("全国卫生模范县创建工作方案\n为创建全国卫生模范县,结合我县实际,制定本方案。\n一、工作目标\n建成模范县。")[0]
    assert (doc.region, doc.region_note) == (None, "unnamed")

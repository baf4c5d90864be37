"""`drafter gaps`: task topics most corpus plans cover that the draft does not.

A topic is a reform item plans name in recognisable words (取消药品加成 is also written 药品零差率
销售 or 破除以药补医); a plan covers it when any of its words appears in the plan's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.model import Document

TOPICS: dict[str, tuple[str, ...]] = {
    "取消药品加成": ("取消药品加成", "零差率", "破除以药补医", "取消药品(不含中药饮片)加成"),
    "家庭医生签约": ("家庭医生",),
    "医联体": ("医联体", "医共体", "医疗联合体", "医疗集团", "医疗共同体"),
    "医保支付方式改革": ("支付方式", "按病种", "DRG", "DIP", "按疾病诊断相关分组"),
    "分级诊疗": ("分级诊疗",),
    "现代医院管理制度": ("现代医院管理",),
    "薪酬制度改革": ("薪酬",),
    "药品耗材集中采购": ("集中采购", "带量采购", "集中带量"),
    "医疗服务价格改革": ("医疗服务价格", "价格调整", "调整医疗服务价格"),
    "药品供应保障": ("药品供应", "短缺药品", "基本药物"),
    "综合监管": ("综合监管",),
    "信息化建设": ("信息化", "互联网+", "智慧医院", "远程医疗"),
    "中医药": ("中医药", "中医"),
    "公共卫生": ("公共卫生", "疾病预防控制", "疾控"),
    "人才队伍建设": ("人才", "住院医师规范化培训"),
    "社会办医": ("社会办医", "社会力量办医"),
    "医养结合": ("医养结合",),
    "控制医疗费用不合理增长": ("医疗费用", "费用不合理增长"),
}


@dataclass
class Gap:
    topic: str
    share: float  # of corpus plans that cover it
    plans: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"topic": self.topic, "share": round(self.share, 3), "plans": self.plans}


def covers(text: str, topic: str) -> bool:
    return any(word in text for word in TOPICS[topic])


def _plan_text(doc: Document) -> str:
    return doc.text or "\n".join(s.full_text() for s in doc.sections)


def _label(doc: Document) -> str:
    return f"{doc.region or '?'} · {doc.plan_title or doc.title or '(无题)'}"


def find_gaps(draft_text: str, corpus: list[Document], min_share: float = 0.5) -> list[Gap]:
    """Topics covered by at least `min_share` of the corpus plans (with sections) but not the draft.

    Only places' own plans count: notices, 起草说明, 解读, 征求意见 announcements and templates do not."""
    plans = [doc for doc in corpus if doc.sections and doc.is_plan]
    if not plans:
        return []
    gaps = []
    for topic in TOPICS:
        covering_docs = [doc for doc in plans if covers(_plan_text(doc), topic)]
        covering = sorted({_label(doc) for doc in covering_docs})
        share = len(covering_docs) / len(plans)
        if share >= min_share and not covers(draft_text, topic):
            gaps.append(Gap(topic, share, covering))
    return sorted(gaps, key=lambda g: (-g.share, g.topic))

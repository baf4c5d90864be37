"""The title of a local plan that implements a superior document.

`关于进一步完善医疗卫生服务体系的意见` → `鄂尔多斯市进一步完善医疗卫生服务体系实施方案`,
`黑龙江省城市公立医院综合改革实施方案` → `大庆市城市公立医院综合改革实施方案`,
`深化医药卫生体制改革2024年重点工作任务` → `运城市深化医药卫生体制改革2024年重点工作任务`:
the superior's place and issuer go, `关于…的意见/通知` becomes `…实施方案`, a plan-like title
(方案, 任务, 计划, 规划, 措施) keeps its last word.
"""

from __future__ import annotations

import re

from drafter.model import Document

_ISSUERS = re.compile(r"^(?:中共中央办公厅|国务院办公厅|中共中央|国务院|[\u4e00-\u9fff]{0,12}?(?:人民政府办公厅|人民政府办公室|"
                      r"人民政府|办公厅|办公室|领导小组|委员会))\s*")
_PRINTED = re.compile(r"^(?:关于)?印发[《〈]?(.+?)[》〉]?的通知$")
_OPINION = re.compile(r"^(?:关于)?(.+?)的(?:指导意见|实施意见|若干意见|意见|通知|决定|办法)$")
_PLAN_LIKE = ("方案", "任务", "计划", "规划", "措施", "要点", "安排")


def local_title(superior: Document, region: str) -> str:
    """`region` + what the superior is about, as a plan's title."""
    from drafter.library.gazetteer import gazetteer

    title = (superior.plan_title or superior.title or "").strip().strip("《》")
    title = _ISSUERS.sub("", title)
    printed = _PRINTED.match(title)
    title = printed.group(1) if printed else title
    for start, end, _name in sorted(gazetteer().spot(title), reverse=True):
        if start == 0:
            title = title[end:]
    opinion = _OPINION.match(title)
    if opinion:
        title = opinion.group(1) + "实施方案"
    elif not title.endswith(_PLAN_LIKE):
        title += "实施方案"
    title = re.sub(r"^(?:关于|全省|全国|全市)", "", title)
    return f"{region}{title}" if title != "实施方案" else f"{region}深化医药卫生体制改革实施方案"

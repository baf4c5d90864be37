"""Words of the outline reader shown to users: document types, template marks, why a region is missing."""

MESSAGES = {
    "type_plan": ("方案", "plan"),
    "type_notice": ("通知", "notice"),
    "type_explanation": ("起草说明", "drafting note"),
    "type_reading": ("解读", "policy reading"),
    "type_consultation": ("征求意见", "call for comments"),
    "type_other": ("其他", "other"),
    "template": ("范文模板", "template"),
    "region_template": ("（范文模板，无地区）", "(template: no place)"),
    "region_national": ("（全国性文件）", "(national document)"),
    "region_anonymised": ("（地名已隐去）", "(place name removed)"),
    "region_unnamed": ("（未写明地区）", "(no place named)"),
    "list_plans_only": (
        "只列出各地方案（不含通知、解读、起草说明、征求意见和范文模板）",
        "list places' own plans only (no notices, readings, drafting notes, calls for comments or templates)",
    ),
    # a task line under its heading (`drafter outline`, `drafter corpus show`)
    "task_line": ("任务：{text}  牵头：{lead}  配合：{partners}{deadline}", "task: {text}  lead: {lead}  partners: {partners}{deadline}"),
    "task_deadline": ("  期限：{deadline}", "  deadline: {deadline}"),
    "variant_source": ("来源：{source}", "source: {source}"),
}

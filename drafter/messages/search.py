"""Words of corpus search (CLI and app), Chinese first."""

MESSAGES = {
    "nothing": ("语料库中没有与“{query}”匹配的段落", "nothing in the corpus matches '{query}'"),
    "count": ("共 {count} 段", "{count} paragraph(s)"),
}

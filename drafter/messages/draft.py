"""The draft file and its 公文 parts: `drafter new`, `drafter meta`, loading and saving."""

MESSAGES = {
    "unknown_meta": ("草稿元数据中没有“{key}”这一项；可用：{known}", "unknown draft metadata {key!r}; known: {known}"),
    "unknown_part": ("没有名为“{name}”的公文要素；可用：{known}", "no 公文 part named {name!r}; parts: {known}"),
    "bad_superior": (
        "superior（上级文件）应为列表，每项写成 {{title = \"…\", number = \"…号\"}} 或 \"《…》（…号）\"",
        "superior must be a list of documents: {{title = \"…\", number = \"…\"}} or \"《…》(…号)\"",
    ),
    "bad_list": ("{key} 应为用引号括起的文字列表，如 [\"…\", \"…\"]", "{key} must be a list of texts in quotes"),
    "bad_year": ("year 应为数字，如 2025", "year must be a number like 2025"),
    "bad_text": ("{key} 应为用引号括起的文字", "{key} must be text in quotes"),
    "bad_date": ("{label}“{value}”不是日期：请写成 2025-03-01", "{label} {value!r} is not a date: write 2025-03-01"),
    "bad_choice": ("{label}只能是：{choices}", "{label} must be one of: {choices}"),
    "bad_set": ("--set {pair}：请写成 名称=内容，如 主送=各县（市、区）人民政府",
                "--set {pair}: write NAME=VALUE, e.g. 主送=各县（市、区）人民政府"),
    "no_region": ("草稿的元数据中没有地区（region = \"运城市\"）", "the draft has no region in its metadata (region = \"运城市\")"),
    "source_set": ("已设置", "set"),
    "source_default": ("默认", "default"),
    "source_follows": ("随元数据", "follows the metadata"),
    "source_empty": ("空", "empty"),
    "todo_number": ("发文字号还没有顺序号：{value}", "the 文号 has no sequence number yet: {value}"),
    "todo_empty": ("{label}还是空的", "{label} is still empty"),
    "todo_superior": ("还没有列出上级文件（前言写作“上级有关文件”）：drafter meta D --superior \"《…》（…号）\"",
                      ("no superior documents listed yet (the preface says 上级有关文件): "
                       "drafter meta D --superior \"《…》(…号)\"")),
    "todo_code": ("发文字号的机关代字是猜的（{value}），请核对", "the 文号's 机关代字 is a guess ({value}): check it"),
    "still_empty": ("尚待填写：", "still to fill:"),
    "all_filled": ("各要素均已填写。", "every part is filled."),
    "set_done": ("{path}：已设置 {labels}", "{path}: set {labels}"),
    "migrated": ("{path}：印发通知已从正文移入元数据（旧格式草稿）", "{path}: the notice moved from the body into the metadata (old draft format)"),
    "new_done": ("{path}：为{region}生成 {count} 个章节", "{path}: {count} sections for {region}"),
    "exists": ("{path}：文件已存在（用 --force 覆盖）", "{path}: already exists (use --force to replace it)"),
}

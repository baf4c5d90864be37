"""What each rule of drafter/text/punctuation.py fixes, as `drafter check` and `drafter fix` say it."""

MESSAGES = {
    "halfwidth": ("中文语境中应使用全角标点“{new}”，不用半角“{old}”", "use the full-width “{new}” in Chinese text, not “{old}”"),
    "period": ("中文句末应使用句号“。”，不用“.”", "end a Chinese sentence with “。”, not “.”"),
    "brackets": ("中文语境中应使用全角括号“{new}”", "use full-width brackets “{new}” in Chinese text"),
    "quotes": ("中文引号应为“”，不用半角\"", "Chinese quotation marks are “”, not \""),
    "ellipsis": ("省略号应为“……”", "the ellipsis is “……”"),
    "dash": ("破折号应为“——”", "the dash is “——”"),
    "doubled": ("标点重复：“{old}”", "repeated mark: “{old}”"),
    "fullwidth_alnum": ("数字和字母应使用半角：“{old}”→“{new}”", "digits and letters are half-width: “{old}” → “{new}”"),
    "wenhao": ("发文字号中的年份应使用六角括号“〔〕”", "the year of a 文号 takes 〔〕 brackets"),
    "nested_title": ("书名号内再用书名号时，内层应为“〈〉”", "a title inside 《》 takes 〈〉"),
    "date_zero": ("日期用阿拉伯数字，不编虚位：“{old}”→“{new}”", "dates take no leading zeros: “{old}” → “{new}”"),
}

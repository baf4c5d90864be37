"""Words of an ingest: one line per file that was skipped or replaced, and the summary."""

MESSAGES = {
    "summary": (
        "读入 {read} 个文件（{documents} 篇文档{again}），{unchanged} 个未变，{skipped} 个跳过",
        "read {read} file(s) ({documents} document(s){again}), {unchanged} unchanged, {skipped} skipped",
    ),
    "replaced_part": ("，其中 {replaced} 篇替换了旧版本", ", {replaced} replaced"),
    "summary_time": ("{summary}，用时 {seconds} 秒", "{summary} in {seconds} s"),
    "skipped_line": ("跳过 {path}：{why}", "skipped {path}: {why}"),
    "replaced_line": ("替换 {path}（{documents} 篇文档）", "replaced {path} ({documents} document(s))"),
    "no_plan": ("没有找到方案正文", "no plan text found"),
    "parse_failed": (
        "无法解析（{error}）：这是 drafter 的缺陷，请把该文件报告给维护者",
        "could not be parsed ({error}): a bug in drafter, please report this file",
    ),
    "out_of_memory": ("读取时内存不足：文件太大或太复杂", "ran out of memory while reading it: too big or too complex"),
    "reader_died": (
        "读取它的进程被终止（多半是内存不足：文件太大或太复杂）",
        "the process reading it was killed (most likely out of memory: too big or too complex)",
    ),
    "already_stored": ("已在存储中", "already in the store"),
    "same_as": ("与 {path} 内容相同", "same content as {path}"),
    "same_in_ingest": ("与本次导入的 {path} 内容相同", "same content as {path} in this ingest"),
    "same_unreadable": (
        "与 {path} 内容相同，同样无法读入：{why}",
        "same content as {path}, which could not be read either: {why}",
    ),
    "store_refused": ("存储拒绝了此文件（{error}）", "the store refused this file ({error})"),
    "stopped": (
        "{error}（导入中止前已存入 {stored} 个文件；重新运行同一命令会跳过这些文件）",
        "{error} ({stored} file(s) were stored before the ingest stopped; the same command again skips them)",
    ),
}

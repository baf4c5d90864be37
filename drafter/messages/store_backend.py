"""The store's words: where it is, what it refuses, what it is doing (Chinese first)."""

MESSAGES = {
    "postgresql_not_yet": (
        "{location}：PostgreSQL 共享语料库尚不可用（本版本只支持本机 SQLite 语料库）。"
        "请去掉 --db / DRAFTER_DB，或改为一个 .sqlite3 文件路径。",
        "{location}: the PostgreSQL shared store is not available yet (this drafter has only the local "
        "SQLite store). Leave out --db / DRAFTER_DB, or give the path of a .sqlite3 file.",
    ),
    "unknown_scheme": (
        "{location}：无法识别的语料库位置（“{scheme}://”）。请给出一个文件路径，例如 ~/语料库.sqlite3。",
        "{location}: not a store location drafter knows ('{scheme}://'). Give a file path, such as "
        "~/corpus.sqlite3.",
    ),
    "no_document": (
        "语料库中没有编号为 {id} 的文件（用 `drafter corpus list` 查看）",
        "no document {id} in the corpus (see `drafter corpus list`)",
    ),
    "bad_years": (
        "无法识别的年份：“{spec}”。请写成 2017、2015-2018、2015- 或 -2018。",
        "not a year or a range of years: '{spec}'. Write 2017, 2015-2018, 2015- or -2018.",
    ),
    "upgrading_index": (
        "正在更新检索索引（分词器或索引格式已变化，共 {count} 份文件，只需一次）…",
        "updating the search index (the segmenter or the index format changed; {count} documents, once)…",
    ),
    "rebuilding_index": (
        "正在重建检索索引（索引缺失或已损坏，语料库本身完好，共 {count} 份文件）…",
        "rebuilding the search index (it was missing or damaged; the corpus itself is intact; {count} documents)…",
    ),
    "splitting_index": (
        "正在重建检索索引（语料已大到分两部分检索，共 {count} 份文件，只需一次）…",
        "rebuilding the search index (the corpus grew big enough to be searched in two parts; {count} documents, "
        "once)…",
    ),
    "repairing_index": (
        "正在补全检索索引（上次导入被中断，{count} 份文件）…",
        "completing the search index ({count} documents a previous ingest left unindexed)…",
    ),
    "stale_files": (
        "有 {count} 个文件由旧版解析器读取：运行 `drafter corpus upgrade` 重新读取。",
        "{count} file(s) were read by an older parser: `drafter corpus upgrade` reads them again.",
    ),
    "upgraded": ("语料库已是最新：{summary}", "the store is up to date: {summary}"),
    "empty": ("语料库为空：用 `drafter ingest 路径` 导入方案", "the corpus is empty: `drafter ingest PATH` reads plans into it"),
    "no_match": ("没有符合条件的文件", "no document matches"),
    "listed": ("共 {shown} 份文件", "{shown} document(s)"),
    "listed_of": ("显示 {shown} 份，共 {total} 份", "{shown} document(s) of {total}"),
    "too_many_parts": ("文件过大：一份文件有 {count} 个段落或章节，超出上限", "too large: a document of {count} paragraphs or sections"),
    "index_busy": (
        "另一个 drafter 正在写入检索索引；本次结果可能不含刚导入的文件，稍后会自动补全。",
        "another drafter is writing the search index; results may miss files just ingested (completed later).",
    ),
}

"""The 公文 export: `drafter export`, what it writes and why it cannot."""

MESSAGES = {
    "where": ("export：请用 --docx 文件 和/或 --pdf 文件 指明写到哪里", "export: say where to write: --docx PATH and/or --pdf PATH"),
    "no_file": ("{path}：没有这个文件", "{path}: no such file"),
    "no_plan": ("{path}：文件中没有找到方案", "{path}: no plan found in this file"),
    "several": ("{path} 中有 {count} 篇文件，请用 --doc N 选一篇：\n{listing}",
                "{path} holds {count} documents; choose one with --doc N:\n{listing}"),
    "no_doc": ("{path}：没有第 {n} 篇（文件中共 {count} 篇）", "{path}: no document {n} (the file holds {count})"),
    "doc_for_draft": ("--doc 只用于含多篇文件的文件，草稿只有一篇", "--doc picks one document of a file holding several; a draft holds one"),
    "ambiguous": ("“{name}”对应 {count} 篇文件，请用编号：\n{listing}", "'{name}' matches {count} documents; use an id:\n{listing}"),
    "wrote_docx": ("公文 .docx：{path}", "公文 .docx: {path}"),
    "wrote_pdf": ("PDF：{path}", "PDF: {path}"),
    "untitled": ("（无标题）", "(untitled)"),
}

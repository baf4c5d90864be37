"""The app's help screen: what each screen is for, and how to get out of trouble."""

MESSAGES = {
    "intro": ((
        "drafter — 参考其他地方的方案，起草本地的实施方案。\n\n"
        "界面：F2 语料库 · F3 起草 · F4 检索 · F5 对照比较 · F6 导出。Ctrl+P 按名称或拼音首字母（如 dc＝导出）查找命令。\n"
        "文件：Ctrl+N 新建 · Ctrl+O 打开（含最近的草稿）· Ctrl+S 保存 · F12 另存为。"
        "覆盖不属于本草稿的文件之前一定先问；标题栏显示文件名，* 表示有未保存的修改。\n"
        "起草：在提纲中选择章节，在中间编辑；Tab 到候选，p 并排预览，i 插入、r 替换（含下级小节）、a 追加；"
        "在提纲上按 n 新建章节（选择层级），Del 删除，[ ] 移动。\n"
        "语料库：Enter 阅读一份文件（红底为乱码），a 导入文件或文件夹，c 与草稿比较。"
        "检索：输入检索词后 Enter，i 插入到选定的章节和位置，并记下来源。\n"
        "中文输入：输入法不正常时，按 Ctrl+E 用外部编辑器编辑本节（设置文件中的 editor，或 $EDITOR，或 nano）。\n"
        "草稿每隔几秒自动备份，退出时保存；程序异常退出后，下次启动会提示恢复。\n"), (
        "drafter — draft a local 实施方案 from other places' plans.\n\n"
        "Screens: F2 corpus · F3 compose · F4 search · F5 compare · F6 export. Ctrl+P finds a command by name.\n"
        "Files: Ctrl+N new · Ctrl+O open (recent drafts too) · Ctrl+S save · F12 save as. drafter asks before "
        "overwriting any file that is not this draft's own; the title bar shows the file, * for unsaved changes.\n"
        "Compose: pick a section in the outline, edit it in the middle; Tab to the candidates, p previews side by "
        "side, i inserts, r replaces (with its sub-sections), a appends; on the outline n adds a section (you "
        "choose its level), Del removes, [ ] move.\n"
        "Corpus: Enter reads a plan (garbled spans on red), a adds files or folders, c compares with the draft. "
        "Search: type, Enter; i inserts at the section and place you pick, with its 来源.\n"
        "Chinese input: if your input method misbehaves, Ctrl+E edits the section in an external editor (the "
        "settings' editor, $EDITOR, or nano).\n"
        "The draft is autosaved every few seconds and saved on exit; after a crash drafter offers to recover it.\n"),
    ),
    "keymap": ("\n改键：在 {path} 中写 编号 = \"按键\"（见上表最后一列）。",
               "\nYour keymap (binding id = \"keys\"): {path}"),
    "close": ("\nEsc 关闭帮助。", "\nEsc closes this help."),
}

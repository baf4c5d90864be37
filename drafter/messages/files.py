"""Words about files: why one cannot be read, and paths that would leave their folder."""

MESSAGES = {
    # -- what the file is ------------------------------------------------------------------------
    "not_found": ("找不到文件", "file not found"),
    "broken_link": ("符号链接指向的文件不存在", "a symbolic link to a file that does not exist"),
    "link_loop": ("符号链接循环（链接最终指回自己），无法打开", "a symbolic link loop (the link leads back to itself)"),
    "is_folder": ("是文件夹，不是文件", "is a folder, not a file"),
    "fifo": (
        "是命名管道（FIFO），不是普通文件：drafter 只读取普通文件",
        "a named pipe (FIFO), not an ordinary file: drafter reads only ordinary files",
    ),
    "device": (
        "是设备文件，不是普通文件：drafter 只读取普通文件",
        "a device, not an ordinary file: drafter reads only ordinary files",
    ),
    "not_regular": ("不是普通文件：drafter 只读取普通文件", "not an ordinary file: drafter reads only ordinary files"),
    "permission_denied": (
        "没有读取权限：请检查该文件及其所在文件夹的权限",
        "permission denied: check the permissions of the file and its folder",
    ),
    "folder_unreadable": (
        "无法打开此文件夹（{why}）：其中的文件未读入",
        "cannot open this folder ({why}): the files in it were not read",
    ),
    "no_permission": ("没有权限", "permission denied"),
    "file_on_the_way": ("路径中的某一段是文件，不是文件夹", "a part of the path is a file, not a folder"),
    "out_of_memory": (
        "内存不足：输入太大或太复杂，请分成较小的文件再试",
        "out of memory: the input is too big or too complex; split it into smaller files and retry",
    ),
    "cannot_read": ("无法读取（{why}）", "cannot be read ({why})"),
    "name_too_long": ("文件名或路径太长", "the file name or path is too long"),
    "too_big": ("文件太大（{size} MB，上限 {limit} MB）", "too big ({size} MB; the limit is {limit} MB)"),
    "empty": ("空文件", "empty file"),
    "no_text": ("文件里没有文字（空文件）", "no text in it (empty file)"),
    # -- formats drafter does not read -------------------------------------------------------------
    "old_format": ("{what}：请在 Word 或 WPS 中另存为 .docx", "{what}: save it as .docx in Word or WPS"),
    "old_doc": ("旧版 Word .doc 文件", "an old Word .doc file"),
    "wps_file": ("WPS 文件", "a WPS file"),
    "rtf_file": ("RTF 文件", "an RTF file"),
    "unsupported": ("无法读取{what}：请使用 {kinds}", "cannot read {what}: use {kinds}"),
    "suffix_files": ("“{suffix}”文件", "'{suffix}' files"),
    "no_suffix": ("没有扩展名的文件", "files without an extension"),
    "pdf": (
        "是 PDF 文件，不是文本：请把其中的文字复制到 .txt 或 .docx 文件",
        "a PDF file, not text: copy its text into a .txt or .docx file",
    ),
    "ole": (
        "是旧版 Word .doc（或 .wps）文件：请在 Word 或 WPS 中另存为 .docx",
        "an old Word .doc (or .wps) file: save it as .docx in Word or WPS",
    ),
    "zip": (
        "是 zip 压缩包（也许是改错了扩展名的 Word 文件），不是文本",
        "a zip archive (maybe a Word file with the wrong name), not text",
    ),
    "image": ("是图片，不是文本", "an image, not text"),
    "rtf": ("是 RTF 文件：请在 Word 或 WPS 中另存为 .docx", "an RTF file: save it as .docx in Word or WPS"),
    # -- text that does not decode ---------------------------------------------------------------
    "broken_encoding": ("{encoding} 文本已损坏", "broken {encoding} text"),
    "binary_nul": ("二进制文件，不是文本（含有 NUL 字节）", "binary file, not text (it contains NUL bytes)"),
    "unknown_encoding": (
        "不是 drafter 能识别的任何编码的文本（二进制文件？）",
        "not text in any encoding drafter knows (binary file?)",
    ),
    "binary": ("二进制文件，不是文本", "binary file, not text"),
    # -- .docx -----------------------------------------------------------------------------------
    "broken_docx": (
        "损坏的 .docx 文件：文件已损坏，或并非真正的 Word 文档",
        "broken .docx file: damaged, or not really a Word document",
    ),
    "docx_too_big": (
        ".docx 解压后太大（{member}：{size} MB，上限 {limit} MB）：可能是压缩炸弹，不是普通的方案文件",
        ".docx too big once inflated ({member}: {size} MB; the limit is {limit} MB): a zip bomb, "
        "not an ordinary plan",
    ),
    "docx_too_many_parts": (
        ".docx 含有太多部件（{count} 个，上限 {limit} 个），不是普通的方案文件",
        ".docx with too many parts ({count}; the limit is {limit}): not an ordinary plan",
    ),
    # -- paths built from document data ----------------------------------------------------------
    "path_outside": (
        "文件名 {name} 会落到文件夹 {folder} 之外，已拒绝",
        "the file name {name} would land outside the folder {folder}: refused",
    ),
    "meta_not_text": (
        "草稿元数据 {key} 含有无法保存的字符（{char}）：请删去后重试",
        "draft metadata {key} holds a character that cannot be saved ({char}): remove it and retry",
    ),
    # -- saving ----------------------------------------------------------------------------------
    "save_permission": (
        "没有写入权限（文件夹是否可写？文件是否在其他程序中打开？）",
        "permission denied (is the folder writable, or the file open in another program?)",
    ),
    "save_no_space": ("磁盘已满：请腾出空间后重试，原文件未改动", "no space left on the disk: free some space and retry; the old file is unchanged"),
    "save_read_only_disk": ("磁盘是只读的", "the disk is read-only"),
    "save_no_folder": ("所在文件夹不存在", "its folder does not exist"),
    "export_no_folder": ("文件夹 {folder} 不存在", "folder {folder} does not exist"),
    "export_not_folder": ("{folder} 不是文件夹", "{folder} is not a folder"),
    "export_is_folder": ("是一个文件夹，不是文件名", "is a folder, not a file name"),
    "export_open_elsewhere": (
        "正在其他程序中打开（存在 {lock}）：请关闭后重试",
        "is open in another program ({lock} exists); close it and retry",
    ),
    "export_read_only": ("是只读文件", "is read-only"),
}

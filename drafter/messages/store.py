"""Words about the corpus store: opening it, writing to it, and what to do when that fails."""

MESSAGES = {
    "folder_cannot_create": (
        "无法创建存储文件夹 {folder}（{why}）：请用 --db 指定一个可写的位置，或设置 DRAFTER_HOME",
        "cannot create the store's folder {folder} ({why}): choose a writable place with --db, or set DRAFTER_HOME",
    ),
    "folder_missing": (
        "存储文件 {path} 所在的文件夹 {folder} 不存在：请先创建它，或用 --db 指定另一个位置",
        "the folder {folder} of the store {path} does not exist: create it, or choose another place with --db",
    ),
    "read_only_file": (
        "存储文件 {path} 是只读的，无法写入：请给它写权限（chmod u+w），或用 --db 指定另一个存储",
        "the store {path} is read-only and cannot be written: make it writable (chmod u+w), or use --db "
        "for another store",
    ),
    "read_only_folder": (
        "存储文件 {path} 所在的文件夹 {folder} 不可写（SQLite 要在旁边建立日志文件）："
        "请给该文件夹写权限，或用 --db 指定另一个位置",
        "the folder {folder} of the store {path} is not writable (SQLite keeps its journal beside the store): "
        "make the folder writable, or choose another place with --db",
    ),
    "is_folder": (
        "{path} 是文件夹，不是存储文件：请用 --db 指定一个文件，例如 {path}/drafter.sqlite3",
        "{path} is a folder, not a store file: give --db a file, e.g. {path}/drafter.sqlite3",
    ),
    "cannot_open": (
        "无法打开存储文件 {path}（{why}）：请检查该路径，或用 --db 指定另一个位置",
        "cannot open the store {path} ({why}): check the path, or choose another place with --db",
    ),
    "not_a_store": (
        "{path} 不是 drafter 的存储文件（{why}）：请用 --db 指定正确的文件",
        "{path}: not a drafter store ({why}); point --db at the right file",
    ),
    "newer": (
        "{path}：此存储由更新版本的 drafter 写入（结构版本 {version} > {supported}）：请升级 drafter",
        "{path}: the store was written by a newer drafter (schema {version} > {supported}); upgrade drafter",
    ),
    "disk_full": (
        "写入存储文件 {path} 时磁盘已满：请腾出空间后重试",
        "the disk is full while writing the store {path}: free some space and retry",
    ),
    "io_error": (
        "读写存储文件 {path} 时磁盘出错：磁盘可能已满或有故障；请腾出空间或检查磁盘后重试",
        "the disk failed while reading or writing the store {path}: it may be full or failing; free some "
        "space or check it, and retry",
    ),
    "busy": (
        "存储文件 {path} 正被另一个 drafter 使用：请等它完成后重试",
        "the store {path} is in use by another drafter: wait for it to finish and retry",
    ),
    "permission": (
        "没有权限访问存储文件 {path}：请检查其权限，或用 --db 指定另一个位置",
        "no permission to use the store {path}: check its permissions, or choose another place with --db",
    ),
    "first_use": ("首次使用此存储：正在读入内置语料…", "first use of this store: reading the bundled corpus…"),
    "bundled_skipped": ("内置语料文件 {path} 未能读入：{why}", "skipped bundled file {path}: {why}"),
    "bundled_summary": ("内置语料：{summary}", "bundled corpus: {summary}"),
}

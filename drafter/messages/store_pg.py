"""The shared (PostgreSQL) store's words: what it refuses and why, push/pull, who ingested what."""

MESSAGES = {
    "no_driver": (
        "{location}：缺少 PostgreSQL 驱动（psycopg）。请重新安装 drafter（pip install drafter）。",
        "{location}: the PostgreSQL driver (psycopg) is missing. Reinstall drafter (pip install drafter).",
    ),
    "bad_url": (
        "{location}：不是有效的 PostgreSQL 地址（{why}）。请写成 postgresql://用户@服务器/数据库。",
        "{location}: not a valid PostgreSQL address ({why}). Write postgresql://user@server/database.",
    ),
    "no_database_name": (
        "{location}：地址中没有数据库名。请写成 postgresql://用户@服务器/数据库。",
        "{location}: the address names no database. Write postgresql://user@server/database.",
    ),
    "timeout": (
        "服务器 {host} 在 {seconds} 秒内没有应答。请检查服务器地址、网络和防火墙（端口 {port}）。",
        "the server {host} did not answer within {seconds} s. Check the server's address, the network and "
        "the firewall (port {port}).",
    ),
    "refused": (
        "无法连接服务器 {host}（端口 {port}）：服务器拒绝连接或没有运行 PostgreSQL。请检查地址和端口，或请管理员启动数据库服务。",
        "cannot reach the server {host} (port {port}): it refused the connection or runs no PostgreSQL. "
        "Check the address and port, or ask the administrator to start the database.",
    ),
    "unknown_host": (
        "找不到服务器 {host}：请检查服务器名称是否拼写正确。",
        "no server named {host}: check the server's name.",
    ),
    "auth_failed": (
        "服务器 {host} 拒绝了用户 {user} 的登录（用户名或密码不正确，或该用户无权访问此数据库）。"
        "请检查 --db 中的用户名和密码（或 ~/.pgpass / PGPASSWORD）。",
        "the server {host} refused the login of user {user} (wrong user or password, or no access to this "
        "database). Check the user and password of --db (or ~/.pgpass / PGPASSWORD).",
    ),
    "no_database": (
        "服务器 {host} 上没有数据库 {database}。请管理员先创建它（createdb {database}），"
        "再运行 `drafter store init --db {location}`。",
        "the server {host} has no database {database}. Ask the administrator to create it (createdb "
        "{database}), then run `drafter store init --db {location}`.",
    ),
    "cannot_connect": (
        "无法连接服务器 {host}：{why}",
        "cannot connect to the server {host}: {why}",
    ),
    "too_old": (
        "服务器 {host} 的 PostgreSQL 版本为 {version}，drafter 需要 {needed} 或更新版本。请管理员升级数据库。",
        "the server {host} runs PostgreSQL {version}; drafter needs {needed} or newer. Ask the administrator "
        "to upgrade it.",
    ),
    "no_schema": (
        "{location}：该数据库中还没有 drafter 语料库。确认地址无误后，运行 `drafter store init --db {location}` 创建。",
        "{location}: this database holds no drafter store yet. If the address is right, create one with "
        "`drafter store init --db {location}`.",
    ),
    "newer_schema": (
        "{location}：该语料库由更新版本的 drafter 创建（结构版本 {version}，本版本支持到 {supported}）。请升级 drafter。",
        "{location}: the store was made by a newer drafter (schema {version} > {supported}). Upgrade drafter.",
    ),
    "older_schema": (
        "{location}：该语料库由较早版本的 drafter 创建（结构版本 {version}，本版本需要 {supported}），"
        "用户 {user} 无权升级它。请管理员（数据库所有者）运行一次 `drafter store init --db {location}`，"
        "升级后各台电脑即可照常使用。",
        "{location}: the store was made by an older drafter (schema {version}; this one needs {supported}) "
        "and the user {user} may not upgrade it. Ask the administrator (the database's owner) to run "
        "`drafter store init --db {location}` once; every PC can then use it as before.",
    ),
    "no_permission": (
        "{location}：用户 {user} 没有执行此操作的权限（例如只能查阅、不能导入）。"
        "请管理员授权（GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {user}; "
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {user}），或改用有权限的用户。",
        "{location}: the user {user} may not do this (it may read the store but not write to it, say). Ask "
        "the administrator to grant it (GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
        "TO {user}; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {user}) or use a user who may.",
    ),
    "no_access": (
        "服务器 {host} 不允许用户 {user} 连接数据库 {database}。请管理员授权（GRANT CONNECT ON DATABASE {database} TO {user}）。",
        "the server {host} does not let the user {user} connect to the database {database}. Ask the "
        "administrator to grant it (GRANT CONNECT ON DATABASE {database} TO {user}).",
    ),
    "read_only": (
        "{location}：该服务器只读（可能是备用服务器），不能写入。请连接主服务器。",
        "{location}: this server is read-only (a standby, perhaps) and cannot be written to. Connect to the "
        "primary server.",
    ),
    "no_privilege": (
        "{location}：用户 {user} 没有在该数据库中创建表的权限。请管理员授权"
        "（GRANT CREATE ON SCHEMA public TO {user}）或用数据库所有者运行 `drafter store init`。",
        "{location}: the user {user} may not create tables in this database. Ask the administrator to grant it "
        "(GRANT CREATE ON SCHEMA public TO {user}) or run `drafter store init` as the database's owner.",
    ),
    "server_error": (
        "服务器 {host} 报告错误：{why}",
        "the server {host} reported an error: {why}",
    ),
    "lost": (
        "与服务器 {host} 的连接中断：{why}。已写入的内容不受影响，请稍后重试。",
        "the connection to the server {host} was lost: {why}. What was written is safe; try again later.",
    ),
    "needs_server": (
        "{command} 需要一个服务器语料库：请用 --db postgresql://用户@服务器/数据库 或设置 DRAFTER_DB。",
        "{command} needs a server store: give --db postgresql://user@server/database or set DRAFTER_DB.",
    ),
    "init_done": (
        "已在 {location} 创建 drafter 语料库（结构版本 {version}，检索索引：{index}）。"
        "各台电脑设置 DRAFTER_DB={location} 即可共用。",
        "made a drafter store at {location} (schema {version}, search index: {index}). Set "
        "DRAFTER_DB={location} on each PC to share it.",
    ),
    "init_exists": (
        "{location} 已有 drafter 语料库（结构版本 {version}，{documents} 篇文档，检索索引：{index}）。",
        "{location} already holds a drafter store (schema {version}, {documents} document(s), search index: {index}).",
    ),
    "needs_sqlite": (
        "{location}：这里需要本机 SQLite 语料库文件，而不是服务器地址。",
        "{location}: this needs a local SQLite store file, not a server address.",
    ),
    "copied": (
        "{direction}：复制 {copied} 个来源文件（{documents} 篇文档），已存在 {present} 个，跳过 {skipped} 个，用时 {seconds} 秒。",
        "{direction}: copied {copied} file(s) ({documents} document(s)), {present} already there, "
        "{skipped} skipped, in {seconds} s.",
    ),
    "older_parser": (
        "由旧版解析器读入，未复制：请先在源语料库运行 `drafter corpus upgrade`",
        "read by an older parser, not copied: run `drafter corpus upgrade` on the source first",
    ),
    "copy_skipped": ("跳过 {path}：{why}", "skipped {path}: {why}"),
    "push": ("推送 {source} → {target}", "push {source} → {target}"),
    "pull": ("拉取 {source} → {target}", "pull {source} → {target}"),
    "files_header": ("编号  状态  文件数  导入者  导入时间  路径", "id  status  documents  by  when  path"),
    "files_none": ("语料库中还没有导入任何文件", "no file has been ingested into this store yet"),
    "files_count": ("共 {count} 个来源文件", "{count} source file(s)"),
    "same_content_as": ("与 {path} 内容相同（{who}）", "same content as {path} ({who})"),
}

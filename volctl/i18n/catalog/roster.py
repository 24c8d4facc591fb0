"""The roster file, its settings, and the top-level commands init/info/settings."""

MESSAGES = {
    "help.app": (
        "volctl：社区志愿服务台账。登记志愿者、组建队伍、安排活动、记录服务时长、导入报名表、"
        "打印名册、生成年终总结。",
        "volctl: the community volunteer service ledger. Register volunteers, organise teams, "
        "plan activities, record service hours, import sign-up sheets, print rosters and "
        "produce the year-end summary.",
    ),
    "opt.db": (
        "台账文件；未指定时用 $VOLCTL_DB，再没有则用用户目录下的默认文件。",
        "The roster file; else $VOLCTL_DB; else the default file in your app directory.",
    ),
    "opt.lang": (
        "界面语言：zh 或 en；zh_CN、zh-CN、zh-Hans、zh_TW 等都是中文，其他都是英文（默认取 "
        "$VOLCTL_LANG 或系统区域设置，同样的规则）。",
        "Interface language: zh or en; zh_CN, zh-CN, zh-Hans, zh_TW and the like are Chinese, "
        "anything else English (default: $VOLCTL_LANG or the locale, by the same rule).",
    ),
    "opt.operator": (
        "记入审计日志的操作人（默认 $VOLCTL_OPERATOR 或系统用户名）。",
        "Who is operating, for the audit log (default $VOLCTL_OPERATOR or the OS user).",
    ),
    "reason.operator_unreadable": (
        "含有无法识别的字节或控制字符，无法记入审计日志；请用 UTF-8 写操作人的名字。",
        "holds bytes that are not UTF-8 text, or control characters, so it cannot go into the "
        "audit log; write the operator's name in UTF-8.",
    ),
    "opt.version": ("显示版本并退出。", "Show the version and exit."),
    "help.init": (
        "创建台账文件（可重复运行，绝不覆盖其他文件）。",
        "Create the roster (safe to re-run; never clobbers another file).",
    ),
    "opt.org": (
        "单位（组织）名称，印在表格的填报单位一栏。",
        "The organisation's name, printed on forms.",
    ),
    "opt.region": ("六位行政区划代码，例如 330482。", "Six-digit region code, e.g. 330482."),
    "opt.prefix": ("志愿者编号的前缀（默认 V）。", "Prefix of volunteer numbers (default V)."),
    "init.created": ("已创建志愿服务台账：{path}", "Created the roster {path}"),
    "init.updated": (
        "台账 {path} 已存在，已更新设置：{keys}",
        "The roster {path} exists; updated: {keys}",
    ),
    "init.exists": (
        "台账 {path} 已存在，未作改动。",
        "The roster {path} already exists; nothing changed.",
    ),
    "help.info": (
        "显示正在使用哪个台账文件及原因、版本和数据量。",
        "Show which roster file is in use and why, its schema version and counts.",
    ),
    "info.path": ("台账文件", "roster file"),
    "info.source": ("选用原因", "chosen by"),
    "info.state": ("状态", "state"),
    "info.source_option": ("命令行 --db", "the --db option"),
    "info.source_env": ("环境变量 $VOLCTL_DB", "$VOLCTL_DB"),
    "info.source_default": ("默认位置", "the default location"),
    "info.state_missing": ("尚未创建（运行 volctl init）", "not created yet (run volctl init)"),
    "info.state_empty": ("空文件，尚未初始化", "an empty file, not initialised"),
    "info.state_roster": ("volctl 台账", "a volctl roster"),
    "info.state_foreign": ("其他程序的数据库", "another program's database"),
    "info.state_not_sqlite": ("不是数据库文件", "not a database file"),
    "info.state_corrupt": ("已损坏", "damaged"),
    "info.schema_version": ("结构版本", "schema version"),
    "info.schema_latest": ("本程序支持的版本", "latest supported"),
    "info.org_name": ("单位名称", "organisation"),
    "info.region_code": ("行政区划代码", "region code"),
    "info.size_bytes": ("文件大小（字节）", "size (bytes)"),
    "info.counts_volunteers": ("志愿者", "volunteers"),
    "info.counts_volunteers_active": ("在册志愿者", "active volunteers"),
    "info.counts_teams": ("队伍", "teams"),
    "info.counts_memberships": ("队伍成员记录", "memberships"),
    "info.counts_activities": ("活动", "activities"),
    "info.counts_service_records": ("服务记录", "service records"),
    "info.counts_recipients": ("服务对象", "beneficiaries"),
    "info.counts_trainings": ("培训", "trainings"),
    "info.counts_certificates": ("证明", "certificates"),
    "info.counts_import_batches": ("导入批次", "import batches"),
    "info.counts_audit_log": ("审计日志条目", "audit entries"),
    "help.settings": (
        "查看或修改台账设置：volctl settings [设置项 [值]]。",
        "Show or change the roster's settings: volctl settings [KEY [VALUE]].",
    ),
    "arg.setting_key": ("设置项名称。", "The setting's name."),
    "arg.setting_value": ("新的值。", "The new value."),
    "settings.saved": ("已保存：{key} = {value}", "Saved: {key} = {value}"),
    "settings.unknown": ("没有设置项 {key}。可用：{keys}", "No setting {key}. Available: {keys}"),
    "settings.bad_prefix": (
        "编号前缀「{value}」只能包含字母、数字和连字符，最多 12 个字符。",
        "The prefix '{value}' may hold letters, digits and hyphens, at most 12.",
    ),
    "settings.bad_region": (
        "行政区划代码应为 6 位数字，而不是「{value}」。",
        "A region code has 6 digits, not '{value}'.",
    ),
    "settings.bad_number": (
        "「{value}」不是数字，请写成 48 或 48.5 这样的数。",
        "'{value}' is not a number; write it as 48 or 48.5.",
    ),
    "settings.number_out_of_range": (
        "「{value}」超出范围：应大于 0，最多 {limit}。",
        "'{value}' is out of range: it must be above 0 and at most {limit}.",
    ),
    "settings.bad_thresholds": (
        "星级门槛应为 5 个递增的正整数小时数，例如 100,300,600,1000,1500，而不是「{value}」。",
        "Star thresholds are 5 increasing positive hours, e.g. 100,300,600,1000,1500, not '{value}'.",
    ),
    "setting.org_name": ("单位名称（填报单位）", "organisation name (on forms)"),
    "setting.region_code": ("行政区划代码", "region code"),
    "setting.volunteer_no_prefix": ("志愿者编号前缀", "volunteer number prefix"),
    "setting.recorder": ("默认记录人", "default recorder of service records"),
    "setting.responsible_person": ("负责人（印在证明上）", "responsible person (on certificates)"),
    "setting.contact_person": ("经办人", "handling officer"),
    "setting.contact_phone": ("联系电话", "contact phone"),
    "setting.target_hours": (
        "每人每年服务时长目标（小时）",
        "yearly service target per volunteer (hours)",
    ),
    "setting.star_thresholds": (
        "一至五星的累计时长门槛（小时）",
        "cumulative hours for one to five stars",
    ),
    "roster.missing": ("台账文件 {path} 不存在。", "The roster {path} does not exist."),
    "hint.roster_init": (
        "先运行 volctl init 创建台账，或用 --db 指定已有的台账文件。",
        "Run volctl init to create it, or point --db at an existing roster.",
    ),
    "roster.not_initialised": (
        "{path} 是空文件，还不是台账。",
        "{path} is empty: not a roster yet.",
    ),
    "roster.is_directory": (
        "{path} 是一个文件夹，不是台账文件。",
        "{path} is a folder, not a roster file.",
    ),
    "roster.not_regular": (
        "{path} 不是普通文件（而是设备、管道或套接字），不能用作台账；它没有被改动。",
        "{path} is not a regular file (it is a device, a pipe or a socket): it cannot be a "
        "roster, and was left as it was.",
    ),
    "roster.cannot_read": ("无法读取 {path}：{reason}", "Cannot read {path}: {reason}"),
    "roster.not_sqlite": (
        "{path} 不是 SQLite 数据库，不是 volctl 台账；文件未作任何改动。",
        "{path} is not an SQLite database, so not a volctl roster; it was left untouched.",
    ),
    "roster.foreign": (
        "{path} 是其他程序的 SQLite 数据库，不是 volctl 台账；文件未作任何改动。",
        "{path} is another program's SQLite database, not a volctl roster; it was left untouched.",
    ),
    "hint.roster_choose_other": (
        "用 --db 指定另一个文件名。",
        "Choose another file name with --db.",
    ),
    "roster.corrupt": (
        "台账文件 {path} 已损坏或不完整。",
        "The roster {path} is damaged or truncated.",
    ),
    "hint.roster_corrupt": (
        "请用最近的备份恢复（volctl restore 备份文件）。",
        "Restore it from your latest backup (volctl restore BACKUP).",
    ),
    "roster.newer": (
        "台账 {path} 由更新版本的 volctl 创建（结构版本 {version}，本程序支持到 {supported}）；文件未作任何改动。",
        "The roster {path} was made by a newer volctl (schema {version}; this one knows up to "
        "{supported}); it was left untouched.",
    ),
    "roster.unknown_steps": (
        "台账 {path} 含有本程序不认识的结构升级步骤（{steps}），是另一版本的 volctl 建立的；文件未作任何改动。",
        "The roster {path} holds schema steps this volctl does not know ({steps}): another "
        "version of volctl made it; it was left untouched.",
    ),
    "hint.roster_upgrade_volctl": (
        "请升级 volctl：pip install --upgrade volctl",
        "Upgrade volctl: pip install --upgrade volctl",
    ),
    "roster.no_folder": (
        "文件夹 {folder} 不存在，无法创建 {path}。",
        "The folder {folder} does not exist, so {path} cannot be created.",
    ),
    "roster.cannot_create": ("无法创建 {path}：{reason}", "Cannot create {path}: {reason}"),
    "roster.cannot_open": ("无法打开台账 {path}。", "Cannot open the roster {path}."),
    "roster.readonly": (
        "台账 {path} 是只读的，无法保存改动；没有写入任何内容。",
        "The roster {path} is read-only; nothing was written.",
    ),
    "roster.opened_read_only": (
        "台账 {path} 是只读的：可以查看和备份，但不能修改。",
        "The roster {path} is read-only: it can be read and backed up, not changed.",
    ),
    "hint.roster_readonly_upgrade": (
        "这个台账要先升级结构才能使用：请把它复制到可以写入的文件夹再打开。",
        "This roster's structure must be upgraded before use: copy it to a folder that can be "
        "written to and open it there.",
    ),
    "hint.roster_wal_read_only": (
        "台账旁边的 -wal 文件里还有未并入的改动，而所在的文件夹是只读的：请把台账连同它旁边的 "
        "-wal、-shm 文件一起复制到可以写入的文件夹再打开。",
        "Changes are still waiting in the -wal file beside it, and its folder is read-only: "
        "copy the roster with the -wal and -shm files beside it to a folder that can be "
        "written to and open it there.",
    ),
    "roster.disk_full": (
        "磁盘已满，无法保存改动；台账保持原样。",
        "The disk is full; nothing was saved and the roster is as it was.",
    ),
    "roster.busy": (
        "另一个 volctl 正在使用这个台账，已等待 {seconds} 秒仍未结束；没有写入任何内容。",
        "Another volctl is using this roster and did not finish within {seconds} seconds; "
        "nothing was written.",
    ),
    "hint.roster_busy": (
        "等另一个窗口的操作完成后再试一次。",
        "Try again once the other window's command has finished.",
    ),
    "roster.waiting": (
        "另一个 volctl 正在写入这个台账，正在等待……",
        "Another volctl is writing to this roster; waiting…",
    ),
    "roster.sqlite_error": ("台账 {path} 出错：{reason}", "Roster {path}: {reason}"),
    "roster.backup_before_migration": (
        "升级台账结构前已自动备份到 {backup}",
        "Before upgrading the roster's schema, a backup was made: {backup}",
    ),
    "roster.migrated": (
        "台账结构已从版本 {old} 升级到 {new}。",
        "The roster's schema was upgraded from version {old} to {new}.",
    ),
}

"""volctl demo."""

MESSAGES = {
    "help.demo": (
        "用 examples/ 中的示例数据建一个社区一年的台账（2025 年），并展示它。",
        "Build an example community's year (2025) from examples/ and show it.",
    ),
    "opt.demo_dir": (
        "示例台账放在哪个文件夹（默认新建临时文件夹）。",
        "Folder for the example roster (default: a new temporary folder).",
    ),
    "demo.built": ("示例台账已建好：{path}", "The example roster is ready: {path}"),
    "demo.step_imported": (
        "导入报名表：登记 {imported} 人，重复 {duplicates} 行，退回 {rejected} 行（见 东湖社区志愿者报名表.rejects.xlsx）",
        "imported the sign-up sheet: {imported} registered, {duplicates} duplicate rows, {rejected} rejected (see 东湖社区志愿者报名表.rejects.xlsx)",
    ),
    "demo.step_teams": (
        "组建队伍 {teams} 支，{members} 人入队（一人年中调队）",
        "built {teams} teams with {members} members (one moved mid-year)",
    ),
    "demo.step_activities": (
        "安排活动 {count} 次（每月第三个星期六的集中服务日、每周三结对探访和学雷锋、植树等纪念日）",
        "planned {count} activities (the monthly third-Saturday service days, weekly pair visits and the fixed days)",
    ),
    "demo.step_hours": (
        "登记服务记录 {records} 条（含缺席，以及一次更正、一次作废）",
        "recorded {records} service records (absences included; one corrected, one voided)",
    ),
    "demo.step_training": (
        "培训 {trainings} 次，全队投保意外险",
        "held {trainings} trainings; insured the whole team",
    ),
    "demo.step_beneficiaries": (
        "登记服务对象 {recipients} 人并结对帮扶",
        "registered {recipients} beneficiaries with pairings",
    ),
    "demo.step_commended": ("年终表彰 {count} 项", "{count} year-end commendations"),
    "demo.step_forms": ("打印表格：{files}", "printed the forms: {files}"),
    "demo.summary_title": (
        "\n示例社区 {year} 年度志愿服务总结：",
        "\nThe example community's year-end summary for {year}:",
    ),
    "demo.next": (
        "接着试试：volctl --db {db} status（现在要做的事）、volctl --db {db} report summary --year 2025、volctl --db {db} team tree 或 volctl --db {db} log-hours list",
        "Try next: volctl --db {db} status (what needs doing now), volctl --db {db} report summary --year 2025, volctl --db {db} team tree, or volctl --db {db} log-hours list",
    ),
    "demo.exists": (
        "{folder} 里已经有一个台账（{path}），示例不会改动它。请换一个空文件夹，"
        "或用 volctl --db {path} 打开这个台账。",
        "{folder} already holds a roster ({path}); the demo leaves it alone. Choose an empty "
        "folder, or open that roster with volctl --db {path}.",
    ),
    "demo.not_roster": (
        "{path} 已经存在，但不是 volctl 台账；示例不会覆盖它。请换一个空文件夹。",
        "{path} already exists and is not a volctl roster; the demo will not write over it. "
        "Choose an empty folder.",
    ),
    "demo.files_exist": (
        "{folder} 里已经有示例要写的文件：{files}；示例不会覆盖它们。请换一个空文件夹。",
        "{folder} already has files the demo would write: {files}; the demo will not write "
        "over them. Choose an empty folder.",
    ),
    "demo.not_a_folder": (
        "{path} 是一个文件，不是文件夹；--dir 要给一个文件夹。",
        "{path} is a file, not a folder; --dir takes a folder.",
    ),
    "demo.cannot_create": (
        "无法创建文件夹 {path}：{reason}",
        "Cannot create the folder {path}: {reason}",
    ),
    "demo.no_examples": ("找不到示例数据（{path}）。", "The example data is missing ({path})."),
}

"""volctl export: official forms, service certificates, raw tables."""

MESSAGES = {
    # ------------------------------------------------------------------ help
    "help.export": (
        "导出：打印用的上级附件表格、编号登记的志愿服务记录证明、原始数据表。",
        "Export: the official annexed forms for print, numbered and registered service "
        "certificates, raw tables.",
    ),
    "help.export.forms": (
        "列出可以填写的正式表格：名称、中文标题和可用选项（导出为文件或 JSON 时另有一列，"
        "写明表格出自哪份通知的哪个附件）。",
        "List the official forms volctl can fill: name, Chinese title and options (a file or "
        "JSON also says which notice and annex each form comes from).",
    ),
    "help.export.form": (
        "填写一份附件表格，写成可直接在 A4 纸上打印、盖章上报的 Excel 文件。"
        "NAME 为表格名称或中文标题（见 volctl export forms）。身份证号和手机号以文本写入；"
        "上报名册、队伍登记表和登记表默认完整打印（--mask 打码），其余表格默认打码"
        "（--show-pii 显示完整信息）。",
        "Fill an official form into an Excel file that prints on A4, ready to stamp and send "
        "up. NAME is the form's name or Chinese title (see volctl export forms). Identity "
        "numbers and phones are written as text: in full on the rosters sent upward, the team "
        "register and the registration form (--mask masks them), masked on the others unless "
        "--show-pii.",
    ),
    "help.export.certificate": (
        "为志愿者出具编号的志愿服务记录证明（Excel，A4），只依据本台账自己记录的服务时长"
        "（合并进来的社区记录由社区自行证明），并登记在证明登记簿中。--list 列出登记簿。",
        "Issue a numbered service certificate (志愿服务记录证明, Excel, A4) from the "
        "service this roster recorded itself only (merged communities certify their own), and "
        "enter it in the certificate register. --list shows the register.",
    ),
    "help.export.table": (
        "导出一张原始数据表（csv、json 或 xlsx）。个人信息默认打码；"
        "以 =、+、-、@ 开头的文本在 csv 和 xlsx 中作为文本写出，不会被当作公式执行。",
        "Export one raw table (csv, json or xlsx). Personal data is masked unless --show-pii; "
        "text beginning with =, +, -, @ is written as text in csv and xlsx, never as a formula.",
    ),
    "help.export.tables": (
        "列出可以导出的数据表、行数和其中的个人信息列。",
        "List the tables that can be exported, their rows and their personal-data columns.",
    ),
    "arg.export_form": (
        "表格名称（如 ledger）或中文标题（如 志愿服务记录台账）。",
        "The form's name (e.g. ledger) or Chinese title (e.g. 志愿服务记录台账).",
    ),
    "arg.export_table": (
        "数据表名称（见 volctl export tables）。",
        "The table's name (see volctl export tables).",
    ),
    "arg.certificate_vol": (
        "志愿者：编号、身份证号、手机号或唯一的姓名；与 --list 同用时只列此人的证明。",
        "The volunteer: number, identity number, phone or unique name; with --list, only "
        "their certificates.",
    ),
    "opt.export_form_output": ("写入的 Excel 文件（.xlsx）。", "The Excel file to write (.xlsx)."),
    "opt.export_team": (
        "队伍（名称）：表格所填的队伍，或只统计该队伍及其下属队伍。",
        "The team (name): the team the form is for, or only that team and the teams under it.",
    ),
    "opt.export_year": ("年份，如 2025。", "The year, e.g. 2025."),
    "opt.export_from": ("起始日期（含）。", "First day (inclusive)."),
    "opt.export_to": ("截止日期（含）。", "Last day (inclusive)."),
    "opt.export_on": (
        "名册所依据的日期（默认今天；给出 --year 时为该年年底）。",
        "The day the roster is taken on (default today; with --year, that year's end).",
    ),
    "opt.export_volunteer": (
        "志愿者（可重复，或用逗号分隔）。",
        "A volunteer (repeat, or separate with commas).",
    ),
    "opt.export_rule": (
        "集中活动日的规则：third-saturday（每月第三个星期六，默认）、third-week-saturday 或 "
        "RRULE。",
        "The rule of the concentrated service days: third-saturday (default), "
        "third-week-saturday or an RRULE.",
    ),
    "opt.export_with_subteams": (
        "同时列出下属队伍的队员（备注栏注明所在队伍）。",
        "Also list the members of the teams under it (their team in the 备注 column).",
    ),
    "opt.export_blank": (
        "在表格末尾加 N 行带序号的空行，供手工补填。",
        "Add N numbered blank rows at the end for entries by hand.",
    ),
    "opt.certificate_output": (
        "证明写入的 Excel 文件（.xlsx）；与 --list 同用时为登记簿的输出文件。",
        "The Excel file (.xlsx) the certificate is written to; with --list, where the "
        "register goes.",
    ),
    "opt.certificate_list": (
        "列出证明登记簿（已出具的全部证明），而不出具新证明。",
        "List the certificate register (every certificate issued) instead of issuing one.",
    ),
    "opt.export_table_format": (
        "csv（默认）、json 或 xlsx；不给出时按输出文件的扩展名决定。",
        "csv (default), json or xlsx; when not given, taken from the output file's extension.",
    ),
    # ------------------------------------------------------------------ columns
    "col.export_form_name": ("名称", "name"),
    "col.export_form_title": ("标题", "title"),
    "col.export_form_source": ("出自（通知编号及附件）", "from (notice and annex)"),
    "col.export_form_options": ("选项", "options"),
    "col.certificate_no": ("证明编号", "number"),
    "col.certificate_period": ("证明期间", "period"),
    "col.certificate_volunteer": ("志愿者", "volunteer"),
    "col.certificate_hours": ("时长", "hours"),
    "col.certificate_issued_on": ("出具日期", "issued on"),
    "col.certificate_file": ("文件", "file"),
    "col.table_name": ("数据表", "table"),
    "col.table_kind": ("类型", "kind"),
    "col.table_rows": ("行数", "rows"),
    "col.table_personal": ("个人信息列（默认打码）", "personal columns (masked)"),
    "field.form": ("表格", "form"),
    "field.table": ("数据表", "table"),
    "field.format": ("格式", "format"),
    # ------------------------------------------------------------------ forms
    "export.form_unknown": (
        "没有名为「{name}」的表格。可用的表格：{names}。",
        "There is no form called {name}. The forms: {names}.",
    ),
    "hint.export_forms": (
        "运行 volctl export forms 查看各表格的名称、标题和可用选项。",
        "Run volctl export forms to see each form's name, title and options.",
    ),
    "export.option_not_used": (
        "表格 {form}（{title}）不使用 {option}；它的选项：{options}。",
        "The form {form} ({title}) does not use {option}; its options: {options}.",
    ),
    "export.period_empty": (
        "所选期间为空：从 {first} 到 {last}。",
        "The period asked for is empty: from {first} to {last}.",
    ),
    "export.team_level": (
        "队伍「{team}」是{level}，这张表格要填的是{wanted}。",
        "The team {team} is a {level}; this form is for a {wanted}.",
    ),
    "hint.export_team_level": (
        "副大队长名册表填大队，中队人员名册表填中队，分队人员名册表填分队；"
        "其他队伍用 team-register（志愿者队伍基本情况登记表）。",
        "deputies is for a 大队, squadron for a 中队, detachment for a 分队; any other team "
        "goes on team-register (志愿者队伍基本情况登记表).",
    ),
    "export.no_team": (
        "台账中没有{level}。",
        "The roster has no {level}.",
    ),
    "export.no_teams": ("台账中还没有队伍。", "The roster has no team yet."),
    "hint.export_add_team": (
        "先用 volctl team add 建立队伍，或用 --team 指定。",
        "Add the team first with volctl team add, or name it with --team.",
    ),
    "export.team_needed": (
        "有多支队伍可填：{choices}。",
        "Several teams could go on this form: {choices}.",
    ),
    "hint.export_team_needed": ("用 --team 指定一支。", "Name one with --team."),
    "export.needs_volunteers": (
        "志愿者服务登记表每人一页：请用 --volunteer 指定志愿者，或用 --team 指定队伍。",
        "The registration form has one sheet per volunteer: name them with --volunteer, or a "
        "team with --team.",
    ),
    "export.too_many_rows": (
        "{rows} 行超出了 Excel 工作表的上限（{limit} 行）。",
        "{rows} rows are more than an Excel sheet holds ({limit}).",
    ),
    "hint.export_narrow_period": (
        "缩短期间（--from/--to）或只选一支队伍（--team）。",
        "Choose a shorter period (--from/--to) or one team (--team).",
    ),
    "export.form_written": (
        "已写入 {path}：{title}，{rows} 条，{sheets} 个工作表。",
        "Written to {path}: {title}, {rows:~entry|entries}, {sheets:~sheet|sheets}.",
    ),
    "export.form_written_plain": ("已写入 {path}：{title}。", "Written to {path}: {title}."),
    "export.form_empty": (
        "{title} 没有可填的内容；表格留有 {blank} 行空行供手工填写。",
        "Nothing to fill in on {title}; the form has {blank} blank rows to fill in by hand.",
    ),
    # ------------------------------------------------------------------ certificates
    "certificate.needs_volunteer": (
        "请给出要出具证明的志愿者（VOL），或用 --list 查看登记簿。",
        "Name the volunteer to certify (VOL), or use --list to see the register.",
    ),
    "certificate.needs_output": (
        "请用 -o FILE.xlsx 给出证明写入的文件。",
        "Give the file the certificate goes to with -o FILE.xlsx.",
    ),
    "hint.certificate_usage": (
        "例如：volctl export certificate V000001 --year 2025 -o 证明.xlsx",
        "For example: volctl export certificate V000001 --year 2025 -o certificate.xlsx",
    ),
    "certificate.no_service": (
        "{volunteer_no} {name} 在 {first} 至 {last} 期间没有已记录的服务时长，不能出具证明。",
        "{volunteer_no} {name} has no recorded service from {first} to {last}: no certificate "
        "can be issued.",
    ),
    "certificate.no_service_yet": (
        "{volunteer_no} {name} 截至 {last} 还没有已记录的服务时长，不能出具证明。",
        "{volunteer_no} {name} has no recorded service up to {last}: no certificate can be issued.",
    ),
    "hint.certificate_no_service": (
        "证明只依据已记录的服务出具：先用 volctl log-hours 记录服务，或换一个期间。",
        "Certificates come from recorded service only: record it with volctl log-hours first, "
        "or choose another period.",
    ),
    "certificate.only_merged": (
        "{volunteer_no} {name} 在此期间的服务时长（{hours} 小时）都由合并进来的社区记录：{sources}。"
        "谁记录谁证明，本台账不能为这些服务出具证明。",
        "{volunteer_no} {name}'s service in the period ({hours} h) was all recorded by merged "
        "communities: {sources}. Whoever recorded a service certifies it, so this roster cannot "
        "certify it.",
    ),
    "hint.certificate_only_merged": (
        "请由记录服务的社区为其出具证明（在该社区的台账上运行 volctl export certificate）。",
        "The community that recorded the service issues its own certificate (volctl export "
        "certificate on that community's roster).",
    ),
    "certificate.merged_left_out": (
        "另有 {services} 次服务（{hours} 小时）由合并进来的社区记录（{sources}），未计入本证明，"
        "由这些社区自行出具证明。",
        "{services:~more service|more services} ({hours} h) were recorded by merged communities ({sources}) "
        "and are not on this certificate: those communities certify them.",
    ),
    "certificate.no_org": (
        "台账没有设置组织名称（出具单位）。",
        "The roster has no organisation name (the issuer) set.",
    ),
    "hint.certificate_no_org": (
        "先设置：volctl settings org_name 当湖街道东湖社区",
        "Set it first: volctl settings org_name 当湖街道东湖社区",
    ),
    "certificate.unsigned_setting": (
        "设置项 {key} 为空，证明上该处留空，请手写填写（volctl settings {key} …）。",
        "The setting {key} is empty: that line of the certificate is left blank to fill in "
        "by hand (volctl settings {key} …).",
    ),
    "certificate.issued_before": (
        "此前已为同一期间出具过证明 {numbers}；这是一份新编号的证明。",
        "A certificate for the same period was issued before ({numbers}); this one has a new "
        "number.",
    ),
    "certificate.masked": (
        "证件号码已打码（--mask）：这份证明只作副本。",
        "The document number is masked (--mask): this certificate is a copy.",
    ),
    "certificate.issued": (
        "已出具证明 {number}（{name}，{hours} 小时），写入 {path}，并已登记。",
        "Certificate {number} issued ({name}, {hours} hours), written to {path} and registered.",
    ),
    "certificate.count": ("共 {count} 份证明", "{count:~certificate|certificates}"),
    # An import cannot be undone once a certificate names one of its volunteers.
    "intake.used_in.certificates": ("志愿服务记录证明", "service certificates"),
    # ------------------------------------------------------------------ raw tables
    "export.table_unknown": (
        "没有名为「{name}」的数据表。可导出的数据表：{names}。",
        "There is no table called {name}. The tables: {names}.",
    ),
    "hint.export_tables": (
        "运行 volctl export tables 查看数据表。",
        "Run volctl export tables to see the tables.",
    ),
    "export.table_format_unknown": (
        "格式「{value}」不可用：请用 csv、json 或 xlsx。",
        "The format {value} is not available: use csv, json or xlsx.",
    ),
    "hint.export_use_csv": (
        "这么多行请导出为 csv 或 json。",
        "Export that many rows as csv or json.",
    ),
    "export.xlsx_needs_file": (
        "xlsx 格式需要用 -o FILE.xlsx 给出输出文件。",
        "The xlsx format needs an output file: -o FILE.xlsx.",
    ),
    "export.table_written": (
        "已写入 {path}：{table} 共 {rows} 行。",
        "Written to {path}: {rows:~row|rows} of {table}.",
    ),
    "export.table_kind_table": ("数据表", "table"),
    "export.table_kind_view": ("视图", "view"),
}

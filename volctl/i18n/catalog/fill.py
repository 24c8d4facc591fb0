"""export fill: filling a template a superior sends."""

MESSAGES = {
    "help.export.fill": (
        "按上级发来的模板填报：读懂模板的表头（与导入同一套识别），按志愿者、服务记录、活动或队伍逐行填写，保留模板的标题、样式、列宽、合并单元格、打印设置和表尾签字栏。",
        "Fill a template a superior sends: read its header by meaning (as the import does), fill one row per volunteer, service record, activity or team, and keep the template's title, styles, widths, merged cells, print setup and signature lines below the table.",
    ),
    "arg.fill_template": (
        "上级发来的空白模板（.xlsx、.xls 或 .ods）。",
        "The blank template a superior sent (.xlsx, .xls or .ods).",
    ),
    "opt.fill_output": (
        "填好的文件（.xlsx）；--dry-run 时不需要。",
        "The filled file (.xlsx); not needed with --dry-run.",
    ),
    "opt.fill_team": (
        "只填该队伍及其下属队伍的人（服务时长只算在这些队伍中的服务）。",
        "Only the people of this team and the teams under it (hours: service done in them).",
    ),
    "opt.fill_year": (
        "统计年度（服务时长、次数、培训、表彰）；默认今年。",
        "The year counted (hours, services, training, commendations); default: this year.",
    ),
    "opt.fill_from": ("统计起始日期（含）。", "First day counted (inclusive)."),
    "opt.fill_to": (
        "统计截止日期（含）；人员按这一天在册情况列出。",
        "Last day counted (inclusive); people are listed as registered that day.",
    ),
    "opt.fill_where": (
        '筛选条件，如 "政治面貌=中共党员"、"年龄>=60 且 服务时长<48"（写法见 README）。',
        'Which rows, e.g. "政治面貌=中共党员", "age>=60 and hours<48" (grammar in the README).',
    ),
    "opt.fill_status": (
        "active：只列在册志愿者（按人填写时的默认）；all：也列已停用的。",
        "active: registered volunteers only (the default for one row per volunteer); all: the inactive too.",
    ),
    "opt.fill_column": (
        '指定某列填什么："表头=字段"（可重复；字段用英文名或中文名，ignore 表示留空）。',
        'Say what a column holds: "HEADER=field" (repeatable; a field\'s key or Chinese name; ignore leaves it empty).',
    ),
    "opt.fill_remember": (
        "记住本次 --column 的对应，以后同一模板（按表头识别）直接填。",
        "Remember the --column mappings for this template (known by its header) for next time.",
    ),
    "opt.fill_dry_run": (
        "只显示每列对应的字段和将填的行数，不写文件。",
        "Only show what each column is filled with and how many rows, writing nothing.",
    ),
    "opt.fill_mask": (
        "身份证号、手机等打码（用于传阅的副本）；默认完整填写（报送上级的正式材料）。",
        "Mask identity numbers, phones and addresses (a copy to pass around); by default they are in full (an official paper sent upward).",
    ),
    "opt.fill_sheet": (
        "模板中要填的工作表（名称或序号）；默认第一个有表头的。",
        "The template's sheet to fill (name or number); default: the first with a header.",
    ),
    "opt.fill_rows": (
        "每行填什么（volunteer 志愿者、record 服务记录、activity 活动、team 队伍）；默认按表头判断。",
        "What each row is (volunteer, record, activity, team); default: judged from the header.",
    ),
    "field.where": ("--where 条件", "--where"),
    "field.rows": ("--rows", "--rows"),
    # what was done
    "fill.written": (
        "已写入 {path}：{count} 行（{mode}，{first} 至 {last}）。",
        "Written {path}: {count:~row|rows} ({mode}, {first} to {last}).",
    ),
    "fill.personal_data": (
        "{path} 含完整的个人信息（身份证号、手机等），仅本人可读；用于报送，勿随意传阅。传阅用的副本请加 --mask。",
        "{path} holds personal data in full (identity numbers, phones) and is readable by you only; it is for sending upward, not for passing around. Add --mask for a copy.",
    ),
    "fill.masked": (
        "身份证号、手机、住址已打码（--mask）。",
        "Identity numbers, phones and addresses are masked (--mask).",
    ),
    "fill.rebuilt": (
        "模板是 .{kind} 格式，已填成 .xlsx：保留了文字、合并单元格、表头位置和表尾各行；原模板的字体、颜色、边框、列宽和打印设置无法读取，已按 A4 重新排版（宋体、表头加粗加框、表头每页重复）。",
        "The template is a .{kind} file and was filled into .xlsx: its text, merged cells, header and the rows below the table are kept; its fonts, colours, borders, column widths and print setup cannot be read and were laid out again for A4 (宋体, a bold bordered header repeated on every page).",
    ),
    "fill.other_sheets": (
        "已填写工作表「{sheet}」；其他工作表原样保留：{others}。",
        "Filled the sheet '{sheet}'; the other sheets are kept as they are: {others}.",
    ),
    "fill.empty_columns": (
        '以下列无法填写，保持空白：{columns}（可用 --column "表头=字段" 指定）。',
        'These columns cannot be filled and are left empty: {columns} (map them with --column "HEADER=field").',
    ),
    "fill.nobody": (
        "没有符合条件的记录：表格未填写任何行。",
        "Nothing matches: no rows were filled.",
    ),
    "fill.dry_run_note": (
        "预览：将填 {count} 行；未写入任何文件。",
        "Preview: {count:~row|rows} would be filled; nothing was written.",
    ),
    "fill.formulas_carried": (
        "模板表格行中的公式已按行填入：{columns}。",
        "The formulas of the template's table rows are carried down to every filled row: {columns}.",
    ),
    "fill.print_titles_added": (
        "模板未设打印标题行：已设置表头在每页重复打印。",
        "The template had no print titles: the header now repeats on every printed page.",
    ),
    "fill.columns_remembered": (
        "已记住本模板的列对应，下次同一模板无需再指定 --column。",
        "The column mappings are remembered for this template: next time it fills without --column.",
    ),
    "fill.left_empty": ("（留空）", "(left empty)"),
    "fill.dry_run_title": ("模板「{sheet}」的列", "Columns of the template's sheet '{sheet}'"),
    "fill.dry_run_caption": (
        "将填 {count} 行（{mode}，{first} 至 {last}）",
        "{count:~row|rows} to fill ({mode}, {first} to {last})",
    ),
    "fill.col.letter": ("列", "col"),
    "fill.col.header": ("表头", "header"),
    "fill.col.field": ("填写内容", "filled with"),
    "fill.col.how": ("识别依据", "how it was read"),
    "fill.how.not_in_mode": (
        "识别为「{field}」，但本表不按此填写",
        "read as {field}, which these rows do not have",
    ),
    "fill.mode.volunteer": ("每行一名志愿者", "one row per volunteer"),
    "fill.mode.record": ("每行一条服务记录", "one row per service record"),
    "fill.mode.activity": ("每行一项活动", "one row per activity"),
    "fill.mode.team": ("每行一支队伍", "one row per team"),
    # refusals
    "fill.template_kind": (
        "模板须为 .xlsx、.xls 或 .ods 表格文件。",
        "A template must be an .xlsx, .xls or .ods spreadsheet.",
    ),
    "hint.fill_template_kind": (
        "CSV 没有标题、样式和表尾：请使用上级发来的原表格文件。",
        "A CSV has no title, styles or footer: use the spreadsheet the superior sent.",
    ),
    "fill.no_header": (
        "前 {rows} 行中没有找到表头（至少两个能识别的列，如 姓名、身份证号、服务时长）。",
        "No header found in the first {rows} rows (at least two columns volctl knows, such as 姓名, 身份证号, 服务时长).",
    ),
    "hint.fill_no_header": (
        '用 --column "表头=字段" 说明各列（如 --column "志愿者名字=name"），或用 --sheet 选择工作表。',
        'Say what the columns are with --column "HEADER=field" (e.g. --column "志愿者名字=name"), or pick the sheet with --sheet.',
    ),
    "fill.nothing_to_fill": (
        "模板的表头中没有可以按「{mode}」填写的列。",
        "No column of the template's header can be filled with {mode} rows.",
    ),
    "hint.fill_column": (
        '用 --dry-run 查看各列的识别结果，用 --column "表头=字段" 指定，或用 --rows 指定每行填什么。',
        'See how each column was read with --dry-run; map columns with --column "HEADER=field", or say what each row is with --rows.',
    ),
    "fill.year_and_dates": (
        "--year 与 --from/--to 只能用其一。",
        "Give --year or --from/--to, not both.",
    ),
    "fill.status_unknown": (
        "--status 只能是 active 或 all，不是「{value}」。",
        "--status is active or all, not '{value}'.",
    ),
    "fill.mode_unknown": (
        "--rows 只能是 volunteer、record、activity 或 team，不是「{value}」。",
        "--rows is volunteer, record, activity or team, not '{value}'.",
    ),
    "fill.remember_without_column": (
        "--remember 要与 --column 一起使用。",
        "--remember needs at least one --column to remember.",
    ),
    "fill.needs_output": (
        "请用 -o 指定填好的文件（或用 --dry-run 预览）。",
        "Name the filled file with -o (or preview with --dry-run).",
    ),
    "hint.fill_usage": (
        "例如：volctl export fill 模板.xlsx -o 填报.xlsx",
        "For example: volctl export fill template.xlsx -o filled.xlsx",
    ),
    "fill.output_xlsx": (
        "填好的文件须为 .xlsx：{path}",
        "The filled file must be an .xlsx: {path}",
    ),
    "field.mode": ("每行填什么（--rows）", "what each row is (--rows)"),
    "fill.sheet_damaged": (
        "模板的工作表「{sheet}」已损坏，无法读取；照它填出的文件会打不开，因此未写入任何文件。",
        "The template's sheet '{sheet}' is damaged and cannot be read; a file filled from it would not open, so nothing was written.",
    ),
    "fill.template_damaged": (
        "模板已损坏：其中的 {part} 无法读取（工作表「{sheet}」所在的文件）；照它填出的文件会打不开，因此未写入任何文件。",
        "The template is damaged: its part {part} cannot be read (the workbook of the sheet '{sheet}'); a file filled from it would not open, so nothing was written.",
    ),
    "hint.fill_resave": (
        "用 Excel 或 WPS 打开模板，另存为新的 .xlsx 文件，再用那个文件填写；打不开时请上级重发模板。",
        "Open the template in Excel or WPS, save it as a new .xlsx, and fill that one; if it does not open, ask for the template again.",
    ),
    "fill.output_is_template": (
        "输出文件就是模板本身：{path}。请另存为新文件，模板留作下次使用。",
        "The output is the template itself: {path}. Write a new file and keep the template for next time.",
    ),
    "fill.column_field_unknown": (
        "不认识的字段「{value}」；可用的字段：{choices}。",
        "Unknown field '{value}'; the fields are: {choices}.",
    ),
    # --where
    "hint.fill_where": (
        '写法：字段 运算符 值，多个条件用 and、且 或 、 连接，如 "政治面貌=中共党员 且 年龄>=60"；运算符 = != > >= < <= 包含。',
        'Write: field operator value, conditions joined by and, 且 or 、, e.g. "political_status=中共党员 and age>=60"; operators = != > >= < <= contains.',
    ),
    "fill.where_empty": ("--where 条件是空的。", "The --where condition is empty."),
    "fill.where_no_operator": (
        "第 {position} 个字符起（「{part}」）缺少运算符（= != > >= < <= 包含）：\n  {expression}\n  {marker}",
        "at character {position} ('{part}'): an operator is missing (= != > >= < <= contains):\n  {expression}\n  {marker}",
    ),
    "fill.where_no_field": (
        "第 {position} 个字符处：运算符前缺少字段名：\n  {expression}\n  {marker}",
        "at character {position}: a field name is missing before the operator:\n  {expression}\n  {marker}",
    ),
    "fill.where_no_value": (
        "第 {position} 个字符处：「{op}」后缺少值：\n  {expression}\n  {marker}",
        "at character {position}: a value is missing after '{op}':\n  {expression}\n  {marker}",
    ),
    "fill.where_expected_join": (
        "第 {position} 个字符处（「{part}」）：条件之间要用 and、且 或 、 连接：\n  {expression}\n  {marker}",
        "at character {position} ('{part}'): join conditions with and, 且 or 、:\n  {expression}\n  {marker}",
    ),
    "fill.where_dangling_join": (
        "第 {position} 个字符处：连接词后缺少条件：\n  {expression}\n  {marker}",
        "at character {position}: a condition is missing after the join:\n  {expression}\n  {marker}",
    ),
    "fill.where_unclosed_quote": (
        "第 {position} 个字符处的引号没有结束：\n  {expression}\n  {marker}",
        "at character {position}: the quote is never closed:\n  {expression}\n  {marker}",
    ),
    "fill.where_two_operators": (
        "第 {position} 个字符处：一个条件只能有一个运算符（值中含运算符时请加引号）：\n  {expression}\n  {marker}",
        "at character {position}: one operator per condition (quote a value that holds one):\n  {expression}\n  {marker}",
    ),
    "fill.where_unknown_field": (
        "第 {position} 个字符处：不认识的字段「{name}」：\n  {expression}\n  {marker}",
        "at character {position}: unknown field '{name}':\n  {expression}\n  {marker}",
    ),
    "fill.where_field_not_in_mode": (
        "第 {position} 个字符处：按「{mode}」填写时没有字段「{name}」：\n  {expression}\n  {marker}",
        "at character {position}: rows of kind '{mode}' have no field '{name}':\n  {expression}\n  {marker}",
    ),
    "fill.where_contains_number": (
        "第 {position} 个字符处：「{field}」是数字，请用 = > < 等比较，不能用「包含」：\n  {expression}\n  {marker}",
        "at character {position}: {field} is a number: compare it with = > <, not contains:\n  {expression}\n  {marker}",
    ),
    "fill.where_not_a_number": (
        "第 {position} 个字符处：「{field}」要与数字比较，「{value}」不是数字：\n  {expression}\n  {marker}",
        "at character {position}: {field} is compared with a number, and '{value}' is not one:\n  {expression}\n  {marker}",
    ),
    "fill.where_not_a_date": (
        "第 {position} 个字符处：「{field}」要与日期比较，「{value}」不是日期（如 2025-03-01、2025年3月）：\n  {expression}\n  {marker}",
        "at character {position}: {field} is compared with a date, and '{value}' is not one (e.g. 2025-03-01, 2025年3月):\n  {expression}\n  {marker}",
    ),
    "fill.where_order_on_text": (
        "第 {position} 个字符处：「{field}」是文字，只能用 =、!= 或 包含：\n  {expression}\n  {marker}",
        "at character {position}: {field} is text: use =, != or contains:\n  {expression}\n  {marker}",
    ),
    # the fields, as the dry run and the README name them
    "fill.field.seq": ("序号", "number (1, 2, 3…)"),
    "fill.field.volunteer_no": ("志愿者编号", "volunteer no."),
    "fill.field.name": ("姓名", "name"),
    "fill.field.gender": ("性别", "gender"),
    "fill.field.birth_date": ("出生日期", "birth date"),
    "fill.field.age": ("年龄", "age"),
    "fill.field.ethnicity": ("民族", "ethnicity"),
    "fill.field.id_type": ("证件类型", "document type"),
    "fill.field.id_number": ("身份证号码", "identity number"),
    "fill.field.phone": ("手机", "phone"),
    "fill.field.office_phone": ("办公电话", "office phone"),
    "fill.field.political_status": ("政治面貌", "political status"),
    "fill.field.education": ("文化程度", "education"),
    "fill.field.employer": ("工作单位", "employer"),
    "fill.field.position": ("职务", "position"),
    "fill.field.employer_position": ("单位及职务", "employer and position"),
    "fill.field.address": ("住址", "address"),
    "fill.field.area": ("所在社区", "community"),
    "fill.field.skills": ("专业特长", "skills"),
    "fill.field.intentions": ("服务意向", "service intentions"),
    "fill.field.availability": ("可服务时间", "availability"),
    "fill.field.emergency_contact": ("紧急联系人", "emergency contact"),
    "fill.field.emergency_phone": ("紧急联系电话", "emergency phone"),
    "fill.field.guardian_name": ("监护人姓名", "guardian's name"),
    "fill.field.guardian_phone": ("监护人电话", "guardian's phone"),
    "fill.field.guardian_relation": ("与监护人关系", "guardian's relation"),
    "fill.field._guardian": ("监护人及电话", "guardian and phone"),
    "fill.field._ignore": ("（不填）", "(not filled)"),
    "fill.field._submitted": ("提交时间", "submission time"),
    "fill.field._metadata": ("问卷信息", "form metadata"),
    "fill.field.guardian_consent_on": ("监护人同意日期", "guardian's consent date"),
    "fill.field.registered_on": ("注册日期", "registration date"),
    "fill.field.notes": ("备注", "notes"),
    "fill.field.status": ("状态", "status"),
    "fill.field.team": ("所属队伍", "team"),
    "fill.field.role": ("队内职务", "role in the team"),
    "fill.field.hours": ("服务时长（小时）", "hours"),
    "fill.field.services": ("服务次数（人次）", "services"),
    "fill.field.total_hours": ("累计服务时长", "total hours"),
    "fill.field.star": ("星级", "star level"),
    "fill.field.training": ("培训", "training"),
    "fill.field.training_hours": ("培训时长", "training hours"),
    "fill.field.insurance": ("保险", "insurance"),
    "fill.field.commendation": ("表彰", "commendations"),
    "fill.field.service_date": ("服务日期", "date"),
    "fill.field.activity": ("活动名称", "activity"),
    "fill.field.activity_no": ("活动编号", "activity no."),
    "fill.field.start_time": ("开始时间", "start"),
    "fill.field.end_time": ("结束时间", "end"),
    "fill.field.attendance": ("出勤", "attendance"),
    "fill.field.place": ("服务地点", "place"),
    "fill.field.content": ("服务内容", "content"),
    "fill.field.category": ("服务类别", "category"),
    "fill.field.theme": ("宗旨", "theme"),
    "fill.field.beneficiaries": ("服务对象", "beneficiaries"),
    "fill.field.team_leader": ("负责人", "person in charge"),
    "fill.field.recorder": ("记录人", "recorder"),
    "fill.field.evaluation": ("服务评价", "evaluation"),
    "fill.field.members": ("人数", "people"),
    "fill.field.activities": ("活动次数", "activities"),
    "fill.field.level": ("队伍层级", "team level"),
    "fill.field.parent": ("上级队伍", "parent team"),
    "fill.field.leader_phone": ("负责人电话", "phone of the person in charge"),
    "fill.field.team_contact": ("联系人", "contact"),
    "fill.field.contact_phone": ("联系人电话", "contact's phone"),
    "fill.field.founded_on": ("成立日期", "founded on"),
    "fill.field.base": ("服务基地", "service base"),
}

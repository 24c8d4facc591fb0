"""Sheets as they arrive: headers read by meaning, --column, footers, forms, other layouts."""

MESSAGES = {
    # Options.
    "opt.import.column": (
        '指定某列的含义："列名=字段"（可多次使用；字段名同 register add 的选项，如 name、id-number、phone、office-phone；写 ignore 表示不读取该列）；列名也可写列号，如 E=phone。',
        'Say what a column holds: "HEADER=field" (repeatable; fields named as register add '
        "names its options: name, id-number, phone, office-phone…; ignore leaves the column "
        "unread); HEADER may be a column letter, e.g. E=phone.",
    ),
    "opt.import.remember": (
        "把本次 --column 的对应关系记在本台账中，以后导入时自动使用。",
        "Remember this run's --column mappings in this roster for every later import.",
    ),
    "field.column": ("--column", "--column"),
    "field.remember": ("--remember", "--remember"),
    # Refusals.
    "intake.ambiguous_columns": (
        "{columns} 都像是「{field}」，无法判断是哪一列。",
        "The columns {columns} could each be the {field}; volctl will not guess which.",
    ),
    "hint.ambiguous_columns": (
        '用 --column 指定，例如 --column "{header}={name}"（其余列不读取或写入备注）。',
        'Say which with --column, e.g. --column "{header}={name}" (the others are then kept '
        "in the notes).",
    ),
    "intake.column_spec": (
        '--column 的写法应为 "列名=字段"，而不是「{value}」。',
        "--column takes \"HEADER=field\", not '{value}'.",
    ),
    "intake.column_field_unknown": (
        "不认识的字段「{value}」；可用：{choices}。",
        "Unknown field '{value}'; use one of {choices}.",
    ),
    "intake.remember_without_column": (
        "--remember 要与 --column 一起使用。",
        "--remember needs at least one --column to remember.",
    ),
    "intake.looks_empty": (
        "文件中没有任何内容：是一张空表。",
        "The file holds nothing: an empty sheet.",
    ),
    "intake.looks_like_form": (
        "这是一张单人表格（标签和内容左右排列），不是名单；且其中没有「姓名」和「证件号码」（身份证号码）两项，无法读取。",
        "This is a form for one person (labels beside their values), not a list; it has no "
        "姓名 and 证件号码 (identity number) labels to read it by.",
    ),
    "intake.looks_like_signin": (
        "这是一张签到表（有签到、签退或服务时长），不是报名表。",
        "This is a sign-in sheet (sign-in, sign-out or hours), not a sign-up sheet.",
    ),
    "hint.looks_like_signin": (
        "签到表请用 volctl log-hours import 导入。",
        "Import sign-in sheets with volctl log-hours import.",
    ),
    "intake.looks_like_text": (
        "这是一段文字（通知或说明，每行一格），不是表格。",
        "This is text (a notice or instructions, one cell a line), not a table.",
    ),
    "intake.duplicate_in_run_form": (
        "与 {file} 中的登记表「{sheet}」是同一人，只计一次。",
        "The same person as the form '{sheet}' in {file}; counted once.",
    ),
    # Notices.
    "intake.footers_skipped": (
        "{file}：表尾 {count} 行（签字、盖章、合计、备注、声明等）已跳过，不计为数据。",
        "{file}: {count:~footer line|footer lines} (signatures, stamps, totals, notes, "
        "declarations) skipped, not counted as data.",
    ),
    "intake.headings_skipped": (
        "{file}：第 {rows} 行（共 {count} 行）是分组标题（如「一、教育系统」「党员志愿者」），不是人员，已跳过。",
        "{file}: {count:~row|rows} {rows} {count:?is a group heading|are group headings} "
        "(such as 一、教育系统 or 党员志愿者), not people; skipped.",
    ),
    "intake.below_footer": (
        "{file}：表尾下方第 {rows} 行像是一个人的信息，未读取；如需导入，请移到表尾之上。",
        "{file}: row(s) {rows} below the footer look like a person's and were not read; move "
        "them above the footer to import them.",
    ),
    "intake.registered_on_submitted": (
        "{file}：表中没有填报日期，各行按问卷的提交时间登记。",
        "{file}: the sheet has no 填报日期; each row is registered on the day its "
        "questionnaire was submitted.",
    ),
    "intake.forms_read": (
        "{file}：按单人登记表读取（{count} 张）。",
        "{file}: read as {count:~registration form|registration forms} (one person each).",
    ),
    "intake.columns_remembered": (
        "已在本台账记住 {count} 个列的对应关系，以后导入自动使用。",
        "{count:~column mapping|column mappings} remembered in this roster for later imports.",
    ),
    "intake.columns_not_remembered": (
        "预览不会记住 --column 的对应关系；去掉 --dry-run 后才会记住。",
        "A preview remembers nothing: the --column mappings are remembered when you import "
        "without --dry-run.",
    ),
    # The column table of a preview.
    "intake.columns_title": ("{file}：各列的读取方式", "{file}: how each column was read"),
    "intake.col.letter": ("列", "col"),
    "intake.col.header": ("表头", "header"),
    "intake.col.field": ("读作", "read as"),
    "intake.col.how": ("依据", "because"),
    "intake.field.ignored": ("（不读取）", "(not read)"),
    "intake.field.notes": ("（写入备注）", "(kept in notes)"),
    "intake.field.submitted": ("（提交时间）", "(submission time)"),
    "intake.field.guardian": ("监护人及电话", "guardian and phone"),
    "intake.how.alias": ("列名对照表", "alias table"),
    "intake.how.term": ("关键词「{clue}」", "key term '{clue}'"),
    "intake.how.part": ("两项取第一项「{clue}」", "first of two: '{clue}'"),
    "intake.how.column": ("--column 指定", "--column"),
    "intake.how.remembered": ("本台账记住的对应", "remembered for this roster"),
    "intake.how.metadata": ("问卷平台附加列", "added by the form tool"),
    "intake.how.unknown": ("不认识的列名", "unknown header"),
    "intake.how.displaced": ("已由 --column 指定另一列", "another column was chosen"),
    "intake.how.ambiguous": ("与另一列都像此项", "another column could be it too"),
    "intake.how.form": ("单人登记表中的标签", "a label on the form"),
    # Reasons.
    "reason.id_number_born_before_1900": (
        "身份证号码中的出生日期 {value} 早于 1900 年：号码可能真实（如国家标准中的示例），但不可能是志愿者本人的。",
        "The birth date {value} inside the identity number is before 1900: the number may be "
        "real (the standard's own example is), but cannot be a volunteer's.",
    ),
    "reason.id_number_15_birth_date": (
        "这是 15 位的第一代身份证号码，其中的出生日期 19{value} 不存在，号码抄错了。",
        "This old 15-digit identity number holds an impossible birth date (19{value}): it was "
        "mistyped.",
    ),
    "reason.id_number_masked": (
        "身份证号码被打码（含 *），无法登记。",
        "The identity number is masked (it holds *) and cannot be registered.",
    ),
    "hint.id_number_masked": (
        "请填写完整号码；从 volctl 导出的文件可加 --show-pii 得到完整号码。",
        "Give the full number; files exported from volctl hold it with --show-pii.",
    ),
}

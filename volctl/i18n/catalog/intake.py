"""volctl register import / imports / undo-import / template: reading sign-up sheets."""

MESSAGES = {
    # Help texts.
    "help.register.import": (
        "导入报名表。\n\n支持 .xlsx、.xls、.ods 和 .csv：每行结果为导入、重复、更新或未通过（附原因）；未通过的行写入「未通过」工作簿，便于修改后重新导入。整个导入在一个事务中完成。",
        "Import sign-up sheets.\n\n.xlsx, .xls, .ods or .csv: each row is imported, a "
        "duplicate, updated, or rejected with a reason; rejected rows go to a rejects workbook "
        "to fix and import again. The whole import is one transaction.",
    ),
    "help.register.imports": (
        "列出导入批次及其统计。",
        "List the import batches with their counts.",
    ),
    "help.register.undo_import": (
        "撤销一个导入批次。\n\n删除该批次新增的志愿者、恢复被它更新的信息，其他一概不动；若这些志愿者已被使用（队伍、活动、服务记录等）或此后又被修改（被之后的批次——请先撤销那些批次——或手工修改），则拒绝，不作任何改动。",
        "Undo an import batch.\n\nRemove the volunteers it added and restore what it updated, "
        "nothing else; refused, changing nothing, if any of them has been used since (teams, "
        "activities, records…) or changed since (by a later batch, to be undone first, or by "
        "hand).",
    ),
    "help.register.template": (
        "生成空白报名表（.xlsx）。\n\n身份证号和电话列为文本格式，性别、政治面貌、文化程度、服务意向带下拉选项，A4 横向打印。",
        "Write a blank sign-up sheet (.xlsx).\n\nIdentity-number and phone columns formatted "
        "as text, drop-down lists for gender, political status, education and service "
        "intention, A4 landscape.",
    ),
    "arg.import.files": (
        "要导入的报名表文件（可多个）。",
        "The sign-up sheets to import (one or more).",
    ),
    "arg.import.batch": (
        "批次号（见 volctl register imports），或文件名（若只有一个有效批次）。",
        "The batch number (see volctl register imports), or its file name if only one batch "
        "of it is active.",
    ),
    "opt.import.sheet": (
        "要导入的工作表（名称或序号）；默认取第一个有表头的可见工作表。",
        "The sheet to import (name or number); default: the first visible sheet with a header.",
    ),
    "opt.import.dry_run": (
        "只检查、只报告，不写入台账（除非给出 --rejects，否则也不写未通过工作簿）。",
        "Check and report only: nothing is written to the roster (nor a rejects workbook "
        "unless --rejects is given).",
    ),
    "opt.import.on_duplicate": (
        "遇到已登记的人：skip 计为重复（默认）；update 用表中非空的内容更正已登记的信息（旧值记入审计日志）。",
        "For people already registered: skip counts them as duplicates (default); update "
        "corrects the registered record from the row's non-empty cells (old values in the "
        "audit log).",
    ),
    "opt.import.rejects": (
        "未通过的行写入此 .xlsx（默认写在原文件旁：<文件名>.rejects.xlsx）。",
        "Write the rejected rows to this .xlsx (default: beside the input, <name>.rejects.xlsx).",
    ),
    "opt.import.registered_on": (
        "表中没有登记日期时使用的登记日期（默认：表头的「填报日期」，否则今天）。",
        "Registration date for rows without their own (default: the sheet's 填报日期, else today).",
    ),
    "opt.import.max_rows": (
        "每个工作表最多读取的数据行数（防止超大文件拖垮电脑）。",
        "At most this many data rows per sheet (protects the computer from huge files).",
    ),
    "opt.import.max_size": (
        "文件大小上限（MB）；压缩格式解压后不得超过其 10 倍。",
        "File size cap in MB; a compressed workbook may unpack to at most ten times that.",
    ),
    "opt.import.show_pii": (
        "输出和未通过工作簿中显示完整的身份证号、电话等（未通过工作簿可直接修改后重新导入）。",
        "Show identity numbers and phones in full, in the output and in the rejects workbook "
        "(which can then be corrected and imported again).",
    ),
    "opt.undo.reason": (
        "撤销原因（记入批次和审计日志）。",
        "Why (kept on the batch and in the audit log).",
    ),
    "opt.undo.dry_run": (
        "只显示将删除和恢复的内容，不作改动。",
        "Show what would be removed and restored; change nothing.",
    ),
    "opt.undo.yes": ("不再询问确认。", "Do not ask for confirmation."),
    "opt.imports.active": ("只列出未撤销的批次。", "List only batches that were not undone."),
    "opt.template.output": ("要写入的 .xlsx 文件。", "The .xlsx file to write."),
    "opt.template.rows": ("预留的空行数。", "How many blank rows to lay out."),
    "opt.template.org": (
        "填报单位（默认：台账的 org_name 设置）。",
        "The 填报单位 printed on the sheet (default: the roster's org_name setting).",
    ),
    "opt.template.title": ("表格标题。", "The title printed at the top."),
    # Field labels used in error locations.
    "field.import_sheet": ("工作表", "sheet"),
    "field.on_duplicate": ("--on-duplicate", "--on-duplicate"),
    "field.rejects_file": ("未通过工作簿", "rejects workbook"),
    "field.max_rows": ("--max-rows", "--max-rows"),
    "field.max_size": ("--max-size", "--max-size"),
    # Files.
    "intake.file_missing": ("找不到这个文件。", "There is no such file."),
    "intake.file_is_folder": ("这是一个文件夹，不是文件。", "This is a folder, not a file."),
    "intake.file_empty": ("文件是空的。", "The file is empty."),
    "intake.file_too_big": (
        "文件有 {size} MB，超过了 {limit} MB 的上限。",
        "The file is {size} MB, over the cap of {limit} MB.",
    ),
    "hint.max_size": (
        "如果文件确实无误，可用 --max-size 提高上限，例如 --max-size 100。",
        "If the file is right, raise the cap with --max-size, e.g. --max-size 100.",
    ),
    "intake.unpacked_too_big": (
        "文件解压后有 {size} MB，超过了 {limit} MB 的上限（可能是压缩炸弹）。",
        "The file unpacks to {size} MB, over the cap of {limit} MB (it may be a zip bomb).",
    ),
    "intake.too_many_rows": (
        "工作表有 {rows} 行，超过了 {limit} 行的上限。",
        "The sheet has {rows} rows, more than the cap of {limit}.",
    ),
    "hint.max_rows": (
        "如果确实要一次导入这么多行，可用 --max-rows 提高上限，例如 --max-rows 200000。",
        "To import that many rows at once, raise the cap with --max-rows, e.g. --max-rows 200000.",
    ),
    "intake.too_wide": (
        "工作表的内容延伸到 {rows} 行 × {columns} 列，远超报名表的范围（可能有远处的单元格被误填）。",
        "The sheet's cells reach {rows} rows × {columns} columns, far beyond a sign-up sheet "
        "(a stray value far away?).",
    ),
    "hint.too_wide": (
        "在 Excel 中按 Ctrl+End 找到最后一个单元格，删除多余的行列后另存，再导入；行数确实很多时可用 --max-rows 提高上限。",
        "In Excel press Ctrl+End to find the last cell, delete the stray rows and columns, "
        "save and import again; for a genuinely long sheet raise --max-rows.",
    ),
    "intake.not_a_spreadsheet": (
        "这不是电子表格文件。",
        "This is not a spreadsheet.",
    ),
    "intake.not_a_spreadsheet_kind": (
        "这是一个 {kind} 文件，不是电子表格。",
        "This is a {kind} file, not a spreadsheet.",
    ),
    "hint.formats": (
        "可导入的格式：.xlsx、.xls、.ods，或 UTF-8/GBK 编码的 .csv。",
        "Importable formats: .xlsx, .xls, .ods, or .csv in UTF-8 or GBK.",
    ),
    "intake.html_not_spreadsheet": (
        "这个文件其实是网页（HTML），只是起了表格的名字。",
        "This file is a web page (HTML) named like a spreadsheet.",
    ),
    "hint.save_as_xlsx": (
        "用 Excel 或 WPS 打开它，另存为「Excel 工作簿 (.xlsx)」，再导入新文件。",
        "Open it in Excel or WPS, save it as an Excel workbook (.xlsx), and import that.",
    ),
    "intake.damaged": (
        "无法读取这个文件：它可能已损坏，或不是它看起来的格式。",
        "Cannot read this file: it may be damaged, or not the format it appears to be.",
    ),
    "intake.xlsb": (
        "这是 Excel 二进制工作簿（.xlsb），无法安全地检查其大小。",
        "This is a binary Excel workbook (.xlsb), whose size cannot be checked safely.",
    ),
    "intake.password": (
        "这个文件设有密码，无法读取。",
        "This file is password-protected and cannot be read.",
    ),
    "intake.encoding": (
        "无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）。",
        "Cannot read the file's text: neither UTF-8 nor GBK/GB18030.",
    ),
    "intake.csv_broken": ("CSV 格式有误：{reason}", "The CSV is malformed: {reason}"),
    "intake.no_such_sheet": (
        "没有名为「{sheet}」的工作表；现有：{sheets}（可写名称，或从 1 起的序号）。",
        "There is no sheet '{sheet}'; the sheets are: {sheets} (give a name, or a number "
        "counted from 1).",
    ),
    "intake.no_header": (
        "在前 {rows} 行中找不到表头（至少要有「姓名」和「身份证号码」两列）。",
        "No header row in the first {rows} rows (it needs at least 姓名 and 身份证号码).",
    ),
    "intake.no_header_any_sheet": (
        "各工作表（{sheets}）中都找不到表头（至少要有「姓名」和「身份证号码」两列）。",
        "None of the sheets ({sheets}) has a header row (it needs at least 姓名 and 身份证号码).",
    ),
    "intake.no_id_column": (
        "表头中没有身份证号码列（表头为：{columns}）。",
        "The header has no identity-number column (the header is: {columns}).",
    ),
    "hint.no_header": (
        "表头一行应有「姓名」「身份证号码」「联系电话」等列名；可用 volctl register template -o 报名表.xlsx 生成标准报名表。",
        "The header row should name 姓名, 身份证号码, 联系电话…; volctl register template -o "
        "signup.xlsx writes a standard sheet.",
    ),
    "intake.on_duplicate_unknown": (
        "--on-duplicate 的值「{value}」无效，可用：{choices}。",
        "Unknown --on-duplicate '{value}'; use one of {choices}.",
    ),
    "intake.rejects_not_xlsx": (
        "未通过工作簿须为 .xlsx 文件：{path}",
        "The rejects workbook must be an .xlsx file: {path}",
    ),
    "intake.rejects_is_input": (
        "未通过工作簿不能覆盖要导入的文件：{path}",
        "The rejects workbook cannot overwrite a file being imported: {path}",
    ),
    "intake.rejects_cannot_write": (
        "无法写入未通过工作簿：{reason}（台账未作改动）",
        "Cannot write the rejects workbook: {reason} (the roster was not changed)",
    ),
    "hint.rejects_elsewhere": (
        "用 --rejects 指定一个可写的位置，例如 --rejects ~/未通过.xlsx。",
        "Choose a writable place with --rejects, e.g. --rejects ~/rejects.xlsx.",
    ),
    # Row outcomes.
    "intake.duplicate_in_run": (
        "与 {file} 第 {row} 行是同一人，只计一次。",
        "The same person as {file} row {row}; counted once.",
    ),
    "intake.duplicate_registered": (
        "此人已登记（{volunteer_no} {name}），未重复登记。",
        "Already registered ({volunteer_no} {name}); not registered again.",
    ),
    "hint.on_duplicate_update": (
        "如需用表中的信息更正已登记的内容，请加 --on-duplicate update 重新导入。",
        "To correct the registered details from the sheet, import again with "
        "--on-duplicate update.",
    ),
    "intake.duplicate_unchanged": (
        "此人已登记（{volunteer_no}），表中信息与已登记的一致。",
        "Already registered ({volunteer_no}); the sheet says nothing new.",
    ),
    "intake.updated_row": (
        "已更正 {volunteer_no}：{fields}",
        "Corrected {volunteer_no}: {fields}",
    ),
    "intake.outcome.imported": ("导入", "imported"),
    "intake.outcome.duplicate": ("重复", "duplicate"),
    "intake.outcome.updated": ("更新", "updated"),
    "intake.outcome.rejected": ("未通过", "rejected"),
    # Summary.
    "intake.title": ("导入结果", "Import summary"),
    "intake.title_dry_run": ("导入预览（未写入台账）", "Import preview (nothing written)"),
    "intake.col.file": ("文件", "file"),
    "intake.col.sheet": ("工作表", "sheet"),
    "intake.col.rows": ("数据行", "rows"),
    "intake.col.imported": ("导入", "imported"),
    "intake.col.duplicates": ("重复", "duplicates"),
    "intake.col.updated": ("更新", "updated"),
    "intake.col.rejected": ("未通过", "rejected"),
    "intake.col.batch": ("批次", "batch"),
    "intake.col.reason": ("原因代码", "reason"),
    "intake.col.meaning": ("说明", "meaning"),
    "intake.col.count": ("行数", "rows"),
    "intake.col.row": ("行", "row"),
    "intake.col.name": ("姓名", "name"),
    "intake.col.outcome": ("结果", "outcome"),
    "intake.col.message": ("说明", "message"),
    "intake.total": ("合计", "total"),
    "intake.reasons_title": ("未通过的原因", "Why rows were rejected"),
    "intake.details_title": ("需要留意的行", "Rows to look at"),
    "intake.more_details": (
        "……另有 {count} 行，见 --format json 或未通过工作簿。",
        "…and {count} more rows: see --format json or the rejects workbook.",
    ),
    "intake.rejects_written": (
        "未通过的 {count} 行已写入 {path}（个人信息已打码；加 --show-pii 可得到可直接修改后重新导入的文件）。",
        "The {count} rejected rows are in {path} (personal data masked; with --show-pii the "
        "file can be corrected and imported again).",
    ),
    "intake.rejects_written_pii": (
        "未通过的 {count} 行已写入 {path}（含完整个人信息，仅本人可读）：修改后可直接重新导入。",
        "The {count} rejected rows are in {path} (personal data in full, readable by you "
        "only): correct them and import the file again.",
    ),
    "intake.unknown_columns": (
        "{file}：不认识的列 {columns} 的内容已写入志愿者的备注。",
        "{file}: the columns {columns} are not roster fields; their values were kept in the "
        "volunteers' notes.",
    ),
    "intake.already_imported": (
        "{file} 已于 {when} 导入过（批次 {batches}）；已登记的人计为重复，不会重复登记。",
        "{file} was already imported on {when} (batch {batches}); people already registered "
        "count as duplicates and are not added twice.",
    ),
    "intake.other_sheets": (
        "{file}：只读取了工作表「{sheet}」；其他工作表（{others}）未读取，可用 --sheet 指定。",
        "{file}: only the sheet '{sheet}' was read; the others ({others}) were not: choose "
        "one with --sheet.",
    ),
    "intake.registered_on_sheet": (
        "{file}：没有登记日期的行按表头的填报日期 {date} 登记。",
        "{file}: rows without a registration date are registered on the sheet's date ({date}).",
    ),
    "intake.dry_run_note": (
        "这是预览：台账没有任何改动。去掉 --dry-run 即可导入。",
        "This was a preview: the roster was not changed. Run again without --dry-run to import.",
    ),
    "intake.batch_recorded": (
        "已记为导入批次 {batches}；如需撤销：volctl register undo-import {first}",
        "Recorded as import batch {batches}; to undo: volctl register undo-import {first}",
    ),
    "intake.progress": ("读取 {file}", "Reading {file}"),
    # Batches and undo.
    "intake.col.imported_at": ("导入时间", "imported at"),
    "intake.col.operator": ("操作人", "operator"),
    "intake.col.remaining": ("现存", "remaining"),
    "intake.col.status": ("状态", "status"),
    "intake.status.active": ("有效", "active"),
    "intake.status.undone": ("已撤销", "undone"),
    "intake.batch_not_found": ("找不到导入批次「{ref}」。", "No import batch '{ref}'."),
    "hint.batch_not_found": (
        "用 volctl register imports 查看批次号。",
        "See the batch numbers with volctl register imports.",
    ),
    "intake.batch_ambiguous": (
        "「{ref}」对应多个有效批次：{batches}。",
        "'{ref}' matches several active batches: {batches}.",
    ),
    "hint.batch_ambiguous": ("请改用批次号。", "Use the batch number instead."),
    "intake.batch_already_undone": (
        "批次 {batch}（{file}）已于 {undone_at} 撤销。",
        "Batch {batch} ({file}) was already undone on {undone_at}.",
    ),
    "intake.undo_in_use": (
        "不能撤销批次 {batch}：其中 {count} 名志愿者已在别处使用：{examples}",
        "Cannot undo batch {batch}: {count} of its volunteers have been used since: {examples}",
    ),
    "hint.undo_in_use": (
        "撤销会删除这些志愿者及其记录的依据；如确需移除，请先处理上述记录，或改用 volctl register deactivate 停用个别志愿者。",
        "Undoing would remove people those records rest on; deal with those records first, "
        "or deactivate individual volunteers with volctl register deactivate.",
    ),
    "intake.undo_changed_since": (
        "不能撤销批次 {batch}：它更新过的 {count} 名志愿者的信息此后又被修改过：{examples}",
        "Cannot undo batch {batch}: {count:~volunteer|volunteers} it updated {count:?has|have} been changed again "
        "since: {examples}",
    ),
    "hint.undo_changed_since": (
        "撤销会覆盖后来的修改；请用 volctl register update 手工更正这些志愿者。",
        "Undoing would overwrite the later changes; correct those volunteers by hand with "
        "volctl register update.",
    ),
    "intake.undo_later_batch": (
        "不能撤销批次 {batch}：之后的导入批次 {later} 又更新了其中 {count} 名志愿者，撤销会丢掉这些更新：{examples}",
        "Cannot undo batch {batch}: later import batches ({later}) updated {count} of the "
        "same volunteers, and undoing would discard those updates: {examples}",
    ),
    "hint.undo_later_batch": (
        "请先从最新的批次起撤销批次 {later}（volctl register undo-import {latest}），再撤销批次 {batch}；需要时再重新导入后来的文件。",
        "Undo the later batches ({later}) first, newest first (volctl register undo-import {latest}), then "
        "batch {batch}; import the later files again if they are still wanted.",
    ),
    "intake.undo_edited_since": (
        "不能撤销批次 {batch}：它新增的 {count} 名志愿者此后已被修改过，撤销会连同这些修改一起删除：{examples}",
        "Cannot undo batch {batch}: {count:~volunteer|volunteers} it added {count:?has|have} been corrected since, and "
        "undoing would delete them with those corrections: {examples}",
    ),
    "hint.undo_edited_since": (
        "修改说明这些志愿者已在使用，批次不能整体撤销；请保留批次，或用 volctl register deactivate 停用个别志愿者。",
        "Those corrections show the people are in use, so the batch cannot be undone as a "
        "whole: keep it, or deactivate individual volunteers with volctl register deactivate.",
    ),
    "intake.undo_confirm": (
        "将删除批次 {batch}（{file}）新增的 {removed} 名志愿者，并恢复被它更新的 {restored} 名志愿者的信息。继续吗？",
        "This removes the {removed:~volunteer|volunteers} batch {batch} ({file}) added and restores the "
        "{restored} it updated. Continue?",
    ),
    "intake.undo_cancelled": ("已取消，台账未作改动。", "Cancelled; the roster was not changed."),
    "intake.undo_done": (
        "已撤销批次 {batch}（{file}）：删除 {removed} 名志愿者，恢复 {restored} 名志愿者的信息。",
        "Undid batch {batch} ({file}): removed {removed:~volunteer|volunteers}, restored {restored}.",
    ),
    "intake.undo_preview": (
        "预览：撤销批次 {batch}（{file}）将删除 {removed} 名志愿者，恢复 {restored} 名志愿者的信息（未作改动）。",
        "Preview: undoing batch {batch} ({file}) would remove {removed:~volunteer|volunteers} and restore "
        "{restored} (nothing changed).",
    ),
    "intake.col.fields": ("恢复的信息", "restored fields"),
    "intake.more_volunteers": (
        "下表只列出前 30 名；另有 {count} 名，完整名单见 --format json 和审计日志。",
        "The table lists the first 30; {count} more are in --format json and the audit log.",
    ),
    "intake.col.action": ("处理", "action"),
    "intake.action.remove": ("删除", "remove"),
    "intake.action.restore": ("恢复", "restore"),
    # Where a volunteer has been used (undo refusals); other tables show their own name.
    "intake.used_in.memberships": ("队伍成员", "team memberships"),
    "intake.used_in.teams": ("队伍负责人/联系人", "team leader or contact"),
    "intake.used_in.activities": ("活动负责人", "activity leader"),
    "intake.used_in.signups": ("活动报名", "activity sign-ups"),
    "intake.used_in.service_records": ("服务记录", "service records"),
    "intake.used_in.pairings": ("结对帮扶", "pairings"),
    "intake.used_in.training_attendance": ("培训记录", "training attendance"),
    "intake.used_in.insurance_policies": ("保险记录", "insurance policies"),
    "intake.used_in.commendations": ("表彰记录", "commendations"),
    "intake.used_in.volunteer_status_changes": ("停用/恢复记录", "status changes"),
    # Template.
    "intake.template_written": (
        "空白报名表已写入 {path}（{rows} 行）。",
        "Blank sign-up sheet written to {path} ({rows:~row|rows}).",
    ),
    "intake.template_not_xlsx": (
        "报名表须保存为 .xlsx 文件：{path}",
        "The sign-up sheet must be an .xlsx file: {path}",
    ),
    "intake.template_rows": (
        "行数应在 1 到 5000 之间。",
        "The number of rows must be between 1 and 5000.",
    ),
    "intake.bad_cap": ("上限必须是正数。", "A cap must be a positive number."),
    "intake.rejects_exists": (
        "未通过工作簿 {path} 已存在（也许正在修改），未作任何导入。",
        "The rejects workbook {path} already exists (perhaps being corrected); nothing was "
        "imported.",
    ),
    "hint.rejects_exists": (
        "先导入改好的未通过工作簿，再把它移走或删除；或用 --rejects 换一个文件名；确定要覆盖时加 --force。",
        "Import the corrected rejects workbook first, then move or delete it; or name another "
        "with --rejects; add --force to replace it.",
    ),
    "intake.too_many_data_rows": (
        "工作表「{sheet}」的数据行超过了 {limit} 行的上限；未作任何导入。",
        "The sheet {sheet} has more than {limit} data rows, the cap; nothing was imported.",
    ),
}

"""volctl log-hours: service records, their rules and corrections, the sign-in sheet import."""

MESSAGES = {
    # ------------------------------------------------------------------ help
    "help.hours": (
        "服务时长台账：记录、导入签到表、查询、更正、作废（只增不改，更正留痕）。服务时长只计实际服务时间，不含往返路途时间。",
        "Service hours ledger: record, import sign-in sheets, list, amend, void (append-only; "
        "corrections stay on record). Count actual service only, not travel to and from it.",
    ),
    "help.hours.add": (
        "为一名志愿者记录一次活动的服务时长：--hours 小时数，或 --start/--end 起止时间（不填则用活动登记的时间）。只计实际服务时间，不含往返路途。",
        "Record one volunteer's service on one activity: --hours H, or --start/--end (the "
        "activity's own times if neither is given). Count actual service only, not travel.",
    ),
    "help.hours.activity": (
        "为活动报名名单上的所有人一次记录服务时长：全部记录或全部不记录，不能记录的人逐一列出。",
        "Record everyone on an activity's roster at once: all or nothing, with every refusal "
        "listed.",
    ),
    "help.hours.import": (
        "导入填好的签到表（签到/签退时间）作为服务时长：按志愿者编号或姓名加手机号匹配，无法匹配的行逐行报告，不会猜测。",
        "Import a filled sign-in sheet (签到/签退 times) as service hours: rows are matched by "
        "volunteer number, or name and phone; rows that cannot be matched are reported by row, "
        "never guessed.",
    ),
    "help.hours.list": (
        "列出服务记录（按最新更正计算，已作废的不计）；--history 显示每条记录的完整更正过程。",
        "List service records as they count now (latest correction; voided ones left out); "
        "--history shows each record's whole chain of corrections.",
    ),
    "help.hours.amend": (
        "更正一条服务记录：追加一条更正记录并说明原因，原记录保留。未给出的内容沿用现有内容。",
        "Correct a service record: append a correcting entry with a reason; the original stays "
        "on record. What is not given is kept as it is.",
    ),
    "help.hours.void": (
        "作废一条服务记录：追加一条作废记录并说明原因，原记录保留但不再计入时长。",
        "Void a service record: append a reversal with a reason; the record stays on file but "
        "no longer counts.",
    ),
    "arg.hours_record": (
        "服务记录号（log-hours list 的第一列，如 12 或 #12）。",
        "The record number (first column of log-hours list, e.g. 12 or #12).",
    ),
    "arg.hours_activity": (
        "活动：活动编号（如 A20250315-01）或唯一的活动名称。",
        "The activity: its number (e.g. A20250315-01) or unique title.",
    ),
    "arg.hours_file": (
        "填好的签到表（.xlsx、.xls、.ods 或 .csv）。",
        "The filled sign-in sheet (.xlsx, .xls, .ods or .csv).",
    ),
    "opt.hours_activity": (
        "活动：活动编号或唯一的活动名称（必填）。",
        "The activity: its number or unique title (required).",
    ),
    "opt.hours_import_activity": (
        "活动编号或名称（表中有「活动编号：」一行时可省略；两者须一致）。",
        "The activity (optional when the sheet has its 活动编号 line; they must agree).",
    ),
    "opt.hours_hours": (
        "服务时长（小时，可有小数，如 2.5）；只计实际服务时间，不含往返路途。",
        "Service time in hours (decimals allowed, e.g. 2.5); actual service only, not travel.",
    ),
    "opt.hours_import_hours": (
        "已签名但没填签到/签退时间的行按此时长（小时）记录。",
        "Hours for rows that are signed but carry no sign-in/sign-out times.",
    ),
    "opt.hours_start": (
        "开始时间，如 08:30、8:30、8点30。",
        "Start time, e.g. 08:30, 8:30, 8点30.",
    ),
    "opt.hours_end": ("结束时间，如 11:30。", "End time, e.g. 11:30."),
    "opt.hours_date": (
        "服务日期（默认为活动日期），不能晚于今天。",
        "Service date (default: the activity's date); not after today.",
    ),
    "opt.hours_status": (
        "出勤情况：present 出勤（默认）、late 迟到、early-leave 早退、leave 请假、absent 缺席；请假和缺席记为 0 小时。",
        "Attendance: present (default), late, early-leave, leave, absent; leave and absent are "
        "recorded with zero hours.",
    ),
    "opt.hours_place": ("服务地点（默认为活动地点）。", "Place (default: the activity's)."),
    "opt.hours_content": (
        "服务内容：做了什么（默认为活动登记的活动内容）。",
        "What was done (default: the activity's description).",
    ),
    "opt.hours_beneficiaries": (
        "服务对象（默认为活动的服务对象）。",
        "Beneficiaries (default: the activity's).",
    ),
    "opt.hours_evaluation": ("服务质量评价。", "Quality evaluation (服务质量评价)."),
    "opt.hours_notes": ("备注。", "Notes."),
    "opt.hours_leader": (
        "活动负责人（默认为活动登记的负责人）。",
        "Activity leader (default: the activity's leader).",
    ),
    "opt.hours_recorder": (
        "记录人（默认为设置项 recorder，未设置时为操作人）。",
        "Recorder (default: the recorder setting, else the operator).",
    ),
    "opt.hours_reason": ("更正或作废的原因（必填）。", "Why (required)."),
    "opt.hours_only": (
        "只记录这些人（可重复，或用逗号分隔）。",
        "Record only these people (repeat, or separate with commas).",
    ),
    "opt.hours_absent": (
        "记为缺席（0 小时）的人（可重复，或用逗号分隔）。",
        "People recorded as absent, zero hours (repeat, or separate with commas).",
    ),
    "opt.hours_leave": (
        "记为请假（0 小时）的人（可重复，或用逗号分隔）。",
        "People recorded as on leave, zero hours (repeat, or separate with commas).",
    ),
    "opt.hours_unsigned": (
        "名单上无人签到的行：skip 跳过（默认）或 absent 记为缺席。",
        "Roster rows nobody signed: skip (default) or record as absent.",
    ),
    "opt.hours_sheet": (
        "读取哪个工作表（名称或从 1 起的序号）；默认为第一个有签到表表头的工作表。",
        "Which sheet to read (name or number, from 1); default: the first with a sign-in header.",
    ),
    "opt.hours_dry_run": (
        "只检查并报告，不写入任何记录。",
        "Check and report everything, write nothing.",
    ),
    "opt.hours_amend_hours": (
        "更正后的服务时长（小时）；只计实际服务时间，不含往返路途。",
        "The corrected service time in hours; actual service only, not travel.",
    ),
    "opt.hours_amend_date": (
        "更正后的服务日期（不填则不变）。",
        "The corrected service date (unchanged if not given).",
    ),
    "opt.hours_amend_status": (
        "更正后的出勤情况：present、late、early-leave、leave、absent；请假和缺席记为 0 小时。",
        "The corrected attendance: present, late, early-leave, leave, absent; leave and absent "
        "are zero hours.",
    ),
    "opt.hours_amend_place": ("更正后的服务地点。", "The corrected place."),
    "opt.hours_amend_content": ("更正后的服务内容。", "The corrected content of the service."),
    "opt.hours_amend_beneficiaries": ("更正后的服务对象。", "The corrected beneficiaries."),
    "opt.hours_amend_leader": ("更正后的活动负责人。", "The corrected activity leader."),
    "opt.hours_volunteer": ("只看这名志愿者。", "Only this volunteer."),
    "opt.hours_list_activity": ("只看这个活动。", "Only this activity."),
    "opt.hours_from": ("从这一天起（含）。", "From this date (inclusive)."),
    "opt.hours_to": ("到这一天止（含）。", "To this date (inclusive)."),
    "opt.hours_batch": (
        "只看这一导入批次的记录。",
        "Only the records of this import batch.",
    ),
    "opt.hours_history": (
        "显示每条记录的完整更正过程（原记录、更正、作废）。",
        "Show each record's whole chain: original, amendments, void.",
    ),
    # ------------------------------------------------------------------ labels
    "field.service_hours": ("服务时长", "hours"),
    "field.service_start": ("开始时间", "start time"),
    "field.service_end": ("结束时间", "end time"),
    "field.service_date": ("服务日期", "service date"),
    "field.service_attendance": ("出勤情况", "attendance"),
    "field.service_activity": ("活动", "activity"),
    "field.service_place": ("服务地点", "place"),
    "field.service_content": ("服务内容", "content"),
    "field.service_beneficiaries": ("服务对象", "beneficiaries"),
    "field.service_evaluation": ("服务质量评价", "evaluation"),
    "field.service_notes": ("备注", "notes"),
    "field.service_leader": ("活动负责人", "activity leader"),
    "field.service_recorder": ("记录人", "recorder"),
    "field.service_sign_in": ("签到时间", "sign-in time"),
    "field.service_sign_out": ("签退时间", "sign-out time"),
    "field.service_unsigned": ("未签到的行", "unsigned rows"),
    "field.service_from": ("起始日期", "from"),
    "field.service_to": ("截止日期", "to"),
    "hours.col.record": ("记录号", "record"),
    "hours.col.entry": ("条目", "entry"),
    "hours.col.kind": ("类型", "kind"),
    "hours.col.corrects": ("更正的记录", "corrects"),
    "hours.col.reason": ("原因", "reason"),
    "hours.col.current": ("现行", "counts"),
    "hours.col.volunteer_no": ("志愿者编号", "volunteer no."),
    "hours.col.name": ("姓名", "name"),
    "hours.col.activity_no": ("活动编号", "activity no."),
    "hours.col.activity": ("活动名称", "activity"),
    "hours.col.date": ("服务日期", "date"),
    "hours.col.start": ("开始时间", "start"),
    "hours.col.end": ("结束时间", "end"),
    "hours.col.time": ("时间", "time"),
    "hours.col.minutes": ("分钟", "minutes"),
    "hours.col.hours": ("小时", "hours"),
    "hours.col.attendance": ("出勤情况", "attendance"),
    "hours.col.place": ("服务地点", "place"),
    "hours.col.content": ("服务内容", "content"),
    "hours.col.beneficiaries": ("服务对象", "beneficiaries"),
    "hours.col.leader": ("活动负责人", "leader"),
    "hours.col.recorder": ("记录人", "recorder"),
    "hours.col.evaluation": ("服务质量评价", "evaluation"),
    "hours.col.notes": ("备注", "notes"),
    "hours.col.batch": ("导入批次", "batch"),
    "hours.col.recorded_at": ("记录时间", "recorded at"),
    "hours.col.corrections": ("更正次数", "corrections"),
    "hours.col.corrected_at": ("最近更正时间", "last corrected"),
    "hours.col.row": ("行", "row"),
    "hours.col.outcome": ("结果", "outcome"),
    "hours.col.message": ("说明", "message"),
    "hours.attendance.present": ("出勤", "present"),
    "hours.attendance.late": ("迟到", "late"),
    "hours.attendance.early_leave": ("早退", "early leave"),
    "hours.attendance.leave": ("请假", "leave"),
    "hours.attendance.absent": ("缺席", "absent"),
    "hours.kind.original": ("原记录", "original"),
    "hours.kind.amend": ("更正", "amendment"),
    "hours.kind.void": ("作废", "void"),
    "hours.outcome.recorded": ("已记录", "recorded"),
    "hours.outcome.rejected": ("未记录", "rejected"),
    "hours.outcome.skipped": ("跳过", "skipped"),
    # ------------------------------------------------------------------ results
    "hours.recorded": (
        "已记录 #{record}：{volunteer_no} {name}，活动 {activity_no}，{hours} 小时",
        "Recorded #{record}: {volunteer_no} {name}, activity {activity_no}, {hours} h",
    ),
    "hours.roster_recorded": (
        "已记录 {count} 人，共 {hours} 小时",
        "Recorded {count:~person|people}, {hours} h in all",
    ),
    "hours.already_left": (
        "{volunteer_no} {name} 已有本活动的服务记录 #{record}，保持不变。",
        "{volunteer_no} {name} already has record #{record} for this activity: left as it is.",
    ),
    "hours.roster_nothing_new": (
        "名单上的人都已有本活动的服务记录，没有新记录。",
        "Everyone on the roster already has a record for this activity: nothing new recorded.",
    ),
    "hours.list_count": (
        "共 {count} 条记录，{people} 人，{hours} 小时",
        "{count:~record|records}, {people:~person|people}, {hours} h",
    ),
    "hours.history_count": (
        "{records} 条记录的 {entries} 个条目",
        "{entries:~entry|entries} of {records:~record|records}",
    ),
    "hours.amended": (
        "已更正服务记录 #{record}（更正条目 #{entry}），现为 {hours} 小时；原记录保留。",
        "Amended record #{record} (entry #{entry}): now {hours} h; the original stays on record.",
    ),
    "hours.voided": (
        "已作废服务记录 #{record}（作废条目 #{entry}）；它不再计入时长，记录保留。",
        "Voided record #{record} (entry #{entry}): it no longer counts and stays on record.",
    ),
    "hours.import_done": (
        "{file}（活动 {activity_no}）：{rows} 行，已记录 {recorded}，未记录 {rejected}，跳过 {skipped}，共 {hours} 小时",
        "{file} (activity {activity_no}): {rows:~row|rows}, {recorded} recorded, {rejected} rejected, "
        "{skipped} skipped, {hours} h",
    ),
    "hours.import_dry_run": (
        "试运行，未写入任何记录。{file}（活动 {activity_no}）：{rows} 行，可记录 {recorded}，未记录 {rejected}，跳过 {skipped}，共 {hours} 小时",
        "Dry run, nothing written. {file} (activity {activity_no}): {rows:~row|rows}, {recorded} "
        "would be recorded, {rejected} rejected, {skipped} skipped, {hours} h",
    ),
    "hours.import_again": (
        "这个文件已在 {at} 导入过（批次 {batch}）；已记录过的人不会重复记录。",
        "This file was already imported on {at} (batch {batch}); nobody is recorded twice.",
    ),
    "hours.skip.already_recorded": (
        "已有相同的服务记录 #{record}，未重复记录。",
        "Already recorded as record #{record}: not recorded twice.",
    ),
    "hours.skip.not_signed_in": (
        "名单上有此人，但没有签到。",
        "On the roster, but nobody signed in.",
    ),
    "hours.unsigned_unknown": (
        "--unsigned 只能是 skip 或 absent，而不是「{value}」。",
        "--unsigned is skip or absent, not '{value}'.",
    ),
    "hours.refused_all": (
        "有 {count} 人不能记录，因此一条也没有记录（全部记录或全部不记录）：",
        "{count} could not be recorded, so nothing was recorded (all or nothing):",
    ),
    "hours.refusal_line": ("  {who}：{message}", "  {who}: {message}"),
    "hours.hint.refused_all": (
        "改正后重新运行；用 --only 只记录部分人，用 --absent、--leave 标出缺席和请假的人。",
        "Fix these and run it again; --only records some of the roster, --absent and --leave "
        "mark who was absent or on leave.",
    ),
    "hours.roster_empty": (
        "活动 {activity_no} 的报名名单是空的。",
        "Nobody is on the roster of activity {activity_no}.",
    ),
    "hours.hint.roster_empty": (
        "先用 volctl activity signup 报名，或用 volctl log-hours add 逐人记录。",
        "Sign people up with volctl activity signup, or record each with volctl log-hours add.",
    ),
    "hours.record_not_found": ("找不到服务记录「{ref}」。", "No service record '{ref}'."),
    "hours.hint.record_not_found": (
        "记录号见 volctl log-hours list 的第一列。",
        "Record numbers are the first column of volctl log-hours list.",
    ),
    # ------------------------------------------------------------------ refusals
    "hours.reason.hours_invalid": (
        "看不懂的时长「{value}」，请写成小时数，如 2 或 2.5。",
        "Cannot read the hours '{value}'; write a number of hours such as 2 or 2.5.",
    ),
    "hours.reason.hours_not_positive": (
        "服务时长必须大于 0（这里是「{value}」）。",
        "Service time must be more than 0 (got '{value}').",
    ),
    "hours.reason.hours_over_24": (
        "一条记录的服务时长不能超过 24 小时（这里是「{value}」）。",
        "One record cannot be longer than 24 hours (got '{value}').",
    ),
    "hours.reason.attendance_unknown": (
        "不认识的出勤情况「{value}」，可用：{choices}（或 出勤、迟到、早退、请假、缺席）。",
        "Unknown attendance '{value}'; use one of {choices} (or 出勤, 迟到, 早退, 请假, 缺席).",
    ),
    "hours.reason.zero_time_with_hours": (
        "请假和缺席记为 0 小时，不能同时填写时长或时间。",
        "Leave and absence are recorded with zero hours: give no hours or times with them.",
    ),
    "hours.reason.hours_and_times": (
        "--hours 和 --start/--end 只能选一种。",
        "Give either --hours or --start/--end, not both.",
    ),
    "hours.reason.time_missing": (
        "开始和结束时间（签到和签退）要同时填写。",
        "Both the start and the end time (sign-in and sign-out) are needed.",
    ),
    "hours.reason.end_before_start": (
        "结束时间 {end} 不晚于开始时间 {start}。",
        "The end time {end} is not after the start time {start}.",
    ),
    "hours.reason.duration_missing": (
        "没有服务时长：请用 --hours 填写小时数，或用 --start 和 --end 填写起止时间。",
        "No service time: give --hours, or --start and --end.",
    ),
    "hours.hint.duration_missing": (
        "服务时长只计实际服务时间，不含往返路途时间。活动登记了起止时间时，两者都不填就按活动时间记录。",
        "Count actual service only, not travel to and from it. When the activity has start and "
        "end times, giving neither records those.",
    ),
    "hours.reason.already_recorded": (
        "{volunteer_no} {name} 在活动 {activity_no} 已有服务记录 #{record}（{date}，{hours} 小时），同一活动不能重复记录。",
        "{volunteer_no} {name} already has record #{record} for activity {activity_no} "
        "({date}, {hours} h): one record per activity.",
    ),
    "hours.hint.already_recorded": (
        "要更正请用 volctl log-hours amend {record} …；要作废请用 volctl log-hours void {record} --reason …",
        "To correct it: volctl log-hours amend {record} …; to void it: volctl log-hours void "
        "{record} --reason …",
    ),
    "hours.reason.day_overlap": (
        "{volunteer_no} {name} 当天 {start}–{end} 已有服务记录 #{record}（活动 {activity_no}），时间不能重叠。",
        "{volunteer_no} {name} already has record #{record} from {start} to {end} that day "
        "(activity {activity_no}): times cannot overlap.",
    ),
    "hours.hint.day_overlap_activity_times": (
        "只填了时长、没填起止时间的记录，按其活动的起止时间核对是否重叠；如果只服务了活动的一段时间，"
        "请写明实际起止时间（--start/--end，或签到表的签到、签退时间）。",
        "A record with hours but no times is checked against its activity's times; if the "
        "service took only part of the activity, give the actual times (--start/--end, or the "
        "sign-in sheet's times).",
    ),
    "hours.reason.day_over_24h": (
        "{volunteer_no} {name} 在 {date} 的服务时长合计将达 {hours} 小时，一天不能超过 24 小时。",
        "{volunteer_no} {name} would have {hours} h on {date}: a day has at most 24 hours.",
    ),
    "hours.reason.activity_cancelled": (
        "活动 {activity_no}「{title}」已取消，不能记录服务时长。",
        "Activity {activity_no} '{title}' was cancelled: no hours can be recorded for it.",
    ),
    "hours.reason.volunteer_inactive": (
        "{volunteer_no} {name} 自 {since} 起已停用，只能记录此前的服务。",
        "{volunteer_no} {name} has been inactive since {since}: only service before then can be "
        "recorded.",
    ),
    "hours.hint.volunteer_inactive": (
        "如其已回到社区，先用 volctl register reactivate {volunteer_no} --reason … 恢复。",
        "If they are back, reactivate them first: volctl register reactivate {volunteer_no} "
        "--reason …",
    ),
    "hours.reason.not_on_roster": (
        "不在活动 {activity_no} 的报名名单上。",
        "Not on the roster of activity {activity_no}.",
    ),
    "hours.hint.not_on_roster": (
        "先用 volctl activity signup 报名，或用 volctl log-hours add 单独记录。",
        "Sign them up with volctl activity signup, or record them with volctl log-hours add.",
    ),
    "hours.reason.absent_and_leave": (
        "不能同时记为缺席和请假。",
        "Cannot be both absent and on leave.",
    ),
    "hours.reason.record_voided": (
        "服务记录 #{record} 已作废，不能再更正或作废。",
        "Record #{record} is void: it cannot be amended or voided again.",
    ),
    "hours.hint.record_voided": (
        "如需恢复，请用 volctl log-hours add 重新记录。",
        "To restore it, record it again with volctl log-hours add.",
    ),
    "hours.reason.nothing_to_amend": (
        "给出的内容与服务记录 #{record} 现有内容相同，没有可更正的。",
        "That is what record #{record} already says: nothing to amend.",
    ),
    "hours.hint.nothing_to_amend": (
        "请给出要更正的内容，如 --hours 2.5 或 --start 09:00 --end 11:30。",
        "Give what changes, e.g. --hours 2.5 or --start 09:00 --end 11:30.",
    ),
    "hours.reason.volunteer_unknown": (
        "没有编号为 {ref} 的志愿者。",
        "No volunteer numbered {ref}.",
    ),
    "hours.reason.name_mismatch": (
        "姓名「{name}」与志愿者编号 {volunteer_no} 登记的姓名「{registered}」不符。",
        "The name '{name}' does not match {volunteer_no}'s registered name '{registered}'.",
    ),
    "hours.reason.volunteer_ambiguous": (
        "「{ref}」对应 {count} 名志愿者：{candidates}",
        "'{ref}' matches {count} volunteers: {candidates}",
    ),
    "hours.hint.signin_ambiguous": (
        "在表中填写志愿者编号或完整手机号后重新导入，或用 volctl log-hours add 单独记录。",
        "Write the volunteer number or the full phone in the sheet and import it again, or "
        "record that person with volctl log-hours add.",
    ),
    "hours.reason.volunteer_unmatched": (
        "找不到姓名为 {name}、手机尾号为 {phone} 的志愿者。",
        "No volunteer named {name} with a phone ending {phone}.",
    ),
    "hours.hint.signin_unmatched": (
        "请核对姓名和手机号；未登记的人先用 volctl register add 登记，再重新导入这张表。",
        "Check the name and phone; register newcomers with volctl register add, then import the "
        "sheet again.",
    ),
    "hours.reason.needs_phone": (
        "{name} 不在本活动的报名名单上，仅凭姓名无法确认是哪位志愿者，请填写手机号或志愿者编号。",
        "{name} is not on this activity's roster, and a name alone does not say who it is: add "
        "the phone or the volunteer number.",
    ),
    "hours.reason.duplicate_row": (
        "{volunteer_no} {name} 已在第 {first} 行出现过。",
        "{volunteer_no} {name} already appears on row {first}.",
    ),
    "hours.signin.missing_file": ("文件 {path} 不存在。", "The file {path} does not exist."),
    "hours.signin.too_many_rows": (
        "表格超过 {limit} 行，不像是一个活动的签到表。",
        "More than {limit} rows: this is not one activity's sign-in sheet.",
    ),
    "hours.signin.unreadable": (
        "无法读取这个表格（{reason}），文件可能已损坏或不是表格。",
        "Cannot read this spreadsheet ({reason}); it may be damaged or not a spreadsheet.",
    ),
    "hours.signin.no_header": (
        "找不到签到表的表头：需要有「姓名」或「志愿者编号」一列，以及「签到时间」「签退时间」等列。",
        "No sign-in sheet header found: it needs a 姓名 or 志愿者编号 column, and columns such "
        "as 签到时间 and 签退时间.",
    ),
    "hours.hint.signin_no_header": (
        "签到表可用 volctl activity sheet 生成；表头行应包含 姓名、手机、签到时间、签退时间。",
        "Print the sheet with volctl activity sheet; its header row has 姓名, 手机, 签到时间, "
        "签退时间.",
    ),
    "hours.signin.no_activity": (
        "表中没有「活动编号：」一行，请用 --activity 指明是哪个活动。",
        "The sheet has no 活动编号 line: say which activity with --activity.",
    ),
    "hours.hint.signin_no_activity": (
        "例如：--activity A20250315-01",
        "For example: --activity A20250315-01",
    ),
    "hours.signin.other_activity": (
        "这张签到表属于活动 {sheet_activity}，而不是 {activity_no}。",
        "This sign-in sheet is for activity {sheet_activity}, not {activity_no}.",
    ),
    "hours.hint.signin_no_times": (
        "该行已签名但没有签到/签退时间：请补填时间，或用 --hours 给出统一的时长。",
        "The row is signed but has no sign-in/sign-out times: fill them in, or give --hours.",
    ),
}

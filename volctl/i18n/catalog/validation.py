"""The one validation path (``volctl.validation``): why a stored value or a row of a bundle is
refused, the merge's refusal naming bundle, part, row and column, and ``check``'s findings."""

MESSAGES = {
    "reason.value_missing": ("没有填写。", "The value is missing."),
    "reason.date_not_real": ("日期 {value} 不存在。", "The date {value} does not exist."),
    "reason.value_not_text": (
        "应为文字，这里是「{value}」。",
        "Text is expected here, not '{value}'.",
    ),
    "reason.not_whole_number": (
        "应为整数，这里是「{value}」。",
        "A whole number is expected here, not '{value}'.",
    ),
    "reason.number_out_of_range": (
        "{value} 超出允许范围（{low} 到 {high}）。",
        "{value} is out of range ({low} to {high}).",
    ),
    "reason.not_a_choice": (
        "「{value}」不是可用的值，可用：{choices}。",
        "'{value}' is not one of the allowed values: {choices}.",
    ),
    "reason.not_stored_form": (
        "「{value}」不是台账保存的格式（应为「{expected}」）。",
        "'{value}' is not in the form the roster stores ('{expected}').",
    ),
    "reason.list_invalid": (
        "「{value}」不是文字列表。",
        "'{value}' is not a list of texts.",
    ),
    "reason.correction_target": (
        "记录类型「{kind}」与所更正的记录不相符：原始记录不指向其他记录，更正和作废必须指向原始记录。",
        "The entry kind '{kind}' does not match what it corrects: an original points at no "
        "record, an amendment or void at its original.",
    ),
    "reason.correction_without_reason": (
        "更正或作废记录没有写明原因。",
        "An amendment or void without its reason.",
    ),
    "reason.commendation_one_recipient": (
        "一项表彰应授予一名志愿者或一个集体，且只能是其一。",
        "A commendation goes to one volunteer or one team, not both and not neither.",
    ),
    "reason.id_repeated": (
        "与第 {row} 行重复。",
        "The same as row {row}.",
    ),
    "reason.id_repeated_earlier": (
        "与前面某一行的编号相同。",
        "The same id as an earlier row.",
    ),
    "reason.unknown_row": (
        "指向 {part} 中不存在的编号 {value}。",
        "Points at {value}, which is not in {part}.",
    ),
    "reason.teams_loop": (
        "队伍的上级关系形成了循环（某队伍成了自己的上级）。",
        "The teams' parents form a loop (a team above itself).",
    ),
    "reason.recorded_twice": (
        "同一志愿者在同一活动已有一条有效记录。",
        "The volunteer already has a record that counts for this activity.",
    ),
    "reason.correction_other_service": (
        "更正记录与原始记录的志愿者或活动不一致。",
        "The correction names another volunteer or activity than the record it corrects.",
    ),
    "reason.number_other_type": (
        "这个号码在本名册中已作为「{kind}」登记给另一人。",
        "This number is registered here to someone else as a {kind}.",
    ),
    "merge.row_refused": (
        "{part}：{reason}整个数据包已拒绝合并，本名册未改动。",
        "{part}: {reason} The bundle is refused whole; this roster is unchanged.",
    ),
    "hint.bundle_row_refused": (
        "请对方更正这一项（对方运行 volctl check 即可看到），再导出新的数据包发来。",
        "Ask the sender to correct it (their volctl check names it) and send a new bundle.",
    ),
    "merge.manifest_refused": (
        "数据包清单（manifest.json）：{reason}整个数据包已拒绝合并，本名册未改动。",
        "The bundle's manifest (manifest.json): {reason} The bundle is refused whole; this "
        "roster is unchanged.",
    ),
    "merge.day_over_24h": (
        "{part} 中的记录 {record}：连同本名册已有的记录，{volunteer_no} 在 {date} 的服务合计 {hours} "
        "小时，超过 24 小时。整个数据包已拒绝合并，本名册未改动。",
        "{part}, record {record}: with what this roster already holds, {volunteer_no}'s service "
        "on {date} adds up to {hours} hours, more than 24. The bundle is refused whole; this "
        "roster is unchanged.",
    ),
    "stored.invalid_value": (
        "台账中保存的值不合规，命令无法继续：{table} {ref} 的「{field}」：{reason}",
        "The roster holds a value volctl refuses, and the command stopped there: {table} {ref}, "
        "{field}: {reason}",
    ),
    "hint.stored_invalid_value": (
        "volctl check 会列出所有这样的值及处理办法；更正后再运行本命令。",
        "volctl check lists every such value with what to do; correct it, then run this "
        "command again.",
    ),
    "bundle.stored_invalid": (
        "台账中有不合规的值，不能导出给上级：{table} {ref} 的「{field}」：{reason}",
        "The roster holds a value a merge would refuse, so it cannot be sent up: {table} {ref}, "
        "{field}: {reason}",
    ),
    "check.detail_invalid_value": (
        "{table}的「{field}」：{reason}",
        "{table}, {field}: {reason}",
    ),
    "check.advice_invalid_value": (
        "用修改该记录的命令更正（register update、team update、activity update、log-hours "
        "amend 等）；合并来的数据请来源社区更正后重新发送数据包。",
        "Correct it with the command that edits that record (register update, team update, "
        "activity update, log-hours amend…); a row brought by a merge is corrected at its "
        "source, which sends a new bundle.",
    ),
    "restore.invalid_values": (
        "备份中有 {count} 个值不合规（多为旧版本留下），已照原样恢复；volctl check 会逐一列出，"
        "请更正。",
        "The backup holds {count:~value|values} volctl refuses (most likely left by an older "
        "version); it was restored as it is: volctl check lists each one, to be corrected.",
    ),
    "table.volunteers": ("志愿者", "volunteer"),
    "table.volunteer_status_changes": ("志愿者状态变更", "status change of"),
    "table.teams": ("队伍", "team"),
    "table.memberships": ("队员关系", "membership"),
    "table.activities": ("活动", "activity"),
    "table.service_records": ("服务记录", "service record"),
    "table.trainings": ("培训", "training"),
    "table.training_attendance": ("培训签到", "training attendance"),
    "table.insurance_policies": ("保险", "insurance policy"),
    "table.commendations": ("表彰", "commendation"),
    "table.recipients": ("服务对象", "beneficiary"),
    "table.pairings": ("结对", "pairing"),
    "table.activity_beneficiaries": ("服务对象统计", "people served by activity"),
    "table.code_lists": ("代码表", "code list"),
}

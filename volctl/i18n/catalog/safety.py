"""Backup, restore, check and audit."""

MESSAGES = {
    "help.backup": (
        "备份台账到文件（使用中也能得到一致的副本；默认放在台账旁边，文件名带时间）。",
        "Back up the roster to a file (a consistent copy even while in use; by default beside the roster, with a timestamp).",
    ),
    "arg.backup_file": (
        "备份文件（不能是已有文件），或一个文件夹（如 U 盘）：在其中写入带日期的备份文件。",
        "The backup file (must not exist yet), or a folder (a USB stick, say): a dated backup "
        "file is written in it.",
    ),
    "backup.exists": (
        "{path} 已存在，不会覆盖它；请换一个文件名。",
        "{path} already exists and will not be overwritten; choose another name.",
    ),
    "backup.failed": (
        "无法写入备份 {path}：{reason}；没有留下备份文件。",
        "Could not write the backup {path}: {reason}; no backup file was left.",
    ),
    "backup.copy_damaged": (
        "备份 {path} 校验失败，请重试。",
        "The backup {path} failed its check; please try again.",
    ),
    "backup.done": (
        "已备份到 {path}（志愿者 {volunteers} 名，校验通过）。",
        "Backed up to {path} ({volunteers:~volunteer|volunteers}; integrity checked).",
    ),
    "help.restore": (
        "用备份恢复台账：先检查备份，再把当前台账另存一份，然后恢复。",
        "Restore the roster from a backup: the backup is checked first, and the replaced roster is kept.",
    ),
    "arg.restore_file": ("要恢复的备份文件。", "The backup file to restore."),
    "opt.restore_yes": ("不再询问，直接恢复。", "Restore without asking."),
    "restore.missing": ("备份文件 {path} 不存在。", "The backup file {path} does not exist."),
    "restore.not_roster": (
        "{path} 不是 volctl 台账的备份（{reason}），未作恢复。",
        "{path} is not a volctl roster backup ({reason}); nothing was restored.",
    ),
    "restore.damaged": (
        "备份 {path} 已损坏（{problems}），未作恢复。",
        "The backup {path} is damaged ({problems}); nothing was restored.",
    ),
    "restore.confirm": (
        "用备份替换台账 {path} 的全部内容？当前内容会另存一份。",
        "Replace everything in the roster {path} with the backup? The current content is kept as a copy.",
    ),
    "restore.cancelled": ("已取消，台账未改动。", "Cancelled; the roster was not changed."),
    "restore.holds": (
        "备份 {path}：{org}，最后一次改动在 {last_change}；志愿者 {volunteers} 名，队伍 {teams} 支，活动 {activities} 项，服务记录 {records} 条。",
        "The backup {path}: {org}, last changed {last_change}; {volunteers:~volunteer|volunteers}, "
        "{teams:~team|teams}, {activities:~activity|activities}, {records:~service record|service records}.",
    ),
    "restore.no_org": ("（未设组织名称）", "(no organisation name set)"),
    "restore.done": (
        "已从 {source} 恢复；原台账另存为 {kept}。",
        "Restored from {source}; the replaced roster was kept as {kept}.",
    ),
    "help.check": (
        "检查台账：数据库完整性、外键、无效身份证号、重复人员、未成年人缺监护人同意等，并给出处理建议。",
        "Check the roster: database integrity, foreign keys, invalid identity numbers, duplicate people, minors without guardian consent…, with what to do about each.",
    ),
    "check.clean": ("检查完毕，没有发现问题。", "Checked: no problems found."),
    "check.severity_error": ("错误", "error"),
    "check.severity_warning": ("提醒", "warning"),
    "check.detail_integrity": (
        "数据库完整性检查：{problem}",
        "Database integrity check: {problem}",
    ),
    "check.detail_foreign_keys": (
        "{count} 条记录指向不存在的数据。",
        "{count:~row points|rows point} at data that does not exist.",
    ),
    "check.detail_same_number": (
        "同一证件号码登记了多次：{volunteers}",
        "The same document number is registered more than once: {volunteers}",
    ),
    "check.detail_same_name_phone": (
        "姓名「{name}」和电话相同的多条登记：{volunteers}",
        "Several registrations with the name {name} and the same phone: {volunteers}",
    ),
    "check.detail_minor": (
        "未满 18 周岁（{age} 岁），缺少监护人姓名、电话或同意日期。",
        "Under 18 (aged {age}) without a guardian's name, phone or consent date.",
    ),
    "check.advice_integrity": (
        "立即备份后用最近一次正常的备份恢复（volctl restore）。",
        "Back up now, then restore the latest sound backup (volctl restore).",
    ),
    "check.advice_foreign_keys": (
        "用最近一次正常的备份恢复，或联系维护人员。",
        "Restore the latest sound backup, or contact the maintainers.",
    ),
    "check.advice_invalid_id_number": (
        "核对证件原件后用 volctl register update 更正号码。",
        "Check the document and correct the number with volctl register update.",
    ),
    "check.advice_duplicate_id_number": (
        "确认是否同一人；保留一条，另一条用 volctl register deactivate 停用并注明原因。",
        "Check whether it is one person; keep one and deactivate the other with a reason.",
    ),
    "check.advice_duplicate_name_phone": (
        "可能是同一人用不同证件号登记了两次，请核对证件。",
        "Possibly one person registered twice with different numbers: check their documents.",
    ),
    "check.advice_minor_without_consent": (
        "补登监护人：volctl register update 编号 --guardian-name … --guardian-phone …",
        "Record the guardian: volctl register update VOL --guardian-name … --guardian-phone …",
    ),
    "check.advice_consent_date": (
        "核对监护人同意书后更正日期：volctl register update 编号 --guardian-consent-on 日期",
        "Check the guardian's consent form and correct the date: volctl register update VOL "
        "--guardian-consent-on DATE",
    ),
    "check.detail_ledger": (
        "服务记录的汇总与明细不一致：{problem}",
        "The ledger's totals disagree with its records: {problem}",
    ),
    "check.detail_day_over": (
        "{date} 的服务记录合计 {hours} 小时，超过 24 小时。",
        "Records on {date} add up to {hours} hours, more than 24.",
    ),
    "check.detail_before_registration": (
        "服务记录 {record}（{date}）早于登记日期 {registered_on}。",
        "Record {record} ({date}) is before the registration date {registered_on}.",
    ),
    "check.detail_while_inactive": (
        "服务记录 {record}（{date}）记在该志愿者停用期间（自 {since} 起停用）。",
        "Record {record} ({date}) is dated while the volunteer was inactive (since {since}).",
    ),
    "check.detail_insurance": (
        "已报名 {activity}（{date}），该活动要求投保，但当天没有有效保险。",
        "Signed up for {activity} ({date}), which needs insurance, without cover that day.",
    ),
    "check.advice_ledger_totals": (
        "用最近一次正常的备份恢复，或联系维护人员。",
        "Restore the latest sound backup, or contact the maintainers.",
    ),
    "check.advice_ledger_day_over_24h": (
        "核对签到表，用 volctl log-hours amend 或 void 更正。",
        "Check the sign-in sheets and correct with volctl log-hours amend or void.",
    ),
    "check.advice_ledger_before_registration": (
        "核对登记日期（volctl register update --registered-on）或更正该记录。",
        "Check the registration date (volctl register update --registered-on) or correct the record.",
    ),
    "check.advice_ledger_while_inactive": (
        "核对停用日期与签到表：记录有误就用 volctl log-hours void 作废；停用日期有误就先 volctl "
        "register reactivate，再用正确的日期停用。",
        "Check the deactivation date against the sign-in sheets: void a wrong record (volctl "
        "log-hours void); for a wrong date, reactivate (volctl register reactivate) and "
        "deactivate again on the right day.",
    ),
    "check.advice_insurance_lapsed": (
        "活动前为其投保（volctl insurance add），或取消报名（volctl activity withdraw）。",
        "Insure them before the activity (volctl insurance add) or withdraw the signup (volctl activity withdraw).",
    ),
    "check.detail_merge": (
        "合并时与 {source} 的「{field}」不一致，尚未处理。",
        "Merging {source} found a different {field}; not settled yet.",
    ),
    "check.advice_merge_conflict": (
        "用 volctl source conflicts 查看，volctl source resolve 处理。",
        "See volctl source conflicts and settle it with volctl source resolve.",
    ),
    "col.severity": ("级别", "severity"),
    "col.check": ("检查项", "check"),
    "col.ref": ("对象", "about"),
    "col.problem": ("问题", "problem"),
    "col.advice": ("处理建议", "what to do"),
    "help.audit": (
        "查看审计日志：每一次改动的时间、命令、操作人和内容（个人信息打码）。",
        "Show the audit log: every change, when, which command, who and what (personal data masked).",
    ),
    "opt.from": ("起始日期（含）。", "From this date (inclusive)."),
    "opt.to": ("截止日期（含）。", "Up to this date (inclusive)."),
    "opt.audit_action": (
        "只看某类操作，如 volunteer 或 volunteer.update。",
        "Only actions starting with this, e.g. volunteer or volunteer.update.",
    ),
    "audit.empty": ("这段时间没有审计记录。", "No audit entries in that period."),
    "col.when": ("时间", "when"),
    "col.operator": ("操作人", "operator"),
    "col.command": ("命令", "command"),
    "col.action": ("操作", "action"),
    "col.detail": ("内容", "detail"),
    "audit.comma": ("，", ", "),
    # Keys of audit entries' details that are no stored field (volctl/cli/safety.py _detail).
    "audit.key.activity_id": ("活动", "activity"),
    "audit.key.volunteer_id": ("志愿者", "volunteer"),
    "audit.key.team_id": ("队伍", "team"),
    "audit.key.recipient_id": ("服务对象", "beneficiary"),
    "audit.key.training_id": ("培训", "training"),
    "audit.removed_row": ("（已删除）", "(removed)"),
    "audit.key.attendance": ("出勤情况", "attendance"),
    "audit.key.batch": ("导入批次", "import batch"),
    "audit.key.import_batch_id": ("导入批次", "import batch"),
    "audit.key.undo_of_batch": ("撤销的批次", "undoing batch"),
    "audit.key.certificate_no": ("证明编号", "certificate no."),
    "audit.key.changes": ("更改", "changes"),
    "audit.key.created": ("新建", "created"),
    "audit.key.rows": ("数据行", "rows"),
    "audit.key.imported": ("导入", "imported"),
    "audit.key.duplicates": ("重复", "duplicates"),
    "audit.key.updated": ("更新", "updated"),
    "audit.key.rejected": ("未通过", "rejected"),
    "audit.key.reasons": ("未通过原因", "reasons"),
    "audit.key.sha256": ("文件校验值", "file checksum"),
    "audit.key.sheet": ("工作表", "sheet"),
    "audit.key.file": ("文件", "file"),
    "audit.key.start": ("开始", "start"),
    "audit.key.end": ("结束", "end"),
    "audit.key.start_on": ("起始日期", "starts"),
    "audit.key.end_on": ("截止日期", "ends"),
    "audit.key.minutes": ("分钟", "minutes"),
    "audit.key.record": ("记录号", "record"),
    "audit.key.rrule": ("重复规则", "repeat rule"),
    "audit.key.services": ("服务次数", "services"),
    "audit.key.period_from": ("起始日期", "from"),
    "audit.key.period_to": ("截止日期", "to"),
    "audit.key.training_no": ("培训编号", "training no."),
    "audit.key.key": ("设置项", "setting"),
    "audit.key.old": ("原值", "old"),
    "audit.key.new": ("新值", "new"),
    "audit.key.created_at": ("创建时间", "created at"),
    "audit.key.updated_at": ("修改时间", "updated at"),
    "audit.empty_value": ("（空）", "(empty)"),
}

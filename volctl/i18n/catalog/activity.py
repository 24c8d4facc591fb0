"""Activities: planning, signups, beneficiaries served, code lists."""

MESSAGES = {
    "activity.not_found": ("找不到活动「{ref}」。", "No activity '{ref}'."),
    "hint.activity_not_found": (
        "可以用活动编号（如 A20250315-01）或活动名称查找；volctl activity list 列出全部活动。",
        "Look up by activity number (e.g. A20250315-01) or title; volctl activity list shows all.",
    ),
    "activity.ambiguous": (
        "「{ref}」对应 {count} 个活动：{candidates}",
        "'{ref}' matches {count} activities: {candidates}",
    ),
    "hint.activity_ambiguous": ("请改用活动编号。", "Use the activity number instead."),
    "help.activity": (
        "活动：安排活动和系列活动（每月集中服务日、纪念日），报名，签到表，服务对象。",
        "Activities: plan one or a series (the monthly service day, commemorative days), sign "
        "volunteers up, print the sign-in sheet, record who was served.",
    ),
    "help.activity.add": (
        "新增一个活动；编号按日期自动生成（A20250315-01）。必填：标题、--date、--category。",
        "Plan one activity; its number comes from its date (A20250315-01). Required: the title, "
        "--date, --category.",
    ),
    "help.activity.schedule": (
        "按规则批量安排系列活动（每月集中服务日、纪念日等）。预设规则：third-saturday 每月第三个星期六、third-week-saturday 每月按自然周计第三周的星期六、leifeng-day 3·5 学雷锋纪念日、arbor-day 3·12 植树节、water-day 3·22 世界水日、earth-day 4·22 地球日、disaster-prevention-day 5·12、environment-day 6·5 环境日、anti-drug-day 6·26、charity-day 9·5、fire-day 11·9、volunteer-day 12·5 国际志愿者日，或自定义的重复规则（日历通用的 RRULE 写法，如 FREQ=WEEKLY;BYDAY=SA 即每周六）。先列出日期（标出法定节假日和调休上班日）再确认保存；重复运行不会重复创建。",
        "Schedule a series by rule (the monthly service day, commemorative days). Presets: "
        "third-saturday, third-week-saturday, leifeng-day "
        "3·5, arbor-day 3·12, water-day 3·22, earth-day 4·22, disaster-prevention-day 5·12, "
        "environment-day 6·5, anti-drug-day 6·26, charity-day 9·5, fire-day 11·9, volunteer-day "
        "12·5; or a repeat rule of your own in RRULE notation (the calendar standard, RFC 5545), "
        "e.g. FREQ=WEEKLY;BYDAY=SA for every Saturday. Shows the dates (public holidays and make-up working days "
        "flagged) and asks before saving; re-running creates no duplicates.",
    ),
    "help.activity.list": (
        "列出活动（可按日期、队伍（含下级）、类别、状态筛选）。",
        "List activities (filter by dates, team with its sub-teams, category, status).",
    ),
    "help.activity.show": (
        "查看一个活动：详情、报名名单、服务对象。",
        "Show one activity: its details, roster and who it served.",
    ),
    "help.activity.update": (
        "更正活动信息（改期、换地点等）或标记为已举办（--status held）；活动编号不变。",
        "Correct an activity (new date, place…) or mark it held (--status held); its number stays.",
    ),
    "help.activity.cancel": (
        "取消活动（必须说明原因；记录和报名名单保留）。",
        "Cancel an activity (a reason is required; the record and its roster are kept).",
    ),
    "help.activity.signup": (
        "志愿者报名参加活动：拒绝已停用的志愿者和超出名额（--force 强制，留有记录），同一时段已报名其他活动时提醒。",
        "Put volunteers on an activity's roster: inactive volunteers and going over capacity are "
        "refused (--force overrides, on record); a volunteer booked elsewhere at the same time is "
        "warned about.",
    ),
    "help.activity.withdraw": (
        "志愿者退出报名（记录保留，注明原因）。",
        "Take volunteers off an activity's roster (kept on record with the reason).",
    ),
    "help.activity.serve": (
        "记录活动服务的对象：具体的服务对象（--recipient）或某类人群及人数（--group 空巢老人:12）。",
        "Record who an activity served: named beneficiaries (--recipient) or a number of people "
        "of a group (--group 空巢老人:12).",
    ),
    "help.activity.unserve": (
        "撤回一条误录的服务对象记录（保留并注明原因）；ENTRY 是 activity show 中的编号。",
        "Withdraw a beneficiary entry made by mistake (kept, marked, with the reason); ENTRY is "
        "the id activity show lists.",
    ),
    "help.activity.sheet": (
        "打印活动签到表（A4，预先填好报名的志愿者），填好后可用 log-hours import 导入。",
        "Print the activity's sign-in sheet (签到表, A4, pre-filled with its roster); filled in, "
        "it goes back in with log-hours import.",
    ),
    "help.activity.categories": (
        "列出活动类别；--add 增加本地类别。",
        "List activity categories; --add adds a local one.",
    ),
    "help.activity.holidays": (
        "列出某年的法定节假日和调休上班日；--add/--remove 维护台账自己的节假日表（用于内置日历尚未覆盖的年份）。",
        "List a year's public holidays and make-up working days; --add/--remove keep the "
        "roster's own table (for years the bundled calendar does not cover yet).",
    ),
    "arg.act": (
        "活动：活动编号（A20250315-01）或唯一的活动名称。",
        "The activity: its number (A20250315-01) or unique title.",
    ),
    "arg.act_title": ("活动名称。", "The activity's title."),
    "arg.served_entry": ("服务对象记录的编号。", "The beneficiary entry's id."),
    "opt.act_date": ("活动日期（必填）。", "Date of the activity (required)."),
    "opt.act_new_date": ("新的活动日期（改期）。", "The activity's new date (moved)."),
    "opt.act_new_category": (
        "新的活动类别，见 volctl activity categories。",
        "The new category: see volctl activity categories.",
    ),
    "opt.act_start": ("开始时间，如 08:30。", "Start time, e.g. 08:30."),
    "opt.act_end": ("结束时间，如 11:30。", "End time, e.g. 11:30."),
    "opt.act_category": (
        "活动类别（必填），见 volctl activity categories。",
        "Category (required): see volctl activity categories.",
    ),
    "opt.act_theme": (
        "主题：关爱他人、关爱社会或关爱自然。",
        "Theme: 关爱他人, 关爱社会 or 关爱自然.",
    ),
    "opt.act_team": ("组织队伍。", "The organising team."),
    "opt.act_place": ("活动地点。", "Place."),
    "opt.act_beneficiaries": (
        "服务人群，见 volctl recipient groups。",
        "Beneficiary group: see volctl recipient groups.",
    ),
    "opt.act_capacity": ("名额（人数上限）。", "Capacity (most volunteers)."),
    "opt.act_leader": ("活动负责人（志愿者）。", "Activity leader (a volunteer)."),
    "opt.act_description": ("活动内容。", "Description."),
    "opt.act_insurance": (
        "活动有风险，须先为志愿者购买保险（志愿服务条例第十七条）。",
        "The activity carries risk: volunteers need insurance first (Regulations art. 17).",
    ),
    "opt.act_served": (
        "服务的具体对象（服务对象编号或姓名），可重复。",
        "A beneficiary served (number or name); repeatable.",
    ),
    "opt.act_served_group": (
        "服务的人群及人数，如 空巢老人:12，可重复。",
        "A group served and how many people, e.g. 空巢老人:12; repeatable.",
    ),
    "opt.act_rule": (
        "规则：预设名称（third-saturday、third-week-saturday、leifeng-day 等，见命令说明）或自定义的重复规则（RRULE 写法），如 FREQ=WEEKLY;BYDAY=SA（每周六）。",
        "Rule: a preset name (third-saturday, third-week-saturday, leifeng-day…, see above) or "
        "a repeat rule in RRULE notation such as FREQ=WEEKLY;BYDAY=SA (every Saturday).",
    ),
    "opt.act_from_required": ("系列开始日期（必填）。", "First date of the series (required)."),
    "opt.act_to_required": ("系列结束日期（必填）。", "Last date of the series (required)."),
    "opt.act_from": ("从这一天起。", "From this date."),
    "opt.act_to": ("到这一天止。", "Up to this date."),
    "opt.act_team_filter": (
        "只看该队伍（含下级队伍）组织的活动。",
        "Only this team's (and its sub-teams') activities.",
    ),
    "opt.act_category_filter": ("只看该类别。", "Only this category."),
    "opt.act_status_filter": (
        "只看该状态：planned、held、cancelled。",
        "Only this status: planned, held, cancelled.",
    ),
    "opt.act_status": ("状态：planned（计划中）或 held（已举办）。", "Status: planned or held."),
    "opt.act_new_title": ("新的活动名称。", "New title."),
    "opt.act_force": (
        "超出名额也报名（记录在案）。",
        "Sign up even beyond capacity (kept on record).",
    ),
    "opt.yes": ("不询问，直接保存。", "Save without asking."),
    "opt.list_add": ("增加一项。", "Add an entry."),
    "field.activity_no": ("活动编号", "activity no."),
    "field.title": ("活动名称", "title"),
    "field.date": ("日期", "date"),
    "field.time": ("时间", "time"),
    "field.start_time": ("开始时间", "start"),
    "field.end_time": ("结束时间", "end"),
    "field.place": ("地点", "place"),
    "field.category": ("类别", "category"),
    "field.theme": ("主题", "theme"),
    "field.beneficiary_group": ("服务人群", "beneficiary group"),
    "field.capacity": ("名额", "capacity"),
    "field.signed_up": ("报名", "signed up"),
    "field.signed_up_at": ("报名时间", "signed up at"),
    "field.forced": ("超额", "over capacity"),
    "field.description": ("活动内容", "description"),
    "field.needs_insurance": ("须购买保险", "needs insurance"),
    "field.series_key": ("系列", "series"),
    "field.served_group": ("服务人群及人数", "group served"),
    "field.people": ("人数", "people"),
    "field.cancel_reason": ("取消原因", "reason cancelled"),
    "field.value": ("名称", "name"),
    "field.source": ("来源", "source"),
    "field.rule": ("规则", "rule"),
    "field.from": ("开始日期", "from"),
    "field.to": ("结束日期", "to"),
    "field.team_id": ("组织队伍", "team"),
    "field.leader_id": ("活动负责人", "leader"),
    "activity_status.planned": ("计划中", "planned"),
    "activity_status.held": ("已举办", "held"),
    "activity_status.cancelled": ("已取消", "cancelled"),
    "yes": ("是", "yes"),
    "activity.added": ("已新增活动：{activity_no} {title}", "Planned {activity_no} {title}"),
    "activity.count": ("共 {count} 个活动", "{count:~activity|activities}"),
    "activity.updated": ("已更正 {activity_no}：{fields}", "Corrected {activity_no}: {fields}"),
    "activity.unchanged": ("{activity_no} 没有变化。", "{activity_no}: nothing changed."),
    "activity.nothing_to_update": ("没有给出要修改的内容。", "Nothing to change was given."),
    "activity.summary_one": (
        "活动总结一次只能写给一个活动。",
        "A summary is written for one activity at a time.",
    ),
    "hint.activity_summary_one": (
        '例如：volctl activity update A20250315-01 --summary "……"',
        'For example: volctl activity update A20250315-01 --summary "..."',
    ),
    "hint.activity_update_options": (
        "例如：volctl activity update A20250315-01 --place 社区广场；全部选项：volctl activity update --help",
        "For example: volctl activity update A20250315-01 --place 社区广场; all options: "
        "volctl activity update --help",
    ),
    "activity.unknown_fields": (
        "不能修改的字段：{fields}",
        "Fields that cannot be changed: {fields}",
    ),
    "activity.cancelled": (
        "已取消 {activity_no} {title}（记录保留）。",
        "Cancelled {activity_no} {title} (kept on record).",
    ),
    "activity.already_cancelled": (
        "{activity_no} {title} 已经取消。",
        "{activity_no} {title} is already cancelled.",
    ),
    "activity.is_cancelled": (
        "{activity_no} {title} 已取消。",
        "{activity_no} {title} is cancelled.",
    ),
    "activity.has_records": (
        "{activity_no} 已有 {count} 条服务记录，不能取消。",
        "{activity_no} already has {count} service records and cannot be cancelled.",
    ),
    "hint.activity_has_records": (
        "如记录有误，请用 volctl log-hours void 作废这些记录后再取消。",
        "If those records are wrong, void them with volctl log-hours void first.",
    ),
    "reason.activity_status_update": (
        "这里只能改为 planned 或 held，而不是「{value}」。",
        "Only planned or held can be set here, not '{value}'.",
    ),
    "hint.activity_cancel": (
        "取消活动请用 volctl activity cancel 活动编号 --reason 原因。",
        "To cancel, use volctl activity cancel ACT --reason TEXT.",
    ),
    "reason.activity_status_unknown": (
        "状态「{value}」无效，可用：{choices}。",
        "Unknown status '{value}'; use one of {choices}.",
    ),
    "activity.leader_inactive": (
        "{volunteer_no} {name} 已停用，不能担任活动负责人。",
        "{volunteer_no} {name} is inactive and cannot lead an activity.",
    ),
    "activity.volunteer_inactive": (
        "{volunteer_no} {name} 已停用，不能报名；没有人被报名。",
        "{volunteer_no} {name} is inactive and cannot sign up; nobody was signed up.",
    ),
    "activity.over_capacity": (
        "{activity_no} 名额 {capacity} 人，已报名 {current} 人，再加 {adding} 人会超出；没有人被报名。",
        "{activity_no} takes {capacity}; {current} signed up, {adding} more would exceed it; "
        "nobody was signed up.",
    ),
    "activity.over_capacity_already": (
        "{already} 已在 {activity_no} 的名单上；{activity_no} 名额 {capacity} 人，已报名 {current} 人，"
        "其余 {adding} 人会超出；没有人被报名。",
        "{already} already on {activity_no}'s roster; {activity_no} takes {capacity}, "
        "{current} signed up, {adding} more would exceed it; nobody was signed up.",
    ),
    "hint.activity_force": (
        "确需超额时加 --force（会记录在案），或先用 activity update --capacity 调整名额。",
        "To go over anyway, add --force (kept on record), or raise it with activity update "
        "--capacity.",
    ),
    "activity.forced": (
        "超出名额（{capacity} 人）报名：{names}（已记录）",
        "Signed up beyond capacity ({capacity}): {names} (on record)",
    ),
    "activity.forced_mark": ("超额", "over"),
    "activity.double_booked": (
        "{volunteer_no} {name} 在 {date} {time} 已报名 {activity_no} {title}，时间重叠。",
        "{volunteer_no} {name} is also booked on {activity_no} {title} on {date} {time}: the times "
        "overlap.",
    ),
    "activity.already_signed_up": (
        "{volunteer_no} {name} 已在 {activity_no} 的名单上。",
        "{volunteer_no} {name} is already on {activity_no}'s roster.",
    ),
    "activity.signed_up": (
        "已为 {activity_no} 报名 {count} 人（现 {total}）。",
        "Signed {count} up for {activity_no} (now {total}).",
    ),
    "activity.not_signed_up": (
        "{volunteer_no} {name} 不在 {activity_no} 的名单上。",
        "{volunteer_no} {name} is not on {activity_no}'s roster.",
    ),
    "activity.withdrawn": (
        "已退出报名：{names}（记录保留）",
        "Withdrawn: {names} (kept on record)",
    ),
    "activity.roster_title": ("报名名单（{count} 人）", "Roster ({count})"),
    "activity.served_title": ("服务对象", "Served"),
    "activity.serve_nothing": (
        "没有给出服务对象或人群。",
        "No beneficiary or group was given.",
    ),
    "hint.activity_serve": (
        "例如：volctl activity serve A20250315-01 --recipient R000001 --group 空巢老人:12",
        "For example: volctl activity serve A20250315-01 --recipient R000001 --group 空巢老人:12",
    ),
    "activity.served_added": (
        "已记录 {count} 条服务对象，共 {people} 人次。",
        "Recorded {count:~entry|entries}, {people:~person|people} in all.",
    ),
    "activity.served_removed": (
        "已撤回服务对象记录 {id}（{group} {people} 人，记录保留）。",
        "Withdrew entry {id} ({group}, {people}; kept on record).",
    ),
    "activity.served_entry_not_found": (
        "{activity_no} 没有编号为 {id} 的服务对象记录。",
        "{activity_no} has no beneficiary entry {id}.",
    ),
    "reason.served_group_format": (
        "「{value}」应写成 人群:人数，如 空巢老人:12。",
        "'{value}' should read GROUP:N, e.g. 空巢老人:12.",
    ),
    "reason.missing_title": ("没有填写活动名称。", "The title is missing."),
    "reason.missing_category": (
        "请用 --category 指定活动类别（volctl activity categories 列出可用类别）。",
        "Give the category with --category (volctl activity categories lists them).",
    ),
    "reason.times_need_both": (
        "开始时间和结束时间要同时填写。",
        "Give both the start and the end time.",
    ),
    "reason.end_before_start": (
        "结束时间 {end} 不晚于开始时间 {start}。",
        "The end time {end} is not after the start time {start}.",
    ),
    "reason.theme_unknown": (
        "主题「{value}」无效，可用：{choices}。",
        "Unknown theme '{value}'; use one of {choices}.",
    ),
    "reason.capacity_invalid": (
        "名额应为正整数，而不是「{value}」。",
        "Capacity must be a positive whole number, not '{value}'.",
    ),
    "reason.category_unknown": (
        "不认识的活动类别「{value}」，可用：{choices}。",
        "Unknown category '{value}'; use one of {choices}.",
    ),
    "hint.category_add": (
        "如需新类别，先运行 volctl activity categories --add 名称。",
        "To add a category, run volctl activity categories --add NAME first.",
    ),
    "reason.beneficiary_group_unknown": (
        "不认识的服务人群「{value}」，可用：{choices}。",
        "Unknown beneficiary group '{value}'; use one of {choices}.",
    ),
    "hint.beneficiary_group_add": (
        "如需新人群，先运行 volctl recipient groups --add 名称。",
        "To add a group, run volctl recipient groups --add NAME first.",
    ),
    "reason.code_value_missing": ("没有给出名称。", "No name was given."),
    "code_list.added": ("已增加：{value}", "Added: {value}"),
    "code_list.exists": ("「{value}」已在列表中。", "'{value}' is already listed."),
    "code_list.builtin": ("内置", "built in"),
    "code_list.added_by_clerk": ("本地增加", "added locally"),
    "reason.served_group_count": (
        "「{value}」的人数应在 {low} 到 {high} 之间。",
        "The number of people in '{value}' must be between {low} and {high}.",
    ),
}

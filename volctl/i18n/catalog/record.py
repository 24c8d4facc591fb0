"""Training, insurance and commendations: the rest of the volunteer record."""

MESSAGES = {
    # training
    "help.training": (
        "志愿者培训：培训场次、主题和参训人员（培训时长不计入服务时长）。",
        "Training: sessions, topics and attendance (training time never counts as service).",
    ),
    "help.training.add": ("登记一次培训。", "Record a training session."),
    "help.training.list": ("列出培训。", "List training sessions."),
    "help.training.show": ("查看一次培训及参训人员。", "Show a training session and who attended."),
    "help.training.attend": (
        "登记参训人员（可一次多人）。",
        "Record who attended (several at once).",
    ),
    "help.training.topics": ("列出或增加培训主题。", "List or add training topics."),
    "arg.training": (
        "培训：编号（如 T20250310-01）或名称。",
        "The training: number (e.g. T20250310-01) or title.",
    ),
    "arg.training_title": ("培训名称。", "The training's title."),
    "opt.training_date": ("培训日期（必填）。", "Date of the training (required)."),
    "opt.training_topic": (
        "培训主题，如 志愿精神、应急救护、消防安全（见 volctl training topics）。",
        "Topic, e.g. 志愿精神, 应急救护, 消防安全 (see volctl training topics).",
    ),
    "opt.training_hours": (
        "培训时长（小时），不计入服务时长。",
        "Length in hours; never counted as service.",
    ),
    "opt.trainer": ("授课人。", "Trainer."),
    "opt.place": ("地点。", "Place."),
    "opt.initial_training": (
        "这是新志愿者的岗前（初始）培训。",
        "This is the initial training for new recruits.",
    ),
    "opt.filter_topic": ("只看这个主题。", "Only this topic."),
    "opt.add_topic": ("增加一个主题。", "Add a topic."),
    "opt.untrained": (
        "只列出还没参加过岗前培训的志愿者。",
        "Only volunteers who have had no initial training yet.",
    ),
    "training.added": (
        "已登记培训 {training_no} {title}",
        "Recorded training {training_no} {title}",
    ),
    "training.attended": (
        "{training_no}：新增参训 {count} 人。",
        "{training_no}: {count} attendees added.",
    ),
    "training.already": (
        "{volunteer_no} {name} 已登记过参训，未重复登记。",
        "{volunteer_no} {name} was already recorded; not doubled.",
    ),
    "training.attendees_title": ("参训人员", "Attended by"),
    "training.not_found": ("找不到培训「{ref}」。", "No training '{ref}'."),
    "training.ambiguous": (
        "「{ref}」对应 {count} 次培训：{candidates}，请用编号。",
        "'{ref}' matches {count} trainings: {candidates}; use the number.",
    ),
    "training.before_registration": (
        "{volunteer_no} {name} 在 {registered_on} 才登记，晚于这次培训。",
        "{volunteer_no} {name} registered on {registered_on}, after this training.",
    ),
    "col.training_no": ("编号", "no."),
    "col.date": ("日期", "date"),
    "col.title": ("名称", "title"),
    "col.topic": ("主题", "topic"),
    "col.hours": ("时长（小时）", "hours"),
    "col.trainer": ("授课人", "trainer"),
    "col.attendees": ("参训人数", "attendees"),
    "reason.hours_invalid": (
        "看不懂的小时数「{value}」，请写成 2 或 2.5。",
        "Cannot read the hours '{value}'; write 2 or 2.5.",
    ),
    "reason.hours_out_of_range": (
        "时长 {value} 小时不在 0 到 24 小时之间。",
        "{value} hours is not between 0 and 24.",
    ),
    "reason.training_topic_unknown": (
        "不认识的培训主题「{value}」，可用：{choices}。",
        "Unknown training topic '{value}'; use one of {choices}.",
    ),
    "hint.training_topic_add": (
        "新主题可以先用 volctl training topics --add 名称 增加。",
        "Add a new topic first with volctl training topics --add NAME.",
    ),
    "reason.missing_training_title": ("没有填写培训名称。", "The training's title is missing."),
    "reason.missing_commend_title": ("没有填写称号。", "The title of the commendation is missing."),
    "field.training_title": ("培训名称", "training title"),
    "field.commend_title": ("称号", "title"),
    "field.topic": ("主题", "topic"),
    "field.hours": ("时长", "hours"),
    # insurance
    "help.insurance": (
        "志愿者意外保险：登记保单，查看即将到期的保障。",
        "Accident insurance: record policies, see cover that is about to lapse.",
    ),
    "help.insurance.add": (
        "为志愿者（或整个队伍的成员）登记一份保单。",
        "Record a policy for volunteers (or all members of a team).",
    ),
    "help.insurance.list": (
        "列出保单；--expiring 30 列出 30 天内到期且未续保的。",
        "List policies; --expiring 30 lists cover ending within 30 days and not renewed.",
    ),
    "opt.insure_team": (
        "为该队伍在保险起始日的全部成员投保。",
        "Insure every member of this team on the start date.",
    ),
    "opt.insurer": ("保险公司（必填）。", "Insurer (required)."),
    "opt.policy": ("保单号（必填）。", "Policy number (required)."),
    "opt.cover_from": ("保障起始日期（默认今天）。", "Cover starts (default today)."),
    "opt.cover_to": ("保障截止日期（必填）。", "Cover ends (required)."),
    "opt.filter_volunteer": ("只看这名志愿者。", "Only this volunteer."),
    "opt.active_on": ("只看在这一天有效的保单。", "Only policies in force on this date."),
    "opt.expiring": (
        "只看这么多天内到期且未续保的保单。",
        "Only cover ending within this many days and not renewed.",
    ),
    "insurance.added": (
        "已为 {count} 名志愿者登记保单 {policy}。",
        "Recorded policy {policy} for {count:~volunteer|volunteers}.",
    ),
    "insurance.nobody": ("没有指定要投保的志愿者。", "No volunteers to insure were given."),
    "insurance.only_inactive": (
        "「{team}」的 {count} 名队员都已停用，没有可投保的志愿者。",
        "{team} has {count:~member|members}, all inactive: nobody to insure.",
    ),
    "insurance.skipped_inactive": (
        "未为 {count} 名已停用的队员投保：{names}。",
        "Left out {count:~inactive member|inactive members}: {names}.",
    ),
    "hint.insurance_nobody": (
        "列出志愿者编号，或用 --team 队伍名称。",
        "List volunteer numbers, or use --team TEAM.",
    ),
    "activity.not_insured": (
        "{volunteer_no} {name} 在 {date} 没有有效的意外保险，而活动 {activity_no} {title} 要求投保（先用 volctl insurance add 登记）。",
        "{volunteer_no} {name} has no accident insurance on {date}, and {activity_no} {title} needs it (record it with volctl insurance add).",
    ),
    "insurance.exists": (
        "{volunteer_no} {name} 已登记过保单 {policy}。",
        "{volunteer_no} {name} already has policy {policy} on record.",
    ),
    "reason.missing_insurer": ("没有填写保险公司。", "The insurer is missing."),
    "reason.missing_policy": ("没有填写保单号。", "The policy number is missing."),
    "reason.cover_end_before_start": (
        "保障截止日期早于起始日期。",
        "The cover's end date is before its start date.",
    ),
    "col.insurer": ("保险公司", "insurer"),
    "col.policy_no": ("保单号", "policy"),
    "col.start_on": ("起始", "from"),
    "col.end_on": ("截止", "to"),
    "col.days_left": ("剩余天数", "days left"),
    "field.insurer": ("保险公司", "insurer"),
    "field.policy": ("保单号", "policy"),
    "field.active_on": ("有效日期", "date in force"),
    # commendations
    "help.commend": (
        "表彰：优秀志愿者、先进集体等。",
        "Commendations: 优秀志愿者 (volunteers), 先进集体 (teams)…",
    ),
    "help.commend.add": (
        "登记一项表彰（个人用 --volunteer，集体用 --team）。",
        "Record a commendation (--volunteer for a person, --team for a team).",
    ),
    "help.commend.list": ("列出表彰。", "List commendations."),
    "help.commend.suggest": (
        "根据服务记录提出表彰建议（新达到星级、完成年度目标的最活跃志愿者、多次带队），由工作人员确认。",
        "Propose candidates from the ledger (a star level newly reached, the most active volunteers who met the target, activities led); the clerk confirms.",
    ),
    "opt.suggest_top": ("最多列出多少名志愿者。", "At most this many volunteers."),
    "commend.suggest_people": ("{year} 年度表彰建议：志愿者", "Suggested for {year}: volunteers"),
    "commend.suggest_teams": ("{year} 年度表彰建议：先进集体", "Suggested for {year}: teams"),
    "commend.suggest_confirm": (
        "以上只是建议；确认后用 volctl commend add 登记。",
        "These are only suggestions; record the ones you confirm with volctl commend add.",
    ),
    "commend.reason_star_reached": (
        "新达到 {level} 星（累计 {hours} 小时）",
        "newly reached {level} stars ({hours} hours in all)",
    ),
    "commend.reason_target_met": (
        "完成年度目标，全年 {hours} 小时（第 {rank} 名）",
        "met the yearly target with {hours} hours (rank {rank})",
    ),
    "commend.reason_activities_led": (
        "带队组织活动 {count} 次",
        "led {count:~activity|activities}",
    ),
    "col.year_hours": ("全年时长", "hours this year"),
    "col.reasons": ("理由", "reasons"),
    "col.suggested_title": ("建议称号", "suggested title"),
    "col.already": ("已获表彰", "already awarded"),
    "col.members": ("人数", "members"),
    "col.hours_per_member": ("人均时长", "hours per member"),
    "opt.commend_year": ("表彰年度（必填）。", "The year commended (required)."),
    "opt.commend_title": ("称号，如 优秀志愿者、先进集体。", "Title, e.g. 优秀志愿者, 先进集体."),
    "opt.commend_volunteer": ("受表彰的志愿者。", "The volunteer commended."),
    "opt.commend_team": ("受表彰的队伍。", "The team commended."),
    "opt.awarded_on": ("表彰日期（默认今天）。", "Date awarded (default today)."),
    "opt.awarded_by": ("表彰单位。", "Awarded by."),
    "opt.filter_year": ("只看这一年。", "Only this year."),
    "commend.added": ("已登记 {year} 年度「{title}」：{who}", "Recorded {year} {title}: {who}"),
    "commend.no_recipient": (
        "请指定获表彰的志愿者（--volunteer）或队伍（--team）。",
        "Say who is commended: a volunteer (--volunteer) or a team (--team).",
    ),
    "commend.one_recipient": (
        "请指定一名志愿者（--volunteer）或一个队伍（--team），只能二选一。",
        "Give either a volunteer (--volunteer) or a team (--team), not both.",
    ),
    "hint.commend_one_recipient": (
        "例如：volctl commend add --year 2025 --title 优秀志愿者 --volunteer V000001",
        "For example: volctl commend add --year 2025 --title 优秀志愿者 --volunteer V000001",
    ),
    "commend.exists": (
        "{who} 已有 {year} 年度「{title}」表彰。",
        "{who} already has the {year} {title} commendation.",
    ),
    "col.year": ("年度", "year"),
    "col.team": ("队伍", "team"),
    "col.awarded_on": ("日期", "awarded"),
    "col.awarded_by": ("表彰单位", "by"),
    "field.year": ("年度", "year"),
    "field.awarded_on": ("表彰日期", "date awarded"),
    "reason.awarded_before_year": (
        "表彰日期 {on} 早于所表彰的 {year} 年。",
        "The award date {on} is before the year it commends ({year}).",
    ),
}

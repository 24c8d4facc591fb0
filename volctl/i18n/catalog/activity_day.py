"""Activities in the clerk's day: several at once, what was recorded, states that cannot be
true (``volctl activity update/cancel/show/schedule``)."""

MESSAGES = {
    "arg.acts": (
        "一项或多项活动：活动编号或唯一的标题；可用逗号分隔。",
        "One or more activities: number or unique title; comma lists too.",
    ),
    "opt.all_past_planned": (
        "选中所有日期已过但仍是「计划中」的活动。",
        "Every activity whose date has passed and that is still planned.",
    ),
    "activity.none_chosen": (
        "请给出活动编号，或用 --all-past-planned 选中日期已过仍在计划中的活动。",
        "Name the activities, or use --all-past-planned for those past their date and still "
        "planned.",
    ),
    "activity.none_past_planned": (
        "没有日期已过而仍是「计划中」的活动。",
        "No activity is past its date and still planned.",
    ),
    "reason.held_in_future": (
        "活动 {activity_no} 的日期是 {date}，还没到，不能标记为已举办。",
        "Activity {activity_no} is dated {date}, which has not come yet: it cannot be held.",
    ),
    "hint.held_in_future": (
        "到了活动日期再标记；记录服务时长时会自动标记为已举办。",
        "Mark it held on or after its date; recording hours for it marks it held.",
    ),
    "field.series": ("系列规则", "series rule"),
    "activity.no_records": ("（尚未记录服务时长）", "(no service hours recorded yet)"),
    "activity.records_title": (
        "服务记录：{count} 人次，合计 {hours} 小时",
        "Service recorded: {count:~participation|participations}, {hours} hours in all",
    ),
    "schedule.created_title": (
        "新建的 {count} 项活动",
        "The {count:~activity|activities} created",
    ),
}

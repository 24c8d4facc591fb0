"""Schedules of activities, holidays, and the sign-in sheet."""

MESSAGES = {
    "schedule.rule_unknown": (
        "不认识的规则「{value}」：既不是预设名称，也不是 RRULE（FREQ=…）。",
        "Unknown rule '{value}': neither a preset nor an RRULE (FREQ=…).",
    ),
    "hint.schedule_rules": (
        "预设：{presets}；或写 RRULE，如 FREQ=WEEKLY;BYDAY=SA（每周六）。",
        "Presets: {presets}; or an RRULE such as FREQ=WEEKLY;BYDAY=SA (every Saturday).",
    ),
    "schedule.rule_invalid": (
        "规则「{value}」有误：{reason}",
        "The rule '{value}' is wrong: {reason}",
    ),
    "schedule.rule_frequency": (
        "规则的频率「{value}」不适用于活动；请用 YEARLY、MONTHLY、WEEKLY 或 DAILY。",
        "The frequency '{value}' does not suit activities; use YEARLY, MONTHLY, WEEKLY or DAILY.",
    ),
    "schedule.too_many": (
        "这条规则产生超过 {limit} 个日期，请缩短时间范围。",
        "This rule gives more than {limit} dates; shorten the range.",
    ),
    "schedule.no_dates": (
        "这条规则在 {first} 到 {last} 之间没有任何日期。",
        "The rule gives no date from {first} to {last}.",
    ),
    "schedule.preview_title": ("「{title}」：{rule}", "'{title}': {rule}"),
    "schedule.preview_caption": (
        "新建 {new} 个，已存在 {existing} 个",
        "{new} new, {existing} already there",
    ),
    "schedule.state_new": ("新建", "new"),
    "schedule.state_exists": ("已存在", "exists"),
    "schedule.state_created": ("已创建", "created"),
    "schedule.flag_holiday": ("法定节假日：{name}", "public holiday: {name}"),
    "schedule.flag_workday": ("调休上班日（{name}）", "make-up working day ({name})"),
    "schedule.year_uncovered": (
        "没有 {year} 年的节假日安排，无法标出节假日；国务院公布后可用 volctl activity holidays --add 日期 --name 名称 录入。",
        "No holiday calendar for {year}: holidays cannot be flagged. Once the State Council "
        "publishes it, enter it with volctl activity holidays --add DATE --name NAME.",
    ),
    "schedule.confirm": ("保存这 {count} 个新活动？", "Save these {count} new activities?"),
    "schedule.not_saved": ("未保存，台账没有改动。", "Not saved; the roster is unchanged."),
    "schedule.saved": (
        "已创建 {count} 个活动（已存在 {existing} 个，未重复创建）。",
        "Created {count:~activity|activities} ({existing} already there, not duplicated).",
    ),
    "schedule.nothing_new": (
        "这些日期的活动都已存在（{existing} 个），没有新建。",
        "Every date is already there ({existing}); nothing to create.",
    ),
    "schedule.holidays_title": ("{year} 年节假日", "Holidays in {year}"),
    "schedule.covered": (
        "内置日历覆盖 {first}–{last} 年；其他年份请自行录入。",
        "The bundled calendar covers {first}–{last}; enter other years yourself.",
    ),
    "schedule.kind_holiday": ("放假", "holiday"),
    "schedule.kind_workday": ("调休上班", "make-up working day"),
    "schedule.source_roster": ("本台账录入", "entered in this roster"),
    "schedule.source_chinesecalendar": ("内置日历", "bundled calendar"),
    "schedule.holiday_added": ("已录入 {date} {name}", "Entered {date} {name}"),
    "schedule.holiday_removed": ("已删除本台账录入的 {date}", "Removed {date} from this roster"),
    "schedule.holiday_not_found": (
        "本台账没有录入 {day}。",
        "{day} was not entered in this roster.",
    ),
    "schedule.holiday_name_missing": (
        "请用 --name 给出节日名称，如 国庆节。",
        "Give the holiday's name with --name, e.g. 国庆节.",
    ),
    "schedule.holiday_kind": ("类型「{value}」无效。", "Unknown kind '{value}'."),
    "opt.holiday_year": ("年份（默认今年）。", "Year (default this year)."),
    "opt.holiday_add": ("录入这一天。", "Enter this day."),
    "opt.holiday_name": ("节日名称，如 国庆节。", "The holiday's name, e.g. 国庆节."),
    "opt.holiday_workday": (
        "这一天是调休上班日，而不是放假。",
        "The day is a make-up working day, not a holiday.",
    ),
    "opt.holiday_remove": ("删除本台账录入的这一天。", "Remove this day from the roster's table."),
    "field.weekday": ("星期", "weekday"),
    "weekday.1": ("周一", "Mon"),
    "weekday.2": ("周二", "Tue"),
    "weekday.3": ("周三", "Wed"),
    "weekday.4": ("周四", "Thu"),
    "weekday.5": ("周五", "Fri"),
    "weekday.6": ("周六", "Sat"),
    "weekday.7": ("周日", "Sun"),
    "field.state": ("状态", "state"),
    "field.holiday": ("节假日", "holiday"),
    "field.holiday_name": ("节日", "holiday"),
    "field.kind": ("类型", "kind"),
    "opt.sheet_output": (
        "签到表文件（.xlsx，必填）。",
        "The sign-in sheet file (.xlsx, required).",
    ),
    "opt.sheet_blank": (
        "名单后留几行空白，供现场报名的志愿者填写（默认 5）。",
        "Blank rows after the roster for walk-ins (default 5).",
    ),
    "sheet.written": (
        "已写入签到表 {path}（{count} 人）",
        "Sign-in sheet written to {path} ({count:~volunteer|volunteers})",
    ),
}

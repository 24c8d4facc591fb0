"""volctl report: the year-end summary, one volunteer's record, hours, targets, stars, cover."""

MESSAGES = {
    # ------------------------------------------------------------------ help
    "help.report": (
        "统计报表：年终总结、个人服务记录、服务时长、年度目标、星级和保险到期。",
        "Reports: the year-end summary, a volunteer's record, hours, the yearly target, stars "
        "and lapsing insurance.",
    ),
    "help.report.summary": (
        "年终总结，并与上年比较。内容包括队伍、注册和新注册志愿者、参加服务人数与服务人次、活动、服务时长、达标人数、参与率、星级、服务对象、培训、表彰、最活跃和未参加服务的志愿者。--team 只统计该队伍及其下属队伍（按当年的队员关系）。--format md 输出可粘贴进年终总结的 Markdown；-o 文件.xlsx 写入带图表的工作簿；--form -o 文件.xlsx 写入正式的《年度志愿服务工作总结表》。",
        "The year-end summary, with the year before beside it. Teams, volunteers registered and "
        "newly registered, who served and how many participations (人次), activities, hours, "
        "who met the target, the participation rate, stars, beneficiaries, training, "
        "commendations, the most active and the dormant volunteers. --team counts that team "
        "and the teams under it, with memberships as they were that year. --format md gives "
        "Markdown to paste into a 年终总结; -o FILE.xlsx writes a workbook with charts; --form "
        "-o FILE.xlsx writes the official 年度志愿服务工作总结表.",
    ),
    "help.report.volunteer": (
        "一名志愿者的服务记录，是出具服务证明的依据。包括每次服务、各年度时长、累计时长和星级、所在队伍、培训、表彰和保险。",
        "One volunteer's record, the basis of a certificate. Every service, hours per year, "
        "cumulative hours and star level, teams, training, commendations and insurance.",
    ),
    "help.report.hours": (
        "服务时长统计：按月份、队伍、活动类别、主题或志愿者分组，任意时间段（默认今年）。",
        "Service hours by month, team, category, theme or volunteer, over any period "
        "(default: this year).",
    ),
    "help.report.target": (
        "未达到年度服务目标的志愿者，按队伍汇总。目标默认 48 小时（见设置 target_hours 或 --hours），逐人列出还差多少小时。",
        "Who is below the yearly target, by team. The target is 48 hours unless the "
        "target_hours setting or --hours says otherwise; each is listed with the hours short.",
    ),
    "help.report.stars": (
        "按累计服务时长评定的星级，以及本年新达到星级的人。门槛见设置 star_thresholds；新达到星级的人即表彰名单。",
        "Star levels by cumulative service hours, and who newly reached one in the year. The "
        "thresholds are the star_thresholds setting; the newly reached are the commendation "
        "list.",
    ),
    "help.report.insurance": (
        "即将到期的意外保险。列出若干天内到期且未续保的在册志愿者，附联系电话（打码）和队伍。",
        "Accident insurance about to lapse. Active volunteers whose cover ends within the days "
        "given and has not been renewed, with their phone (masked) and team.",
    ),
    # ------------------------------------------------------------------ options
    "opt.report_year": (
        "统计年度（默认今年；当年未结束时统计到今天）。",
        "The year (default: this year, counted to today while it runs).",
    ),
    "opt.report_volunteer_year": (
        "只列出这一年的服务记录（各年度合计和累计时长照常显示）。",
        "List only this year's services (the yearly totals and cumulative hours still show).",
    ),
    "opt.report_hours_year": (
        "统计这一整年（不能与 --from/--to 同时使用）。",
        "This whole year (instead of --from/--to).",
    ),
    "opt.report_team": (
        "只统计该队伍及其下属队伍：服务按服务当天所在队伍计，人员按年末（或今天）所在队伍计。",
        "Only this team and the teams under it: service counts where the volunteer was on "
        "the day, people where they are at the year's end (or today).",
    ),
    "opt.report_top": (
        "列出服务时长前 N 名（默认 10）。",
        "List the N volunteers with the most hours (default 10).",
    ),
    "opt.report_summary_format": (
        "输出格式：table（表格，默认）、json、csv 或 md（可粘贴进年终总结的 Markdown）。",
        "Output format: table (default), json, csv or md (Markdown for a 年终总结).",
    ),
    "opt.report_summary_output": (
        "写入文件：.xlsx 为每表一页、带图表的工作簿（加 --form 为正式总结表），其他文件按 --format（或文件后缀 .md/.json/.csv）写入。",
        "Write to a file: .xlsx gives a workbook with a sheet per table and charts (with "
        "--form, the official form); any other file gets --format (or the .md/.json/.csv its "
        "name ends in).",
    ),
    "opt.report_form": (
        "写入正式的《年度志愿服务工作总结表》（A4，需要 -o 文件.xlsx）。",
        "Write the official 年度志愿服务工作总结表 (A4; needs -o FILE.xlsx).",
    ),
    "opt.report_by": (
        "分组方式：month（月份）、team（队伍）、category（活动类别）、theme（主题）或 volunteer（志愿者）。",
        "Group by month, team, category, theme or volunteer.",
    ),
    "opt.report_from": (
        "起始日期（默认截止日期所在年份的 1 月 1 日）。",
        "First day (default: January 1 of the last day's year).",
    ),
    "opt.report_to": ("截止日期（默认今天）。", "Last day (default: today)."),
    "opt.report_target_hours": (
        "年度服务目标小时数（默认取设置 target_hours，通常为 48）。",
        "The yearly target in hours (default: the target_hours setting, usually 48).",
    ),
    "opt.report_expiring": (
        "列出多少天内到期的保险（默认 30 天）。",
        "List cover that ends within this many days (default 30).",
    ),
    # ------------------------------------------------------------------ refusals and notices
    "report.year_out_of_range": (
        "年份 {value} 不在 {first} 至 {last} 年之间。",
        "The year {value} is not between {first} and {last}.",
    ),
    "report.output_suffix": (
        "不能写入 {path}：报表文件名须以 {accepted} 之一结尾（文件名决定写入的格式）。",
        "Cannot write {path}: a report's file name must end in one of {accepted} (the name "
        "says which format is written).",
    ),
    "report.year_or_range": (
        "--year 与 --from/--to 只能选一种。",
        "Give either --year or --from/--to, not both.",
    ),
    "report.by_unknown": (
        "无法按「{value}」分组，可选：{choices}。",
        "Cannot group by '{value}'; choose one of {choices}.",
    ),
    "report.target_invalid": (
        "目标小时数 {value} 无效：应大于 0 且不超过一年的小时数。",
        "The target {value} is not valid: it must be above 0 and at most a year's hours.",
    ),
    "report.days_invalid": (
        "天数 {value} 无效：应在 0 到 {limit} 之间。",
        "The number of days {value} is not valid: it must be from 0 to {limit}.",
    ),
    "report.form_needs_xlsx": (
        "--form 需要用 -o 指定一个 .xlsx 文件。",
        "--form needs -o with an .xlsx file.",
    ),
    "report.form_written": ("已写入《{title}》：{path}", "Wrote the {title} to {path}"),
    "report.partial_year": (
        "{year} 年尚未结束：数据统计到 {as_of}。",
        "{year} is not over yet: the figures run to {as_of}.",
    ),
    "report.unconfirmed": (
        "{year} 年有 {count} 项活动日期已过但仍是「计划中」，未计入活动次数：开展了的请用 volctl activity update 活动编号 --status held 标记，未开展的请取消。",
        "{count:~activity|activities} of {year} {count:?is|are} past the date but still planned, "
        "so not counted: mark those held with volctl activity update ACT --status held, cancel the "
        "others.",
    ),
    "report.insurance_none": (
        "没有 {days} 天内到期且未续保的保险。",
        "No cover ends within {days} days without a renewal.",
    ),
    "report.more_rows": (
        "……另有 {count} 人：完整名单请用 --format csv 或 -o 文件.xlsx 导出。",
        "… and {count} more: --format csv or -o FILE.xlsx gives the whole list.",
    ),
    "report.next_star": ("距{level}还差 {hours} 小时", "{hours} h to {level}"),
    "report.whole_roster": ("全部队伍", "the whole roster"),
    "report.empty_section": ("{title}：无", "{title}: none"),
    "report.all_years": ("全部年度", "all years"),
    "report.no_team": ("未编入队伍", "(no team)"),
    "report.no_theme": ("未填写主题", "(no theme)"),
    "field.by": ("分组方式", "group by"),
    "field.target_hours": ("目标小时数", "target hours"),
    "field.days": ("天数", "days"),
    # ------------------------------------------------------------------ titles
    "report.title.summary": (
        "{year} 年度志愿服务总结：{scope}（统计截至 {as_of}）",
        "Volunteer service in {year}: {scope} (as of {as_of})",
    ),
    "report.title.hours": (
        "服务时长：{scope}，{first} 至 {last}，按{by}",
        "Service hours: {scope}, {first} to {last}, by {by}",
    ),
    "report.caption.hours": (
        "合计：{volunteers} 人参加服务 {participations} 人次，共 {hours} 小时",
        "In all: {volunteers:~volunteer|volunteers}, {participations:~participation|participations}, {hours} hours",
    ),
    "report.by.month": ("月份", "month"),
    "report.by.team": ("队伍", "team"),
    "report.by.category": ("活动类别", "category"),
    "report.by.theme": ("主题", "theme"),
    "report.by.volunteer": ("志愿者", "volunteer"),
    "report.title.target": (
        "{year} 年度服务目标 {target} 小时：{scope}，{volunteers} 名在册志愿者中 {met} 人达标、{below} 人未达标（截至 {as_of}）",
        "The {year} target of {target} hours: {scope}, {met} of {volunteers} registered "
        "volunteers met it, {below} are below (as of {as_of})",
    ),
    "report.title.stars": (
        "星级志愿者：{scope}，截至 {as_of}（一至五星门槛 {thresholds} 小时）",
        "Star volunteers: {scope}, as of {as_of} (thresholds {thresholds} hours)",
    ),
    "report.title.volunteer": (
        "{volunteer_no} {name} 的志愿服务记录",
        "Volunteer service record of {volunteer_no} {name}",
    ),
    "report.title.insurance": (
        "{days} 天内到期且未续保的保险：{count} 份",
        "Cover ending within {days} days, not renewed: {count}",
    ),
    "report.caption.services": (
        "服务 {participations} 人次，共 {hours} 小时",
        "{participations:~participation|participations}, {hours} hours",
    ),
    # ------------------------------------------------------------------ sections
    "report.section.overview": ("总体情况", "Overview"),
    "report.section.by_month": ("各月服务情况", "By month"),
    "report.section.by_category": ("按活动类别统计", "By category"),
    "report.section.by_theme": ("按主题统计", "By theme"),
    "report.section.by_team": ("按队伍统计", "By team"),
    "report.section.beneficiaries": ("服务对象", "Beneficiaries"),
    "report.section.by_community": ("各社区（分队）情况", "By community"),
    "report.col.community": ("社区", "community"),
    "report.section.stars": ("星级志愿者", "Star levels"),
    "report.section.top_volunteers": ("服务时长前 {n} 名", "The {n} most active volunteers"),
    "report.section.dormant": (
        "本年未参加服务的志愿者（{n} 人）",
        "Registered, no service this year ({n})",
    ),
    "report.section.target_by_team": ("按队伍", "By team"),
    "report.section.below_target": ("未达标的志愿者（{count} 人）", "Below the target ({count})"),
    "report.section.newly_reached": (
        "{year} 年新达到星级（{count} 人，表彰名单）",
        "Newly reached a level in {year} ({count}): the commendation list",
    ),
    "report.section.starred": ("全部星级志愿者（{count} 人）", "All star volunteers ({count})"),
    "report.section.teams": ("所在队伍", "Teams"),
    "report.section.by_year": ("各年度服务", "By year"),
    "report.section.services": ("服务记录（{scope}）", "Services ({scope})"),
    "report.section.trainings": ("培训（不计入服务时长）", "Training (never counted as service)"),
    "report.section.commendations": ("表彰", "Commendations"),
    "report.section.insurance": ("意外保险", "Accident insurance"),
    # ------------------------------------------------------------------ figures
    "report.figure.teams": ("志愿服务队伍（支）", "teams"),
    "report.figure.volunteers_registered": (
        "年末注册志愿者（人）",
        "volunteers registered at the year's end",
    ),
    "report.figure.volunteers_new": ("本年新注册志愿者（人）", "newly registered this year"),
    "report.figure.volunteers_serving": ("参加服务的志愿者（人）", "volunteers who served"),
    "report.figure.participation_rate": ("参与率（%）", "participation rate (%)"),
    "report.figure.participations": ("服务人次", "participations (人次)"),
    "report.figure.activities": ("开展活动（次）", "activities held"),
    "report.figure.hours": ("服务时长（小时）", "service hours"),
    "report.figure.hours_per_serving_volunteer": (
        "人均服务时长（小时）",
        "hours per volunteer who served",
    ),
    "report.figure.met_target": (
        "达到年度目标（{target}小时）的志愿者（人）",
        "volunteers who met the {target}-hour target",
    ),
    "report.figure.stars_total": ("星级志愿者（人）", "star volunteers"),
    "report.figure.stars_new_total": ("本年新晋星级（人）", "newly reached a star level"),
    "report.figure.dormant": ("本年未参加服务（人）", "registered, no service this year"),
    "report.figure.beneficiaries": ("服务对象（人次）", "people served (人次)"),
    "report.figure.trainings_held": ("开展培训（场）", "training sessions held"),
    "report.figure.people_trained": ("参加培训（人）", "volunteers trained"),
    "report.figure.commendations_given": ("获得表彰（项）", "commendations"),
    "report.figure.cumulative_hours": ("累计服务时长（小时）", "cumulative hours"),
    "report.figure.next_star": ("下一星级", "next level"),
    "report.level.1": ("一星", "1 star"),
    "report.level.2": ("二星", "2 stars"),
    "report.level.3": ("三星", "3 stars"),
    "report.level.4": ("四星", "4 stars"),
    "report.level.5": ("五星", "5 stars"),
    # ------------------------------------------------------------------ columns
    "report.col.figure": ("指标", "figure"),
    "report.col.year": ("{year}年", "{year}"),
    "report.col.year_plain": ("年度", "year"),
    "report.col.change": ("增减", "change"),
    "report.col.month": ("月份", "month"),
    "report.col.activities": ("活动次数", "activities"),
    "report.col.participations": ("服务人次", "participations"),
    "report.col.hours": ("服务时长（小时）", "hours"),
    "report.col.category": ("活动类别", "category"),
    "report.col.theme": ("主题", "theme"),
    "report.col.team": ("队伍", "team"),
    "report.col.level": ("层级", "level"),
    "report.col.members": ("队员（人）", "members"),
    "report.col.volunteers": ("参加服务（人）", "served"),
    "report.col.registered": ("在册志愿者（人）", "registered"),
    "report.col.group": ("服务对象类别", "group"),
    "report.col.people_served": ("服务对象人次", "people served"),
    "report.col.recipients": ("登记的服务对象（人）", "named beneficiaries"),
    "report.col.star_level": ("星级", "stars"),
    "report.col.previous_level": ("原星级", "was"),
    "report.col.threshold": ("累计时长标准（小时）", "threshold (hours)"),
    "report.col.star_volunteers": ("人数", "volunteers"),
    "report.col.star_new": ("本年新达到", "new this year"),
    "report.col.rank": ("名次", "rank"),
    "report.col.cumulative_hours": ("累计时长（小时）", "cumulative hours"),
    "report.col.hours_before": ("上年末累计（小时）", "hours a year before"),
    "report.col.year_hours": ("本年时长（小时）", "hours this year"),
    "report.col.last_service": ("最近一次服务", "last served"),
    "report.col.met": ("达标（人）", "met"),
    "report.col.below": ("未达标（人）", "below"),
    "report.col.hours_short": ("差额（小时）", "hours short"),
    "report.col.role": ("职务", "role"),
    "report.col.joined_on": ("加入日期", "joined"),
    "report.col.left_on": ("离开日期", "left"),
    "report.col.date": ("日期", "date"),
    "report.col.activity_no": ("活动编号", "activity no."),
    "report.col.activity": ("活动", "activity"),
    "report.col.attendance": ("出勤", "attendance"),
    "report.col.content": ("服务内容", "content"),
    "report.col.recorder": ("记录人", "recorder"),
    "report.col.training": ("培训", "training"),
    "report.col.topic": ("主题", "topic"),
    "report.col.commendation": ("表彰", "commendation"),
    "report.col.awarded_by": ("表彰单位", "by"),
    "report.col.insurer": ("保险公司", "insurer"),
    "report.col.policy_no": ("保单号", "policy"),
    "report.col.start_on": ("起始", "from"),
    "report.col.end_on": ("截止", "to"),
    "report.col.days_left": ("剩余天数", "days left"),
}

"""Printed papers: official papers in full or masked, the activity record, the new forms."""

MESSAGES = {
    "opt.mask": (
        "官方表格（志愿服务记录证明、志愿者服务登记表、上报名册、队伍登记表）默认打印完整的"
        "身份证号和手机号；加 --mask 则打码，用作留存或传阅的副本。",
        "Official papers (certificates, the registration form, rosters sent upward, the team "
        "register) print identity numbers and phones in full; --mask masks them, for a copy.",
    ),
    "paper.personal_data": (
        "{path} 含完整的身份证号、手机号等个人信息，仅本人可读；需要不含这些信息的副本时加 "
        "--mask。",
        "{path} holds personal data (identity numbers and phones in full) and is readable by "
        "you only; add --mask for a copy without them.",
    ),
    "opt.export_activity": (
        "活动（编号或唯一的名称，可重复或用逗号分隔）：活动记录只填这些活动。",
        "The activity (number or unique title; repeat or comma-separate): the activity record "
        "for these activities only.",
    ),
    "opt.act_summary": (
        "活动总结：活动的成效和总结，印在活动记录上。",
        "The activity's summary (results, what was achieved), printed on its activity record.",
    ),
    "field.summary": ("活动总结", "summary"),
    "export.no_activities": (
        "{first} 至 {last} 没有已开展的活动，没有活动记录可填。",
        "No activity was held from {first} to {last}: there is no activity record to fill in.",
    ),
    "hint.export_activities": (
        "用 --from/--to 或 --year 换一个期间，或用 --activity 指定活动。",
        "Choose another period with --from/--to or --year, or name activities with --activity.",
    ),
}

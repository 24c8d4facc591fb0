"""Activities."""

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
}

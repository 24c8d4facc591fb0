"""Volunteers named many at a time: ranges and comma lists (``volctl.roster.refs``)."""

MESSAGES = {
    "refs.range_reversed": (
        "范围 {range} 的起止颠倒了：应从较小的编号写起（如 {first}-…）。",
        "The range {range} runs backwards: start from the lower number ({first}-…).",
    ),
    "refs.range_end_unknown": (
        "范围 {range} 的一端 {end} 不在台账上。",
        "The range {range} ends at {end}, which is not on the roster.",
    ),
    "hint.refs_range": (
        "范围的两端都须是已登记的志愿者编号；用 volctl register list 查看编号。",
        "Both ends of a range must be registered volunteer numbers; see volctl register list.",
    ),
    "refs.range_too_long": (
        "范围 {range} 包含的志愿者超过 {limit} 人，可能是笔误。",
        "The range {range} names more than {limit} volunteers: a typo?",
    ),
}

"""Joining and leaving teams: overlaps refused, a leave undone (``volctl.roster.memberships``)."""

MESSAGES = {
    "opt.team_leave_undo": (
        "撤销误录的退出：重新开启该次退出所结束的成员记录（不另起一条，不会重复计算日期）。",
        "Undo a leave entered by mistake: the membership it ended is open again (no second "
        "membership, so no day is counted twice).",
    ),
    "team.undo_with_on": (
        "--undo 撤销的是上一次退出，不需要 --on。",
        "--undo undoes the last leave; it takes no --on.",
    ),
    "team.leave_undone": (
        "已撤销 {volunteer_no} {name} 于 {on} 退出 {team} 的记录：自 {joined_on} 起仍是{role}。",
        "Undid {volunteer_no} {name}'s leave from {team} on {on}: {role} since {joined_on}.",
    ),
    "team.membership_overlap": (
        "{volunteer_no} {name} 曾于 {joined_on} 至 {left_on} 在 {team}；自 {since} 起再加入会与那段记录重叠。",
        "{volunteer_no} {name} was in {team} from {joined_on} until {left_on}; joining again "
        "from {since} would overlap that membership.",
    ),
    "hint.team_leave_undo": (
        "如果那次退出是误录，请用 volctl team leave 队伍 志愿者 --undo 撤销；如果确是后来重新加入，请把 --since 写成重新加入的日期。",
        "If that leave was a mistake, undo it: volctl team leave TEAM VOL --undo; if they "
        "really came back later, give the day they came back as --since.",
    ),
    "team.undo_still_member": (
        "{volunteer_no} {name} 目前仍是 {team} 的成员，没有可撤销的退出。",
        "{volunteer_no} {name} is still a member of {team}: there is no leave to undo.",
    ),
    "team.undo_ended_by_move": (
        "{volunteer_no} {name} 在 {team} 的成员记录于 {left_on} 因调往其他队伍而结束，不是退出，不能撤销；如需调回，请用 team join --move。",
        "{volunteer_no} {name}'s membership of {team} ended on {left_on} with a move to "
        "another team, not a leave; to move back, use team join --move.",
    ),
    "team.undo_ended_by_role_change": (
        "{volunteer_no} {name} 在 {team} 的成员记录于 {left_on} 因角色变更而结束，不是退出，不能撤销。",
        "{volunteer_no} {name}'s membership of {team} ended on {left_on} with a change of "
        "role, not a leave; it cannot be undone.",
    ),
    "team.undo_ended_by_dissolve": (
        "{team} 已撤销，{volunteer_no} {name} 的成员记录于 {left_on} 随之结束，不能撤销。",
        "{team} was dissolved and {volunteer_no} {name}'s membership ended with it on "
        "{left_on}; it cannot be undone.",
    ),
}

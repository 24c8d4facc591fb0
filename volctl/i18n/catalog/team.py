"""volctl team: the hierarchy, responsible people, dated memberships."""

MESSAGES = {
    "help.team": (
        "队伍：大队、中队、分队、服务队、服务组的层级，负责人、联系人和成员（按日期记录加入和退出）。",
        "Teams: the hierarchy of 大队/中队/分队/服务队/服务组, responsible people, and dated "
        "memberships.",
    ),
    "help.team.add": (
        "新建队伍。层级只能挂在更高一级之下：中队在大队下，分队在大队或中队下，服务队在大队、中队或分队下（也可独立），服务组在服务队或分队下。",
        "Create a team. A level sits only under a higher one: 中队 under 大队, 分队 under 大队 "
        "or 中队, 服务队 under 大队/中队/分队 (or at the top), 服务组 under 服务队 or 分队.",
    ),
    "help.team.update": (
        "更正队伍信息：改名、改层级、调整上级（--top 设为顶层）、更换负责人或联系人。",
        "Correct a team: rename, change level, move under another parent (--top: to the top), "
        "change its responsible person or contact.",
    ),
    "help.team.list": (
        "列出全部队伍及其人数（本队人数和含下级的合计）。",
        "List every team with its members (own, and rolled up with the teams under it).",
    ),
    "help.team.tree": (
        "以树形显示队伍层级，每一级显示含下级的成员合计。",
        "Draw the team hierarchy as a tree, with member counts rolled up at every level.",
    ),
    "help.team.show": (
        "查看一支队伍：负责人、联系人、下级队伍和成员名单（--history 含已退出成员）。",
        "Show one team: responsible person, contact, sub-teams and members (--history: former "
        "members too).",
    ),
    "help.team.join": (
        "让志愿者加入队伍（按日期记录）；已在队的成员换角色也用此命令，历史保留。--move 同时退出其他队伍。",
        "Add volunteers to a team from a date; for a member, a new role is a dated change with "
        "history kept. --move also ends their other memberships that day.",
    ),
    "help.team.leave": (
        "志愿者退出队伍（记录退出日期，历史保留）。",
        "End volunteers' membership of a team on a date (history is kept).",
    ),
    "arg.team": ("队伍名称（或编号）。", "The team's name (or id)."),
    "arg.team_name": ("新队伍的名称。", "The new team's name."),
    "arg.vols": (
        "一名或多名志愿者：编号、身份证号、手机号或唯一的姓名；可用逗号分隔，编号可写成范围（V000018-V000020）。",
        "One or more volunteers: number, identity number, phone or unique name; comma lists and "
        "ranges of numbers (V000018-V000020) too.",
    ),
    "opt.team_level": (
        "层级：大队、中队、分队、服务队、服务组（必填）。",
        "Level: 大队, 中队, 分队, 服务队 or 服务组 (required).",
    ),
    "opt.team_parent": ("上级队伍。", "The team above this one."),
    "opt.team_top": ("设为顶层队伍（没有上级）。", "Make it a top-level team (no parent)."),
    "opt.team_leader": ("负责人（在册志愿者）。", "Responsible person (负责人): a volunteer."),
    "opt.team_contact": ("联系人（在册志愿者）。", "Contact person (联系人): a volunteer."),
    "opt.team_unit": ("所属单位。", "The unit it belongs to (所属单位)."),
    "opt.team_office_phone": ("办公电话。", "Office phone."),
    "opt.team_base": ("服务基地。", "Service base (服务基地)."),
    "opt.team_founded_on": ("成立日期。", "Date founded."),
    "opt.team_rename": ("新名称。", "New name."),
    "opt.team_on_date": (
        "按这一天的成员计算（默认今天）。",
        "Count members as they were on this date (default today).",
    ),
    "opt.team_history": ("同时列出已退出的成员。", "List former members too."),
    "opt.team_role": (
        "角色：队长、副队长或队员（默认队员）。",
        "Role: 队长, 副队长 or 队员 (default).",
    ),
    "opt.team_since": ("加入日期（默认今天）。", "Date joined (default today)."),
    "opt.team_move": (
        "调队：同一天结束这些志愿者在其他队伍的成员身份。",
        "A move: end these volunteers' other memberships on the same day.",
    ),
    "opt.team_leave_on": ("退出日期（默认今天）。", "Date they left (default today)."),
    "field.team": ("队伍", "team"),
    # A team's stored fields where the shared label means something else (volctl/i18n
    # field_label): its leader is the team's 负责人, not an activity's.
    "team_field.name": ("队伍名称", "team name"),
    "team_field.parent_id": ("上级队伍", "parent team"),
    "team_field.leader_id": ("负责人", "responsible person"),
    "team_field.contact_id": ("联系人", "contact"),
    "field.id": ("编号", "id"),
    "field.level": ("层级", "level"),
    "field.parent": ("上级队伍", "parent team"),
    "field.leader": ("负责人", "responsible person"),
    "field.leader_name": ("负责人", "responsible person"),
    "field.contact": ("联系人", "contact"),
    "field.contact_name": ("联系人", "contact"),
    "field.unit": ("所属单位", "unit"),
    "field.base": ("服务基地", "service base"),
    "field.founded_on": ("成立日期", "founded"),
    "field.members": ("本队人数", "members"),
    "field.members_total": ("含下级合计", "with sub-teams"),
    "field.subteams": ("下级队伍", "sub-teams"),
    "field.role": ("角色", "role"),
    "field.joined_on": ("加入日期", "joined"),
    "field.left_on": ("退出日期", "left"),
    "field.left_teams": ("同时退出", "left"),
    "field.on": ("日期", "date"),
    "field.volunteers": ("志愿者", "volunteers"),
    "team_status.active": ("正常", "active"),
    "team_status.dissolved": ("已撤销", "dissolved"),
    "team.added": ("已新建队伍：{name}（{level}）", "Created the team {name} ({level})"),
    "team.updated": ("已更正 {name}：{fields}", "Corrected {name}: {fields}"),
    "team.unchanged": ("{name} 的信息没有变化。", "{name}: nothing changed."),
    "team.nothing_to_update": ("没有给出要修改的内容。", "Nothing to change was given."),
    "hint.team_update_options": (
        "例如：volctl team update 东湖社区分队 --leader V000001；全部选项：volctl team update --help",
        "For example: volctl team update 东湖社区分队 --leader V000001; all options: "
        "volctl team update --help",
    ),
    "team.top_and_parent": (
        "--top 和 --parent 不能同时使用。",
        "--top and --parent cannot be used together.",
    ),
    "team.count": ("共 {count} 支队伍（人数按 {on}）", "{count:~team|teams} (members on {on})"),
    "team.none": (
        "还没有队伍；用 volctl team add 新建。",
        "No teams yet; create one with volctl team add.",
    ),
    "team.tree_title": ("队伍层级（人数按 {on}）", "Teams (members on {on})"),
    "team.tree_counts": (
        "本队 {members} 人，含下级 {total} 人",
        "{members:~member|members}, {total} in all",
    ),
    "team.tree_leader": ("负责人：{name}", "responsible: {name}"),
    "team.members_title": ("成员（{on}）", "Members on {on}"),
    "team.former_title": ("已退出的成员", "Former members"),
    "team.joined": (
        "{volunteer_no} {name} 自 {since} 起加入 {team}（{role}）",
        "{volunteer_no} {name} joined {team} as {role} from {since}",
    ),
    "team.role_changed": (
        "{volunteer_no} {name} 在 {team} 的角色自 {since} 起由{old}改为{role}",
        "{volunteer_no} {name}'s role in {team} changed from {old} to {role} on {since}",
    ),
    "team.moved_from": (
        "{volunteer_no} {name} 已于 {since} 退出：{teams}",
        "{volunteer_no} {name} left {teams} on {since}",
    ),
    "team.left": (
        "{volunteer_no} {name} 已于 {on} 退出 {team}（记录保留）",
        "{volunteer_no} {name} left {team} on {on} (kept on record)",
    ),
    "team.not_found": ("找不到队伍「{ref}」。", "No team '{ref}'."),
    "hint.team_not_found": (
        "volctl team list 列出全部队伍。",
        "volctl team list shows every team.",
    ),
    "team.exists": ("已有名为「{name}」的队伍。", "There is already a team named '{name}'."),
    "reason.missing_team_name": ("没有填写队伍名称。", "The team's name is missing."),
    "reason.team_level_missing": (
        "请用 --level 指定层级：{choices}。",
        "Give the level with --level: {choices}.",
    ),
    "reason.team_level_unknown": (
        "不认识的层级「{value}」，可用：{choices}。",
        "Unknown level '{value}'; use one of {choices}.",
    ),
    "reason.team_role_unknown": (
        "不认识的角色「{value}」，可用：{choices}。",
        "Unknown role '{value}'; use one of {choices}.",
    ),
    "team.needs_parent": (
        "{level}必须挂在上级队伍之下（{choices}），请用 --parent 指定。",
        "A {level} must sit under a team ({choices}); give it with --parent.",
    ),
    "team.level_order": (
        "{level}不能挂在{parent_level}「{parent}」之下；它的上级只能是：{choices}。",
        "A {level} cannot sit under the {parent_level} '{parent}'; its parent may only be: "
        "{choices}.",
    ),
    "team.top_level": (
        "{level}是最高层级，不能挂在其他队伍之下；请不要给 --parent。",
        "A {level} is the top level and sits under no other team; leave out --parent.",
    ),
    "hint.team_levels": (
        "层级从高到低：大队 > 中队 > 分队 > 服务队 > 服务组；下级只能挂在更高一级之下。",
        "Levels from the top: 大队 > 中队 > 分队 > 服务队 > 服务组; a team sits only under a "
        "higher level.",
    ),
    "team.cycle": (
        "「{parent}」就是这支队伍本身或在它之下，不能作为它的上级（会形成循环）。",
        "'{parent}' is this team or under it, so it cannot be its parent (that would make a loop).",
    ),
    "team.level_breaks_child": (
        "改为{level}后，下级队伍「{child}」（{child_level}）就不能再挂在它之下；请先调整下级队伍。",
        "As a {level}, it could no longer hold its sub-team '{child}' ({child_level}); move that "
        "team first.",
    ),
    "team.volunteer_inactive_role": (
        "{volunteer_no} {name} 已停用，不能担任负责人或联系人。",
        "{volunteer_no} {name} is inactive and cannot be a responsible person or contact.",
    ),
    "team.volunteer_inactive": (
        "{volunteer_no} {name} 已停用，不能加入队伍。",
        "{volunteer_no} {name} is inactive and cannot join a team.",
    ),
    "hint.reactivate_first": (
        "如其已回到社区，先运行 volctl register reactivate {volunteer_no} --reason …",
        "If they are back, first run volctl register reactivate {volunteer_no} --reason …",
    ),
    "team.dissolved": ("队伍「{team}」已撤销。", "The team '{team}' is dissolved."),
    "team.already_member": (
        "{volunteer_no} {name} 自 {since} 起已是 {team} 的{role}。",
        "{volunteer_no} {name} is already {role} of {team} since {since}.",
    ),
    "team.not_member": (
        "{volunteer_no} {name} 目前不是 {team} 的成员。",
        "{volunteer_no} {name} is not a member of {team}.",
    ),
    "team.leave_before_join": (
        "退出日期 {on} 早于加入日期 {joined_on}。",
        "The date {on} is before they joined ({joined_on}).",
    ),
    "reason.no_volunteers": ("没有给出志愿者。", "No volunteer was given."),
    "help.team.dissolve": (
        "撤销队伍：成员身份在撤销日结束，队伍和历史记录保留；有在用的下级队伍时须先处理下级。",
        "Dissolve a team: its memberships end that day; the team and its history are kept. "
        "Sub-teams still active must be moved or dissolved first.",
    ),
    "opt.team_dissolve_on": ("撤销日期（默认今天）。", "Date dissolved (default today)."),
    "field.dissolved_on": ("撤销日期", "dissolved on"),
    "field.dissolve_reason": ("撤销原因", "reason dissolved"),
    "team.dissolved_done": (
        "已撤销 {name}（{on}），结束 {count} 名成员的成员身份；记录保留。",
        "Dissolved {name} on {on}; {count} memberships ended; records kept.",
    ),
    "team.has_subteams": (
        "{team} 下还有在用的下级队伍：{subteams}；请先调整或撤销它们。",
        "{team} still has active sub-teams: {subteams}; move or dissolve them first.",
    ),
    "opt.register_team": (
        "只列出该队伍（含下级队伍）目前的成员。",
        "Only the current members of this team and the teams under it.",
    ),
    "reason.dissolved_before_founded": (
        "撤销日期 {on} 早于「{team}」的成立日期 {founded_on}。",
        "The dissolution date {on} is before {team} was founded ({founded_on}).",
    ),
}

"""``volctl status`` (待办): what needs doing now (``volctl.todo``); one message per item."""

MESSAGES = {
    "help.status": (
        "待办：现在要做的事，每一项附上完成它的命令（日期已过仍在计划中的活动、已举办未记时长的活动、未重新导入的退回行、将到期或已失效的保险、缺监护人同意的未成年人、未入队的志愿者、今年尚未服务的志愿者、缺少的节假日安排、过期的备份）。数据完整性请用 volctl check。",
        "What needs doing now, each item with the command that does it: past activities still "
        "planned, held activities without hours, rejected rows not imported again, insurance "
        "ending or lapsed, minors without consent, volunteers in no team or without service "
        "this year, a missing holiday calendar, an old backup. For data integrity, see "
        "volctl check.",
    ),
    "status.title": ("待办（{date}，共 {count} 项）", "To do ({date}): {count:~item|items}"),
    "status.nothing": (
        "{date}：没有待办事项。",
        "{date}: nothing needs doing.",
    ),
    "todo.roster_empty": (
        "台账还没有志愿者：逐个登记（在终端中会逐项询问），或导入报名表（volctl register import 报名表.xlsx）。",
        "The roster has no volunteers yet: register them one by one (asked field by field at a "
        "terminal), or import a sign-up sheet (volctl register import sheet.xlsx).",
    ),
    "todo.org_name_missing": (
        "还没有设置组织名称（表格上的「填报单位」）。",
        "No organisation name is set (the 填报单位 printed on forms).",
    ),
    "todo.past_planned": (
        "{count} 项活动日期已过但仍是「计划中」，不计入统计：{refs}。已举办的标记为已举办，没有举办的取消（volctl activity cancel --all-past-planned --reason …）。",
        "{count:~activity is|activities are} past {count:?its|their} date and still planned, "
        "so not counted: {refs}. Mark those held as held; cancel the others (volctl activity "
        "cancel --all-past-planned --reason …).",
    ),
    "todo.held_without_hours": (
        "{count} 项已举办的活动还没有记录服务时长：{refs}。按签到表录入（volctl log-hours import 签到表.xlsx），或为报名名单统一记录。",
        "{count:~held activity has|held activities have} no service hours recorded: {refs}. "
        "Import the sign-in sheet (volctl log-hours import sheet.xlsx) or record the roster at "
        "once.",
    ),
    "todo.rejects_pending": (
        "最近 {count} 次导入有 {rows} 行未通过，改正后尚未重新导入：{refs}。未通过的行在导入时写出的退回工作簿里（默认名为 {first}.rejects.xlsx），改正后导入它。",
        "{count:~recent import has|recent imports have} {rows:~rejected row|rejected rows} "
        "not yet corrected and imported again: {refs}. They are in the rejects workbook the "
        "import wrote ({first}.rejects.xlsx unless named otherwise): correct it and import it.",
    ),
    "todo.insurance_expiring": (
        "{count} 名志愿者的意外保险将在 {days} 天内到期且未续保（最早 {first_end}）：{refs}。",
        "{count:~volunteer's|volunteers'} accident cover ends within {days} days, not renewed "
        "(first on {first_end}): {refs}.",
    ),
    "todo.insurance_lapsed": (
        "{count} 名仍在服务的志愿者意外保险已失效：{refs}。",
        "{count:~volunteer still serving has|volunteers still serving have} no accident cover "
        "any more: {refs}.",
    ),
    "todo.minors_without_consent": (
        "{count} 名未成年志愿者缺少监护人姓名、电话或同意日期：{refs}。",
        "{count:~minor lacks|minors lack} a guardian's name, phone or consent: {refs}.",
    ),
    "todo.no_team": (
        "{count} 名志愿者还没有加入任何队伍：{refs}。",
        "{count:~volunteer is|volunteers are} in no team: {refs}.",
    ),
    "todo.no_service_this_year": (
        "{count} 名在册志愿者 {year} 年还没有服务记录：{refs}。可联系了解情况，长期不参加的可办理注销（volctl register deactivate）。",
        "{count:~active volunteer has|active volunteers have} no service in {year}: {refs}. "
        "Get in touch; those who have stopped can be deactivated (volctl register deactivate).",
    ),
    "todo.holidays_missing": (
        "节假日日历不含 {refs} 年：排期时无法标出节假日和调休上班日。国务院公布安排后逐日录入。",
        "The holiday calendar does not know {refs}: schedules cannot flag holidays and make-up "
        "working days. Enter the days once the State Council publishes them.",
    ),
    "todo.backup_never": (
        "这份台账还没有备份过。备份到 U 盘等另一处（可给出文件夹），每 {days} 天一次。",
        "This roster has never been backed up. Back it up elsewhere (a USB stick; a folder "
        "will do), every {days} days.",
    ),
    "todo.backup_due": (
        "上次备份在 {on}，已过 {age} 天（设定为每 {days} 天一次）：{refs}。",
        "The last backup was on {on}, {age} days ago (set to every {days} days): {refs}.",
    ),
    "todo.backup_unencrypted": (
        "最近一次备份到移动介质（{path}，{at}）没有加密：拿到它的人能读出名册上每个人的信息。请做一份加密备份，并删除那份未加密的。",
        "The last backup on removable media ({path}, {at}) was not encrypted: whoever finds it "
        "reads every person on the roster. Make an encrypted one and delete the unencrypted copy.",
    ),
    "setting.backup_days": (
        "备份提醒间隔（天）：volctl status 在上次备份早于此天数时提醒",
        "backup reminder (days): volctl status asks for a backup older than this",
    ),
    "init.next": (
        "下一步：volctl status 会列出现在要做的事（先设置组织名称，再登记志愿者）。",
        "Next: volctl status lists what to do now (set the organisation name, then register "
        "volunteers).",
    ),
    "init.next_named": (
        "下一步：volctl status 会列出现在要做的事（先登记志愿者：volctl register add 或 "
        "volctl register import）。",
        "Next: volctl status lists what to do now (first register volunteers: volctl register "
        "add or volctl register import).",
    ),
    "status.start_hint": (
        "台账还是空的：运行 volctl status 看看从哪里开始。",
        "The roster is empty: volctl status says where to start.",
    ),
    "opt.register_idle": (
        "只列出今年还没有服务记录的在册志愿者（登记不足 90 天的新人除外）。",
        "Only active volunteers without service this year (newcomers of under 90 days left out).",
    ),
    "opt.register_no_team": (
        "只列出还没有加入任何队伍的在册志愿者。",
        "Only active volunteers in no team.",
    ),
}

"""Examples: ``volctl activity …``."""

EXAMPLES = {
    "activity": (
        """
        安排全年每月的集中服务日（每月第三个星期六）：
        $ volctl activity schedule 集中服务日 --rule third-saturday \\
          --from 2025-01-01 --to 2025-12-31 --category 社区服务
        让志愿者报名，并打印签到表：
        $ volctl activity signup A20250315-01 V000001-V000010
        $ volctl activity sheet A20250315-01 -o 签到表.xlsx
        """,
        """
        Plan the monthly service day for the year (the third Saturday):
        $ volctl activity schedule 集中服务日 --rule third-saturday \\
          --from 2025-01-01 --to 2025-12-31 --category "community service"
        Sign volunteers up, then print the sign-in sheet:
        $ volctl activity signup A20250315-01 V000001-V000010
        $ volctl activity sheet A20250315-01 -o signin.xlsx
        """,
    ),
    "activity add": (
        """
        安排一次活动：
        $ volctl activity add 学雷锋便民服务 --date 2025-03-05 --start 08:30 \\
          --end 11:30 --category 社区服务 --team 东湖社区助老服务队
        注明主题、地点和服务人群：
        $ volctl activity add 植树护绿 --date 2025-03-12 --category 环境保护 \\
          --theme 关爱自然 --place 东湖公园 --beneficiaries 社会公众
        """,
        """
        Plan one activity:
        $ volctl activity add 学雷锋便民服务 --date 2025-03-05 --start 08:30 \\
          --end 11:30 --category "community service" --team 东湖社区助老服务队
        With its theme, place and the people it serves:
        $ volctl activity add 植树护绿 --date 2025-03-12 --category environment \\
          --theme "caring for nature" --place 东湖公园 --beneficiaries "general public"
        """,
    ),
    "activity schedule": (
        """
        每月第三个星期六的集中服务日（先列出日期，确认后保存）：
        $ volctl activity schedule 集中服务日 --rule third-saturday \\
          --from 2025-01-01 --to 2025-12-31 --category 社区服务
        每年 3 月 5 日学雷锋纪念日：
        $ volctl activity schedule 学雷锋纪念日 --rule leifeng-day \\
          --from 2025-01-01 --to 2027-12-31 --category 文明风尚
        每周三下午结对探访（重复规则）：
        $ volctl activity schedule 结对探访 --rule "FREQ=WEEKLY;BYDAY=WE" \\
          --from 2025-03-01 --to 2025-06-30 --start 14:00 --category 关爱特殊群体
        """,
        """
        The monthly service day on the third Saturday (the dates are shown first):
        $ volctl activity schedule 集中服务日 --rule third-saturday \\
          --from 2025-01-01 --to 2025-12-31 --category "community service"
        Lei Feng Day, 5 March, every year:
        $ volctl activity schedule 学雷锋纪念日 --rule leifeng-day \\
          --from 2025-01-01 --to 2027-12-31 --category civility
        Pair visits every Wednesday afternoon (a repeat rule):
        $ volctl activity schedule 结对探访 --rule "FREQ=WEEKLY;BYDAY=WE" \\
          --from 2025-03-01 --to 2025-06-30 --start 14:00 --category "special groups"
        """,
    ),
    "activity list": (
        """
        三月的活动：
        $ volctl activity list --from 2025-03-01 --to 2025-03-31
        某支队伍（含下级队伍）已举办的活动：
        $ volctl activity list --team 东湖社区志愿者服务分队 --status 已举办
        某一类别的活动，写入 Excel 文件：
        $ volctl activity list --category 环境保护 -o 环保活动.xlsx
        """,
        """
        The activities in March:
        $ volctl activity list --from 2025-03-01 --to 2025-03-31
        What a team (with its sub-teams) has held:
        $ volctl activity list --team 东湖社区志愿者服务分队 --status held
        One category's activities, written to an Excel file:
        $ volctl activity list --category environment -o environment.xlsx
        """,
    ),
    "activity show": (
        """
        一次活动的详情、报名名单和服务对象：
        $ volctl activity show A20250315-01
        按活动名称查看：
        $ volctl activity show 植树护绿
        """,
        """
        An activity's details, roster and who it served:
        $ volctl activity show A20250315-01
        By its title:
        $ volctl activity show 植树护绿
        """,
    ),
    "activity update": (
        """
        改期、换地点：
        $ volctl activity update A20250315-01 --date 2025-03-22 --place 社区广场
        标记为已举办：
        $ volctl activity update A20250315-01 --status 已举办
        日期已过、仍在计划中的活动，全部标记为已举办：
        $ volctl activity update --all-past-planned --status 已举办
        """,
        """
        A new date and place:
        $ volctl activity update A20250315-01 --date 2025-03-22 --place 社区广场
        Mark it held:
        $ volctl activity update A20250315-01 --status held
        Mark every past activity still planned as held:
        $ volctl activity update --all-past-planned --status held
        """,
    ),
    "activity cancel": (
        """
        因天气取消一次活动（记录和名单保留）：
        $ volctl activity cancel A20250315-01 --reason 暴雨
        取消两次活动：
        $ volctl activity cancel A20250315-01,A20250322-01 --reason 场地维修
        """,
        """
        Cancel an activity for the weather (its record and roster stay):
        $ volctl activity cancel A20250315-01 --reason "heavy rain"
        Cancel two:
        $ volctl activity cancel A20250315-01,A20250322-01 --reason "venue closed"
        """,
    ),
    "activity signup": (
        """
        十名志愿者报名：
        $ volctl activity signup A20250315-01 V000001-V000010
        超出名额也报名（记录在案）：
        $ volctl activity signup A20250315-01 V000011 --force
        """,
        """
        Ten volunteers sign up:
        $ volctl activity signup A20250315-01 V000001-V000010
        Beyond capacity (kept on record as such):
        $ volctl activity signup A20250315-01 V000011 --force
        """,
    ),
    "activity withdraw": (
        """
        一名志愿者取消报名：
        $ volctl activity withdraw A20250315-01 V000003 --reason 临时有事
        两名志愿者取消报名：
        $ volctl activity withdraw A20250315-01 V000003,V000004 --reason 生病
        """,
        """
        A volunteer drops out:
        $ volctl activity withdraw A20250315-01 V000003 --reason "called away"
        Two drop out:
        $ volctl activity withdraw A20250315-01 V000003,V000004 --reason "ill"
        """,
    ),
    "activity serve": (
        """
        记录服务了哪位服务对象：
        $ volctl activity serve A20250315-01 --recipient R000001
        记录服务的人群和人数：
        $ volctl activity serve A20250315-01 --group 空巢老人:12 --group 留守儿童:5
        """,
        """
        Record a beneficiary served:
        $ volctl activity serve A20250315-01 --recipient R000001
        Record the groups served and how many people:
        $ volctl activity serve A20250315-01 --group "empty-nest elders:12"
        """,
    ),
    "activity unserve": (
        """
        撤回一条记错的服务对象记录（记录号见 activity show）：
        $ volctl activity unserve A20250315-01 7 --reason 记错了活动
        先查看记录号：
        $ volctl activity show A20250315-01
        """,
        """
        Withdraw a beneficiary entry made by mistake (its id: activity show):
        $ volctl activity unserve A20250315-01 7 --reason "wrong activity"
        Look up the entry's id first:
        $ volctl activity show A20250315-01
        """,
    ),
    "activity sheet": (
        """
        打印签到表（按报名名单预先填好）：
        $ volctl activity sheet A20250315-01 -o 签到表.xlsx
        末尾多留 10 行给临时参加的人：
        $ volctl activity sheet A20250315-01 -o 签到表.xlsx --blank 10
        """,
        """
        Print the sign-in sheet (filled in from the roster):
        $ volctl activity sheet A20250315-01 -o signin.xlsx
        With 10 blank rows for walk-ins:
        $ volctl activity sheet A20250315-01 -o signin.xlsx --blank 10
        """,
    ),
    "activity categories": (
        """
        活动类别一览：
        $ volctl activity categories
        增加一个本地类别：
        $ volctl activity categories --add 邻里守望
        """,
        """
        The activity categories:
        $ volctl activity categories
        Add a local one:
        $ volctl activity categories --add 邻里守望
        """,
    ),
    "activity holidays": (
        """
        今年的法定节假日和调休上班日：
        $ volctl activity holidays --year 2025
        录入国务院新公布的假日，以及调休上班日：
        $ volctl activity holidays --add 2027-01-01 --name 元旦
        $ volctl activity holidays --add 2027-02-06 --name 春节调休 --workday
        """,
        """
        This year's public holidays and make-up working days:
        $ volctl activity holidays --year 2025
        Enter a newly published holiday, and a make-up working day:
        $ volctl activity holidays --add 2027-01-01 --name 元旦
        $ volctl activity holidays --add 2027-02-06 --name 春节调休 --workday
        """,
    ),
}

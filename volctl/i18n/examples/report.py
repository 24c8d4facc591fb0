"""Examples: ``volctl report …``."""

EXAMPLES = {
    "report": (
        """
        年终总结（与上一年对比）：
        $ volctl report summary --year 2025
        按月统计服务时长：
        $ volctl report hours --by month --year 2025
        谁还没达到全年目标时长：
        $ volctl report target --year 2025
        """,
        """
        The year-end summary (with the year before beside it):
        $ volctl report summary --year 2025
        Service hours by month:
        $ volctl report hours --by month --year 2025
        Who is below the yearly target:
        $ volctl report target --year 2025
        """,
    ),
    "report summary": (
        """
        全社区的年终总结：
        $ volctl report summary --year 2025
        一支队伍的，列出服务最多的 10 人：
        $ volctl report summary --year 2025 --team 东湖社区助老服务队 --top 10
        填成年度工作总结表，写入 Excel 文件：
        $ volctl report summary --year 2025 --form -o 年度总结.xlsx
        """,
        """
        The whole community's year-end summary:
        $ volctl report summary --year 2025
        One team's, with its ten most active volunteers:
        $ volctl report summary --year 2025 --team 东湖社区助老服务队 --top 10
        As the official summary form, to an Excel file:
        $ volctl report summary --year 2025 --form -o summary.xlsx
        """,
    ),
    "report volunteer": (
        """
        一名志愿者历年的服务记录：
        $ volctl report volunteer V000004
        只看某一年：
        $ volctl report volunteer 王芳 --year 2025
        """,
        """
        One volunteer's service over the years:
        $ volctl report volunteer V000004
        One year only:
        $ volctl report volunteer 王芳 --year 2025
        """,
    ),
    "report hours": (
        """
        今年按月统计：
        $ volctl report hours
        按活动类别统计某段时间：
        $ volctl report hours --by 类别 --from 2025-01-01 --to 2025-06-30
        一支队伍里每名志愿者的时长：
        $ volctl report hours --by 志愿者 --year 2025 --team 东湖社区助老服务队
        """,
        """
        This year, by month:
        $ volctl report hours
        A period, by activity category:
        $ volctl report hours --by category --from 2025-01-01 --to 2025-06-30
        Each volunteer's hours in one team:
        $ volctl report hours --by volunteer --year 2025 --team 东湖社区助老服务队
        """,
    ),
    "report target": (
        """
        全年服务未满目标时长（默认 48 小时）的人：
        $ volctl report target --year 2025
        按 24 小时、只看一支队伍：
        $ volctl report target --year 2025 --hours 24 --team 东湖社区环保服务队
        """,
        """
        Who served less than the yearly target (48 hours unless set):
        $ volctl report target --year 2025
        Against 24 hours, for one team:
        $ volctl report target --year 2025 --hours 24 --team 东湖社区环保服务队
        """,
    ),
    "report stars": (
        """
        各星级人数，以及今年新达到星级的人：
        $ volctl report stars --year 2025
        只看一支队伍：
        $ volctl report stars --year 2025 --team 东湖社区助老服务队
        """,
        """
        How many at each star level, and who newly reached one this year:
        $ volctl report stars --year 2025
        For one team:
        $ volctl report stars --year 2025 --team 东湖社区助老服务队
        """,
    ),
    "report insurance": (
        """
        30 天内保险到期的在册志愿者：
        $ volctl report insurance --expiring 30
        一支队伍，60 天内：
        $ volctl report insurance --expiring 60 --team 东湖社区助老服务队
        """,
        """
        Active volunteers whose cover ends within 30 days:
        $ volctl report insurance --expiring 30
        One team, within 60 days:
        $ volctl report insurance --expiring 60 --team 东湖社区助老服务队
        """,
    ),
}

"""Examples: ``volctl commend …``."""

EXAMPLES = {
    "commend": (
        """
        看看今年可以推荐谁：
        $ volctl commend suggest --year 2025
        记录一项表彰：
        $ volctl commend add --year 2025 --title 优秀志愿者 --volunteer V000004 \\
          --by 当湖街道办事处
        """,
        """
        See whom this year's ledger suggests:
        $ volctl commend suggest --year 2025
        Record a commendation:
        $ volctl commend add --year 2025 --title 优秀志愿者 --volunteer V000004 \\
          --by 当湖街道办事处
        """,
    ),
    "commend add": (
        """
        表彰一名志愿者：
        $ volctl commend add --year 2025 --title 优秀志愿者 --volunteer V000004 \\
          --by 当湖街道办事处 --on 2026-01-20
        表彰一支队伍：
        $ volctl commend add --year 2025 --title 优秀志愿服务队 --team 东湖社区助老服务队
        """,
        """
        Commend a volunteer:
        $ volctl commend add --year 2025 --title 优秀志愿者 --volunteer V000004 \\
          --by 当湖街道办事处 --on 2026-01-20
        Commend a team:
        $ volctl commend add --year 2025 --title 优秀志愿服务队 --team 东湖社区助老服务队
        """,
    ),
    "commend list": (
        """
        全部表彰：
        $ volctl commend list
        某一年的表彰，写入 Excel 文件：
        $ volctl commend list --year 2025 -o 表彰.xlsx
        """,
        """
        Every commendation:
        $ volctl commend list
        One year's, to an Excel file:
        $ volctl commend list --year 2025 -o commendations.xlsx
        """,
    ),
    "commend suggest": (
        """
        今年的推荐人选（新达到星级的、服务最多的）：
        $ volctl commend suggest --year 2025
        服务时长前 5 名：
        $ volctl commend suggest --year 2025 --top 5
        """,
        """
        This year's candidates (a star level newly reached, the most active):
        $ volctl commend suggest --year 2025
        The five with the most hours:
        $ volctl commend suggest --year 2025 --top 5
        """,
    ),
}

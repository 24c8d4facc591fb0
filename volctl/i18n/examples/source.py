"""Examples: ``volctl source …``."""

EXAMPLES = {
    "source": (
        """
        合并进来的各社区：
        $ volctl source list
        各社区的合计与合并后的合计对照：
        $ volctl source totals --year 2025
        处理不一致的个人信息：
        $ volctl source conflicts
        """,
        """
        The communities merged here:
        $ volctl source list
        Each source's totals beside the merged ones:
        $ volctl source totals --year 2025
        Personal details on which they disagree:
        $ volctl source conflicts
        """,
    ),
    "source list": (
        """
        合并进来的来源：
        $ volctl source list
        某一年各来源的志愿者和时长：
        $ volctl source list --year 2025
        """,
        """
        The sources merged here:
        $ volctl source list
        Their volunteers and hours in one year:
        $ volctl source list --year 2025
        """,
    ),
    "source totals": (
        """
        各来源的合计、相加之和与合并后的合计：
        $ volctl source totals --year 2025
        写入 Excel 文件：
        $ volctl source totals --year 2025 -o 合计对照.xlsx
        """,
        """
        Each source's totals, their sum and the merged totals:
        $ volctl source totals --year 2025
        To an Excel file:
        $ volctl source totals --year 2025 -o totals.xlsx
        """,
    ),
    "source show": (
        """
        查看一个来源及每次合并：
        $ volctl source show 东湖社区
        按编号：
        $ volctl source show 2
        """,
        """
        One source and every merge of it:
        $ volctl source show 东湖社区
        By its number:
        $ volctl source show 2
        """,
    ),
    "source conflicts": (
        """
        待处理的不一致：
        $ volctl source conflicts
        某个来源的，包括已处理的：
        $ volctl source conflicts --source 东湖社区 --all
        """,
        """
        Disagreements waiting to be resolved:
        $ volctl source conflicts
        One source's, resolved ones too:
        $ volctl source conflicts --source 东湖社区 --all
        """,
    ),
    "source resolve": (
        """
        保留本名册的值：
        $ volctl source resolve 3 --keep 本名册
        采用来源的值，并注明原因：
        $ volctl source resolve 4 5 --keep 来源 --note 已电话核实新号码
        """,
        """
        Keep this roster's value:
        $ volctl source resolve 3 --keep roster
        Take the source's value, saying why:
        $ volctl source resolve 4 5 --keep source --note "new number checked by phone"
        """,
    ),
    "source overlaps": (
        """
        在两个以上来源登记的人：
        $ volctl source overlaps
        今年在不止一处服务过的：
        $ volctl source overlaps --year 2025 --served
        """,
        """
        People registered in two or more sources:
        $ volctl source overlaps
        Those who served in more than one this year:
        $ volctl source overlaps --year 2025 --served
        """,
    ),
    "source origin": (
        """
        一名志愿者来自哪个来源：
        $ volctl source origin V000123
        一条服务记录的来源：
        $ volctl source origin '#1520'
        """,
        """
        Where a volunteer came from:
        $ volctl source origin V000123
        Where a service record came from:
        $ volctl source origin '#1520'
        """,
    ),
}

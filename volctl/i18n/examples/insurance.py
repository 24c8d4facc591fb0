"""Examples: ``volctl insurance …``."""

EXAMPLES = {
    "insurance": (
        """
        为一支队伍的全体成员登记意外险：
        $ volctl insurance add --team 东湖社区助老服务队 --insurer 平安保险 \\
          --policy PA2025001 --from 2025-01-01 --to 2025-12-31
        30 天内到期、尚未续保的：
        $ volctl insurance list --expiring 30
        """,
        """
        Record accident cover for every member of a team:
        $ volctl insurance add --team 东湖社区助老服务队 --insurer 平安保险 \\
          --policy PA2025001 --from 2025-01-01 --to 2025-12-31
        Cover ending within 30 days and not renewed:
        $ volctl insurance list --expiring 30
        """,
    ),
    "insurance add": (
        """
        为几名志愿者登记保单：
        $ volctl insurance add V000001-V000005 --insurer 平安保险 --policy PA2025001 \\
          --from 2025-01-01 --to 2025-12-31
        为一支队伍的全体成员登记：
        $ volctl insurance add --team 东湖社区环保服务队 --insurer 人保财险 \\
          --policy RB2025-17 --from 2025-03-01 --to 2026-02-28
        """,
        """
        Record a policy for some volunteers:
        $ volctl insurance add V000001-V000005 --insurer 平安保险 --policy PA2025001 \\
          --from 2025-01-01 --to 2025-12-31
        For every member of a team:
        $ volctl insurance add --team 东湖社区环保服务队 --insurer 人保财险 \\
          --policy RB2025-17 --from 2025-03-01 --to 2026-02-28
        """,
    ),
    "insurance list": (
        """
        全部保单：
        $ volctl insurance list
        某名志愿者在某日是否有保险：
        $ volctl insurance list --volunteer V000003 --active-on 2025-06-14
        30 天内到期、尚未续保的：
        $ volctl insurance list --expiring 30
        """,
        """
        Every policy:
        $ volctl insurance list
        Whether one volunteer was covered on a day:
        $ volctl insurance list --volunteer V000003 --active-on 2025-06-14
        Cover ending within 30 days and not renewed:
        $ volctl insurance list --expiring 30
        """,
    ),
}

"""Examples: ``volctl team …``."""

EXAMPLES = {
    "team": (
        """
        建一支服务队，挂在社区分队之下：
        $ volctl team add 东湖社区助老服务队 --level 服务队 --parent 东湖社区志愿者服务分队
        让志愿者入队：
        $ volctl team join 东湖社区助老服务队 V000001-V000005
        看队伍的层级：
        $ volctl team tree
        """,
        """
        Create a service team under the community's detachment:
        $ volctl team add 东湖社区助老服务队 --level "service team" \\
          --parent 东湖社区志愿者服务分队
        Add volunteers to it:
        $ volctl team join 东湖社区助老服务队 V000001-V000005
        See the hierarchy:
        $ volctl team tree
        """,
    ),
    "team add": (
        """
        建社区分队，指定负责人和联系人：
        $ volctl team add 东湖社区志愿者服务分队 --level 分队 --leader V000001 \\
          --contact V000002
        建一支服务队，挂在分队之下：
        $ volctl team add 东湖社区助老服务队 --level 服务队 --parent 东湖社区志愿者服务分队
        """,
        """
        Create the community's detachment with its leader and contact:
        $ volctl team add 东湖社区志愿者服务分队 --level detachment --leader V000001 \\
          --contact V000002
        Create a service team under the detachment:
        $ volctl team add 东湖社区助老服务队 --level "service team" \\
          --parent 东湖社区志愿者服务分队
        """,
    ),
    "team update": (
        """
        换负责人：
        $ volctl team update 东湖社区助老服务队 --leader V000007
        改名，并挂到另一支上级队伍之下：
        $ volctl team update 助老队 --name 东湖社区助老服务队 --parent 当湖街道中队
        """,
        """
        Change the leader:
        $ volctl team update 东湖社区助老服务队 --leader V000007
        Rename it and move it under another team:
        $ volctl team update 助老队 --name 东湖社区助老服务队 --parent 当湖街道中队
        """,
    ),
    "team list": (
        """
        全部队伍及人数：
        $ volctl team list
        年底那天的队伍和人数：
        $ volctl team list --on 2025-12-31
        """,
        """
        Every team with its members:
        $ volctl team list
        The teams and their members on the last day of the year:
        $ volctl team list --on 2025-12-31
        """,
    ),
    "team tree": (
        """
        队伍的层级（大队、中队、分队……）：
        $ volctl team tree
        存为文本文件：
        $ volctl team tree -o 队伍层级.txt
        """,
        """
        The hierarchy (brigade, squadron, detachment…):
        $ volctl team tree
        Kept as a text file:
        $ volctl team tree -o teams.txt
        """,
    ),
    "team show": (
        """
        一支队伍的负责人和成员：
        $ volctl team show 东湖社区助老服务队
        连同历来的入队、退队记录：
        $ volctl team show 东湖社区助老服务队 --history
        """,
        """
        A team's leader and members:
        $ volctl team show 东湖社区助老服务队
        With everyone who ever joined or left:
        $ volctl team show 东湖社区助老服务队 --history
        """,
    ),
    "team join": (
        """
        五名志愿者入队：
        $ volctl team join 东湖社区助老服务队 V000001-V000005
        任命副队长（已在队的成员换角色也用此命令）：
        $ volctl team join 东湖社区助老服务队 V000002 --role 副队长
        调队：同时退出原来的队伍：
        $ volctl team join 东湖社区环保服务队 V000009 --move
        """,
        """
        Five volunteers join a team:
        $ volctl team join 东湖社区助老服务队 V000001-V000005
        Make a member the deputy (a member's new role is a join too):
        $ volctl team join 东湖社区助老服务队 V000002 --role deputy
        Move between teams: leave the old one the same day:
        $ volctl team join 东湖社区环保服务队 V000009 --move
        """,
    ),
    "team leave": (
        """
        一名志愿者退队：
        $ volctl team leave 东湖社区助老服务队 V000003
        从月底起退队：
        $ volctl team leave 东湖社区助老服务队 V000003,V000004 --on 2025-06-30
        """,
        """
        A volunteer leaves a team:
        $ volctl team leave 东湖社区助老服务队 V000003
        From the end of the month:
        $ volctl team leave 东湖社区助老服务队 V000003,V000004 --on 2025-06-30
        """,
    ),
    "team dissolve": (
        """
        撤销一支队伍（成员同日退队，历史保留）：
        $ volctl team dissolve 东湖社区环保服务队 --reason 并入助老服务队
        从年底起撤销：
        $ volctl team dissolve 东湖社区环保服务队 --reason 调整 --on 2025-12-31
        """,
        """
        Dissolve a team (its members leave that day; the history is kept):
        $ volctl team dissolve 东湖社区环保服务队 --reason "merged into elder care"
        From the end of the year:
        $ volctl team dissolve 东湖社区环保服务队 --reason "reorganised" --on 2025-12-31
        """,
    ),
}

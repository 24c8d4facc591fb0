"""Examples: ``volctl recipient …``."""

EXAMPLES = {
    "recipient": (
        """
        登记一位服务对象：
        $ volctl recipient add --name 周阿婆 --group 空巢老人 --needs 每周探望、代购
        让两名志愿者结对帮扶（多助一）：
        $ volctl recipient pair R000001 V000003,V000004
        """,
        """
        Register a beneficiary:
        $ volctl recipient add --name 周阿婆 --group "empty-nest elders" --needs 每周探望、代购
        Pair two volunteers with them (several helping one):
        $ volctl recipient pair R000001 V000003,V000004
        """,
    ),
    "recipient add": (
        """
        登记一位空巢老人，写明需求：
        $ volctl recipient add --name 周阿婆 --group 空巢老人 --needs 每周探望、代购
        登记一名留守儿童，附家属联系电话：
        $ volctl recipient add --name 张小雨 --group 留守儿童 --gender 女 \\
          --family-contact 张奶奶 --family-phone 13812340010
        """,
        """
        Register an elder living alone, with what they need:
        $ volctl recipient add --name 周阿婆 --group "empty-nest elders" --needs 每周探望、代购
        Register a left-behind child, with a family member's phone:
        $ volctl recipient add --name 张小雨 --group "left-behind children" --gender female \\
          --family-contact 张奶奶 --family-phone 13812340010
        """,
    ),
    "recipient list": (
        """
        在册的全部服务对象：
        $ volctl recipient list
        只看空巢老人：
        $ volctl recipient list --group 空巢老人
        连同已不在册的，写入 Excel 文件：
        $ volctl recipient list --status 全部 -o 服务对象.xlsx
        """,
        """
        Every beneficiary on the register:
        $ volctl recipient list
        Only elders living alone:
        $ volctl recipient list --group "empty-nest elders"
        Those no longer on the register too, to an Excel file:
        $ volctl recipient list --status all -o beneficiaries.xlsx
        """,
    ),
    "recipient show": (
        """
        查看一位服务对象及其结对情况：
        $ volctl recipient show R000001
        按姓名查看，显示完整的电话和住址：
        $ volctl recipient show 周阿婆 --show-pii
        """,
        """
        One beneficiary and their pairings:
        $ volctl recipient show R000001
        By name, with the full phone and address:
        $ volctl recipient show 周阿婆 --show-pii
        """,
    ),
    "recipient update": (
        """
        更正电话和住址（旧值留在审计日志中）：
        $ volctl recipient update R000001 --phone 13812340011 --address 东湖小区3幢201室
        更新需求：
        $ volctl recipient update R000001 --needs 每周探望、代购、陪同就医
        """,
        """
        Correct the phone and address (the old values stay in the audit log):
        $ volctl recipient update R000001 --phone 13812340011 --address 东湖小区3幢201室
        Update what they need:
        $ volctl recipient update R000001 --needs 每周探望、代购、陪同就医
        """,
    ),
    "recipient deactivate": (
        """
        服务对象搬走了（结对随之结束，记录都保留）：
        $ volctl recipient deactivate R000001 --reason 搬离本社区
        注明日期：
        $ volctl recipient deactivate R000002 --reason 已去世 --on 2025-11-30
        """,
        """
        A beneficiary moved away (their pairings end; every record is kept):
        $ volctl recipient deactivate R000001 --reason "moved away"
        With the date:
        $ volctl recipient deactivate R000002 --reason "passed away" --on 2025-11-30
        """,
    ),
    "recipient reactivate": (
        """
        服务对象搬回本社区：
        $ volctl recipient reactivate R000001 --reason 搬回本社区
        注明日期：
        $ volctl recipient reactivate R000001 --reason 搬回本社区 --on 2026-03-01
        """,
        """
        A beneficiary moved back:
        $ volctl recipient reactivate R000001 --reason "moved back"
        With the date:
        $ volctl recipient reactivate R000001 --reason "moved back" --on 2026-03-01
        """,
    ),
    "recipient pair": (
        """
        一名志愿者与一位服务对象结对（一助一）：
        $ volctl recipient pair R000001 V000003
        两名志愿者从某日起结对（多助一）：
        $ volctl recipient pair R000002 V000004,V000005 --since 2025-03-01
        """,
        """
        One volunteer paired with one beneficiary:
        $ volctl recipient pair R000001 V000003
        Two volunteers from a date (several helping one):
        $ volctl recipient pair R000002 V000004,V000005 --since 2025-03-01
        """,
    ),
    "recipient unpair": (
        """
        结束结对（历史保留）：
        $ volctl recipient unpair R000001 V000003
        注明结束日期：
        $ volctl recipient unpair R000002 V000004 --on 2025-12-31
        """,
        """
        End a pairing (its history is kept):
        $ volctl recipient unpair R000001 V000003
        With the date it ended:
        $ volctl recipient unpair R000002 V000004 --on 2025-12-31
        """,
    ),
    "recipient pairings": (
        """
        现有的结对：
        $ volctl recipient pairings
        某名志愿者的全部结对，包括已结束的：
        $ volctl recipient pairings --volunteer V000003 --all
        """,
        """
        The pairings in force:
        $ volctl recipient pairings
        One volunteer's pairings, ended ones too:
        $ volctl recipient pairings --volunteer V000003 --all
        """,
    ),
    "recipient groups": (
        """
        列出服务人群：
        $ volctl recipient groups
        增加一个本地的人群：
        $ volctl recipient groups --add 独居老人
        """,
        """
        List the beneficiary groups:
        $ volctl recipient groups
        Add a local group:
        $ volctl recipient groups --add 独居老人
        """,
    ),
}

"""Examples: ``volctl export …``."""

EXAMPLES = {
    "export": (
        """
        能填哪些正式表格：
        $ volctl export forms
        填分队人员名册表，盖章上报：
        $ volctl export form 分队人员名册表 --team 东湖社区志愿者服务分队 -o 分队人员名册表.xlsx
        给一名志愿者开服务记录证明：
        $ volctl export certificate V000004 --year 2025
        """,
        """
        Which official forms can be filled:
        $ volctl export forms
        Fill the detachment roster, to stamp and send up:
        $ volctl export form detachment --team 东湖社区志愿者服务分队 -o detachment.xlsx
        Issue a volunteer's service certificate:
        $ volctl export certificate V000004 --year 2025
        """,
    ),
    "export forms": (
        """
        列出能填的正式表格：
        $ volctl export forms
        以 JSON 给脚本使用：
        $ volctl export forms --format json
        """,
        """
        List the official forms volctl fills:
        $ volctl export forms
        As JSON, for a script:
        $ volctl export forms --format json
        """,
    ),
    "export form": (
        """
        分队人员名册表（连同下属服务队）：
        $ volctl export form 分队人员名册表 --team 东湖社区志愿者服务分队 --with-subteams \\
          -o 分队人员名册表.xlsx
        全年的志愿服务记录台账：
        $ volctl export form 志愿服务记录台账 --year 2025 -o 台账.xlsx
        集中活动日安排表，按自然周计第三周的星期六：
        $ volctl export form 集中活动日安排表 --year 2026 --rule third-week-saturday \\
          -o 集中活动日.xlsx
        """,
        """
        The detachment roster, with its service teams:
        $ volctl export form detachment --team 东湖社区志愿者服务分队 --with-subteams \\
          -o detachment.xlsx
        The year's service ledger:
        $ volctl export form ledger --year 2025 -o ledger.xlsx
        The concentrated service days, on the Saturday of each month's third week:
        $ volctl export form concentrated-days --year 2026 --rule third-week-saturday \\
          -o days.xlsx
        """,
    ),
    "export certificate": (
        """
        开一份志愿服务记录证明（编号登记在册）：
        $ volctl export certificate V000004 --year 2025
        某段时间的服务：
        $ volctl export certificate 王芳 --from 2025-01-01 --to 2025-06-30 -o 证明.xlsx
        已开出的证明：
        $ volctl export certificate --list
        """,
        """
        Issue a service certificate (entered in the certificate register):
        $ volctl export certificate V000004 --year 2025
        For the service over a period:
        $ volctl export certificate 王芳 --from 2025-01-01 --to 2025-06-30 -o certificate.xlsx
        The certificates issued so far:
        $ volctl export certificate --list
        """,
    ),
    "export tables": (
        """
        能导出哪些原始数据表：
        $ volctl export tables
        以 JSON 给脚本使用：
        $ volctl export tables --format json
        """,
        """
        Which raw tables can be exported:
        $ volctl export tables
        As JSON, for a script:
        $ volctl export tables --format json
        """,
    ),
    "export fill": (
        """
        先看模板的每一列会怎样填、有多少行（不写文件）：
        $ volctl export fill 党员志愿者统计表.xlsx --dry-run
        按模板填报党员志愿者及其 2025 年服务时长：
        $ volctl export fill 党员志愿者统计表.xlsx -o 党员志愿者统计表-东湖.xlsx \\
          --year 2025 --where "政治面貌=中共党员"
        说明一列填什么，并记住，下次同一模板不必再说：
        $ volctl export fill 支部志愿者名单.xlsx -o 支部志愿者名单-填报.xlsx \\
          --column "成员=name" --remember
        """,
        """
        How each column of the template will be filled, and how many rows (nothing written):
        $ volctl export fill 党员志愿者统计表.xlsx --dry-run
        Fill the template with the party members and their hours in 2025:
        $ volctl export fill 党员志愿者统计表.xlsx -o 党员志愿者统计表-东湖.xlsx \\
          --year 2025 --where "政治面貌=中共党员"
        Say what a column holds, and remember it for this template next time:
        $ volctl export fill 支部志愿者名单.xlsx -o 支部志愿者名单-填报.xlsx \\
          --column "成员=name" --remember
        """,
    ),
    "export table": (
        """
        导出志愿者表（个人信息打码）：
        $ volctl export table volunteers -o 志愿者.xlsx
        导出服务记录，给脚本使用：
        $ volctl export table service_records --format json -o records.json
        """,
        """
        Export the volunteers table (personal data masked):
        $ volctl export table volunteers -o volunteers.xlsx
        The service records, for a script:
        $ volctl export table service_records --format json -o records.json
        """,
    ),
    "export bundle": (
        """
        生成上报街道的数据包，加密给街道的公钥：
        $ volctl export bundle --to 当湖街道 -o 东湖社区.volctl
        连同服务对象一起上报：
        $ volctl export bundle --to 当湖街道 --with-beneficiaries -o 东湖社区.volctl
        """,
        """
        Write the bundle for the street office, encrypted to its key:
        $ volctl export bundle --to 当湖街道 -o donghu.volctl
        With the beneficiaries too:
        $ volctl export bundle --to 当湖街道 --with-beneficiaries -o donghu.volctl
        """,
    ),
}

"""Examples: ``volctl`` itself and its own commands (init, info, status, backup, merge…)."""

EXAMPLES = {
    "": (
        """
        先看一个示例社区的一年（不动您自己的台账）：
        $ volctl demo
        建好台账后，每天先看待办：
        $ volctl status
        查看某个命令的用法和示例：
        $ volctl register add --help
        """,
        """
        See an example community's year first (your own roster is not touched):
        $ volctl demo
        Once the roster is set up, start each day with what needs doing:
        $ volctl status
        How a command is used, with examples:
        $ volctl register add --help
        """,
    ),
    "init": (
        """
        为东湖社区建台账（单位名称印在表格上）：
        $ volctl init --org 当湖街道东湖社区 --region 330482
        在指定位置另建一份台账：
        $ volctl --db D:/台账/东湖社区.db init --org 当湖街道东湖社区
        """,
        """
        Create the roster for a community (the name is printed on forms):
        $ volctl init --org 当湖街道东湖社区 --region 330482
        Create a roster in a file of your choosing:
        $ volctl --db D:/rosters/donghu.db init --org 当湖街道东湖社区
        """,
    ),
    "info": (
        """
        正在用哪个台账文件、为什么用它、有多少人和记录：
        $ volctl info
        同样的内容，以 json 给脚本读取：
        $ volctl info --format json
        """,
        """
        Which roster file is in use, why, and what it holds:
        $ volctl info
        The same as json, for a script:
        $ volctl info --format json
        """,
    ),
    "settings": (
        """
        列出全部设置项：
        $ volctl settings
        把每人每年的服务时长目标改为 40 小时：
        $ volctl settings target_hours 40
        设置印在证明上的负责人：
        $ volctl settings responsible_person 李建国
        """,
        """
        List every setting:
        $ volctl settings
        Make the yearly target 40 hours per volunteer:
        $ volctl settings target_hours 40
        Set the responsible person printed on certificates:
        $ volctl settings responsible_person 李建国
        """,
    ),
    "demo": (
        """
        建一个示例社区 2025 年的台账，并显示它的年终总结：
        $ volctl demo
        把示例台账和打印的表格放在指定文件夹：
        $ volctl demo --dir 示例台账
        """,
        """
        Build an example community's 2025 and show its year-end summary:
        $ volctl demo
        Keep the example roster and its printed forms in a folder:
        $ volctl demo --dir demo-roster
        """,
    ),
    "status": (
        """
        现在要做的事，每一项附上完成它的命令：
        $ volctl status
        以 json 给脚本读取（例如每天定时提醒）：
        $ volctl status --format json
        """,
        """
        What needs doing now, each item with the command that does it:
        $ volctl status
        As json for a script (a daily reminder, say):
        $ volctl status --format json
        """,
    ),
    "backup": (
        """
        备份到台账旁边（文件名带时间）：
        $ volctl backup
        备份到 U 盘，并加密（口令在终端输入两次）：
        $ volctl backup E:/ --encrypt
        """,
        """
        Back up beside the roster (the file name carries the time):
        $ volctl backup
        Back up to a USB stick, encrypted (the passphrase is asked twice):
        $ volctl backup E:/ --encrypt
        """,
    ),
    "restore": (
        """
        用一份备份恢复台账（先检查备份，当前台账另存一份）：
        $ volctl restore 东湖社区-20251231-180000.backup.db
        不再询问，直接恢复：
        $ volctl restore 东湖社区-20251231-180000.backup.db --yes
        """,
        """
        Restore the roster from a backup (checked first; the current roster is kept):
        $ volctl restore donghu-20251231-180000.backup.db
        Restore without asking:
        $ volctl restore donghu-20251231-180000.backup.db --yes
        """,
    ),
    "check": (
        """
        检查台账，并给出每个问题的处理建议：
        $ volctl check
        把检查结果存为表格，交给负责人：
        $ volctl check -o 台账检查.xlsx
        """,
        """
        Check the roster, with what to do about each problem:
        $ volctl check
        Keep the findings as a workbook for the person responsible:
        $ volctl check -o roster-check.xlsx
        """,
    ),
    "audit": (
        """
        查看三月的全部改动：
        $ volctl audit --from 2025-03-01 --to 2025-03-31
        只看登记志愿者的记录：
        $ volctl audit --action volunteer.add
        """,
        """
        Every change made in March:
        $ volctl audit --from 2025-03-01 --to 2025-03-31
        Only the registrations:
        $ volctl audit --action volunteer.add
        """,
    ),
    "merge": (
        """
        先试一遍，看合并会带来什么（台账不改动）：
        $ volctl merge 东湖社区.zip 西湖社区.zip --dry-run
        把两个社区的数据包合并到本街道的中队之下：
        $ volctl merge 东湖社区.zip 西湖社区.zip --parent 当湖街道中队
        """,
        """
        Try it first and see what a merge would bring (nothing is changed):
        $ volctl merge donghu.zip xihu.zip --dry-run
        Merge two communities' bundles under the street's squadron:
        $ volctl merge donghu.zip xihu.zip --parent 当湖街道中队
        """,
    ),
}

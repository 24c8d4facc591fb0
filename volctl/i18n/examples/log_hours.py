"""Examples: ``volctl log-hours …``."""

EXAMPLES = {
    "log-hours": (
        """
        活动结束后，给名单上的每个人记时长（有人缺席）：
        $ volctl log-hours activity A20250315-01 --hours 3 --absent V000007
        导入填好的签到表：
        $ volctl log-hours import 签到表.xlsx --activity A20250315-01
        更正一条记录（原记录保留）：
        $ volctl log-hours amend 12 --hours 2.5 --reason 提前离开
        """,
        """
        After an activity, record everyone on its roster (one was absent):
        $ volctl log-hours activity A20250315-01 --hours 3 --absent V000007
        Import a filled sign-in sheet:
        $ volctl log-hours import signin.xlsx --activity A20250315-01
        Correct a record (the original stays on record):
        $ volctl log-hours amend 12 --hours 2.5 --reason "left early"
        """,
    ),
    "log-hours add": (
        """
        记一名志愿者的服务时长：
        $ volctl log-hours add V000001 --activity A20250315-01 --hours 3
        按签到、签退时间记，注明迟到：
        $ volctl log-hours add 王芳 --activity A20250315-01 --start 08:50 --end 11:30 \\
          --status 迟到
        """,
        """
        Record one volunteer's hours:
        $ volctl log-hours add V000001 --activity A20250315-01 --hours 3
        By sign-in and sign-out times, arriving late:
        $ volctl log-hours add 王芳 --activity A20250315-01 --start 08:50 --end 11:30 \\
          --status late
        """,
    ),
    "log-hours activity": (
        """
        名单上的每个人都记 3 小时：
        $ volctl log-hours activity A20250315-01 --hours 3
        有人缺席、有人请假：
        $ volctl log-hours activity A20250315-01 --hours 3 --absent V000007 --leave V000009
        只记其中几个人，按活动的开始、结束时间：
        $ volctl log-hours activity A20250315-01 --start 08:30 --end 11:30 --only V000001-V000005
        """,
        """
        Three hours for everyone on the roster:
        $ volctl log-hours activity A20250315-01 --hours 3
        One absent, one on leave:
        $ volctl log-hours activity A20250315-01 --hours 3 --absent V000007 --leave V000009
        Only some of them, by the activity's start and end:
        $ volctl log-hours activity A20250315-01 --start 08:30 --end 11:30 --only V000001-V000005
        """,
    ),
    "log-hours import": (
        """
        导入填好的签到表（按签到、签退时间计时）：
        $ volctl log-hours import 签到表.xlsx --activity A20250315-01
        先看一遍不保存；没签到的人记为缺席：
        $ volctl log-hours import 签到表.xlsx --activity A20250315-01 --unsigned 缺席 --dry-run
        """,
        """
        Import a filled sign-in sheet (hours from the sign-in and sign-out times):
        $ volctl log-hours import signin.xlsx --activity A20250315-01
        Look first without saving; who did not sign in counts as absent:
        $ volctl log-hours import signin.xlsx --activity A20250315-01 --unsigned absent --dry-run
        """,
    ),
    "log-hours list": (
        """
        某名志愿者的服务记录：
        $ volctl log-hours list --volunteer V000001
        一次活动的记录：
        $ volctl log-hours list --activity A20250315-01
        某段时间的全部记录，连同更正经过，写入 Excel 文件：
        $ volctl log-hours list --from 2025-01-01 --to 2025-06-30 --history -o 服务记录.xlsx
        """,
        """
        One volunteer's service records:
        $ volctl log-hours list --volunteer V000001
        One activity's records:
        $ volctl log-hours list --activity A20250315-01
        A period's records with their corrections, to an Excel file:
        $ volctl log-hours list --from 2025-01-01 --to 2025-06-30 --history -o records.xlsx
        """,
    ),
    "log-hours amend": (
        """
        更正时长（追加一条更正记录，原记录保留）：
        $ volctl log-hours amend 12 --hours 2.5 --reason 提前离开
        更正签到、签退时间：
        $ volctl log-hours amend 12 --start 09:00 --end 11:30 --reason 签到时间记错
        """,
        """
        Correct the hours (a correcting entry is added; the original stays):
        $ volctl log-hours amend 12 --hours 2.5 --reason "left early"
        Correct the sign-in and sign-out times:
        $ volctl log-hours amend 12 --start 09:00 --end 11:30 --reason "wrong sign-in time"
        """,
    ),
    "log-hours void": (
        """
        作废一条记错的记录（记录保留，不再计入）：
        $ volctl log-hours void 12 --reason 重复登记
        注明经办人：
        $ volctl log-hours void 15 --reason 活动未参加 --recorder 李敏
        """,
        """
        Void a record entered by mistake (kept on file, no longer counted):
        $ volctl log-hours void 12 --reason "entered twice"
        With who did it:
        $ volctl log-hours void 15 --reason "did not take part" --recorder 李敏
        """,
    ),
}

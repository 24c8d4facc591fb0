"""Examples: ``volctl register …``."""

EXAMPLES = {
    "register": (
        """
        登记一名志愿者（缺少的项目逐项询问）：
        $ volctl register add
        导入一份报名表：
        $ volctl register import 东湖社区志愿者报名表.xlsx
        按姓名、电话或单位查找：
        $ volctl register list --search 王芳
        """,
        """
        Register a volunteer (what is missing is asked for, item by item):
        $ volctl register add
        Import a sign-up sheet:
        $ volctl register import donghu-signups.xlsx
        Find people by name, phone or employer:
        $ volctl register list --search 王芳
        """,
    ),
    "register add": (
        """
        登记一名志愿者（性别、出生日期由身份证号码得出）：
        $ volctl register add --name 王芳 --id-number 330482198001011246 \\
          --phone 13812340001 --political 党员 --education 本科
        登记一名未成年的志愿者，附监护人：
        $ volctl register add --name 李小明 --id-number 330482200905050010 \\
          --phone 13812340002 --guardian-name 李强 --guardian-phone 13812340003
        只给姓名，其余逐项询问：
        $ volctl register add --name 王芳
        """,
        """
        Register a volunteer (gender and birth date come from the identity number):
        $ volctl register add --name 王芳 --id-number 330482198001011246 \\
          --phone 13812340001 --political "CPC member" --education bachelor
        Register a minor, with a guardian:
        $ volctl register add --name 李小明 --id-number 330482200905050010 \\
          --phone 13812340002 --guardian-name 李强 --guardian-phone 13812340003
        Give the name only; the rest is asked for:
        $ volctl register add --name 王芳
        """,
    ),
    "register list": (
        """
        在册的全部志愿者：
        $ volctl register list
        某支队伍的成员，写入 Excel 文件：
        $ volctl register list --team 东湖社区助老服务队 -o 助老服务队.xlsx
        今年还没有服务记录的人：
        $ volctl register list --idle
        """,
        """
        Every active volunteer:
        $ volctl register list
        One team's members, written to an Excel file:
        $ volctl register list --team 东湖社区助老服务队 -o elder-care.xlsx
        Who has no service this year yet:
        $ volctl register list --idle
        """,
    ),
    "register show": (
        """
        按编号查看一名志愿者：
        $ volctl register show V000001
        按姓名查看，显示完整的证件号和电话：
        $ volctl register show 王芳 --show-pii
        """,
        """
        One volunteer by number:
        $ volctl register show V000001
        By name, with the full identity number and phone:
        $ volctl register show 王芳 --show-pii
        """,
    ),
    "register update": (
        """
        改手机号：
        $ volctl register update V000001 --phone 13912345678
        改工作单位和政治面貌：
        $ volctl register update 王芳 --employer 平湖市第一中学 --political 党员
        """,
        """
        Change a phone number:
        $ volctl register update V000001 --phone 13912345678
        Change the employer and political status:
        $ volctl register update 王芳 --employer 平湖市第一中学 --political "CPC member"
        """,
    ),
    "register deactivate": (
        """
        停用一名搬走的志愿者（历史记录保留）：
        $ volctl register deactivate V000012 --reason 搬离本社区
        从月底起停用：
        $ volctl register deactivate 王芳 --reason 本人申请 --on 2025-06-30
        """,
        """
        Deactivate a volunteer who moved away (the history is kept):
        $ volctl register deactivate V000012 --reason "moved away"
        From the end of the month:
        $ volctl register deactivate 王芳 --reason "asked to" --on 2025-06-30
        """,
    ),
    "register reactivate": (
        """
        恢复一名志愿者：
        $ volctl register reactivate V000012 --reason 搬回本社区
        从指定日期起恢复：
        $ volctl register reactivate 王芳 --reason 重新报名 --on 2025-09-01
        """,
        """
        Make a volunteer active again:
        $ volctl register reactivate V000012 --reason "moved back"
        From a given day:
        $ volctl register reactivate 王芳 --reason "signed up again" --on 2025-09-01
        """,
    ),
    "register import": (
        """
        先试一遍：看哪些行会导入、哪些会退回（台账不改动）：
        $ volctl register import 报名表.xlsx --dry-run
        导入；未通过的行写入退回工作簿，改正后再导入它：
        $ volctl register import 报名表.xlsx --rejects 报名表.退回.xlsx
        表头认不出时指明它是哪一项，并记住：
        $ volctl register import 报名表.xlsx --column "联系方式=phone" --remember
        """,
        """
        Try it first: which rows would be imported or rejected (nothing changes):
        $ volctl register import signups.xlsx --dry-run
        Import; rejected rows go to a workbook to correct and import again:
        $ volctl register import signups.xlsx --rejects signups.rejects.xlsx
        Say what an unrecognised header means, and remember it:
        $ volctl register import signups.xlsx --column "联系方式=phone" --remember
        """,
    ),
    "register imports": (
        """
        历次导入及其人数：
        $ volctl register imports
        只看仍然有效（未撤销）的批次：
        $ volctl register imports --active
        """,
        """
        Every import, with its counts:
        $ volctl register imports
        Only the batches still in effect (not undone):
        $ volctl register imports --active
        """,
    ),
    "register undo-import": (
        """
        先看撤销第 3 批会去掉什么：
        $ volctl register undo-import 3 --dry-run
        撤销第 3 批（只去掉这一批新增的人）：
        $ volctl register undo-import 3 --reason 导错了文件
        """,
        """
        See what undoing batch 3 would remove:
        $ volctl register undo-import 3 --dry-run
        Undo batch 3 (only the people it added are removed):
        $ volctl register undo-import 3 --reason "wrong file"
        """,
    ),
    "register template": (
        """
        生成一份空白报名表，发给大家填写：
        $ volctl register template -o 志愿者报名表.xlsx
        预留 100 行，表头印上单位名称：
        $ volctl register template -o 报名表.xlsx --rows 100 --org 当湖街道东湖社区
        """,
        """
        A blank sign-up sheet to hand out:
        $ volctl register template -o signup-sheet.xlsx
        With 100 rows and the organisation's name on top:
        $ volctl register template -o signup.xlsx --rows 100 --org 当湖街道东湖社区
        """,
    ),
}

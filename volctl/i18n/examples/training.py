"""Examples: ``volctl training …``."""

EXAMPLES = {
    "training": (
        """
        记录一次培训，再登记参加的人：
        $ volctl training add 应急救护培训 --date 2025-04-12 --topic 应急救护 --hours 3
        $ volctl training attend T20250412-01 V000001-V000012
        还没参加过培训的志愿者：
        $ volctl register list --untrained
        """,
        """
        Record a training session, then who attended:
        $ volctl training add 应急救护培训 --date 2025-04-12 --topic "first aid" --hours 3
        $ volctl training attend T20250412-01 V000001-V000012
        Volunteers not trained yet:
        $ volctl register list --untrained
        """,
    ),
    "training add": (
        """
        记录一次培训：
        $ volctl training add 应急救护培训 --date 2025-04-12 --topic 应急救护 --hours 3 \\
          --trainer 市红十字会 --place 东湖社区服务中心
        新志愿者的岗前（初次）培训：
        $ volctl training add 新志愿者岗前培训 --date 2025-03-01 --topic 志愿精神 --initial
        """,
        """
        Record a training session:
        $ volctl training add 应急救护培训 --date 2025-04-12 --topic "first aid" --hours 3 \\
          --trainer 市红十字会 --place 东湖社区服务中心
        New volunteers' first (induction) training:
        $ volctl training add 新志愿者岗前培训 --date 2025-03-01 --topic "volunteer spirit" \\
          --initial
        """,
    ),
    "training list": (
        """
        全部培训：
        $ volctl training list
        某段时间内某个主题的培训：
        $ volctl training list --from 2025-01-01 --to 2025-06-30 --topic 应急救护
        """,
        """
        Every training session:
        $ volctl training list
        One topic's sessions over a period:
        $ volctl training list --from 2025-01-01 --to 2025-06-30 --topic "first aid"
        """,
    ),
    "training show": (
        """
        查看一次培训及参加的人：
        $ volctl training show T20250412-01
        以 JSON 给脚本使用：
        $ volctl training show T20250412-01 --format json
        """,
        """
        One session and who attended:
        $ volctl training show T20250412-01
        As JSON, for a script:
        $ volctl training show T20250412-01 --format json
        """,
    ),
    "training attend": (
        """
        登记参加培训的志愿者（可用编号范围）：
        $ volctl training attend T20250412-01 V000001-V000012
        用逗号列出几个人：
        $ volctl training attend T20250412-01 V000015,V000018,王芳
        """,
        """
        Record who attended (a range of numbers works):
        $ volctl training attend T20250412-01 V000001-V000012
        A few people, with commas:
        $ volctl training attend T20250412-01 V000015,V000018,王芳
        """,
    ),
    "training topics": (
        """
        列出培训主题：
        $ volctl training topics
        增加一个主题：
        $ volctl training topics --add 心理疏导
        """,
        """
        List the training topics:
        $ volctl training topics
        Add a topic:
        $ volctl training topics --add 心理疏导
        """,
    ),
}

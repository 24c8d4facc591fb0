"""volctl demo."""

MESSAGES = {
    "help.demo": (
        "用 examples/ 中的示例数据建一个社区台账，并展示它。",
        "Build an example community roster from examples/ and show it.",
    ),
    "opt.demo_dir": (
        "示例台账放在哪个文件夹（默认新建临时文件夹）。",
        "Folder for the example roster (default: a new temporary folder).",
    ),
    "demo.built": ("示例台账已建好：{path}", "The example roster is ready: {path}"),
    "demo.step_registered": ("登记志愿者 {count} 名", "registered {count} volunteers"),
    "demo.volunteers_title": ("示例社区的志愿者", "The example community's volunteers"),
    "demo.next": (
        "接着试试：volctl --db {db} register list --show-pii 或 volctl --db {db} info",
        "Try next: volctl --db {db} register list --show-pii, or volctl --db {db} info",
    ),
    "demo.exists": (
        "{path} 已经有一个台账，请换一个空文件夹。",
        "{path} already holds a roster; choose an empty folder.",
    ),
    "demo.no_examples": ("找不到示例数据（{path}）。", "The example data is missing ({path})."),
}

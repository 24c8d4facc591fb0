"""Shell completion (``volctl --install-completion`` / ``--show-completion``)."""

MESSAGES = {
    "opt.install_completion": (
        "为 bash、zsh 或 fish 安装命令补全（不写则用当前的 shell），重开终端后生效。",
        "Install command completion for bash, zsh or fish (default: the current shell); it "
        "takes effect in a new terminal.",
    ),
    "opt.show_completion": (
        "显示 bash、zsh 或 fish 的命令补全脚本（不写则用当前的 shell），可自行安装。",
        "Show the completion script for bash, zsh or fish (default: the current shell), to "
        "install it yourself.",
    ),
    "completion.shell_unknown": (
        "不支持为 {shell} 补全命令；可选：{shells}（写在选项之后，如 --show-completion bash）。",
        "Completion is not available for {shell}; choose one of {shells} (after the option, "
        "e.g. --show-completion bash).",
    ),
    "completion.installed": (
        "已为 {shell} 安装命令补全：{path}。重开终端后生效。",
        "Installed {shell} completion in {path}; it takes effect in a new terminal.",
    ),
}

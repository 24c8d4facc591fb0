"""Guided entry: questions for missing required fields (``volctl.cli.guided``)."""

MESSAGES = {
    "opt.no_input": (
        "不逐项询问：缺少必填项时直接报错（脚本中使用）。",
        "Never ask: missing required fields are an error at once (for scripts).",
    ),
    "guided.missing": (
        "缺少 {count} 个必填项：{fields}。",
        "{count:~required field is|required fields are} missing: {fields}.",
    ),
    "hint.guided_missing": (
        "在终端中运行会逐项询问；在脚本中请用上面的选项一次给全。",
        "At a terminal you are asked for each; in a script, give them all with the options above.",
    ),
    "guided.required": ("「{field}」必须填写。", "{field} is required."),
    "guided.prompt_suffix": ("：", ": "),
    "guided.choices": ("可选：{choices}", "One of: {choices}"),
    "guided.id_tells": (
        "性别 {gender}，出生日期 {birth_date}（{age} 岁）",
        "gender {gender}, born {birth_date} (aged {age})",
    ),
    "guided.minor": (
        "；未满 18 岁，需要监护人姓名和电话",
        "; under 18, so a guardian's name and phone are needed",
    ),
    "guided.phone_as": ("记为 {phone}", "recorded as {phone}"),
    "guided.date_as": ("即 {date}", "that is {date}"),
}

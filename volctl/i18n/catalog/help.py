"""The scaffolding of every help page: usage line, section titles, argument names.

``arg_name.<name>``: what an argument is called in the usage line, the list of arguments and
error messages, by its English placeholder (VOL, ACT, FILE…: ``-`` and ``|`` read as ``_``);
``arg_name.<group>_<command>.<param>`` names one command's argument where the placeholder
alone is ambiguous (NAME, TITLE, FILE). English keeps the placeholder the code gives;
``tests/test_help.py`` fails for an argument without a Chinese name.
"""

MESSAGES = {
    "click.usage_options": ("[选项]", "[OPTIONS]"),
    "click.usage_command": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "click.heading": ("{heading}：", "{heading}:"),
    "click.examples": ("示例", "Examples"),
    "click.extras": ("（{extras}）", " ({extras})"),
    "click.extras_join": ("；", "; "),
    "click.optional": ("可省略", "optional"),
    # Names of choices that are codes (volctl.values).
    "value.all": ("全部", "all"),
    "value.skip": ("跳过", "skip"),
    "value.update": ("更新", "update"),
    "value.header_labels": ("labels", "labels"),
    "value.header_keys": ("keys", "keys"),
    # A report's figures in CSV or xlsx, one a row (report summary).
    "help.col.section": ("部分", "section"),
    "help.col.item": ("项目", "item"),
    "help.col.measure": ("指标", "measure"),
    "help.col.value": ("数值", "value"),
    "opt.header": (
        "CSV 和 xlsx 的表头：labels（界面语言的列名，取值也用界面语言，默认）或 keys（JSON 的键和"
        "存储的取值，供脚本使用）。",
        "CSV and xlsx headers: labels (column names in the interface language, values named "
        "in it; default) or keys (the JSON keys and the values as stored, for scripts).",
    ),
    "output.header_unknown": (
        "--header 不能是「{value}」，可选：{choices}。",
        "--header cannot be '{value}'; choose one of {choices}.",
    ),
    "value.keep_roster": ("本名册", "roster"),
    "value.keep_source": ("来源", "source"),
    # Arguments by their placeholder.
    "arg_name.vol": ("志愿者", "VOL"),
    "arg_name.act": ("活动", "ACT"),
    "arg_name.team": ("队伍", "TEAM"),
    "arg_name.file": ("文件", "FILE"),
    "arg_name.recipient": ("服务对象", "RECIPIENT"),
    "arg_name.training": ("培训", "TRAINING"),
    "arg_name.record": ("记录号", "RECORD"),
    "arg_name.batch": ("批次", "BATCH"),
    "arg_name.entry": ("服务对象记录号", "ENTRY"),
    "arg_name.key": ("设置项", "KEY"),
    "arg_name.value": ("值", "VALUE"),
    "arg_name.conflict": ("不一致编号", "CONFLICT"),
    "arg_name.source": ("来源", "SOURCE"),
    "arg_name.ref": ("编号或名称", "REF"),
    "arg_name.bundle_roster": ("数据包或名册", "BUNDLE|ROSTER"),
    "arg_name.public_key": ("公钥", "PUBLIC-KEY"),
    "arg_name.name": ("名称", "NAME"),
    "arg_name.title": ("名称", "TITLE"),
    # Arguments whose placeholder is shared by different things.
    "arg_name.team_add.name": ("队伍名称", "NAME"),
    "arg_name.activity_add.title": ("活动名称", "TITLE"),
    "arg_name.activity_schedule.title": ("活动名称", "TITLE"),
    "arg_name.training_add.title": ("培训名称", "TITLE"),
    "arg_name.export_form.name": ("表格名称", "NAME"),
    "arg_name.export_table.name": ("数据表名称", "NAME"),
    "arg_name.keys_trust.name": ("单位名称", "NAME"),
    "arg_name.keys_revoke.name": ("单位名称", "NAME"),
    "arg_name.register_import.files": ("报名表", "FILE"),
    "arg_name.log_hours_import.file": ("签到表", "FILE"),
    "arg_name.backup.file": ("备份文件或文件夹", "FILE"),
    "arg_name.restore.file": ("备份文件", "FILE"),
    "arg_name.template": ("模板", "TEMPLATE"),
}

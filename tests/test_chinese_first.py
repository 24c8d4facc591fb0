"""Chinese first: every spelling of zh gives Chinese, and every enumerated option takes its
Chinese name, its English name and its aliases, shown back in the interface language."""

from __future__ import annotations

import pytest

from volctl import i18n, values
from volctl.i18n import detect, language

CHINESE = ("zh", "zh_CN", "zh-CN", "zh_CN.UTF-8", "zh-Hans", "zh_TW", "ZH_cn", "zh_CN@pinyin")
ENGLISH = ("en", "en_US.UTF-8", "C", "C.UTF-8", "POSIX", "fr_FR", "zhx", "ja_JP.UTF-8")


@pytest.mark.parametrize("tag", CHINESE)
def test_every_spelling_of_chinese_gives_chinese_by_flag_variable_and_locale(tag) -> None:
    assert language(tag) == "zh"
    assert detect(["--lang", tag], {}) == "zh"
    assert detect([f"--lang={tag}"], {"VOLCTL_LANG": "en"}) == "zh"
    assert detect([], {"VOLCTL_LANG": tag, "LANG": "en_US.UTF-8"}) == "zh"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        assert detect([], {var: tag}) == "zh", var
    assert detect([], {"LANGUAGE": f"{tag}:en"}) == "zh"


@pytest.mark.parametrize("tag", ENGLISH)
def test_anything_else_gives_english_by_the_same_rule(tag) -> None:
    assert language(tag) == "en"
    assert detect(["--lang", tag], {"VOLCTL_LANG": "zh"}) == "en"
    assert detect([], {"VOLCTL_LANG": tag, "LANG": "zh_CN.UTF-8"}) == "en"
    assert detect([], {"LANG": tag}) == "en"


@pytest.mark.parametrize("tag", ("zh_CN", "zh-CN", "zh-Hans", "zh_TW"))
def test_the_command_line_speaks_chinese_for_every_spelling(cli, roster, monkeypatch, tag) -> None:
    flag = cli("--lang", tag, "register", "show", "无此人")
    assert flag.exit_code == 4 and flag.stderr.startswith("错误："), flag.stderr
    monkeypatch.setenv("VOLCTL_LANG", tag)
    env = cli("register", "show", "无此人")
    assert env.stderr.startswith("错误："), env.stderr
    monkeypatch.setenv("VOLCTL_LANG", "fr_FR.UTF-8")
    assert cli("register", "show", "无此人").stderr.startswith("Error: ")


# ----------------------------------------------------------------------------- values

KINDS = (
    "gender",
    "team_level",
    "team_role",
    "activity_status",
    "attendance",
    "category",
    "political_status",
    "education",
    "id_type",
    "beneficiary_group",
    "theme",
    "volunteer_status",
)


@pytest.mark.parametrize("kind", KINDS)
def test_every_value_is_found_by_its_chinese_name_english_name_and_aliases(kind) -> None:
    for value in values.table(kind):
        spellings = {value.zh, value.en, value.en.upper(), value.en.replace(" ", "-"),
                     *value.aliases}  # fmt: skip
        for spelling in spellings:
            assert values.find(kind, spelling) == value.stored, (kind, spelling)
        assert values.name(kind, value.stored, "zh") == value.zh
        assert values.name(kind, value.stored, "en") == value.en
        assert value.en.isascii() and not value.zh.isascii(), (kind, value)


@pytest.mark.parametrize("kind", KINDS)
def test_no_name_stands_for_two_values_of_a_kind(kind) -> None:
    seen: dict[str, str] = {}
    for value in values.table(kind):
        for spelling in {value.stored, value.zh, value.en, *value.aliases}:
            folded = values.fold(spelling)
            assert seen.setdefault(folded, value.stored) == value.stored, (kind, spelling)


def _json(result):
    assert result.exit_code == 0, result.stderr
    return result.json()


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("en", {"level": "detachment", "role": "deputy", "category": "community service",
                "theme": "caring for nature", "status": "late", "gender": "female",
                "political": "CPC member", "education": "bachelor", "group": "empty-nest elders",
                "act_status": "held", "by": "category", "id_type": "passport"}),
        ("zh", {"level": "分队", "role": "副队长", "category": "社区服务", "theme": "关爱自然",
                "status": "迟到", "gender": "女", "political": "中共党员", "education": "大学本科",
                "group": "空巢老人", "act_status": "已举办", "by": "类别",
                "id_type": "护照"}),
    ],
)  # fmt: skip
def test_every_enumerated_option_takes_english_and_chinese_names(cli, roster, lang, names):
    n = names
    run = cli
    person = _json(run("register", "add", "--name", "王芳", "--id-number", "330482198001011246",
                       "--phone", "13812340001", "--gender", n["gender"], "--registered-on",
                       "2025-01-01", "--political", n["political"], "--education",
                       n["education"], "--format", "json", "--no-input"))  # fmt: skip
    assert (person["political_status"], person["education"]) == ("中共党员", "大学本科")
    abroad = _json(run("register", "add", "--name", "Anna", "--id-type", n["id_type"],
                       "--id-number", "E12345678", "--phone", "13812340002", "--gender",
                       n["gender"], "--birth", "1990-01-01", "--format", "json",
                       "--no-input"))  # fmt: skip
    assert abroad["id_type"] == "护照" and abroad["gender"] == "女"
    assert run("team", "add", "东湖分队", "--level", n["level"]).exit_code == 0
    joined = run("team", "join", "东湖分队", person["volunteer_no"], "--role", n["role"])
    assert joined.exit_code == 0, joined.stderr
    team = _json(run("team", "show", "东湖分队", "--format", "json"))
    assert team["level"] == "分队"
    assert _json(run("recipient", "add", "--name", "周阿婆", "--group", n["group"],
                     "--format", "json"))["group"] == "空巢老人"  # fmt: skip
    act = _json(run("activity", "add", "便民服务", "--date", "2025-03-05", "--start", "08:30",
                    "--end", "11:30", "--category", n["category"], "--theme", n["theme"],
                    "--format", "json"))  # fmt: skip
    assert (act["category"], act["theme"]) == ("社区服务", "关爱自然")
    logged = run("log-hours", "add", person["volunteer_no"], "--activity", act["activity_no"],
                 "--start", "08:50", "--end", "11:30", "--status", n["status"])  # fmt: skip
    assert logged.exit_code == 0, logged.stderr
    records = _json(run("log-hours", "list", "--format", "json"))
    assert records[0]["attendance"] == "late"
    held = _json(run("activity", "list", "--status", n["act_status"], "--format", "json"))
    assert [a["activity_no"] for a in held] == [act["activity_no"]]
    assert run("report", "hours", "--by", n["by"], "--year", "2025").exit_code == 0


def test_output_names_values_in_the_interface_language_and_json_keeps_them_as_stored(
    cli, roster
) -> None:
    assert cli("team", "add", "东湖分队", "--level", "detachment").exit_code == 0
    english = cli("--lang", "en", "team", "list").stdout
    chinese = cli("--lang", "zh", "team", "list").stdout
    assert "detachment" in english and "分队" not in english.replace("东湖分队", "")
    assert "分队" in chinese.replace("东湖分队", "")
    assert cli("--lang", "en", "team", "list", "--format", "json").json()[0]["level"] == "分队"
    csv_en = cli("--lang", "en", "team", "list", "--format", "csv").stdout.splitlines()
    csv_zh = cli("--lang", "zh", "team", "list", "--format", "csv").stdout.splitlines()
    keys = cli("--lang", "zh", "team", "list", "--format", "csv", "--header", "keys").stdout
    assert "detachment" in csv_en[1] and "分队" in csv_zh[1].replace("东湖分队", "")
    assert csv_zh[0].startswith("编号") or "名称" in csv_zh[0]
    assert keys.splitlines()[0].startswith("id,name,level")
    assert ",分队," in keys.splitlines()[1]


def test_an_unknown_name_is_refused_with_the_choices_in_the_interface_language(cli, roster) -> None:
    assert cli("team", "add", "东湖分队", "--level", "分队").exit_code == 0
    en = cli("--lang", "en", "team", "join", "东湖分队", "V000001", "--role", "boss")
    assert en.exit_code == 3 and "leader (队长)" in en.stderr and "'boss'" in en.stderr
    zh = cli("--lang", "zh", "team", "join", "东湖分队", "V000001", "--role", "boss")
    assert zh.exit_code == 3 and "队长、副队长" in zh.stderr
    i18n.set_lang("en")


# ----------------------------------------------------------------------------- line breaking

SAMPLES = {
    "path": "/home/clerk/台账/东湖社区志愿者报名表.rejects.xlsx",
    "file": "东湖社区志愿者报名表.xlsx",
    "volunteer": "周美华（V000001）",
    "no": "V000001",
    "date": "2026-12-07",
    "hours": "1234.5",
    "count": "12",
    "option": "--with-subteams",
}


def _sample(field: str) -> str:
    name = field.split(":", 1)[0].split("!", 1)[0]
    for word, value in SAMPLES.items():
        if word in name:
            return value
    return "周美华（V000001）"


def _filled(text: str) -> str:
    import re

    return re.sub(r"\{([^{}]*)\}", lambda m: _sample(m.group(1)), text)


def _messages() -> list[str]:
    found = []
    for zh, en in i18n.catalogue().values():
        found += [_filled(zh), _filled(en)]
    return found


def _check_lines(text: str, lines: list[str], width: int) -> None:
    from volctl.i18n.linebreak import CLOSING, OPENING, widest_unit
    from volctl.i18n.linebreak import width as measure

    wide = widest_unit(text) > width  # a piece wider than the line: cut, the rules give way
    if not wide:
        assert all(measure(line) <= width for line in lines), (text, lines)
    # the text is all there, in order; where each break falls: at a space or between two
    # characters that were side by side
    flat = " ".join(text.split())
    index = 0
    for number, line in enumerate(lines):
        piece = line.strip()
        assert flat.startswith(piece, index), (text, lines)
        index += len(piece)
        at_space = flat[index : index + 1] == " "
        index += at_space
        if number == len(lines) - 1 or wide:
            continue
        after = lines[number + 1].strip()
        closes = after[0] in CLOSING and not (after[0] in ".," and after[1:2].isalnum())
        assert not closes, (text, piece, after)
        assert piece[-1] not in OPENING, (text, piece, after)
        last, first = piece[-1], after[0]
        if not at_space:
            # never inside a number, an option name, a volunteer number or an English word,
            # nor between a number and its unit
            assert not (last.isascii() and first.isascii() and last != "/"), (piece, after)
            assert not (last.isascii() and last.isdigit()), (text, piece, after)


@pytest.mark.parametrize("width", (40, 60, 80))
def test_every_catalogue_message_wraps_by_the_line_breaking_rules(width) -> None:
    from volctl.i18n.linebreak import wrap_lines

    for text in _messages():
        for paragraph in text.split("\n"):
            if paragraph.strip():
                _check_lines(paragraph, wrap_lines(paragraph, width), width)


def test_a_volunteer_in_brackets_and_a_file_name_stay_whole() -> None:
    from volctl.i18n.linebreak import wrap_lines

    text = (
        "已加入队伍：周美华（V000001）、王芳（V000002），报名表 东湖社区志愿者报名表.xlsx 已导入。"
    )
    for width in range(30, 81):
        lines = wrap_lines(text, width)
        assert any("（V000001）" in line for line in lines), (width, lines)
        assert any("东湖社区志愿者报名表.xlsx" in line for line in lines), (width, lines)
        assert not any(line.startswith(("）", "，", "。", "、")) for line in lines), lines
    assert wrap_lines("结果已写入 --with-subteams 的表格中。", 20)[0].endswith("入")


def _headers() -> list[str]:
    prefixes = ("field.", "col.", "hours.col.", "report.col.", "intake.col.", "audit.key.")
    return [
        text
        for key, pair in i18n.catalogue().items()
        if key.startswith(prefixes) or ".col." in key
        for text in pair
    ]


@pytest.mark.parametrize("width", (40, 60, 80))
def test_every_table_header_breaks_between_its_words_only(width) -> None:
    from volctl.i18n.linebreak import CLOSING, label_units, label_width, wrap_label
    from volctl.i18n.linebreak import width as measure

    headers = _headers()
    assert len(headers) > 100
    for header in headers:
        units = label_units(header)
        for columns in sorted({label_width(header), max(label_width(header), width // 8)}):
            lines = wrap_label(header, columns).split("\n")
            assert all(measure(line) <= columns for line in lines), (header, lines)
            assert "".join(lines).replace(" ", "") == header.replace(" ", "")
            assert all(line[:1] not in CLOSING for line in lines), (header, lines)
            # each line is whole words of the header
            assert all(any(line.startswith(u) for u in units) for line in lines), (header, lines)
    assert wrap_label("志愿者编号", 6) == "志愿者\n编号"
    assert wrap_label("服务时长（小时）", 8) == "服务时长\n（小时）"


@pytest.mark.parametrize("width", (40, 60, 80))
def test_a_table_at_any_width_splits_no_header_word_and_no_volunteer_number(width) -> None:
    import io

    from rich.console import Console

    from volctl.render import Column, table

    rows = [
        {"who": f"周美华（V00000{n}）", "team": "东湖社区助老服务队", "hours": 12.5,
         "file": "东湖社区志愿者报名表.xlsx", "note": "Community Service Day 集中服务日"}
        for n in range(1, 4)
    ]  # fmt: skip
    columns = [
        Column("who", "志愿者编号及姓名"),
        Column("team", "所在队伍"),
        Column("hours", "服务时长（小时）", "right"),
        Column("file", "导入文件"),
        Column("note", "备注"),
    ]
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(table(rows, columns))
    text = out.getvalue()
    assert "（V000001）" in text and "12.5" in text
    for line in text.splitlines():
        assert not line.strip().startswith(("）", "。", "，")), line
        assert "志愿者编\n" not in text and "服务时长（小\n" not in text
        assert "Servic" not in line or "Service" in line or "Servi-" in line, line


def test_export_forms_leaves_the_notice_numbers_out_of_the_screen_and_names_them_in_files(
    cli, roster
) -> None:
    screen = cli("--lang", "zh", "export", "forms").stdout
    assert "来源" not in screen and "004 附件1" not in screen and "分队人员名册表" in screen
    csv = cli("--lang", "zh", "export", "forms", "--format", "csv").stdout.splitlines()
    assert "出自（通知编号及附件）" in csv[0] and any("004 附件1" in line for line in csv)
    assert cli("export", "forms", "--format", "json").json()[0]["source"]

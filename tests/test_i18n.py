"""Both languages are complete: every message the code can show exists in zh and en."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from volctl import i18n
from volctl.i18n import catalogue, t
from volctl.roster.volunteers import FIELDS
from volctl.settings import SETTINGS

PACKAGE = Path(__file__).resolve().parents[1] / "volctl"
# A message key: dotted lowercase words, e.g. reason.id_number_checksum, help.register.add.
KEY = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
# Calls whose string arguments are message keys.
CALLS = {
    "t",
    "InvalidInput",
    "NotFound",
    "Conflict",
    "RosterError",
    "VolctlError",
    "command",
    "group",
    "_opt",
    "_status_command",
    "notice",
    "warn",
}


def placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def keys_in_code() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if "i18n" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in CALLS:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords if k.arg == "hint")]:
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and KEY.match(arg.value)
                ):
                    found.add(arg.value)
    return found


def test_every_message_has_chinese_and_english_with_the_same_placeholders() -> None:
    for key, (zh, en) in catalogue().items():
        assert zh.strip() and en.strip(), key
        assert placeholders(zh) == placeholders(en), key


def test_every_message_key_the_code_uses_is_in_the_catalogue() -> None:
    missing = keys_in_code() - set(catalogue())
    assert not missing, sorted(missing)


def test_every_field_setting_and_status_has_a_label() -> None:
    names = set(catalogue())
    assert {f"field.{f}" for f in FIELDS} <= names
    assert {f"setting.{s}" for s in SETTINGS} <= names
    assert {"status.active", "status.inactive"} <= names


def test_the_language_follows_the_option_then_the_environment_then_the_locale() -> None:
    assert i18n.detect(["--lang", "zh", "info"], {}) == "zh"
    assert i18n.detect(["--lang=en"], {"VOLCTL_LANG": "zh"}) == "en"
    assert i18n.detect([], {"VOLCTL_LANG": "zh"}) == "zh"
    assert i18n.detect([], {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert i18n.detect([], {"LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.detect([], {}) == "en"


def test_errors_follow_the_chosen_language(cli, roster) -> None:
    zh = cli("--lang", "zh", "register", "show", "无此人")
    en = cli("--lang", "en", "register", "show", "无此人")
    assert zh.stderr.startswith("错误：找不到志愿者「无此人」")
    assert en.stderr.startswith("Error: No volunteer '无此人'")


def test_usage_errors_are_translated(cli, roster) -> None:
    result = cli("--lang", "zh", "register", "list", "--no-such-thing")
    assert result.exit_code == 2
    assert "没有选项 --no-such-thing" in result.stderr and "用法：" in result.stderr


@pytest.mark.parametrize(
    ("lang", "expected"), [("zh", "志愿者登记"), ("en", "Volunteers: register")]
)
def test_help_is_written_in_the_chosen_language(lang: str, expected: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "volctl", "--lang", lang, "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert expected in out
    assert ("选项" in out) == (lang == "zh")


def test_messages_format_their_parameters() -> None:
    i18n.set_lang("zh")
    assert t("register.added", volunteer_no="V1", name="王") == "已登记：V1 王"
    i18n.set_lang("en")
    assert t("register.added", volunteer_no="V1", name="王") == "Registered V1 王"


def test_every_table_that_points_at_volunteers_has_a_label_for_undo_refusals(tmp_path) -> None:
    from volctl.db import open_roster

    conn = open_roster(tmp_path / "r.db", create=True)
    tables = {
        table
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})")
        if fk[2] == "volunteers"
    }
    assert {f"intake.used_in.{table}" for table in tables} <= set(catalogue())


def test_a_missing_argument_is_named_whole_in_chinese(cli, roster) -> None:
    result = cli("--lang", "zh", "register", "import")
    assert result.exit_code == 2
    assert "错误：缺少参数 '报名表...'。" in result.stderr and "。.." not in result.stderr


def test_a_mistyped_command_gets_its_suggestion_in_chinese(cli, roster) -> None:
    result = cli("--lang", "zh", "register", "lst")
    assert "没有命令 'lst'。是否想输入 'list'？" in result.stderr


def test_english_counts_read_right_for_one_and_for_several() -> None:
    i18n.set_lang("en")
    assert t("source.overlaps_count", count=1).startswith("1 person is counted")
    assert t("source.overlaps_count", count=2).startswith("2 people are counted")
    assert t("register.count", count=1) == "1 volunteer"
    assert t("hours.list_count", count=1, people=1, hours=2.0) == "1 record, 1 person, 2.0 h"
    i18n.set_lang("zh")
    assert t("source.overlaps_count", count=1).startswith("1 人")


def test_no_english_message_counts_people_or_things_without_a_plural_form() -> None:
    bare = re.compile(
        r"\{(count|n|rows|twice|volunteers|people|records|entries|removed)\} "
        r"(people|persons|volunteers|records|entries|rows|activities|teams|members|pairings)\b"
    )
    offenders = [
        key
        for key, (_zh, en) in catalogue().items()
        if bare.search(en)
        and " matches " not in en
        and not key.startswith("demo.")
        and "more than" not in en
        and "rows ×" not in en
        and "first {rows}" not in en
    ]
    assert not offenders, offenders


def test_lists_in_english_messages_use_english_punctuation() -> None:
    i18n.set_lang("en")
    assert i18n.join_list(["2", "3"]) == "2, 3"
    assert i18n.aside("V000001 王五", "phone") == "V000001 王五 (phone)"
    i18n.set_lang("zh")
    assert i18n.join_list(["2", "3"]) == "2、3"
    assert i18n.aside("V000001 王五", "手机") == "V000001 王五（手机）"

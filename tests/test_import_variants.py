"""Sheets of the same kinds as the samples, spelled, separated and footed otherwise, as .xlsx,
legacy .xls (xlwt), .ods and CSV: built for the kind, not for the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_phone
from tests.helpers_intake import count, query, snapshot
from tests.helpers_layouts import children, no_index, pid, questionnaire, unit_roster, write_sheet

FORMATS = ["xlsx", "xls", "ods"]


def run(cli, path: Path, *extra: str) -> dict[str, Any]:
    result = cli("register", "import", str(path), "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    summary: dict[str, Any] = result.json()
    return summary


def people(db: Path) -> dict[str, dict[str, Any]]:
    keys = ("name", "phone", "office_phone", "employer", "position", "notes", "registered_on")
    rows = query(db, f"SELECT {', '.join(keys)} FROM volunteers")
    return {r[0]: dict(zip(keys, r, strict=True)) for r in rows}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_unit_roster_reads_merged_employers_and_sub_columns_in_every_format(
    cli, roster, tmp_path, fmt
) -> None:
    rows, merges = unit_roster()
    summary = run(cli, write_sheet(tmp_path / f"unit.{fmt}", rows, merges))
    assert (summary["rows"], summary["imported"], summary["rejected"]) == (4, 4, 0)
    assert summary["footer_rows"] == 2
    columns = {c["column"]: c["field"] for c in summary["files"][0]["columns"]}
    assert columns["联系方式/移动电话"] == "phone" and columns["联系方式/座机"] == "office_phone"
    got = people(roster)
    assert got["甲二"]["employer"] == "平湖市实验小学（教师）"  # merged down from 甲一
    assert got["甲二"]["notes"] == "组长"
    assert got["甲四"]["employer"] == "当湖街道城建办"
    assert got["甲三"]["phone"] == got["甲三"]["office_phone"] == "+8657385234567;ext=839"
    assert got["甲四"]["phone"] == "+86" + make_phone(4)
    assert got["甲四"]["office_phone"] == "+8657385123456;ext=8001"
    assert {p["registered_on"] for p in got.values()} == {"2025-04-01"}  # 报送单位… 2025.4.1


@pytest.mark.parametrize("fmt", [*FORMATS, "csv"])
def test_a_childrens_sheet_takes_the_guardian_as_contact(cli, roster, tmp_path, fmt) -> None:
    rows, merges = children()
    if fmt == "csv":  # no merged cells: the group label over empty cells
        merges = []
    summary = run(cli, write_sheet(tmp_path / f"kids.{fmt}", rows, merges))
    assert (summary["imported"], summary["rejected"]) == (2, 1)
    assert summary["reasons"] == {"minor_without_guardian": 1}
    assert summary["footer_rows"] == 1  # 家长签字：
    got = query(
        roster,
        "SELECT name, phone, guardian_name, guardian_phone, guardian_relation, employer"
        " FROM volunteers ORDER BY name",
    )
    assert got == [
        ("乙一", None, "乙父", "+86" + make_phone(11), "父子", "东湖小学（三年级）"),
        ("乙三", None, "乙母", "+8657385012345;ext=8001", "母女", "东湖小学"),
    ]


@pytest.mark.parametrize("separator", [";", "|", "┋", "，", "、", "；"])
def test_a_questionnaire_of_another_tool_is_read_with_its_multiple_choices_split(
    cli, roster, tmp_path, separator
) -> None:
    path = write_sheet(tmp_path / "wj.xlsx", questionnaire(separator))
    summary = run(cli, path)
    assert (summary["rows"], summary["imported"]) == (3, 3)
    fields = [c["field"] for c in summary["files"][0]["columns"]]
    assert fields[:6] == ["ignored", "ignored", "submitted", "ignored", "ignored", "ignored"]
    assert fields[6:] == ["name", "gender", "id_number", "phone", "employer", "intentions"]
    assert summary["files"][0]["registered_on_source"] == "submitted"
    rows = query(roster, "SELECT registered_on, intentions, employer, notes FROM volunteers")
    assert sorted(r[0] for r in rows) == ["2025-03-02", "2025-03-03", "2025-03-04"]
    assert {r[1] for r in rows} == {json.dumps(["助老服务", "环境保护"], ensure_ascii=False)}
    assert {r[2] for r in rows} == {"平湖市人民医院（护理部）"}
    assert {r[3] for r in rows} == {None}  # the form tool's columns are not kept anywhere


def test_a_sheet_with_a_date_above_the_header_is_dated_by_it_not_by_submission(
    cli, roster, tmp_path
) -> None:
    rows = [["填报日期：2025年2月20日"], *questionnaire()]
    run(cli, write_sheet(tmp_path / "wj.xlsx", rows))
    assert query(roster, "SELECT DISTINCT registered_on FROM volunteers") == [("2025-02-20",)]


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "csv"])
def test_a_sheet_without_index_reads_two_numbers_and_extensions(cli, roster, tmp_path, fmt):
    summary = run(cli, write_sheet(tmp_path / f"list.{fmt}", no_index()))
    assert (summary["rows"], summary["imported"], summary["footer_rows"]) == (3, 3, 2)
    got = people(roster)
    assert got["丁一"]["phone"] == "+86" + make_phone(31)
    assert got["丁一"]["office_phone"] == "+8657385234567"
    assert got["丁二"]["phone"] == "+861062345678;ext=8001"
    intentions = query(roster, "SELECT intentions FROM volunteers WHERE name = '丁三'")[0][0]
    assert json.loads(intentions) == ["邻里守望", "助残服务"]


def test_a_phone_with_an_extension_prints_with_转(cli, roster, tmp_path) -> None:
    run(cli, write_sheet(tmp_path / "list.xlsx", no_index()))
    shown = cli("register", "show", "丁二", "--show-pii", "--format", "json").json()
    assert shown["phone"] == "010-62345678 转 8001"
    masked = cli("register", "show", "丁二", "--format", "json").json()
    assert masked["phone"] == "010-****5678 转 8001"


@pytest.mark.parametrize(
    "footer",
    [
        ["负责人签字：", "", "单位盖章："],
        ["制表：张三", "审核：李四", "日期：2025年3月1日"],
        ["单位（盖章）：", "", "日期："],
        ["共计2人"],
        ["合计：2人"],
        ["备注：本表一式两份"],
        ["填报说明：证件号码须为18位。"],
        ["以上信息经本人确认无误。"],
        ["家长签字：", "", ""],
        ["说明", "", ""],
    ],
)
def test_every_kind_of_footer_is_skipped_and_counted_never_rejected(
    cli, roster, tmp_path, footer
) -> None:
    rows = [
        ["姓名", "身份证号码", "手机号码"],
        ["戊一", pid(41), make_phone(41)],
        ["戊二", pid(42), make_phone(42)],
        footer,
        ["", "", ""],
    ]
    summary = run(cli, write_sheet(tmp_path / "f.xlsx", rows))
    assert (summary["rows"], summary["imported"], summary["rejected"]) == (2, 2, 0)
    assert summary["footer_rows"] == 1


def test_a_person_below_the_footer_is_not_read_and_the_clerk_is_told(cli, roster, tmp_path):
    rows = [["姓名", "身份证号码", "手机号码"], ["戊一", pid(41), make_phone(41)]]
    rows += [["合计：1人"], ["戊三", pid(43), make_phone(43)]]
    result = cli("register", "import", str(write_sheet(tmp_path / "f.xlsx", rows)))
    assert result.exit_code == 0 and count(roster) == 1
    assert "below the footer" in result.stderr and "4" in result.stderr


def test_two_columns_that_could_both_be_the_phone_are_refused_not_guessed(
    cli, roster, tmp_path
) -> None:
    rows = [["姓名", "身份证号码", "手机", "手机号码"], ["己一", pid(51), make_phone(51), "x"]]
    path = write_sheet(tmp_path / "a.xlsx", rows)
    before = snapshot(roster)
    result = cli("register", "import", str(path))
    assert result.exit_code == 3
    assert "「手机」" in result.stderr and "「手机号码」" in result.stderr
    assert '--column "手机=phone"' in result.stderr
    assert snapshot(roster) == before
    settled = run(cli, path, "--column", "手机号码=ignore")
    assert settled["imported"] == 1


def test_a_mobile_column_beside_a_telephone_column_makes_that_one_the_office_phone(
    cli, roster, tmp_path
) -> None:
    rows = [
        ["姓名", "身份证号码", "手机", "电话"],
        ["己二", pid(52), make_phone(52), "0573-85012345"],
    ]
    run(cli, write_sheet(tmp_path / "b.xlsx", rows))
    assert query(roster, "SELECT phone, office_phone FROM volunteers") == [
        ("+86" + make_phone(52), "+8657385012345")
    ]


def test_a_column_mapped_by_hand_is_read_shown_and_remembered_for_the_roster(
    cli, roster, tmp_path
) -> None:
    rows = [["队员", "证件", "联络"], ["庚一", pid(61), make_phone(61)]]
    path = write_sheet(tmp_path / "c.xlsx", rows)
    refused = cli("register", "import", str(path))
    assert refused.exit_code == 3
    mapping = ["--column", "队员=name", "--column", "证件=id-number", "--column", "C=phone"]
    preview = cli("register", "import", str(path), "--dry-run", "--format", "json", *mapping)
    columns = preview.json()["files"][0]["columns"]
    assert [(c["field"], c["how"]) for c in columns] == [
        ("name", "column"),
        ("id_number", "column"),
        ("phone", "column"),
    ]
    shown = cli("register", "import", str(path), "--dry-run", *mapping, "--remember")
    assert "--column" in shown.stdout and "remembers nothing" in shown.stderr
    assert count(roster, "import_columns") == 0
    assert run(cli, path, *mapping, "--remember")["imported"] == 1
    assert count(roster, "import_columns") == 3
    again = write_sheet(tmp_path / "d.xlsx", [rows[0], ["庚二", pid(62), make_phone(62)]])
    summary = run(cli, again)
    assert summary["imported"] == 1
    assert {c["how"] for c in summary["files"][0]["columns"]} == {"remembered"}


def test_a_column_mapping_to_an_unknown_field_is_refused_naming_the_choices(cli, roster, tmp_path):
    path = write_sheet(tmp_path / "c.xlsx", [["姓名", "身份证号码"], ["庚一", pid(61)]])
    result = cli("register", "import", str(path), "--column", "姓名=nom")
    assert result.exit_code == 3 and "nom" in result.stderr and "id-number" in result.stderr
    bad = cli("register", "import", str(path), "--column", "姓名")
    assert bad.exit_code == 3 and "HEADER=field" in bad.stderr
    alone = cli("register", "import", str(path), "--remember")
    assert alone.exit_code == 3 and "--column" in alone.stderr


def test_a_header_in_a_row_of_groups_reads_each_sub_column(cli, roster, tmp_path) -> None:
    rows = [
        ["基本信息", "", "", "紧急联系人", ""],
        ["姓名", "身份证号", "手机", "姓名", "电话"],
        ["辛一", pid(71), make_phone(71), "辛父", make_phone(72)],
    ]
    merges = [(0, 0, 0, 2), (0, 3, 0, 4)]
    summary = run(cli, write_sheet(tmp_path / "g.xlsx", rows, merges))
    fields = [c["field"] for c in summary["files"][0]["columns"]]
    assert fields == ["name", "id_number", "phone", "emergency_contact", "emergency_phone"]
    assert query(roster, "SELECT name, emergency_contact FROM volunteers") == [("辛一", "辛父")]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], "holds nothing"),
        ([["关于开展学雷锋志愿服务活动的通知"], ["各社区："], ["现将有关事项通知如下。"]], "text"),
        (
            [
                ["姓名", "张三", "性别", "男"],
                ["出生年月", "1980.1", "民族", "汉"],
                ["住址", "东湖路"],
            ],
            "form for one person",
        ),
        ([["姓名", "签到时间", "签退时间"], ["张三", "09:00", "11:00"]], "sign-in sheet"),
    ],
)
def test_a_file_that_is_not_a_list_is_refused_saying_what_it_looks_like(
    cli, roster, tmp_path, rows, expected
) -> None:
    path = write_sheet(tmp_path / "x.xlsx", rows or [[""]])
    result = cli("register", "import", str(path))
    assert result.exit_code == 3
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_a_phone_cell_longer_than_any_phone_is_one_rejected_row(cli, roster, tmp_path) -> None:
    from tests.conftest import make_id

    sheet = tmp_path / "hostile.csv"
    hostile = "（a" * 16_000 + "中"  # an unclosed bracket once made the row take seconds
    sheet.write_text(
        f"序号,姓名,身份证号码,手机号码\n1,王芳,{make_id(seq=1)},{hostile}\n"
        f"2,李强,{make_id(seq=2)},{make_phone(2)}\n",
        encoding="utf-8",
    )
    result = cli("register", "import", str(sheet), "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = result.json()
    assert summary["imported"] == 1 and summary["rejected"] == 1
    (detail,) = [d for d in summary["details"] if d["outcome"] == "rejected"]
    assert detail["row"] == 2 and detail["reason"] == "too_long"

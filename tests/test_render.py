"""Rendering: numbers keep their digits, and a narrow terminal never crops an identity number."""

from __future__ import annotations

import io

from rich.console import Console

from volctl.render import Column, table, to_csv


def test_csv_keeps_every_digit_of_a_large_or_precise_number() -> None:
    text = to_csv([{"minutes": 12345678.0, "hours": 1234567.25, "share": 0.1 + 0.2}])
    values = text.strip().splitlines()[1].split(",")
    assert values == ["12345678", "1234567.25", str(0.1 + 0.2)]


def test_a_column_that_must_not_wrap_is_shown_whole_on_an_80_column_terminal() -> None:
    masked = "330482********0387"
    rows = [
        {
            "no": "V000123",
            "name": "欧阳娜娜",
            "gender": "女",
            "age": 67,
            "id": masked,
            "phone": "186****6633",
            "party": "中国共产党党员",
            "employer": "东湖街道社区卫生服务中心",
            "status": "在册",
        }
    ] * 3
    columns = [
        Column("no", "志愿者编号", no_wrap=True),
        Column("name", "姓名", no_wrap=True),
        Column("gender", "性别", no_wrap=True),
        Column("age", "年龄", "right", no_wrap=True),
        Column("id", "公民身份号码", no_wrap=True),
        Column("phone", "手机号码", no_wrap=True),
        Column("party", "政治面貌"),
        Column("employer", "工作单位"),
        Column("status", "状态", no_wrap=True),
    ]
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(table(rows, columns))
    text = out.getvalue()
    assert text.count(masked) == 3 and text.count("186****6633") == 3


def test_csv_columns_of_a_record_field_do_not_depend_on_which_rows_fill_it() -> None:
    adult = {"name": "王五", "guardian": None, "status": "active"}
    child = {
        "name": "小明",
        "guardian": {"name": "王*", "phone": "139****2345"},
        "status": "active",
    }
    nested = {"guardian": ("name", "phone")}
    expected = "name,guardian_name,guardian_phone,status"
    assert to_csv([adult], nested=nested).splitlines()[0] == expected
    assert to_csv([adult, child]).splitlines() == [
        expected,
        "王五,,,active",
        "小明,王*,139****2345,active",
    ]
    assert to_csv([child, adult], nested=nested).splitlines()[0] == expected

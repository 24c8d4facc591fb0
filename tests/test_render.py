"""Rendering: numbers keep their digits, and a narrow terminal never crops an identity number."""

from __future__ import annotations

import io

from helpers_render import parse_table, widest_line
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


def _render(renderable: object, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(renderable)
    return out.getvalue()


def _register_rows() -> tuple[list[dict[str, object]], list[Column]]:
    rows = [
        {
            "no": f"V00012{n}",
            "name": name,
            "gender": "女",
            "age": 60 + n,
            "id": f"330482********038{n}",
            "phone": f"186****663{n}",
            "party": "中国共产党党员",
            "employer": "东湖街道社区卫生服务中心（退休）",
            "status": "在册",
        }
        for n, name in enumerate(["欧阳娜娜", "王五", "李建国"])
    ]
    columns = [
        Column("no", "volunteer no.", no_wrap=True),
        Column("name", "name", no_wrap=True),
        Column("gender", "gender", no_wrap=True),
        Column("age", "age", "right", no_wrap=True),
        Column("id", "identity number", no_wrap=True),
        Column("phone", "phone", no_wrap=True),
        Column("party", "political status"),
        Column("employer", "employer"),
        Column("status", "status", no_wrap=True),
    ]
    return rows, columns


def test_every_header_and_every_whole_value_is_shown_at_80_columns() -> None:
    rows, columns = _register_rows()
    text = _render(table(rows, columns), 80)
    assert widest_line(text) <= 80
    parsed = parse_table(text)
    assert parsed.headers == [c.header.replace(" ", "") for c in columns]
    for col in columns:
        assert parsed.values(col.header) == [str(r[col.key]) for r in rows], col.header


def test_a_number_is_never_split_across_lines_on_a_narrow_terminal() -> None:
    rows = [
        {
            "rank": n,
            "no": f"V0000{n:02d}",
            "name": "苏晓燕",
            "team": "东湖社区志愿者服务分队",
            "participations": 64,
            "hours": 140.0 - n,
            "total": 1140.0 - n,
            "stars": "一星",
        }
        for n in range(1, 11)
    ]
    columns = [
        Column("rank", "名次", "right"),
        Column("no", "志愿者编号", no_wrap=True),
        Column("name", "姓名"),
        Column("team", "队伍"),
        Column("participations", "服务人次", "right"),
        Column("hours", "服务时长（小时）", "right"),
        Column("total", "累计时长（小时）", "right"),
        Column("stars", "星级"),
    ]
    for width in (60, 80, 100):
        parsed = parse_table(_render(table(rows, columns), width))
        for key, header in (("hours", "服务时长（小时）"), ("total", "累计时长（小时）")):
            index = parsed.column(header)
            # one line each: the value's first line is the whole number
            assert [row[index] for row in parsed.rows] == [[f"{r[key]:.1f}"] for r in rows]


def test_every_column_keeps_a_readable_width_when_the_table_is_squeezed() -> None:
    rows, columns = _register_rows()
    fitted = table(rows, columns)
    for width in (80, 90, 100):
        _layout, widths = fitted.fit(width)
        hard, _whole, natural = fitted.widths()
        assert all(w >= h for w, h in zip(widths, hard, strict=True))
        assert all(w >= min(6, n) for w, n in zip(widths, natural, strict=True))


def test_a_table_too_wide_for_the_terminal_becomes_one_block_per_row_with_every_field() -> None:
    rows, columns = _register_rows()
    text = _render(table(rows, columns, title="志愿者"), 60)
    assert widest_line(text) <= 60
    assert "┃" not in text
    lines = [line.strip() for line in text.splitlines()]
    for row in rows:
        for col in columns:
            assert any(
                line.startswith(col.header) and line.endswith(str(row[col.key])) for line in lines
            ), (col.header, row[col.key])


def test_csv_shows_records_inside_a_list_as_plain_text() -> None:
    rows = [
        {
            "recipient_no": "R000001",
            "volunteers": [
                {"volunteer_no": "V000001", "name": "武涵红", "phone": None},
                {"volunteer_no": "V000002", "name": "李四", "phone": "139****0000"},
            ],
        }
    ]
    assert to_csv(rows).splitlines()[1] == "R000001,V000001 武涵红;V000002 李四 139****0000"

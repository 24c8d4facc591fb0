"""volctl export fill: templates a superior sends, filled and read back (issue 20).

The templates (``tests/fixtures/templates``, built by ``tests/helpers_fill.py``) are filled
from the example community of the export tests (``helpers_export.build_community``: 2025,
a brigade, a squadron, two detachments, concentrated service days, one record amended and one
voided, a training, a commendation). Every recognised column is checked against the reports'
own figures, and the template's layout against the template.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_id
from tests.helpers_export import EAST, FORMULA_NAME, SQUADRON, WEST, community_roster
from tests.helpers_fill import template


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def fill(cli, tmp_path: Path, name: str, *args: str, out: str = "filled.xlsx"):
    source = template(name, tmp_path)
    target = tmp_path / out
    result = cli("export", "fill", source, "-o", target, "--year", "2025", *args)
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(target), result


def table_rows(ws, first: int, stop_at: str | None = None) -> list[list]:
    """The filled rows from ``first``: until an empty 序号 (or the row starting ``stop_at``)."""
    out = []
    for r in range(first, ws.max_row + 1):
        values = [c.value for c in ws[r]]
        if values[0] is None or values[0] == stop_at:
            break
        out.append(values)
    return out


def volunteers(db: Path, where: str = "1", params: tuple = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            f"SELECT * FROM volunteers WHERE status = 'active' AND {where} ORDER BY volunteer_no",
            params,
        ).fetchall()
    finally:
        conn.close()


def hours_by_volunteer(cli) -> dict[str, float]:
    report = cli(
        "report", "hours", "--by", "volunteer", "--from", "2025-01-01", "--to", "2025-12-31",
        "--format", "json",
    ).json()  # fmt: skip
    return {row["volunteer_no"]: row["hours"] for row in report["rows"]}


# ----------------------------------------------------------------------------- one row per person


def test_a_party_template_lists_the_party_members_with_their_hours_as_the_report_counts_them(
    cli, town, db_path, tmp_path
) -> None:
    book, result = fill(cli, tmp_path, "party.xlsx", "--where", "政治面貌=中共党员")
    ws = book.active
    rows = table_rows(ws, 4, stop_at="合计")
    people = volunteers(db_path, "political_status = ?", ("中共党员",))
    assert [r[1] for r in rows] == [p["name"] for p in people]
    assert [r[0] for r in rows] == list(range(1, len(people) + 1))
    hours = hours_by_volunteer(cli)
    for row, person in zip(rows, people, strict=True):
        assert row[2] == person["gender"] or (row[2] is None and person["gender"] is None)
        assert row[3] == f"{person['birth_date'][:4]}.{person['birth_date'][5:7]}"
        assert row[4] == "中共党员"
        assert row[5] == person["id_number"]  # in full, as text
        assert row[6] == person["phone"].removeprefix("+86")
        assert row[7] == hours.get(person["volunteer_no"], 0)
    assert "personal data in full" in result.stderr


def test_the_rows_below_the_table_move_down_with_their_merged_cells_formulas_and_print_area(
    cli, town, tmp_path
) -> None:
    book, _ = fill(cli, tmp_path, "party.xlsx")
    ws = book.active
    rows = table_rows(ws, 4, stop_at="合计")
    last = 3 + len(rows)
    assert len(rows) > 5  # more people than the template's five empty rows
    total = last + 1
    assert ws.cell(total, 1).value == "合计"
    assert ws.cell(total, 8).value == f"=SUM(H4:H{last})"
    assert ws.cell(total + 2, 1).value == "填表人："
    assert ws.cell(total + 2, 5).value == "审核人："
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert merged == {"A1:H1", f"A{total + 2}:D{total + 2}", f"E{total + 2}:H{total + 2}"}
    assert ws.print_area == f"'党员志愿者'!$A$1:$H${total + 2}"
    assert ws.print_title_rows == "$3:$3"


def test_the_templates_title_styles_widths_and_print_setup_survive(cli, town, tmp_path) -> None:
    book, _ = fill(cli, tmp_path, "party.xlsx")
    ws = book.active
    assert ws["A1"].value == "2025年度党员志愿者服务情况统计表"
    assert ws["A1"].font.b and ws["A1"].font.sz == 18
    assert ws["A2"].value == "填报单位（盖章）：" and ws["F2"].value.startswith("填报日期")
    header = ws["B3"]
    assert header.font.b and header.border.left.style == "thin"
    data = ws["B6"]
    assert not data.font.b and data.border.bottom.style == "thin"
    assert data.alignment.horizontal == "center"
    assert ws.row_dimensions[6].height == 24
    assert ws.column_dimensions["B"].width == 10  # the template's own
    assert ws.column_dimensions["F"].width >= 22  # widened only as far as numbers need
    setup = ws.page_setup
    assert setup.orientation == "landscape" and setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_margins.left == 1.0 and ws.page_margins.right == 0.5


def test_text_that_looks_like_a_formula_is_written_as_text_shown_as_typed(
    cli, town, tmp_path
) -> None:
    book, _ = fill(cli, tmp_path, "party.xlsx")
    ws = book.active
    cells = [row[1] for row in ws.iter_rows(min_row=4) if row[1].value == FORMULA_NAME]
    assert len(cells) == 1
    assert cells[0].data_type == "s" and cells[0].quotePrefix


def test_a_two_row_header_fills_each_sub_column_and_rows_get_the_headers_borders(
    cli, town, db_path, tmp_path
) -> None:
    added = cli("register", "add", "--name", "小林", "--id-number", make_id("19900307"),
                "--phone", "13957300999", "--registered-on", "2024-05-01")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    book, _ = fill(cli, tmp_path, "seniors.xlsx", "--where", "年龄>=60")
    ws = book.active
    rows = table_rows(ws, 4)
    names = [r[1] for r in rows]
    assert "小林" not in names and len(names) == len(volunteers(db_path)) - 1
    people = {p["name"]: p for p in volunteers(db_path)}
    for row in rows:
        person = people[row[1]]
        assert row[2] == 65  # born in 1960, on 31 December 2025
        assert row[3] == person["phone"].removeprefix("+86")
        office = person["office_phone"]
        assert (row[4] is None) == (office is None)
    teams = {r[1]: r[5] for r in rows}
    assert teams["王秀英"] == "平湖市社区志愿者服务大队"
    assert ws.cell(4 + len(rows) + 1, 1).value == "制表："  # the gap kept, the footer below
    cell = ws.cell(5, 2)
    assert cell.border.left.style == "thin" and not cell.font.b
    assert ws.print_title_rows == "$2:$3"


def test_the_export_fields_agree_with_the_stars_report_training_insurance_and_commendations(
    cli, town, tmp_path
) -> None:
    v = town["v"]
    cli("insurance", "add", v[9], "--insurer", "人保财险", "--policy", "PA2025-001",
        "--from", "2025-01-01", "--to", "2025-12-31")  # fmt: skip
    cli("settings", "star_thresholds", "1,2,3,4,5")
    book, result = fill(cli, tmp_path, "honours.xlsx", "--format", "json")
    ws = book.active
    rows = {r[1]: r for r in table_rows(ws, 3, stop_at="推荐单位意见：")}
    stars = cli("report", "stars", "--year", "2025", "--format", "json").json()
    assert stars["volunteers"]
    for entry in stars["volunteers"]:
        row = rows[entry["name"]]
        assert row[3] == entry["hours"]
        assert row[4] == "一二三四五"[entry["level"] - 1] + "星"
    nine = cli("register", "show", v[9], "--format", "json").json()
    row = rows[nine["name"]]
    assert row[2] == f"{nine['employer']} {nine['position']}"
    assert row[5] == "新志愿者岗前培训"
    assert row[6] == "人保财险 PA2025-001（2025-01-01至2025-12-31）"
    assert row[7] == "2025年优秀志愿者"
    assert all(r[8] is None for r in rows.values())
    summary = result.json()
    assert summary["empty_columns"] == ["联系人意见"]


# ----------------------------------------------------------------------------- other rows


def test_a_per_record_template_lists_each_service_record_as_it_counts_now(
    cli, town, tmp_path
) -> None:
    book, result = fill(cli, tmp_path, "records.xlsx")
    assert "service record" in result.stderr
    ws = book.active
    rows = table_rows(ws, 3)
    records = cli("log-hours", "list", "--from", "2025-01-01", "--to", "2025-12-31",
                  "--format", "json").json()  # fmt: skip
    assert len(rows) == len(records)
    expected = sorted((r["date"], r["activity"], r["name"], r["hours"]) for r in records)
    assert sorted((r[1], r[2], r[3], r[4]) for r in rows) == expected
    assert ("2025-01-18", "集中服务日", 2.0) in {(r[1], r[2], r[4]) for r in rows}  # amended
    assert ws.cell(3 + len(rows) + 1, 1).value == "负责人签字："


def test_a_per_team_template_gives_each_team_the_hours_report_s_figures(
    cli, town, tmp_path
) -> None:
    book, _ = fill(cli, tmp_path, "teams.xlsx")
    ws = book.active
    rows = {r[1]: r for r in table_rows(ws, 3)}
    report = cli("report", "hours", "--by", "team", "--from", "2025-01-01", "--to",
                 "2025-12-31", "--format", "json").json()  # fmt: skip
    for figure in report["rows"]:
        if figure["team"] is None:
            continue
        row = rows[figure["team"]]
        assert row[2] == figure["level"]
        assert (row[5], row[6], row[7], row[8]) == (
            figure["members"],
            figure["participations"],
            figure["hours"],
            figure["activities"],
        )
    east = rows[EAST]
    assert east[3] and east[4]  # the responsible person, the contact's phone
    assert set(rows) >= {SQUADRON, EAST, WEST}


def test_a_per_activity_template_lists_the_activities_held_with_their_people_and_hours(
    cli, town, tmp_path
) -> None:
    book, _ = fill(cli, tmp_path, "activities.xlsx", "--where", "服务时长>0")
    ws = book.active
    rows = table_rows(ws, 3)
    held = [a for a in cli("activity", "list", "--from", "2025-01-01", "--to", "2025-12-31",
                           "--format", "json").json() if a["status"] == "held"]  # fmt: skip
    assert sorted(r[1] for r in rows) == sorted(a["title"] for a in held)
    assert {r[2] for r in rows} == {a["date"] for a in held}
    assert all(r[4] >= 1 and r[5] > 0 for r in rows)


# ----------------------------------------------------------------------------- legacy formats


@pytest.mark.parametrize("name", ["traffic.xls", "elders.ods"])
def test_a_legacy_template_is_filled_into_xlsx_and_says_what_was_kept(
    cli, town, db_path, tmp_path, name
) -> None:
    book, result = fill(cli, tmp_path, name)
    assert "was filled into .xlsx" in result.stderr
    ws = book.active
    first = 4 if name == "traffic.xls" else 3
    rows = table_rows(ws, first)
    people = volunteers(db_path)
    assert [r[1] for r in rows] == [p["name"] for p in people]
    assert str(ws.merged_cells.ranges).count("A1:") == 1  # the title, merged as before
    footer = ws.cell(first + len(rows) + 1, 1).value
    assert footer in ("填表人：", "经办人：")
    assert ws.print_title_rows == f"${first - 1}:${first - 1}"
    assert ws.cell(first, 2).border.left.style == "thin"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)


# ----------------------------------------------------------------------------- privacy, preview


def test_mask_writes_a_copy_with_identity_numbers_and_phones_masked(cli, town, tmp_path) -> None:
    book, result = fill(cli, tmp_path, "party.xlsx", "--mask")
    ws = book.active
    row = table_rows(ws, 4, stop_at="合计")[0]
    assert "*" in row[5] and "*" in row[6]
    assert "masked" in result.stderr


def test_the_filled_file_is_readable_by_its_owner_only(cli, town, tmp_path) -> None:
    fill(cli, tmp_path, "party.xlsx")
    mode = stat.S_IMODE(os.stat(tmp_path / "filled.xlsx").st_mode)
    assert mode == 0o600


def test_a_dry_run_shows_each_column_and_the_row_count_and_writes_nothing(
    cli, town, tmp_path
) -> None:
    source = template("honours.xlsx", tmp_path)
    result = cli("export", "fill", source, "--dry-run", "--year", "2025", "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = result.json()
    assert summary["rows"] == 30 and summary["mode"] == "volunteer"
    fields = {c["header"]: c["field"] for c in summary["columns"]}
    assert fields["累计服务时长"] == "total_hours" and fields["联系人意见"] is None
    assert list(tmp_path.glob("*.xlsx")) == [source]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_dry_run_table_fits_80_columns_in_both_languages(
    cli, town, tmp_path, monkeypatch, lang
) -> None:
    from helpers_render import widest_line

    monkeypatch.setenv("COLUMNS", "80")
    source = template("honours.xlsx", tmp_path)
    result = cli("--lang", lang, "export", "fill", source, "--dry-run", "--year", "2025")
    assert result.exit_code == 0, result.stderr
    assert widest_line(result.stdout) <= 80
    assert "累计服务时长" in result.stdout and "30" in result.stdout


# ----------------------------------------------------------------------------- --column, --remember


def _unknown_template(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "成员", "所在支部", "时长合计"])
    ws.append([None, None, None, None])
    path = tmp_path / "支部.xlsx"
    wb.save(path)
    return path


def test_column_maps_what_is_not_recognised_and_remember_keeps_it_for_that_template(
    cli, town, db_path, tmp_path
) -> None:
    source = _unknown_template(tmp_path)
    refused = cli("export", "fill", source, "-o", tmp_path / "a.xlsx")
    assert refused.exit_code == 3 and "No header found" in refused.stderr
    mapped = ("--column", "成员=name", "--column", "所在支部=political", "--remember")
    first = cli("export", "fill", source, "-o", tmp_path / "a.xlsx", "--year", "2025", *mapped)
    assert first.exit_code == 0, first.stderr
    assert "remembered" in first.stderr
    again = cli("export", "fill", source, "-o", tmp_path / "b.xlsx", "--year", "2025")
    assert again.exit_code == 0, again.stderr
    ws = openpyxl.load_workbook(tmp_path / "b.xlsx").active
    rows = table_rows(ws, 2)
    assert [r[1] for r in rows] == [p["name"] for p in volunteers(db_path)]
    assert rows[0][2] in ("中共党员", "群众", "共青团员")
    assert isinstance(rows[0][3], float)  # 时长合计 read as hours by its key term
    conn = sqlite3.connect(db_path)
    saved = conn.execute("SELECT label, field FROM fill_columns ORDER BY label").fetchall()
    audited = conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'fill.column_remembered'"
    ).fetchone()[0]
    conn.close()
    assert saved == [("成员", "name"), ("所在支部", "political_status")]
    assert audited == 2


def test_remember_without_column_and_an_unknown_field_are_refused(cli, town, tmp_path) -> None:
    source = template("party.xlsx", tmp_path)
    alone = cli("export", "fill", source, "-o", tmp_path / "x.xlsx", "--remember")
    assert alone.exit_code == 3 and "--remember" in alone.stderr
    unknown = cli("export", "fill", source, "-o", tmp_path / "x.xlsx", "--column", "姓名=shoe")
    assert unknown.exit_code == 3 and "shoe" in unknown.stderr
    assert not (tmp_path / "x.xlsx").exists()


# ----------------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("expression", "words"),
    [
        ("鞋码=42", "unknown field '鞋码'"),
        ("年龄 60", "an operator is missing"),
        ("年龄>=六十", "is not one"),
        ("姓名>张", "is text"),
        ("年龄>=60 且", "a condition is missing"),
        ('姓名="张', "never closed"),
        ("=3", "a field name is missing"),
        ("服务时长<48 政治面貌=党员", "join conditions"),
    ],
)
def test_a_bad_where_is_refused_naming_the_character_and_nothing_is_written(
    cli, town, tmp_path, expression, words
) -> None:
    source = template("party.xlsx", tmp_path)
    result = cli("export", "fill", source, "-o", tmp_path / "x.xlsx", "--where", expression)
    assert result.exit_code == 3
    assert words in result.stderr and "at character" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_bad_templates_and_outputs_are_refused_with_one_message(cli, town, tmp_path) -> None:
    csv = tmp_path / "t.csv"
    csv.write_text("序号,姓名,性别\n", encoding="utf-8")
    assert "must be an .xlsx" in cli("export", "fill", csv, "-o", tmp_path / "o.xlsx").stderr
    blank = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(blank)
    assert "No header found" in cli("export", "fill", blank, "-o", tmp_path / "o.xlsx").stderr
    source = template("party.xlsx", tmp_path)
    assert ".xlsx" in cli("export", "fill", source, "-o", tmp_path / "o.pdf").stderr
    same = cli("export", "fill", source, "-o", source)
    assert same.exit_code == 3 and "the template itself" in same.stderr
    both = cli("export", "fill", source, "-o", tmp_path / "o.xlsx", "--year", "2025",
               "--from", "2025-03-01")  # fmt: skip
    assert both.exit_code == 3 and "not both" in both.stderr
    assert not (tmp_path / "o.xlsx").exists()
    assert not (tmp_path / "o.pdf").exists()


# ------------------------------------------------------------------------ what a template holds


def _edited(tmp_path: Path, name: str, edit) -> Path:
    source = template("party.xlsx", tmp_path)
    book = openpyxl.load_workbook(source)
    edit(book.active)
    path = tmp_path / name
    book.save(path)
    return path


def test_an_example_row_is_replaced_not_left_below_the_table(cli, town, db_path, tmp_path) -> None:
    def example(ws) -> None:
        for c, v in enumerate(["例", "张三", "男", "1980.01", "中共党员", "330482198001010011",
                               "13800000000", 12], start=1):  # fmt: skip
            ws.cell(4, c, v)

    source = _edited(tmp_path, "示例.xlsx", example)
    result = cli("export", "fill", source, "-o", tmp_path / "out.xlsx", "--year", "2025")
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    rows = table_rows(ws, 4, stop_at="合计")
    names = [r[1] for r in rows]
    assert names == [p["name"] for p in volunteers(db_path)]
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "张三" not in values and "例" not in values
    assert ws.cell(4 + len(rows), 8).value is not None
    assert ws.cell(4 + len(rows), 1).value == "合计"


def test_last_months_filled_copy_used_as_the_template_is_filled_afresh(
    cli, town, db_path, tmp_path
) -> None:
    book, _ = fill(cli, tmp_path, "party.xlsx", out="last.xlsx")
    first = table_rows(book.active, 4, stop_at="合计")
    result = cli("export", "fill", tmp_path / "last.xlsx", "-o", tmp_path / "now.xlsx",
                 "--year", "2025", "--where", "政治面貌=中共党员")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(tmp_path / "now.xlsx").active
    rows = table_rows(ws, 4, stop_at="合计")
    party = volunteers(db_path, "political_status = ?", ("中共党员",))
    assert 0 < len(rows) < len(first)
    assert [r[1] for r in rows] == [p["name"] for p in party]
    total = 4 + len(rows)
    assert ws.cell(total, 1).value == "合计" and ws.cell(total, 8).value == f"=SUM(H4:H{total - 1})"
    assert ws.cell(total + 2, 1).value == "填表人："
    assert ws.max_row == total + 2  # nothing of last month's rows left below


def test_a_formula_column_of_the_table_rows_is_carried_down_to_every_row(
    cli, town, tmp_path
) -> None:
    def formulas(ws) -> None:
        ws["I3"] = "折算积分"
        for r in range(4, 9):
            ws.cell(r, 9, f"=H{r}*2")

    source = _edited(tmp_path, "积分.xlsx", formulas)
    result = cli("export", "fill", source, "-o", tmp_path / "out.xlsx", "--year", "2025",
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    summary = result.json()
    assert summary["formula_columns"] == ["折算积分"] and "折算积分" not in summary["empty_columns"]
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    rows = table_rows(ws, 4, stop_at="合计")
    assert [r[8] for r in rows] == [f"=H{n}*2" for n in range(4, 4 + len(rows))]


@pytest.mark.parametrize(
    ("member", "damage", "words"),
    [
        ("xl/styles.xml", (b"</fonts>", b"</font>"), "its part xl/styles.xml cannot be read"),
        ("xl/worksheets/sheet1.xml", (b"</sheetData>", b"</sheetDat>"), "Cannot read this file"),
        ("xl/workbook.xml", (b"<sheets>", b"<sheets"), "Cannot read this file"),
    ],
)
def test_a_damaged_template_is_refused_naming_it_and_nothing_is_written(
    cli, town, tmp_path, member, damage, words
) -> None:
    import zipfile

    source = template("party.xlsx", tmp_path)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, data.replace(*damage) if info.filename == member else data)
    result = cli("export", "fill", broken, "-o", tmp_path / "out.xlsx", "--year", "2025")
    assert result.exit_code == 3, result.stderr
    assert "broken.xlsx" in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.xlsx").exists()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    member=st.sampled_from(
        ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml", "xl/sharedStrings.xml"]
    ),
    at=st.floats(min_value=0, max_value=1),
    cut=st.integers(min_value=0, max_value=40),
    insert=st.one_of(
        st.binary(max_size=12),
        st.sampled_from(
            [
                b'<c r="ZZZ9999999"/>',
                b' r="0"',
                b' s="999"',
                b"<f>SUM(</f>",
                b'<mergeCell ref="A3:A20"/>',
                b"<row/>",
                b"&",
                b"\xff",
            ]
        ),
    ),
)
def test_a_mutated_template_fills_or_is_refused_cleanly(
    cli, town, tmp_path_factory, member, at, cut, insert
) -> None:
    import zipfile

    folder = tmp_path_factory.mktemp("mutated")
    source = template("party.xlsx", folder)
    broken = folder / "mutated.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == member:
                pos = int(at * len(data))
                data = data[:pos] + insert + data[pos + cut :]
            zout.writestr(info, data)
    out = folder / "out.xlsx"
    result = cli("export", "fill", broken, "-o", out, "--year", "2025")
    assert result.exit_code in (0, 3), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert out.exists() == (result.exit_code == 0)


def test_a_header_row_without_a_height_grows_to_hold_its_wrapped_labels(
    cli, town, tmp_path
) -> None:
    source = template("teams.xlsx", tmp_path)
    assert openpyxl.load_workbook(source).active.row_dimensions[2].height is None
    book, _ = fill(cli, tmp_path, "teams.xlsx")
    ws = book.active
    assert ws["C2"].value == "队伍层级" and ws["C2"].alignment.wrap_text
    assert ws.row_dimensions[2].height >= 2 * 15  # 队伍层级 takes two lines in its column
    assert ws.row_dimensions[1].height == 36  # the title's own height, untouched

"""volctl log-hours import: a filled sign-in sheet back in as hours, never a guess."""

from __future__ import annotations

import sqlite3
from datetime import datetime, time

import pytest

from tests.conftest import make_phone
from tests.helpers_ledger import (
    add_activity,
    connect,
    count,
    fill_signin_sheet,
    sign_up,
    write_signin_sheet,
)
from volctl.errors import Conflict, InvalidInput


@pytest.fixture
def signed_up(roster, add_volunteer):
    """Four volunteers on the 3·15 roster (09:00–11:30) and one registered elsewhere."""
    for name in ("王秀英", "李建国", "张伟", "赵敏", "陈静"):
        add_volunteer(name, registered_on="2024-01-05")
    add_activity(roster, leader="V000001")
    sign_up(roster, "A20250315-01", "V000001", "V000002", "V000003", "V000004")
    return roster


def masked(n: int) -> str:
    phone = make_phone(n)
    return phone[:3] + "****" + phone[-4:]


def run_import(cli, path, *extra: str):
    return cli(
        "log-hours", "import", str(path), "--activity", "A20250315-01", *extra, "--format", "json"
    )


def details(report) -> dict[int, dict]:
    return {d["row"]: d for d in report["details"]}


def test_a_filled_sheet_gives_the_right_minutes_to_the_right_people(cli, signed_up, tmp_path):
    sheet = write_signin_sheet(
        tmp_path / "签到表.xlsx",
        [
            ("V000001", "王秀英", masked(1), time(9, 0), time(11, 30), "王秀英", None),
            ("V000002", "李建国", masked(2), time(8, 45), time(11, 30), "李建国", None),
            ("V000003", "张伟", masked(3), time(9, 20), time(11, 30), "张伟", None),
            ("V000004", "赵敏", masked(4), None, None, None, None),
            (None, "陈静", make_phone(5), "9:00", "11:00", "陈静", "临时参加"),
        ],
    )
    result = run_import(cli, sheet)
    assert result.exit_code == 0, result.stderr
    report = result.json()
    assert (report["rows"], report["recorded"], report["rejected"], report["skipped"]) == (
        5,
        4,
        0,
        1,
    )
    rows = details(report)
    assert [
        (rows[r]["volunteer_no"], rows[r]["minutes"], rows[r]["attendance"]) for r in (4, 5, 6, 8)
    ] == [
        ("V000001", 150, "present"),
        ("V000002", 165, "present"),
        ("V000003", 130, "late"),
        ("V000005", 120, "early_leave"),
    ]
    assert rows[7]["outcome"] == "skipped" and rows[7]["reason"] == "not_signed_in"
    assert report["reasons"] == {"not_signed_in": 1} and report["hours"] == 9.4
    listed = cli("log-hours", "list", "--format", "json").json()
    assert {r["leader"] for r in listed} == {"王秀英"} and {r["recorder"] for r in listed} == {
        "李红"
    }
    assert {r["batch"] for r in listed} == {report["batch"]}
    assert [r["notes"] for r in listed if r["volunteer_no"] == "V000005"] == ["临时参加"]


def test_the_import_is_one_batch_with_the_files_name_and_hash(cli, signed_up, tmp_path) -> None:
    import hashlib

    sheet = write_signin_sheet(
        tmp_path / "0315签到.xlsx",
        [
            ("V000001", "王秀英", masked(1), time(9, 0), time(11, 30), "王秀英", None),
        ],
    )
    report = run_import(cli, sheet).json()
    batch = connect(signed_up).execute("SELECT * FROM import_batches").fetchone()
    assert batch["id"] == report["batch"] and batch["kind"] == "hours"
    assert batch["file_name"] == "0315签到.xlsx" and batch["imported"] == 1
    assert batch["file_sha256"] == hashlib.sha256(sheet.read_bytes()).hexdigest()
    by_batch = cli("log-hours", "list", "--batch", str(report["batch"]), "--format", "json")
    assert [r["volunteer_no"] for r in by_batch.json()] == ["V000001"]


def test_without_a_volunteer_number_column_name_and_masked_phone_match_the_roster(
    cli, signed_up, tmp_path
) -> None:
    header = ("序号", "姓名", "手机", "签到时间", "签退时间", "签名")
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("李建国", masked(2), time(9, 0), time(11, 0), "李建国"),
            ("张伟", masked(3), time(9, 0), time(10, 0), "张伟"),
        ],
        header=header,
    )
    report = run_import(cli, sheet).json()
    assert [(d["volunteer_no"], d["minutes"]) for d in report["details"]] == [
        ("V000002", 120),
        ("V000003", 60),
    ]


def test_a_masked_phone_matches_among_all_volunteers_when_not_on_the_roster(
    cli, signed_up, tmp_path
) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            (None, "陈静", masked(5), "09:00", "11:30", "陈静", None),
        ],
    )
    report = run_import(cli, sheet).json()
    assert report["recorded"] == 1 and report["details"][0]["volunteer_no"] == "V000005"


def test_namesakes_sharing_the_last_four_digits_are_reported_not_guessed(
    cli, signed_up, add_volunteer, tmp_path
) -> None:
    add_volunteer("张伟", phone="13912340003", registered_on="2024-01-05")  # V000006
    sign_up(signed_up, "A20250315-01", "V000006")
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            (None, "张伟", "1**" + "*****0003", "09:00", "11:30", "张伟", None),
            (None, "张伟", "139****0003", "09:00", "11:30", "张伟", None),
        ],
    )
    report = run_import(cli, sheet).json()
    first, second = report["details"]
    assert first["outcome"] == "rejected" and first["reason"] == "volunteer_ambiguous"
    assert "V000003" in first["message"] and "V000006" in first["message"]
    assert "13812340003" not in first["message"]
    assert second["outcome"] == "recorded" and second["volunteer_no"] == "V000006"


def test_rows_that_match_nobody_are_reported_by_row_and_field(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            (None, "王小二", "138****9999", "09:00", "11:30", "王小二", None),
            (None, "孙悟空", None, "09:00", "11:30", "孙悟空", None),
            ("V000099", "无名", None, "09:00", "11:30", "无名", None),
            ("V000002", "李建华", masked(2), "09:00", "11:30", "李建华", None),
        ],
    )
    result = run_import(cli, sheet)
    assert result.exit_code == 0
    report = result.json()
    assert report["recorded"] == 0 and report["batch"] is None
    assert report["reasons"] == {
        "volunteer_unmatched": 1,
        "needs_phone": 1,
        "volunteer_unknown": 1,
        "name_mismatch": 1,
    }
    rows = details(report)
    assert rows[4]["message"].startswith("name: No volunteer named 王小二")
    assert rows[4]["field"] == "name"
    assert "phone or the volunteer number" in rows[5]["message"]
    assert count(signed_up) == 0


def test_a_name_alone_matches_a_unique_name_on_the_roster(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            (None, "赵 敏", None, "09:00", "11:30", "赵敏", None),
        ],
    )
    report = run_import(cli, sheet).json()
    assert report["details"][0]["volunteer_no"] == "V000004"


@pytest.mark.parametrize(
    ("sign_in", "sign_out", "minutes"),
    [
        (time(8, 30), time(11, 30), 180),
        (datetime(2025, 3, 15, 8, 30), datetime(2025, 3, 15, 11, 30), 180),
        ("8:30", "11:30", 180),
        ("08:30", "11：30", 180),
        ("8点30", "11点30分", 180),
        ("8点半", "11点", 150),
        ("上午8点", "下午1点", 300),
        (8.3, 11.3, 180),
        ("8.30", "11.30", 180),
    ],
)
def test_times_are_read_as_clerks_write_them(cli, signed_up, tmp_path, sign_in, sign_out, minutes):
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000002", "李建国", masked(2), sign_in, sign_out, "李建国", None),
        ],
    )
    report = run_import(cli, sheet).json()
    assert report["recorded"] == 1, report["details"][0]["message"]
    assert report["details"][0]["minutes"] == minutes


def test_an_unreadable_or_missing_time_rejects_only_that_row(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "八点", "11:30", "王秀英", None),
            ("V000002", "李建国", masked(2), "09:00", None, "李建国", None),
            ("V000003", "张伟", masked(3), "11:30", "09:00", "张伟", None),
            ("V000004", "赵敏", masked(4), "09:00", "11:30", "赵敏", None),
        ],
    )
    report = run_import(cli, sheet).json()
    assert report["recorded"] == 1
    assert report["reasons"] == {"time_invalid": 1, "time_missing": 1, "end_before_start": 1}
    rows = details(report)
    assert rows[4]["field"] == "service_sign_in" and "sign-in time" in rows[4]["message"]
    assert rows[5]["field"] == "service_sign_out" and "sign-out time" in rows[5]["message"]


def test_remarks_record_leave_and_absence_with_zero_time(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), None, None, None, "请假"),
            ("V000002", "李建国", masked(2), None, None, None, "缺席"),
            ("V000003", "张伟", masked(3), "09:00", "10:30", "张伟", "早退，家中有事"),
        ],
    )
    report = run_import(cli, sheet).json()
    assert [(d["attendance"], d["minutes"]) for d in report["details"]] == [
        ("leave", 0),
        ("absent", 0),
        ("early_leave", 90),
    ]
    listed = cli("log-hours", "list", "--format", "json").json()
    assert [r["notes"] for r in listed] == [None, None, "早退，家中有事"]  # as typed


def test_unsigned_rows_can_be_recorded_as_absent(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
            ("V000002", "李建国", masked(2), None, None, None, None),
        ],
    )
    report = run_import(cli, sheet, "--unsigned", "absent").json()
    assert [(d["outcome"], d["attendance"]) for d in report["details"]] == [
        ("recorded", "present"),
        ("recorded", "absent"),
    ]


def test_rows_signed_without_times_take_the_hours_given(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), None, None, "王秀英", None),
            ("V000002", "李建国", masked(2), None, None, None, None),
        ],
    )
    without = run_import(cli, sheet, "--dry-run").json()
    assert without["details"][0]["reason"] == "time_missing"
    report = run_import(cli, sheet, "--hours", "2").json()
    assert [(d["outcome"], d["minutes"]) for d in report["details"]] == [
        ("recorded", 120),
        ("skipped", None),
    ]


def test_the_same_person_twice_on_a_sheet_is_reported_on_the_second_row(
    cli, signed_up, tmp_path
) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
            (None, "王秀英", masked(1), "13:00", "15:00", "王秀英", None),
        ],
    )
    report = run_import(cli, sheet).json()
    assert details(report)[5]["reason"] == "duplicate_row"
    assert "already appears on row 4" in details(report)[5]["message"]


def test_ledger_rules_reject_a_row_and_the_rest_are_recorded(cli, signed_up, tmp_path) -> None:
    cli("register", "deactivate", "V000003", "--reason", "搬离社区", "--on", "2025-03-01")
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
            ("V000003", "张伟", masked(3), "09:00", "11:30", "张伟", None),
        ],
    )
    report = run_import(cli, sheet).json()
    assert report["recorded"] == 1 and report["reasons"] == {"volunteer_inactive": 1}


def test_a_row_with_hours_only_overlapping_another_activity_is_rejected(
    cli, signed_up, tmp_path
) -> None:
    add_activity(signed_up, "A20250315-02", title="环境整治", start="10:00", end="12:00")
    earlier = cli("log-hours", "add", "V000001", "--activity", "A20250315-02", "--hours", "1.5")
    assert earlier.exit_code == 0, earlier.stderr
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), None, None, "王秀英", None),
            ("V000002", "李建国", masked(2), None, None, "李建国", None),
        ],
    )
    report = run_import(cli, sheet, "--hours", "2").json()
    assert report["recorded"] == 1 and report["reasons"] == {"day_overlap": 1}
    assert "record #1 from 10:00 to 12:00" in details(report)[4]["message"]


def test_a_dry_run_reports_everything_and_writes_nothing(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
        ],
    )
    before = count(signed_up, "audit_log")
    report = run_import(cli, sheet, "--dry-run").json()
    assert report["dry_run"] is True and report["recorded"] == 1 and report["batch"] is None
    assert count(signed_up) == 0 and count(signed_up, "import_batches") == 0
    assert count(signed_up, "audit_log") == before
    status = connect(signed_up).execute("SELECT status FROM activities").fetchone()[0]
    assert status == "planned"


def test_importing_the_same_sheet_again_records_nothing_twice(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
        ],
    )
    first = run_import(cli, sheet).json()
    again = run_import(cli, sheet)
    assert "already imported" in again.stderr and f"batch {first['batch']}" in again.stderr
    assert again.json()["details"][0]["outcome"] == "skipped"
    assert again.json()["details"][0]["record"] == 1
    assert (
        again.json()["details"][0]["message"]
        == "Already recorded as record #1: not recorded twice."
    )
    assert again.json()["reasons"] == {"already_recorded": 1}
    assert count(signed_up) == 1


def test_a_corrected_sheet_imported_again_points_to_amend_for_changed_rows(
    cli, signed_up, tmp_path
) -> None:
    rows = [
        ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
        ("V000002", "李建国", masked(2), "09:00", "11:30", "李建国", None),
    ]
    run_import(cli, write_signin_sheet(tmp_path / "s.xlsx", rows))
    rows[1] = ("V000002", "李建国", masked(2), "09:00", "11:00", "李建国", None)
    report = run_import(cli, write_signin_sheet(tmp_path / "s2.xlsx", rows)).json()
    first, second = report["details"]
    assert first["outcome"] == "skipped" and first["reason"] == "already_recorded"
    assert second["outcome"] == "rejected" and "log-hours amend 2" in second["hint"]
    assert "already has record #2" in second["message"]
    assert count(signed_up) == 2


def test_the_activity_comes_from_the_sheet_and_must_agree_with_the_option(
    cli, signed_up, tmp_path
) -> None:
    add_activity(signed_up, "A20250322-01", day="2025-03-22")
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
        ],
    )
    wrong = cli("log-hours", "import", str(sheet), "--activity", "A20250322-01")
    assert wrong.exit_code == Conflict.exit_code
    assert "for activity A20250315-01, not A20250322-01" in wrong.stderr
    assert count(signed_up) == 0
    implied = cli("log-hours", "import", str(sheet), "--format", "json")
    assert implied.exit_code == 0 and implied.json()["activity_no"] == "A20250315-01"


def test_a_sheet_without_its_activity_line_needs_the_option(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
        ],
        activity_no=None,
    )
    result = cli("log-hours", "import", str(sheet))
    assert result.exit_code == InvalidInput.exit_code and "--activity" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # Judged by content, as the sign-up import does: text is read as CSV and has no header.
        ("notes.xlsx", b"not a spreadsheet at all", "No sign-in sheet header"),
        ("notes.txt", "签到表".encode(), "No sign-in sheet header"),
        ("photo.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "PNG"),
    ],
)
def test_a_file_that_is_not_a_sheet_is_refused_by_name(
    cli, signed_up, tmp_path, name, content, message
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = cli("log-hours", "import", str(path), "--activity", "A20250315-01")
    assert result.exit_code == InvalidInput.exit_code
    assert name in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr and count(signed_up) == 0


def test_a_sheet_without_a_sign_in_header_is_refused(cli, signed_up, tmp_path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["会议纪要"])
    book.active.append(["今天讨论了学雷锋活动的安排。"])
    book.save(tmp_path / "minutes.xlsx")
    result = cli(
        "log-hours", "import", str(tmp_path / "minutes.xlsx"), "--activity", "A20250315-01"
    )
    assert result.exit_code == InvalidInput.exit_code and "No sign-in sheet header" in result.stderr


def test_a_legacy_xls_sheet_with_time_cells_is_read(cli, signed_up, tmp_path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("签到表")
    sheet.write(0, 0, "学雷锋便民服务签到表")
    sheet.write(1, 0, "活动编号：A20250315-01")
    for column, title in enumerate(("序号", "姓名", "手机", "签到时间", "签退时间", "签名")):
        sheet.write(2, column, title)
    style = xlwt.easyxf(num_format_str="h:mm")
    for column, value in enumerate((1, "李建国", masked(2))):
        sheet.write(3, column, value)
    sheet.write(3, 3, time(9, 0), style)
    sheet.write(3, 4, time(11, 15), style)
    sheet.write(3, 5, "李建国")
    book.save(str(tmp_path / "s.xls"))
    report = run_import(cli, tmp_path / "s.xls").json()
    assert report["details"][0]["volunteer_no"] == "V000002"
    assert report["details"][0]["minutes"] == 135


def test_a_csv_saved_by_excel_in_gbk_is_read(cli, signed_up, tmp_path) -> None:
    text = (
        "学雷锋便民服务签到表\n活动编号：A20250315-01\n序号,姓名,手机,签到时间,签退时间,签名\n"
        f"1,张伟,{masked(3)},9:00,11:30,张伟\n,,,,,\n活动负责人：王秀英,,记录人：李红\n"
    )
    (tmp_path / "s.csv").write_bytes(text.encode("gbk"))
    report = run_import(cli, tmp_path / "s.csv").json()
    assert report["recorded"] == 1 and report["recorder"] == "李红"


def test_phones_from_the_sheet_are_masked_unless_asked(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            (None, "陈静", make_phone(5), "09:00", "11:30", "陈静", None),
        ],
    )
    report = run_import(cli, sheet, "--dry-run")
    assert make_phone(5) not in report.stdout and "138****0005" in report.stdout
    shown = run_import(cli, sheet, "--dry-run", "--show-pii")
    assert make_phone(5) in shown.stdout


def test_a_mistyped_phone_is_reported_without_showing_it(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            (None, "陈静", "1381234000", "09:00", "11:30", "陈静", None),
        ],
    )
    report = run_import(cli, sheet, "--show-pii")
    detail = report.json()["details"][0]
    assert detail["reason"] == "phone_invalid" and "138***4000" in detail["message"]
    assert "1381234000" not in detail["message"]


def test_the_table_report_lists_rows_and_sums_up(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
            (None, "王小二", "138****9999", "09:00", "11:30", "王小二", None),
        ],
    )
    result = cli("log-hours", "import", str(sheet))
    assert result.exit_code == 0
    assert "王小二" in result.stdout and "No volunteer named 王小二" in result.stdout
    assert "2 rows, 1 recorded, 1 rejected, 0 skipped, 2.5 h" in result.stderr


def test_a_recorded_sheet_marks_the_activity_held(cli, signed_up, tmp_path) -> None:
    sheet = write_signin_sheet(
        tmp_path / "s.xlsx",
        [
            ("V000001", "王秀英", masked(1), "09:00", "11:30", "王秀英", None),
        ],
    )
    run_import(cli, sheet)
    conn = sqlite3.connect(signed_up)
    assert conn.execute("SELECT status FROM activities").fetchone()[0] == "held"


def test_the_printed_sign_in_sheet_filled_in_gives_each_person_their_minutes(
    cli, signed_up, tmp_path
) -> None:
    """The round trip: print the sheet, fill it in with Excel (openpyxl), import it."""
    sheet = tmp_path / "签到表.xlsx"
    if cli("activity", "sheet", "--help").exit_code == 0:  # the activity commands are merged
        printed = cli("activity", "sheet", "A20250315-01", "-o", str(sheet))
        assert printed.exit_code == 0, printed.stderr
    else:  # the agreed layout, pre-filled from the roster
        names = ("王秀英", "李建国", "张伟", "赵敏")
        write_signin_sheet(
            sheet,
            [
                (f"V00000{n}", name, masked(n), None, None, None, None)
                for n, name in enumerate(names, start=1)
            ],
        )
    fill_signin_sheet(
        sheet,
        {
            "王秀英": (time(8, 50), time(11, 30)),
            "李建国": (time(9, 0), time(11, 0)),
            "赵敏": ("9:15", "11:30"),
        },
    )
    report = run_import(cli, sheet).json()
    assert (report["recorded"], report["rejected"], report["skipped"]) == (3, 0, 1)
    listed = cli("log-hours", "list", "--format", "json").json()
    assert [(r["volunteer_no"], r["minutes"], r["attendance"]) for r in listed] == [
        ("V000001", 160, "present"),
        ("V000002", 120, "early_leave"),
        ("V000004", 135, "late"),
    ]


def test_a_spreadsheet_bomb_is_refused_before_it_is_opened(cli, signed_up, tmp_path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["序号", "志愿者编号", "姓名", "签到时间", "签退时间"])
    book.active["XFD1048576"] = "x"  # opened naively, a grid of 17 billion cells
    path = tmp_path / "bomb.xlsx"
    book.save(path)
    result = run_import(cli, path)
    assert result.exit_code == InvalidInput.exit_code
    assert "1048576" in result.stderr and "Traceback" not in result.stderr


def test_a_file_that_is_not_a_spreadsheet_is_refused_by_its_content(
    cli, signed_up, tmp_path
) -> None:
    path = tmp_path / "签到表.xlsx"
    path.write_bytes(b"%PDF-1.7\n" + b"\0" * 100)
    result = run_import(cli, path)
    assert result.exit_code == InvalidInput.exit_code and "Traceback" not in result.stderr

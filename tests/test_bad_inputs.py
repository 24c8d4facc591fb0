"""Inputs a clerk should never get away with: each is refused clearly and changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import make_id, make_phone
from tests.helpers_structure import activity, ok, people, rows
from tests.test_cli import leaf_commands
from volctl.errors import Conflict, InvalidInput
from volctl.ledger import training

NOT_PLAIN = ["1_5", "nan", "inf", "1e1", "0x1"]


def count(db: Path, table: str) -> int:
    return int(rows(db, f"SELECT count(*) FROM {table}")[0][0])


def signup_sheet(path: Path, people_count: int, *, blank_rows: int = 0) -> Path:
    lines = ["姓名,身份证号码,手机号码"]
    lines += [f"人{n},{make_id(seq=n)},{make_phone(n)}" for n in range(1, people_count + 1)]
    lines += [",,"] * blank_rows
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("hours", NOT_PLAIN)
def test_hours_not_written_as_plain_digits_are_refused_and_nothing_is_recorded(
    cli, roster, add_volunteer, hours
) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    number = activity(cli)
    result = cli("log-hours", "add", vol, "--activity", number, "--hours", hours)
    assert result.exit_code == InvalidInput.exit_code and hours in result.stderr
    assert count(roster, "service_records") == 0


def test_hours_in_full_width_digits_are_read(cli, roster, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    number = activity(cli)
    ok(cli("log-hours", "add", vol, "--activity", number, "--hours", "１.５"))
    assert rows(roster, "SELECT minutes FROM service_records") == [(90,)]


@pytest.mark.parametrize("hours", NOT_PLAIN)
def test_training_hours_not_written_as_plain_digits_are_refused(hours) -> None:
    with pytest.raises(InvalidInput):
        training.minutes_from_hours(hours)


def test_every_number_option_takes_plain_digits_only() -> None:
    numeric = [
        (path, param)
        for path, command in leaf_commands()
        for param in command.params  # type: ignore[attr-defined]
        if getattr(param.type, "_number_class", None) in (int, float)
    ]
    assert len(numeric) > 20
    for path, param in numeric:
        for text in NOT_PLAIN:
            with pytest.raises(Exception, match="is not a valid") as caught:
                param.type.convert(text, param, None)
            assert type(caught.value).__name__ == "BadParameter", (path, param.name, text)


def test_a_capacity_written_with_an_underscore_is_refused(cli, roster) -> None:
    result = cli("activity", "add", "探访", "--date", "2025-03-15", "--capacity", "1_000")
    assert result.exit_code == 2 and "1_000" in result.stderr
    assert count(roster, "activities") == 0


@pytest.mark.parametrize("value", ["nan", "inf", "1_000", "1e3"])
def test_a_target_that_is_not_a_plain_number_is_refused(cli, roster, value) -> None:
    result = cli("settings", "target_hours", value)
    assert result.exit_code == InvalidInput.exit_code and "not a number" in result.stderr
    assert ok(cli("settings", "--format", "json"))["target_hours"] == 48


def test_a_target_of_zero_is_refused_saying_it_must_be_above_zero(cli, roster) -> None:
    result = cli("settings", "target_hours", "0")
    assert result.exit_code == InvalidInput.exit_code
    assert "above 0" in result.stderr and "at most 10000" in result.stderr
    assert "from 0" not in result.stderr


def test_star_thresholds_with_an_underscore_are_refused(cli, roster) -> None:
    result = cli("settings", "star_thresholds", "1_00,300,600,1000,1500")
    assert result.exit_code == InvalidInput.exit_code
    assert ok(cli("settings", "--format", "json"))["star_thresholds"] == [100, 300, 600, 1000, 1500]


# ----------------------------------------------------------------------------- import


def test_a_registration_date_in_the_future_is_refused_before_reading_the_sheet(
    cli, roster, tmp_path
) -> None:
    sheet = signup_sheet(tmp_path / "s.csv", 3)
    result = cli("register", "import", str(sheet), "--registered-on", "2099-01-01")
    assert result.exit_code == InvalidInput.exit_code and "after today" in result.stderr
    assert count(roster, "import_batches") == 0 and count(roster, "volunteers") == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.db", "s.csv"]


@pytest.mark.parametrize("cap", ["nan", "inf", "0", "-1", "1e3"])
def test_a_size_cap_that_is_not_a_positive_number_is_refused(cli, roster, tmp_path, cap) -> None:
    sheet = signup_sheet(tmp_path / "s.csv", 3)
    result = cli("register", "import", str(sheet), "--max-size", cap, "--dry-run")
    assert result.exit_code == InvalidInput.exit_code
    assert "A cap must be a positive number" in result.stderr


def test_more_data_rows_than_the_cap_are_refused_and_nothing_is_imported(
    cli, roster, tmp_path
) -> None:
    sheet = signup_sheet(tmp_path / "s.csv", 6)
    result = cli("register", "import", str(sheet), "--max-rows", "5")
    assert result.exit_code == InvalidInput.exit_code
    assert "more than 5 data rows" in result.stderr and "--max-rows" in result.stderr
    assert count(roster, "import_batches") == 0 and count(roster, "volunteers") == 0
    assert not (tmp_path / "s.rejects.xlsx").exists()


def test_as_many_data_rows_as_the_cap_are_imported_whatever_the_blank_rows(
    cli, roster, tmp_path
) -> None:
    sheet = signup_sheet(tmp_path / "s.csv", 5, blank_rows=20)
    result = ok(cli("register", "import", str(sheet), "--max-rows", "5", "--format", "json"))
    assert result["imported"] == 5


def test_an_existing_rejects_workbook_is_not_replaced_without_force(cli, roster, tmp_path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        f"姓名,身份证号码,手机号码\n张三,{make_id(seq=1)},{make_phone(1)}\n李四,bad,{make_phone(2)}\n",
        encoding="utf-8",
    )
    rejects = tmp_path / "s.rejects.xlsx"
    rejects.write_bytes(b"the clerk's corrections")
    result = cli("register", "import", str(sheet))
    assert result.exit_code == InvalidInput.exit_code
    assert "s.rejects.xlsx" in result.stderr and "--force" in result.stderr
    assert rejects.read_bytes() == b"the clerk's corrections"
    assert count(roster, "import_batches") == 0 and count(roster, "volunteers") == 0
    ok(cli("register", "import", str(sheet), "--force"))
    assert load_workbook(rejects).active is not None and count(roster, "volunteers") == 1


# ----------------------------------------------------------------------------- years


@pytest.mark.parametrize(
    "args",
    [
        ("activity", "holidays", "--year", "99999"),
        ("activity", "holidays", "--year", "-1"),
        ("activity", "holidays", "--year", "0"),
        ("report", "stars", "--year", "0"),
        ("report", "summary", "--year", "0"),
        ("report", "target", "--year", "1989"),
        ("report", "volunteer", "V000001", "--year", "0"),
        ("commend", "list", "--year", "0"),
        ("commend", "suggest", "--year", "0"),
        ("source", "list", "--year", "0"),
        ("source", "totals", "--year", "0"),
        ("source", "overlaps", "--year", "0"),
        ("export", "certificate", "--list", "--year", "1989"),
        ("export", "form", "traffic", "--year", "1989", "-o", "x.xlsx"),
    ],
)
def test_every_year_option_refuses_a_year_out_of_range_the_same_way(
    cli, roster, add_volunteer, tmp_path, monkeypatch, args
) -> None:
    add_volunteer("王秀英")
    monkeypatch.chdir(tmp_path)
    result = cli(*args, "--format", "json")
    assert result.exit_code == InvalidInput.exit_code, result.stderr
    assert "is not between 1990 and" in result.stderr and result.stdout == ""
    assert "Traceback" not in result.stderr and not (tmp_path / "x.xlsx").exists()


def test_next_years_holidays_can_be_listed(cli, roster) -> None:
    from datetime import date

    result = cli("activity", "holidays", "--year", str(date.today().year + 1), "--format", "json")
    assert result.exit_code == 0, result.stderr


def test_a_commendation_for_a_year_out_of_range_says_the_range(cli, roster, add_volunteer) -> None:
    add_volunteer("王秀英")
    result = cli(
        "commend", "add", "--year", "1989", "--title", "优秀志愿者", "--volunteer", "王秀英"
    )
    assert result.exit_code == InvalidInput.exit_code and "not between 1990" in result.stderr
    assert count(roster, "commendations") == 0


# ----------------------------------------------------------------------------- messages


def test_an_identity_number_of_the_right_length_with_a_letter_names_the_character(
    cli, roster
) -> None:
    result = cli(
        "register", "add", "--name", "张三", "--id-number", "33048219580312038A",
        "--phone", make_phone(1),
    )  # fmt: skip
    assert result.exit_code == InvalidInput.exit_code
    assert "character 18 is 'A'" in result.stderr and "this has 18" not in result.stderr
    assert count(roster, "volunteers") == 0


def test_an_imported_identity_number_with_a_wrong_character_keeps_the_format_reason_code(
    cli, roster, tmp_path
) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        f"姓名,身份证号码,手机号码\n张三,33048219580312038A,{make_phone(1)}\n", "utf-8"
    )
    result = ok(cli("register", "import", str(sheet), "--format", "json"))
    assert result["reasons"] == {"id_number_format": 1}
    assert "character 18" in result["details"][0]["message"]


def test_a_birth_date_after_today_of_a_beneficiary_says_so(cli, roster) -> None:
    result = cli(
        "recipient", "add", "--name", "陈阿婆", "--group", "空巢老人", "--birth", "2099-01-01"
    )
    assert result.exit_code == InvalidInput.exit_code
    assert "cannot be after today" in result.stderr and "Cannot read" not in result.stderr
    assert count(roster, "recipients") == 0


def test_a_commendation_for_nobody_asks_who_is_commended(cli, roster) -> None:
    result = cli("commend", "add", "--year", "2025", "--title", "优秀志愿者")
    assert result.exit_code == InvalidInput.exit_code
    assert "Say who is commended" in result.stderr and "not both" not in result.stderr


def test_signing_up_again_on_a_full_activity_says_already_on_the_roster(
    cli, roster, add_volunteer
) -> None:
    a, b, c = people(add_volunteer, "王秀英", "李明", "张伟")
    number = activity(cli, "探访", "--capacity", "2")
    ok(cli("activity", "signup", number, a, b))
    ok(cli("activity", "signup", number, c, "--force"))  # now over-full: 3 of 2
    again = cli("activity", "signup", number, a)
    assert again.exit_code == 0 and "already on" in again.stderr
    assert "exceed" not in again.stderr
    assert count(roster, "signups") == 3


def test_a_refused_signup_on_a_full_activity_names_who_is_already_on_it_first(
    cli, roster, add_volunteer
) -> None:
    a, b, c = people(add_volunteer, "王秀英", "李明", "张伟")
    number = activity(cli, "探访", "--capacity", "2")
    ok(cli("activity", "signup", number, a, b))
    result = cli("activity", "signup", number, a, c)
    assert result.exit_code == Conflict.exit_code
    assert result.stderr.index("already on") < result.stderr.index("exceed")
    assert count(roster, "signups") == 2


# ----------------------------------------------------------------------------- outputs


@pytest.mark.parametrize("name", ["x.pdf", "x.docx", "x"])
def test_a_summary_under_a_name_no_format_matches_is_refused(cli, roster, tmp_path, name) -> None:
    result = cli("report", "summary", "-o", tmp_path / name)
    assert result.exit_code == InvalidInput.exit_code
    assert ".xlsx, .md, .json, .csv" in result.stderr
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("command", [("stars",), ("target",), ("hours",), ("insurance",)])
def test_other_reports_refuse_a_name_no_format_matches(cli, roster, tmp_path, command) -> None:
    result = cli("report", *command, "-o", tmp_path / "r.pdf")
    assert result.exit_code == InvalidInput.exit_code
    assert ".xlsx .csv .json .md .txt" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_a_certificate_is_not_written_over_without_force_and_no_number_is_taken(
    cli, roster, add_volunteer, tmp_path
) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    ok(cli("log-hours", "add", vol, "--activity", activity(cli), "--hours", "2"))
    path = tmp_path / "c.xlsx"
    first = ok(cli("export", "certificate", vol, "--year", "2025", "-o", path, "--format", "json"))
    written = path.read_bytes()
    result = cli("export", "certificate", vol, "--year", "2025", "-o", path)
    assert result.exit_code == InvalidInput.exit_code and "--force" in result.stderr
    assert path.read_bytes() == written and count(roster, "certificates") == 1
    again = ok(
        cli(
            "export",
            "certificate",
            vol,
            "--year",
            "2025",
            "-o",
            path,
            "--force",
            "--format",
            "json",
        )
    )
    assert again["certificate_no"] != first["certificate_no"]
    assert count(roster, "certificates") == 2


def test_refusals_leave_the_roster_file_untouched(cli, roster) -> None:
    before = sqlite3.connect(roster).execute("SELECT count(*) FROM audit_log").fetchone()[0]
    cli("settings", "target_hours", "nan")
    cli("commend", "add", "--year", "2025", "--title", "x")
    after = sqlite3.connect(roster).execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert before == after


@pytest.mark.parametrize(
    "command",
    [
        ["report", "summary", "--year", "9" * 5000],
        ["settings", "star_thresholds", "1,2,3,4," + "9" * 5000],
        [
            "activity",
            "add",
            "探访",
            "--date",
            "2025-03-15",
            "--category",
            "助老",
            "--capacity",
            "9" * 5000,
        ],
    ],
    ids=["year", "star thresholds", "capacity"],
)
def test_a_number_thousands_of_digits_long_is_refused_in_one_sentence(cli, roster, command) -> None:
    result = cli(*command)
    assert result.exit_code in (2, 3), result.stderr
    assert "Traceback" not in result.stderr + result.stdout and "internal" not in result.stderr

"""Writing a file with -o: a sheet handed out to be filled in (the sign-up template, an
activity's sign-in sheet) is never written over without --force, since the file of that name
may be one the volunteers have filled in; forms and reports are made again from the roster and
replace their file. Every form is an .xlsx file, and one with personal data in full is private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import openpyxl
import pytest

from tests.helpers_intake import count, person, sheet, write_csv
from tests.helpers_structure import activity, ok, people


@pytest.fixture
def event(cli, roster, add_volunteer) -> str:
    (person,) = people(add_volunteer, "王秀英")
    number = activity(cli, "敬老院探访", "--start", "08:30", "--end", "11:30")
    ok(cli("activity", "signup", number, person))
    return number


def filled_in(path: Path) -> bytes:
    """A workbook as it comes back from the volunteers, signed."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"], ws["C4"] = "签到表", "王秀英（已签）"
    wb.save(path)
    return path.read_bytes()


def test_a_sign_in_sheet_already_there_is_kept_unless_forced(cli, event, tmp_path) -> None:
    path = tmp_path / "签到表.xlsx"
    before = filled_in(path)
    refused = cli("activity", "sheet", event, "-o", str(path))
    assert refused.exit_code == 3 and "already exists" in refused.stderr
    assert "--force" in refused.stderr and path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))
    ok(cli("activity", "sheet", event, "-o", str(path), "--force"))
    assert openpyxl.load_workbook(path).active["A1"].value == "敬老院探访 签到表"


def test_a_sign_up_template_already_there_is_kept_unless_forced(cli, roster, tmp_path) -> None:
    path = tmp_path / "报名表.xlsx"
    before = filled_in(path)
    refused = cli("register", "template", "-o", str(path))
    assert refused.exit_code == 3 and "already exists" in refused.stderr
    assert "--force" in refused.stderr and path.read_bytes() == before
    ok(cli("register", "template", "-o", str(path), "--force"))
    assert "报名表" in openpyxl.load_workbook(path).sheetnames


def test_the_refusal_is_in_the_chosen_language(cli, roster, tmp_path) -> None:
    path = tmp_path / "报名表.xlsx"
    filled_in(path)
    refused = cli("--lang", "zh", "register", "template", "-o", str(path))
    assert refused.exit_code == 3 and "已存在" in refused.stderr and "--force" in refused.stderr


def test_a_template_is_refused_before_an_old_roster_is_opened(cli, tmp_path) -> None:
    path = tmp_path / "报名表.xlsx"
    filled_in(path)
    refused = cli("register", "template", "-o", str(path), db=tmp_path / "none.db")
    assert refused.exit_code == 3 and not (tmp_path / "none.db").exists()


def test_a_form_made_from_the_roster_replaces_its_file(cli, event, tmp_path) -> None:
    path = tmp_path / "台账.xlsx"
    filled_in(path)
    ok(cli("export", "form", "concentrated-days", "--year", "2025", "-o", str(path)))
    assert openpyxl.load_workbook(path).active["A1"].value == "2025年志愿服务集中活动日安排表"


@pytest.mark.parametrize(
    "command",
    [
        ("activity", "sheet", "A20250315-01"),
        ("export", "form", "concentrated-days", "--year", "2025"),
        ("report", "summary", "--year", "2025", "--form"),
    ],
)
def test_every_form_asks_for_an_xlsx_file_in_the_same_words(
    cli, event, tmp_path, command: tuple[str, ...]
) -> None:
    result = cli(*command, "-o", str(tmp_path / "表.xls"))
    assert result.exit_code == 3 and not (tmp_path / "表.xls").exists()
    if command[0] != "report":  # report summary --form has its own, earlier, refusal
        assert "The output file must be an .xlsx file" in result.stderr
        assert "sign-in" not in result.stderr


def test_a_sign_in_sheet_with_phones_in_full_is_readable_by_its_owner_only(
    cli, event, tmp_path
) -> None:
    full, masked = tmp_path / "full.xlsx", tmp_path / "masked.xlsx"
    ok(cli("activity", "sheet", event, "-o", str(full), "--show-pii"))
    ok(cli("activity", "sheet", event, "-o", str(masked)))
    assert stat.S_IMODE(full.stat().st_mode) == 0o600
    assert openpyxl.load_workbook(full).active["D4"].value == "13812340001"
    assert stat.S_IMODE(masked.stat().st_mode) == 0o600  # masked, it still names people


def test_a_rejects_workbook_that_cannot_be_written_leaves_the_roster_unchanged(
    cli, roster, tmp_path
) -> None:
    path = write_csv(tmp_path / "报名.csv", sheet([person(1), person(2, id="3.30482E+17")]))
    (tmp_path / f".rejects.xlsx.{os.getpid()}.tmp").mkdir()  # where its temporary file goes
    result = cli("register", "import", str(path), "--rejects", str(tmp_path / "rejects.xlsx"))
    assert result.exit_code == 3 and "Cannot write the rejects workbook" in result.stderr
    assert "--rejects" in result.stderr and count(roster) == 0
    assert not (tmp_path / "rejects.xlsx").exists()


def test_a_rejects_workbook_is_readable_by_its_owner_only(cli, roster, tmp_path) -> None:
    path = write_csv(tmp_path / "报名.csv", sheet([person(1), person(2, id="3.30482E+17")]))
    ok(cli("register", "import", str(path), "--rejects", str(tmp_path / "rejects.xlsx")))
    assert stat.S_IMODE((tmp_path / "rejects.xlsx").stat().st_mode) == 0o600

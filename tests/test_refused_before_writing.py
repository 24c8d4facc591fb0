"""What can be checked before a command writes is checked first: nothing half done."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import make_id
from volctl.errors import EXIT_NEEDS_CONFIRMATION


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_an_output_file_in_a_missing_folder_stops_an_import_before_it_starts(
    cli, roster, tmp_path
) -> None:
    sheet = tmp_path / "signup.csv"
    sheet.write_text(f"姓名,身份证号码,手机号码\n张三,{make_id()},13800001111\n", encoding="utf-8")
    result = cli(
        "register", "import", str(sheet), "--format", "json", "-o", tmp_path / "no" / "x.json"
    )
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert count(roster, "volunteers") == 0 and count(roster, "import_batches") == 0


def test_an_output_file_in_a_missing_folder_stops_log_hours_before_it_records(
    cli, add_volunteer, roster, tmp_path
) -> None:
    add_volunteer("王秀英", registered_on="2025-01-01")
    number = cli(
        "activity",
        "add",
        "慰问",
        "--date",
        "2025-03-15",
        "--category",
        "社区服务",
        "--format",
        "json",
    ).json()["activity_no"]
    cli("activity", "signup", number, "王秀英")
    result = cli("log-hours", "activity", number, "--hours", "2", "-o", tmp_path / "no" / "r.txt")
    assert result.exit_code == 2
    assert count(roster, "service_records") == 0


def test_a_question_with_no_terminal_to_answer_it_changes_nothing_and_says_use_yes(
    cli, roster
) -> None:
    result = cli(
        "activity",
        "schedule",
        "集中服务日",
        "--rule",
        "third-saturday",
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
        "--category",
        "社区服务",
        input="",
    )
    assert result.exit_code == EXIT_NEEDS_CONFIRMATION and "--yes" in result.stderr
    assert count(roster, "activities") == 0


def test_absurdly_large_numbers_are_refused_clearly(cli, roster) -> None:
    huge = "9" * 30
    for args in (
        (
            "activity",
            "add",
            "X",
            "--date",
            "2025-06-02",
            "--category",
            "社区服务",
            "--capacity",
            huge,
        ),
        ("training", "show", huge),
        ("register", "undo-import", huge),
    ):
        result = cli(*args)
        assert result.exit_code in (3, 4), (args, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr

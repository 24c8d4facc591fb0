"""A roster damaged by an older volctl (or written around volctl): ``check`` finds every stored
value the roster's rules refuse and names its record; a command that meets one names it
instead of failing (exit 6, never 70); ``export bundle`` will not send it up; a backup holding
one is restored and the values listed; corrected with the usual commands, all is clean."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import make_id


def damage(db: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(db)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


@pytest.fixture
def damaged(cli, add_volunteer, roster) -> Path:
    """V000001 born on 30 February, V000002 with a phone that is SQL, V000003 with a name of
    300,000 characters, and record 1 dated 30 February 2025."""
    for n, name in enumerate(("王秀英", "李建国", "张伟"), start=1):
        add_volunteer(name, id_number=make_id("19830221", seq=n), registered_on="2024-01-10")
    done = cli(
        "activity", "add", "敬老院探访", "--date", "2025-03-15", "--start", "08:30",
        "--end", "11:30", "--category", "社区服务",
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    done = cli("log-hours", "add", "V000002", "--activity", "A20250315-01", "--hours", "3")
    assert done.exit_code == 0, done.stderr
    damage(roster, "UPDATE volunteers SET birth_date = '1983-02-30' WHERE volunteer_no = 'V000001'")
    damage(
        roster,
        "UPDATE volunteers SET phone = ? WHERE volunteer_no = 'V000002'",
        "'; DROP TABLE volunteers;--",
    )
    damage(roster, "UPDATE volunteers SET name = ? WHERE volunteer_no = 'V000003'", "长" * 300_000)
    damage(
        roster,
        "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
        " attendance, recorder, recorded_at) SELECT id, 1, '2025-02-30', 60, 'present', '旧',"
        " '2025-03-01T08:00:00+08:00' FROM volunteers WHERE volunteer_no = 'V000003'",
    )
    return roster


def test_check_names_every_stored_value_the_rules_refuse(cli, damaged) -> None:
    result = cli("check", "--format", "json")
    assert result.exit_code == 1
    found = {(f["ref"], f["params"]["column"]): f for f in result.json()["findings"]}
    assert set(found) >= {
        ("V000001", "birth_date"),
        ("V000002", "phone"),
        ("V000003", "name"),
        ("#2", "service_date"),
    }
    assert "1983-02-30" in found["V000001", "birth_date"]["message"]
    assert "Too long" in found["V000003", "name"]["message"]
    assert all(f["check"] == "invalid_value" for f in found.values())
    assert "log-hours amend" in found["#2", "service_date"]["advice"]
    assert "DROP TABLE" not in result.stdout or "'" in result.stdout  # named, not obeyed


@pytest.mark.parametrize(
    "command",
    [
        ("register", "list", "--format", "json"),
        ("register", "show", "V000001"),
        ("report", "volunteer", "V000001"),
        ("report", "summary", "--year", "2025"),
    ],
)
def test_a_command_that_meets_a_bad_value_names_it_instead_of_failing(
    cli, damaged, command
) -> None:
    result = cli(*command)
    assert result.exit_code in (0, 6), result.stderr
    assert "internal error" not in result.stderr
    if result.exit_code == 6:
        assert "V000001" in result.stderr and "1983-02-30" in result.stderr
        assert "volctl check" in result.stderr


def test_export_bundle_will_not_send_a_bad_value_up(cli, damaged, tmp_path) -> None:
    out = tmp_path / "up.zip"
    result = cli("export", "bundle", "-o", str(out))
    assert result.exit_code == 6
    assert "V000001" in result.stderr and "1983-02-30" in result.stderr
    assert not out.exists()


def test_corrected_with_the_usual_commands_the_roster_is_clean_and_sendable(
    cli, damaged, tmp_path
) -> None:
    fixes = [
        ("register", "update", "V000001", "--birth", "1983-02-21"),
        ("register", "update", "V000002", "--phone", "13812340002"),
        ("register", "update", "V000003", "--name", "张伟"),
        ("log-hours", "amend", "2", "--date", "2025-03-15", "--reason", "日期抄错"),
    ]
    for fix in fixes:
        done = cli(*fix)
        assert done.exit_code == 0, (fix, done.stderr)
    result = cli("check", "--format", "json")
    assert result.json()["ok"], result.json()["findings"]
    assert cli("export", "bundle", "-o", str(tmp_path / "up.zip")).exit_code == 0


def test_a_backup_holding_bad_values_is_restored_and_they_are_listed(
    cli, damaged, tmp_path
) -> None:
    backup = tmp_path / "old.db"
    assert cli("backup", str(backup)).exit_code == 0
    other = tmp_path / "other.db"
    assert cli("init", "--org", "东湖社区", db=other).exit_code == 0
    result = cli("restore", str(backup), "--yes", "--format", "json", db=other)
    assert result.exit_code == 0, result.stderr
    listed = result.json()["invalid_values"]
    assert {(v["ref"], v["column"]) for v in listed} >= {("V000001", "birth_date")}
    assert "volctl check lists each one" in result.stderr
    assert cli("check", db=other).exit_code == 1

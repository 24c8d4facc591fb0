"""volctl log-hours list: what counts now, filtered, in the documented shapes."""

from __future__ import annotations

import csv
import io

import pytest

from tests.helpers_ledger import add_activity
from volctl.errors import NotFound

RECORD_KEYS = [
    "record",
    "entry",
    "volunteer_no",
    "name",
    "activity_no",
    "activity",
    "date",
    "start",
    "end",
    "minutes",
    "hours",
    "attendance",
    "place",
    "content",
    "beneficiaries",
    "leader",
    "recorder",
    "evaluation",
    "notes",
    "batch",
    "recorded_at",
    "corrections",
    "corrected_at",
]
ENTRY_KEYS = [
    "record",
    "entry",
    "kind",
    "corrects",
    "reason",
    "current",
    "volunteer_no",
    "name",
    "activity_no",
    "activity",
    "date",
    "start",
    "end",
    "minutes",
    "hours",
    "attendance",
    "place",
    "content",
    "beneficiaries",
    "leader",
    "recorder",
    "evaluation",
    "notes",
    "batch",
    "recorded_at",
]


@pytest.fixture
def ledger(cli, roster, add_volunteer):
    add_volunteer(
        "王秀英", id_number="330482195803120387", phone="18620246633", registered_on="2024-01-05"
    )
    add_volunteer("李建国", registered_on="2024-01-05")
    add_activity(roster, "A20250315-01", day="2025-03-15")
    add_activity(roster, "A20250412-01", title="植树护绿", day="2025-04-12")
    for vol in ("V000001", "V000002"):
        for act in ("A20250315-01", "A20250412-01"):
            assert cli("log-hours", "add", vol, "--activity", act).exit_code == 0
    cli("log-hours", "amend", "4", "--hours", "2", "--reason", "提前离开")
    return roster


def listed(cli, *args: str) -> list[dict]:
    result = cli("log-hours", "list", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows: list[dict] = result.json()
    return rows


def test_a_record_has_the_documented_keys_in_order(cli, ledger) -> None:
    rows = listed(cli)
    assert all(list(r) == RECORD_KEYS for r in rows)
    amended = next(r for r in rows if r["record"] == 4)
    assert amended["entry"] == 5 and amended["corrections"] == 1 and amended["hours"] == 2.0
    assert amended["corrected_at"] is not None and rows[0]["corrected_at"] is None


def test_a_history_entry_has_the_documented_keys_in_order(cli, ledger) -> None:
    assert all(list(e) == ENTRY_KEYS for e in listed(cli, "--history"))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), [1, 3, 2, 4]),
        (("--volunteer", "王秀英"), [1, 2]),
        (("--activity", "植树护绿"), [2, 4]),
        (("--from", "2025-04-01"), [2, 4]),
        (("--to", "2025年3月31日"), [1, 3]),
        (("--volunteer", "V000002", "--from", "2025-04-12", "--to", "2025-04-12"), [4]),
    ],
)
def test_filters_narrow_the_list_ordered_by_date_activity_and_volunteer(
    cli, ledger, args, expected
) -> None:
    assert [r["record"] for r in listed(cli, *args)] == expected


def test_csv_carries_the_same_keys_and_no_personal_data(cli, ledger) -> None:
    out = cli("log-hours", "list", "--format", "csv", "--header", "keys").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == RECORD_KEYS and len(rows) == 4
    assert "18620246633" not in out and "330482195803120387" not in out


def test_the_list_goes_to_a_file(cli, ledger, tmp_path) -> None:
    path = tmp_path / "台账.csv"
    result = cli("log-hours", "list", "--format", "csv", "-o", str(path))
    assert result.exit_code == 0 and "Written to" in result.stderr
    assert path.read_text(encoding="utf-8-sig").startswith("record,entry,")


def test_the_table_sums_records_people_and_hours(cli, ledger) -> None:
    result = cli("log-hours", "list")
    assert "4 records, 2 people, 9.5 h" in result.stdout


def test_an_unknown_volunteer_filter_is_not_found(cli, ledger) -> None:
    result = cli("log-hours", "list", "--volunteer", "V000099")
    assert result.exit_code == NotFound.exit_code


def test_an_empty_list_says_so(cli, ledger) -> None:
    result = cli("log-hours", "list", "--from", "2026-01-01", "--to", "2026-01-02")
    assert result.exit_code == 0 and "nothing matches" in result.stderr

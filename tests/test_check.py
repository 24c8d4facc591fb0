"""volctl check: finds what is wrong and says what to do, naming records, never personal data."""

from __future__ import annotations

import sqlite3

from tests.conftest import make_id


def insert_raw(db, **values) -> None:
    """Old data that slipped in before validation (written straight into the file)."""
    row = {
        "volunteer_no": "V900001",
        "name": "旧数据",
        "id_number": "330482195803120388",
        "registered_on": "2010-01-01",
        "created_at": "x",
        "updated_at": "x",
        **values,
    }
    conn = sqlite3.connect(db)
    conn.execute(
        f"INSERT INTO volunteers ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        tuple(row.values()),
    )
    conn.commit()
    conn.close()


def test_a_clean_roster_passes(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    result = cli("check", "--format", "json")
    assert result.exit_code == 0
    assert result.json() == {"ok": True, "findings": []}


def test_an_invalid_identity_number_from_old_data_is_reported_with_advice(cli, roster) -> None:
    insert_raw(roster)
    result = cli("check", "--format", "json")
    assert result.exit_code == 1
    finding = result.json()["findings"][0]
    assert finding["check"] == "invalid_id_number" and finding["ref"] == "V900001"
    assert "check character" in finding["message"] and "register update" in finding["advice"]
    assert "330482195803120388" not in result.stdout


def test_the_same_name_and_phone_twice_is_a_warning(cli, add_volunteer) -> None:
    add_volunteer("薛艳", phone="13800001111")
    add_volunteer("薛艳", phone="13800001111")
    result = cli("check", "--format", "json")
    assert result.exit_code == 0
    assert [f["check"] for f in result.json()["findings"]] == ["duplicate_name_phone"]


def test_a_minor_without_guardian_consent_is_an_error(cli, roster) -> None:
    insert_raw(
        roster, id_number=make_id("20150601"), birth_date="2015-06-01", registered_on="2024-01-01"
    )
    findings = cli("check", "--format", "json").json()["findings"]
    assert [f["check"] for f in findings] == ["minor_without_consent"]


def test_an_uninsured_volunteer_on_a_risky_activity_is_a_warning(cli, add_volunteer) -> None:
    add_volunteer("王秀英", registered_on="2025-01-01")
    number = cli(
        "activity",
        "add",
        "河道清理",
        "--date",
        "2025-07-19",
        "--category",
        "环境保护",
        "--needs-insurance",
        "--format",
        "json",
    ).json()["activity_no"]
    cli("activity", "signup", number, "王秀英")
    result = cli("check", "--format", "json")
    assert result.exit_code == 0
    finding = result.json()["findings"][0]
    assert finding["check"] == "insurance_lapsed" and finding["ref"] == "V000001"
    assert "insurance add" in finding["advice"]


def test_a_record_before_registration_from_old_data_is_an_error(cli, add_volunteer, roster) -> None:
    add_volunteer("王秀英", registered_on="2025-01-01")
    number = cli(
        "activity",
        "add",
        "慰问",
        "--date",
        "2025-07-19",
        "--category",
        "社区服务",
        "--format",
        "json",
    ).json()["activity_no"]
    assert cli("log-hours", "add", "王秀英", "--activity", number, "--hours", "2").exit_code == 0
    conn = sqlite3.connect(roster)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("UPDATE volunteers SET registered_on = '2025-09-01'")  # old data, edited outside
    conn.commit()
    conn.close()
    findings = cli("check", "--format", "json").json()["findings"]
    assert [f["check"] for f in findings] == ["ledger_before_registration"]

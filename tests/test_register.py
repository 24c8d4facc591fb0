"""volctl register: one volunteer at a time, each refusal a clear message and nothing stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import make_id, make_phone
from volctl.errors import Conflict, InvalidInput, NotFound


def count(db: Path, table: str = "volunteers") -> int:
    conn = sqlite3.connect(db)
    n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    conn.close()
    return n


def test_a_registered_volunteer_is_listed_with_the_documented_keys_masked(
    cli, add_volunteer
) -> None:
    add_volunteer("王秀英", id_number="330482195803120387", phone="186-2024-6633", political="党员")
    listed = cli("register", "list", "--format", "json").json()
    assert len(listed) == 1
    person = listed[0]
    assert {
        "volunteer_no",
        "name",
        "gender",
        "birth_date",
        "id_number",
        "phone",
        "political_status",
        "status",
    } <= set(person)
    assert person["volunteer_no"] == "V000001"
    assert person["gender"] == "女" and person["birth_date"] == "1958-03-12"
    assert person["id_number"] == "3304**********0387"
    assert person["phone"] == "186****6633"
    assert person["political_status"] == "中共党员"
    assert person["status"] == "active"


def test_show_pii_reveals_identity_number_and_phone(cli, add_volunteer) -> None:
    add_volunteer("王秀英", id_number="330482195803120387", phone="18620246633")
    person = cli("register", "list", "--format", "json", "--show-pii").json()[0]
    assert person["id_number"] == "330482195803120387"
    assert person["phone"] == "18620246633"


def test_csv_output_is_masked_too(cli, add_volunteer) -> None:
    add_volunteer("王秀英", id_number="330482195803120387", phone="18620246633")
    out = cli("register", "list", "--format", "csv", "--header", "keys").stdout
    assert "330482195803120387" not in out and "18620246633" not in out
    assert "3304**********0387" in out


def test_csv_has_the_guardian_columns_whether_or_not_anyone_has_a_guardian(
    cli, add_volunteer
) -> None:
    add_volunteer("王秀英")
    adults_only = cli(
        "register", "list", "--format", "csv", "--header", "keys"
    ).stdout.splitlines()[0]
    add_volunteer(
        "小明", id_number=make_id("20140601"), guardian_name="王芳", guardian_phone="13957312345"
    )
    with_child = cli("register", "list", "--format", "csv", "--header", "keys").stdout.splitlines()[
        0
    ]
    assert adults_only == with_child
    assert "guardian_name,guardian_phone,guardian_relation,guardian_consent_on" in with_child


def test_the_table_shows_the_volunteer(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    result = cli("register", "list")
    assert result.exit_code == 0 and "王秀英" in result.stdout and "V000001" in result.stdout


@pytest.mark.parametrize(
    ("options", "reason_text"),
    [
        ({"name": ""}, "required field is missing: name (--name)"),
        ({"id_number": "330482195803120388"}, "check character is wrong"),
        ({"id_number": "3304821958031203"}, "18 characters"),
        ({"id_number": "3.30482E+17"}, "stored by Excel as a number"),
        ({"phone": "1389150"}, "not a valid mobile"),
        ({"gender": "男"}, "does not match the identity number"),
        ({"birth": "1960-01-01"}, "does not match the identity number"),
        ({"political": "党外"}, "Unknown political status"),
        ({"registered_on": "2099-01-01"}, "cannot be after today"),
    ],
)
def test_each_bad_value_is_refused_with_its_own_message(cli, roster, options, reason_text) -> None:
    fields = {
        "name": "王秀英",
        "id_number": "330482195803120387",
        "phone": "18620246633",
        **options,
    }
    args = ["register", "add"]
    for key, value in fields.items():
        args += [f"--{key.replace('_', '-')}", value]
    result = cli(*args)
    assert result.exit_code == InvalidInput.exit_code
    assert reason_text in result.stderr
    assert "Traceback" not in result.stderr
    assert count(roster) == 0


def test_a_second_registration_of_the_same_person_names_the_first(
    cli, add_volunteer, roster
) -> None:
    add_volunteer("王秀英", id_number="330482195803120387")
    result = cli(
        "register",
        "add",
        "--name",
        "王秀英",
        "--id-number",
        "330482195803120387",
        "--phone",
        make_phone(99),
    )
    assert result.exit_code == Conflict.exit_code
    assert "already registered (V000001 王秀英)" in result.stderr
    assert count(roster) == 1


def test_a_minor_needs_a_guardian(cli, roster) -> None:
    child = make_id("20150601")
    result = cli(
        "register", "add", "--name", "小明", "--id-number", child, "--phone", make_phone(1)
    )
    assert result.exit_code == InvalidInput.exit_code
    assert "under 18" in result.stderr and "--guardian-name" in result.stderr
    assert count(roster) == 0


def test_a_minor_with_a_guardian_is_registered_with_consent_on_record(add_volunteer) -> None:
    person = add_volunteer(
        "小明",
        id_number=make_id("20150601"),
        guardian_name="王大明",
        guardian_phone="13957312345",
        registered_on="2025-03-01",
    )
    assert person["guardian"] == {
        "name": "王大明",
        "phone": "13957312345",
        "relation": None,
        "consent_on": "2025-03-01",
    }


def test_the_guardian_is_masked_by_default(cli, add_volunteer) -> None:
    add_volunteer(
        "小明", id_number=make_id("20150601"), guardian_name="王大明", guardian_phone="13957312345"
    )
    guardian = cli("register", "list", "--format", "json").json()[0]["guardian"]
    assert guardian["name"] == "王**" and guardian["phone"] == "139****2345"


@pytest.mark.parametrize("ref", ["V000002", "330482195803120387", "186 2024 6633", "王秀英"])
def test_show_finds_a_volunteer_by_number_identity_phone_or_name(cli, add_volunteer, ref) -> None:
    add_volunteer("李四")
    add_volunteer("王秀英", id_number="330482195803120387", phone="18620246633")
    shown = cli("register", "show", ref, "--format", "json")
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["volunteer_no"] == "V000002"


def test_an_ambiguous_name_lists_the_candidates_and_fails(cli, add_volunteer) -> None:
    add_volunteer("薛艳")
    add_volunteer("薛艳")
    result = cli("register", "show", "薛艳")
    assert result.exit_code == Conflict.exit_code
    assert "matches 2 volunteers" in result.stderr
    assert "V000001" in result.stderr and "V000002" in result.stderr
    assert "13812340001" not in result.stderr  # candidates are listed masked


def test_an_unknown_volunteer_is_not_found(cli, roster) -> None:
    result = cli("register", "show", "nobody")
    assert result.exit_code == NotFound.exit_code and "No volunteer 'nobody'" in result.stderr


def test_update_corrects_a_phone_and_keeps_the_old_value_in_the_audit_log(
    cli, add_volunteer, roster
) -> None:
    add_volunteer("王秀英", phone="18620246633")
    result = cli("register", "update", "王秀英", "--phone", "13900001111", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["changed"] == ["phone"]
    assert result.json()["volunteer"]["phone"] == "139****1111"
    conn = sqlite3.connect(roster)
    detail = conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'volunteer.update'"
    ).fetchone()[0]
    assert "+8618620246633" in detail and "+8613900001111" in detail


def test_update_with_a_bad_value_changes_nothing(cli, add_volunteer, roster) -> None:
    add_volunteer("王秀英", phone="18620246633")
    result = cli("register", "update", "王秀英", "--phone", "123")
    assert result.exit_code == InvalidInput.exit_code
    shown = cli("register", "show", "王秀英", "--format", "json", "--show-pii").json()
    assert shown["phone"] == "18620246633"


def test_update_without_changes_says_what_to_give(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    result = cli("register", "update", "王秀英")
    assert result.exit_code == InvalidInput.exit_code and "--phone" in result.stderr


def test_deactivation_keeps_the_volunteer_and_records_why(cli, add_volunteer, roster) -> None:
    add_volunteer("王秀英")
    result = cli("register", "deactivate", "王秀英", "--reason", "搬离社区", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["status"] == "inactive"
    assert result.json()["status_reason"] == "搬离社区"
    assert cli("register", "list", "--format", "json").json() == []
    everyone = cli("register", "list", "--status", "all", "--format", "json").json()
    assert [p["name"] for p in everyone] == ["王秀英"]
    again = cli("register", "deactivate", "王秀英", "--reason", "x")
    assert again.exit_code == Conflict.exit_code
    assert cli("register", "reactivate", "王秀英", "--reason", "回到社区").exit_code == 0
    assert count(roster, "volunteer_status_changes") == 2


def test_search_finds_by_skill(cli, add_volunteer) -> None:
    add_volunteer("王秀英", skills="书法,教育辅导")
    add_volunteer("李四", skills="驾驶")
    found = cli("register", "list", "--search", "书法", "--format", "json").json()
    assert [p["name"] for p in found] == ["王秀英"]


def test_volunteer_numbers_use_the_rosters_prefix(cli, roster, add_volunteer) -> None:
    assert cli("settings", "volunteer_no_prefix", "DH").exit_code == 0
    assert add_volunteer("王秀英")["volunteer_no"] == "DH000001"


def test_every_change_is_in_the_audit_log_with_its_command(cli, add_volunteer, roster) -> None:
    add_volunteer("王秀英")
    cli("--operator", "王芳", "register", "deactivate", "王秀英", "--reason", "搬离")
    conn = sqlite3.connect(roster)
    rows = conn.execute("SELECT command, action, operator FROM audit_log ORDER BY id").fetchall()
    assert ("volctl register add", "volunteer.add") in [r[:2] for r in rows]
    assert ("volctl register deactivate", "volunteer.deactivate", "王芳") in rows

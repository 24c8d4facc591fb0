"""Dates that contradict each other are refused where they are typed, with the roster unchanged.

A guardian consents by the registration; a registration comes before the service, memberships
and pairings it makes possible; nobody is made inactive over service already recorded; a pairing
starts after both sides are registered; a team is dissolved after it was founded; an award falls
in or after the year it commends; nothing is dated before 1990; a period's first day is not
after its last, refused the same way by every command that takes one.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import make_id, make_phone
from tests.helpers_structure import activity, ok, people, recipient, team
from volctl.errors import Conflict, InvalidInput


def dump(db: Path) -> list[str]:
    """Everything in the roster, as SQL: equal dumps mean nothing was written."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def refused(result, code: int, field: str, *words: str) -> None:
    """Refused with ``code``, one message naming ``field``, and ``words`` in it."""
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert result.stderr.startswith(f"Error: {field}: "), result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert "Traceback" not in result.stderr


def minor(cli, *extra: str) -> object:
    """Register a 12-year-old (born 2012-06-01) on 2025-03-01 with a guardian."""
    return cli(
        "register", "add", "--name", "小明", "--id-number", make_id("20120601", seq=31),
        "--phone", make_phone(31), "--guardian-name", "王芳", "--guardian-phone", make_phone(32),
        "--registered-on", "2025-03-01", "--format", "json", *extra,
    )  # fmt: skip


def served(cli, vol: str, day: str, title: str = "敬老院探访") -> str:
    """An activity on ``day`` with ``vol``'s service recorded on it; its number."""
    number = activity(cli, title, date=day)
    ok(cli("log-hours", "add", vol, "--activity", number, "--hours", "2"))
    return number


# ----------------------------------------------------------------------------- 1. consent


def test_a_guardian_consent_date_in_the_future_is_refused(cli, roster) -> None:
    before = dump(roster)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    result = minor(cli, "--guardian-consent-on", tomorrow)
    refused(result, InvalidInput.exit_code, "guardian's consent date", tomorrow, "after today")
    assert dump(roster) == before


def test_a_guardian_consent_date_before_the_birth_date_is_refused(cli, roster) -> None:
    before = dump(roster)
    result = minor(cli, "--guardian-consent-on", "2011-05-01")
    refused(result, InvalidInput.exit_code, "guardian's consent date", "2011-05-01", "2012-06-01")
    assert dump(roster) == before


def test_a_consent_date_after_registration_is_refused(cli, roster) -> None:
    before = dump(roster)
    result = minor(cli, "--guardian-consent-on", "2025-03-02")
    refused(
        result,
        InvalidInput.exit_code,
        "guardian's consent date",
        "2025-03-02",
        "registration date 2025-03-01",
    )
    assert dump(roster) == before
    # Consent given on the day of the registration, or before it, is what the rule asks for.
    assert ok(minor(cli, "--guardian-consent-on", "2025-03-01"))["guardian"]["consent_on"] == (
        "2025-03-01"
    )


def test_a_correction_that_moves_the_consent_after_registration_is_refused(cli, roster) -> None:
    number = ok(minor(cli))["volunteer_no"]
    before = dump(roster)
    result = cli("register", "update", number, "--guardian-consent-on", "2025-04-01")
    refused(result, InvalidInput.exit_code, "guardian's consent date", "2025-04-01")
    assert dump(roster) == before


# ----------------------------------------------------------------------------- 2. registration


def test_a_registration_date_after_the_first_service_is_refused(cli, roster, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    served(cli, vol, "2025-03-15")
    served(cli, vol, "2025-05-17", "植树")
    before = dump(roster)
    result = cli("register", "update", vol, "--registered-on", "2025-04-01")
    refused(result, InvalidInput.exit_code, "registration date", "2025-04-01", "2025-03-15")
    assert dump(roster) == before
    # On the day of the first service is fine.
    assert ok(cli("register", "update", vol, "--registered-on", "2025-03-15", "--format", "json"))


def test_a_registration_date_after_joining_a_team_is_refused(cli, roster, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", vol, "--since", "2024-06-01"))
    before = dump(roster)
    result = cli("register", "update", vol, "--registered-on", "2024-07-01")
    refused(result, InvalidInput.exit_code, "registration date", "东湖社区分队", "2024-06-01")
    assert dump(roster) == before


def test_a_registration_date_after_a_pairing_is_refused(cli, roster, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    ok(cli("recipient", "pair", recipient(cli), vol, "--since", "2025-01-01"))
    before = dump(roster)
    result = cli("register", "update", vol, "--registered-on", "2025-02-01")
    refused(result, InvalidInput.exit_code, "registration date", "陈阿婆", "2025-01-01")
    assert dump(roster) == before


def test_an_import_that_moves_a_registration_after_service_rejects_that_row(
    cli, roster, add_volunteer, tmp_path
) -> None:
    person = add_volunteer("王秀英", registered_on="2024-01-01")
    served(cli, person["volunteer_no"], "2025-03-15")
    sheet = tmp_path / "signup.csv"
    sheet.write_text(
        f"姓名,身份证号码,手机号码,登记日期\n王秀英,{person['id_number']},{make_phone(1)},2025-06-01\n",
        encoding="utf-8",
    )
    result = cli("register", "import", str(sheet), "--on-duplicate", "update", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "registered_after_service" in result.stdout
    shown = ok(cli("register", "show", person["volunteer_no"], "--format", "json"))
    assert shown["registered_on"] == "2024-01-01"


def test_deactivating_before_recorded_service_is_refused_naming_the_first_record_date(
    cli, roster, add_volunteer
) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    served(cli, vol, "2025-03-15")
    served(cli, vol, "2025-05-17", "植树")
    before = dump(roster)
    result = cli("register", "deactivate", vol, "--reason", "搬离", "--on", "2025-04-01")
    refused(result, Conflict.exit_code, "effective date", "on 2025-05-17", "2025-04-01")
    assert dump(roster) == before
    # Service on the day itself counts too: inactive from that day means no service that day.
    same_day = cli("register", "deactivate", vol, "--reason", "搬离", "--on", "2025-05-17")
    refused(same_day, Conflict.exit_code, "effective date", "2025-05-17")
    assert dump(roster) == before
    ok(cli("register", "deactivate", vol, "--reason", "搬离", "--on", "2025-05-18"))


def test_check_reports_service_recorded_while_the_volunteer_was_inactive(
    cli, roster, add_volunteer
) -> None:
    (vol, other) = people(add_volunteer, "王秀英", "李明")
    served(cli, vol, "2025-03-15")
    served(cli, other, "2025-03-22", "植树")
    ok(cli("register", "deactivate", other, "--reason", "搬离", "--on", "2025-04-01"))
    # Old data: a deactivation dated before service already on record, written around volctl.
    conn = sqlite3.connect(roster)
    conn.execute(
        "INSERT INTO volunteer_status_changes (volunteer_id, status, reason, effective_on,"
        " recorded_at) SELECT id, 'inactive', '旧数据', '2025-03-01', 'x' FROM volunteers"
        " WHERE volunteer_no = ?",
        (vol,),
    )
    conn.execute("UPDATE volunteers SET status = 'inactive' WHERE volunteer_no = ?", (vol,))
    conn.commit()
    conn.close()
    result = cli("check", "--format", "json")
    assert result.exit_code == 1
    findings = result.json()["findings"]
    assert [(f["check"], f["ref"], f["severity"]) for f in findings] == [
        ("ledger_while_inactive", vol, "error")
    ]
    assert "2025-03-15" in findings[0]["message"] and "2025-03-01" in findings[0]["message"]
    assert "reactivate" in findings[0]["advice"]


# ----------------------------------------------------------------------------- 3. other dates


def test_a_pairing_before_the_volunteer_registered_is_refused(cli, roster, add_volunteer) -> None:
    vol = add_volunteer("王秀英", registered_on="2025-03-01")["volunteer_no"]
    number = recipient(cli)
    before = dump(roster)
    result = cli("recipient", "pair", number, vol, "--since", "2025-02-01")
    refused(result, InvalidInput.exit_code, "since", vol, "2025-02-01", "2025-03-01")
    assert dump(roster) == before


def test_a_pairing_before_the_beneficiary_was_registered_is_refused(
    cli, roster, add_volunteer
) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    number = recipient(cli, "陈阿婆", "空巢老人", "--registered-on", "2025-03-01")
    before = dump(roster)
    result = cli("recipient", "pair", number, vol, "--since", "2025-02-01")
    refused(result, InvalidInput.exit_code, "since", number, "2025-02-01", "2025-03-01")
    assert dump(roster) == before


def test_dissolving_a_team_before_it_was_founded_is_refused(cli, roster) -> None:
    team(cli, "东湖服务队", "服务队", "--founded-on", "2025-03-01")
    before = dump(roster)
    result = cli("team", "dissolve", "东湖服务队", "--reason", "并入分队", "--on", "2025-02-28")
    refused(result, InvalidInput.exit_code, "dissolved on", "2025-02-28", "2025-03-01")
    assert dump(roster) == before


def test_an_award_date_before_the_commended_year_is_refused(cli, roster, add_volunteer) -> None:
    add_volunteer("王秀英")
    before = dump(roster)
    args = ("commend", "add", "--year", "2025", "--title", "优秀志愿者", "--volunteer", "王秀英")
    result = cli(*args, "--on", "2024-12-31")
    refused(result, InvalidInput.exit_code, "date awarded", "2024-12-31", "(2025)")
    assert dump(roster) == before


def test_an_award_date_in_the_future_is_refused(cli, roster, add_volunteer) -> None:
    add_volunteer("王秀英")
    before = dump(roster)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    year = str(date.today().year)
    args = ("commend", "add", "--year", year, "--title", "优秀志愿者", "--volunteer", "王秀英")
    result = cli(*args, "--on", tomorrow)
    refused(result, InvalidInput.exit_code, "date awarded", "after today")
    assert dump(roster) == before


def test_an_activity_dated_before_1990_is_refused(cli, roster) -> None:
    before = dump(roster)
    added = cli("activity", "add", "探访", "--date", "1989-12-31", "--category", "社区服务")
    refused(added, InvalidInput.exit_code, "date", "1989-12-31", "1990-01-01")
    scheduled = cli(
        "activity", "schedule", "集中服务日", "--rule", "third-saturday", "--from", "1989-10-01",
        "--to", "1990-03-31", "--category", "社区服务", "--yes",
    )  # fmt: skip
    refused(scheduled, InvalidInput.exit_code, "date", "1990-01-01")
    assert dump(roster) == before
    number = activity(cli, "探访", date="1990-01-01")
    before = dump(roster)
    moved = cli("activity", "update", number, "--date", "1985-03-05")
    refused(moved, InvalidInput.exit_code, "date", "1985-03-05")
    assert dump(roster) == before


def test_a_service_date_before_1990_is_refused(cli, roster, add_volunteer) -> None:
    born = make_id("19500101", seq=50)
    vol = add_volunteer("王秀英", id_number=born, registered_on="1985-01-01")["volunteer_no"]
    number = activity(cli, "探访", date="1990-01-02")
    before = dump(roster)
    result = cli(
        "log-hours", "add", vol, "--activity", number, "--hours", "2", "--date", "1989-12-30"
    )
    refused(result, InvalidInput.exit_code, "service date", "1989-12-30", "1990-01-01")
    assert dump(roster) == before


REVERSED = ("--from", "2025-12-31", "--to", "2025-01-01")
PERIOD_COMMANDS = [
    ("activity", "list", *REVERSED),
    ("log-hours", "list", *REVERSED),
    ("training", "list", *REVERSED),
    ("audit", *REVERSED),
    ("report", "hours", *REVERSED),
    ("export", "certificate", "--list", *REVERSED),
    (
        "activity", "schedule", "集中服务日", "--rule", "third-saturday", *REVERSED,
        "--category", "社区服务", "--yes",
    ),
]  # fmt: skip


@pytest.mark.parametrize("args", PERIOD_COMMANDS, ids=lambda args: " ".join(args[:2]))
def test_a_period_whose_first_day_is_after_its_last_is_refused_the_same_way_everywhere(
    cli, roster, args
) -> None:
    before = dump(roster)
    result = cli(*args, "--format", "json")
    assert result.exit_code == InvalidInput.exit_code, (args, result.stdout, result.stderr)
    assert "The first day 2025-12-31 is after the last day 2025-01-01." in result.stderr
    assert result.stdout == ""
    assert dump(roster) == before


def test_an_export_form_with_a_reversed_period_says_so_like_the_other_commands(
    cli, roster, tmp_path
) -> None:
    before = dump(roster)
    result = cli("export", "form", "ledger", "-o", str(tmp_path / "ledger.xlsx"), *REVERSED)
    refused(result, InvalidInput.exit_code, "to date", "The first day 2025-12-31 is after")
    assert not (tmp_path / "ledger.xlsx").exists()
    assert dump(roster) == before


# ----------------------------------------------------------------------------- 4. counts


def test_insuring_a_team_leaves_out_its_inactive_members_and_says_how_many(
    cli, roster, add_volunteer
) -> None:
    a, b, c = people(add_volunteer, "王秀英", "李明", "张伟")
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", a, b, c, "--since", "2024-06-01"))
    ok(cli("register", "deactivate", b, "--reason", "搬离", "--on", "2024-12-01"))
    args = (
        "insurance", "add", "--team", "东湖社区分队", "--insurer", "人保", "--policy", "P1",
        "--from", "2025-01-01", "--to", "2025-12-31",
    )  # fmt: skip
    result = ok(cli(*args, "--format", "json"))
    assert [p["volunteer_no"] for p in result["added"]] == [a, c]
    assert result["skipped_inactive"] == [{"volunteer_no": b, "name": "李明"}]
    listed = ok(cli("insurance", "list", "--format", "json"))
    assert sorted(p["volunteer_no"] for p in listed) == [a, c]
    table = cli(*args[:-4], "--policy", "P2", "--from", "2026-01-01", "--to", "2026-12-31")
    assert table.exit_code == 0
    assert "Recorded policy P2 for 2 volunteers" in table.stderr
    assert "Left out 1 inactive member:" in table.stderr and "李明" in table.stderr


def test_insuring_a_team_of_only_inactive_members_is_refused(cli, roster, add_volunteer) -> None:
    (a,) = people(add_volunteer, "王秀英")
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", a, "--since", "2024-06-01"))
    ok(cli("register", "deactivate", a, "--reason", "搬离", "--on", "2024-12-01"))
    before = dump(roster)
    result = cli(
        "insurance", "add", "--team", "东湖社区分队", "--insurer", "人保", "--policy", "P1",
        "--from", "2025-01-01", "--to", "2025-12-31",
    )  # fmt: skip
    refused(result, InvalidInput.exit_code, "team", "inactive")
    assert dump(roster) == before


@pytest.mark.parametrize("days", ["-1", "99999"])
def test_an_expiring_window_below_zero_or_beyond_ten_years_is_refused(
    cli, roster, days: str
) -> None:
    result = cli("insurance", "list", "--expiring", days, "--format", "json")
    refused(result, InvalidInput.exit_code, "days", days, "from 0 to 3660")
    assert result.stdout == ""


@pytest.mark.parametrize("group", ["空巢老人:0", "空巢老人:100001", "空巢老人:" + "9" * 30])
def test_a_served_group_count_outside_one_to_a_hundred_thousand_is_refused(
    cli, roster, group: str
) -> None:
    number = activity(cli)
    before = dump(roster)
    result = cli("activity", "serve", number, "--group", group)
    refused(result, InvalidInput.exit_code, "group served", "between 1 and 100000")
    assert dump(roster) == before
    added = cli("activity", "add", "探访", "--date", "2025-03-15", "--category", "社区服务",
                "--served-group", group)  # fmt: skip
    refused(added, InvalidInput.exit_code, "group served", "between 1 and 100000")
    assert dump(roster) == before


def test_a_served_group_of_a_hundred_thousand_is_accepted(cli, roster) -> None:
    number = activity(cli)
    ok(cli("activity", "serve", number, "--group", "社会公众:100000"))


def test_a_status_change_dated_before_the_last_one_is_refused(cli, roster, add_volunteer) -> None:
    add_volunteer("王秀英", registered_on="2024-01-05")
    ok(cli("register", "deactivate", "王秀英", "--reason", "搬家", "--on", "2025-06-01"))
    before = dump(roster)
    result = cli("register", "reactivate", "王秀英", "--reason", "回来了", "--on", "2025-05-01")
    refused(result, InvalidInput.exit_code, "effective date", "2025-06-01")
    assert dump(roster) == before


def test_a_training_dated_before_1990_is_refused(cli, roster) -> None:
    before = dump(roster)
    result = cli("training", "add", "急救培训", "--date", "1985-03-01", "--topic", "应急救护")
    refused(result, InvalidInput.exit_code, "date", "1990-01-01")
    assert dump(roster) == before


def consent_dated_after_registration(roster: Path) -> None:
    """Old data, written around volctl: the minor's consent dated after the registration."""
    conn = sqlite3.connect(roster)
    conn.execute("UPDATE volunteers SET guardian_consent_on = '2025-04-01'")
    conn.commit()
    conn.close()


def test_check_warns_of_a_consent_date_after_the_registration_in_old_data(cli, roster) -> None:
    ok(minor(cli))
    consent_dated_after_registration(roster)
    result = cli("check", "--format", "json")
    findings = result.json()["findings"]
    assert [(f["check"], f["severity"]) for f in findings] == [("consent_date", "warning")]
    assert "2025-04-01" in findings[0]["message"] and "2025-03-01" in findings[0]["message"]
    assert "--guardian-consent-on" in findings[0]["advice"]


def test_an_earlier_registration_date_carries_the_consent_volctl_dated_itself(cli, roster) -> None:
    ok(minor(cli))
    ok(cli("register", "update", "小明", "--registered-on", "2025-02-15"))
    shown = cli("register", "show", "小明", "--format", "json", "--show-pii").json()
    assert shown["registered_on"] == "2025-02-15"
    assert shown["guardian"]["consent_on"] == "2025-02-15"


def test_a_stored_contradictory_consent_does_not_block_an_unrelated_correction(cli, roster) -> None:
    ok(minor(cli))
    consent_dated_after_registration(roster)
    ok(cli("register", "update", "小明", "--phone", make_phone(40)))
    refused_ = cli("register", "update", "小明", "--registered-on", "2025-02-15")
    refused(refused_, InvalidInput.exit_code, "guardian's consent date", "2025-04-01")

"""volctl recipient: the register of beneficiaries and dated pairings (一助一, 多助一)."""

from __future__ import annotations

import csv
import io

from tests.conftest import make_id
from tests.helpers_structure import ok, people, recipient, rows
from volctl.errors import Conflict, InvalidInput


def test_a_beneficiary_is_registered_with_personal_data_masked(cli, roster) -> None:
    made = ok(
        cli(
            "recipient", "add", "--name", "陈阿婆", "--group", "空巢老人",
            "--id-number", make_id("19400101", male=False), "--phone", "0573-85012345",
            "--address", "东湖小区3幢2单元501室", "--needs", "代购、陪护",
            "--family-contact", "陈建国", "--family-phone", "13957312345", "--format", "json",
        )
    )  # fmt: skip
    assert made["recipient_no"] == "R000001" and made["group"] == "空巢老人"
    assert made["gender"] == "女" and made["birth_date"] == "1940-01-01"
    assert made["id_number"].startswith("3304") and "*" in made["id_number"]
    assert made["phone"] == "0573-****2345" and made["family_phone"] == "139****2345"
    assert made["address"] == "东湖小区3幢******" and made["family_contact"] == "陈**"
    assert made["pairing"] is None and made["volunteers"] == []


def test_show_pii_reveals_a_beneficiarys_details(cli, roster) -> None:
    number = recipient(
        cli, "陈阿婆", "空巢老人", "--address", "东湖小区3幢", "--phone", "13957312345"
    )
    shown = ok(cli("recipient", "show", number, "--format", "json", "--show-pii"))
    assert shown["address"] == "东湖小区3幢" and shown["phone"] == "13957312345"
    csv = cli("recipient", "list", "--format", "csv").stdout
    assert "13957312345" not in csv and "东湖小区3幢" not in csv


def test_a_group_off_the_list_is_refused_until_added(cli, roster) -> None:
    result = cli("recipient", "add", "--name", "刘师傅", "--group", "退役军人")
    assert result.exit_code == InvalidInput.exit_code and "groups --add" in result.stderr
    ok(cli("recipient", "groups", "--add", "退役军人"))
    assert recipient(cli, "刘师傅", "退役军人") == "R000001"


def test_one_volunteer_makes_a_one_to_one_pairing_and_more_make_several_to_one(
    cli, roster, add_volunteer
) -> None:
    a, b = people(add_volunteer, "王秀英", "李明")
    number = recipient(cli)
    first = ok(cli("recipient", "pair", number, a, "--since", "2025-01-01", "--format", "json"))
    assert first["pairing"] == "一助一"
    second = ok(cli("recipient", "pair", number, b, "--since", "2025-03-01", "--format", "json"))
    assert second["pairing"] == "多助一" and second["volunteers"] == [a, b]
    listed = ok(cli("recipient", "list", "--format", "json"))[0]
    assert listed["pairing"] == "多助一"
    assert [(v["volunteer_no"], v["since"]) for v in listed["volunteers"]] == [
        (a, "2025-01-01"),
        (b, "2025-03-01"),
    ]


def test_ending_a_pairing_dates_it_and_keeps_it(cli, roster, add_volunteer) -> None:
    a, b = people(add_volunteer, "王秀英", "李明")
    number = recipient(cli)
    ok(cli("recipient", "pair", number, a, b, "--since", "2025-01-01"))
    ended = ok(cli("recipient", "unpair", number, b, "--on", "2025-06-30", "--format", "json"))
    assert ended["pairing"] == "一助一" and ended["volunteers"] == [a]
    history = ok(cli("recipient", "show", number, "--format", "json"))["pairings"]
    assert [(p["volunteer_no"], p["ended_on"]) for p in history] == [(a, None), (b, "2025-06-30")]
    current = ok(cli("recipient", "pairings", "--format", "json"))
    assert [p["volunteer_no"] for p in current] == [a]
    everything = ok(cli("recipient", "pairings", "--all", "--format", "json"))
    assert len(everything) == 2


def test_pairing_refuses_inactive_volunteers_and_duplicates(cli, roster, add_volunteer) -> None:
    a, b = people(add_volunteer, "王秀英", "李明")
    ok(cli("register", "deactivate", b, "--reason", "搬离"))
    number = recipient(cli)
    inactive = cli("recipient", "pair", number, a, b)
    assert inactive.exit_code == Conflict.exit_code and "inactive" in inactive.stderr
    assert rows(roster, "SELECT count(*) FROM pairings") == [(0,)]
    ok(cli("recipient", "pair", number, a))
    twice = cli("recipient", "pair", number, a)
    assert twice.exit_code == Conflict.exit_code and "already" in twice.stderr.lower()


def test_ending_before_it_started_is_refused(cli, roster, add_volunteer) -> None:
    (a,) = people(add_volunteer, "王秀英")
    number = recipient(cli)
    ok(cli("recipient", "pair", number, a, "--since", "2025-05-01"))
    result = cli("recipient", "unpair", number, a, "--on", "2025-04-01")
    assert (
        result.exit_code == InvalidInput.exit_code and "before the pairing started" in result.stderr
    )


def test_a_beneficiary_who_moves_away_is_deactivated_and_their_pairings_end(
    cli, roster, add_volunteer
) -> None:
    (a,) = people(add_volunteer, "王秀英")
    number = recipient(cli)
    ok(cli("recipient", "pair", number, a, "--since", "2025-01-01"))
    ok(cli("recipient", "deactivate", number, "--reason", "随子女搬离", "--on", "2025-08-01"))
    assert ok(cli("recipient", "list", "--format", "json")) == []
    gone = ok(cli("recipient", "list", "--status", "all", "--format", "json"))[0]
    assert gone["status"] == "inactive" and gone["status_reason"] == "随子女搬离"
    assert rows(roster, "SELECT ended_on FROM pairings") == [("2025-08-01",)]


def test_update_corrects_details_and_audits_the_old_value(cli, roster) -> None:
    number = recipient(cli, "陈阿婆", "空巢老人", "--needs", "代购")
    changed = ok(cli("recipient", "update", number, "--needs", "陪护", "--format", "json"))
    assert changed["changed"] == ["needs"] and changed["recipient"]["needs"] == "陪护"
    detail = rows(roster, "SELECT detail FROM audit_log WHERE action = 'recipient.update'")
    assert "代购" in detail[0][0]


def test_a_name_shared_by_two_beneficiaries_is_ambiguous(cli, roster) -> None:
    recipient(cli, "陈阿婆")
    recipient(cli, "陈阿婆", "残疾人")
    result = cli("recipient", "show", "陈阿婆")
    assert result.exit_code == Conflict.exit_code and "R000002" in result.stderr


def test_recipient_list_as_csv_names_the_paired_volunteers_in_plain_text(
    cli, roster, add_volunteer
) -> None:
    a, b = people(add_volunteer, "王秀英", "李明")
    number = recipient(cli)
    ok(cli("recipient", "pair", number, a, b, "--since", "2025-01-01"))
    result = cli("recipient", "list", "--format", "csv")
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["volunteers"].startswith(f"{a} 王秀英 ") and f";{b} 李明 " in row["volunteers"]
    assert "{" not in result.stdout and "'" not in row["volunteers"]

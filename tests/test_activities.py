"""volctl activity add/list/show/update/cancel/serve and the extendable lists."""

from __future__ import annotations

from tests.helpers_structure import activity, ok, people, recipient, rows, team
from volctl.errors import Conflict, InvalidInput, NotFound


def test_an_activity_gets_a_number_from_its_date_counting_that_day(cli, roster) -> None:
    assert activity(cli, "敬老院探访") == "A20250315-01"
    assert activity(cli, "垃圾分类宣传") == "A20250315-02"
    assert activity(cli, "植树", date="2025-03-12") == "A20250312-01"


def test_an_activity_has_the_documented_keys(cli, roster, add_volunteer) -> None:
    (leader,) = people(add_volunteer, "王秀英")
    team(cli, "东湖社区分队", "分队")
    made = ok(
        cli(
            "activity",
            "add",
            "敬老院探访",
            "--date",
            "2025年3月15日",
            "--start",
            "8:30",
            "--end",
            "11:30",
            "--category",
            "社区服务",
            "--theme",
            "关爱他人",
            "--team",
            "东湖社区分队",
            "--place",
            "东湖敬老院",
            "--beneficiaries",
            "空巢老人",
            "--capacity",
            "10",
            "--leader",
            leader,
            "--description",
            "陪老人聊天",
            "--needs-insurance",
            "--format",
            "json",
        )
    )
    assert made["date"] == "2025-03-15" and made["start_time"] == "08:30"
    assert made["end_time"] == "11:30" and made["team"] == "东湖社区分队"
    assert made["beneficiary_group"] == "空巢老人" and made["capacity"] == 10
    assert made["leader"]["name"] == "王秀英" and "*" in made["leader"]["phone"]
    assert made["status"] == "planned" and made["needs_insurance"] is True
    assert made["signed_up"] == 0 and made["series_key"] is None


def test_a_category_off_the_list_is_refused_until_the_clerk_adds_it(cli, roster) -> None:
    result = cli("activity", "add", "义剪", "--date", "2025-03-15", "--category", "理发")
    assert result.exit_code == InvalidInput.exit_code
    assert "Unknown category" in result.stderr and "categories --add" in result.stderr
    ok(cli("activity", "categories", "--add", "理发"))
    assert activity(cli, "义剪", "--category", "理发").startswith("A20250315")
    listed = ok(cli("activity", "categories", "--format", "json"))
    assert {"value": "理发", "builtin": False} in listed
    assert {"value": "社区服务", "builtin": True} in listed


def test_bad_times_and_themes_are_refused_naming_the_option(cli, roster) -> None:
    base = ["activity", "add", "探访", "--date", "2025-03-15", "--category", "社区服务"]
    late = cli(*base, "--start", "11:00", "--end", "09:00")
    assert late.exit_code == InvalidInput.exit_code and "end time" in late.stderr
    half = cli(*base, "--start", "11:00")
    assert half.exit_code == InvalidInput.exit_code and "both" in half.stderr
    theme = cli(*base, "--theme", "关爱动物")
    assert theme.exit_code == InvalidInput.exit_code and "theme" in theme.stderr
    assert rows(roster, "SELECT count(*) FROM activities") == [(0,)]


def test_the_list_filters_by_dates_team_with_sub_teams_and_category(cli, roster) -> None:
    team(cli, "东湖社区分队", "分队")
    team(cli, "东湖服务队", "服务队", "--parent", "东湖社区分队")
    activity(cli, "探访", "--team", "东湖服务队", date="2025-03-15")
    activity(cli, "宣传", "--category", "环境保护", date="2025-04-22")
    activity(cli, "义诊", date="2025-05-01")

    def titles(*args: str) -> list[str]:
        return [a["title"] for a in ok(cli("activity", "list", *args, "--format", "json"))]

    assert titles() == ["探访", "宣传", "义诊"]
    assert titles("--from", "2025-04-01", "--to", "2025-04-30") == ["宣传"]
    assert titles("--team", "东湖社区分队") == ["探访"]
    assert titles("--category", "环境保护") == ["宣传"]


def test_cancelling_keeps_the_activity_with_its_reason(cli, roster) -> None:
    number = activity(cli)
    assert cli("activity", "cancel", number).exit_code == 2  # --reason is required
    ok(cli("activity", "cancel", number, "--reason", "暴雨"))
    shown = ok(cli("activity", "show", number, "--format", "json"))
    assert shown["status"] == "cancelled" and shown["status_reason"] == "暴雨"
    again = cli("activity", "cancel", number, "--reason", "x")
    assert again.exit_code == Conflict.exit_code
    assert ok(cli("activity", "list", "--status", "cancelled", "--format", "json"))[0]["title"]


def test_update_moves_the_date_but_keeps_the_number_and_audits_it(cli, roster) -> None:
    number = activity(cli)
    moved = ok(cli("activity", "update", number, "--date", "2025-03-22", "--format", "json"))
    assert moved["activity"]["activity_no"] == number and moved["activity"]["date"] == "2025-03-22"
    assert moved["changed"] == ["date"]
    held = ok(cli("activity", "update", number, "--status", "held", "--format", "json"))
    assert held["activity"]["status"] == "held"
    refused = cli("activity", "update", number, "--status", "cancelled")
    assert refused.exit_code == InvalidInput.exit_code and "activity cancel" in refused.stderr
    detail = rows(roster, "SELECT detail FROM audit_log WHERE action = 'activity.update'")
    assert "2025-03-15" in detail[0][0] and "2025-03-22" in detail[0][0]


def test_an_unknown_activity_is_not_found_and_a_shared_title_is_ambiguous(cli, roster) -> None:
    activity(cli, "探访", date="2025-03-15")
    activity(cli, "探访", date="2025-04-15")
    assert cli("activity", "show", "nothing").exit_code == NotFound.exit_code
    shared = cli("activity", "show", "探访")
    assert shared.exit_code == Conflict.exit_code and "A20250415-01" in shared.stderr


def test_an_activity_names_the_groups_and_recipients_it_served(cli, roster) -> None:
    person = recipient(cli, "陈阿婆", "空巢老人")
    number = activity(cli, "探访", "--served", person, "--served-group", "空巢老人:12")
    ok(cli("activity", "serve", number, "--group", "留守儿童：5"))
    served = ok(cli("activity", "show", number, "--format", "json"))["served"]
    assert [(s["group"], s["people"], s["recipient_no"]) for s in served] == [
        ("空巢老人", 1, person),
        ("空巢老人", 12, None),
        ("留守儿童", 5, None),
    ]


def test_a_badly_written_group_count_is_refused(cli, roster) -> None:
    number = activity(cli)
    result = cli("activity", "serve", number, "--group", "空巢老人")
    assert result.exit_code == InvalidInput.exit_code and "GROUP:N" in result.stderr


def test_beneficiaries_served_are_counted_by_group_over_a_period(cli, roster) -> None:
    from datetime import date

    from volctl.db import open_roster
    from volctl.ledger import beneficiaries

    person = recipient(cli, "陈阿婆", "空巢老人")
    first = activity(cli, "探访", "--served", person, "--served-group", "空巢老人:10")
    activity(cli, "再探访", "--served", person, date="2025-04-15")
    cancelled = activity(cli, "取消的", "--served-group", "残疾人:3", date="2025-05-01")
    ok(cli("activity", "cancel", cancelled, "--reason", "暴雨"))
    wrong = ok(cli("activity", "serve", first, "--group", "农民工:4", "--format", "json"))[0]
    ok(cli("activity", "unserve", first, str(wrong["id"]), "--reason", "录错"))
    conn = open_roster(roster)
    counted = beneficiaries.served_by_group(conn, date(2025, 1, 1), date(2025, 12, 31))
    conn.close()
    assert counted == [{"group": "空巢老人", "people": 12, "recipients": 1, "activities": 2}]
    assert rows(roster, "SELECT count(*) FROM activity_beneficiaries") == [(5,)]

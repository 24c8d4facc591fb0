"""volctl activity signup/withdraw: the roster of an activity, capacity and double-booking."""

from __future__ import annotations

from tests.helpers_structure import activity, ok, people, rows
from volctl.errors import Conflict


def test_volunteers_sign_up_and_appear_on_the_roster_masked(cli, roster, add_volunteer) -> None:
    a, b = people(add_volunteer, "王秀英", "李明")
    number = activity(cli)
    result = ok(cli("activity", "signup", number, a, "李明", "--format", "json"))
    assert [p["volunteer_no"] for p in result["added"]] == [a, b] and result["signed_up"] == 2
    shown = ok(cli("activity", "show", number, "--format", "json"))
    assert [p["name"] for p in shown["signups"]] == ["王秀英", "李明"]
    assert all("****" in p["phone"] for p in shown["signups"])


def test_signing_up_twice_changes_nothing(cli, roster, add_volunteer) -> None:
    (a,) = people(add_volunteer, "王秀英")
    number = activity(cli)
    ok(cli("activity", "signup", number, a))
    again = ok(cli("activity", "signup", number, a, "--format", "json"))
    assert again["added"] == [] and again["already"][0]["volunteer_no"] == a
    assert rows(roster, "SELECT count(*) FROM signups") == [(1,)]


def test_an_inactive_volunteer_is_refused_and_nobody_is_signed_up(
    cli, roster, add_volunteer
) -> None:
    a, b = people(add_volunteer, "王秀英", "李明")
    ok(cli("register", "deactivate", b, "--reason", "搬离"))
    result = cli("activity", "signup", activity(cli), a, b)
    assert result.exit_code == Conflict.exit_code and "inactive" in result.stderr
    assert rows(roster, "SELECT count(*) FROM signups") == [(0,)]


def test_going_over_capacity_is_refused_without_force(cli, roster, add_volunteer) -> None:
    a, b, c = people(add_volunteer, "王秀英", "李明", "张伟")
    number = activity(cli, "探访", "--capacity", "2")
    result = cli("activity", "signup", number, a, b, c)
    assert result.exit_code == Conflict.exit_code
    assert "takes 2" in result.stderr and "--force" in result.stderr
    assert rows(roster, "SELECT count(*) FROM signups") == [(0,)]


def test_force_signs_up_beyond_capacity_and_records_it(cli, roster, add_volunteer) -> None:
    a, b, c = people(add_volunteer, "王秀英", "李明", "张伟")
    number = activity(cli, "探访", "--capacity", "2")
    ok(cli("activity", "signup", number, a, b))
    result = ok(cli("activity", "signup", number, c, "--force", "--format", "json"))
    assert result["forced"] == [{"volunteer_no": c, "name": "张伟"}] and result["signed_up"] == 3
    assert rows(roster, "SELECT forced FROM signups ORDER BY id") == [(0,), (0,), (1,)]
    detail = rows(roster, "SELECT detail FROM audit_log WHERE action = 'activity.signup'")
    assert '"forced": true' in detail[-1][0]


def test_a_volunteer_booked_at_overlapping_times_is_warned_about(
    cli, roster, add_volunteer
) -> None:
    (a,) = people(add_volunteer, "王秀英")
    morning = activity(cli, "探访", "--start", "08:30", "--end", "11:30")
    late = activity(cli, "宣传", "--start", "10:00", "--end", "12:00")
    evening = activity(cli, "晚会", "--start", "18:00", "--end", "20:00")
    ok(cli("activity", "signup", morning, a))
    overlap = cli("activity", "signup", late, a)
    assert overlap.exit_code == 0 and "overlap" in overlap.stderr and morning in overlap.stderr
    separate = ok(cli("activity", "signup", evening, a, "--format", "json"))
    assert separate["warnings"] == []


def test_a_cancelled_activity_takes_no_signups(cli, roster, add_volunteer) -> None:
    (a,) = people(add_volunteer, "王秀英")
    number = activity(cli)
    ok(cli("activity", "cancel", number, "--reason", "暴雨"))
    assert cli("activity", "signup", number, a).exit_code == Conflict.exit_code


def test_withdrawing_keeps_the_signup_on_record_and_frees_the_place(
    cli, roster, add_volunteer
) -> None:
    a, b = people(add_volunteer, "王秀英", "李明")
    number = activity(cli, "探访", "--capacity", "1")
    ok(cli("activity", "signup", number, a))
    ok(cli("activity", "withdraw", number, a, "--reason", "生病"))
    ok(cli("activity", "signup", number, b))
    ok(cli("activity", "withdraw", number, b, "--reason", "出差"))
    ok(cli("activity", "signup", number, a))
    assert rows(roster, "SELECT withdrawn_reason FROM signups ORDER BY id") == [
        ("生病",),
        ("出差",),
        (None,),
    ]
    missing = cli("activity", "withdraw", number, b, "--reason", "x")
    assert missing.exit_code == Conflict.exit_code and "not on" in missing.stderr


def test_the_signup_time_is_shown_in_local_time_and_kept_as_stored_in_json(
    cli, roster, add_volunteer, monkeypatch
) -> None:
    import time
    from datetime import datetime
    from zoneinfo import ZoneInfo

    (a,) = people(add_volunteer, "王秀英")
    number = activity(cli)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        ok(cli("activity", "signup", number, a))
        stored = ok(cli("activity", "show", number, "--format", "json"))["signups"][0]
        monkeypatch.setenv("TZ", "Asia/Shanghai")
        time.tzset()
        table = cli("activity", "show", number).stdout
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert stored["signed_up_at"].endswith("+00:00")
    moment = datetime.fromisoformat(stored["signed_up_at"])
    local = moment.astimezone(ZoneInfo("Asia/Shanghai"))
    assert local.strftime("%Y-%m-%d %H:%M") in table
    assert stored["signed_up_at"] not in table

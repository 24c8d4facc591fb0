"""report insurance: cover that lapses soon, to renew before the next activity."""

from __future__ import annotations

from datetime import date, timedelta

from tests.helpers_structure import people, team


def test_cover_ending_soon_is_listed_with_phone_and_team(cli, roster, add_volunteer) -> None:
    wang, li, zhang = people(add_volunteer, "王秀英", "李明", "张伟")
    team(cli, "东湖社区分队", "分队")
    cli("team", "join", "东湖社区分队", wang, "--since", "2024-06-01")
    today = date.today()
    soon, later = today + timedelta(days=10), today + timedelta(days=90)
    start = (today - timedelta(days=300)).isoformat()
    cli("insurance", "add", wang, li, "--insurer", "人保财险", "--policy", "P1",
        "--from", start, "--to", soon.isoformat())  # fmt: skip
    cli("insurance", "add", zhang, "--insurer", "人保财险", "--policy", "P2",
        "--from", start, "--to", later.isoformat())  # fmt: skip
    cli(
        "insurance",
        "add",
        li,
        "--insurer",
        "平安",
        "--policy",
        "P3",
        "--from",
        soon.isoformat(),
        "--to",
        later.isoformat(),
    )  # fmt: skip — 李明 renewed
    rows = cli("report", "insurance", "--expiring", "30", "--format", "json").json()
    assert rows == [
        {
            "volunteer_no": wang, "name": "王秀英", "phone": "138****0001",
            "team": "东湖社区分队", "insurer": "人保财险", "policy_no": "P1",
            "start_on": start, "end_on": soon.isoformat(), "days_left": 10,
        }
    ]  # fmt: skip
    wider = cli("report", "insurance", "--expiring", "120", "--format", "json").json()
    assert [r["policy_no"] for r in wider] == ["P1", "P3", "P2"]  # by end date, then number
    in_team = cli("report", "insurance", "--expiring", "120", "--team", "东湖社区分队",
                  "--format", "json").json()  # fmt: skip
    assert [r["volunteer_no"] for r in in_team] == [wang]
    full = cli("report", "insurance", "--format", "json", "--show-pii").json()
    assert full[0]["phone"] == "13812340001"


def test_nothing_lapsing_is_said_plainly(cli, roster) -> None:
    result = cli("report", "insurance")
    assert result.exit_code == 0 and "No cover ends within 30 days" in result.stderr


def test_a_negative_number_of_days_is_refused(cli, roster) -> None:
    result = cli("report", "insurance", "--expiring", "-1")
    assert result.exit_code == 3 and "-1" in result.stderr

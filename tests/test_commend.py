"""Commendations: one per title, year and recipient, a person or a team."""

from __future__ import annotations


def test_a_volunteer_is_commended_and_listed(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    result = cli(
        "commend",
        "add",
        "--year",
        "2025",
        "--title",
        "优秀志愿者",
        "--volunteer",
        "王秀英",
        "--on",
        "2025-12-20",
        "--by",
        "当湖街道",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    listed = cli("commend", "list", "--year", "2025", "--format", "json").json()
    assert listed == [
        {
            "year": 2025,
            "title": "优秀志愿者",
            "volunteer_no": "V000001",
            "name": "王秀英",
            "team": None,
            "awarded_on": "2025-12-20",
            "awarded_by": "当湖街道",
            "notes": None,
        }
    ]


def test_the_same_commendation_twice_is_refused(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    args = ("commend", "add", "--year", "2025", "--title", "优秀志愿者", "--volunteer", "王秀英")
    assert cli(*args).exit_code == 0
    assert cli(*args).exit_code == 5


def test_a_commendation_names_exactly_one_recipient(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    neither = cli("commend", "add", "--year", "2025", "--title", "优秀志愿者")
    assert neither.exit_code == 3 and "--volunteer" in neither.stderr


def test_a_future_year_is_refused(cli, add_volunteer) -> None:
    add_volunteer("王秀英")
    result = cli(
        "commend", "add", "--year", "2999", "--title", "优秀志愿者", "--volunteer", "王秀英"
    )
    assert result.exit_code == 3


def test_suggestions_come_from_the_ledger_with_their_reasons(cli, add_volunteer) -> None:
    add_volunteer("王秀英", registered_on="2024-12-01")
    add_volunteer("李四", registered_on="2024-12-01")
    cli("team", "add", "助老服务队", "--level", "服务队")
    cli("team", "join", "助老服务队", "王秀英", "李四", "--since", "2025-01-01")
    for week in range(26):  # 26 × 4 h = 104 h: the first star, and the 48 h target
        day = f"2025-{1 + week // 4:02d}-{1 + (week % 4) * 7:02d}"
        number = cli(
            "activity",
            "add",
            "探访",
            "--date",
            day,
            "--category",
            "社区服务",
            "--team",
            "助老服务队",
            "--leader",
            "王秀英",
            "--format",
            "json",
        ).json()
        cli("log-hours", "add", "王秀英", "--activity", number["activity_no"], "--hours", "4")
        if week < 2:
            cli("log-hours", "add", "李四", "--activity", number["activity_no"], "--hours", "5")
    result = cli("commend", "suggest", "--year", "2025", "--format", "json")
    assert result.exit_code == 0, result.stderr
    people = result.json()["volunteers"]
    assert [p["name"] for p in people] == ["王秀英"]
    assert {r["code"] for r in people[0]["reasons"]} == {
        "star_reached",
        "target_met",
        "activities_led",
    }
    assert people[0]["year_hours"] == 104.0 and people[0]["level"] == 1
    assert result.json()["teams"][0]["team"] == "助老服务队"
    cli("commend", "add", "--year", "2025", "--title", "1星志愿者", "--volunteer", "王秀英")
    again = cli("commend", "suggest", "--year", "2025", "--format", "json").json()
    assert again["volunteers"][0]["already"] == ["1星志愿者"]

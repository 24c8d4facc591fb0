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

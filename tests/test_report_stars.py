"""report stars: levels by cumulative hours and who newly reached one (commendation list)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers_reports import WEST, community_roster


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return community_roster(tmp_path_factory)


def test_levels_count_the_registered_volunteers_by_cumulative_hours(cli, community) -> None:
    report = cli("report", "stars", "--year", "2025", "--format", "json", db=community).json()
    assert report["thresholds"] == [5, 15, 30, 50, 80]
    assert [(lv["level"], lv["volunteers"], lv["new"]) for lv in report["levels"]] == [
        (1, 4, 3), (2, 1, 1), (3, 0, 0), (4, 0, 0), (5, 0, 0),
    ]  # fmt: skip
    assert [(v["volunteer_no"], v["level"], v["hours"]) for v in report["volunteers"]] == [
        ("V000003", 2, 17.0),
        ("V000001", 1, 13.0),
        ("V000004", 1, 9.0),
        ("V000002", 1, 6.0),
        ("V000005", 1, 5.5),
    ]


def test_newly_reached_is_those_who_crossed_a_threshold_in_the_year(cli, community) -> None:
    report = cli("report", "stars", "--year", "2025", "--format", "json", db=community).json()
    assert report["newly_reached"][0] == {
        "volunteer_no": "V000003", "name": "张伟", "team": WEST, "previous_level": 1,
        "level": 2, "hours_before": 8.0, "hours": 17.0, "year_hours": 9.0,
    }  # fmt: skip
    assert "V000001" not in [r["volunteer_no"] for r in report["newly_reached"]]


def test_the_domain_function_gives_the_commendation_list(community) -> None:
    from volctl.db import open_roster
    from volctl.reports.stars import newly_reached

    conn = open_roster(community)
    try:
        listed = newly_reached(conn, 2025)
        in_west = newly_reached(conn, 2025, team=WEST)
        in_2024 = newly_reached(conn, 2024)
    finally:
        conn.close()
    assert [(r["volunteer_no"], r["level"]) for r in listed] == [
        ("V000003", 2), ("V000004", 1), ("V000002", 1), ("V000005", 1),
    ]  # fmt: skip
    assert [r["volunteer_no"] for r in in_west] == ["V000003", "V000004", "V000005"]
    assert [r["volunteer_no"] for r in in_2024] == ["V000003", "V000001"]


def test_a_deactivated_volunteer_is_not_counted(cli, roster, add_volunteer) -> None:
    from tests.helpers_structure import activity

    cli("settings", "star_thresholds", "1,2,3,4,5")
    add_volunteer("王秀英", registered_on="2025-01-01")
    act = activity(cli, "敬老", date="2025-03-15")
    assert cli("log-hours", "add", "V000001", "--activity", act, "--hours", "2").exit_code == 0
    before = cli("report", "stars", "--year", "2025", "--format", "json").json()
    assert before["levels"][1]["volunteers"] == 1
    cli("register", "deactivate", "V000001", "--reason", "搬离", "--on", "2025-06-01")
    after = cli("report", "stars", "--year", "2025", "--format", "json").json()
    assert after["volunteers"] == [] and after["newly_reached"] == []


def test_the_terminal_names_the_levels(cli, community) -> None:
    text = cli("--lang", "zh", "report", "stars", "--year", "2025", db=community).stdout
    assert "2025 年新达到星级（4 人，表彰名单）" in text and "二星" in text


def test_csv_marks_who_is_new(cli, community) -> None:
    text = cli("report", "stars", "--year", "2025", "--format", "csv", "--header", "keys",
               db=community).stdout  # fmt: skip
    lines = text.splitlines()
    assert lines[0] == "volunteer_no,name,team,level,hours,year_hours,new,previous_level"
    assert lines[1].startswith("V000003,张伟,西湖社区分队,2,17,9,true,1")
    assert lines[2].startswith("V000001,王秀英,东湖社区分队,1,13,7,false,1")

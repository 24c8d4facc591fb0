"""report hours: service over any period by month, team, category, theme or volunteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers_reports import EAST, WEST, community_roster


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return community_roster(tmp_path_factory)


HOURS = ("report", "hours", "--format", "json")


def test_hours_by_month_cover_every_month_of_the_period(cli, community) -> None:
    report = cli(*HOURS, "--by", "month", "--from", "2025-03-01", "--to", "2025-05-31",
                 db=community).json()  # fmt: skip
    assert (report["from"], report["to"], report["by"]) == ("2025-03-01", "2025-05-31", "month")
    assert report["rows"] == [
        {"month": "2025-03", "activities": 1, "participations": 4, "hours": 11.5},
        {"month": "2025-04", "activities": 0, "participations": 0, "hours": 0.0},
        {"month": "2025-05", "activities": 1, "participations": 3, "hours": 12.0},
    ]
    assert (report["participations"], report["volunteers"], report["hours"]) == (7, 6, 23.5)


def test_hours_by_team_follow_the_memberships_of_each_day(cli, community) -> None:
    spring = cli(*HOURS, "--by", "team", "--from", "2025-01-01", "--to", "2025-06-30",
                 db=community).json()  # fmt: skip
    rows = {r["team"]: r for r in spring["rows"]}
    assert rows[EAST]["hours"] == 15.5  # A1's 11.5 h (李明 in the 服务队 under it), 张伟's 4 at A2
    assert rows[WEST]["hours"] == 8.0  # 赵丽 and 陈静 at A2; 张伟 was still in 东湖
    autumn = cli(*HOURS, "--by", "team", "--from", "2025-07-01", "--to", "2025-12-31",
                 db=community).json()  # fmt: skip
    rows = {r["team"]: r for r in autumn["rows"]}
    assert (rows[WEST]["participations"], rows[WEST]["hours"]) == (3, 5.5)  # 张伟 now counts here
    assert rows[EAST]["hours"] == 6.0


def test_hours_by_category_and_theme(cli, community) -> None:
    by_category = cli(*HOURS, "--by", "category", "--year", "2025", db=community).json()
    assert [(r["category"], r["hours"]) for r in by_category["rows"]] == [
        ("社区服务", 17.5),
        ("环境保护", 12.0),
        ("交通引导", 5.5),
    ]
    by_theme = cli(*HOURS, "--by", "theme", "--year", "2024", db=community).json()
    assert [(r["theme"], r["hours"]) for r in by_theme["rows"]] == [
        ("关爱他人", 18.0),
        ("关爱社会", 4.0),
        ("关爱自然", 0.0),
    ]


def test_hours_by_volunteer_rank_the_most_active_first(cli, community) -> None:
    report = cli(*HOURS, "--by", "volunteer", "--year", "2025", "--team", WEST,
                 db=community).json()  # fmt: skip
    assert [(r["volunteer_no"], r["hours"]) for r in report["rows"]] == [
        ("V000004", 6.0),
        ("V000005", 5.5),
        ("V000003", 2.0),
    ]
    assert report["team"] == WEST and report["hours"] == 13.5


def test_csv_lists_the_rows(cli, community) -> None:
    text = cli("report", "hours", "--by", "category", "--year", "2025", "--format", "csv",
               "--header", "keys", db=community).stdout  # fmt: skip
    assert text.splitlines()[0] == "category,activities,participations,hours"
    assert "社区服务,2,6,17.5" in text
    # for a person: headers and values in the interface language
    for lang, line in (("en", "community service,2,6,17.5"), ("zh", "社区服务,2,6,17.5")):
        shown = cli("--lang", lang, "report", "hours", "--by", "category", "--year", "2025",
                    "--format", "csv", db=community).stdout  # fmt: skip
        assert line in shown
    assert shown.splitlines()[0] == "类别,活动次数,服务人次,时长"


def test_a_reversed_period_or_both_year_and_range_are_refused(cli, community) -> None:
    reversed_ = cli("report", "hours", "--from", "2025-06-01", "--to", "2025-01-01", db=community)
    assert reversed_.exit_code == 3 and "2025-06-01" in reversed_.stderr
    both = cli("report", "hours", "--year", "2025", "--from", "2025-01-01", db=community)
    assert both.exit_code == 3 and "--year" in both.stderr
    unknown = cli("report", "hours", "--by", "week", db=community)
    assert unknown.exit_code == 3 and "'week'" in unknown.stderr


def test_a_volunteer_in_two_sub_teams_counts_once_in_their_parent(
    cli, roster, add_volunteer
) -> None:
    from tests.helpers_structure import activity, team

    add_volunteer("王秀英", registered_on="2024-01-01")
    team(cli, "东湖社区分队", "分队")
    team(cli, "助老服务队", "服务队", "--parent", "东湖社区分队")
    team(cli, "环保服务队", "服务队", "--parent", "东湖社区分队")
    cli("team", "join", "助老服务队", "V000001", "--since", "2025-01-01")
    cli("team", "join", "环保服务队", "V000001", "--since", "2025-01-01")
    act = activity(cli, "敬老", date="2025-03-15")
    cli("log-hours", "add", "V000001", "--activity", act, "--hours", "3")
    rows = cli("report", "hours", "--by", "team", "--year", "2025", "--format", "json").json()
    hours = {r["team"]: (r["members"], r["volunteers"], r["hours"]) for r in rows["rows"]}
    assert hours == {
        "东湖社区分队": (1, 1, 3.0),
        "助老服务队": (1, 1, 3.0),
        "环保服务队": (1, 1, 3.0),
        None: (None, 0, 0.0),  # the activity no team organised
    }
    assert rows["rows"][-1]["activities"] == 1 and rows["hours"] == 3.0

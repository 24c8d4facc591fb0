"""report summary: every figure of the year-end summary on a roster whose totals are known.

The roster (``tests/helpers_reports.py``) is built through the CLI; the expected values are
worked out there, row by row.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers_reports import EAST, WEST, community_roster


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return community_roster(tmp_path_factory)


ZERO_STARS = {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0}


@pytest.fixture(scope="module")
def summary_2025(community):
    from typer.testing import CliRunner

    from volctl.cli.app import app

    result = CliRunner().invoke(
        app, ["--db", str(community), "report", "summary", "--year", "2025", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    import json

    return json.loads(result.stdout)


def test_the_headline_figures_count_people_and_participations_apart(summary_2025) -> None:
    s = summary_2025
    assert (s["year"], s["org"], s["team"], s["as_of"]) == (2025, "东湖社区", None, "2025-12-31")
    assert s["teams"] == 3
    assert s["volunteers_registered"] == 7  # V000007 was deactivated in June
    assert s["volunteers_new"] == 2
    assert s["volunteers_serving"] == 6  # distinct people
    assert s["participations"] == 12  # 人次: the absence at A1 and the voided record do not count
    assert s["participation_rate"] == 71.4  # 5 of the 7 registered served
    assert s["activities"] == 4 and s["activities_unconfirmed"] == 1


def test_hours_count_each_correction_once_and_never_training(summary_2025) -> None:
    s = summary_2025
    assert s["hours"] == 35.0  # 孙娜's 2 h amended to 2.5 h; 王秀英's 2 h at A2 voided
    assert s["hours_per_serving_volunteer"] == 5.8  # 35 / 6
    assert s["trainings"] == {"held": 2, "people_trained": 4, "attendances": 4, "hours": 3.5}


def test_the_target_and_stars_judge_the_people_registered_at_the_years_end(summary_2025) -> None:
    s = summary_2025
    assert s["target_hours"] == 6 and s["met_target"] == 3  # 王秀英 7, 张伟 9, 赵丽 6
    assert s["star_thresholds"] == [5, 15, 30, 50, 80]
    assert s["stars"] == {**ZERO_STARS, "1": 4, "2": 1}
    assert s["stars_new"] == {**ZERO_STARS, "1": 3, "2": 1}  # 王秀英 had her star in 2024


def test_months_categories_and_themes_add_up_to_the_year(summary_2025) -> None:
    s = summary_2025
    busy = {m["month"]: m for m in s["by_month"] if m["activities"] or m["participations"]}
    assert [m["month"] for m in s["by_month"]] == [f"2025-{n:02d}" for n in range(1, 13)]
    assert busy == {
        "2025-03": {"month": "2025-03", "activities": 1, "participations": 4, "hours": 11.5},
        "2025-05": {"month": "2025-05", "activities": 1, "participations": 3, "hours": 12.0},
        "2025-08": {"month": "2025-08", "activities": 1, "participations": 3, "hours": 5.5},
        "2025-10": {"month": "2025-10", "activities": 1, "participations": 2, "hours": 6.0},
    }
    assert s["by_category"] == [
        {"category": "社区服务", "activities": 2, "participations": 6, "hours": 17.5},
        {"category": "环境保护", "activities": 1, "participations": 3, "hours": 12.0},
        {"category": "交通引导", "activities": 1, "participations": 3, "hours": 5.5},
    ]
    assert s["by_theme"] == [
        {"theme": "关爱他人", "activities": 2, "participations": 6, "hours": 17.5},
        {"theme": "关爱社会", "activities": 1, "participations": 3, "hours": 5.5},
        {"theme": "关爱自然", "activities": 1, "participations": 3, "hours": 12.0},
    ]


def test_a_volunteer_moved_mid_year_counts_for_each_team_while_in_it(summary_2025) -> None:
    rows = {r["team"]: r for r in summary_2025["by_team"]}
    assert list(rows) == [EAST, "东湖服务队", WEST]
    # 张伟: A1 and A2 for 东湖 (before July), A3 for 西湖; the sub-team rolls up into 东湖.
    assert rows[EAST] == {
        "team": EAST, "level": "分队", "parent": None, "depth": 0, "members": 4,
        "activities": 2, "volunteers": 4, "participations": 7, "hours": 21.5,
    }  # fmt: skip
    assert rows["东湖服务队"]["depth"] == 1 and rows["东湖服务队"]["hours"] == 5.0
    assert rows[WEST] == {
        "team": WEST, "level": "分队", "parent": None, "depth": 0, "members": 3,
        "activities": 2, "volunteers": 3, "participations": 5, "hours": 13.5,
    }  # fmt: skip


def test_beneficiaries_are_counted_by_group(summary_2025) -> None:
    assert summary_2025["beneficiaries"] == [
        {"group": "社会公众", "people": 30, "recipients": 0, "activities": 1},
        {"group": "空巢老人", "people": 20, "recipients": 0, "activities": 2},
    ]


def test_the_most_active_volunteers_come_with_masked_phones(summary_2025) -> None:
    top = summary_2025["top_volunteers"]
    assert [(r["rank"], r["name"], r["hours"]) for r in top] == [
        (1, "张伟", 9.0),
        (2, "王秀英", 7.0),
        (3, "赵丽", 6.0),
        (4, "陈静", 5.5),
        (5, "李明", 5.0),
        (6, "孙娜", 2.5),
    ]
    assert top[0] == {
        "rank": 1, "volunteer_no": "V000003", "name": "张伟", "phone": "138****0003",
        "team": WEST, "participations": 3, "hours": 9.0, "minutes": 540,
        "cumulative_hours": 17.0, "stars": 2,
    }  # fmt: skip


def test_dormant_volunteers_are_registered_and_did_not_serve(summary_2025) -> None:
    assert summary_2025["dormant"] == [
        {
            "volunteer_no": "V000006", "name": "刘洋", "phone": "138****0006", "team": None,
            "registered_on": "2024-01-01", "last_service": "2024-06-15",
        },
        {
            "volunteer_no": "V000008", "name": "周杰", "phone": "138****0008", "team": None,
            "registered_on": "2025-05-01", "last_service": None,
        },
    ]  # fmt: skip


def test_commendations_of_the_year_are_counted_by_title(summary_2025) -> None:
    assert summary_2025["commendations"] == {
        "given": 2,
        "by_title": {"优秀志愿者": 1, "先进集体": 1},
    }


def test_the_previous_year_is_compared_figure_by_figure(summary_2025) -> None:
    before = summary_2025["previous_year"]
    assert before == {
        "year": 2024, "teams": 3, "volunteers_registered": 6, "volunteers_new": 6,
        "volunteers_serving": 6, "participation_rate": 100.0, "participations": 6,
        "activities": 2, "hours": 22.0, "hours_per_serving_volunteer": 3.7, "met_target": 2,
        "change": {
            "teams": 0, "volunteers_registered": 1, "volunteers_new": -4,
            "volunteers_serving": 0, "participation_rate": -28.6, "participations": 6,
            "activities": 2, "hours": 13.0, "hours_per_serving_volunteer": 2.1, "met_target": 1,
        },
    }  # fmt: skip


def test_the_summary_has_exactly_the_documented_keys(summary_2025) -> None:
    assert list(summary_2025) == [
        "year", "org", "team", "as_of", "teams", "volunteers_registered", "volunteers_new",
        "volunteers_serving", "participation_rate", "participations", "activities", "hours",
        "hours_per_serving_volunteer", "target_hours", "met_target", "activities_unconfirmed",
        "star_thresholds", "stars", "stars_new", "by_month", "by_category", "by_theme",
        "by_team", "beneficiaries", "top_volunteers", "dormant", "trainings", "commendations",
        "previous_year", "by_community", "counted_twice",
    ]  # fmt: skip
    assert summary_2025["by_community"] == [] and summary_2025["counted_twice"] is None


def test_a_year_without_anything_before_it_has_no_previous_year(cli, community) -> None:
    s = cli("report", "summary", "--year", "2024", "--format", "json", db=community).json()
    assert s["previous_year"] is None
    assert (s["participations"], s["hours"], s["volunteers_serving"]) == (6, 22.0, 6)
    assert s["stars_new"] == {**ZERO_STARS, "1": 2}  # 王秀英 and 张伟 passed 5 h in 2024


def test_a_team_summary_counts_its_members_as_they_were_that_year(cli, community) -> None:
    s = cli("report", "summary", "--year", "2025", "--team", WEST, "--format", "json",
            db=community).json()  # fmt: skip
    assert s["team"] == WEST and s["teams"] == 1
    assert (s["volunteers_registered"], s["volunteers_new"], s["volunteers_serving"]) == (3, 1, 3)
    # 张伟 served at A2 in May while still in 东湖: only his August service counts here.
    assert (s["participations"], s["hours"], s["activities"]) == (5, 13.5, 2)
    assert s["met_target"] == 2 and s["participation_rate"] == 100.0
    assert s["stars"] == {**ZERO_STARS, "1": 2, "2": 1}
    may = next(m for m in s["by_month"] if m["month"] == "2025-05")
    assert (may["participations"], may["hours"]) == (2, 8.0)
    assert [r["category"] for r in s["by_category"]] == ["环境保护", "交通引导"]
    assert s["beneficiaries"] == [
        {"group": "社会公众", "people": 30, "recipients": 0, "activities": 1}
    ]
    assert s["trainings"]["people_trained"] == 3 and s["commendations"]["given"] == 2
    assert s["previous_year"]["participations"] == 1 and s["previous_year"]["hours"] == 3.0


def test_a_team_summary_includes_the_teams_under_it(cli, community) -> None:
    s = cli("report", "summary", "--year", "2025", "--team", EAST, "--format", "json",
            db=community).json()  # fmt: skip
    assert [r["team"] for r in s["by_team"]] == [EAST, "东湖服务队"]
    assert s["volunteers_registered"] == 2  # 张伟 left in July, 孙娜 is inactive
    assert (s["volunteers_serving"], s["participations"], s["hours"]) == (4, 7, 21.5)
    assert [(r["rank"], r["volunteer_no"]) for r in s["top_volunteers"]] == [
        (1, "V000001"), (1, "V000003"), (3, "V000002"), (4, "V000007"),
    ]  # fmt: skip
    assert s["commendations"] == {"given": 1, "by_title": {"优秀志愿者": 1}}


def test_the_breakdowns_add_up_to_the_headline(cli, community) -> None:
    for scope in ([], ["--team", WEST], ["--team", EAST]):
        s = cli("report", "summary", "--year", "2025", *scope, "--format", "json",
                db=community).json()  # fmt: skip
        for part in ("by_month", "by_category", "by_theme"):
            assert sum(r["participations"] for r in s[part]) == s["participations"], part
            assert round(sum(r["hours"] for r in s[part]), 1) == s["hours"], part
        tops = [r for r in s["by_team"] if r["depth"] == 0]
        assert round(sum(r["hours"] for r in tops), 1) == s["hours"]


def test_phones_are_shown_in_full_only_when_asked(cli, community) -> None:
    masked = cli("report", "summary", "--year", "2025", "--format", "json", db=community)
    full = cli("report", "summary", "--year", "2025", "--format", "json", "--show-pii",
               db=community)  # fmt: skip
    assert "13812340006" not in masked.stdout and "138****0006" in masked.stdout
    assert full.json()["dormant"][0]["phone"] == "13812340006"


def test_top_limits_the_list_of_the_most_active(cli, community) -> None:
    s = cli("report", "summary", "--year", "2025", "--top", "2", "--format", "json",
            db=community).json()  # fmt: skip
    assert [r["name"] for r in s["top_volunteers"]] == ["张伟", "王秀英"]


def test_planned_activities_past_their_date_are_pointed_out(cli, community) -> None:
    result = cli("report", "summary", "--year", "2025", "--format", "json", db=community)
    assert "1 activity of 2025 is past the date but still planned" in result.stderr


def test_an_unknown_team_or_a_future_year_is_refused_clearly(cli, community) -> None:
    unknown = cli("report", "summary", "--year", "2025", "--team", "无此队", db=community)
    assert (
        unknown.exit_code == 4 and "无此队" in unknown.stderr and "Traceback" not in unknown.stderr
    )
    future = cli("report", "summary", "--year", "2999", db=community)
    assert future.exit_code == 3 and "2999" in future.stderr and "year" in future.stderr


def test_a_report_changes_nothing_in_the_roster(cli, community) -> None:
    def state() -> tuple[int, ...]:
        conn = sqlite3.connect(community)
        try:
            return tuple(
                conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("audit_log", "service_records", "volunteers", "memberships")
            )
        finally:
            conn.close()

    before = state()
    assert cli("report", "summary", "--year", "2025", db=community).exit_code == 0
    assert state() == before


def test_registered_at_the_years_end_follows_the_status_history(cli, roster, add_volunteer) -> None:
    for name in ("王秀英", "李明", "张伟"):
        add_volunteer(name, registered_on="2024-01-01")
    cli("register", "deactivate", "V000001", "--reason", "外出务工", "--on", "2025-03-01")
    cli("register", "reactivate", "V000001", "--reason", "回到社区", "--on", "2025-09-01")
    cli("register", "deactivate", "V000002", "--reason", "搬离社区", "--on", "2025-12-31")
    cli("register", "deactivate", "V000003", "--reason", "搬离社区", "--on", "2026-01-02")
    s = cli("report", "summary", "--year", "2025", "--format", "json").json()
    # 王秀英 is back by December; 李明 left on Dec 31 itself; 张伟 only the next year.
    assert s["volunteers_registered"] == 2
    assert [d["volunteer_no"] for d in s["dormant"]] == ["V000001", "V000003"]

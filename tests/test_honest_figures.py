"""Figures that cannot mislead: hours beside a threshold are rounded down (what is missing
rounded up), ranks follow the hours shown, and a team exists from when it really began."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers_structure import activity, ok, people, team
from volctl.reports.common import hours_down, hours_up


def test_hours_beside_a_threshold_round_down_and_what_is_missing_rounds_up() -> None:
    assert hours_down(47 * 60 + 59) == 47.9
    assert hours_up(1) == 0.1
    assert hours_down(48 * 60) == 48.0 and hours_up(0) == 0.0
    assert hours_down(99 * 60 + 59) == 99.9


@pytest.fixture
def served(cli, roster, add_volunteer) -> list[str]:
    """Four volunteers with 48 h 00, 47 h 59, 47 h 55 and 99 h 59 of service in 2025."""
    numbers = people(add_volunteer, "甲一", "乙二", "丙三", "丁四")
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", f"{numbers[0]}-{numbers[3]}", "--since", "2025-01-01"))
    minutes = {numbers[0]: 48 * 60, numbers[1]: 47 * 60 + 59, numbers[2]: 47 * 60 + 55}
    minutes[numbers[3]] = 99 * 60 + 59
    day = 1
    for vol, total in minutes.items():
        while total > 0:
            chunk = min(total, 10 * 60)
            number = activity(cli, f"服务{day}", date=f"2025-02-{day:02d}")
            ok(cli("activity", "signup", number, vol))
            h, m = divmod(8 * 60 + chunk, 60)
            ok(cli("log-hours", "add", vol, "--activity", number, "--start", "08:00",
                   "--end", f"{h:02d}:{m:02d}"))  # fmt: skip
            total -= chunk
            day += 1
    ok(cli("settings", "star_thresholds", "100,300,600,1000,1500"))
    return numbers


def test_below_the_target_47h59_shows_as_47_9_with_0_1_short(cli, served) -> None:
    report = ok(cli("report", "target", "--year", "2025", "--format", "json"))
    below = {r["volunteer_no"]: r for r in report["below_target"]}
    assert served[0] not in below  # exactly 48 h meets it
    assert (below[served[1]]["hours"], below[served[1]]["hours_short"]) == (47.9, 0.1)
    assert (below[served[2]]["hours"], below[served[2]]["hours_short"]) == (47.9, 0.1)
    assert report["met"] == 2 and report["hours_short"] == 0.2


def test_99h59_is_99_9_without_a_star_everywhere(cli, served) -> None:
    summary = ok(cli("report", "summary", "--year", "2025", "--format", "json"))
    top = {r["volunteer_no"]: r for r in summary["top_volunteers"]}
    assert (top[served[3]]["hours"], top[served[3]]["cumulative_hours"]) == (99.9, 99.9)
    assert top[served[3]]["stars"] == 0
    record = ok(cli("report", "volunteer", served[3], "--format", "json"))
    assert (record["cumulative_hours"], record["stars"]) == (99.9, 0)
    assert record["next_star"] == {"level": 1, "hours": 100, "hours_to_go": 0.1}


def test_ranks_follow_the_hours_shown(cli, served) -> None:
    summary = ok(cli("report", "summary", "--year", "2025", "--format", "json"))
    ranked = [(r["rank"], r["volunteer_no"], r["hours"]) for r in summary["top_volunteers"]]
    assert ranked == [
        (1, served[3], 99.9),
        (2, served[0], 48.0),
        (3, served[1], 47.9),
        (3, served[2], 47.9),
    ]
    assert [r["minutes"] for r in summary["top_volunteers"]][2:] == [2879, 2875]


def test_a_commendation_is_not_suggested_for_47h59(cli, served) -> None:
    suggested = ok(cli("commend", "suggest", "--year", "2025", "--format", "json"))
    met = {
        p["volunteer_no"]
        for p in suggested["volunteers"]
        if any(r["code"] == "target_met" for r in p["reasons"])
    }
    assert served[1] not in met and served[0] in met


def test_teams_created_this_year_did_not_exist_last_year(cli, roster, add_volunteer) -> None:
    numbers = people(add_volunteer, "甲一", "乙二")
    team(cli, "东湖社区分队", "分队")
    team(cli, "东湖服务队", "服务队", "--parent", "东湖社区分队")
    ok(cli("team", "join", "东湖服务队", ",".join(numbers), "--since", "2025-03-01"))
    number = activity(cli, "探访", date="2025-03-15")
    ok(cli("activity", "signup", number, numbers[0]))
    ok(cli("log-hours", "activity", number, "--hours", "2"))
    summary = ok(cli("report", "summary", "--year", "2025", "--format", "json"))
    assert summary["teams"] == 2  # the parent existed when the team under it did
    assert summary["previous_year"] is None or summary["previous_year"]["teams"] == 0
    earlier = ok(cli("report", "summary", "--year", "2024", "--format", "json"))
    assert earlier["teams"] == 0


def test_a_founding_date_still_decides(cli, roster, tmp_path: Path) -> None:
    team(cli, "东湖社区分队", "分队", "--founded-on", "2020-05-01")
    earlier = ok(cli("report", "summary", "--year", "2021", "--format", "json"))
    assert earlier["teams"] == 1

"""report target: who is below the yearly target, by how much, by team."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers_reports import EAST, WEST, community_roster


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return community_roster(tmp_path_factory)


def test_the_target_lists_the_registered_volunteers_below_it(cli, community) -> None:
    report = cli("report", "target", "--year", "2025", "--format", "json", db=community).json()
    assert (report["target_hours"], report["volunteers"], report["met"], report["below"]) == (
        6,
        7,
        3,
        4,
    )
    assert [(r["volunteer_no"], r["hours"], r["hours_short"]) for r in report["below_target"]] == [
        ("V000002", 5.0, 1.0),
        ("V000005", 5.5, 0.5),
        ("V000006", 0.0, 6.0),
        ("V000008", 0.0, 6.0),
    ]
    assert report["hours_short"] == 13.5
    assert report["below_target"][0]["phone"] == "138****0002"


def test_the_summary_and_the_target_report_agree(cli, community) -> None:
    summary = cli("report", "summary", "--year", "2025", "--format", "json", db=community).json()
    report = cli("report", "target", "--year", "2025", "--format", "json", db=community).json()
    assert report["met"] == summary["met_target"]
    assert report["volunteers"] == summary["volunteers_registered"]


def test_the_target_is_summed_up_by_team(cli, community) -> None:
    report = cli("report", "target", "--year", "2025", "--format", "json", db=community).json()
    rows = {r["team"]: r for r in report["by_team"]}
    assert (rows[EAST]["volunteers"], rows[EAST]["met"], rows[EAST]["below"]) == (2, 1, 1)
    assert (rows[WEST]["volunteers"], rows[WEST]["met"], rows[WEST]["below"]) == (3, 2, 1)
    assert rows[None]["below"] == 2 and rows[None]["hours_short"] == 12.0


def test_another_target_can_be_asked_for(cli, community) -> None:
    report = cli("report", "target", "--year", "2025", "--hours", "48", "--team", WEST,
                 "--format", "json", db=community).json()  # fmt: skip
    assert (report["target_hours"], report["volunteers"], report["below"]) == (48, 3, 3)
    assert [(r["name"], r["hours_short"]) for r in report["below_target"]] == [
        ("陈静", 42.5),
        ("赵丽", 42.0),
        ("张伟", 39.0),
    ]
    bad = cli("report", "target", "--hours", "0", db=community)
    assert bad.exit_code == 3 and "target" in bad.stderr


def test_csv_lists_who_is_below(cli, community) -> None:
    text = cli("report", "target", "--year", "2025", "--format", "csv", "--header", "keys",
               db=community).stdout  # fmt: skip
    assert text.splitlines()[0] == "volunteer_no,name,phone,team,participations,hours,hours_short"
    assert len(text.splitlines()) == 5

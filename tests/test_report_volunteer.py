"""report volunteer: one volunteer's record, the basis of a service certificate."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.helpers_reports import EAST, WEST, community_roster


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return community_roster(tmp_path_factory)


def test_the_record_lists_every_service_at_its_latest_correction(cli, community) -> None:
    record = cli("report", "volunteer", "V000007", "--format", "json", db=community).json()
    assert [(s["date"], s["hours"], s["attendance"]) for s in record["services"]] == [
        ("2024-06-15", 2.0, "present"),
        ("2025-03-15", 2.5, "present"),  # amended from 2 h
    ]
    assert (
        record["services"][1]["minutes"] == 150 and record["services"][1]["category"] == "社区服务"
    )
    assert (record["participations"], record["hours"], record["cumulative_hours"]) == (2, 4.5, 4.5)
    assert record["volunteer"]["status"] == "inactive"


def test_a_voided_record_is_left_out_and_an_absence_kept_at_zero_time(cli, community) -> None:
    wang = cli("report", "volunteer", "V000001", "--format", "json", db=community).json()
    assert "A20250510-01" not in [s["activity_no"] for s in wang["services"]]  # voided
    zhao = cli("report", "volunteer", "赵丽", "--format", "json", db=community).json()
    absent = [s for s in zhao["services"] if s["attendance"] == "absent"]
    assert len(absent) == 1 and absent[0]["hours"] == 0.0
    assert zhao["participations"] == 3  # the absence is on record, not a service


def test_totals_per_year_run_up_to_the_star_level(cli, community) -> None:
    record = cli("report", "volunteer", "张伟", "--format", "json", db=community).json()
    assert record["by_year"] == [
        {"year": 2024, "records": 1, "participations": 1, "hours": 8.0, "cumulative_hours": 8.0},
        {"year": 2025, "records": 3, "participations": 3, "hours": 9.0, "cumulative_hours": 17.0},
    ]
    assert record["stars"] == 2
    assert record["next_star"] == {"level": 3, "hours": 30, "hours_to_go": 13.0}
    assert [(t["team"], t["left_on"]) for t in record["teams"]] == [
        (EAST, "2025-07-01"),
        (WEST, None),
    ]


def test_the_year_option_lists_that_years_services_only(cli, community) -> None:
    record = cli("report", "volunteer", "V000003", "--year", "2024", "--format", "json",
                 db=community).json()  # fmt: skip
    assert [s["date"] for s in record["services"]] == ["2024-06-15"]
    assert (record["year"], record["hours"], record["cumulative_hours"]) == (2024, 8.0, 17.0)


def test_training_and_commendations_are_part_of_the_record_but_not_service(cli, community) -> None:
    record = cli("report", "volunteer", "V000001", "--format", "json", db=community).json()
    assert [t["title"] for t in record["trainings"]] == ["岗前培训", "新志愿者岗前培训"]
    assert [(c["year"], c["title"]) for c in record["commendations"]] == [(2024, "优秀志愿者")]
    assert record["cumulative_hours"] == 13.0  # 6 + 7: the three training hours are not in it
    assert record["insurance"] == []


def test_personal_data_is_masked_unless_asked(cli, community) -> None:
    masked = cli("report", "volunteer", "V000001", "--format", "json", db=community)
    assert masked.json()["volunteer"]["phone"] == "138****0001"
    assert "*" in masked.json()["volunteer"]["id_number"]
    full = cli("report", "volunteer", "V000001", "--format", "json", "--show-pii", db=community)
    assert full.json()["volunteer"]["phone"] == "13812340001"


def test_csv_lists_the_services(cli, community) -> None:
    text = cli("report", "volunteer", "V000002", "--format", "csv", db=community).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["date"], r["hours"]) for r in rows] == [
        ("2024-09-21", "1"),
        ("2025-03-15", "3"),
        ("2025-10-18", "2"),
    ]


def test_the_terminal_shows_the_record_in_the_chosen_language(cli, community) -> None:
    text = cli("--lang", "zh", "report", "volunteer", "V000003", db=community).stdout
    assert "V000003 张伟 的志愿服务记录" in text and "距三星还差 13.0 小时" in text
    assert "3304**********" in text


def test_an_unknown_volunteer_is_not_found(cli, community) -> None:
    result = cli("report", "volunteer", "无此人", db=community)
    assert result.exit_code == 4 and "无此人" in result.stderr

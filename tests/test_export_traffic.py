"""文明交通行为劝导志愿者名单: by service intention, or by service on traffic activities."""

from __future__ import annotations

import openpyxl
import pytest

from tests.helpers_export import EAST, WEST, community_roster


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def listed(cli, tmp_path, *args: str) -> dict[str, list]:
    path = tmp_path / "traffic.xlsx"
    result = cli("export", "form", "traffic", *args, "-o", path)
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[3]][:2] == ["序号", "姓名"]
    found = {}
    for row in ws.iter_rows(min_row=4):
        if not isinstance(row[0].value, int) or not row[1].value:
            break
        found[row[1].value] = [c.value for c in row]
    return found


def test_volunteers_with_the_intention_or_on_traffic_activities_are_listed(
    cli, town, tmp_path
) -> None:
    people = listed(cli, tmp_path, "--year", "2025")
    # V10 and V26 chose 文明交通劝导; V25-V28 served on the traffic activity.
    assert set(people) == {"周红梅", "唐志远", "许海波", "韩晓燕", "冯桂芳"}
    assert people["周红梅"][9] == "意向：文明交通劝导"
    assert people["唐志远"][9] == "参加劝导1次，2.0小时"
    assert people["许海波"][9] == "意向：文明交通劝导\n参加劝导1次，2.0小时"  # a reason a line
    assert people["唐志远"][8] == WEST and people["周红梅"][8] == EAST


def test_the_period_decides_who_served_on_traffic_activities(cli, town, tmp_path) -> None:
    people = listed(cli, tmp_path, "--year", "2024")
    assert set(people) == {"周红梅", "许海波"}


def test_a_team_narrows_the_list_to_its_members(cli, town, tmp_path) -> None:
    assert set(listed(cli, tmp_path, "--year", "2025", "--team", EAST)) == {"周红梅"}


def test_inactive_volunteers_are_left_out(cli, town, tmp_path) -> None:
    assert cli("register", "deactivate", "V000010", "--reason", "搬离社区").exit_code == 0
    assert "周红梅" not in listed(cli, tmp_path, "--year", "2025")


def test_identity_numbers_and_phones_are_in_full_unless_masked(cli, town, tmp_path) -> None:
    row = listed(cli, tmp_path, "--year", "2025")["唐志远"]
    assert row[6].startswith("3304") and "*" not in row[6] and row[7] == "13957300025"
    masked = listed(cli, tmp_path, "--year", "2025", "--mask")["唐志远"]
    assert "*" in masked[6] and masked[7] == "139****0025"

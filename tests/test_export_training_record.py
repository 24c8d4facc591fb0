"""志愿者培训记录 and 志愿服务表彰名单: the year's training sessions and commendations on paper."""

from __future__ import annotations

import openpyxl
import pytest

from tests.helpers_export import EAST, community_roster, sheet_text


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def form(cli, tmp_path, name: str, *args: str):
    path = tmp_path / f"{name}.xlsx"
    result = cli("export", "form", name, *args, "-o", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path).active, result.json()


def test_each_training_session_is_listed_with_who_attended(cli, town, tmp_path) -> None:
    ws, written = form(cli, tmp_path, "training", "--year", "2025")
    assert ws["A1"].value == "志愿者培训记录" and written["rows"] == 1
    row = next([c.value for c in r] for r in ws.iter_rows() if r[0].value == 1)
    assert row[1:5] == ["2025年3月10日", "新志愿者岗前培训", "志愿精神", 2]
    assert row[7] == 2 and row[8] == "吴国庆、周红梅" and row[9] == "新志愿者初次培训"
    assert any("不计入志愿服务时长" in t for t in sheet_text(ws))


def test_the_commendations_list_names_people_and_collectives(cli, town, tmp_path) -> None:
    added = cli("commend", "add", "--year", "2025", "--title", "先进集体", "--team", EAST)
    assert added.exit_code == 0, added.stderr
    ws, written = form(cli, tmp_path, "commendations", "--year", "2025")
    assert ws["A1"].value == "2025年度志愿服务表彰名单" and written["rows"] == 2
    rows = [[c.value for c in r] for r in ws.iter_rows() if isinstance(r[0].value, int)]
    assert rows[0][1:4] == ["优秀志愿者", "吴国庆", "V000009"] and rows[0][4] == EAST
    assert rows[1][1:4] == ["先进集体", EAST, "（集体）"]
    _other, nothing = form(cli, tmp_path, "commendations", "--year", "2024")
    assert nothing["rows"] == 0 and nothing["blank_rows"] == 5

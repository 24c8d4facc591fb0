"""文明交通行为劝导志愿者登记表: what a unit carries to the traffic police (seed 001 五(二))."""

from __future__ import annotations

import openpyxl
import pytest

from tests.helpers_export import WEST, community_roster, make_id, sheet_text


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def registration(cli, tmp_path, *args: str):
    path = tmp_path / "登记表.xlsx"
    result = cli("export", "form", "traffic-registration", *args, "-o", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path).active, result.json(), result.stderr, path


def test_the_volunteers_are_those_of_the_list_with_their_training(cli, town, tmp_path) -> None:
    added = cli("training", "add", "文明交通劝导业务培训", "--date", "2025-04-01", "--topic",
                "文明交通", "--format", "json")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert cli("training", "attend", "T20250401-01", "V000025").exit_code == 0
    ws, written, _err, _path = registration(cli, tmp_path, "--year", "2025")
    listed = cli("export", "form", "traffic", "--year", "2025", "-o", tmp_path / "l.xlsx",
                 "--format", "json").json()  # fmt: skip
    assert ws["A1"].value == "文明交通行为劝导志愿者登记表"
    assert written["rows"] == listed["rows"] == 5
    row = next([c.value for c in r] for r in ws.iter_rows() if r[1].value == "唐志远")
    assert row[8] == "2025年4月1日" and row[10] == "已参加劝导1次"
    texts = sheet_text(ws)
    assert "单位意见" in texts and "区文明办意见" in texts and "交警大队\n意见" in texts


def test_it_identifies_the_volunteers_in_full_unless_masked(cli, town, tmp_path) -> None:
    ws, written, err, path = registration(cli, tmp_path, "--year", "2025", "--team", WEST)
    row = next([c.value for c in r] for r in ws.iter_rows() if r[1].value == "唐志远")
    assert row[5] == make_id(25) and written["show_pii"] and "personal data" in err
    assert path.stat().st_mode & 0o777 == 0o600
    masked, copy, err, _ = registration(cli, tmp_path, "--year", "2025", "--mask")
    row = next([c.value for c in r] for r in masked.iter_rows() if r[1].value == "唐志远")
    assert "*" in row[5] and copy["show_pii"] is False

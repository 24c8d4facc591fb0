"""服务对象名册: the beneficiaries on record on the day, their needs and the volunteers paired."""

from __future__ import annotations

import openpyxl
import pytest

from tests.helpers_export import community_roster, sheet_text


@pytest.fixture
def served(cli, db_path, tmp_path_factory) -> dict:
    town = community_roster(tmp_path_factory, db_path)
    added = cli("recipient", "add", "--name", "陈阿婆", "--group", "空巢老人", "--phone",
                "13957312345", "--address", "东湖小区3幢501室", "--needs", "代购、陪护",
                "--family-contact", "陈建国", "--family-phone", "13957388888",
                "--registered-on", "2025-01-05")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert cli("recipient", "pair", "R000001", "V000008", "V000009", "--since", "2025-01-15")
    return town


def register(cli, tmp_path, *args: str):
    path = tmp_path / "名册.xlsx"
    result = cli("export", "form", "recipients", *args, "-o", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path).active, result.json()


def row_of(ws, name: str) -> list:
    return next([c.value for c in row] for row in ws.iter_rows() if row[2].value == name)


def test_each_beneficiary_is_listed_with_group_needs_and_paired_volunteers(
    cli, served, tmp_path
) -> None:
    ws, written = register(cli, tmp_path, "--year", "2025")
    assert ws["A1"].value == "服务对象名册" and written["rows"] == 1
    assert [c.value for c in ws[4]][:6] == ["序号", "编号", "姓名", "性别", "出生年月", "类别"]
    row = row_of(ws, "陈阿婆")
    assert row[1] == "R000001" and row[5] == "空巢老人" and row[8] == "代购、陪护"
    assert row[10] == "赵桂兰、吴国庆" and row[11] == "多助一" and row[12] == "2025年1月5日"


def test_the_register_stays_in_the_community_masked_unless_asked(cli, served, tmp_path) -> None:
    ws, written = register(cli, tmp_path)
    row = row_of(ws, "陈阿婆")
    assert written["show_pii"] is False and row[6] == "139****2345"
    assert "东湖小区" in row[7] and "501" not in row[7] and "13957388888" not in str(row[9])
    full, _ = register(cli, tmp_path, "--show-pii")
    row = row_of(full, "陈阿婆")
    assert row[6] == "13957312345" and row[7] == "东湖小区3幢501室"
    assert row[9] == "陈建国 13957388888"


def test_a_beneficiary_registered_later_or_who_left_is_not_on_the_days_register(
    cli, served, tmp_path
) -> None:
    ws, written = register(cli, tmp_path, "--on", "2025-01-04")
    assert written["rows"] == 0 and "陈阿婆" not in sheet_text(ws)
    assert cli("recipient", "deactivate", "R000001", "--reason", "随子女搬离").exit_code == 0
    _ws, later = register(cli, tmp_path)
    assert later["rows"] == 0 and later["blank_rows"] == 5

"""The four sample layouts (fixtures/layouts: a questionnaire export, a unit roster with merged
cells and a two-row header, a sheet without 序号, a children's sheet) import into a fresh
roster exactly as their truth.json says, row by row."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from tests.helpers_intake import query
from tests.helpers_layouts import LAYOUTS
from volctl.masking import EXTENSION, display_phone

TRUTH: dict[str, list[dict[str, Any]]] = json.loads(
    (LAYOUTS / "truth.json").read_text(encoding="utf-8")
)
# Per sheet: the header's last row and the name column (0-based).
SHAPES = {
    "questionnaire.xlsx": (1, 6),
    "unit-roster.xlsx": (4, 1),
    "no-index.xlsx": (2, 0),
    "children.xlsx": (3, 1),
}
# What each column is read as: (header as written, field in the JSON summary).
COLUMNS = {
    "questionnaire.xlsx": [
        ("序号", "ignored"),
        ("提交答卷时间", "submitted"),
        ("所用时间", "ignored"),
        ("来源", "ignored"),
        ("来源详情", "ignored"),
        ("来自IP", "ignored"),
        ("1、您的姓名：", "name"),
        ("2、您的性别：", "gender"),
        ("3、您的身份证号码：", "id_number"),
        ("4、您的手机号码：", "phone"),
        ("5、您的政治面貌：", "political_status"),
        ("6、您的工作单位：", "employer"),
        ("7、您愿意参加的志愿服务项目（多选）：", "intentions"),
    ],
    "unit-roster.xlsx": [
        ("序号", "ignored"),
        ("姓名", "name"),
        ("性别", "gender"),
        ("证件号码", "id_number"),
        ("联系方式/手机", "phone"),
        ("联系方式/固定电话", "office_phone"),
        ("工作单位", "employer"),
        ("职务", "position"),
        ("备注", "notes"),
    ],
    "no-index.xlsx": [
        ("姓名", "name"),
        ("身份证号/护照号", "id_number"),
        ("手机/微信", "phone"),
        ("特长", "skills"),
        ("服务意向", "intentions"),
    ],
    "children.xlsx": [
        ("序号", "ignored"),
        ("姓名", "name"),
        ("性别", "gender"),
        ("身份证号码", "id_number"),
        ("学校", "employer"),
        ("年级", None),
        ("监护人/姓名", "guardian_name"),
        ("监护人/电话", "guardian_phone"),
        ("监护人/关系", "guardian_relation"),
    ],
}


def data_rows(path: Path) -> list[int]:
    """The sheet rows holding people: below the header, a name and something else."""
    header_row, name_col = SHAPES[path.name]
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return [
        n
        for n, row in enumerate(rows, start=1)
        if n > header_row
        and row[name_col] not in ("", None)
        and sum(1 for v in row if v not in ("", None)) > 1
    ]


@pytest.fixture(params=sorted(TRUTH))
def layout(request, tmp_path: Path) -> Path:
    path = tmp_path / request.param
    shutil.copy(LAYOUTS / request.param, path)
    return path


@pytest.fixture
def imported(cli, roster, layout) -> dict[str, Any]:
    result = cli("register", "import", str(layout), "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary: dict[str, Any] = result.json()
    return summary


def contact(row: dict[str, Any]) -> tuple[str, str | None]:
    """The digits of the phone printed for a stored volunteer, and its extension."""
    from volctl.roster.contact import contact_phone

    stored = contact_phone(row) or ""
    line, _, extension = stored.partition(EXTENSION)
    shown = display_phone(line) or ""
    return "".join(ch for ch in shown if ch.isdigit()), extension or None


def test_each_layout_imports_every_row_as_its_truth_says(imported, layout, roster) -> None:
    truth = TRUTH[layout.name]
    numbers = data_rows(layout)
    assert len(numbers) == len(truth) == imported["rows"]
    by_row = {d["row"]: d for d in imported["details"]}
    stored = {
        row["id_number"]: row
        for row in (
            dict(zip(("id_number", "name", "employer", "phone", "guardian_phone"), r, strict=True))
            for r in query(
                roster, "SELECT id_number, name, employer, phone, guardian_phone FROM volunteers"
            )
        )
    }
    for number, expected in zip(numbers, truth, strict=True):
        got = by_row.get(number)
        where = (layout.name, number, expected)
        if expected["row_kind"] == "valid":
            assert got is None, (*where, got)
            person = stored[expected["id"]]
            assert person["name"] == expected["name"], where
            if "employer" in expected:
                assert person["employer"] == expected["employer"], (*where, person)
            if "phone_digits" in expected:
                assert contact(person) == (expected["phone_digits"], expected.get("extension"))
        elif expected["row_kind"] == "duplicate":
            assert got is not None and got["outcome"] == "duplicate", (*where, got)
        else:
            assert got is not None and got["outcome"] == "rejected", (*where, got)
            assert got["reason"] == expected["reason"], (*where, got)
            assert got["name"] == expected["name"], where
    valid = {r["id"] for r in truth if r["row_kind"] == "valid"}
    assert set(stored) == valid


def test_the_counts_agree_with_the_truth(imported, layout) -> None:
    truth = TRUTH[layout.name]
    kinds = [r["row_kind"] for r in truth]
    assert imported["imported"] == kinds.count("valid")
    assert imported["duplicates"] == kinds.count("duplicate")
    assert imported["rejected"] == kinds.count("reject")
    reasons: dict[str, int] = {}
    for r in truth:
        if r["row_kind"] == "reject":
            reasons[r["reason"]] = reasons.get(r["reason"], 0) + 1
    assert imported["reasons"] == reasons


def test_a_dry_run_lists_what_every_column_was_read_as(cli, roster, layout) -> None:
    summary = cli("register", "import", str(layout), "--dry-run", "--format", "json").json()
    columns = [(c["column"], c["field"]) for c in summary["files"][0]["columns"]]
    assert columns == COLUMNS[layout.name]
    assert all(c["how"] for c in summary["files"][0]["columns"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_dry_run_shows_the_column_table_in_a_narrow_terminal(
    cli, roster, layout, monkeypatch, lang
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("--lang", lang, "register", "import", str(layout), "--dry-run")
    assert result.exit_code == 0, result.stderr
    title = "各列的读取方式" if lang == "zh" else "how each column was read"
    assert title in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    for header, _field in COLUMNS[layout.name]:
        assert header.split("/")[-1][:2] in result.stdout


def test_the_unit_rosters_merged_employer_reaches_every_row_it_spans(imported, roster) -> None:
    if imported["files"][0]["file"].endswith("unit-roster.xlsx"):
        # 江思远's row has no employer of its own: it is merged down from 段娟东's.
        rows = query(roster, "SELECT employer FROM volunteers WHERE name = '江思远'")
        assert rows == [("平湖市实验小学（教师）",)]


def test_footers_are_skipped_and_counted_never_rejected(imported, layout) -> None:
    footers = {"questionnaire.xlsx": 0, "unit-roster.xlsx": 2, "no-index.xlsx": 2}
    assert imported["footer_rows"] == footers.get(layout.name, 1)
    assert all(d["name"] for d in imported["details"])  # no nameless "row" from a footer


def test_the_questionnaire_is_registered_on_its_submission_days(cli, roster, tmp_path) -> None:
    path = tmp_path / "questionnaire.xlsx"
    shutil.copy(LAYOUTS / path.name, path)
    result = cli("register", "import", str(path), "--format", "json")
    assert result.json()["files"][0]["registered_on_source"] == "submitted"
    assert "submitted" in result.stderr
    days = query(roster, "SELECT registered_on, count(*) FROM volunteers GROUP BY 1 ORDER BY 1")
    assert days == [("2025-03-01", 22), ("2025-03-02", 26)]
    intentions = query(roster, "SELECT intentions FROM volunteers WHERE name = '孙霞伟'")
    assert json.loads(intentions[0][0]) == ["助残服务", "应急救援", "法律援助"]


def test_the_childrens_sheet_gives_each_child_the_guardian_as_contact(cli, roster, tmp_path):
    path = tmp_path / "children.xlsx"
    shutil.copy(LAYOUTS / path.name, path)
    assert cli("register", "import", str(path)).exit_code == 0
    rows = query(
        roster,
        "SELECT phone, guardian_name, guardian_phone, guardian_relation, notes,"
        " guardian_consent_on = registered_on FROM volunteers WHERE name = '苏涛敏'",
    )
    assert rows == [(None, "高阳子", "+8618097448682", "祖孙", "年级: 5年级", 1)]

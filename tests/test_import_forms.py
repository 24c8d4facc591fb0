"""One person per file: the 志愿者服务登记表 that ``export form registration`` prints, filled in
in Excel and sent back (one file or many, one sheet per person), imports as the
registration it describes, read by its labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.conftest import make_id
from tests.helpers_intake import count, query
from volctl.headings import normalise

EMPLOYER = "平湖市实验小学（教师）"


@pytest.fixture
def forms(cli, add_volunteer, tmp_path) -> Path:
    """Two volunteers' forms, printed in full, from one roster."""
    add_volunteer(
        "张三",
        employer=EMPLOYER,
        office_phone="0573-85012345转8001",
        skills="书法、摄影",
        emergency_contact="张父",
        emergency_phone="13900000001",
        registered_on="2025-03-01",
    )
    add_volunteer("李四", registered_on="2025-03-02")
    path = tmp_path / "forms.xlsx"
    result = cli(
        "export", "form", "registration", "--volunteer", "张三", "--volunteer", "李四",
        "-o", str(path), "--show-pii",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return path


def fill(path: Path, target: Path, values: dict[str, Any], sheet: int = 0) -> Path:
    """Type ``values`` beside their labels, as a person filling the form in Excel does."""
    book = load_workbook(path)
    ws = book.worksheets[sheet]
    spans = {(m.min_row, m.min_col): m.max_col for m in ws.merged_cells.ranges}
    wanted = {normalise(k): v for k, v in values.items()}
    for row in ws.iter_rows():
        for cell in row:
            key = normalise(cell.value) if isinstance(cell.value, str) else ""
            if key in wanted:
                last = spans.get((cell.row, cell.column), cell.column)
                ws.cell(row=cell.row, column=last + 1).value = wanted.pop(key)
    assert not wanted, wanted
    book.save(target)
    return target


def test_a_printed_registration_form_imports_as_the_registration_it_describes(
    cli, forms, tmp_path
) -> None:
    other = tmp_path / "street.db"
    assert cli("init", "--org", "街道", db=other).exit_code == 0
    result = cli("register", "import", str(forms), "--format", "json", db=other)
    assert result.exit_code == 0, result.stderr
    summary = result.json()
    assert (summary["rows"], summary["imported"]) == (2, 2)
    assert summary["files"][0]["layout"] == "form"
    assert "registration forms" in result.stderr
    rows = query(
        other,
        "SELECT name, id_number, employer, office_phone, skills, emergency_contact,"
        " emergency_phone, registered_on FROM volunteers ORDER BY name",
    )
    zhang = next(r for r in rows if r[0] == "张三")
    assert zhang[1] == make_id(seq=1)
    assert zhang[2:] == (
        EMPLOYER,
        "+8657385012345;ext=8001",
        '["书法", "摄影"]',
        "张父",
        "+8613900000001",
        "2025-03-01",
    )


def test_forms_filled_in_and_sent_back_import_together(cli, roster, forms, tmp_path) -> None:
    new = fill(
        forms,
        tmp_path / "new.xlsx",
        {"姓名": "王五", "证件号码": make_id("19900202", seq=77), "手机": "13700000077",
         "工作单位": "东湖社区（网格员）", "注册日期": "", "出生年月": "", "性别": ""},
    )  # fmt: skip
    summary = cli("register", "import", str(forms), str(new), "--format", "json").json()
    assert summary["imported"] == 1  # 王五
    assert summary["duplicates"] == 3  # 张三 and 李四 are on the roster already (and in new.xlsx)
    again = [d for d in summary["details"] if d["file"].endswith("new.xlsx")]
    assert [(d["sheet"], d["outcome"]) for d in again] == [("V000002 李四", "duplicate")]
    assert "V000002 李四" in again[0]["message"]
    assert query(roster, "SELECT employer FROM volunteers WHERE name = '王五'") == [
        ("东湖社区（网格员）",)
    ]


def test_a_masked_form_is_refused_saying_the_number_is_masked(cli, add_volunteer, tmp_path):
    add_volunteer("张三")
    path = tmp_path / "masked.xlsx"
    assert (
        cli("export", "form", "registration", "--volunteer", "张三", "-o", str(path)).exit_code == 0
    )
    other = tmp_path / "other.db"
    cli("init", "--org", "街道", db=other)
    summary = cli("register", "import", str(path), "--format", "json", db=other).json()
    if summary["rejected"]:  # forms print masked unless --show-pii (or in full, by default)
        assert summary["reasons"] == {"id_number_masked": 1}
        assert count(other) == 0
    else:
        assert summary["imported"] == 1

"""Hours on the printed forms: each cell holds the exact hours, shown with one decimal, so that
the rows add up to the 合计 on paper and in Excel (three services of 20 minutes are 1.0 hour, not
0.3 + 0.3 + 0.3)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.helpers_structure import activity, ok, people

THIRD = pytest.approx(1 / 3, abs=1e-12)


@pytest.fixture
def thirds(cli, roster, add_volunteer) -> str:
    """One volunteer with three services of 20 minutes in 2025 and one of two hours."""
    (person,) = people(add_volunteer, "王秀英")
    for day in ("2025-03-01", "2025-03-08", "2025-04-12"):
        number = activity(cli, f"探访{day}", date=day)
        twenty = ("--start", "09:00", "--end", "09:20")
        ok(cli("log-hours", "add", person, "--activity", number, *twenty))
    number = activity(cli, "植树", date="2025-03-12")
    ok(cli("log-hours", "add", person, "--activity", number, "--hours", "2"))
    return person


def _total_row(ws, label: str) -> tuple:
    return next(row for row in ws.iter_rows() if str(row[0].value).startswith(label))


def test_certificate_rows_hold_exact_hours_that_add_up_to_the_total(
    cli, thirds, tmp_path: Path
) -> None:
    path = tmp_path / "证明.xlsx"
    ok(cli("export", "certificate", thirds, "--year", "2025", "-o", path))
    ws = openpyxl.load_workbook(path).active
    cells = [row[4] for row in ws.iter_rows(min_row=5) if str(row[0].value).startswith("2025年")]
    assert [c.value for c in cells] == [THIRD, THIRD, 2, THIRD]  # in date order
    assert all(c.number_format == "0.0" and c.data_type == "n" for c in cells)
    total = _total_row(ws, "合计")[4]
    assert total.number_format == "0.0"
    assert total.value == pytest.approx(3) and sum(c.value for c in cells) == pytest.approx(3)


def test_ledger_rows_hold_exact_hours_that_add_up_to_the_total(cli, thirds, tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    ok(cli("export", "form", "ledger", "--year", "2025", "-o", path))
    ws = openpyxl.load_workbook(path).active
    cells = [row[8] for row in ws.iter_rows(min_row=5) if isinstance(row[0].value, int)]
    assert [c.value for c in cells] == [THIRD, THIRD, 2, THIRD]
    assert all(c.number_format == "0.0" and c.data_type == "n" for c in cells)
    total = _total_row(ws, "合计")[8]
    assert total.number_format == "0.0" and total.value == 3
    assert sum(c.value for c in cells) == pytest.approx(total.value, abs=1e-12)


def test_a_whole_number_of_hours_is_written_as_an_integer(cli, thirds, tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    ok(cli("export", "form", "ledger", "--year", "2025", "-o", path))
    ws = openpyxl.load_workbook(path).active
    two = next(row[8] for row in ws.iter_rows(min_row=5) if row[2].value == "植树")
    assert two.value == 2 and isinstance(two.value, int) and two.number_format == "0.0"


def test_the_summary_forms_months_add_up_to_their_total(cli, thirds, tmp_path: Path) -> None:
    path = tmp_path / "总结.xlsx"
    ok(cli("report", "summary", "--year", "2025", "--form", "-o", path))
    ws = openpyxl.load_workbook(path).active
    header = next(r for r in range(1, 40) if ws.cell(r, 1).value == "月份")
    months = {
        ws.cell(r, c).value: ws.cell(r, c + 3)
        for r in range(header + 1, header + 7)
        for c in (1, 5)
    }
    assert months["3月"].value == pytest.approx(2 + 2 / 3) and months["4月"].value == THIRD
    assert all(cell.number_format == "0.0" for cell in months.values())
    total = ws.cell(header + 7, 4)
    assert ws.cell(header + 7, 1).value == "合计" and total.number_format == "0.0"
    assert total.value == 3 and sum(c.value for c in months.values()) == pytest.approx(3)


def test_the_summary_report_itself_keeps_its_rounded_hours(cli, thirds) -> None:
    data = ok(cli("report", "summary", "--year", "2025", "--format", "json"))
    assert data["hours"] == 3.0 and "minutes" not in data
    march = next(m for m in data["by_month"] if m["month"] == "2025-03")
    assert march == {"month": "2025-03", "activities": 3, "participations": 3, "hours": 2.7}

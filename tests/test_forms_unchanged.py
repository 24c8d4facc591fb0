"""What the layout engine changed is the layout: the forms whose content was not meant to change
hold the same values as before it (``fixtures/forms_before.json``, written by the previous
writer from the same example community).

The rosters of seed 004 are compared value by value, row by row, as a masked copy (``--mask``:
the previous writer masked mobiles by default; official papers now print them in full); the
filing line's date is the day the form is written. The year-end summary's layout changed on
purpose (units in the headers, two signature lines, dates in Chinese), so its figures are
compared, in order (the teams of 2024 as the report counts them since a team without a
founding date exists from its first trace, so 3, not 4).
"""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.conftest import FIXTURES
from tests.helpers_export import EAST, community_roster
from volctl.forms.layout import cn_date

BEFORE = json.loads((FIXTURES / "forms_before.json").read_text(encoding="utf-8"))
ROSTERS = {
    "deputies": ["deputies"],
    "squadron": ["squadron"],
    "detachment": ["detachment", "--team", EAST],
}


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def values(path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = [[c.value for c in row if c.value not in (None, "")] for row in ws.iter_rows()]
    return [r for r in rows if r]


@pytest.mark.parametrize("name", list(ROSTERS))
def test_a_roster_holds_the_values_it_held_before_the_layout_engine(
    cli, town, tmp_path, name
) -> None:
    from datetime import date

    path = tmp_path / f"{name}.xlsx"
    result = cli("export", "form", *ROSTERS[name], "--mask", "-o", path)
    assert result.exit_code == 0, result.stderr
    today = cn_date(date.today())
    expected = [
        [v.replace("{today}", today) if isinstance(v, str) else v for v in row]
        for row in BEFORE[name]
    ]
    assert values(path) == expected


def test_the_summary_holds_the_figures_it_held_before_the_layout_engine(
    cli, town, tmp_path
) -> None:
    path = tmp_path / "summary.xlsx"
    assert cli("export", "form", "summary", "--year", "2025", "-o", path).exit_code == 0
    figures = [
        v
        for row in values(path)
        for v in row
        if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    assert figures == pytest.approx(BEFORE["summary"])

"""Sheets of the four kinds never shown while the importer was built (``fixtures/unseen``:
questionnaire exports of several form tools, unit rosters with merged cells and headers of two
and three rows, sheets without 序号, children's sheets with their guardians; the registration
form filled in and sent back), as .xlsx, legacy .xls, .ods and CSV. Each imports into a fresh
roster exactly as its ``truth.json`` says, row by row: valid with the values stored, a duplicate,
or a reject with its reason; footers and group headings are neither."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.helpers_unseen import UNSEEN, problems, truth, volunteers

TRUTH = truth()


@pytest.fixture(params=sorted(TRUTH))
def sheet(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / request.param
    shutil.copy(UNSEEN / request.param, path)
    return path


def test_every_unseen_sheet_imports_as_its_truth_says(cli, roster: Path, sheet: Path) -> None:
    result = cli("register", "import", str(sheet), "--format", "json", "--show-pii")
    assert result.exit_code == 0, result.stderr
    summary: dict[str, Any] = result.json()
    assert problems(TRUTH[sheet.name], summary, volunteers(roster)) == []


def test_the_truth_covers_every_file_and_every_kind() -> None:
    files = {p.name for p in UNSEEN.iterdir() if p.suffix in (".xlsx", ".xls", ".ods", ".csv")}
    assert files == set(TRUTH)
    kinds = {entry["kind"] for entry in TRUTH.values()}
    assert {"questionnaire", "unit-roster", "no-index", "children"} <= kinds
    suffixes = {Path(name).suffix for name in TRUTH}
    assert suffixes == {".xlsx", ".xls", ".ods", ".csv"}

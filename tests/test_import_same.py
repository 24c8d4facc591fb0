"""The faster import (issue 19) produces exactly what the import produced before: the JSON
summaries, every row written (volunteers, batches, the audit log, counters) and the rejects
workbooks' cell values, on sheets from the benchmark's generator and unseen sheets in .xls,
CSV and .ods (``fixtures/import_same/expected.json``, written before the change)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers_same import SAME, outcome


def test_an_import_produces_what_it_produced_before_it_was_made_faster(tmp_path: Path) -> None:
    expected = json.loads((SAME / "expected.json").read_text(encoding="utf-8"))
    got = json.loads(json.dumps(outcome(tmp_path), ensure_ascii=False, sort_keys=True))
    assert got["summaries"] == expected["summaries"]
    for table, rows in expected["tables"].items():
        assert got["tables"][table] == rows, table
    assert got["rejects"] == expected["rejects"]
    assert got == expected

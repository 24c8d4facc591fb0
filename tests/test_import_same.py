"""The faster import (issue 19) produces exactly what the import produced before: the JSON
summaries, every row written (volunteers, batches, the audit log, counters) and the rejects
workbooks' cell values, on sheets from the benchmark's generator and unseen sheets in .xls,
CSV and .ods (``fixtures/import_same/expected.json``, written before the change)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
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


def test_a_large_batch_builds_the_indexes_at_the_end_and_stores_the_same(
    cli, roster: Path, tmp_path: Path, monkeypatch
) -> None:
    """The secondary indexes dropped for a large batch (here any batch) come back with the
    same SQL, intact, and the rows stored are those stored with the indexes kept up."""
    from tests.helpers_same import IMPORTS, normal
    from volctl.roster import volunteers

    monkeypatch.setattr(volunteers, "DEFER_INDEXES_FROM", 1)

    def indexes() -> list[tuple[str, str]]:
        with sqlite3.connect(roster) as conn:
            return conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
            ).fetchall()

    before = indexes()
    source = IMPORTS[0][0]
    rejects = tmp_path / "rejects.xlsx"
    result = cli("register", "import", str(source), "--rejects", str(rejects), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert indexes() == before
    with sqlite3.connect(roster) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = [list(r) for r in conn.execute("SELECT * FROM volunteers ORDER BY rowid")]
    expected = json.loads((SAME / "expected.json").read_text(encoding="utf-8"))
    stored = expected["tables"]["volunteers"][: len(rows)]
    assert len(rows) == expected["summaries"][0]["imported"]
    assert json.loads(json.dumps(normal(rows, {}, dt.date.today()))) == stored

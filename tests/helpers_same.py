"""An import's whole outcome, made comparable from one run to the next: the JSON summary, every
row it wrote (volunteers, the batch, the audit log, counters) and the rejects workbook's cell
values, with what changes between runs (times, today's date, temporary paths) replaced by
placeholders. ``fixtures/import_same/expected.json`` holds the outcome of the code before the
import was made faster (issue 19), written by ``fixtures/import_same/generate.py``; the test
says the faster import produces exactly the same."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

SAME = Path(__file__).parent / "fixtures" / "import_same"
UNSEEN = Path(__file__).parent / "fixtures" / "unseen"
# The inputs, imported in this order into one roster: (file, extra options). The large sheet
# is written by the benchmark's own generator (rejects and repeated rows among its people).
IMPORTS: tuple[tuple[Path, tuple[str, ...]], ...] = (
    (SAME / "signup-1500.xlsx", ("--show-pii",)),
    (UNSEEN / "u-groups.xls", ()),
    (UNSEEN / "q-wjx-gbk.csv", ("--show-pii",)),
    (UNSEEN / "c-contact.ods", ()),
    (SAME / "signup-1500.xlsx", ("--force",)),  # the same people again: all duplicates
)
TABLES = ("volunteers", "import_batches", "audit_log", "counters", "import_columns")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z)?")


def outcome(work: Path) -> dict[str, Any]:
    """Import every input into a fresh roster in ``work``; the comparable outcome."""
    db = work / "roster.db"
    env_run = [sys.executable, "-m", "volctl", "--db", str(db)]
    env = {**os.environ, "VOLCTL_LANG": "en", "VOLCTL_OPERATOR": "clerk", "HOME": str(work)}
    env["XDG_CONFIG_HOME"] = str(work / "config")
    env.pop("VOLCTL_DB", None)
    done = subprocess.run(
        [*env_run, "init", "--org", "当湖街道东湖社区"], capture_output=True, env=env
    )
    assert done.returncode == 0, done.stderr
    summaries = []
    books = []
    for k, (source, options) in enumerate(IMPORTS):
        rejects = work / f"rejects-{k}.xlsx"
        argv = ["register", "import", str(source), "--rejects", str(rejects), "--format", "json"]
        done = subprocess.run(
            [*env_run, *argv, *options],
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        summaries.append(json.loads(done.stdout))
        books.append(_cells(rejects) if rejects.exists() else None)
    rows = _rows(db)
    placeholders = {str(work): "<work>", str(SAME): "<same>", str(UNSEEN): "<unseen>"}
    return normal(
        {"summaries": summaries, "rejects": books, "tables": rows}, placeholders, dt.date.today()
    )


def _cells(path: Path) -> list[dict[str, Any]]:
    """Every sheet's cell values (as openpyxl reads them), merged ranges and frozen panes."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    out = []
    for ws in book.worksheets:
        out.append(
            {
                "title": ws.title,
                "cells": [[_plain(c.value) for c in row] for row in ws.iter_rows()],
                "merged": sorted(str(r) for r in ws.merged_cells.ranges),
                "freeze": ws.freeze_panes,
            }
        )
    return out


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _rows(db: Path) -> dict[str, list[list[Any]]]:
    conn = sqlite3.connect(db)
    try:
        return {
            table: [list(r) for r in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')]
            for table in TABLES
        }
    finally:
        conn.close()


def normal(value: Any, paths: dict[str, str], today: dt.date) -> Any:
    if isinstance(value, dict):
        return {k: normal(v, paths, today) for k, v in value.items()}
    if isinstance(value, list):
        return [normal(v, paths, today) for v in value]
    if isinstance(value, str):
        for real, shown in paths.items():
            value = value.replace(real, shown)
        value = _STAMP.sub("<time>", value)
        return value.replace(today.isoformat(), "<today>")
    return value

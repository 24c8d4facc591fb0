"""Up the hierarchy: this roster's identity, and the rosters merged into it (bundles).

A community roster sends a bundle to its street; the street roster merges several bundles
under its own team. Each merged roster is a *source*. Every row a source brought keeps where
it came from (the source and the row's own id and number there), so that merging the
source's next bundle replaces its previous contribution instead of adding it twice.

- ``roster_identity``: one row, a random id given to the roster when it is created (or
  upgraded to this step); bundles carry it, so a re-sent roster is recognised whatever its
  file name or organisation name.
- ``merge_sources`` and ``merge_runs``: the sources, and every merge of one of their bundles.
- ``source_volunteers``: which source volunteer is which volunteer here (a person serving in
  two communities is one volunteer with two links), and what the source said about them last,
  to tell the source's own corrections from the clerk's.
- ``source_records``: the ledger entries copied from a source (a compact table: there are
  millions at city level). ``current`` is 0 for entries retired when the source's history
  changed under them (they stay, voided, on record).
- ``source_rows``: every other copied row (teams, activities, memberships, trainings, …).
- ``merge_conflicts``: personal details on which a source and this roster disagree, listed
  for the clerk to resolve; never overwritten by a merge.
"""

from __future__ import annotations

import sqlite3
import uuid

SQL = """
CREATE TABLE roster_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uid TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TRIGGER roster_identity_no_update BEFORE UPDATE ON roster_identity
BEGIN SELECT RAISE(ABORT, 'volctl: a roster keeps its identity'); END;
CREATE TRIGGER roster_identity_no_delete BEFORE DELETE ON roster_identity
BEGIN SELECT RAISE(ABORT, 'volctl: a roster keeps its identity'); END;

CREATE TABLE merge_sources (
    id INTEGER PRIMARY KEY,
    roster_uid TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL UNIQUE,             -- its name here: the organisation, made unique
    org_name TEXT NOT NULL,
    region_code TEXT,
    parent_team_id INTEGER REFERENCES teams(id),
    includes TEXT NOT NULL DEFAULT '[]',    -- JSON: rosters merged into it before it was sent
    content_hash TEXT NOT NULL,             -- of the bundle merged last
    exported_at TEXT NOT NULL,
    with_beneficiaries INTEGER NOT NULL DEFAULT 0,
    counts TEXT NOT NULL DEFAULT '{}',      -- JSON: rows per part, beneficiaries by group
    first_merged_at TEXT NOT NULL,
    last_merged_at TEXT NOT NULL
);

CREATE TABLE merge_runs (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES merge_sources(id),
    merged_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('added', 'updated', 'unchanged')),
    summary TEXT NOT NULL DEFAULT '{}'      -- JSON: what the run changed, per kind of row
);
CREATE INDEX merge_runs_source ON merge_runs(source_id);
CREATE TRIGGER merge_runs_no_delete BEFORE DELETE ON merge_runs
BEGIN SELECT RAISE(ABORT, 'volctl: merge history is kept'); END;

CREATE TABLE source_volunteers (
    source_id INTEGER NOT NULL REFERENCES merge_sources(id),
    source_row INTEGER NOT NULL,            -- the volunteer's id in the source roster
    source_no TEXT NOT NULL,                -- the volunteer number there
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    status TEXT NOT NULL CHECK (status IN ('active', 'inactive')),   -- the status there
    present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),    -- in the latest bundle
    created INTEGER NOT NULL DEFAULT 0 CHECK (created IN (0, 1)),    -- the source brought them
    details TEXT NOT NULL DEFAULT '{}',     -- JSON: the details the source gave last
    run_id INTEGER NOT NULL REFERENCES merge_runs(id),
    PRIMARY KEY (source_id, source_row)
) WITHOUT ROWID;
CREATE INDEX source_volunteers_volunteer ON source_volunteers(volunteer_id, source_id);

CREATE TABLE source_records (
    entry_id INTEGER PRIMARY KEY REFERENCES service_records(id),
    source_id INTEGER NOT NULL REFERENCES merge_sources(id),
    source_row INTEGER,                     -- the entry's number there; NULL: made here
    current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
    run_id INTEGER NOT NULL REFERENCES merge_runs(id)
);
CREATE UNIQUE INDEX source_records_row ON source_records(source_id, source_row)
    WHERE current = 1;
CREATE TRIGGER source_records_no_delete BEFORE DELETE ON source_records
BEGIN SELECT RAISE(ABORT, 'volctl: service records are append-only'); END;

CREATE TABLE source_rows (
    source_id INTEGER NOT NULL REFERENCES merge_sources(id),
    kind TEXT NOT NULL,                     -- the table here: teams, activities, memberships, …
    source_row INTEGER NOT NULL,            -- the row's id in the source roster
    source_no TEXT,                         -- its number or name there
    row_id INTEGER NOT NULL,                -- the row here
    run_id INTEGER NOT NULL REFERENCES merge_runs(id),
    PRIMARY KEY (source_id, kind, source_row)
) WITHOUT ROWID;
CREATE INDEX source_rows_row ON source_rows(kind, row_id);

CREATE TABLE merge_conflicts (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES merge_sources(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    field TEXT NOT NULL,
    roster_value TEXT,                      -- this roster's value when the conflict was found
    source_value TEXT,                      -- what the source says
    found_run_id INTEGER NOT NULL REFERENCES merge_runs(id),
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'kept_roster', 'took_source', 'settled')),
    resolved_at TEXT,
    resolved_by TEXT,
    note TEXT
);
CREATE UNIQUE INDEX merge_conflicts_open ON merge_conflicts(source_id, volunteer_id, field)
    WHERE status = 'open';
CREATE INDEX merge_conflicts_volunteer ON merge_conflicts(volunteer_id);
"""


def after(conn: sqlite3.Connection) -> None:
    from volctl.audit import now_iso

    conn.execute(
        "INSERT INTO roster_identity (id, uid, created_at) VALUES (1, ?, ?)",
        (str(uuid.uuid4()), now_iso()),
    )

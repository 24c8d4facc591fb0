"""A merge produces exactly what it produced before its checks and its speed-ups were added.

The fixed input: the three communities of ``helpers_merge`` merged into their street, then
东湖's next bundle (a record amended, another voided, a phone changed, a member gone) merged
again. Every table of the street's roster is dumped, row by row in rowid order, with what
differs from run to run replaced by stable placeholders (time stamps, the rosters' random
identities and keys, content hashes, the temporary folder, the operator), and compared with
the dump taken on the code before those changes (``fixtures/merge_golden.json``).

To take the dump again after a deliberate change of what a merge writes:
``VOLCTL_GOLDEN=write pytest tests/test_merge_golden.py`` (and say why in the commit).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from tests.conftest import FIXTURES
from tests.helpers_merge import (
    COMMUNITIES,
    PEOPLE,
    build,
    community_keys,
    export,
    number_of,
    street,
)
from volctl import keys
from volctl.db import open_roster
from volctl.ledger import records
from volctl.merge import engine
from volctl.roster import memberships, volunteers

GOLDEN = FIXTURES / "merge_golden.json"
TODAY = date(2026, 1, 15)
_STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")
_HEX = re.compile(r"\b[0-9a-f]{32,64}\b")


class _Placeholders:
    """Values that differ from run to run, each replaced by a numbered placeholder in the
    order it first appears (so two rows holding the same identity still agree)."""

    def __init__(self, literal: dict[str, str]) -> None:
        self.literal = literal
        self.seen: dict[str, str] = {}

    def _numbered(self, kind: str, value: str) -> str:
        if value not in self.seen:
            self.seen[value] = f"<{kind}{sum(1 for v in self.seen.values() if kind in v) + 1}>"
        return self.seen[value]

    def __call__(self, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        for text, placeholder in self.literal.items():
            value = value.replace(text, placeholder)
        value = _STAMP.sub("<time>", value)
        return _HEX.sub(lambda m: self._numbered("hex", m.group(0)), value)


def dump(conn: sqlite3.Connection, literal: dict[str, str]) -> dict[str, list[list[Any]]]:
    """Every table's rows in rowid order, volatile values replaced (see the module's doc)."""
    clean = _Placeholders(literal)
    out: dict[str, list[list[Any]]] = {}
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    for name in names:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
        order = "rowid" if _has_rowid(conn, name) else ", ".join(columns)
        cursor = conn.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY {order}")
        out[name] = [columns] + [[clean(v) for v in row] for row in cursor]
    return out


def _has_rowid(conn: sqlite3.Connection, table: str) -> bool:
    try:
        conn.execute(f"SELECT rowid FROM {table} LIMIT 1")
    except sqlite3.OperationalError:
        return False
    return True


def _uids(*paths: Path) -> dict[str, str]:
    found = {}
    for n, path in enumerate(paths, start=1):
        conn = sqlite3.connect(path)
        found[conn.execute("SELECT uid FROM roster_identity").fetchone()[0]] = f"<roster{n}>"
        conn.close()
    return found


def _keys(street_roster: Path) -> dict[str, str]:
    """The public keys and fingerprints of the communities and the street (made afresh in
    every test process), each by a name that stays."""
    owners = {f"<{short}>": community_keys(short) for short in COMMUNITIES}
    owners["<street>"] = keys.folder_of(street_roster)
    found = {}
    for owner, folder in owners.items():
        own = keys.load(folder)
        assert own is not None, owner
        found[own.public.text] = f"<public key of {owner[1:-1]}>"
        found[own.public.fingerprint] = f"<fingerprint of {owner[1:-1]}>"
    return found


def _next_bundle_of_east(east: Path) -> None:
    """东湖's roster a while later: one record amended and one voided, a phone changed, a
    member gone from 助老服务队."""
    conn = open_roster(east)
    latest = conn.execute("SELECT max(record_id) FROM service_chains").fetchone()[0]
    records.amend(conn, str(latest), records.ServiceInput(hours="1.5"), "核对签到表", today=TODAY)
    records.void(conn, str(latest - 1), "重复记录")
    volunteers.update(conn, number_of(conn, PEOPLE[2]), {"phone": "13911112222"}, today=TODAY)
    memberships.leave(conn, "助老服务队", [number_of(conn, PEOPLE[5])], on=date(2025, 12, 1))
    conn.close()


def merged_street(tmp_path: Path) -> tuple[sqlite3.Connection, dict[str, str]]:
    from volctl import audit

    audit.set_context("(api)")  # whatever command ran before in this process
    paths = {short: build(tmp_path / f"{short}.db", short) for short in ("东湖", "西湖", "南湖")}
    bundles = [export(p, tmp_path / f"{s}.zip") for s, p in paths.items()]
    conn = street(tmp_path / "street.db")
    options = engine.Options(parent="当湖街道中队")
    engine.merge(conn, bundles, options, today=TODAY)
    _next_bundle_of_east(paths["东湖"])
    engine.merge(conn, [export(paths["东湖"], tmp_path / "东湖-2.zip")], options, today=TODAY)
    literal = {
        str(tmp_path): "<tmp>",
        **_uids(*paths.values(), tmp_path / "street.db"),
        **_keys(tmp_path / "street.db"),
    }
    literal[audit.context().operator] = "<operator>"
    return conn, literal


def test_a_merged_roster_holds_exactly_what_it_held_before(tmp_path: Path) -> None:
    conn, literal = merged_street(tmp_path)
    got = dump(conn, literal)
    conn.close()
    if os.environ.get("VOLCTL_GOLDEN") == "write":
        text = json.dumps(got, ensure_ascii=False, indent=0, sort_keys=True)
        GOLDEN.write_text(text + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    # Columns and tables added since (by later steps of the schema) are not compared; the
    # steps applied themselves are not either.
    for table, (header, *rows) in expected.items():
        if table == "_sqlite_migrations":
            continue
        assert table in got, table
        names = got[table][0]
        assert set(header) <= set(names), table
        wanted = [names.index(name) for name in header]
        assert [[row[i] for i in wanted] for row in got[table][1:]] == rows, table

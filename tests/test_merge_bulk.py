"""A merge writes a source's originals set-based (``volctl.merge.entries``) and may build some
of the ledger's indexes at its end (``volctl.merge.deferred``): the same tables as writing
every entry through the ledger's triggers with every index kept up, for any ledger.

Random ledgers of a community (originals, amendments that move a record across years or to
no time, voids, then a second bundle with more of each) are merged into a street twice: once
every entry through the triggers (``entries.ORDERED``), once set-based in chunks of a few
entries (so runs of originals and of corrections, and chunks, begin and end anywhere) with
those indexes built at the end. Every table, what each merge said, the schema, the ledger's
own verification and ``check`` agree."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers_merge import build, copy_street, export, merged_each, street
from tests.helpers_tamper import forge, parts, set_value
from tests.test_merge_golden import dump
from volctl import checks
from volctl.db import open_roster
from volctl.errors import InvalidInput
from volctl.ledger import activities, records
from volctl.merge import deferred, engine, entries

DAY = date(2026, 1, 5)
DAYS = ("2024-02-03", "2024-12-28", "2025-01-04", "2025-07-12")


@pytest.fixture(scope="module")
def rosters(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """东湖 with four more activities nobody is recorded on yet, and an empty street."""
    home = tmp_path_factory.mktemp("bulk")
    east = build(home / "东湖.db", "东湖")
    conn = open_roster(east)
    for i, day in enumerate(DAYS):
        activities.add(
            conn,
            activities.ActivityInput(
                title=f"东湖环境整治{i + 1}", date=day, category="社区服务", team="助老服务队"
            ),
        )
    conn.close()
    street(home / "street.db").close()
    return east, home / "street.db"


# One step of a community's ledger: ("add", person, activity, hours), ("amend", pick, hours,
# another day), ("void", pick), ("redo", pick): void a record and record the service again.
# A pick chooses among the records that count when it comes.
_step = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 7), st.integers(0, 8), st.sampled_from([0, 1, 2.5])),
    st.tuples(st.just("amend"), st.integers(0, 99), st.sampled_from([0, 0.5, 3]), st.booleans()),
    st.tuples(st.just("void"), st.integers(0, 99)),
    st.tuples(st.just("redo"), st.integers(0, 99)),
)


def _apply(conn: sqlite3.Connection, steps: list[tuple[Any, ...]]) -> None:
    people = dict(conn.execute("SELECT id, volunteer_no FROM volunteers ORDER BY id").fetchall())
    acts = dict(conn.execute("SELECT id, activity_no FROM activities ORDER BY id").fetchall())
    for step in steps:
        counting = [
            r[0] for r in conn.execute("SELECT record_id FROM service_chains WHERE voided = 0")
        ]
        try:
            if step[0] == "add":
                absent = "absent" if step[3] == 0 else None
                given = records.ServiceInput(hours=step[3] or None, attendance=absent)
                records.add(conn, [*people.values()][step[1]], [*acts.values()][step[2]], given)
            elif counting and step[0] == "amend":
                given = records.ServiceInput(
                    hours=step[2] or None,
                    attendance="leave" if step[2] == 0 else "present",
                    date="2024-12-31" if step[3] else None,
                )
                records.amend(conn, str(counting[step[1] % len(counting)]), given, "核对")
            elif counting:
                chain = records.chain_of(conn, str(counting[step[1] % len(counting)]))
                records.void(conn, str(chain["record_id"]), "误登记")
                if step[0] == "redo":
                    again = records.ServiceInput()
                    records.add(
                        conn, people[chain["volunteer_id"]], acts[chain["activity_id"]], again
                    )
        except Exception as refused:  # what the ledger refuses (twice, nothing to amend…)
            assert getattr(refused, "key", ""), refused


def _merged(home: Path, street_db: Path, bundles: list[Path]) -> tuple[Any, ...]:
    """The street after merging each bundle in turn, and each merge's totals or refusal."""
    conn, said = merged_each(home, street_db, bundles, DAY)
    return conn, [s["totals"] if isinstance(s, dict) else s for s in said]


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return set(conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=st.lists(_step, max_size=14),
    then=st.lists(_step, max_size=8),
    chunk=st.integers(1, 5),
)
def test_set_based_originals_write_what_the_triggers_write(
    rosters: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory, first, then, chunk
) -> None:
    east, street_db = rosters
    work = tmp_path_factory.mktemp("example")
    community = work / "东湖.db"
    shutil.copyfile(east, community)
    conn = open_roster(community)
    _apply(conn, first)
    conn.close()
    bundles = [export(community, work / "东湖-1.zip")]
    conn = open_roster(community)
    _apply(conn, then)
    conn.close()
    bundles.append(export(community, work / "东湖-2.zip"))
    saved = entries.ORDERED, entries.CHUNK, deferred.cheaper
    try:
        entries.ORDERED, entries.CHUNK = True, chunk
        deferred.cheaper = lambda _entries, _held: False
        ordered, said = _merged(work / "ordered", street_db, bundles)
        entries.ORDERED = False
        deferred.cheaper = lambda _entries, _held: True
        bulk, said_bulk = _merged(work / "bulk", street_db, bundles)
    finally:
        entries.ORDERED, entries.CHUNK, deferred.cheaper = saved
    assert said == said_bulk
    got = [
        dump(c, {str(work / name): "<home>"}) for c, name in ((ordered, "ordered"), (bulk, "bulk"))
    ]
    assert got[0] == got[1]
    assert _schema(ordered) == _schema(bulk)
    assert records.verify(bulk) == []
    assert [f for f in checks.run(bulk) if f.severity == "error"] == []
    ordered.close()
    bulk.close()


def test_a_merge_refused_while_writing_entries_leaves_the_schema_as_it_was(
    rosters: tuple[Path, Path], tmp_path: Path
) -> None:
    east, street_db = rosters
    conn = open_roster(copy_street(street_db, tmp_path / "street.db"))
    before = _schema(conn)
    sent = export(east, tmp_path / "东湖.zip")
    header, *rows = parts(sent)["records"]
    amendment = next(i for i, r in enumerate(rows) if r[header.index("corrects_id")])
    forged = forge(
        sent, tmp_path / "forged.zip", set_value("records", amendment, "corrects_id", 42)
    )
    with pytest.raises(InvalidInput) as refused:
        engine.merge(conn, [forged], engine.Options(parent="当湖街道中队"))
    assert refused.value.key == "merge.row_refused"
    assert _schema(conn) == before
    assert conn.execute("SELECT count(*) FROM service_records").fetchone()[0] == 0
    conn.close()

"""A merge inserts a source's new copies and activities many at once (``volctl.merge.batch``)
and writes people's lists and snapshots through one encoder (``volctl.merge.people``): the same
tables as one row at a time, for any rows.

The street's three communities are sent with random rows changed so that copies collide: a
person's policy, commendation or membership already on record here or twice in the bundle (the
copy is skipped), a training attended twice, people's skills and service intentions in any
spelling. They are merged into the street, and maybe the first one again with copies changed
or under new ids (updated, added and removed in one part), twice: once every row one at a
time (``batch.ROW_BY_ROW``), once many at once; every table and what each merge said agree."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers_merge import build, export, merged_each, street
from tests.helpers_tamper import forge
from tests.test_merge_golden import _STAMP, dump
from volctl.db import open_roster
from volctl.merge import batch, people

DAY = date(2026, 1, 5)
SHORTS = ("东湖", "西湖", "南湖")


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], Path]:
    """Each community's bundle, and an empty street."""
    home = tmp_path_factory.mktemp("rows")
    bundles = {
        short: export(build(home / f"{short}.db", short), home / f"{short}.zip") for short in SHORTS
    }
    street(home / "street.db").close()
    return bundles, home / "street.db"


# One change: (part, row pick, column, value). Source ids 1–8 are each community's people.
_LISTS = st.sampled_from(['["a", "b"]', '["b","a"]', "[]", '["技能1", 1]', '["x", "x"]', "", None])
_change = st.one_of(
    st.tuples(st.just("insurance"), st.integers(0, 9), st.just("policy_no"),
              st.sampled_from(["PA-东湖", "PA-西湖"])),
    st.tuples(st.just("insurance"), st.integers(0, 9), st.just("volunteer_id"),
              st.integers(1, 8)),
    st.tuples(st.just("memberships"), st.integers(0, 9), st.just("volunteer_id"),
              st.integers(1, 8)),
    st.tuples(st.just("commendations"), st.integers(0, 9), st.just("volunteer_id"),
              st.integers(1, 8)),
    st.tuples(st.just("training_attendance"), st.integers(0, 9), st.just("volunteer_id"),
              st.integers(1, 8)),
    st.tuples(st.just("volunteers"), st.integers(0, 9), st.sampled_from(["skills", "intentions"]),
              _LISTS),
    # Sent again: a copy under a new id (added, the old one removed) or changed (updated).
    st.tuples(st.sampled_from(["memberships", "insurance"]), st.integers(0, 9), st.just("id"),
              st.integers(100, 102)),
    st.tuples(st.just("memberships"), st.integers(0, 9), st.just("role"),
              st.sampled_from(["队员", "副队长"])),
    st.tuples(st.just("activities"), st.integers(0, 9), st.just("title"),
              st.sampled_from(["集中服务日", "东湖集中服务日1"])),
)  # fmt: skip


def _changed(changes: list[tuple[Any, ...]]) -> Any:
    def change(found: dict[str, list[list[Any]]]) -> None:
        for part, pick, column, value in changes:
            header, *rows = found[part]
            if rows and column in header:
                rows[pick % len(rows)][header.index(column)] = value

    return change


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.lists(st.tuples(st.sampled_from([*SHORTS, "again"]), _change), max_size=8),
    order=st.permutations(SHORTS),
    again=st.booleans(),
)
def test_rows_inserted_at_once_are_the_rows_inserted_one_at_a_time(
    sent: tuple[dict[str, Path], Path], tmp_path_factory: pytest.TempPathFactory,
    changes, order, again,
) -> None:  # fmt: skip
    bundles, street_db = sent
    work = tmp_path_factory.mktemp("example")
    paths = []
    for short in order:
        mine = [change for who, change in changes if who == short]
        paths.append(
            forge(bundles[short], work / f"{short}.zip", _changed(mine)) if mine else bundles[short]
        )
    if again:  # the first community's bundle again: its copies compared, changed, added
        mine = [change for who, change in changes if who == "again"]
        first = bundles[order[0]]
        paths.append(forge(first, work / "again.zip", _changed(mine)) if mine else first)
    saved = batch.ROW_BY_ROW
    try:
        batch.ROW_BY_ROW = True
        one, said_one = merged_each(work / "one", street_db, paths, DAY)
        batch.ROW_BY_ROW = False
        many, said_many = merged_each(work / "many", street_db, paths, DAY)
    finally:
        batch.ROW_BY_ROW = saved
    literal = {str(work / "one"): "<home>", str(work / "many"): "<home>"}
    assert _masked(said_one, literal) == _masked(said_many, literal)
    assert dump(one, literal) == dump(many, literal)
    one.close()
    many.close()


def _masked(said: list[Any], literal: dict[str, str]) -> str:
    import json

    text = json.dumps(said, ensure_ascii=False, sort_keys=True, default=str)
    for value, placeholder in literal.items():
        text = text.replace(value, placeholder)
    return _STAMP.sub("<time>", text)


def test_a_row_refused_in_a_run_goes_alone_and_the_rest_at_once(
    sent: tuple[dict[str, Path], Path],
) -> None:
    _bundles, street_db = sent
    conn = open_roster(street_db)
    columns = ("list", "value", "position", "builtin")
    rows = [("x", "a", 0, 0), ("x", "b", 1, 0), ("x", "a", 2, 0), ("x", "c", 3, 0)]

    def one(i: int) -> int | None:  # the caller's insert of one row
        try:
            return conn.execute(
                "INSERT INTO code_lists (list, value, position, builtin) VALUES (?, ?, ?, ?)",
                rows[i],
            ).lastrowid
        except sqlite3.IntegrityError:
            return -1  # refused alone too

    try:
        conn.execute("BEGIN")
        (last,) = conn.execute("SELECT max(rowid) FROM code_lists").fetchone()
        assert batch.insert(conn, "code_lists", columns, rows, one) == [
            last + 1,
            last + 2,
            -1,
            last + 3,
        ]
        found = conn.execute("SELECT value FROM code_lists WHERE list = 'x' ORDER BY rowid")
        assert [r[0] for r in found] == ["a", "b", "c"]
    finally:
        conn.execute("ROLLBACK")
        conn.close()


_scalar = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5)
)
_json = (
    _scalar
    | st.lists(_scalar, max_size=3)
    | st.lists(st.lists(_scalar, max_size=2), max_size=2)
    | st.dictionaries(st.text(max_size=3), _scalar, max_size=2)
)


@given(value=st.one_of(_json.map(json.dumps), st.text(max_size=8), _json))
def test_lists_and_snapshots_are_written_as_json_dumps_writes_them(value: Any) -> None:
    """``people`` encodes with an encoder made once and keeps each list's text as written:
    what ``json.dumps(..., ensure_ascii=False)`` of the list's items as text gives."""
    try:
        items = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        items = None
    expected = (
        json.dumps([str(i) for i in items], ensure_ascii=False) if isinstance(items, list) else None
    )
    assert people.canonical_list(value) == expected
    row = {name: value for name in people.DETAIL_FIELDS}
    wanted = json.dumps({f: row[f] for f in people.DETAIL_FIELDS}, ensure_ascii=False)
    assert people._snapshot(row) == wanted


def test_an_error_other_than_a_refusal_leaves_no_savepoint_open(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    conn.execute("BEGIN")
    rows: list[tuple[Any, ...]] = [("a",), (["not bindable"],)]
    with pytest.raises(sqlite3.Error):
        batch.insert(conn, "t", ["v"], rows, lambda i: None)
    with pytest.raises(sqlite3.OperationalError, match="no such savepoint"):
        conn.execute("RELEASE volctl_merge_batch")
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)
    conn.execute("ROLLBACK")

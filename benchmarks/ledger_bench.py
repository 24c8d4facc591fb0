"""Ledger totals at scale (run by hand, prints a table).

    python benchmarks/ledger_bench.py [--volunteers 100000] [--records 2000000] [--runs 5]
                                      [--db PATH] [--keep]

Builds a roster with SQL (volunteers, activities over five years, records with amendments and
voids, through the real schema and its triggers), then times the totals the reports need:
every volunteer's total for a year, per year, all time, and one volunteer's. A bare ``sum`` over
the year's raw rows (which ignores corrections, so it is not a right answer) is the yardstick,
and the correlated view first drafted for ``service_effective`` is timed beside the chain table
that replaced it.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from volctl import audit
from volctl.db import open_roster
from volctl.ledger import records

YEARS = (2020, 2021, 2022, 2023, 2024)
PER_VOLUNTEER = 20  # records per volunteer, each on a different activity

# The view first drafted for "what counts": the latest entry of each chain found by a
# correlated subquery. Kept here to show why the schema keeps a chain table instead.
DRAFT_VIEW = """
CREATE TEMP VIEW draft_effective AS
SELECT o.id AS record_id, o.volunteer_id, e.service_date, e.minutes
FROM service_records o
JOIN service_records e ON e.id = (
    SELECT max(c.id) FROM service_records c WHERE c.id = o.id OR c.corrects_id = o.id
)
WHERE o.kind = 'original' AND e.kind <> 'void'
"""


def timed(label: str, action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    elapsed = time.perf_counter() - start
    print(f"  {label}: {elapsed:.1f} s", flush=True)
    return elapsed


def generate(conn: sqlite3.Connection, volunteers: int, total: int) -> dict[str, float]:
    activities = max(PER_VOLUNTEER * 50, total // 100)
    days = (date(YEARS[-1], 12, 31) - date(YEARS[0], 1, 1)).days + 1
    now = audit.now_iso()
    stats: dict[str, float] = {}
    conn.execute("BEGIN")
    stats["volunteers"] = timed(
        f"{volunteers:,} volunteers",
        lambda: conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " INSERT INTO volunteers (volunteer_no, name, id_number, phone, registered_on,"
            " created_at, updated_at)"
            " SELECT printf('V%06d', i), '志愿者' || i, printf('%018d', i),"
            " printf('+86138%08d', i), '2019-06-01', ?, ? FROM n",
            (volunteers, now, now),
        ),
    )
    stats["activities"] = timed(
        f"{activities:,} activities",
        lambda: conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " INSERT INTO activities (activity_no, title, date, category, status, created_at,"
            " updated_at)"
            " SELECT printf('A%06d', i), '活动' || i,"
            " date(?, '+' || ((i * 7919) % ?) || ' days'), '社区服务', 'held', ?, ? FROM n",
            (activities, f"{YEARS[0]}-01-01", days, now, now),
        ),
    )
    # Volunteer v's k-th record is on activity (v*7 + k*1009) mod A: distinct for k < 20.
    stats["records"] = timed(
        f"{total:,} records (through the triggers)",
        lambda: conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)"
            " INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
            " attendance, recorder, recorded_at)"
            " SELECT v, a.id, a.date, ((v * 31 + k * 17) % 8 + 1) * 30, 'present', '记录员', ?"
            " FROM (SELECT i / ? % ? + 1 AS v, i % ? AS k FROM n)"
            " JOIN activities a ON a.id = (v * 7 + k * 1009) % ? + 1",
            (total, now, PER_VOLUNTEER, volunteers, PER_VOLUNTEER, activities),
        ),
    )
    stats["amend"] = timed(
        "amendments (2 % of records) and voids (0.5 %)",
        lambda: (
            conn.execute(
                "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
                " attendance, recorder, kind, corrects_id, reason, recorded_at)"
                " SELECT volunteer_id, activity_id, service_date, min(minutes + 30, 600),"
                " 'present', '记录员', 'amend', id, '核对签到表', ? FROM service_records"
                " WHERE kind = 'original' AND id % 50 = 0",
                (now,),
            ),
            conn.execute(
                "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
                " attendance, recorder, kind, corrects_id, reason, recorded_at)"
                " SELECT volunteer_id, activity_id, service_date, 0, 'present', '记录员', 'void',"
                " id, '重复记录', ? FROM service_records WHERE kind = 'original' AND id % 200 = 7",
                (now,),
            ),
        ),
    )
    conn.execute("COMMIT")
    return stats


def measure(action: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), result


def with_deadline(conn: sqlite3.Connection, seconds: float, action: Callable[[], Any]) -> Any:
    """Run ``action``; give up (None) after ``seconds``."""
    deadline = time.perf_counter() + seconds
    conn.set_progress_handler(lambda: int(time.perf_counter() > deadline), 100_000)
    try:
        return action()
    except sqlite3.OperationalError:
        return None
    finally:
        conn.set_progress_handler(None, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or build) this throwaway roster")
    parser.add_argument("--keep", action="store_true", help="keep the generated roster")
    parser.add_argument(
        "--draft-limit",
        type=float,
        default=120.0,
        help="seconds to let the drafted correlated view run",
    )
    args = parser.parse_args()

    folder = None if args.db else Path(tempfile.mkdtemp(prefix="volctl-ledger-bench-"))
    path: Path = args.db if folder is None else folder / "roster.db"
    fresh = not path.exists()
    conn = open_roster(path, create=True)
    build: dict[str, float] = {}
    if fresh:
        print(f"building {path} …", flush=True)
        build = generate(conn, args.volunteers, args.records)
    entries = conn.execute("SELECT count(*) FROM service_records").fetchone()[0]
    people = conn.execute("SELECT count(*) FROM volunteers").fetchone()[0]
    one = conn.execute(
        "SELECT volunteer_id FROM service_chains GROUP BY volunteer_id ORDER BY count(*) DESC"
        " LIMIT 1"
    ).fetchone()[0]
    year = YEARS[-1]
    low, high = f"{year}-01-01", f"{year}-12-31"

    cases: list[tuple[str, Callable[[], Any]]] = [
        (
            f"bare sum of {year}'s raw rows (ignores corrections)",
            lambda: conn.execute(
                "SELECT sum(minutes) FROM service_records WHERE service_date BETWEEN ? AND ?",
                (low, high),
            ).fetchone(),
        ),
        (
            f"records.totals(year={year}): every volunteer",
            lambda: records.totals(conn, year=year),
        ),
        (
            f"records.totals({year}-03-01..{year}-08-31): every volunteer",
            lambda: records.totals(conn, date_from=f"{year}-03-01", date_to=f"{year}-08-31"),
        ),
        ("records.yearly(): every volunteer, every year", lambda: records.yearly(conn)),
        ("records.cumulative(): every volunteer, all time", lambda: records.cumulative(conn)),
        (
            f"records.totals(year={year}, volunteer_ids=[one])",
            lambda: records.totals(conn, year=year, volunteer_ids=[one]),
        ),
        ("records.yearly(volunteer_ids=[one])", lambda: records.yearly(conn, volunteer_ids=[one])),
        (
            "records.cumulative(volunteer_ids=[one])",
            lambda: records.cumulative(conn, volunteer_ids=[one]),
        ),
        (
            "records.effective(volunteer=one): log-hours list --volunteer",
            lambda: records.effective(conn, records.Filters(volunteer_id=one)),
        ),
        (
            "records.history(volunteer=one): list --history --volunteer",
            lambda: records.history(conn, records.Filters(volunteer_id=one)),
        ),
    ]
    results = []
    for label, action in cases:
        median, best, _ = measure(action, args.runs)
        results.append((label, median, best))

    conn.execute(DRAFT_VIEW)
    draft_sql = (
        "SELECT volunteer_id, sum(minutes) FROM draft_effective"
        " WHERE service_date BETWEEN ? AND ? GROUP BY volunteer_id"
    )
    start = time.perf_counter()
    draft = with_deadline(
        conn, args.draft_limit, lambda: conn.execute(draft_sql, (low, high)).fetchall()
    )
    draft_time = time.perf_counter() - start
    if draft is not None:  # the same answer, the slow way
        ours = records.totals(conn, year=year)
        assert dict(draft) == {v: t.minutes for v, t in ours.items() if t.records}
    check_time, _best, problems = measure(lambda: records.verify(conn), 1)
    assert problems == [], problems[:5]

    base = results[0][1]
    print()
    size = path.stat().st_size / 1e6
    print(f"roster: {people:,} volunteers, {entries:,} ledger entries ({size:,.0f} MB)")
    for name, seconds in build.items():
        print(f"  built {name} in {seconds:.1f} s")
    print()

    def row(label: str, median: float | None, best: float | None) -> None:
        shown = f"{median * 1000:10.1f}" if median is not None else f"{'—':>10}"
        low_ = f"{best * 1000:9.1f}" if best is not None else f"{'':9}"
        ratio = f"{median / base:7.2f}" if median is not None else f"{'':7}"
        print(f"{label:62} {shown} {low_} {ratio}")

    print(f"{'case':62} {'median ms':>10} {'best ms':>9} {'ratio':>7}")
    for label, median, best in results:
        row(label, median, best)
    label = f"drafted correlated view, every volunteer {year}"
    if draft is None:
        label += f" (stopped at {args.draft_limit:.0f} s)"
    row(label, draft_time, None)
    row("records.verify(): chains and year totals against history", check_time, None)
    if fresh:
        conn.execute("ANALYZE")
        median, best, _ = measure(lambda: records.totals(conn, year=year), args.runs)
        row(f"records.totals(year={year}) after ANALYZE", median, best)
        median, best, _ = measure(
            lambda: records.totals(conn, date_from=f"{year}-03-01", date_to=f"{year}-08-31"),
            args.runs,
        )
        row("records.totals(Mar–Aug) after ANALYZE: service_chains", median, best)
    conn.close()
    if folder is not None and not args.keep:
        shutil.rmtree(folder)
    elif folder is not None:
        print(f"\nkept {path}")


if __name__ == "__main__":
    main()

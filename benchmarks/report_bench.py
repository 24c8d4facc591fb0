"""Reports at scale (run by hand, prints a table).

    python benchmarks/report_bench.py [--volunteers 100000] [--records 2000000] [--runs 3]
                                      [--db PATH] [--keep]

Builds the roster of ``ledger_bench.py`` (volunteers, activities over 2020-2024, records with
amendments and voids, through the real schema and its triggers), then gives it what a year-end
summary reads: a 大队 > 中队 > 分队 > 服务队 hierarchy with every volunteer in a 分队 (some also
in a 服务队, 2 % moved between 分队 on 2024-07-01), deactivations and reactivations, activity
categories, themes and organising teams, beneficiaries served, trainings with attendance,
commendations, and a group of volunteers whose amended hours cross a star threshold in 2024.

It then times ``volctl report summary --year 2024`` (the whole command, in a new process, as a
clerk runs it; and the domain function alone) beside a bare ``sqlite3`` query that only sums
the year's raw minutes (which ignores corrections, teams and everything else the summary
counts), and prints each as a ratio to that query. The issue's bar: under 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_bench import YEARS, generate, timed

from volctl import audit
from volctl.db import open_roster
from volctl.schema.m001_core import BUILTIN_LISTS

YEAR = YEARS[-1]
SQUADRONS = 10  # 中队 under the 大队
DETACHMENTS = 100  # 分队, ten under each 中队, one 服务队 under each


def structure(conn: sqlite3.Connection) -> dict[str, float]:
    """Teams, memberships, status history, activity details, training, commendations."""
    now = audit.now_iso()
    stats: dict[str, float] = {}
    categories = BUILTIN_LISTS["category"]
    conn.execute("BEGIN")

    def teams() -> None:
        conn.execute(
            "INSERT INTO teams (id, name, level, created_at, updated_at)"
            " VALUES (1, '平湖市志愿者服务大队', '大队', ?, ?)",
            (now, now),
        )
        rows = [(1 + i, f"第{i}中队", "中队", 1) for i in range(1, SQUADRONS + 1)]
        rows += [
            (100 + i, f"第{i}分队", "分队", 1 + (i - 1) % SQUADRONS + 1)
            for i in range(1, DETACHMENTS + 1)
        ]
        rows += [(1000 + i, f"第{i}服务队", "服务队", 100 + i) for i in range(1, DETACHMENTS + 1)]
        conn.executemany(
            "INSERT INTO teams (id, name, level, parent_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(*row, now, now) for row in rows],
        )

    stats["teams"] = timed("111 teams in four levels + 100 服务队", teams)

    def members() -> None:
        # Every volunteer in a 分队 from registration; 2 % moved to the next 分队 mid-2024.
        conn.execute(
            "INSERT INTO memberships (team_id, volunteer_id, role, joined_on, left_on,"
            " created_at) SELECT 100 + (id % ?) + 1, id, '队员', registered_on,"
            " CASE WHEN id % 50 = 0 THEN ? END, ? FROM volunteers",
            (DETACHMENTS, f"{YEAR}-07-01", now),
        )
        conn.execute(
            "INSERT INTO memberships (team_id, volunteer_id, role, joined_on, created_at)"
            " SELECT 100 + ((id + 1) % ?) + 1, id, '队员', ?, ? FROM volunteers"
            " WHERE id % 50 = 0",
            (DETACHMENTS, f"{YEAR}-07-01", now),
        )
        # One in ten also in their 分队's 服务队.
        conn.execute(
            "INSERT INTO memberships (team_id, volunteer_id, role, joined_on, created_at)"
            " SELECT 1000 + (id % ?) + 1, id, '队员', '2021-03-01', ? FROM volunteers"
            " WHERE id % 10 = 3",
            (DETACHMENTS, now),
        )

    stats["memberships"] = timed("memberships (2 % moved mid-year)", members)

    def statuses() -> None:
        conn.execute(
            "INSERT INTO volunteer_status_changes (volunteer_id, status, reason, effective_on,"
            " recorded_at) SELECT id, 'inactive', '搬离社区', '2023-06-30', ? FROM volunteers"
            " WHERE id % 33 = 1",
            (now,),
        )
        conn.execute(
            "INSERT INTO volunteer_status_changes (volunteer_id, status, reason, effective_on,"
            " recorded_at) SELECT id, 'active', '回到社区', '2024-03-01', ? FROM volunteers"
            " WHERE id % 99 = 1",
            (now,),
        )
        conn.execute("UPDATE volunteers SET status = 'inactive' WHERE id % 33 = 1 AND id % 99 <> 1")

    stats["statuses"] = timed("deactivations (3 %) and reactivations", statuses)

    def activities() -> None:
        for i, category in enumerate(categories):
            conn.execute(
                "UPDATE activities SET category = ?, status = 'held',"
                " theme = CASE id % 3 WHEN 0 THEN '关爱他人' WHEN 1 THEN '关爱社会'"
                " ELSE '关爱自然' END, team_id = 100 + (id % ?) + 1"
                " WHERE id % ? = ?",
                (category, DETACHMENTS, len(categories), i),
            )
        conn.execute(
            "INSERT INTO activity_beneficiaries (activity_id, group_name, people, created_at)"
            " SELECT id, CASE id % 4 WHEN 0 THEN '空巢老人' WHEN 1 THEN '留守儿童'"
            " WHEN 2 THEN '残疾人' ELSE '社区居民' END, id % 20 + 1, ? FROM activities",
            (now,),
        )

    stats["activities"] = timed("categories, themes, teams, beneficiaries", activities)

    def training() -> None:
        conn.executemany(
            "INSERT INTO trainings (training_no, title, date, topic, minutes, initial,"
            " created_at, updated_at) VALUES (?, ?, ?, '志愿精神', 120, ?, ?, ?)",
            [
                (f"T{YEAR}{m:02d}15-01", f"{m}月培训", f"{YEAR}-{m:02d}-15", m == 3, now, now)
                for m in range(1, 13)
            ],
        )
        conn.execute(
            "INSERT INTO training_attendance (training_id, volunteer_id, recorded_at)"
            " SELECT t.id, v.id, ? FROM trainings t JOIN volunteers v ON v.id % 60 = t.id",
            (now,),
        )
        conn.execute(
            "INSERT INTO commendations (year, title, volunteer_id, awarded_on, created_at)"
            " SELECT ?, '优秀志愿者', id, ?, ? FROM volunteers WHERE id % 500 = 0",
            (YEAR, f"{YEAR}-12-05", now),
        )

    stats["training"] = timed("trainings, attendance, commendations", training)

    def stars() -> None:
        # A volunteer in 97 has their earlier records amended to five hours and their 2024
        # ones to ten: about 80 h at the end of 2023, 120 h at the end of 2024, a first star.
        conn.execute(
            "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
            " attendance, recorder, kind, corrects_id, reason, recorded_at)"
            " SELECT volunteer_id, activity_id, service_date, 600, 'present', '记录员', 'amend',"
            " record_id, '补录时长', ? FROM service_chains WHERE voided = 0"
            " AND volunteer_id % 97 = 0 AND service_date >= ?",
            (now, f"{YEAR}-01-01"),
        )
        conn.execute(
            "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
            " attendance, recorder, kind, corrects_id, reason, recorded_at)"
            " SELECT volunteer_id, activity_id, service_date, 300, 'present', '记录员', 'amend',"
            " record_id, '补录时长', ? FROM service_chains WHERE voided = 0"
            " AND volunteer_id % 97 = 0 AND service_date < ? AND minutes <> 300",
            (now, f"{YEAR}-01-01"),
        )

    stats["stars"] = timed("amendments that cross a star threshold", stars)
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


def run(args: list[str], db: Path) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "volctl", "--db", str(db), "--lang", "zh", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "120"},
    )
    if out.returncode != 0:
        raise SystemExit(f"volctl {' '.join(args)} failed:\n{out.stderr}")
    return out.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="reuse (or build) this throwaway roster")
    parser.add_argument("--keep", action="store_true", help="keep the generated roster")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="volctl-report-bench-"))
    path: Path = args.db if args.db else folder / "roster.db"
    fresh = not path.exists()
    conn = open_roster(path, create=True)
    build: dict[str, float] = {}
    if fresh:
        print(f"building {path} …", flush=True)
        build = generate(conn, args.volunteers, args.records)
        build.update(structure(conn))
    conn.close()
    low, high = f"{YEAR}-01-01", f"{YEAR}-12-31"
    bare_sql = (
        f"SELECT sum(minutes) FROM service_records WHERE service_date BETWEEN '{low}' AND '{high}'"
    )

    def bare_in_process() -> Any:
        plain = sqlite3.connect(path)
        try:
            return plain.execute(bare_sql).fetchone()
        finally:
            plain.close()

    def summary_in_process() -> Any:
        from volctl.reports import summary

        roster = open_roster(path)
        try:
            return summary.summary(roster, year=YEAR)
        finally:
            roster.close()

    sqlite_cli = shutil.which("sqlite3")
    cases: list[tuple[str, Callable[[], Any]]] = []
    if sqlite_cli:
        cases.append(
            (
                f"sqlite3 CLI: sum of {YEAR}'s raw minutes (the yardstick)",
                lambda: subprocess.run(
                    [sqlite_cli, str(path), bare_sql], check=True, capture_output=True
                ),
            )
        )
    cases += [
        (f"python sqlite3: sum of {YEAR}'s raw minutes", bare_in_process),
        (f"summary.summary(year={YEAR}) in process", summary_in_process),
        (
            f"volctl report summary --year {YEAR} --format json",
            lambda: run(["report", "summary", "--year", str(YEAR), "--format", "json"], path),
        ),
        (
            f"volctl report summary --year {YEAR} (tables)",
            lambda: run(["report", "summary", "--year", str(YEAR)], path),
        ),
        (
            f"volctl report summary --year {YEAR} --team 第3中队",
            lambda: run(
                ["report", "summary", "--year", str(YEAR), "--team", "第3中队", "--format", "json"],
                path,
            ),
        ),
        (
            f"volctl report summary --year {YEAR} -o summary.xlsx",
            lambda: run(
                ["report", "summary", "--year", str(YEAR), "-o", str(folder / "summary.xlsx")],
                path,
            ),
        ),
        (
            f"volctl report stars --year {YEAR} --format json",
            lambda: run(["report", "stars", "--year", str(YEAR), "--format", "json"], path),
        ),
        (
            f"volctl report target --year {YEAR} --format json",
            lambda: run(["report", "target", "--year", str(YEAR), "--format", "json"], path),
        ),
        (
            f"volctl report hours --by team --from {YEAR}-03-01 --to {YEAR}-08-31",
            lambda: run(
                [
                    "report",
                    "hours",
                    "--by",
                    "team",
                    "--from",
                    f"{YEAR}-03-01",
                    "--to",
                    f"{YEAR}-08-31",
                    "--format",
                    "json",
                ],
                path,
            ),
        ),
    ]
    results = []
    for label, action in cases:
        action()  # warm the page cache, as a clerk's second run would be
        median, best, _ = measure(action, args.runs)
        results.append((label, median, best))

    figures = json.loads(run(["report", "summary", "--year", str(YEAR), "--format", "json"], path))
    roster = sqlite3.connect(path)
    entries = roster.execute("SELECT count(*) FROM service_records").fetchone()[0]
    people = roster.execute("SELECT count(*) FROM volunteers").fetchone()[0]
    roster.close()
    print()
    print(
        f"roster: {people:,} volunteers, {entries:,} ledger entries"
        f" ({path.stat().st_size / 1e6:,.0f} MB)"
    )
    for name, seconds in build.items():
        print(f"  built {name} in {seconds:.1f} s")
    print(
        f"summary {YEAR}: {figures['volunteers_registered']:,} registered,"
        f" {figures['volunteers_serving']:,} serving, {figures['participations']:,} 人次,"
        f" {figures['hours']:,} h, {len(figures['by_team'])} team rows,"
        f" {sum(figures['stars_new'].values()):,} newly starred,"
        f" {len(figures['dormant']):,} dormant"
    )
    print()
    base = results[0][1]
    print(f"{'case':64} {'median ms':>10} {'best ms':>9} {'ratio':>7}")
    for label, median, best in results:
        print(f"{label:64} {median * 1000:10.1f} {best * 1000:9.1f} {median / base:7.2f}")
    if args.db is not None or not args.keep:  # the folder holds the workbook (and roster)
        shutil.rmtree(folder)
    else:
        print(f"\nkept {path}")


if __name__ == "__main__":
    main()

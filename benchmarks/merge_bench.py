"""Merging a city's communities (run by hand, prints a table).

    python benchmarks/merge_bench.py [--communities 50] [--volunteers 2000] [--records 40000]
                                     [--overlap 0.02] [--dir DIR] [--keep]

Builds ``--communities`` community rosters with SQL, the way ``ledger_bench.py`` does (through
the real schema and its triggers): each with its 分队 and two 服务队, memberships, activities,
``--records`` service records with amendments (2 %) and voids (0.5 %), training and insurance;
``--overlap`` of each community's people are also registered in the next community. Then it
times, with ``volctl`` run as a clerk runs it (a separate process, so its peak memory is its
own):

- ``volctl export bundle`` of one community, and the bundle's size against the roster file's
  (and against the roster file zipped, the other format considered);
- ``volctl merge`` of every bundle into one city roster, under its 大队;
- the same merge again (nothing changed), and one community's updated bundle merged again;
- the totals the year-end report reads on the city roster, and ``source totals``/``overlaps``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from volctl import audit, settings
from volctl.db import open_roster, transaction

YEAR = 2025
PER_VOLUNTEER = 20  # records per volunteer, each on a different activity


def person(n: int) -> tuple[str, str, str, str]:
    """Person ``n``'s valid identity number, phone, gender and birth date (the same in every
    community that registers them)."""
    from datetime import date, timedelta

    from stdnum.cn import ric

    born = date(1960, 1, 1) + timedelta(days=n // 400)
    male = n % 2 == 1
    base = f"330482{born:%Y%m%d}{n % 400 * 2 + male + 100:03d}"
    number = base + ric.calc_check_digit(base + "0")
    return number, f"+86138{n:08d}", "男" if male else "女", born.isoformat()


def build(path: Path, index: int, volunteers: int, total: int, overlap: int) -> None:
    """Community ``index``: people index*V+1 … index*V+V, the first ``overlap`` of them being
    the previous community's last ones (the same identity numbers)."""
    conn = open_roster(path, create=True)
    now = audit.now_iso()
    with transaction(conn):
        settings.set_value(conn, "org_name", org_name(index))
        settings.set_value(conn, "region_code", "330482")
    first = index * (volunteers - overlap) + 1
    activities = max(PER_VOLUNTEER * 50, total // 40)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO volunteers (volunteer_no, name, id_number, phone, gender, birth_date,"
        " registered_on, skills, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, '2020-01-10', '[\"书法\"]', ?, ?)",
        [
            (f"V{i + 1:06d}", f"志愿者{first + i}", *person(first + i), now, now)
            for i in range(volunteers)
        ],
    )
    teams = [
        ("社区志愿者服务分队", "分队", None),
        ("助老服务队", "服务队", 1),
        ("环保服务队", "服务队", 1),
    ]
    for name, level, parent in teams:
        conn.execute(
            "INSERT INTO teams (name, level, parent_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (f"第{index + 1:02d}{name}", level, parent, now, now),
        )
    conn.execute(
        "INSERT INTO memberships (team_id, volunteer_id, role, joined_on, created_at)"
        " SELECT 2 + id % 2, id, '队员', '2020-02-01', ? FROM volunteers",
        (now,),
    )
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),"
        " days AS (SELECT i, date('2021-01-01', '+' || ((i * 7919) % 1800) || ' days') AS d"
        "  FROM n)"
        " INSERT INTO activities (activity_no, title, date, start_time, end_time, category,"
        " team_id, status, created_at, updated_at)"
        " SELECT 'A' || strftime('%Y%m%d', d) || '-'"
        " || printf('%02d', row_number() OVER (PARTITION BY d ORDER BY i)),"
        " '活动' || i, d, '08:30', '11:30', '社区服务', 2 + i % 2, 'held', ?, ? FROM days"
        " ORDER BY i",
        (activities, now, now),
    )
    per = max(1, total // volunteers)
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)"
        " INSERT INTO service_records (volunteer_id, activity_id, service_date, start_time,"
        " end_time, minutes, attendance, place, content, leader, recorder, recorded_at)"
        " SELECT v, a.id, a.date, '08:30', '11:30', 180, 'present', '社区服务中心', a.title,"
        " '王芳', '记录员', ?"
        " FROM (SELECT i / ? % ? + 1 AS v, i % ? AS k FROM n)"
        " JOIN activities a ON a.id = (v * 7 + k * 1009) % (SELECT count(*) FROM activities) + 1",
        (total, now, per, volunteers, per),
    )
    conn.execute(
        "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
        " attendance, recorder, kind, corrects_id, reason, recorded_at)"
        " SELECT volunteer_id, activity_id, service_date, 120, 'early_leave', '记录员', 'amend',"
        " id, '核对签到表', ? FROM service_records WHERE kind = 'original' AND id % 50 = 0",
        (now,),
    )
    conn.execute(
        "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
        " attendance, recorder, kind, corrects_id, reason, recorded_at)"
        " SELECT volunteer_id, activity_id, service_date, 0, 'present', '记录员', 'void', id,"
        " '重复记录', ? FROM service_records WHERE kind = 'original' AND id % 200 = 7",
        (now,),
    )
    conn.execute(
        "INSERT INTO trainings (training_no, title, date, topic, minutes, initial, created_at,"
        " updated_at) VALUES ('T20250301-01', '岗前培训', '2025-03-01', '志愿精神', 120, 1, ?, ?)",
        (now, now),
    )
    conn.execute(
        "INSERT INTO training_attendance (training_id, volunteer_id, recorded_at)"
        " SELECT 1, id, ? FROM volunteers WHERE id % 3 = 0",
        (now,),
    )
    conn.execute(
        "INSERT INTO insurance_policies (volunteer_id, insurer, policy_no, start_on, end_on,"
        " created_at) SELECT id, '人保财险', 'PA2025', '2025-01-01', '2025-12-31', ?"
        " FROM volunteers",
        (now,),
    )
    conn.execute("COMMIT")
    conn.close()


def merge_args(city: Path, bundles: list[Path]) -> list[str]:
    """``volctl merge`` of every bundle into the city roster, under its 大队."""
    parent = ["--parent", "平湖市社区志愿者服务大队", "--parent-level", "大队"]
    return ["--db", str(city), "merge", *map(str, bundles), *parent, "--format", "json"]


VOLCTL = (sys.executable, "-m", "volctl")


def org_name(index: int) -> str:
    """The name of the ``index``-th community (as its roster and its bundle say)."""
    return f"第{index + 1:02d}社区"


def trust(
    city: Path,
    rosters: Sequence[Path],
    volctl: Sequence[str],
    env: dict[str, str] | None = None,
) -> None:
    """Make the city roster trust each community's signing key, as a clerk does (``keys show``
    there, ``keys trust`` here): bundles are signed, and a merge refuses a bundle signed by a
    key the roster does not trust. ``rosters[i]`` is community ``i``."""
    environment = {**os.environ, "VOLCTL_LANG": "en", **(env or {})}

    def run(*args: str) -> str:
        done = subprocess.run(
            [*volctl, *args],
            capture_output=True,
            text=True,
            env=environment,
            cwd=tempfile.gettempdir(),  # not the source folder: PYTHONPATH picks the volctl
        )
        if done.returncode != 0:
            raise SystemExit(f"volctl {' '.join(args)} failed:\n{done.stderr}")
        return done.stdout

    for index, roster in enumerate(rosters):
        shown = run("--db", str(roster), "keys", "show")
        key = next(word for word in shown.split() if word.startswith("volctl:"))
        run("--db", str(city), "keys", "trust", org_name(index), key)


def finish(folder: Path, *, keep: bool) -> None:
    """Remove the benchmark's files, or say where they were kept."""
    if keep:
        print(f"\nkept {folder}")
    else:
        shutil.rmtree(folder)


def volctl(*args: str) -> tuple[float, float, str]:
    """Run volctl as a clerk does; return (seconds, peak MB of that process, stdout)."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [*VOLCTL, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "VOLCTL_LANG": "en"},
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"volctl {' '.join(args)} failed:\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024, done.stdout


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--communities", type=int, default=50)
    parser.add_argument("--volunteers", type=int, default=2000)
    parser.add_argument("--records", type=int, default=40_000)
    parser.add_argument("--overlap", type=float, default=0.02)
    parser.add_argument("--dir", type=Path, help="work here (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the files")
    args = parser.parse_args()

    folder = args.dir or Path(tempfile.mkdtemp(prefix="volctl-merge-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    overlap = int(args.volunteers * args.overlap)
    rows: list[tuple[str, str]] = []

    def row(label: str, value: str) -> None:
        rows.append((label, value))
        print(f"  {label}: {value}", flush=True)

    print(f"building {args.communities} communities in {folder} …", flush=True)
    elapsed, _ = timed(
        lambda: [
            build(folder / f"c{i:03d}.db", i, args.volunteers, args.records, overlap)
            for i in range(args.communities)
        ]
    )
    row("build the communities (SQL, through the triggers)", f"{elapsed:.1f} s")

    bundles = []
    export_times = []
    for i in range(args.communities):
        dest = folder / f"c{i:03d}.zip"
        seconds, peak, _ = volctl(
            "--db",
            str(folder / f"c{i:03d}.db"),
            "export",
            "bundle",
            "-o",
            str(dest),
            "--format",
            "json",
        )
        export_times.append((seconds, peak))
        bundles.append(dest)
    one = folder / "c000.db"
    row(
        "volctl export bundle, one community (median)",
        f"{sorted(t for t, _ in export_times)[len(export_times) // 2]:.2f} s,"
        f" peak {max(p for _, p in export_times):.0f} MB",
    )
    zipped = folder / "c000.db.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.write(one, "roster.db")
    row(
        "one community: roster file / roster file zipped / bundle",
        f"{one.stat().st_size / 1e6:.1f} MB / {zipped.stat().st_size / 1e6:.1f} MB /"
        f" {bundles[0].stat().st_size / 1e6:.1f} MB",
    )

    city = folder / "city.db"
    volctl("--db", str(city), "init", "--org", "平湖市", "--region", "330482")
    trust(city, [folder / f"c{i:03d}.db" for i in range(args.communities)], VOLCTL)
    seconds, peak, out = volctl(*merge_args(city, bundles))
    report = json.loads(out)
    totals = report["totals"]
    row(
        f"volctl merge of {args.communities} bundles into the city roster",
        f"{seconds:.1f} s, peak {peak:.0f} MB",
    )
    row(
        "city roster",
        f"{totals['volunteers']:,} volunteers, {totals['records']:,} records that count,"
        f" {report['counted_twice']:,} counted twice, {city.stat().st_size / 1e6:,.0f} MB",
    )
    seconds, peak, _ = volctl("--db", str(city), "merge", *map(str, bundles), "--format", "json")
    row("the same merge again (every bundle unchanged)", f"{seconds:.1f} s, peak {peak:.0f} MB")

    conn = open_roster(one)
    now = audit.now_iso()
    with transaction(conn):
        conn.execute(
            "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
            " attendance, recorder, kind, corrects_id, reason, recorded_at)"
            " SELECT volunteer_id, activity_id, service_date, 60, 'early_leave', '记录员', 'amend',"
            " record_id, '再次核对', ? FROM service_chains WHERE voided = 0 AND record_id % 97 = 3",
            (now,),
        )
        conn.execute("UPDATE volunteers SET phone = '+8613900000000' WHERE id = 5")
    conn.close()
    updated = folder / "c000-2.zip"
    volctl("--db", str(one), "export", "bundle", "-o", str(updated))
    seconds, peak, out = volctl("--db", str(city), "merge", str(updated), "--format", "json")
    changes = json.loads(out)["sources"][0]["changes"]["records"]
    row(
        "one community's updated bundle merged again",
        f"{seconds:.1f} s, peak {peak:.0f} MB ({changes['entries']:,} entries appended)",
    )

    from volctl.ledger import records
    from volctl.merge import sources

    conn = open_roster(city)
    for label, action in (
        (f"records.totals(year={YEAR}): every volunteer", lambda: records.totals(conn, year=YEAR)),
        ("records.cumulative(): every volunteer", lambda: records.cumulative(conn)),
        (
            f"sources.breakdown(year={YEAR}): per community",
            lambda: sources.breakdown(conn, year=YEAR),
        ),
        ("sources.overlaps(): people counted twice", lambda: sources.overlaps(conn)),
    ):
        seconds, _ = timed(action)
        row(label, f"{seconds * 1000:.0f} ms")
    seconds, _, _ = volctl(
        "--db", str(city), "source", "totals", "--year", str(YEAR), "--format", "json"
    )
    row(f"volctl source totals --year {YEAR}", f"{seconds:.2f} s")
    conn.close()

    print()
    print(f"{'case':66} result")
    for label, value in rows:
        print(f"{label:66} {value}")
    finish(folder, keep=args.dir is not None or args.keep)


if __name__ == "__main__":
    main()

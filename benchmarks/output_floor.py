"""The output layer against its floor (run by hand, prints a table).

    python benchmarks/output_floor.py [--sizes 20000 100000] [--runs 3] [--before DIR]
                                      [--folder DIR] [--keep]

For each size builds a roster with SQL (``ledger_bench.generate``: volunteers, activities in
2020-2024 and as many service records as volunteers, through the real triggers), then times,
each as a fresh process and alternating within every round so that a busy machine weighs on
all alike:

- ``volctl export table volunteers -o v.xlsx`` beside the floor: a bare script that reads the
  same rows with ``sqlite3`` and writes the same cells with xlsxwriter in constant-memory mode
  (a header row, then ``write_row``), and nothing else;
- ``volctl report target --year 2024 --format json -o t.json`` (every volunteer below the
  target, with the figures by team) beside the floor: one SQL query for the same people and
  ``json.dump`` of the rows, no checks, no teams;
- the same report as CSV beside ``csv.writer`` over the same query.

``--before DIR``: also time the commands from another checkout of volctl (``DIR`` holds its
``volctl`` package, for example ``git worktree add /tmp/before main``), so one run prints the
ratios before and after. Each line gives the median wall-clock time, the ratio to the floor's
median, the same ratio of CPU time (user + system, which a machine shared with other work
disturbs far less than the wall clock) and the peak resident memory (``wait4``'s maxrss) of
volctl and the floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_bench import generate

from volctl.db import open_roster

HERE = Path(__file__).resolve().parent.parent
YEAR = 2024
TARGET_MINUTES = 48 * 60

FLOOR_XLSX = """
import sqlite3, sys, xlsxwriter
conn = sqlite3.connect(sys.argv[1])
cursor = conn.execute("SELECT * FROM volunteers ORDER BY rowid")
book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
ws = book.add_worksheet("volunteers")
ws.write_row(0, 0, [d[0] for d in cursor.description])
for i, row in enumerate(cursor, 1):
    ws.write_row(i, 0, row)
book.close()
"""

PEOPLE_SQL = f"""
SELECT v.volunteer_no, v.name, v.phone, coalesce(t.services, 0) AS services,
       coalesce(t.minutes, 0) AS minutes
FROM volunteers v LEFT JOIN service_year_totals t ON t.volunteer_id = v.id AND t.year = {YEAR}
WHERE coalesce(t.minutes, 0) < {TARGET_MINUTES} ORDER BY minutes, v.volunteer_no
"""

FLOOR_JSON = f"""
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.row_factory = sqlite3.Row
rows = [dict(r) for r in conn.execute({PEOPLE_SQL!r})]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump({{"below_target": rows}}, out, ensure_ascii=False)
"""

FLOOR_CSV = f"""
import csv, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
cursor = conn.execute({PEOPLE_SQL!r})
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as out:
    writer = csv.writer(out)
    writer.writerow([d[0] for d in cursor.description])
    writer.writerows(cursor)
"""


def run(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds (user + system: what a busy machine disturbs least)
    and peak resident MiB of one process."""
    start = time.perf_counter()
    # Not in a checkout's folder: ``python -m`` would import the volctl found there first.
    process = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    assert process.stderr is not None
    errors = process.stderr.read()
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{errors}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def build(path: Path, volunteers: int) -> None:
    if path.exists():
        return
    print(f"building {path} ({volunteers:,} volunteers) …", flush=True)
    conn = open_roster(path, create=True)
    generate(conn, volunteers, volunteers)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout's folder, timed too")
    parser.add_argument("--folder", type=Path, help="keep (or reuse) the rosters here")
    parser.add_argument("--keep", action="store_true", help="keep the generated rosters")
    args = parser.parse_args()

    folder = args.folder or Path(tempfile.mkdtemp(prefix="volctl-output-floor-"))
    folder.mkdir(parents=True, exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix="volctl-output-files-"))
    python = sys.executable
    env = {**os.environ, "VOLCTL_LANG": "en"}
    variants = {"after": {**env, "PYTHONPATH": str(HERE)}}
    if args.before is not None:
        variants = {"before": {**env, "PYTHONPATH": str(args.before.resolve())}, **variants}
    rows = []
    for size in args.sizes:
        db = folder / f"roster-{size}.db"
        build(db, size)
        volctl = [python, "-m", "volctl", "--db", str(db)]
        tasks = {
            "export table volunteers xlsx": (
                [*volctl, "export", "table", "volunteers", "-o", str(out / "v.xlsx")],
                [python, "-c", FLOOR_XLSX, str(db), str(out / "floor.xlsx")],
            ),
            "report target json": (
                [
                    *volctl,
                    "report",
                    "target",
                    "--year",
                    str(YEAR),
                    "--format",
                    "json",
                    "-o",
                    str(out / "t.json"),
                ],
                [python, "-c", FLOOR_JSON, str(db), str(out / "floor.json")],
            ),
            "report target csv": (
                [
                    *volctl,
                    "report",
                    "target",
                    "--year",
                    str(YEAR),
                    "--format",
                    "csv",
                    "-o",
                    str(out / "t.csv"),
                ],
                [python, "-c", FLOOR_CSV, str(db), str(out / "floor.csv")],
            ),
        }
        for task, (command, floor) in tasks.items():
            times: dict[str, list[float]] = {name: [] for name in [*variants, "floor"]}
            cpu: dict[str, list[float]] = {name: [] for name in times}
            peaks: dict[str, float] = dict.fromkeys(times, 0.0)
            for _ in range(args.runs):  # alternated: each round runs every variant once
                for name, variant_env in [*variants.items(), ("floor", env)]:
                    seconds, cpu_seconds, peak = run(
                        floor if name == "floor" else command, variant_env, out
                    )
                    times[name].append(seconds)
                    cpu[name].append(cpu_seconds)
                    peaks[name] = max(peaks[name], peak)
            floor_median = statistics.median(times["floor"])
            floor_cpu = statistics.median(cpu["floor"])
            for name in variants:
                median = statistics.median(times[name])
                cpu_median = statistics.median(cpu[name])
                rows.append(
                    (
                        f"{task}, {size:,}",
                        name,
                        median,
                        floor_median,
                        median / floor_median,
                        cpu_median / floor_cpu,
                        peaks[name],
                        peaks["floor"],
                    )
                )
                print(_line(rows[-1]), flush=True)
    print()
    print("| task | code | volctl s | floor s | ratio | CPU ratio | peak MiB volctl / floor |")
    print("|---|---|---|---|---|---|---|")
    for task, name, median, floor_median, ratio, cpu_ratio, peak, floor_peak in rows:
        print(
            f"| {task} | {name} | {median:.2f} | {floor_median:.2f} | {ratio:.2f}× "
            f"| {cpu_ratio:.2f}× | {peak:.0f} / {floor_peak:.0f} |"
        )
    shutil.rmtree(out, ignore_errors=True)
    if args.folder is None and not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


def _line(row: tuple[str, str, float, float, float, float, float, float]) -> str:
    task, name, median, floor_median, ratio, cpu_ratio, peak, floor_peak = row
    return (
        f"{task:36} {name:6} {median:7.2f} s  floor {floor_median:6.2f} s  {ratio:5.2f}×"
        f"  CPU {cpu_ratio:5.2f}×  peak {peak:5.0f} / {floor_peak:4.0f} MiB"
    )


if __name__ == "__main__":
    main()

"""``export fill`` at scale (run by hand, prints a table): issue 20's speed goal.

    python benchmarks/fill_bench.py [--volunteers 10000] [--runs 3] [--db PATH] [--keep]

Builds (or reuses, with ``--db``) the ledger bench's roster (volunteers, five years of records
with amendments and voids) with the report bench's teams, training and commendations, then
times, alternating in one run, each as a fresh process (start-up included, as a clerk runs it):

- ``volctl export fill TEMPLATE -o FILLED.xlsx --year 2024`` on two templates of the tests
  (``party.xlsx``: 8 columns, a 合计 formula and a signature footer; ``honours.xlsx``: 9
  columns with stars, training, insurance and commendations);
- ``volctl export table volunteers -o T.xlsx`` for the same people (the issue's yardstick:
  fill within 1.5x of it);
- the floor: a bare Python process that loads the template with openpyxl, writes the same cell
  values (read from a JSON dump made beforehand, so no roster work at all) under the header
  (over the footer, which it neither moves nor keeps), and saves it.

Ratios are of medians; the machine may be shared, so run it where nothing else runs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

FLOOR = """
import json, sys
import openpyxl
template, values, first, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rows = json.load(open(values, encoding="utf-8"))
book = openpyxl.load_workbook(template)
ws = book.active
for merged in [m for m in ws.merged_cells.ranges if m.min_row >= first]:
    ws.unmerge_cells(str(merged))  # the footer's: the floor writes over it, moving nothing
for r, row in enumerate(rows, start=first):
    for c, value in enumerate(row, start=1):
        if value is not None:
            ws.cell(r, c, value)
book.save(out)
"""


def build(path: Path, volunteers: int) -> None:
    from ledger_bench import generate
    from report_bench import structure

    from volctl.db import open_roster

    conn = open_roster(path, create=True)
    generate(conn, volunteers, volunteers * 10)
    structure(conn)
    conn.close()


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    from tests.helpers_fill import template

    work = Path(tempfile.mkdtemp(prefix="fill-bench-"))
    try:
        db = args.db or work / "roster.db"
        if not db.exists():
            print(f"building a roster of {args.volunteers:,} volunteers…", file=sys.stderr)
            build(db, args.volunteers)
        volctl = [sys.executable, "-m", "volctl", "--db", str(db)]
        table = work / "table.xlsx"
        sides: dict[str, list[str]] = {
            "export table volunteers": [*volctl, "export", "table", "volunteers", "-o", str(table)]
        }
        rows = {}
        for name, first in (("party.xlsx", 4), ("honours.xlsx", 3)):
            source = template(name, work)
            filled = work / f"filled-{name}"
            fill = [*volctl, "export", "fill", str(source), "-o", str(filled), "--year", "2024"]
            timed(fill)  # also warms the disk cache; its output feeds the floor
            import openpyxl

            ws = openpyxl.load_workbook(filled, read_only=True).active
            dump = []
            for r in ws.iter_rows(min_row=first, values_only=True):
                if not isinstance(r[0], int):  # 序号: the table ends at the 合计 or footer row
                    break
                dump.append(list(r))
            rows[name] = len(dump)
            values = work / f"{name}.json"
            values.write_text(json.dumps(dump, ensure_ascii=False, default=str), "utf-8")
            out = work / f"floor-{name}"
            floor = [sys.executable, "-c", FLOOR, str(source), str(values), str(first), str(out)]
            sides[f"fill {name}"] = fill
            sides[f"floor {name}"] = floor
        times: dict[str, list[float]] = {k: [] for k in sides}
        for _ in range(args.runs):  # alternate, so a busy moment hits every side alike
            for name, argv in sides.items():
                times[name].append(timed(argv))
        median = {k: statistics.median(v) for k, v in times.items()}
        print(f"| task ({args.volunteers:,} volunteers, {args.runs} runs) | median s | best s |")
        print("|---|---:|---:|")
        for name in sides:
            print(f"| {name} | {median[name]:.2f} | {min(times[name]):.2f} |")
        print()
        for name in ("party.xlsx", "honours.xlsx"):
            fill, floor = median[f"fill {name}"], median[f"floor {name}"]
            yard = median["export table volunteers"]
            print(
                f"{name} ({rows[name]:,} rows): fill / floor = {fill / floor:.2f}x, "
                f"fill / export table = {fill / yard:.2f}x"
            )
    finally:
        if args.keep:
            print(f"kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

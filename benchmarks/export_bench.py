"""Export at scale: forms, certificates and raw tables on a large roster (run by hand).

    python benchmarks/export_bench.py [--volunteers 100000] [--records 2000000]
                                      [--members 3000] [--runs 3] [--db PATH] [--keep]

Builds (or reuses, with ``--db``) the roster of ``ledger_bench.py`` (volunteers, activities
over five years, records with amendments and voids), adds a brigade > squadron > detachment
with ``--members`` members in the detachment and 200 in a group under it, and has the
detachment organise one activity in twenty. Then times, each as a fresh ``volctl`` process
(start-up included, as a clerk runs it), the exports a clerk runs, and prints a table of
median and best wall-clock times with the rows each wrote.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_bench import YEARS, generate

from volctl import audit
from volctl.db import open_roster

TEAMS = (
    ("平湖市社区志愿者服务大队", "大队", None),
    ("当湖街道社区志愿者服务中队", "中队", 1),
    ("东湖社区志愿者服务分队", "分队", 2),
    ("东湖社区书法服务组", "服务组", 3),
)


def add_structure(path: Path, members: int) -> None:
    """Teams, memberships and organised activities, with SQL (the bench's own data)."""
    conn = open_roster(path)
    now = audit.now_iso()
    if conn.execute("SELECT count(*) FROM teams").fetchone()[0]:
        conn.close()
        return
    conn.execute("BEGIN")
    for key, value in (
        ("org_name", "当湖街道东湖社区居民委员会"),
        ("responsible_person", "王建国"),
        ("contact_person", "李晓梅"),
        ("contact_phone", "0573-85012345"),
    ):
        conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (key, json.dumps(value, ensure_ascii=False)),
        )
    for name, level, parent in TEAMS:
        conn.execute(
            "INSERT INTO teams (name, level, parent_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (name, level, parent, now, now),
        )
    conn.execute(
        "INSERT INTO memberships (team_id, volunteer_id, role, joined_on, created_at)"
        " SELECT 3, id, CASE WHEN id = 1 THEN '队长' WHEN id <= 3 THEN '副队长' ELSE '队员' END,"
        " '2020-01-01', ? FROM volunteers WHERE id <= ?",
        (now, members),
    )
    conn.execute(
        "INSERT INTO memberships (team_id, volunteer_id, role, joined_on, created_at)"
        " SELECT 4, id, '队员', '2020-01-01', ? FROM volunteers WHERE id <= 200",
        (now,),
    )
    conn.execute("UPDATE activities SET team_id = 3 WHERE id % 20 = 0")
    conn.execute("COMMIT")
    conn.close()


def run(argv: list[str], runs: int) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, env={**os.environ})
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"{' '.join(argv)} failed:\n{done.stderr}")
    return statistics.median(times), min(times), done


def rows_of(done: subprocess.CompletedProcess[str]) -> str:
    """What the command wrote: its JSON's rows or services, else the notice's row count."""
    try:
        data = json.loads(done.stdout)
    except ValueError:
        found = re.search(r"(\d+) rows", done.stderr)
        return f"{int(found.group(1)):,}" if found else ""
    if "rows" in data:
        return f"{data['rows']:,}"
    return f"{data['services']:,} services"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--members", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="reuse (or build) this throwaway roster")
    parser.add_argument("--keep", action="store_true", help="keep the generated roster")
    args = parser.parse_args()

    volctl = shutil.which("volctl") or sys.exit("volctl is not installed in this environment")
    folder = Path(tempfile.mkdtemp(prefix="volctl-export-bench-"))
    path: Path = args.db or folder / "roster.db"
    if not path.exists():
        print(f"building {path} …", flush=True)
        conn = open_roster(path, create=True)
        generate(conn, args.volunteers, args.records)
        conn.close()
    add_structure(path, args.members)
    year = YEARS[-1]
    out = folder / "out"
    out.mkdir()
    base = [volctl, "--db", str(path), "export"]
    cases = [
        (f"form ledger, one week of {year}", ["form", "ledger", "--from", f"{year}-06-01",
         "--to", f"{year}-06-07", "-o", str(out / "week.xlsx"), "--format", "json"]),
        (f"form ledger --team (a detachment), {year}", ["form", "ledger", "--year", str(year),
         "--team", TEAMS[2][0], "-o", str(out / "team.xlsx"), "--format", "json"]),
        (f"form team-register, {args.members:,} members", ["form", "team-register", "--team",
         TEAMS[2][0], "-o", str(out / "register.xlsx"), "--format", "json"]),
        ("form registration, 200 sheets", ["form", "registration", "--team", TEAMS[3][0],
         "-o", str(out / "registration.xlsx"), "--format", "json"]),
        ("certificate, one volunteer's five years", ["certificate", "V000001", "-o",
         str(out / "certificate.xlsx"), "--format", "json"]),
        (f"table volunteers -o csv ({args.volunteers:,})", ["table", "volunteers", "-o",
         str(out / "volunteers.csv")]),
        (f"table volunteers -o xlsx ({args.volunteers:,})", ["table", "volunteers", "-o",
         str(out / "volunteers.xlsx")]),
        ("table service_records -o csv (every entry)", ["table", "service_records", "-o",
         str(out / "records.csv")]),
    ]  # fmt: skip
    print(f"{'case':48} {'median s':>9} {'best s':>8} {'rows':>16}")
    for label, argv in cases:
        median, best, done = run(base + argv, args.runs)
        print(f"{label:48} {median:9.2f} {best:8.2f} {rows_of(done):>16}", flush=True)
    if args.keep:
        print(f"kept {folder}")
    else:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()

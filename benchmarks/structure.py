"""Teams, activities and the sign-in sheet at a street's scale (run by hand).

    python benchmarks/structure.py [--volunteers 3000] [--runs 3]

Builds a roster in a temporary folder (volunteers through the domain, teams and memberships
through SQL), then times the commands a clerk runs, each as a fresh `volctl` process, and
prints a table of median and best wall-clock times.
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


def build(path: Path, volunteers: int) -> None:
    from stdnum.cn import ric

    from volctl import audit
    from volctl.db import open_roster, transaction

    conn = open_roster(path, create=True)
    now = audit.now_iso()
    with transaction(conn):
        for n in range(1, volunteers + 1):
            base = f"330482198{n % 10}0101{n % 1000:03d}"
            number = base + ric.calc_check_digit(base + "0")
            conn.execute(
                "INSERT INTO volunteers (volunteer_no, name, id_number, phone, birth_date,"
                " registered_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (f"V{n:06d}", f"志愿者{n}", f"{number}{n}", f"+86138{n:08d}", "1980-01-01",
                 "2024-01-01", now, now),
            )  # fmt: skip
        conn.execute(
            "INSERT INTO teams (name, level, created_at, updated_at) VALUES ('大队', '大队', ?, ?)",
            (now, now),
        )
        team_ids = []
        for s in range(1, 11):
            squadron = conn.execute(
                "INSERT INTO teams (name, level, parent_id, created_at, updated_at)"
                " VALUES (?, '中队', 1, ?, ?)",
                (f"第{s}中队", now, now),
            ).lastrowid
            for d in range(1, 6):
                team_ids.append(
                    conn.execute(
                        "INSERT INTO teams (name, level, parent_id, created_at, updated_at)"
                        " VALUES (?, '分队', ?, ?, ?)",
                        (f"第{s}中队第{d}分队", squadron, now, now),
                    ).lastrowid
                )
        for n in range(1, volunteers + 1):
            conn.execute(
                "INSERT INTO memberships (team_id, volunteer_id, joined_on, created_at)"
                " VALUES (?, ?, '2024-02-01', ?)",
                (team_ids[n % len(team_ids)], n, now),
            )
    conn.close()


def measure(argv: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    volctl = shutil.which("volctl") or sys.exit("volctl is not installed in this environment")
    folder = Path(tempfile.mkdtemp(prefix="volctl-bench-"))
    db = folder / "roster.db"
    build(db, args.volunteers)
    env = {**os.environ, "VOLCTL_DB": str(db), "VOLCTL_LANG": "en", "COLUMNS": "160"}
    subprocess.run(
        [volctl, "activity", "add", "大型活动", "--date", "2025-03-15", "--start", "08:00",
         "--end", "12:00", "--category", "大型活动"],
        check=True, env=env, capture_output=True,
    )  # fmt: skip
    signup_all = [volctl, "activity", "signup", "A20250315-01"]
    signup_all += [f"V{n:06d}" for n in range(1, 201)]
    cases = {
        "team tree (61 teams)": [volctl, "team", "tree"],
        "team tree --format json": [volctl, "team", "tree", "--format", "json"],
        "team list": [volctl, "team", "list"],
        "team show (one 分队)": [volctl, "team", "show", "第1中队第1分队"],
        "activity signup 200 volunteers": signup_all,
        "activity sheet (200 rows)": [
            volctl,
            "activity",
            "sheet",
            "A20250315-01",
            "-o",
            str(folder / "sheet.xlsx"),
        ],
        "activity schedule 366 days": [
            volctl,
            "activity",
            "schedule",
            "每日",
            "--rule",
            "FREQ=DAILY",
            "--from",
            "2025-01-01",
            "--to",
            "2026-01-01",
            "--category",
            "社区服务",
            "--yes",
        ],
        "activity list (~370)": [volctl, "activity", "list", "--format", "json"],
        "activity --help": [volctl, "activity", "--help"],
    }
    print(f"{'case':34} {'median ms':>10} {'best ms':>9}")
    for name, argv in cases.items():
        runs = 1 if "signup" in name else args.runs
        times = measure(argv, runs, env)
        print(f"{name:34} {statistics.median(times) * 1000:10.1f} {min(times) * 1000:9.1f}")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()

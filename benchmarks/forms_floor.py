"""Printed papers against the floor: xlsxwriter (constant memory) writing the same cells.

    python benchmarks/forms_floor.py [--runs 3] [--only ledger,template] [--keep]

For each paper, at two sizes, volctl writes it as a clerk would (a fresh ``python -m volctl``
process, start-up included), then the floor writes the same cells: a fresh Python process that
loads the cell values (read from volctl's own file beforehand, not timed) and writes them with
xlsxwriter in constant-memory mode, no formats, no checks: the least any program printing that
paper must do. Runs alternate volctl and the floor (the machine may be shared); the table gives
each one's median wall-clock time, the ratio volctl / floor and both processes' peak memory.

The roster is built with SQL through the real schema (``ledger_bench.generate``, teams from
``export_bench.add_structure``), by the volctl that is imported: to measure another checkout,
put it first on ``PYTHONPATH`` (the volctl processes inherit it), e.g. the branch point::

    git archive main | tar -x -C /tmp/before
    PYTHONPATH=/tmp/before python benchmarks/forms_floor.py

The rejects workbook is timed on its own: a process that loads the rejected rows (JSON) and calls
``volctl.intake.rejects.write``, against one that loads the same rows and writes the cells.

``floor(cells, out)`` and ``measure(argv, runs)`` are importable (``benchmarks/floors.py``).
"""

from __future__ import annotations

import argparse
import json
import marshal
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SIZES = {"small": (10_000, 200, 500, 1_000), "large": (100_000, 2_000, 5_000, 10_000)}
# size -> (records over five years, team members, template rows, rejected rows)
YEAR = 2024  # the ledger's year: a fifth of the records


@dataclass(frozen=True)
class Task:
    name: str
    size: str
    argv: list[str]  # after python -m volctl --db ROSTER, or a driver's
    out: Path
    driver: bool = False  # the rejects workbook: a driver process, not the CLI


def floor(cells: Path, out: Path) -> None:
    """The floor: write the cells of ``cells`` (marshal: [(sheet, rows)]) with xlsxwriter in
    constant-memory mode, nothing else."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    with open(cells, "rb") as handle:
        sheets = marshal.load(handle)
    for name, rows in sheets:
        ws = book.add_worksheet(name[:31])
        for r, row in enumerate(rows):
            ws.write_row(r, 0, row)
    book.close()


def measure(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """One run of ``argv``: wall-clock seconds and the process's peak memory (MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        sys.exit(f"{' '.join(argv)} failed:\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def cells_of(path: Path, target: Path) -> int:
    """Read a written paper's cell values (the floor writes the same); how many rows."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    sheets, count = [], 0
    for ws in book.worksheets:
        rows = []
        for row in ws.iter_rows(values_only=True):
            rows.append([v if isinstance(v, int | float | str) else None for v in row])
        sheets.append((ws.title, rows))
        count += len(rows)
    with open(target, "wb") as handle:
        marshal.dump(sheets, handle)
    return count


# ----------------------------------------------------------------------------- the roster


def build(folder: Path, size: str) -> Path:
    """A roster with ``size``'s records, a team with its members, an activity they signed up
    for."""
    from export_bench import add_structure
    from ledger_bench import generate

    from volctl import audit
    from volctl.db import open_roster

    records, members, _rows, _rejected = SIZES[size]
    path = folder / f"roster-{size}.db"
    conn = open_roster(path, create=True)
    generate(conn, max(members * 2, records // 20), records)
    conn.close()
    add_structure(path, members)
    conn = open_roster(path)
    now = audit.now_iso()
    with conn:
        conn.execute(
            "INSERT INTO activities (activity_no, title, date, category, status, team_id,"
            " start_time, end_time, place, created_at, updated_at) VALUES ('A20240601-99',"
            " '集中服务日', '2024-06-01', '社区服务', 'planned', 3, '08:30', '11:30',"
            " '东湖社区广场', ?, ?)",
            (now, now),
        )
        conn.execute(
            "INSERT INTO signups (activity_id, volunteer_id, signed_up_at)"
            " SELECT (SELECT id FROM activities WHERE activity_no = 'A20240601-99'), id, ?"
            " FROM volunteers WHERE id <= ?",
            (now, members),
        )
    conn.close()
    return path


def rejected_rows(folder: Path, count: int) -> Path:
    """``count`` rejected sign-up rows as the rejects workbook gets them (JSON)."""
    header = ["序号", "姓名", "性别", "身份证号码", "联系电话", "政治面貌", "工作单位", "备注"]
    rows = [
        {
            "row": n + 4,
            "values": [
                n,
                f"志愿者{n}",
                "男",
                f"3304821960{n:08d}",
                "138" + f"{n:08d}"[:7],
                "群众",
                '=HYPERLINK("x")' if n % 50 == 0 else "东湖社区",
                "",
            ],
            "column": 3,
            "reason": "身份证号码校验位不对：请核对后重新填写（第18位）。",
        }
        for n in range(1, count + 1)
    ]
    path = folder / f"rejected-{count}.json"
    path.write_text(json.dumps({"header": header, "rows": rows}, ensure_ascii=False))
    return path


def rejects_driver(source: Path, out: Path) -> None:
    """Write the rejects workbook of the rows in ``source`` with volctl."""
    from types import SimpleNamespace

    from volctl.intake import rejects

    data = json.loads(source.read_text())
    result = SimpleNamespace(
        path=Path("报名表.xlsx"),
        table=SimpleNamespace(
            header=SimpleNamespace(columns=[SimpleNamespace(label=h) for h in data["header"]]),
            sheet="Sheet1",
        ),
        rejected_rows=[SimpleNamespace(**r) for r in data["rows"]],
        masked_columns={3: "id", 4: "phone"},
    )
    rejects.write(out, [result], show_pii=False)


def tasks(folder: Path, size: str, roster: Path) -> list[Task]:
    _records, members, rows, rejected = SIZES[size]
    volunteers = ",".join(f"V{n:06d}" for n in range(1, members // 10 + 1))

    def out(name: str) -> Path:
        return folder / f"{name}-{size}.xlsx"

    found = [
        Task("ledger", size, ["export", "form", "ledger", "--year", str(YEAR)], out("ledger")),
        Task(
            "team-register",
            size,
            ["export", "form", "team-register", "--team", "东湖社区志愿者服务分队"],
            out("team-register"),
        ),
        Task(
            "detachment",
            size,
            ["export", "form", "detachment", "--team", "东湖社区志愿者服务分队"],
            out("detachment"),
        ),
        Task(
            "registration",
            size,
            ["export", "form", "registration", "--volunteer", volunteers],
            out("registration"),
        ),
        Task("signin", size, ["activity", "sheet", "A20240601-99", "--force"], out("signin")),
        Task(
            "template",
            size,
            ["register", "template", "--rows", str(rows), "--force"],
            out("template"),
        ),
        Task("rejects", size, [str(rejected_rows(folder, rejected))], out("rejects"), driver=True),
    ]
    if size == "small":
        found += [
            Task(
                "certificate",
                size,
                ["export", "certificate", "V000001", "--force"],
                out("certificate"),
            ),
            Task(
                "summary", size, ["export", "form", "summary", "--year", str(YEAR)], out("summary")
            ),
        ]
    return found


def command(task: Task, roster: Path) -> list[str]:
    if task.driver:
        return [sys.executable, __file__, "--rejects-driver", task.argv[0], str(task.out)]
    return [sys.executable, "-m", "volctl", "--db", str(roster), *task.argv, "-o", str(task.out)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help="comma-separated paper names")
    parser.add_argument("--sizes", default="small,large")
    parser.add_argument("--keep", action="store_true", help="keep the rosters and papers")
    parser.add_argument("--floor", nargs=2, metavar=("CELLS", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--rejects-driver", nargs=2, metavar=("ROWS", "OUT"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args()
    if args.floor:
        floor(Path(args.floor[0]), Path(args.floor[1]))
        return
    if args.rejects_driver:
        rejects_driver(Path(args.rejects_driver[0]), Path(args.rejects_driver[1]))
        return

    import volctl

    folder = Path(tempfile.mkdtemp(prefix="volctl-forms-floor-"))
    env = {**os.environ, "VOLCTL_LANG": "en", "HOME": str(folder)}
    only = set(args.only.split(",")) if args.only else None
    print(f"volctl from {Path(volctl.__file__).parent}; {args.runs} runs each, alternated")
    lines = []
    for size in args.sizes.split(","):
        print(f"building the {size} roster …", flush=True)
        roster = build(folder, size)
        for task in tasks(folder, size, roster):
            if only and task.name not in only:
                continue
            argv = command(task, roster)
            measure(argv, env)  # warm-up (and the roster's upgrade, for another checkout)
            cells = folder / f"{task.name}-{size}.cells"
            count = cells_of(task.out, cells)
            floor_out = folder / f"{task.name}-{size}.floor.xlsx"
            floor_argv = [sys.executable, __file__, "--floor", str(cells), str(floor_out)]
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(measure(argv, env))
                theirs.append(measure(floor_argv, env))
            t1, t2 = (statistics.median(t for t, _ in runs) for runs in (ours, theirs))
            m1, m2 = (max(m for _, m in runs) for runs in (ours, theirs))
            line = (task.name, size, count, t1, t2, t1 / t2, m1, m2)
            lines.append(line)
            print(
                f"  {task.name:<14} {size:<6} {count:>7,} rows  volctl {t1:6.2f} s"
                f"  floor {t2:6.2f} s  ratio {t1 / t2:4.2f}  peak {m1:5.0f} / {m2:4.0f} MiB",
                flush=True,
            )
    print()
    print("| paper | size | rows | volctl s | floor s | ratio | peak MiB volctl / floor |")
    print("|---|---|---|---|---|---|---|")
    for name, size, count, t1, t2, ratio, m1, m2 in lines:
        print(f"| {name} | {size} | {count:,} | {t1:.2f} | {t2:.2f} | {ratio:.2f} |"
              f" {m1:.0f} / {m2:.0f} |")  # fmt: skip
    if args.keep:
        print(f"kept in {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

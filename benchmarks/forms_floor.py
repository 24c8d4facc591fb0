"""Printed papers against the floor: xlsxwriter (constant memory) writing the same cells.

    python benchmarks/forms_floor.py [--runs 3] [--only ledger,template] [--keep]

For each paper, at two sizes, volctl writes it as a clerk would (a fresh ``python -m volctl``
process, start-up included), then the floor writes the same cells: a fresh Python process that
loads what volctl's file holds (read back beforehand, not timed: each cell's value and format,
the rows' heights, the columns' widths, the merged ranges) and writes it with xlsxwriter in
constant-memory mode, with no query, no measuring and no checks: the least any program printing
that paper must do. Runs alternate volctl and the floor (the machine may be shared); the table
gives each one's median wall-clock and CPU time (user and system: what other processes on the
machine change least), the ratios volctl / floor and both processes' peak memory.

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


def floor(cells: Path, out: Path, *, bare: bool = False) -> None:
    """The floor: write what ``cells`` holds (marshal: the formats, then per sheet its column
    widths, its rows with their heights and cells, its merged ranges) with xlsxwriter in
    constant-memory mode, nothing else: no measuring, no checks. ``bare``: the values alone
    (no formats, heights, widths or merged ranges: a paper no office would accept)."""
    import xlsxwriter

    with open(cells, "rb") as handle:
        formats, sheets = marshal.load(handle)
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    made = [None if bare else book.add_format(props) for props in formats]
    for name, widths, rows, merges in sheets:
        ws = book.add_worksheet(name[:31])
        for c, width in enumerate(widths if not bare else ()):
            ws.set_column(c, c, width)
        for r, (height, row) in enumerate(rows):
            if not bare:
                ws.set_row(r, height)
            for c, value, f in row:
                style = made[f] if f >= 0 else None
                if value is None:
                    ws.write_blank(r, c, None, style)
                elif isinstance(value, str):
                    ws.write_string(r, c, value, style)
                else:
                    ws.write_number(r, c, value, style)
        for first_row, first_col, last_row, last_col in merges if not bare else ():
            ws.merge.append([first_row, first_col, last_row, last_col])
    book.close()


def measure(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """One run of ``argv``: wall-clock seconds, CPU seconds (user and system: what a shared
    machine does not change) and the process's peak memory (MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        sys.exit(f"{' '.join(argv)} failed:\n{err}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _format(cell: object) -> dict[str, object]:
    """The xlsxwriter format of a cell as read back: font, border, alignment, fill, number."""
    font, align = cell.font, cell.alignment  # type: ignore[attr-defined]
    props: dict[str, object] = {"font_name": font.name or "Calibri", "font_size": font.sz or 11}
    if font.b:
        props["bold"] = True
    if cell.border.left is not None and cell.border.left.style:  # type: ignore[attr-defined]
        props["border"] = 1
    if align.horizontal:
        props["align"] = align.horizontal
    if align.vertical:
        props["valign"] = {"center": "vcenter"}.get(align.vertical, align.vertical)
    if align.wrap_text:
        props["text_wrap"] = True
    if align.indent:
        props["indent"] = int(align.indent)
    if cell.number_format and cell.number_format != "General":  # type: ignore[attr-defined]
        props["num_format"] = cell.number_format  # type: ignore[attr-defined]
    if cell.quotePrefix:  # type: ignore[attr-defined]
        props["quote_prefix"] = True
    return props


def cells_of(path: Path, target: Path) -> int:
    """Read a written paper back (values, formats, row heights, widths, merged ranges) for the
    floor to write the same; how many rows."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    formats: dict[str, int] = {}
    sheets, count = [], 0
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        from openpyxl.utils import get_column_letter

        widths = [
            (ws.column_dimensions[get_column_letter(c)].width or 8.43) - 5 / 7
            for c in range(1, ws.max_column + 1)
        ]
        rows = []
        for row in ws.iter_rows():
            cells = []
            for cell in row:
                value = cell.value
                if value is not None and not isinstance(value, int | float | str):
                    value = str(value)
                key = json.dumps(_format(cell), sort_keys=True)
                index = formats.setdefault(key, len(formats))
                if value is not None or cell.has_style:
                    cells.append((cell.column - 1, value, index))
            height = ws.row_dimensions[row[0].row].height if row else None
            rows.append((float(height or 15), cells))
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
                  for m in ws.merged_cells.ranges]  # fmt: skip
        sheets.append((ws.title, widths, rows, merges))
        count += len(rows)
    table = [json.loads(key) for key in formats]
    with open(target, "wb") as handle:
        marshal.dump((table, sheets), handle)
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
    parser.add_argument(
        "--bare", action="store_true", help="a floor of the values alone (no formats, heights)"
    )
    parser.add_argument("--rejects-driver", nargs=2, metavar=("ROWS", "OUT"),
                        help=argparse.SUPPRESS)  # fmt: skip
    parser.add_argument("--build", nargs=2, metavar=("FOLDER", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--cells", nargs=2, metavar=("XLSX", "CELLS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        floor(Path(args.floor[0]), Path(args.floor[1]), bare=args.bare)
        return
    if args.rejects_driver:
        rejects_driver(Path(args.rejects_driver[0]), Path(args.rejects_driver[1]))
        return
    if args.build:
        print(build(Path(args.build[0]), args.build[1]))
        return
    if args.cells:
        print(cells_of(Path(args.cells[0]), Path(args.cells[1])))
        return
    run(args)


def helper(*argv: str) -> str:
    """Run a step of the benchmark in a process of its own: this one stays small, so that the
    peak memory of the processes it starts is theirs alone (a child's peak counts the parent
    it was forked from)."""
    done = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stderr)
    return done.stdout.strip().splitlines()[-1]


def run(args: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="volctl-forms-floor-"))
    env = {**os.environ, "VOLCTL_LANG": "en", "HOME": str(folder)}
    only = set(args.only.split(",")) if args.only else None
    where = subprocess.run(
        [sys.executable, "-c", "import volctl; print(volctl.__file__)"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(f"volctl from {Path(where).parent}; {args.runs} runs each, alternated")
    lines = []
    for size in args.sizes.split(","):
        print(f"building the {size} roster …", flush=True)
        roster = Path(helper("--build", str(folder), size))
        for task in tasks(folder, size, roster):
            if only and task.name not in only:
                continue
            argv = command(task, roster)
            measure(argv, env)  # warm-up (and the roster's upgrade, for another checkout)
            cells = folder / f"{task.name}-{size}.cells"
            count = int(helper("--cells", str(task.out), str(cells)))
            floor_out = folder / f"{task.name}-{size}.floor.xlsx"
            floor_argv = [sys.executable, __file__, "--floor", str(cells), str(floor_out)]
            if args.bare:
                floor_argv.append("--bare")
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(measure(argv, env))
                theirs.append(measure(floor_argv, env))
            t1, t2 = (statistics.median(t for t, _, _ in runs) for runs in (ours, theirs))
            c1, c2 = (statistics.median(c for _, c, _ in runs) for runs in (ours, theirs))
            m1, m2 = (max(m for _, _, m in runs) for runs in (ours, theirs))
            line = (task.name, size, count, t1, t2, c1, c2, m1, m2)
            lines.append(line)
            print(
                f"  {task.name:<14} {size:<6} {count:>7,} rows  wall {t1:6.2f} / {t2:5.2f} s"
                f" ({t1 / t2:4.2f})  cpu {c1:6.2f} / {c2:5.2f} s ({c1 / c2:4.2f})"
                f"  peak {m1:4.0f} / {m2:3.0f} MiB",
                flush=True,
            )
    print()
    print("| paper | size | rows | wall s volctl / floor | ratio | CPU s volctl / floor | ratio |"
          " peak MiB volctl / floor |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for name, size, count, t1, t2, c1, c2, m1, m2 in lines:
        print(f"| {name} | {size} | {count:,} | {t1:.2f} / {t2:.2f} | {t1 / t2:.2f} |"
              f" {c1:.2f} / {c2:.2f} | {c1 / c2:.2f} | {m1:.0f} / {m2:.0f} |")  # fmt: skip
    if args.keep:
        print(f"kept in {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

"""volctl against the floor: the same rows, no checks (run by hand, prints a markdown table).

    python benchmarks/floors.py [--task merge|import|form|table|target|info ...]
                                [--size small|large ...] [--repeat 5] [--warmup 1]
                                [--work DIR] [--rebuild] [--markdown FILE]

For each task of issue 19, at two sizes so that growth shows, it runs volctl as a clerk does
(its console script, a fresh process, the spellings of CLI.md) and the floor: the least any
program must do for the same rows, written below in this file and run the same way, in a
fresh process. The runs alternate (volctl, floor, floor, volctl, …) after ``--warmup`` unmeasured
runs of each; the table gives the medians of wall-clock time, their ratio, the ratio of CPU time
(user + system: steadier than wall time on a shared machine) and each side's peak memory
(maximum resident set, from ``os.wait4``).

- merge: ``merge`` of 5 / 10 community bundles into a new roster; floor: each bundle's JSON
  lines ``executemany``'d into plain tables (no keys, no triggers, one transaction);
- import: ``register import`` of a 25,000 / 50,000-row sign-up xlsx with ``--rejects``; floor:
  calamine read + ``executemany`` into one plain table;
- form: ``export form ledger --team --year``, 10,000 / 20,000 rows; floor: one SQL query for
  the rows, then xlsxwriter (``constant_memory``) writing the same cells as volctl's paper
  (values, formats, row heights, column widths, merged ranges, read back from volctl's file
  before the runs);
- table: ``export table volunteers -o FILE.xlsx``, 50,000 / 100,000 rows; floor: ``SELECT *``
  and xlsxwriter (``constant_memory``);
- target: ``report target --year --format json``, 50,000 / 100,000 volunteers; floor: the
  equivalent SQL, ``json.dump``;
- info: ``info`` on a 200 / 2,000-volunteer roster, and ``--help``; floor:
  ``python -c "import typer, rich"``.

Inputs are built once (with the builders of the other benchmarks, through volctl's own schema
and its ``init`` and ``export bundle`` commands) and cached under ``--work`` (default: a folder
in the system's temporary directory), in a folder named after the schema steps, so a roster
built by an older schema is never migrated inside a measured run; ``--rebuild`` builds them
again. Building the largest rosters (2,000,000 service records) takes a few minutes once.

The Python running this file must be the environment whose volctl is measured (its ``volctl``
script, beside ``sys.executable``). Floors need xlsxwriter (``pip install xlsxwriter``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BUILD_VERSION = 1  # bump when a builder below changes what it builds
YEAR = 2024  # the year of the ledger bench's rosters (ledger_bench.YEARS[-1])
GOAL_HOURS = 48  # report target's default (the target_hours setting)
TEAM_LARGE = "东湖社区志愿者服务分队"  # organises one activity in 20: 20,000 rows in 2024
TEAM_SMALL = "西湖社区志愿者服务分队"  # one in 40: 10,000 rows
COMMUNITY = {"volunteers": 2000, "records": 40_000, "overlap": 40}  # merge_bench's defaults
SIZES = ("small", "large")


# ============================================================================ the floors
#
# Each runs in its own process: ``python floors.py _floor TASK ARGS...``. It prints what it
# did as ``rows=N`` on stderr (stdout is the task's own output where it has one).


def floor_merge(db: str, *bundles: str) -> int:
    """Every part of every bundle, as read from the zip, into plain tables: one transaction,
    no types, no keys, no checks, no triggers."""
    import zipfile

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    made: set[str] = set()
    rows = 0
    for bundle in bundles:
        with zipfile.ZipFile(bundle) as archive:
            json.loads(archive.read("manifest.json"))
            for name in archive.namelist():
                if not name.endswith(".jsonl"):
                    continue
                table = name[: -len(".jsonl")].replace("/", "_")
                with archive.open(name) as lines:
                    columns = json.loads(lines.readline())
                    if table not in made:
                        names = ", ".join(f'"{c}"' for c in columns)
                        conn.execute(f'CREATE TABLE "{table}" ({names})')
                        made.add(table)
                    marks = ", ".join("?" * len(columns))
                    before = conn.total_changes
                    conn.executemany(
                        f'INSERT INTO "{table}" VALUES ({marks})', map(json.loads, lines)
                    )
                    rows += conn.total_changes - before
    conn.execute("COMMIT")
    conn.close()
    return rows


def floor_import(db: str, sheet: str) -> int:
    """The sheet read by calamine, every row below the header into one plain table."""
    from python_calamine import CalamineWorkbook

    for kind in (dt.date, dt.datetime, dt.time):
        sqlite3.register_adapter(kind, kind.isoformat)
    cells = CalamineWorkbook.from_path(sheet).get_sheet_by_index(0).to_python()
    header = next(i for i, row in enumerate(cells) if "序号" in row)
    width = len(cells[header])
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute(f"CREATE TABLE signups ({', '.join(f'c{i}' for i in range(width))})")
    data = []
    for row in cells[header + 1 :]:
        if not any(cell != "" for cell in row):
            break  # the table ends at the first empty row (what follows is 填表人, 审核人)
        data.append((row + [None] * width)[:width])
    conn.executemany(f"INSERT INTO signups VALUES ({', '.join('?' * width)})", data)
    conn.execute("COMMIT")
    conn.close()
    return len(data)


def _team_ids(conn: sqlite3.Connection, team: str) -> list[int]:
    return [
        row[0]
        for row in conn.execute(
            "WITH RECURSIVE t(id) AS (SELECT id FROM teams WHERE name = ?"
            " UNION SELECT c.id FROM teams c JOIN t ON c.parent_id = t.id) SELECT id FROM t",
            (team,),
        )
    ]


FORM_SQL = """
SELECT c.service_date, a.title, r.place, t.name, v.volunteer_no, v.name, r.start_time,
       r.end_time, c.minutes, r.attendance, r.content, r.beneficiaries, r.leader, r.recorder,
       c.record_id, r.notes, c.corrections
FROM service_chains c
JOIN service_records r ON r.id = c.latest_id
JOIN activities a ON a.id = c.activity_id
LEFT JOIN teams t ON t.id = a.team_id
JOIN volunteers v ON v.id = c.volunteer_id
WHERE c.voided = 0 AND c.service_date BETWEEN ? AND ?
  AND a.team_id IN (SELECT value FROM json_each(?))
ORDER BY c.service_date, a.activity_no, v.volunteer_no, c.record_id
"""


def floor_form(roster: str, team: str, year: str, cells: str, out: str) -> int:
    """The ledger's rows in one query, then the cells volctl's paper holds written by
    xlsxwriter in constant memory: each value and format, the rows' heights, the columns'
    widths, the merged ranges (``forms_floor.floor``). What the paper holds was read back from
    volctl's own file before the runs (``forms_floor.cells_of``, not timed), so the floor
    measures no text and lays out nothing: the same cells, no work to find them."""
    from forms_floor import floor

    conn = sqlite3.connect(f"file:{roster}?mode=ro", uri=True)
    ids = json.dumps(_team_ids(conn, team))
    n = sum(1 for _row in conn.execute(FORM_SQL, (f"{year}-01-01", f"{year}-12-31", ids)))
    conn.close()
    floor(Path(cells), Path(out))
    return n


def floor_table(roster: str, out: str) -> int:
    """``SELECT * FROM volunteers`` written by xlsxwriter in constant memory, header first."""
    import xlsxwriter

    conn = sqlite3.connect(f"file:{roster}?mode=ro", uri=True)
    cursor = conn.execute("SELECT * FROM volunteers")
    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False})
    ws = wb.add_worksheet("volunteers")
    ws.write_row(0, 0, [d[0] for d in cursor.description], wb.add_format({"bold": True}))
    ws.freeze_panes(1, 0)
    n = 0
    write_string, write_number = ws.write_string, ws.write_number
    for n, row in enumerate(cursor, start=1):
        for col, value in enumerate(row):
            if isinstance(value, str):
                write_string(n, col, value)
            elif value is not None:
                write_number(n, col, value)
    wb.close()
    conn.close()
    return n


# volctl's reports.common: registered on the day and not inactive then.
REGISTERED = (
    "v.registered_on <= :day AND v.id NOT IN (SELECT s.volunteer_id"
    " FROM volunteer_status_changes s WHERE s.effective_on <= :day AND s.status = 'inactive'"
    " AND NOT EXISTS (SELECT 1 FROM volunteer_status_changes l"
    " WHERE l.volunteer_id = s.volunteer_id AND l.effective_on <= :day"
    " AND (l.effective_on > s.effective_on OR (l.effective_on = s.effective_on AND l.id > s.id))))"
)
TARGET_SQL = f"""
SELECT v.volunteer_no, v.name, v.phone, coalesce(p.services, 0), coalesce(p.minutes, 0),
       (SELECT group_concat(t.name, '、') FROM memberships m JOIN teams t ON t.id = m.team_id
        WHERE m.volunteer_id = v.id AND m.joined_on <= :day
          AND (m.left_on IS NULL OR m.left_on > :day))
FROM volunteers v
LEFT JOIN service_year_totals p ON p.volunteer_id = v.id AND p.year = :year AND p.records > 0
WHERE {REGISTERED} AND coalesce(p.minutes, 0) < :goal
ORDER BY coalesce(p.minutes, 0), v.volunteer_no
"""


def floor_target(roster: str, year: str) -> int:
    """Who is below the target, in one query, dumped as JSON on stdout."""
    conn = sqlite3.connect(f"file:{roster}?mode=ro", uri=True)
    goal = GOAL_HOURS * 60
    params = {"day": f"{year}-12-31", "year": int(year), "goal": goal}
    below = [
        {
            "volunteer_no": number,
            "name": name,
            "phone": phone,
            "team": teams,
            "participations": services,
            "hours": round(minutes / 60, 1),
            "hours_short": round((goal - minutes) / 60, 1),
        }
        for number, name, phone, services, minutes, teams in conn.execute(TARGET_SQL, params)
    ]
    data = {"year": int(year), "below": len(below), "below_target": below}
    sys.stdout.write(json.dumps(data, ensure_ascii=False))  # json.dump would not use C
    conn.close()
    return len(below)


FLOORS: dict[str, Callable[..., int]] = {
    "merge": floor_merge,
    "import": floor_import,
    "form": floor_form,
    "table": floor_table,
    "target": floor_target,
}


def run_floor(argv: Sequence[str]) -> None:
    rows = FLOORS[argv[0]](*argv[1:])
    print(f"rows={rows}", file=sys.stderr)


# ============================================================================ measuring


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mib: float


@dataclass
class Side:
    """One command line, with what to do before each run (a fresh copy of a roster)."""

    argv: list[str]
    prepare: Callable[[], None] = lambda: None
    runs: list[Run] = field(default_factory=list)
    stderr: str = ""

    def median(self, what: str) -> float:
        return statistics.median(getattr(r, what) for r in self.runs)


@dataclass
class Cell:
    task: str
    size: str
    label: str
    volctl: Side
    floor: Side
    check: Callable[[Cell], str | None] | None = None
    notes: list[str] = field(default_factory=list)


def environment() -> dict[str, str]:
    # As installed, as a clerk runs it: bytecode cached, output buffered.
    unset = ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "VOLCTL_DB")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(VOLCTL_LANG="en", VOLCTL_OPERATOR="bench", COLUMNS="80")
    return env


# A child's maximum resident set as the kernel counts it starts at its parent's (Linux keeps
# the forked copy's high-water mark across exec), so a small command run from this process
# would show this process's memory. GNU time, a small process, runs the command and reports its
# own child's peak; the CPU time comes from os.wait4 (it includes what time waited for).
TIME = Path("/usr/bin/time")


def measure(side: Side, work: Path, record: bool = True) -> Run:
    """Run ``side`` once in a fresh process; its wall time, CPU time and peak memory."""
    side.prepare()
    out, err, peak = work / "stdout.txt", work / "stderr.txt", work / "peak.txt"
    argv = side.argv
    if TIME.exists():
        argv = [str(TIME), "-q", "-o", str(peak), "-f", "%M", *argv]
    with out.open("wb") as stdout, err.open("wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=stdout, stderr=stderr, env=environment())
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    side.stderr = err.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0:
        sys.exit(
            f"failed ({process.returncode}): {' '.join(side.argv)}\n{side.stderr[-3000:]}\n"
            "(inputs built by another volctl? try --rebuild)"
        )
    kib = usage.ru_maxrss
    if TIME.exists():
        kib = int(peak.read_text().split()[-1])
    run = Run(elapsed, usage.ru_utime + usage.ru_stime, kib / 1024)
    if record:
        side.runs.append(run)
    return run


QUICK, QUICK_TIMES = 1.0, 5  # a command under a second: five times as many runs


def run_cell(cell: Cell, work: Path, repeat: int, warmup: int) -> None:
    print(f"  {cell.task} {cell.size}: {cell.label} …", end="", file=sys.stderr, flush=True)
    quick = True
    for _ in range(max(warmup, 1)):
        quick &= measure(cell.volctl, work, record=False).seconds < QUICK
        measure(cell.floor, work, record=False)
    if quick:
        repeat *= QUICK_TIMES
    if cell.check is not None:
        note = cell.check(cell)
        if note:
            cell.notes.append(note)
    for i in range(repeat):
        order = (cell.volctl, cell.floor) if i % 2 == 0 else (cell.floor, cell.volctl)
        for side in order:
            measure(side, work)
    print(
        f" {cell.volctl.median('seconds'):.3f} s / {cell.floor.median('seconds'):.3f} s",
        file=sys.stderr,
    )


def floor_rows(side: Side) -> int | None:
    for line in reversed(side.stderr.splitlines()):
        if line.startswith("rows="):
            return int(line[5:])
    return None


def seconds(value: float) -> str:
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def markdown(cells: Iterable[Cell]) -> str:
    lines = [
        "| task | size | volctl | floor | ratio | CPU ratio | peak MiB volctl / floor |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in cells:
        v, f = c.volctl, c.floor
        ratio = v.median("seconds") / f.median("seconds")
        cpu = v.median("cpu") / f.median("cpu")
        lines.append(
            f"| {c.task} | {c.label} | {seconds(v.median('seconds'))}"
            f" | {seconds(f.median('seconds'))} | **{ratio:.2f}×** | {cpu:.2f}×"
            f" | {max(r.peak_mib for r in v.runs):.0f} / {max(r.peak_mib for r in f.runs):.0f} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()};"
        f" Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def volctl_version() -> str:
    """The volctl measured: its version, where it is installed from, its commit if known."""
    import volctl

    where = Path(volctl.__file__).resolve().parent.parent
    try:
        done = subprocess.run(
            ["git", "-C", str(where), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
        )
        commit = done.stdout.strip() if done.returncode == 0 else ""
    except OSError:
        commit = ""
    return f"volctl {volctl.__version__} from {where}" + (f" at {commit}" if commit else "")


# ============================================================================ the inputs


class Inputs:
    """Builds what the tasks read, once, under ``work``; every builder is idempotent."""

    def __init__(self, work: Path, volctl: list[str], rebuild: bool) -> None:
        from volctl.schema import STEPS

        key = hashlib.sha256(json.dumps([BUILD_VERSION, list(STEPS)]).encode()).hexdigest()[:10]
        self.root = work / f"inputs-{key}"
        if rebuild and self.root.exists():
            shutil.rmtree(self.root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.volctl = volctl

    def cli(self, *args: str) -> None:
        done = subprocess.run([*self.volctl, *args], capture_output=True, env=environment())
        if done.returncode != 0:
            sys.exit(f"volctl {' '.join(args)} failed:\n{done.stderr.decode(errors='replace')}")

    def _built(self, path: Path, build: Callable[[Path], None]) -> Path:
        """``path``, built by ``build(tmp)`` under a temporary name first if missing."""
        if path.exists():
            return path
        tmp = path.with_name(f"building-{path.name}")
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        print(f"  building {path.name} …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        with contextlib.redirect_stdout(sys.stderr):  # the builders' progress
            build(tmp)
        tmp.rename(path)
        print(f"  built {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        return path

    def empty_roster(self, name: str, org: str) -> Path:
        return self._built(
            self.root / name, lambda tmp: self.cli("--db", str(tmp), "init", "--org", org)
        )

    def trusting_roster(self, name: str, org: str, count: int) -> Path:
        """An empty roster that trusts the signing keys of the first ``count`` communities
        (their bundles are signed; a merge refuses a bundle signed by a key it does not
        trust)."""
        for i in range(count):
            self.bundle(i)  # built (and so given their keys) before they are trusted

        def build(tmp: Path) -> None:
            from merge_bench import trust

            self.cli("--db", str(tmp), "init", "--org", org)
            rosters = [
                self.root / f"community-{i:02d}-{COMMUNITY['volunteers']}.db" for i in range(count)
            ]
            trust(tmp, rosters, self.volctl, environment())
            _checkpoint(tmp)

        return self._built(self.root / name, build)

    def community(
        self, index: int, volunteers: int, records: int, overlap: int, name: str = ""
    ) -> Path:
        from merge_bench import build

        name = name or f"community-{index:02d}-{volunteers}.db"
        return self._built(
            self.root / name,
            lambda tmp: (build(tmp, index, volunteers, records, overlap), _checkpoint(tmp)),
        )

    def bundle(self, index: int) -> Path:
        roster = self.community(index, **COMMUNITY)
        return self._built(
            self.root / f"bundle-{index:02d}.zip",
            lambda tmp: self.cli("--db", str(roster), "export", "bundle", "-o", str(tmp)),
        )

    def signup(self, rows: int) -> Path:
        def build(tmp: Path) -> None:
            from import_bench import people, write_xlsx

            write_xlsx(people(rows), tmp)

        return self._built(self.root / f"signup-{rows}.xlsx", build)

    def people(self, volunteers: int) -> Path:
        """The ledger bench's roster (20 records a volunteer over 2020-2024, amendments, voids)
        with the report bench's teams and history; the largest also has two 分队 organising one
        activity in 20 and one in 40, for the ledger form."""

        def build(tmp: Path) -> None:
            from ledger_bench import generate
            from report_bench import structure

            from volctl.db import open_roster

            conn = open_roster(tmp, create=True)
            generate(conn, volunteers, volunteers * 20)
            structure(conn)
            _form_teams(conn)
            conn.close()
            _checkpoint(tmp)

        return self._built(self.root / f"people-{volunteers}.db", build)


def _form_teams(conn: sqlite3.Connection) -> None:
    from volctl import audit

    now = audit.now_iso()
    conn.execute("BEGIN")
    for name, every, remainder in ((TEAM_LARGE, 20, 0), (TEAM_SMALL, 40, 10)):
        team = conn.execute(
            "INSERT INTO teams (name, level, parent_id, created_at, updated_at)"
            " VALUES (?, '分队', 2, ?, ?)",
            (name, now, now),
        ).lastrowid
        conn.execute("UPDATE activities SET team_id = ? WHERE id % ? = ?", (team, every, remainder))
    conn.execute("COMMIT")


def _checkpoint(path: Path) -> None:
    """Fold the -wal file into the roster, so a copy of the file alone is the whole roster."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def fresh_copy(source: Path, dest: Path) -> Callable[[], None]:
    def prepare() -> None:
        for leftover in (dest, Path(f"{dest}-wal"), Path(f"{dest}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(source, dest)

    return prepare


def removing(*paths: Path) -> Callable[[], None]:
    def prepare() -> None:
        for path in paths:
            path.unlink(missing_ok=True)

    return prepare


def read_back(paper: Path, cells: Path) -> None:
    """What a written paper holds, for the form floor (``forms_floor.cells_of``), in a
    process of its own: this one stays small."""
    script = HERE / "forms_floor.py"
    subprocess.run([sys.executable, str(script), "--cells", str(paper), str(cells)], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def xlsx_rows(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    return len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())


# ============================================================================ the tasks


class Tasks:
    def __init__(self, inputs: Inputs, runs: Path, volctl: list[str]) -> None:
        self.inputs = inputs
        self.runs = runs
        self.volctl = volctl
        self.floor = [sys.executable, str(Path(__file__).resolve()), "_floor"]

    def v(self, *args: str) -> list[str]:
        return [*self.volctl, *args]

    def merge(self, size: str) -> list[Cell]:
        count = 5 if size == "small" else 10
        bundles = [str(self.inputs.bundle(i)) for i in range(count)]
        empty = self.inputs.trusting_roster(f"city-trusting-{count}.db", "平湖市", count)
        city, plain = self.runs / "city.db", self.runs / "merge-floor.db"
        rows = count * _community_rows()

        def check(cell: Cell) -> str | None:
            data = floor_rows(cell.floor) or 0
            cell.label = f"{count} community bundles ({data:,} rows)"
            return _same_rows(rows)(cell)

        return [
            Cell(
                "merge",
                size,
                f"{count} community bundles",
                Side(self.v("--db", str(city), "merge", *bundles, "--format", "json"),
                     fresh_copy(empty, city)),
                Side([*self.floor, "merge", str(plain), *bundles], removing(plain)),
                check=check,
            )
        ]  # fmt: skip

    def import_(self, size: str) -> list[Cell]:
        rows = 25_000 if size == "small" else 50_000
        sheet = self.inputs.signup(rows)
        empty = self.inputs.empty_roster("community-empty.db", "当湖街道东湖社区")
        roster, plain = self.runs / "import.db", self.runs / "import-floor.db"
        rejects = self.runs / "rejects.xlsx"

        def prepare() -> None:
            fresh_copy(empty, roster)()
            rejects.unlink(missing_ok=True)

        argv = ["register", "import", str(sheet), "--rejects", str(rejects), "--format", "json"]
        return [
            Cell(
                "import",
                size,
                f"{rows:,}-row sign-up xlsx",
                Side(self.v("--db", str(roster), *argv), prepare),
                Side([*self.floor, "import", str(plain), str(sheet)], removing(plain)),
                check=_same_rows(rows),
            )
        ]

    def form(self, size: str) -> list[Cell]:
        team = TEAM_SMALL if size == "small" else TEAM_LARGE
        roster = self.inputs.people(100_000)
        out, plain = self.runs / "ledger.xlsx", self.runs / "ledger-floor.xlsx"

        def check(cell: Cell) -> str | None:
            data = floor_rows(cell.floor) or 0
            cell.label = f"ledger form, a team's year ({data:,} rows)"
            sheet = xlsx_rows(out)
            if sheet < data:
                return f"volctl's ledger has {sheet:,} sheet rows, the floor {data:,} records"
            return None

        argv = ["export", "form", "ledger", "--team", team, "--year", str(YEAR), "-o", str(out)]
        cells = self.runs / f"ledger-{size}.cells"
        cells.unlink(missing_ok=True)

        def prepare_floor() -> None:
            # After volctl's first (warm-up) run: what its paper holds, read back once.
            if not cells.exists():
                read_back(out, cells)
            plain.unlink(missing_ok=True)

        floor_argv = [*self.floor, "form", str(roster), team, str(YEAR), str(cells), str(plain)]
        return [
            Cell(
                "form",
                size,
                "ledger form, a team's year",
                Side(self.v("--db", str(roster), *argv), removing(out)),
                Side(floor_argv, prepare_floor),
                check=check,
            )
        ]

    def table(self, size: str) -> list[Cell]:
        people = 50_000 if size == "small" else 100_000
        roster = self.inputs.people(people)
        out, plain = self.runs / "volunteers.xlsx", self.runs / "volunteers-floor.xlsx"

        def check(cell: Cell) -> str | None:
            sheet, data = xlsx_rows(out), floor_rows(cell.floor)
            if data is not None and sheet != data + 1:
                return f"volctl's sheet has {sheet:,} rows, the floor wrote {data + 1:,}"
            return None

        return [
            Cell(
                "table",
                size,
                f"`export table volunteers` xlsx, {people:,} rows",
                Side(self.v("--db", str(roster), "export", "table", "volunteers", "-o", str(out)),
                     removing(out)),
                Side([*self.floor, "table", str(roster), str(plain)], removing(plain)),
                check=check,
            )
        ]  # fmt: skip

    def target(self, size: str) -> list[Cell]:
        people = 50_000 if size == "small" else 100_000
        roster = self.inputs.people(people)
        stdout = self.runs / "stdout.txt"

        def check(cell: Cell) -> str | None:
            measure(cell.volctl, self.runs, record=False)
            try:
                listed = len(json.loads(stdout.read_text(encoding="utf-8"))["below_target"])
            except (ValueError, KeyError, TypeError):
                return "volctl's JSON has no below_target list"
            data = floor_rows(cell.floor)
            if listed != data:
                return f"volctl lists {listed:,} people below the target, the floor {data}"
            return None

        argv = ["report", "target", "--year", str(YEAR), "--format", "json"]
        return [
            Cell(
                "target",
                size,
                f"`report target` {people:,} volunteers",
                Side(self.v("--db", str(roster), *argv)),
                Side([*self.floor, "target", str(roster), str(YEAR)]),
                check=check,
            )
        ]

    def info(self, size: str) -> list[Cell]:
        volunteers = 200 if size == "small" else 2000
        # A short name: a path too long for the 80 columns wraps, and info prints it.
        roster = self.inputs.community(0, volunteers, volunteers * 20, 0, f"info-{volunteers}.db")
        bare = [sys.executable, "-c", "import typer, rich"]
        cells = [
            Cell(
                "info",
                size,
                f"`info` on a {volunteers:,}-volunteer roster",
                Side(self.v("--db", str(roster), "info")),
                Side(bare),
            )
        ]
        if size == "small":
            cells.append(Cell("info", size, "`--help`", Side(self.v("--help")), Side(bare)))
        return cells


def _community_rows() -> int:
    """Rows in one merge_bench community's bundle (the issue's 48,670)."""
    v, r = COMMUNITY["volunteers"], COMMUNITY["records"]
    activities = max(20 * 50, r // 40)
    amends, voids = r // 50, len([i for i in range(1, r + 1) if i % 200 == 7])
    return v + 3 + v + activities + r + amends + voids + 1 + v // 3 + v


def _same_rows(expected: int) -> Callable[[Cell], str | None]:
    def check(cell: Cell) -> str | None:
        rows = floor_rows(cell.floor)
        if rows is not None and rows != expected:
            return f"the floor wrote {rows:,} rows, {expected:,} expected"
        return None

    return check


TASKS = ("merge", "import", "form", "table", "target", "info")


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_floor"]:
        run_floor(argv[1:])
        return
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--task", action="append", choices=TASKS, help="repeatable; default all")
    parser.add_argument("--size", action="append", choices=SIZES, help="repeatable; default both")
    parser.add_argument("--repeat", type=int, default=5, help="measured runs of each side")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs of each side (≥1)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "volctl-floors")
    parser.add_argument("--rebuild", action="store_true", help="build the cached inputs again")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    args = parser.parse_args(argv)

    script = Path(sys.executable).with_name("volctl")
    volctl = [str(script)] if script.exists() else [sys.executable, "-m", "volctl"]
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        sys.exit("the floors need xlsxwriter: pip install xlsxwriter")
    work: Path = args.work
    runs = work / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    inputs = Inputs(work, volctl, args.rebuild)
    tasks = Tasks(inputs, runs, volctl)
    builders = {
        "merge": tasks.merge,
        "import": tasks.import_,
        "form": tasks.form,
        "table": tasks.table,
        "target": tasks.target,
        "info": tasks.info,
    }
    started = dt.datetime.now().astimezone()
    before = load()
    cells: list[Cell] = []
    for task in args.task or TASKS:
        for size in args.size or SIZES:
            for cell in builders[task](size):
                run_cell(cell, runs, args.repeat, args.warmup)
                cells.append(cell)
    after = load()
    report = [
        f"volctl against the floor, {started:%Y-%m-%d %H:%M %z}: medians of {args.repeat}"
        f" alternated runs ({args.repeat * QUICK_TIMES} for a command under {QUICK:.0f} s),"
        f" after {max(args.warmup, 1)} warm-up, of each side, each a fresh process.",
        "",
        f"- machine: {machine()}",
        f"- load average (1, 5, 15 min) before: {before}; after: {after}",
        f"- {volctl_version()}",
        "",
        markdown(cells),
    ]
    notes = [f"- {c.task} {c.size}: {note}" for c in cells for note in c.notes]
    if notes:
        report += ["", "Checks:", *notes]
    text = "\n".join(report)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""``volctl merge`` against its floor, at two sizes (run by hand, prints a table).

    python benchmarks/merge_floor.py [--sizes 5,10] [--volunteers 2000] [--records 40000]
                                     [--runs 3] [--before DIR] [--dir DIR] [--keep]

The floor is the least any merge must do with the same rows: read every bundle (zip, JSON
lines) and ``executemany`` its rows into plain tables (no constraint, index, trigger or check),
in one transaction. The communities are built as ``merge_bench.py`` builds them (2 % of each
community's people also in the next one) and exported with ``volctl export bundle``.

Each run is a fresh process (its own peak memory and CPU time, from ``wait4``), volctl and
the floor alternated so a busy machine slows both alike (the CPU time, user and system, is
disturbed less than the wall clock: both ratios are printed); ``--before DIR`` (a checkout of
another volctl, e.g. ``git archive <commit> | tar -x -C DIR``) is alternated with them too, for
a before/after table from one run. Medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
VOLCTL = (sys.executable, "-m", "volctl")


def floor(dest: Path, bundles: list[Path]) -> None:
    """The floor itself (run in its own process by ``measure``)."""
    import sqlite3

    conn = sqlite3.connect(dest, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    made: set[str] = set()
    decode = json.JSONDecoder().decode
    for path in bundles:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            for entry in manifest["files"]:
                name = entry["name"].removesuffix(".jsonl")
                with archive.open(entry["name"]) as stream:
                    lines = iter(stream)
                    header = decode(next(lines).decode())
                    if name not in made:
                        conn.execute(f"CREATE TABLE {name} ({', '.join(header)})")
                        made.add(name)
                    marks = ", ".join("?" for _ in header)
                    conn.executemany(
                        f"INSERT INTO {name} VALUES ({marks})",
                        (decode(line.decode()) for line in lines),
                    )
    conn.execute("COMMIT")
    conn.close()


def measure(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Run one process; (seconds, its own peak resident MiB, its CPU seconds: user + system,
    which a machine shared with other work disturbs less than the wall clock)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tempfile.gettempdir(),  # not the source folder: PYTHONPATH picks the volctl
        env={**os.environ, "VOLCTL_LANG": "en", **(env or {})},
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        assert process.stderr is not None
        raise SystemExit(f"{' '.join(argv)} failed:\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def fresh_city(city: Path, rosters: list[Path], env: dict[str, str] | None) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{city}{suffix}").unlink(missing_ok=True)
    measure(
        [*VOLCTL, "--db", str(city), "init", "--org", "平湖市", "--region", "330482"],
        env,
    )
    from merge_bench import trust

    trust(city, rosters, VOLCTL, env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5,10", help="communities per merge, e.g. 5,10")
    parser.add_argument("--volunteers", type=int, default=2000)
    parser.add_argument("--records", type=int, default=40_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another volctl's source folder, alternated")
    parser.add_argument("--dir", type=Path, help="work here (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the files")
    parser.add_argument("--floor", nargs="+", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:  # the floor's own process: DEST BUNDLE…
        floor(args.floor[0], args.floor[1:])
        return

    sys.path.insert(0, str(HERE))
    from merge_bench import build, finish, merge_args

    sizes = [int(s) for s in args.sizes.split(",")]
    folder = (args.dir or Path(tempfile.mkdtemp(prefix="volctl-merge-floor-"))).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    overlap = int(args.volunteers * 0.02)
    bundles = []
    print(f"building {max(sizes)} communities in {folder} …", flush=True)
    for i in range(max(sizes)):
        roster, bundle = folder / f"c{i:03d}.db", folder / f"c{i:03d}.zip"
        if not bundle.exists():
            roster.unlink(missing_ok=True)
            build(roster, i, args.volunteers, args.records, overlap)
            measure([*VOLCTL, "--db", str(roster), "export", "bundle", "-o", str(bundle)])
        bundles.append(bundle)

    contenders: dict[str, dict[str, str] | None] = {"volctl": None}
    if args.before:
        contenders["before"] = {"PYTHONPATH": str(args.before.resolve())}
    table = []
    for size in sizes:
        chosen = bundles[:size]
        rows = sum(
            sum(f["rows"] for f in json.loads(zipfile.ZipFile(b).read("manifest.json"))["files"])
            for b in chosen
        )
        times: dict[str, list[tuple[float, float, float]]] = {"floor": []}
        for name in contenders:
            times[name] = []
        for run in range(args.runs):
            out = folder / "floor.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{out}{suffix}").unlink(missing_ok=True)
            times["floor"].append(
                measure(
                    [sys.executable, str(HERE / "merge_floor.py"), "--floor", str(out)]
                    + [str(b) for b in chosen]
                )
            )
            for name, env in contenders.items():
                city = folder / f"city-{name}.db"
                fresh_city(city, [folder / f"c{i:03d}.db" for i in range(size)], env)
                times[name].append(measure([*VOLCTL, *merge_args(city, chosen)], env))
            print(
                f"  {size} bundles, run {run + 1}: "
                + ", ".join(
                    f"{k} {v[-1][0]:.2f} s ({v[-1][2]:.2f} s CPU)" for k, v in times.items()
                ),
                flush=True,
            )
        medians = {k: statistics.median(t for t, _, _ in v) for k, v in times.items()}
        cpus = {k: statistics.median(c for _, _, c in v) for k, v in times.items()}
        peaks = {k: max(m for _, m, _ in v) for k, v in times.items()}
        table.append((size, rows, medians, cpus, peaks))

    print()
    header = f"{'bundles':>7} {'rows':>9} {'floor s':>8} {'cpu s':>6} {'MiB':>5}"
    for name in contenders:
        header += f" {name + ' s':>10} {'ratio':>6} {'cpu s':>6} {'ratio':>6} {'MiB':>5}"
    print(header)
    for size, rows, medians, cpus, peaks in table:
        line = f"{size:>7} {rows:>9,} {medians['floor']:>8.2f} {cpus['floor']:>6.2f}"
        line += f" {peaks['floor']:>5.0f}"
        for name in contenders:
            line += f" {medians[name]:>10.2f} {medians[name] / medians['floor']:>5.2f}x"
            line += f" {cpus[name]:>6.2f} {cpus[name] / cpus['floor']:>5.2f}x {peaks[name]:>5.0f}"
        print(line)
    finish(folder, keep=args.dir is not None or args.keep)


if __name__ == "__main__":
    main()

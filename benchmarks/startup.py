"""Start-up time: short commands against `python -c "import typer, rich"` (run by hand).

    python benchmarks/startup.py [--runs 30] [--db ROSTER]

Times, each in a fresh process and alternating with the bare import, ``volctl --help`` (in
English and Chinese), ``volctl register --help``, ``--version``, and on a small roster (a new one
with a few volunteers, or ``--db``) ``info``, ``settings`` and ``register list``. Prints the
median and best wall-clock time, the median CPU time (user + system, steadier on a shared
machine) and the ratio of each median to the bare import's. Issue 19's goals: ``--help``
within 1.1x, ``info`` and other short commands within 1.3x.

With ``--instructions`` it counts, instead, the instructions each run executes (valgrind's
callgrind, if installed; ~50x slower): a measure that other work on a shared machine does not
disturb, though it weighs pure computation (compiling, regular expressions) above reading files.

To see where the time goes: ``python -X importtime -m volctl info 2>&1 | sort -t'|' -k2 -n``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = 'python -c "import typer, rich"'


def environment(db: Path) -> dict[str, str]:
    # As installed: bytecode cached (pip compiles at install; this sandbox sets
    # PYTHONDONTWRITEBYTECODE, which would make every run compile volctl and its catalogues).
    unset = ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(VOLCTL_LANG="en", VOLCTL_DB=str(db), COLUMNS="100")
    return env


def once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def instructions(argv: list[str], env: dict[str, str]) -> float:
    """Instructions executed by one run, from valgrind's callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        capture_output=True,
        text=True,
        env={**env, "PYTHONHASHSEED": "0"},
        check=True,
    )
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return float(line.split(":")[-1])
    sys.exit(f"no instruction count from valgrind:\n{done.stderr[-2000:]}")


def small_roster(folder: Path, volctl: str) -> Path:
    db = folder / "roster.db"
    env = environment(db)
    subprocess.run([volctl, "init", "--org", "当湖街道东湖社区"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    from import_bench import check_char

    people = (
        ("王芳", "33048219800101122", "13812340001"),
        ("李强", "33048219750505221", "13812340002"),
        ("张敏", "33048219900303142", "13812340003"),
    )
    for name, base, phone in people:
        number = base + check_char(base)
        subprocess.run(
            [volctl, "register", "add", "--name", name, "--id-number", number, "--phone", phone],
            env=env,
            check=True,
            capture_output=True,
        )
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", type=Path, help="a roster to run info and settings on")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions (valgrind) instead"
    )
    args = parser.parse_args()
    if args.instructions and not shutil.which("valgrind"):
        sys.exit("--instructions needs valgrind")
    script = Path(sys.executable).with_name("volctl")
    volctl = str(script) if script.exists() else shutil.which("volctl")
    if not volctl:
        sys.exit("volctl is not installed in this environment")
    folder = Path(tempfile.mkdtemp(prefix="volctl-startup-"))
    try:
        db = args.db or small_roster(folder, volctl)
        env = environment(db)
        cases = {
            BARE: [sys.executable, "-c", "import typer, rich"],
            "volctl --help": [volctl, "--help"],
            "volctl --lang zh --help": [volctl, "--lang", "zh", "--help"],
            "volctl register --help": [volctl, "register", "--help"],
            "volctl --version": [volctl, "--version"],
            "volctl info": [volctl, "info"],
            "volctl --lang zh info": [volctl, "--lang", "zh", "info"],
            "volctl settings": [volctl, "settings"],
            "volctl register list": [volctl, "register", "list"],
        }
        for argv in cases.values():
            once(argv, env)  # warm up: bytecode caches, page cache
        if args.instructions:
            counts = {name: instructions(argv, env) for name, argv in cases.items()}
            print(f"{'case':30} {'instructions':>14} {'ratio':>6}")
            for name, count in counts.items():
                print(f"{name:30} {count / 1e6:12.1f} M {count / counts[BARE]:6.2f}")
            return
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, argv in cases.items():  # round after round: load hits every case alike
                results[name].append(once(argv, env))
    finally:
        shutil.rmtree(folder)
    base_wall = statistics.median(w for w, _ in results[BARE])
    base_cpu = statistics.median(c for _, c in results[BARE])
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if os.name != "nt" else "?"
    print(f"{args.runs} runs of each, alternating; load average {load}")
    print(f"{'case':30} {'median ms':>10} {'best ms':>8} {'CPU ms':>7} {'ratio':>6} {'CPU':>6}")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        best = min(w for w, _ in runs)
        print(
            f"{name:30} {wall * 1000:10.1f} {best * 1000:8.1f} {cpu * 1000:7.1f}"
            f" {wall / base_wall:6.2f} {cpu / base_cpu:6.2f}"
        )


if __name__ == "__main__":
    main()

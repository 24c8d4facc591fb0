"""Start-up time: `volctl --help` against `python -c "import typer, rich"` (run by hand).

    python benchmarks/startup.py [--runs 30]

Prints a table of median and best wall-clock times and the ratio the foundation issue
asks for (volctl --help within 1.5x of importing typer and rich).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time


def measure(argv: list[str], runs: int) -> list[float]:
    times = []
    # As installed: bytecode cached (pip compiles at install; this sandbox sets
    # PYTHONDONTWRITEBYTECODE, which would make every run compile volctl and its catalogues).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["VOLCTL_LANG"] = "en"
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    volctl = shutil.which("volctl") or sys.exit("volctl is not installed in this environment")
    cases = {
        'python -c "import typer, rich"': [sys.executable, "-c", "import typer, rich"],
        "volctl --help": [volctl, "--help"],
        "volctl register --help": [volctl, "register", "--help"],
        "volctl --lang zh --help": [volctl, "--lang", "zh", "--help"],
    }
    for argv in cases.values():
        measure(argv, 2)  # warm up: write the bytecode caches
    results = {name: measure(argv, args.runs) for name, argv in cases.items()}
    base = statistics.median(results['python -c "import typer, rich"'])
    print(f"{'case':32} {'median ms':>10} {'best ms':>9} {'ratio':>7}")
    for name, times in results.items():
        median = statistics.median(times)
        print(f"{name:32} {median * 1000:10.1f} {min(times) * 1000:9.1f} {median / base:7.2f}")


if __name__ == "__main__":
    main()

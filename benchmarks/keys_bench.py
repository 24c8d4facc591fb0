"""Signed and encrypted bundles against plain ones: what the keys cost export and merge (run by
hand, prints a table).

    python benchmarks/keys_bench.py --baseline DIR [--communities 8] [--volunteers 2000]
                                    [--records 40000] [--rounds 3] [--dir DIR]

``--baseline`` is a copy of volctl from before bundles were signed and encrypted (``mkdir
/tmp/volctl-before && git archive <commit> | tar -x -C /tmp/volctl-before``). The
communities of ``merge_bench.py`` are built once with the baseline's schema; each side gets
its own copies (this volctl upgrades its copies first, outside the timings). Then,
alternating the two sides in every round so that a busy machine slows both alike:

- ``volctl export bundle`` of every community: the baseline's plain zip, against this
  volctl's bundle signed by the community and encrypted ``--to`` the city;
- ``volctl merge`` of every community's bundle into a fresh city roster: the baseline's plain
  bundles, against this volctl decrypting with the city's key and checking each signature.

Each volctl runs as a clerk runs it (a separate process); the table gives the medians over
the rounds and their ratio.
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

HERE = Path(__file__).resolve().parent


def run(tree: Path | None, *args: str) -> float:
    """``volctl ARGS`` from ``tree`` (None: this checkout); returns the seconds it took."""
    env = {**os.environ, "VOLCTL_LANG": "en"}
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "volctl", *args], capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"volctl {' '.join(args)} failed:\n{done.stderr}")
    return seconds


def build_with(tree: Path, path: Path, index: int, volunteers: int, records: int, overlap: int):
    """A community roster built by the baseline's own code (its schema)."""
    code = (
        "import sys; from pathlib import Path;"
        f"sys.path.insert(0, {str(tree / 'benchmarks')!r});"
        "from merge_bench import build;"
        f"build(Path({str(path)!r}), {index}, {volunteers}, {records}, {overlap})"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(tree)}
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--communities", type=int, default=8)
    parser.add_argument("--volunteers", type=int, default=2000)
    parser.add_argument("--records", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    base_tree = args.baseline.resolve()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="volctl-keys-bench-"))
    before, after = folder / "before", folder / "after"
    for side in (before, after):
        side.mkdir(parents=True, exist_ok=True)
    overlap = int(args.volunteers * 0.02)
    n = args.communities

    print(f"building {n} communities in {folder} …", flush=True)
    for i in range(n):
        build_with(base_tree, before / f"c{i:03d}.db", i, args.volunteers, args.records, overlap)
        shutil.copy(before / f"c{i:03d}.db", after / f"c{i:03d}.db")
    # This volctl's side: its schema, its keys, the city trusting every community and each
    # community trusting the city (all outside the timings).
    city_template = after / "city-template.db"
    run(None, "--db", str(city_template), "init", "--org", "平湖市", "--region", "330482")
    run(None, "--db", str(city_template), "keys", "init")
    city_key = after / "city.key"
    city_key.write_text(
        subprocess.run(
            [sys.executable, "-m", "volctl", "--db", str(city_template), "keys", "show"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    for i in range(n):
        roster = after / f"c{i:03d}.db"
        run(None, "--db", str(roster), "keys", "init")  # upgrades the roster too
        for leftover in after.glob(f"c{i:03d}.db.v*.bak"):
            leftover.unlink()  # the backup taken before the upgrade
        run(None, "--db", str(roster), "keys", "trust", "平湖市", str(city_key))
        shown = subprocess.run(
            [sys.executable, "-m", "volctl", "--db", str(roster), "keys", "show"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        run(None, "--db", str(city_template), "keys", "trust", f"第{i + 1:02d}社区", shown)

    exports: dict[str, list[float]] = {"before": [], "after": []}
    merges: dict[str, list[float]] = {"before": [], "after": []}
    for r in range(args.rounds):
        order = ("before", "after") if r % 2 == 0 else ("after", "before")
        totals = {"before": 0.0, "after": 0.0}
        for i in range(n):
            for side in order:
                if side == "before":
                    totals[side] += run(
                        base_tree,
                        "--db",
                        str(before / f"c{i:03d}.db"),
                        "export",
                        "bundle",
                        "-o",
                        str(before / f"c{i:03d}-{r}.zip"),
                    )
                else:
                    totals[side] += run(
                        None,
                        "--db",
                        str(after / f"c{i:03d}.db"),
                        "export",
                        "bundle",
                        "--to",
                        "平湖市",
                        "-o",
                        str(after / f"c{i:03d}-{r}.zip.age"),
                    )
        for side in order:
            exports[side].append(totals[side])
        for side in order:
            if side == "before":
                city = before / f"city-{r}.db"
                run(base_tree, "--db", str(city), "init", "--org", "平湖市", "--region", "330482")
                bundles = [str(before / f"c{i:03d}-{r}.zip") for i in range(n)]
                tree = base_tree
            else:
                city = after / f"city-{r}.db"
                shutil.copy(city_template, city)
                shutil.copytree(
                    city_template.with_name(city_template.name + ".keys"),
                    city.with_name(city.name + ".keys"),
                )
                bundles = [str(after / f"c{i:03d}-{r}.zip.age") for i in range(n)]
                tree = None
            merges[side].append(
                run(
                    tree,
                    "--db",
                    str(city),
                    "merge",
                    *bundles,
                    "--parent",
                    "平湖市社区志愿者服务大队",
                    "--parent-level",
                    "大队",
                )
            )
        print(
            f"  round {r + 1}: export {exports['before'][-1]:.1f} s / {exports['after'][-1]:.1f} s,"
            f" merge {merges['before'][-1]:.1f} s / {merges['after'][-1]:.1f} s",
            flush=True,
        )

    print()
    print(
        f"{n} communities × {args.volunteers} volunteers × {args.records} records,"
        f" {args.rounds} rounds, medians"
    )
    print(f"{'case':58} {'before':>9} {'after':>9} {'ratio':>6}")
    for label, data in (
        (f"export bundle, all {n} (after: signed, encrypted --to)", exports),
        (f"merge of {n} bundles (after: decrypted, verified)", merges),
    ):
        b, a = statistics.median(data["before"]), statistics.median(data["after"])
        print(f"{label:58} {b:8.2f}s {a:8.2f}s {a / b:6.3f}")
    size_b = sum((before / f"c{i:03d}-0.zip").stat().st_size for i in range(n))
    size_a = sum((after / f"c{i:03d}-0.zip.age").stat().st_size for i in range(n))
    print(f"{'bundle bytes, all':58} {size_b:9,} {size_a:9,} {size_a / size_b:6.3f}")
    if args.dir is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()

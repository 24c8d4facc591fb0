"""Mutated bundles: one value of one row of each part changed (its type, its range, to null, its
length), the bundle's hashes recomputed so only the roster's rules stand in the way. Every
mutated bundle is either merged with every invariant holding (``check`` finds no error, and
every command reading the roster works) or refused whole, by name, with the roster
byte-for-byte unchanged.

The mutations are drawn with a fixed seed (the same cases every run, spread over the parts),
four kinds for each part; the roster merged into already holds another community sharing
people with the mutated one, which sends its beneficiaries' details too.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers_merge import build, export, street
from tests.helpers_tamper import forge, parts, set_value
from volctl import keys
from volctl.merge import content

KINDS = ("type", "range", "null", "length")
SEED = 20261207
DATE_COLUMNS = {
    "birth_date",
    "registered_on",
    "guardian_consent_on",
    "effective_on",
    "founded_on",
    "dissolved_on",
    "joined_on",
    "left_on",
    "date",
    "service_date",
    "start_on",
    "end_on",
    "awarded_on",
    "started_on",
    "ended_on",
}


def mutation(kind: str, column: str, value: Any, rng: random.Random) -> Any:
    """A value of ``kind`` for a column that held ``value``."""
    if kind == "null":
        return None
    if kind == "type":
        if isinstance(value, str):
            return rng.choice([{}, [], 12345, 1.5, True])
        return rng.choice([{}, [], "12", 1.5, True])
    if kind == "length":
        return rng.choice(["x" * 300_000, "长" * 201, "y" * 51, ""])
    if column in DATE_COLUMNS:
        return rng.choice(["2025-02-30", "2099-01-01", "1899-12-31", "20250315", "2025-13-01"])
    if isinstance(value, bool) or not isinstance(value, int | float):
        return rng.choice(["bogus", "+8613800000000", "09:99", "[1, 2]", "2025-03-15"])
    return rng.choice([-1, 0, 1441, 10**12, 2**70, 4242])


def cases() -> list[tuple[str, str, str, float]]:
    """(part, kind, column, draw): for each part and kind, a column drawn with ``SEED``, and
    a number that draws the row and the value."""
    rng = random.Random(SEED)
    found = []
    for part in content.PARTS:
        columns = content.columns(part, with_beneficiaries=True)
        for kind in KINDS:
            found.append((part.name, kind, rng.choice(columns), rng.random()))
    return found


CASES = cases()
# Commands that read the whole roster, each of which must work after a merge that went in.
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("info", "--format", "json"),
    ("register", "list", "--status", "all", "--format", "json"),
    ("team", "list", "--format", "json"),
    ("activity", "list", "--format", "json"),
    ("log-hours", "list", "--format", "json"),
    ("report", "summary", "--year", "2025", "--format", "json"),
    ("report", "hours", "--year", "2025", "--format", "json"),
    ("source", "totals", "--year", "2025", "--format", "json"),
    ("source", "conflicts", "--format", "json"),
    ("source", "overlaps", "--format", "json"),
    ("recipient", "list", "--format", "json"),
    ("training", "list", "--format", "json"),
    ("insurance", "list", "--format", "json"),
)


def community(path: Path) -> Path:
    """东湖 with a row in every part: a category of its own, and a volunteer who left."""
    from datetime import date

    from tests.helpers_merge import PEOPLE, number_of
    from volctl.db import open_roster
    from volctl.roster import code_lists, volunteers

    build(path, "东湖")
    conn = open_roster(path)
    code_lists.add(conn, "category", "垃圾分类督导")
    volunteers.set_status(
        conn, number_of(conn, PEOPLE[3]), "inactive", "外出务工", on=date(2025, 12, 1)
    )
    conn.close()
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("fuzz")
    east = export(community(folder / "东湖.db"), folder / "东湖.zip", with_beneficiaries=True)
    west = export(build(folder / "西湖.db", "西湖"), folder / "西湖.zip")
    base = folder / "street.db"
    from volctl.merge import engine

    conn = street(base)
    engine.merge(conn, [west], engine.Options(parent="当湖街道中队"))
    conn.close()
    return {"east": east, "base": base}


def copy_roster(roster: Path, dest: Path) -> Path:
    """A copy of ``roster`` with its key folder beside it, as a clerk moves a roster."""
    shutil.copy(roster, dest)
    shutil.copytree(keys.folder_of(roster), keys.folder_of(dest))
    return dest


def works(cli: Callable[..., Any], here: Path, bundle: Path) -> None:
    """Every invariant of a merged roster: nothing ``check`` calls an error, every command."""
    result = cli("check", "--format", "json", db=here)
    errors = [f for f in result.json()["findings"] if f["severity"] == "error"]
    assert result.exit_code == 0 and not errors, errors
    for command in COMMANDS:
        done = cli(*command, db=here)
        assert done.exit_code == 0, (command, done.stderr)
    people = cli("register", "list", "--status", "all", "--format", "json", db=here).json()
    for person in people[:3] + people[-3:]:
        for command in (("register", "show"), ("report", "volunteer")):
            done = cli(*command, person["volunteer_no"], "--format", "json", db=here)
            assert done.exit_code == 0, (command, done.stderr)
    again = cli("export", "bundle", "-o", str(bundle.with_suffix(".up.zip")), db=here)
    assert again.exit_code == 0, again.stderr


@pytest.mark.parametrize("part", [part.name for part in content.PARTS])
def test_every_mutated_bundle_is_merged_sound_or_refused_whole(cli, inputs, tmp_path, part) -> None:
    found = parts(inputs["east"])
    outcomes = []
    for name, kind, column, draw in CASES:
        if name != part:
            continue
        rows = found[part][1:]
        if not rows:
            continue
        rng = random.Random(draw)
        row = rng.randrange(len(rows))
        header = found[part][0]
        old = rows[row][header.index(column)]
        value = mutation(kind, column, old, rng)
        here = copy_roster(inputs["base"], tmp_path / f"{kind}.db")
        before = here.read_bytes()
        bundle = forge(
            inputs["east"], tmp_path / f"{kind}.zip", set_value(part, row, column, value)
        )
        result = cli("merge", str(bundle), "--parent", "当湖街道中队", db=here)
        case = (part, kind, row, column, repr(value)[:30])
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr, case
        if result.exit_code == 0:
            works(cli, here, bundle)
            outcomes.append("merged")
        else:
            assert result.exit_code in (3, 5), (case, result.stderr)
            assert bundle.name in result.stderr and f"{part}.jsonl" in result.stderr, (
                case,
                result.stderr,
            )
            assert here.read_bytes() == before, case
            outcomes.append("refused")
    assert outcomes

"""A merged roster shows no identity number, phone or address unless asked, in any output of
volctl merge and volctl source, nor in the audit of a merge."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers_merge import PEOPLE, build, export, number_of, street
from volctl.db import open_roster
from volctl.roster import volunteers

SECRETS = [p.id_number for p in PEOPLE.values()] + [p.phone for p in PEOPLE.values()]
SECRETS += ["13998765432", "13655556666", "东湖小区3幢501室", "85012345"]


def leaked(text: str) -> list[str]:
    digits = re.sub(r"[\s\-+]", "", text)
    return [s for s in SECRETS if s in text or s in digits]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("built")
    return {short: build(folder / f"{short}.db", short) for short in ("东湖", "西湖")}


@pytest.fixture
def merged(cli, built, tmp_path) -> dict[str, str]:
    east = Path(shutil.copy(built["东湖"], tmp_path / "east.db"))
    west = Path(shutil.copy(built["西湖"], tmp_path / "west.db"))
    street(tmp_path / "street.db").close()
    db = tmp_path / "street.db"
    first = [str(export(east, tmp_path / "e1.zip", with_beneficiaries=True))]
    assert cli("merge", *first, str(west), db=db).exit_code == 0
    conn = open_roster(east)
    volunteers.update(conn, number_of(conn, PEOPLE[6]), {"phone": "13655556666"})
    conn.close()
    again = str(export(east, tmp_path / "e2.zip"))
    return {"db": str(db), "again": again, "person": PEOPLE[6].id_number}


COMMANDS = [
    ["merge", "{again}"],
    ["merge", "{again}", "--dry-run", "--allow-older"],
    ["source", "list"],
    ["source", "totals"],
    ["source", "show", "当湖街道西湖社区"],
    ["source", "conflicts", "--all"],
    ["source", "overlaps"],
    ["source", "overlaps", "--served"],
    ["source", "origin", "{person}"],
    ["recipient", "list"],
    ["audit"],
]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_no_output_of_a_merged_roster_shows_personal_data(cli, merged, command, fmt) -> None:
    args = [part.format(**merged) for part in command]
    result = cli(*args, "--format", fmt, db=Path(merged["db"]))
    assert result.exit_code == 0, result.stderr
    assert leaked(result.stdout + result.stderr) == [], args


def test_show_pii_reveals_the_conflicting_values(cli, merged) -> None:
    db = Path(merged["db"])
    cli("merge", merged["again"], db=db)
    shown = cli("source", "conflicts", "--show-pii", "--format", "json", db=db).stdout
    assert "13655556666" in shown and "13998765432" in shown

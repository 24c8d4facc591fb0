"""Differing personal details: reported for the clerk, never overwritten by a merge."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers_merge import PEOPLE, build, export, number_of, street
from volctl.db import open_roster
from volctl.roster import volunteers


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("built")
    return {short: build(folder / f"{short}.db", short) for short in ("东湖", "西湖")}


@pytest.fixture
def pair(built, tmp_path) -> tuple[Path, Path]:
    east = Path(shutil.copy(built["东湖"], tmp_path / "east.db"))
    west = Path(shutil.copy(built["西湖"], tmp_path / "west.db"))
    return east, west


@pytest.fixture
def merged(cli, pair, tmp_path) -> Path:
    """The street roster with both communities merged through the CLI."""
    east, west = pair
    street(tmp_path / "street.db").close()
    result = cli(
        "merge",
        str(export(east, tmp_path / "east.zip")),
        str(export(west, tmp_path / "west.zip")),
        "--parent",
        "当湖街道中队",
        db=tmp_path / "street.db",
    )
    assert result.exit_code == 0, result.stderr
    return tmp_path / "street.db"


def phone_here(db: Path, n: int) -> str:
    conn = open_roster(db)
    try:
        return str(
            conn.execute(
                "SELECT phone FROM volunteers WHERE id_number = ?", (PEOPLE[n].id_number,)
            ).fetchone()[0]
        )
    finally:
        conn.close()


def test_a_differing_phone_is_reported_and_not_overwritten(cli, merged) -> None:
    conflicts = cli("source", "conflicts", "--format", "json", "--show-pii", db=merged).json()
    assert len(conflicts) == 1
    (conflict,) = conflicts
    assert conflict["name"] == PEOPLE[7].name and conflict["field"] == "phone"
    assert conflict["source"] == "当湖街道西湖社区"
    assert conflict["roster_value"] == "+86" + PEOPLE[7].phone
    assert conflict["source_value"] == "+8613998765432"
    assert phone_here(merged, 7) == "+86" + PEOPLE[7].phone


def test_the_merge_itself_lists_the_conflict_masked(cli, pair, tmp_path) -> None:
    east, west = pair
    street(tmp_path / "s.db").close()
    result = cli(
        "merge",
        str(export(east, tmp_path / "e.zip")),
        str(export(west, tmp_path / "w.zip")),
        "--format",
        "json",
        db=tmp_path / "s.db",
    )
    (conflict,) = result.json()["conflicts"]
    assert conflict["source_value"] == "139****5432"
    assert "1 differing personal details to resolve" in result.stderr


def test_keeping_this_rosters_value_is_not_asked_again_for_the_same_difference(
    cli, merged, pair, tmp_path
) -> None:
    (conflict,) = cli("source", "conflicts", "--format", "json", db=merged).json()
    result = cli(
        "source",
        "resolve",
        str(conflict["id"]),
        "--keep",
        "roster",
        "--note",
        "已电话核实",
        db=merged,
    )
    assert result.exit_code == 0 and "1 resolved" in result.stderr
    _east, west = pair
    conn = open_roster(west)
    volunteers.update(conn, number_of(conn, PEOPLE[9]), {"employer": "东湖小学"})
    conn.close()
    again = cli("merge", str(export(west, tmp_path / "w2.zip")), "--format", "json", db=merged)
    assert again.json()["conflicts"] == []
    history = cli("source", "conflicts", "--all", "--format", "json", db=merged).json()
    assert [c["status"] for c in history] == ["kept_roster"] and history[0]["note"] == "已电话核实"


def test_taking_the_sources_value_corrects_the_volunteer_and_audits_the_old_one(
    cli, merged
) -> None:
    (conflict,) = cli("source", "conflicts", "--format", "json", db=merged).json()
    assert (
        cli("source", "resolve", str(conflict["id"]), "--keep", "source", db=merged).exit_code == 0
    )
    assert phone_here(merged, 7) == "+8613998765432"
    entry = cli(
        "audit", "--action", "volunteer.update", "--format", "json", "--show-pii", db=merged
    ).json()[-1]
    assert entry["detail"]["changes"]["phone"]["old"] == "+86" + PEOPLE[7].phone
    assert entry["detail"]["conflict"] == conflict["id"]
    closed = cli("source", "resolve", str(conflict["id"]), "--keep", "source", db=merged)
    assert closed.exit_code == 5 and "already resolved" in closed.stderr


def test_a_correction_by_the_only_community_of_a_person_is_followed(
    cli, merged, pair, tmp_path
) -> None:
    east, _west = pair
    conn = open_roster(east)
    volunteers.update(conn, number_of(conn, PEOPLE[2]), {"phone": "13611112222"})
    volunteers.update(conn, number_of(conn, PEOPLE[6]), {"phone": "13633334444"})  # also in 西湖
    conn.close()
    result = cli("merge", str(export(east, tmp_path / "e2.zip")), "--format", "json", db=merged)
    assert phone_here(merged, 2) == "+8613611112222"
    assert phone_here(merged, 6) == "+86" + PEOPLE[6].phone
    fields = {(c["name"], c["field"]) for c in result.json()["conflicts"]}
    assert (PEOPLE[6].name, "phone") in fields and (PEOPLE[2].name, "phone") not in fields


def test_a_gap_here_is_filled_from_a_source_without_a_conflict(cli, merged, pair, tmp_path) -> None:
    _east, west = pair
    conn = open_roster(west)
    volunteers.update(conn, number_of(conn, PEOPLE[6]), {"education": "大学本科"})
    conn.close()
    result = cli("merge", str(export(west, tmp_path / "w2.zip")), "--format", "json", db=merged)
    conn = open_roster(merged)
    row = conn.execute(
        "SELECT education, skills FROM volunteers WHERE id_number = ?", (PEOPLE[6].id_number,)
    ).fetchone()
    conn.close()
    assert row["education"] == "大学本科"
    assert [c["field"] for c in result.json()["conflicts"]] == ["phone"]  # only person 7's


def test_conflicts_are_masked_in_tables_unless_asked(cli, merged) -> None:
    table = cli("source", "conflicts", db=merged)
    assert "139****5432" in table.stdout and "13998765432" not in table.stdout
    shown = cli("source", "conflicts", "--show-pii", db=merged)
    assert "13998765432" in shown.stdout


def test_a_value_a_community_merely_repeats_raises_nothing_new(cli, merged, pair, tmp_path) -> None:
    (conflict,) = cli("source", "conflicts", "--format", "json", db=merged).json()
    assert (
        cli("source", "resolve", str(conflict["id"]), "--keep", "source", db=merged).exit_code == 0
    )
    east, _west = pair
    conn = open_roster(east)
    volunteers.update(conn, number_of(conn, PEOPLE[3]), {"employer": "东湖小学"})
    conn.close()
    again = cli("merge", str(export(east, tmp_path / "e2.zip")), "--format", "json", db=merged)
    assert again.json()["conflicts"] == []  # 东湖 still says the old phone of person 7
    assert phone_here(merged, 7) == "+8613998765432"


def test_the_clerks_own_correction_stands_until_the_community_changes_its_value(
    cli, merged, pair, tmp_path
) -> None:
    person = cli("source", "origin", PEOPLE[2].id_number, "--format", "json", db=merged).json()
    assert (
        cli("register", "update", person["ref"], "--phone", "13800138000", db=merged).exit_code == 0
    )
    east, _west = pair
    conn = open_roster(east)
    volunteers.update(conn, number_of(conn, PEOPLE[3]), {"employer": "东湖小学"})
    conn.close()
    quiet = cli("merge", str(export(east, tmp_path / "e2.zip")), "--format", "json", db=merged)
    assert [c["name"] for c in quiet.json()["conflicts"]] == [PEOPLE[7].name]
    assert phone_here(merged, 2) == "+8613800138000"
    conn = open_roster(east)
    volunteers.update(conn, number_of(conn, PEOPLE[2]), {"phone": "13711112222"})
    conn.close()
    loud = cli("merge", str(export(east, tmp_path / "e3.zip")), "--format", "json", db=merged)
    assert {c["name"] for c in loud.json()["conflicts"]} == {PEOPLE[7].name, PEOPLE[2].name}
    assert phone_here(merged, 2) == "+8613800138000"


def test_volctl_check_reminds_of_open_conflicts(cli, merged) -> None:
    findings = cli("check", "--format", "json", db=merged).json()["findings"]
    conflicts = [f for f in findings if f["check"] == "merge_conflict"]
    assert conflicts and "source resolve" in conflicts[0]["advice"]

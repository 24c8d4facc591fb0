"""volctl merge and volctl source as a clerk runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import make_id
from tests.helpers_merge import PEOPLE, build, export, street
from volctl.errors import NotFound


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("built")
    rosters = {short: build(folder / f"{short}.db", short) for short in ("东湖", "西湖", "南湖")}
    return {
        **rosters,
        **{
            f"{short}.zip": export(path, folder / f"{short}.zip") for short, path in rosters.items()
        },
    }


@pytest.fixture
def db(tmp_path) -> Path:
    street(tmp_path / "street.db").close()
    return tmp_path / "street.db"


def snapshot(cli, db: Path) -> dict:
    return cli("info", "--format", "json", db=db).json()["counts"]


def test_a_dry_run_reports_what_a_merge_does_and_writes_nothing(cli, built, db) -> None:
    before = snapshot(cli, db)
    args = ("merge", str(built["东湖.zip"]), str(built["西湖.zip"]), "--parent", "当湖街道中队")
    dry = cli(*args, "--dry-run", "--format", "json", db=db)
    assert dry.exit_code == 0 and dry.json()["dry_run"] is True
    assert "the roster is unchanged" in dry.stderr
    assert snapshot(cli, db) == before
    real = cli(*args, "--format", "json", db=db).json()
    strip = lambda report: [(s["outcome"], s["changes"]) for s in report["sources"]]  # noqa: E731
    assert strip(real) == strip(dry.json())
    assert (
        real["totals"]
        == dry.json()["totals"]
        == {"sources": 2, "volunteers": 13, "activities": 10, "records": 70}
    )


def test_merge_into_names_the_target_and_refuses_a_missing_one(cli, built, tmp_path) -> None:
    missing = tmp_path / "nowhere.db"
    result = cli("merge", str(built["东湖.zip"]), "--into", str(missing), db=None)
    assert result.exit_code == 6 and "init" in result.stderr
    assert not missing.exists()
    street(tmp_path / "s.db").close()
    done = cli("merge", str(built["东湖.zip"]), "--into", str(tmp_path / "s.db"), db=None)
    assert done.exit_code == 0, done.stderr
    assert snapshot(cli, tmp_path / "s.db")["volunteers"] == 8


def test_the_parent_team_is_created_and_holds_every_community(cli, built, db) -> None:
    cli("merge", str(built["东湖.zip"]), str(built["南湖.zip"]), "--parent", "当湖街道中队", db=db)
    tree = cli("team", "tree", "--format", "json", "--on", "2025-06-30", db=db).json()
    assert [node["name"] for node in tree] == ["当湖街道中队"]
    (parent,) = tree
    assert parent["level"] == "中队"
    assert [c["name"] for c in parent["children"]] == [
        "东湖社区志愿者服务分队",
        "南湖社区志愿者服务分队",
    ]
    assert parent["members_total"] == 15  # 8 + 8, person 1 in both


def test_a_community_team_of_the_parents_own_name_and_level_is_the_parent(
    cli, built, db, tmp_path
) -> None:
    from volctl.db import open_roster
    from volctl.roster import teams

    east = Path(shutil.copy(built["东湖"], tmp_path / "east.db"))
    conn = open_roster(east)
    teams.add(conn, teams.TeamInput(name="当湖街道中队", level="中队"))
    teams.update(conn, "东湖社区志愿者服务分队", {"parent": "当湖街道中队"})
    conn.close()
    cli("merge", str(export(east, tmp_path / "e.zip")), "--parent", "当湖街道中队", db=db)
    tree = cli("team", "tree", "--format", "json", db=db).json()
    assert [n["name"] for n in tree] == ["当湖街道中队"]
    assert [c["name"] for c in tree[0]["children"]] == ["东湖社区志愿者服务分队"]
    origin = cli("source", "origin", "当湖街道中队", "--format", "json", db=db).json()
    assert origin["origins"][0]["folded"] is True


def test_a_roster_cannot_be_merged_into_itself_nor_twice_at_once(cli, built, tmp_path) -> None:
    east = Path(shutil.copy(built["东湖"], tmp_path / "east.db"))
    bundle = export(east, tmp_path / "e.zip")
    itself = cli("merge", str(bundle), db=east)
    assert itself.exit_code == 3 and "into itself" in itself.stderr
    street(tmp_path / "s.db").close()
    twice = cli("merge", str(bundle), str(east), db=tmp_path / "s.db")
    assert twice.exit_code == 3 and "The same roster as e.zip" in twice.stderr


def test_a_street_bundle_and_one_of_its_communities_cannot_both_be_counted(
    cli, built, db, tmp_path
) -> None:
    assert cli("merge", str(built["东湖.zip"]), str(built["西湖.zip"]), db=db).exit_code == 0
    street_bundle = tmp_path / "street.zip"
    assert cli("export", "bundle", "-o", str(street_bundle), db=db).exit_code == 0
    manifest = json.loads(__import__("zipfile").ZipFile(street_bundle).read("manifest.json"))
    assert {i["org_name"] for i in manifest["includes"]} == {"当湖街道东湖社区", "当湖街道西湖社区"}
    street(tmp_path / "city.db").close()
    city = tmp_path / "city.db"
    street_key = cli("keys", "show", db=db).stdout.strip()
    assert cli("keys", "trust", "当湖街道", street_key, db=city).exit_code == 0
    both = cli("merge", str(street_bundle), str(built["东湖.zip"]), db=city)
    assert both.exit_code == 5 and "counted twice" in both.stderr
    assert (
        cli(
            "merge", str(street_bundle), "--parent", "平湖市大队", "--parent-level", "大队", db=city
        ).exit_code
        == 0
    )
    later = cli("merge", str(built["南湖.zip"]), str(built["西湖.zip"]), db=city)
    assert later.exit_code == 5 and "already inside" in later.stderr


def test_one_bad_bundle_among_several_leaves_the_roster_unchanged(cli, built, db, tmp_path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(built["西湖.zip"].read_bytes()[:-200])
    before = snapshot(cli, db)
    result = cli("merge", str(built["东湖.zip"]), str(bad), db=db)
    assert result.exit_code == 3 and "bad.zip" in result.stderr
    assert snapshot(cli, db) == before


def test_a_merged_record_is_corrected_by_its_community_not_here(cli, built, db) -> None:
    cli("merge", str(built["东湖.zip"]), db=db)
    amend = cli("log-hours", "amend", "3", "--hours", "1", "--reason", "核对", db=db)
    assert amend.exit_code == 5 and "当湖街道东湖社区" in amend.stderr
    assert "new bundle" in amend.stderr
    void = cli("log-hours", "void", "3", "--reason", "核对", db=db)
    assert void.exit_code == 5
    activity = cli("activity", "list", "--format", "json", db=db).json()[0]["activity_no"]
    add = cli("log-hours", "add", "V000001", "--activity", activity, "--hours", "1", db=db)
    assert add.exit_code == 5 and "records its hours" in add.stderr


def test_source_list_show_totals_and_overlaps_give_documented_shapes(cli, built, db) -> None:
    cli("merge", *(str(built[f"{s}.zip"]) for s in ("东湖", "西湖", "南湖")), db=db)
    listed = cli("source", "list", "--year", "2025", "--format", "json", db=db).json()
    assert [s["source"] for s in listed] == sorted(s["source"] for s in listed)
    assert set(listed[0]) >= {
        "source",
        "org_name",
        "exported_at",
        "content_hash",
        "volunteers",
        "records",
        "minutes",
        "hours",
        "conflicts",
    }
    shown = cli("source", "show", "当湖街道西湖社区", "--format", "json", db=db).json()
    assert shown["conflicts"] == 1 and shown["runs"][0]["outcome"] == "added"
    totals = cli("source", "totals", "--year", "2025", "--format", "json", db=db).json()
    assert totals["counted_twice"]["volunteers"] == 5
    overlaps = cli("source", "overlaps", "--format", "json", db=db).json()
    assert len(overlaps) == 5 and all("*" in p["id_number"] for p in overlaps)
    table = cli("source", "overlaps", db=db)
    assert PEOPLE[1].name in table.stdout and "5 people are counted" in table.stderr
    csv = cli("source", "totals", "--format", "csv", db=db)
    assert csv.stdout.splitlines()[0].startswith("source,")
    missing = cli("source", "show", "北湖", db=db)
    assert missing.exit_code == 4 and "volctl source list" in missing.stderr


def test_source_origin_names_the_community_and_its_number(cli, built, db) -> None:
    cli("merge", str(built["西湖.zip"]), db=db)
    record = cli("source", "origin", "#5", "--format", "json", db=db).json()
    assert record["origins"][0]["source"] == "当湖街道西湖社区"
    assert record["origins"][0]["source_no"] == 5
    added = cli(
        "register",
        "add",
        "--name",
        "街道干部",
        "--id-number",
        make_id(seq=77),
        "--phone",
        "13812340099",
        db=db,
    )
    assert added.exit_code == 0, added.stderr
    own = cli("source", "origin", "街道干部", db=db)
    assert own.exit_code == 0 and "entered in this roster" in own.stderr


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("A20250315-07", "No activity 'A20250315-07'"),
        ("T20250315-07", "No training 'T20250315-07'"),
        ("R009999", "No beneficiary 'R009999'"),
        ("无此人", "Nothing in this roster goes by '无此人'"),
    ],
)
def test_source_origin_of_something_missing_says_what_was_looked_up(cli, db, ref, expected) -> None:
    result = cli("source", "origin", ref, db=db)
    assert result.exit_code == NotFound.exit_code
    assert expected in result.stderr and "No volunteer" not in result.stderr
    assert "activity, training or beneficiary number" in result.stderr


def test_every_merge_is_recorded_in_the_audit_log(cli, built, db) -> None:
    cli("merge", str(built["东湖.zip"]), db=db)
    cli("merge", str(built["东湖.zip"]), db=db)
    entries = cli("audit", "--action", "merge.source", "--format", "json", db=db).json()
    assert [e["detail"]["outcome"] for e in entries] == ["added", "unchanged"]
    assert entries[0]["command"] == "volctl merge"
    assert entries[0]["detail"]["changes"]["records"]["entries"] == 38


def test_two_copies_of_the_demo_merge_as_the_same_people_twice(cli, tmp_path, db) -> None:
    for name in ("a", "b"):
        assert cli("demo", "--dir", str(tmp_path / name), db=None).exit_code == 0
    result = cli(
        "merge",
        str(tmp_path / "a" / "roster.db"),
        str(tmp_path / "b" / "roster.db"),
        "--parent",
        "当湖街道社区志愿者服务中队",
        "--format",
        "json",
        db=db,
    )
    assert result.exit_code == 0, result.stderr
    report = result.json()
    assert report["totals"]["volunteers"] == 40 and report["counted_twice"] == 40
    assert [s["source"] for s in report["sources"]] == [
        "当湖街道东湖社区（示例）",
        "当湖街道东湖社区（示例）#2",
    ]
    tree = cli("team", "tree", "--format", "json", db=db).json()
    assert [n["name"] for n in tree] == ["当湖街道社区志愿者服务中队"]
    assert len(tree[0]["children"]) == 2


def test_a_wrong_parent_level_or_a_missing_file_is_refused_before_anything_is_read(
    cli, built, db, tmp_path
) -> None:
    level = cli("merge", str(built["东湖.zip"]), "--parent", "X", "--parent-level", "小队", db=db)
    assert level.exit_code == 3 and "小队" in level.stderr
    missing = cli("merge", str(built["东湖.zip"]), str(tmp_path / "gone.zip"), db=db)
    assert missing.exit_code == 3 and "gone.zip: No such file" in missing.stderr
    assert snapshot(cli, db)["volunteers"] == 0

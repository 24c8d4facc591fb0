"""A merge holds every row of a bundle to the roster's own rules: a bad value refuses the bundle
whole, naming the bundle, part, row and column, with the roster byte-for-byte unchanged; the
teams' tree is built in time and memory linear in the bundle's rows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers_merge import build, export, street
from tests.helpers_tamper import Parts, forge, parts, set_value, sign_as_sender


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("validation")
    return export(build(folder / "东湖.db", "东湖"), folder / "东湖.zip")


@pytest.fixture
def here(tmp_path: Path) -> Path:
    """The street's roster, closed, so its bytes can be compared after a refused merge."""
    path = tmp_path / "street.db"
    street(path).close()
    return path


def merge(cli, here: Path, bundle: Path):
    return cli("merge", str(bundle), "--parent", "当湖街道中队", db=here)


def refused(cli, here: Path, bundle: Path, *expected: str) -> str:
    before = here.read_bytes()
    result = merge(cli, here, bundle)
    assert result.exit_code == 3, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for text in (bundle.name, *expected):
        assert text in result.stderr, (text, result.stderr)
    assert here.read_bytes() == before
    assert not Path(f"{here}-wal").exists() or Path(f"{here}-wal").stat().st_size == 0
    return result.stderr


def counting(found: Parts) -> int:
    """A record that counts: an original nothing corrects."""
    header, *rows = found["records"]
    corrected = {r[header.index("corrects_id")] for r in rows}
    return next(
        i
        for i, r in enumerate(rows)
        if r[header.index("kind")] == "original" and r[header.index("id")] not in corrected
    )


def row_of(found: Parts, part: str, column: str, value: object) -> int:
    header, *rows = found[part]
    return next(i for i, row in enumerate(rows) if row[header.index(column)] == value)


@pytest.mark.parametrize(
    ("part", "column", "value", "says"),
    [
        ("volunteers", "birth_date", "1983-02-30", "The date 1983-02-30 does not exist"),
        ("volunteers", "name", "长" * 300_000, "Too long (at most 50 characters)"),
        ("volunteers", "phone", "'; DROP TABLE volunteers;--", "not a valid mobile"),
        ("volunteers", "phone", "13812340001", "not in the form the roster stores"),
        ("records", "service_date", "2025-02-30", "The date 2025-02-30 does not exist"),
        ("records", "service_date", "2099-01-01", "cannot be after today"),
        ("records", "minutes", 1441, "out of range (0 to 1440)"),
        ("insurance", "start_on", {}, "Cannot read the date '{}'"),
        ("activities", "team_id", "2", "A whole number is expected here, not '2'"),
        ("memberships", "volunteer_id", 999, "Points at 999, which is not in volunteers.jsonl"),
        ("trainings", "minutes", True, "A whole number is expected"),
        ("commendations", "year", 1989, "out of range"),
    ],
)
def test_a_bad_value_refuses_the_bundle_whole_naming_part_row_and_column(
    cli, here, community, tmp_path, part, column, value, says
) -> None:
    row = counting(parts(community)) if part == "records" else 0
    bundle = forge(community, tmp_path / "forged.zip", set_value(part, row, column, value))
    stderr = refused(cli, here, bundle, f"{part}.jsonl", f"row {row + 2}", f"column {column}", says)
    assert "this roster is unchanged" in stderr
    assert "binding parameter" not in stderr


def test_a_team_whose_id_was_set_to_null_is_refused_at_once(cli, here, community, tmp_path) -> None:
    bundle = forge(community, tmp_path / "forged.zip", set_value("teams", 0, "id", None))
    refused(cli, here, bundle, "teams.jsonl", "row 2", "column id", "The value is missing")


def test_teams_that_are_each_others_parents_are_refused(cli, here, community, tmp_path) -> None:
    def loop(found: Parts) -> None:
        header, first, second = found["teams"]
        first[header.index("parent_id")] = second[header.index("id")]

    bundle = forge(community, tmp_path / "forged.zip", loop)
    refused(cli, here, bundle, "teams.jsonl", "column parent_id", "form a loop")


def test_a_team_under_a_team_the_bundle_lacks_is_refused(cli, here, community, tmp_path) -> None:
    bundle = forge(community, tmp_path / "forged.zip", set_value("teams", 1, "parent_id", 77))
    refused(cli, here, bundle, "teams.jsonl", "row 3", "Points at 77")


def test_the_same_id_twice_in_a_part_is_refused(cli, here, community, tmp_path) -> None:
    def twice(found: Parts) -> None:
        found["memberships"].append(list(found["memberships"][1]))

    bundle = forge(community, tmp_path / "forged.zip", twice)
    refused(cli, here, bundle, "memberships.jsonl", "column id", "The same as row")


def test_the_same_person_twice_in_a_bundle_is_refused(cli, here, community, tmp_path) -> None:
    def twice(found: Parts) -> None:
        header, first, *_rest = found["volunteers"]
        copy = list(first)
        copy[header.index("id")] = 9999
        found["volunteers"].append(copy)

    bundle = forge(community, tmp_path / "forged.zip", twice)
    refused(cli, here, bundle, "volunteers.jsonl", "column id_number", "The same as row 2")


def test_a_correction_of_a_record_the_bundle_lacks_is_refused(
    cli, here, community, tmp_path
) -> None:
    found = parts(community)
    header = found["records"][0]
    amendment = next(
        i for i, r in enumerate(found["records"][1:]) if r[header.index("corrects_id")]
    )
    bundle = forge(
        community, tmp_path / "forged.zip", set_value("records", amendment, "corrects_id", 4242)
    )
    refused(cli, here, bundle, "records.jsonl", f"row {amendment + 2}", "column corrects_id")


def test_service_before_the_volunteer_registered_is_refused(cli, here, community, tmp_path) -> None:
    found = parts(community)
    volunteer = found["records"][1][found["records"][0].index("volunteer_id")]
    row = row_of(found, "volunteers", "id", volunteer)
    bundle = forge(
        community,
        tmp_path / "forged.zip",
        set_value("volunteers", row, "registered_on", "2026-01-01"),
    )
    refused(cli, here, bundle, "records.jsonl", "column service_date", "before the volunteer")


def test_more_than_24_hours_a_day_with_another_community_is_refused(
    cli, tmp_path, community
) -> None:
    """Person 6 serves in 东湖 and 西湖 on the same days: 西湖 merged first, 东湖's record of
    one of those days stretched to 23 hours cannot be merged."""
    from tests.helpers_merge import PEOPLE

    here = tmp_path / "street.db"
    street(here).close()
    west = export(build(tmp_path / "西湖.db", "西湖"), tmp_path / "西湖.zip")
    assert merge(cli, here, west).exit_code == 0
    found = parts(community)
    person = row_of(found, "volunteers", "id_number", PEOPLE[6].id_number)
    vid = found["volunteers"][person + 1][found["volunteers"][0].index("id")]
    header, *rows = found["records"]
    row = next(
        i
        for i, r in enumerate(rows)
        if r[header.index("volunteer_id")] == vid
        and r[header.index("minutes")] > 0
        and r[header.index("kind")] == "original"
    )

    def stretch(changed: Parts) -> None:
        entry = changed["records"][row + 1]
        entry[header.index("start_time")], entry[header.index("end_time")] = "00:30", "23:30"
        entry[header.index("minutes")] = 23 * 60

    bundle = forge(community, tmp_path / "forged.zip", stretch)
    refused(cli, here, bundle, "records.jsonl", "more than 24", "this roster is unchanged")


def test_a_forged_manifest_value_is_refused_by_name(cli, here, community, tmp_path) -> None:
    import json
    import zipfile

    from volctl.merge import bundle as bundles

    dest = tmp_path / "forged.zip"
    shutil.copy(community, dest)
    with zipfile.ZipFile(community) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    manifest["organisation"]["region_code"] = {"x": 1}
    manifest["content_hash"] = bundles.content_hash(manifest)
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dest, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    sign_as_sender(dest)  # the sender's own forgery: its signature is good, its value is not
    refused(cli, here, dest, "manifest.json", "organisation.region_code")


def test_a_deep_tree_of_teams_is_merged_in_one_pass(cli, here, community, tmp_path) -> None:
    """Two thousand teams, each under the one before, listed children first (every parent
    after its child): the tree is built without recursion, each team once; the 服务组 under a
    服务组 fold into the team above them."""

    def deep(found: Parts) -> None:
        header = found["teams"][0]
        template = found["teams"][-1]
        rows = []
        for n in range(2000):
            row = list(template)
            row[header.index("id")] = 10_000 - n
            row[header.index("name")] = f"第{n}组"
            row[header.index("level")] = "服务队" if n == 0 else "服务组"
            row[header.index("parent_id")] = None if n == 0 else 10_001 - n
            row[header.index("leader_id")] = row[header.index("contact_id")] = None
            rows.append(row)
        found["teams"].extend(reversed(rows))

    bundle = forge(community, tmp_path / "forged.zip", deep)
    result = cli("merge", str(bundle), "--parent", "当湖街道中队", "--format", "json", db=here)
    assert result.exit_code == 0, result.stderr
    teams = result.json()["sources"][0]["changes"]["teams"]
    assert teams["folded"] == 1998 and teams["added"] == 4


def test_a_superseded_entry_may_keep_an_old_bad_date_the_one_that_counts_may_not(
    cli, here, community, tmp_path
) -> None:
    """The source amended a record whose date was wrong (old data): the history keeps the
    wrong date, the amendment counts, so the bundle goes in; the same date in the entry that
    counts is refused at the end of the part, naming it."""
    found = parts(community)
    header, *rows = found["records"]
    amended = next(
        r[header.index("corrects_id")] for r in rows if r[header.index("kind")] == "amend"
    )
    original = next(i for i, r in enumerate(rows) if r[header.index("id")] == amended)
    bundle = forge(
        community,
        tmp_path / "old.zip",
        set_value("records", original, "service_date", "2024-02-30"),
    )
    assert merge(cli, here, bundle).exit_code == 0
    assert cli("check", "--format", "json", db=here).json()["ok"]
    amendment = next(i for i, r in enumerate(rows) if r[header.index("corrects_id")] == amended)
    bundle = forge(
        community, tmp_path / "bad.zip", set_value("records", amendment, "place", "长" * 201)
    )
    refused(cli, here, bundle, f"row {amendment + 2}", "column place", "Too long")


def test_the_same_ledger_entry_id_twice_is_refused(cli, here, community, tmp_path) -> None:
    def twice(found: Parts) -> None:
        found["records"].append(list(found["records"][-1]))

    bundle = forge(community, tmp_path / "forged.zip", twice)
    refused(cli, here, bundle, "records.jsonl", "column id", "The same id as an earlier row")

"""Merging a community's newer bundle replaces what it brought before: nothing counted twice,
the ledger here only appended to, and every earlier copy still on record."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import make_id
from tests.helpers_merge import COMMUNITIES, PEOPLE, build, export, merge, number_of, street
from volctl.db import open_roster
from volctl.errors import Conflict
from volctl.ledger import activities, records
from volctl.merge import sources
from volctl.roster import memberships, teams, volunteers


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("built")
    return {short: build(folder / f"{short}.db", short) for short in ("东湖", "西湖")}


@pytest.fixture
def east(built, tmp_path) -> Path:
    return Path(shutil.copy(built["东湖"], tmp_path / "east.db"))


@pytest.fixture
def west(built, tmp_path) -> Path:
    return Path(shutil.copy(built["西湖"], tmp_path / "west.db"))


@pytest.fixture
def here(tmp_path):
    return street(tmp_path / "street.db")


def year_minutes(conn, year: int = 2025) -> tuple[int, int, int]:
    totals = records.totals(conn, year=year).values()
    return (
        sum(t.minutes for t in totals),
        sum(t.services for t in totals),
        sum(t.records for t in totals),
    )


def summed(*paths: Path, year: int = 2025) -> tuple[int, int, int]:
    parts = []
    for path in paths:
        conn = open_roster(path)
        parts.append(year_minutes(conn, year))
        conn.close()
    return tuple(sum(p[i] for p in parts) for i in range(3))  # type: ignore[return-value]


def test_merging_the_same_bundle_again_changes_nothing(east, here, tmp_path) -> None:
    bundle = export(east, tmp_path / "east.zip")
    merge(here, bundle)
    before = here.execute("SELECT count(*) FROM service_records").fetchone()[0]
    again = merge(here, bundle)
    assert again["sources"][0]["outcome"] == "unchanged"
    assert here.execute("SELECT count(*) FROM service_records").fetchone()[0] == before
    assert year_minutes(here) == summed(east)


def test_an_updated_bundle_replaces_the_previous_contribution_without_double_counting(
    east, west, here, tmp_path
) -> None:
    merge(here, export(east, tmp_path / "east-1.zip"), export(west, tmp_path / "west.zip"))
    entries_before = here.execute("SELECT count(*) FROM service_records").fetchone()[0]
    conn = open_roster(east)
    first = conn.execute("SELECT min(record_id) FROM service_chains WHERE voided = 0").fetchone()[0]
    records.amend(conn, str(first), records.ServiceInput(hours="1"), "核对")
    records.void(conn, str(first + 5), "重复登记")
    newcomer, _ = volunteers.register(
        conn,
        volunteers.VolunteerInput(
            name="新志愿者",
            id_number=make_id("19900505", seq=90),
            phone="13700000090",
            registered_on="2025-01-02",
        ),
    )
    act = activities.add(
        conn,
        activities.ActivityInput(
            title="重阳节敬老",
            date="2025-10-29",
            start_time="09:00",
            end_time="11:00",
            category="社区服务",
        ),
    )
    records.add(conn, newcomer["volunteer_no"], act["activity_no"], records.ServiceInput())
    source_entries = conn.execute("SELECT count(*) FROM service_records").fetchone()[0]
    conn.close()
    report = merge(here, export(east, tmp_path / "east-2.zip"))
    changes = report["sources"][0]["changes"]
    assert report["sources"][0]["outcome"] == "updated"
    assert changes["records"] == {
        "entries": 3,
        "records": 1,
        "corrections": 2,
        "rebuilt": 0,
        "retired": 0,
    }
    assert changes["volunteers"]["added"] == 1 and changes["activities"]["added"] == 1
    assert year_minutes(here) == summed(east, west)
    entries_after = here.execute("SELECT count(*) FROM service_records").fetchone()[0]
    assert entries_after == entries_before + 3
    east_entries = here.execute(
        "SELECT count(*) FROM source_records s JOIN merge_sources m ON m.id = s.source_id"
        " WHERE m.org_name = '当湖街道东湖社区' AND s.current = 1"
    ).fetchone()[0]
    assert east_entries == source_entries


def test_entries_already_here_are_never_rewritten(east, here, tmp_path) -> None:
    merge(here, export(east, tmp_path / "east-1.zip"))
    before = here.execute("SELECT * FROM service_records ORDER BY id").fetchall()
    conn = open_roster(east)
    records.void(conn, "3", "误登记")
    conn.close()
    merge(here, export(east, tmp_path / "east-2.zip"))
    after = here.execute("SELECT * FROM service_records ORDER BY id").fetchall()
    assert [tuple(r) for r in after[: len(before)]] == [tuple(r) for r in before]
    assert [r["kind"] for r in after[len(before) :]] == ["void"]


def test_a_record_voided_and_made_again_at_the_source_is_followed(east, here, tmp_path) -> None:
    # The void and the new record arrive in the same chunk: the new one was refused, since the
    # record merged before still counted in the database until the chunk was written.
    merge(here, export(east, tmp_path / "east-1.zip"))
    conn = open_roster(east)
    first, person, activity = conn.execute(
        "SELECT c.record_id, v.volunteer_no, a.activity_no FROM service_chains c"
        " JOIN volunteers v ON v.id = c.volunteer_id JOIN activities a ON a.id = c.activity_id"
        " WHERE c.voided = 0 ORDER BY c.record_id LIMIT 1"
    ).fetchone()
    records.void(conn, str(first), "登记错了服务时长")
    records.add(conn, person, activity, records.ServiceInput(hours="1.5"))
    conn.close()
    report = merge(here, export(east, tmp_path / "east-2.zip"))
    assert report["sources"][0]["outcome"] == "updated"
    assert report["sources"][0]["changes"]["records"]["entries"] == 2
    assert year_minutes(here) == summed(east)


def test_a_merge_again_weighs_only_the_entries_it_brings_anew(
    east, here, tmp_path, monkeypatch
) -> None:
    # Whether to build some indexes once at the end depends on what comes: a community's
    # bundle merged again brings only what it recorded since, not its whole ledger again.
    from volctl.merge import deferred

    asked: list[tuple[int, int]] = []
    weigh = deferred.cheaper
    monkeypatch.setattr(deferred, "cheaper", lambda *given: asked.append(given) or weigh(*given))
    merge(here, export(east, tmp_path / "east-1.zip"))
    entries = here.execute("SELECT count(*) FROM service_records").fetchone()[0]
    conn = open_roster(east)
    records.void(conn, "3", "误登记")
    conn.close()
    merge(here, export(east, tmp_path / "east-2.zip"))
    assert asked == [(entries, 0), (1, entries)]


def test_a_community_that_restored_an_older_backup_is_followed_with_old_copies_voided(
    east, here, tmp_path
) -> None:
    backup = Path(shutil.copy(east, tmp_path / "east-backup.db"))
    conn = open_roster(east)
    late = activities.add(
        conn,
        activities.ActivityInput(title="补录活动", date="2025-11-01", category="社区服务"),
    )
    records.add(conn, "V000001", late["activity_no"], records.ServiceInput(hours="3"))
    conn.close()
    merge(here, export(east, tmp_path / "east-1.zip"))
    # The community's computer failed; it restored the backup and recorded something else.
    conn = open_roster(backup)
    other = activities.add(
        conn,
        activities.ActivityInput(title="另一活动", date="2025-11-02", category="社区服务"),
    )
    records.add(conn, "V000002", other["activity_no"], records.ServiceInput(hours="2"))
    conn.close()
    report = merge(here, export(backup, tmp_path / "east-2.zip"))
    assert report["sources"][0]["changes"]["records"]["rebuilt"] == 1
    assert year_minutes(here) == summed(backup)
    retired = here.execute(
        "SELECT reason FROM service_records WHERE kind = 'void' AND reason LIKE '合并：%'"
    ).fetchall()
    assert len(retired) == 1 and "东湖社区" in retired[0][0]
    assert records.verify(here) == []


def test_an_older_bundle_than_the_last_merged_is_refused_unless_allowed(
    east, here, tmp_path
) -> None:
    then = Path(shutil.copy(east, tmp_path / "east-then.db"))
    old = export(then, tmp_path / "east-1.zip")
    conn = open_roster(east)
    records.void(conn, "3", "误登记")
    conn.close()
    merge(here, export(east, tmp_path / "east-2.zip"))
    with pytest.raises(Conflict, match="before the one merged last"):
        merge(here, old)
    assert year_minutes(here) == summed(east)
    report = merge(here, old, allow_older=True)
    assert report["sources"][0]["outcome"] == "updated"
    assert year_minutes(here) == summed(then)


def test_someone_who_left_every_community_becomes_inactive_here(east, west, here, tmp_path) -> None:
    merge(here, export(east, tmp_path / "east.zip"), export(west, tmp_path / "west.zip"))
    person = PEOPLE[8]
    status = "SELECT status FROM volunteers WHERE id_number = ?"
    assert here.execute(status, (person.id_number,)).fetchone()[0] == "active"  # still in 东湖
    conn = open_roster(east)
    volunteers.set_status(conn, number_of(conn, person), "inactive", "搬离", on=date(2025, 11, 1))
    conn.close()
    merge(here, export(east, tmp_path / "east-2.zip"))
    assert here.execute(status, (person.id_number,)).fetchone()[0] == "inactive"
    reason = here.execute(
        "SELECT reason FROM volunteer_status_changes WHERE volunteer_id ="
        " (SELECT id FROM volunteers WHERE id_number = ?) ORDER BY id DESC",
        (person.id_number,),
    ).fetchone()[0]
    assert "东湖社区" in reason


def test_memberships_and_activities_follow_their_community(east, here, tmp_path) -> None:
    merge(here, export(east, tmp_path / "east-1.zip"))
    conn = open_roster(east)
    leaver = number_of(conn, PEOPLE[5])
    memberships.leave(conn, "助老服务队", [leaver], on=date(2025, 7, 1))
    planned = activities.add(
        conn, activities.ActivityInput(title="冬季义诊", date="2026-12-19", category="卫生健康")
    )
    conn.close()
    merge(here, export(east, tmp_path / "east-2.zip"))
    conn = open_roster(east)
    activities.cancel(conn, planned["activity_no"], "场地冲突")
    conn.close()
    merge(here, export(east, tmp_path / "east-3.zip"))
    left = here.execute(
        "SELECT m.left_on FROM memberships m JOIN volunteers v ON v.id = m.volunteer_id"
        " WHERE v.id_number = ?",
        (PEOPLE[5].id_number,),
    ).fetchone()[0]
    assert left == "2025-07-01"
    status = here.execute(
        "SELECT status, status_reason FROM activities WHERE title = '冬季义诊'"
    ).fetchone()
    assert tuple(status) == ("cancelled", "场地冲突")
    assert len(teams.members_under(here, "当湖街道中队", date(2025, 8, 1))) == 7


def test_a_corrected_identity_number_is_the_same_volunteer_here(east, here, tmp_path) -> None:
    merge(here, export(east, tmp_path / "east-1.zip"))
    person = PEOPLE[2]
    before = here.execute(
        "SELECT volunteer_no FROM volunteers WHERE id_number = ?", (person.id_number,)
    ).fetchone()[0]
    corrected = make_id("19620313", seq=2, male=False)
    conn = open_roster(east)
    volunteers.update(conn, number_of(conn, person), {"id_number": corrected})
    conn.close()
    merge(here, export(east, tmp_path / "east-2.zip"))
    row = here.execute("SELECT volunteer_no FROM volunteers WHERE id_number = ?", (corrected,))
    assert row.fetchone()[0] == before
    assert here.execute("SELECT count(*) FROM volunteers").fetchone()[0] == 8
    assert year_minutes(here) == summed(east)


def test_the_source_keeps_its_parent_team_when_merged_again_without_one(
    east, here, tmp_path
) -> None:
    merge(here, export(east, tmp_path / "east-1.zip"))
    conn = open_roster(east)
    teams.add(
        conn, teams.TeamInput(name="环保服务队", level="服务队", parent="东湖社区志愿者服务分队")
    )
    conn.close()
    merge(here, export(east, tmp_path / "east-2.zip"), parent=None)
    parent = here.execute(
        "SELECT p.name FROM teams t JOIN teams p ON p.id = t.parent_id WHERE t.name = '环保服务队'"
    ).fetchone()[0]
    assert parent == "东湖社区志愿者服务分队"
    assert sources.list_sources(here)[0]["parent"] == "当湖街道中队"
    assert COMMUNITIES["东湖"][0] == sources.list_sources(here)[0]["org_name"]

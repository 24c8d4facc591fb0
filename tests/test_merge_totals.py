"""Three communities merged into their street: every total is the sum of the communities' own,
and people counted in two places are counted once and reported."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tests.helpers_merge import COMMUNITIES, PEOPLE, TWICE, build, export, merge, street
from volctl.db import open_roster
from volctl.ledger import beneficiaries, records
from volctl.merge import sources
from volctl.roster import teams

YEARS = (2024, 2025)


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, object]:
    folder = tmp_path_factory.mktemp("street")
    rosters = {short: build(folder / f"{short}.db", short) for short in COMMUNITIES}
    bundles = [export(path, folder / f"{short}.zip") for short, path in rosters.items()]
    conn = street(folder / "street.db")
    merge(conn, *bundles)
    communities = {short: open_roster(path) for short, path in rosters.items()}
    return communities, conn


def by_identity(conn, totals: dict[int, int]) -> dict[str, int]:
    numbers = dict(conn.execute("SELECT id, id_number FROM volunteers").fetchall())
    return {numbers[vid]: value for vid, value in totals.items()}


@pytest.mark.parametrize("year", YEARS)
def test_minutes_services_and_records_of_a_year_are_the_sum_of_the_communities(
    setting, year
) -> None:
    communities, merged = setting
    here = records.totals(merged, year=year).values()
    there = [t for conn in communities.values() for t in records.totals(conn, year=year).values()]
    for field in ("minutes", "services", "records"):
        assert sum(getattr(t, field) for t in here) == sum(getattr(t, field) for t in there)
    assert sum(t.minutes for t in here) > 0


def test_each_persons_yearly_and_cumulative_minutes_add_up_across_their_communities(
    setting,
) -> None:
    communities, merged = setting
    expected_years: Counter[tuple[str, int]] = Counter()
    expected_all: Counter[str] = Counter()
    for conn in communities.values():
        for number, years in by_identity(conn, records.yearly(conn)).items():
            for year, minutes in years.items():
                expected_years[(number, year)] += minutes
        expected_all.update(by_identity(conn, records.cumulative(conn)))
    got_years = {
        (number, year): minutes
        for number, years in by_identity(merged, records.yearly(merged)).items()
        for year, minutes in years.items()
    }
    assert got_years == dict(expected_years)
    assert by_identity(merged, records.cumulative(merged)) == dict(expected_all)


def test_a_person_in_two_communities_is_one_volunteer_with_both_memberships(setting) -> None:
    _communities, merged = setting
    person = merged.execute(
        "SELECT id FROM volunteers WHERE id_number = ?", (PEOPLE[7].id_number,)
    ).fetchone()[0]
    assert merged.execute("SELECT count(*) FROM volunteers").fetchone()[0] == len(PEOPLE)
    rows = merged.execute(
        "SELECT t.name FROM memberships m JOIN teams t ON t.id = m.team_id"
        " WHERE m.volunteer_id = ? ORDER BY t.name",
        (person,),
    ).fetchall()
    assert [r[0] for r in rows] == ["助老服务队", "西湖社区志愿者服务分队"]
    names = {r[0] for r in merged.execute("SELECT name FROM teams")}
    assert {"助老服务队（当湖街道西湖社区）", "助老服务队（当湖街道南湖社区）"} <= names


def test_the_people_counted_twice_are_listed_with_each_community(setting) -> None:
    _communities, merged = setting
    twice = sources.overlaps(merged)
    # Person 8 left 西湖: counted by 东湖 only among registered volunteers.
    assert {p["name"] for p in twice} == {PEOPLE[n].name for n in TWICE - {8}}
    one = next(p for p in twice if p["name"] == PEOPLE[7].name)
    assert [s["source"] for s in one["sources"]] == ["当湖街道东湖社区", "当湖街道西湖社区"]
    assert "*" in one["id_number"]
    served = sources.overlaps(merged, year=2025, basis="served")
    assert all(len([s for s in p["sources"] if s["services"]]) >= 2 for p in served)


@pytest.mark.parametrize("year", YEARS)
def test_distinct_volunteers_are_the_communities_sum_minus_those_counted_twice(
    setting, year
) -> None:
    communities, merged = setting
    figures = sources.breakdown(merged, year=year)
    served_there = sum(
        len([v for v, t in records.totals(conn, year=year).items() if t.minutes])
        for conn in communities.values()
    )
    active_there = sum(
        conn.execute("SELECT count(*) FROM volunteers WHERE status = 'active'").fetchone()[0]
        for conn in communities.values()
    )
    assert figures["sum_of_sources"]["served"] == served_there
    assert figures["sum_of_sources"]["volunteers"] == active_there
    twice_served = len(sources.overlaps(merged, year=year, basis="served"))
    assert figures["merged"]["served"] == served_there - figures["counted_twice"]["served"]
    assert figures["counted_twice"]["served"] == twice_served  # each in two communities
    assert figures["merged"]["volunteers"] == active_there - len(sources.overlaps(merged))
    served_here = len([v for v, t in records.totals(merged, year=year).items() if t.minutes])
    assert figures["merged"]["served"] == served_here


@pytest.mark.parametrize("year", YEARS)
def test_each_communitys_line_in_the_breakdown_is_its_own_summary(setting, year) -> None:
    communities, merged = setting
    lines = {row["org_name"]: row for row in sources.breakdown(merged, year=year)["sources"]}
    for short, conn in communities.items():
        mine = records.totals(conn, year=year).values()
        line = lines[COMMUNITIES[short][0]]
        assert line["minutes"] == sum(t.minutes for t in mine)
        assert line["services"] == sum(t.services for t in mine)
        assert line["records"] == sum(t.records for t in mine)
        held = conn.execute(
            "SELECT count(*) FROM activities WHERE status <> 'cancelled' AND date LIKE ?",
            (f"{year}-%",),
        ).fetchone()[0]
        assert line["activities"] == held


@pytest.mark.parametrize("year", YEARS)
def test_people_served_by_group_add_up(setting, year) -> None:
    communities, merged = setting
    first, last = date(year, 1, 1), date(year, 12, 31)
    expected: Counter[tuple[str, str]] = Counter()
    for conn in communities.values():
        for row in beneficiaries.served_by_group(conn, first, last):
            for key in ("people", "recipients", "activities"):
                expected[(row["group"], key)] += row[key]
    got = {
        (row["group"], key): row[key]
        for row in beneficiaries.served_by_group(merged, first, last)
        for key in ("people", "recipients", "activities")
    }
    assert got == dict(expected)


def test_members_under_the_parent_on_a_day_are_the_communities_less_the_people_in_two(
    setting,
) -> None:
    communities, merged = setting
    day = date(2025, 6, 30)
    there = 0
    for short, conn in communities.items():
        there += len(teams.members_under(conn, f"{short}社区志愿者服务分队", day))
    here = teams.members_under(merged, "当湖街道中队", day)
    assert len(here) == there - len(TWICE)
    assert len({row["id"] for row in here}) == len(PEOPLE)


def test_numbers_here_do_not_collide_and_each_row_keeps_its_community_number(setting) -> None:
    communities, merged = setting
    numbers = [r[0] for r in merged.execute("SELECT activity_no FROM activities")]
    assert len(numbers) == len(set(numbers)) == 15
    assert "A20250315-03" in numbers  # three communities' activities that day
    origin = sources.origin(merged, "A20250315-03")
    assert origin["origins"][0]["source_no"] == "A20250315-01"
    records_here = merged.execute("SELECT count(*) FROM service_records").fetchone()[0]
    records_there = sum(
        conn.execute("SELECT count(*) FROM service_records").fetchone()[0]
        for conn in communities.values()
    )
    assert records_here == records_there
    rows = merged.execute(
        "SELECT source_id, source_row FROM source_records WHERE current = 1"
    ).fetchall()
    assert len(rows) == records_here and len(set(rows)) == records_here
    person = sources.origin(merged, PEOPLE[1].id_number)
    assert [o["source"] for o in person["origins"]] == ["当湖街道东湖社区", "当湖街道南湖社区"]


def test_the_merged_ledger_agrees_with_its_own_totals_and_checks_clean(setting) -> None:
    from volctl import checks

    _communities, merged = setting
    assert records.verify(merged) == []
    errors = [f for f in checks.run(merged) if f.severity == "error"]
    assert errors == []


def test_a_roster_file_merged_directly_gives_the_same_result_as_its_bundle(
    setting, tmp_path: Path
) -> None:
    communities, merged = setting
    path = Path(communities["东湖"].execute("PRAGMA database_list").fetchone()[2])
    other = street(tmp_path / "other.db")
    merge(other, path)
    expected = sources.breakdown(merged, year=2025)["sources"][0]
    got = sources.breakdown(other, year=2025)["sources"][0]
    assert got == expected


@pytest.mark.parametrize("year", YEARS)
def test_the_street_summary_shows_each_community_as_its_own_summary_does(setting, year) -> None:
    from volctl.reports.summary import summary

    communities, merged = setting
    end = date(year, 12, 31)
    street_summary = summary(merged, year=year, today=end)
    lines = {row["community"]: row for row in street_summary["by_community"]}
    own = {short: summary(conn, year=year, today=end) for short, conn in communities.items()}
    for short, figures in own.items():
        line = lines[COMMUNITIES[short][0]]
        assert line["participations"] == figures["participations"]
        assert line["hours"] == figures["hours"]
        assert line["served"] == figures["volunteers_serving"]
    assert street_summary["participations"] == sum(f["participations"] for f in own.values())
    assert street_summary["hours"] == pytest.approx(sum(f["hours"] for f in own.values()))
    twice = street_summary["counted_twice"]
    assert street_summary["volunteers_serving"] == (
        sum(f["volunteers_serving"] for f in own.values()) - twice["served"]
    )

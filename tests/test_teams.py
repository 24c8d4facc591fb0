"""volctl team: the hierarchy's rules, dated memberships and rolled-up counts."""

from __future__ import annotations

import pytest

from tests.helpers_structure import ok, people, rows, team
from volctl.errors import Conflict, InvalidInput


@pytest.fixture
def hierarchy(cli, roster):
    team(cli, "平湖市社区志愿者服务大队", "大队")
    team(cli, "当湖街道中队", "中队", "--parent", "平湖市社区志愿者服务大队")
    team(cli, "东湖社区分队", "分队", "--parent", "当湖街道中队")
    team(cli, "西湖社区分队", "分队", "--parent", "当湖街道中队")
    team(cli, "东湖服务队", "服务队", "--parent", "东湖社区分队")
    return roster


def test_a_team_has_its_leader_contact_unit_phone_and_base(cli, roster, add_volunteer) -> None:
    leader, contact = people(add_volunteer, "王秀英", "李明")
    made = team(
        cli,
        "东湖社区分队",
        "分队",
        "--leader",
        leader,
        "--contact",
        "李明",
        "--unit",
        "东湖社区居委会",
        "--office-phone",
        "0573-85030727",
        "--base",
        "东湖服务中心",
    )
    assert made["leader"]["volunteer_no"] == leader and made["leader"]["phone"].count("*") == 4
    assert made["contact"]["volunteer_no"] == contact
    assert made["unit"] == "东湖社区居委会" and made["base"] == "东湖服务中心"
    assert made["office_phone"] == "0573-85030727" and made["parent"] is None


@pytest.mark.parametrize(
    ("level", "parent"),
    [
        ("中队", "东湖社区分队"),
        ("分队", "东湖服务队"),
        ("服务组", "当湖街道中队"),
    ],
)
def test_a_level_may_only_sit_under_a_higher_one(cli, hierarchy, level, parent) -> None:
    result = cli("team", "add", "新队伍", "--level", level, "--parent", parent)
    assert result.exit_code == InvalidInput.exit_code
    assert "cannot sit under" in result.stderr
    assert rows(hierarchy, "SELECT count(*) FROM teams WHERE name = '新队伍'") == [(0,)]


def test_a_brigade_is_the_top_level_and_takes_no_parent(cli, hierarchy) -> None:
    result = cli("team", "add", "新大队", "--level", "大队", "--parent", "当湖街道中队")
    assert result.exit_code == InvalidInput.exit_code
    assert "top level" in result.stderr and "--parent" in result.stderr
    assert rows(hierarchy, "SELECT count(*) FROM teams WHERE name = '新大队'") == [(0,)]


def test_a_service_group_needs_a_parent_and_fits_under_a_service_team(cli, hierarchy) -> None:
    alone = cli("team", "add", "环保组", "--level", "服务组")
    assert alone.exit_code == InvalidInput.exit_code and "must sit under" in alone.stderr
    assert team(cli, "环保组", "服务组", "--parent", "东湖服务队")["parent"] == "东湖服务队"


def test_moving_a_team_under_its_own_descendant_is_refused_as_a_loop(cli, hierarchy) -> None:
    result = cli("team", "update", "当湖街道中队", "--parent", "东湖社区分队")
    assert result.exit_code == Conflict.exit_code and "loop" in result.stderr
    same = cli("team", "update", "东湖社区分队", "--parent", "东湖社区分队")
    assert same.exit_code == Conflict.exit_code


def test_changing_a_level_that_its_sub_teams_could_not_sit_under_is_refused(cli, hierarchy) -> None:
    result = cli("team", "update", "当湖街道中队", "--level", "服务队")
    assert result.exit_code == InvalidInput.exit_code and "东湖社区分队" in result.stderr


def test_a_team_moves_to_the_top_with_top(cli, hierarchy) -> None:
    moved = ok(cli("team", "update", "东湖服务队", "--top", "--format", "json"))
    assert moved["team"]["parent"] is None and moved["changed"] == ["parent_id"]


def test_an_inactive_volunteer_cannot_join(cli, hierarchy, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    ok(cli("register", "deactivate", vol, "--reason", "搬离"))
    result = cli("team", "join", "东湖社区分队", vol)
    assert result.exit_code == Conflict.exit_code and "inactive" in result.stderr
    assert rows(hierarchy, "SELECT count(*) FROM memberships") == [(0,)]


def test_joining_is_all_or_nothing(cli, hierarchy, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    result = cli("team", "join", "东湖社区分队", vol, "nobody")
    assert result.exit_code == 4
    assert rows(hierarchy, "SELECT count(*) FROM memberships") == [(0,)]


def test_a_move_closes_the_old_membership_and_keeps_it(cli, hierarchy, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    ok(cli("team", "join", "东湖社区分队", vol, "--since", "2024-03-01"))
    moved = ok(
        cli(
            "team",
            "join",
            "西湖社区分队",
            vol,
            "--since",
            "2025-07-01",
            "--move",
            "--format",
            "json",
        )
    )
    assert moved[0]["left"] == ["东湖社区分队"]
    history = rows(
        hierarchy,
        "SELECT t.name, m.joined_on, m.left_on FROM memberships m JOIN teams t ON t.id = m.team_id"
        " ORDER BY m.id",
    )
    assert history == [
        ("东湖社区分队", "2024-03-01", "2025-07-01"),
        ("西湖社区分队", "2025-07-01", None),
    ]


def test_members_are_counted_where_they_were_on_the_date_asked(
    cli, hierarchy, add_volunteer
) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    ok(cli("team", "join", "东湖社区分队", vol, "--since", "2024-03-01"))
    ok(cli("team", "join", "西湖社区分队", vol, "--since", "2025-07-01", "--move"))

    def members(on: str) -> dict[str, int]:
        listed = ok(cli("team", "list", "--on", on, "--format", "json"))
        return {t["name"]: t["members"] for t in listed}

    assert members("2025-06-30")["东湖社区分队"] == 1 and members("2025-06-30")["西湖社区分队"] == 0
    assert members("2025-07-01")["东湖社区分队"] == 0 and members("2025-07-01")["西湖社区分队"] == 1


def test_the_tree_rolls_members_up_counting_each_person_once(cli, hierarchy, add_volunteer) -> None:
    a, b, c = people(add_volunteer, "王秀英", "李明", "张伟")
    ok(cli("team", "join", "东湖社区分队", a, b, "--since", "2025-01-01"))
    ok(cli("team", "join", "东湖服务队", b, c, "--since", "2025-01-01"))
    ok(cli("team", "join", "西湖社区分队", c, "--since", "2025-01-01"))
    (top,) = ok(cli("team", "tree", "--format", "json"))
    assert (top["name"], top["members"], top["members_total"]) == ("平湖市社区志愿者服务大队", 0, 3)
    (squadron,) = top["children"]
    east, west = squadron["children"]
    assert (east["name"], east["members"], east["members_total"]) == ("东湖社区分队", 2, 3)
    assert east["children"][0]["members_total"] == 2 and west["members_total"] == 1


def test_the_tree_draws_every_level_in_the_terminal(cli, hierarchy, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    ok(cli("team", "join", "东湖服务队", vol, "--since", "2025-01-01"))
    drawn = cli("team", "tree").stdout
    for name in ("平湖市社区志愿者服务大队", "当湖街道中队", "东湖社区分队", "东湖服务队"):
        assert name in drawn
    assert "└──" in drawn and "1 in all" in drawn


def test_the_tree_as_csv_has_one_row_per_team_with_its_path(cli, hierarchy) -> None:
    lines = cli("team", "tree", "--format", "csv").stdout.splitlines()
    assert lines[0].startswith("path,depth,name,level,status,parent")
    assert any(
        line.startswith("平湖市社区志愿者服务大队/当湖街道中队/东湖社区分队/东湖服务队,3,")
        for line in lines
    )


def test_show_lists_members_leaders_and_former_members(cli, hierarchy, add_volunteer) -> None:
    a, b = people(add_volunteer, "王秀英", "李明")
    ok(cli("team", "update", "东湖社区分队", "--leader", a, "--contact", b))
    ok(cli("team", "join", "东湖社区分队", a, "--role", "队长", "--since", "2025-01-01"))
    ok(cli("team", "join", "东湖社区分队", b, "--since", "2025-01-01"))
    ok(cli("team", "leave", "东湖社区分队", b, "--on", "2025-06-01"))
    shown = ok(cli("team", "show", "东湖社区分队", "--format", "json"))
    assert shown["leader"]["name"] == "王秀英" and shown["contact"]["name"] == "李明"
    assert [(m["name"], m["role"]) for m in shown["member_list"]] == [("王秀英", "队长")]
    assert [(m["name"], m["left_on"]) for m in shown["former_members"]] == [("李明", "2025-06-01")]
    assert "*" in shown["member_list"][0]["phone"]


def test_a_new_role_is_a_dated_change_with_history_kept(cli, hierarchy, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    ok(cli("team", "join", "东湖社区分队", vol, "--since", "2025-01-01"))
    changed = ok(
        cli(
            "team",
            "join",
            "东湖社区分队",
            vol,
            "--role",
            "副队长",
            "--since",
            "2025-05-01",
            "--format",
            "json",
        )
    )
    assert changed[0]["action"] == "role_changed" and changed[0]["old_role"] == "队员"
    again = cli("team", "join", "东湖社区分队", vol, "--role", "副队长")
    assert again.exit_code == Conflict.exit_code and "already" in again.stderr
    assert rows(hierarchy, "SELECT role, left_on FROM memberships ORDER BY id") == [
        ("队员", "2025-05-01"),
        ("副队长", None),
    ]


def test_leaving_before_joining_or_a_team_one_is_not_in_is_refused(
    cli, hierarchy, add_volunteer
) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    assert cli("team", "leave", "东湖社区分队", vol).exit_code == Conflict.exit_code
    ok(cli("team", "join", "东湖社区分队", vol, "--since", "2025-03-01"))
    early = cli("team", "leave", "东湖社区分队", vol, "--on", "2025-02-01")
    assert early.exit_code == InvalidInput.exit_code and "before they joined" in early.stderr


def test_members_of_a_team_and_everything_under_it_in_a_year(cli, hierarchy, add_volunteer) -> None:
    from volctl.db import open_roster
    from volctl.roster import teams

    a, b, c = people(add_volunteer, "王秀英", "李明", "张伟")
    ok(cli("team", "join", "东湖服务队", a, b, "--since", "2024-02-01"))
    ok(cli("team", "leave", "东湖服务队", b, "--on", "2024-12-01"))
    ok(cli("team", "join", "西湖社区分队", c, "--since", "2025-03-01"))
    conn = open_roster(hierarchy)
    from datetime import date

    in_2024 = teams.members_during(conn, "当湖街道中队", date(2024, 1, 1), date(2024, 12, 31))
    in_2025 = teams.members_during(conn, "当湖街道中队", date(2025, 1, 1), date(2025, 12, 31))
    on_day = teams.members_under(conn, "东湖社区分队", date(2024, 6, 1))
    assert [v["name"] for v in in_2024] == ["王秀英", "李明"]
    assert [v["name"] for v in in_2025] == ["王秀英", "张伟"]
    assert [v["name"] for v in on_day] == ["王秀英", "李明"]
    conn.close()


def test_every_team_change_is_audited(cli, hierarchy, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    ok(cli("team", "join", "东湖社区分队", vol, "--since", "2025-01-01"))
    ok(cli("team", "leave", "东湖社区分队", vol, "--on", "2025-02-01"))
    actions = [r[0] for r in rows(hierarchy, "SELECT action FROM audit_log ORDER BY id")]
    assert actions.count("team.add") == 5
    assert "membership.join" in actions and "membership.leave" in actions


def test_dissolving_a_team_ends_its_memberships_and_keeps_it(cli, hierarchy, add_volunteer) -> None:
    (vol,) = people(add_volunteer, "王秀英")
    ok(cli("team", "join", "东湖服务队", vol, "--since", "2025-01-01"))
    done = ok(cli("team", "dissolve", "东湖服务队", "--reason", "并入分队", "--on", "2025-06-30",
                  "--format", "json"))  # fmt: skip
    assert done["status"] == "dissolved" and done["dissolved_on"] == "2025-06-30"
    assert rows(hierarchy, "SELECT left_on FROM memberships") == [("2025-06-30",)]
    again = cli("team", "join", "东湖服务队", vol)
    assert again.exit_code == Conflict.exit_code and "dissolved" in again.stderr
    under = cli("team", "add", "新组", "--level", "服务组", "--parent", "东湖服务队")
    assert under.exit_code == Conflict.exit_code


def test_a_team_with_active_sub_teams_cannot_be_dissolved(cli, hierarchy) -> None:
    result = cli("team", "dissolve", "当湖街道中队", "--reason", "调整")
    assert result.exit_code == Conflict.exit_code and "东湖社区分队" in result.stderr


def test_register_list_shows_the_members_of_a_team_and_its_sub_teams(
    cli, hierarchy, add_volunteer
) -> None:
    a, b, _c = people(add_volunteer, "王秀英", "李明", "张伟")
    ok(cli("team", "join", "东湖社区分队", a, "--since", "2025-01-01"))
    ok(cli("team", "join", "东湖服务队", b, "--since", "2025-01-01"))
    listed = ok(cli("register", "list", "--team", "东湖社区分队", "--format", "json"))
    assert [v["name"] for v in listed] == ["王秀英", "李明"]
    assert cli("register", "list", "--team", "无此队").exit_code == 4


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh", "已更正 东湖服务队：上级队伍、负责人"), ("en", "parent team, responsible person")],
)
def test_a_team_update_names_the_parent_and_the_teams_responsible_person(
    cli, hierarchy, add_volunteer, lang, expected
) -> None:
    (leader,) = people(add_volunteer, "王秀英")
    args = ("team", "update", "东湖服务队", "--parent", "西湖社区分队", "--leader", leader)
    result = cli("--lang", lang, *args)
    assert result.exit_code == 0, result.stderr
    assert expected in result.stderr and "field." not in result.stderr
    assert "活动负责人" not in result.stderr
    moved = cli("--lang", lang, "team", "update", "当湖街道中队", "--top")
    assert "field." not in moved.stderr

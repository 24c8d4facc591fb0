"""Team history holds only states that can be true: a role from the joining day, a leave undone
without a second membership, no rejoining over days already counted."""

from __future__ import annotations

import pytest

from tests.helpers_structure import ok, people, rows, team
from volctl.errors import Conflict, InvalidInput


@pytest.fixture
def squad(cli, roster, add_volunteer):
    team(cli, "紫阳社区分队", "分队")
    return people(add_volunteer, "王秀英", "李明", "张伟")


def show(cli, *extra: str) -> dict:
    return ok(cli("team", "show", "紫阳社区分队", "--history", *extra, "--format", "json"))


def test_a_role_given_on_the_joining_day_corrects_the_membership(cli, squad) -> None:
    ok(cli("team", "join", "紫阳社区分队", squad[0], "--since", "2025-01-10"))
    ok(cli("team", "join", "紫阳社区分队", squad[0], "--role", "队长", "--since", "2025-01-10"))
    shown = show(cli)
    assert [(m["volunteer_no"], m["role"], m["joined_on"]) for m in shown["member_list"]] == [
        (squad[0], "队长", "2025-01-10")
    ]
    assert shown["former_members"] == []


def test_a_role_changed_later_keeps_the_first_role_as_history(cli, squad) -> None:
    ok(cli("team", "join", "紫阳社区分队", squad[0], "--since", "2025-01-10"))
    ok(cli("team", "join", "紫阳社区分队", squad[0], "--role", "队长", "--since", "2025-03-01"))
    former = show(cli)["former_members"]
    assert [(m["role"], m["joined_on"], m["left_on"]) for m in former] == [
        ("队员", "2025-01-10", "2025-03-01")
    ]


def test_a_leave_is_undone_by_reopening_the_membership(cli, squad, roster) -> None:
    ok(cli("team", "join", "紫阳社区分队", squad[1], "--since", "2025-01-10"))
    ok(cli("team", "leave", "紫阳社区分队", squad[1], "--on", "2025-06-30"))
    result = cli("team", "leave", "紫阳社区分队", squad[1], "--undo")
    assert result.exit_code == 0, result.stderr
    assert "2025-06-30" in result.stderr
    shown = show(cli)
    assert [(m["volunteer_no"], m["joined_on"]) for m in shown["member_list"]] == [
        (squad[1], "2025-01-10")
    ]
    assert shown["former_members"] == []
    assert rows(roster, "SELECT count(*) FROM memberships") == [(1,)]
    actions = [a for (a,) in rows(roster, "SELECT action FROM audit_log ORDER BY id")]
    assert actions[-2:] == ["membership.leave", "membership.leave_undone"]


def test_rejoining_with_the_original_date_is_refused_as_an_overlap(cli, squad, roster) -> None:
    ok(cli("team", "join", "紫阳社区分队", squad[1], "--since", "2025-01-10"))
    ok(cli("team", "leave", "紫阳社区分队", squad[1], "--on", "2025-06-30"))
    result = cli("team", "join", "紫阳社区分队", squad[1], "--since", "2025-01-10")
    assert result.exit_code == Conflict.exit_code
    assert "overlap" in result.stderr and "--undo" in result.stderr
    assert rows(roster, "SELECT count(*) FROM memberships") == [(1,)]


def test_rejoining_after_the_leave_day_is_a_second_membership(cli, squad) -> None:
    ok(cli("team", "join", "紫阳社区分队", squad[1], "--since", "2025-01-10"))
    ok(cli("team", "leave", "紫阳社区分队", squad[1], "--on", "2025-06-30"))
    ok(cli("team", "join", "紫阳社区分队", squad[1], "--since", "2025-06-30"))
    shown = show(cli)
    assert [m["joined_on"] for m in shown["member_list"]] == ["2025-06-30"]
    assert [m["left_on"] for m in shown["former_members"]] == ["2025-06-30"]


def test_only_a_leave_is_undone_not_a_move(cli, squad) -> None:
    team(cli, "东湖服务队", "服务队")
    ok(cli("team", "join", "紫阳社区分队", squad[2], "--since", "2025-01-10"))
    ok(cli("team", "join", "东湖服务队", squad[2], "--move", "--since", "2025-05-01"))
    result = cli("team", "leave", "紫阳社区分队", squad[2], "--undo")
    assert result.exit_code == Conflict.exit_code and "move" in result.stderr


def test_undoing_a_leave_of_someone_still_a_member_is_refused(cli, squad) -> None:
    ok(cli("team", "join", "紫阳社区分队", squad[0], "--since", "2025-01-10"))
    result = cli("team", "leave", "紫阳社区分队", squad[0], "--undo")
    assert result.exit_code == Conflict.exit_code and "still a member" in result.stderr


def test_undo_takes_no_date(cli, squad) -> None:
    result = cli("team", "leave", "紫阳社区分队", squad[0], "--undo", "--on", "2025-01-01")
    assert result.exit_code == InvalidInput.exit_code

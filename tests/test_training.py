"""Training: sessions, attendance, the untrained list; training time is never service time."""

from __future__ import annotations


def test_a_training_is_numbered_and_listed_with_its_attendance(cli, add_volunteer) -> None:
    add_volunteer("王秀英", registered_on="2025-01-05")
    added = cli(
        "training",
        "add",
        "新志愿者岗前培训",
        "--date",
        "2025-03-10",
        "--topic",
        "志愿精神",
        "--hours",
        "2.5",
        "--trainer",
        "王芳",
        "--initial",
        "--format",
        "json",
    )
    assert added.exit_code == 0, added.stderr
    assert added.json()["training_no"] == "T20250310-01" and added.json()["hours"] == 2.5
    attended = cli("training", "attend", "T20250310-01", "王秀英", "--format", "json")
    assert attended.json()["added"] == [{"volunteer_no": "V000001", "name": "王秀英"}]
    listed = cli("training", "list", "--format", "json").json()
    assert listed[0]["attendees"] == 1 and listed[0]["initial"] is True


def test_attending_twice_is_reported_not_doubled(cli, add_volunteer) -> None:
    add_volunteer("王秀英", registered_on="2025-01-05")
    cli("training", "add", "急救培训", "--date", "2025-04-01", "--topic", "应急救护")
    cli("training", "attend", "急救培训", "王秀英")
    again = cli("training", "attend", "急救培训", "王秀英", "--format", "json").json()
    assert again["added"] == [] and len(again["already"]) == 1


def test_an_unknown_topic_lists_the_choices_and_how_to_add_one(cli, roster) -> None:
    result = cli("training", "add", "插花", "--date", "2025-04-01", "--topic", "插花艺术")
    assert result.exit_code == 3 and "志愿精神" in result.stderr and "topics --add" in result.stderr
    assert cli("training", "topics", "--add", "插花艺术").exit_code == 0
    assert (
        cli("training", "add", "插花", "--date", "2025-04-01", "--topic", "插花艺术").exit_code == 0
    )


def test_the_untrained_list_shows_recruits_without_an_initial_training(cli, add_volunteer) -> None:
    add_volunteer("王秀英", registered_on="2025-01-05")
    add_volunteer("李四", registered_on="2025-01-05")
    cli("training", "add", "岗前培训", "--date", "2025-03-10", "--topic", "志愿精神", "--initial")
    cli("training", "add", "消防", "--date", "2025-03-11", "--topic", "消防安全")
    cli("training", "attend", "岗前培训", "王秀英")
    cli("training", "attend", "消防", "李四")
    untrained = cli("register", "list", "--untrained", "--format", "json").json()
    assert [p["name"] for p in untrained] == ["李四"]


def test_attending_a_training_before_registering_is_refused(cli, add_volunteer) -> None:
    add_volunteer("王秀英", registered_on="2025-06-01")
    cli("training", "add", "岗前培训", "--date", "2025-03-10", "--topic", "志愿精神")
    result = cli("training", "attend", "岗前培训", "王秀英")
    assert result.exit_code == 3 and "registered on 2025-06-01" in result.stderr


def test_training_hours_must_be_a_sensible_number(cli, roster) -> None:
    for bad in ("0", "25", "两小时"):
        result = cli(
            "training", "add", "x", "--date", "2025-03-10", "--topic", "志愿精神", "--hours", bad
        )
        assert result.exit_code == 3, bad

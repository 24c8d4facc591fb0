"""Import batches: dry runs, re-imports, --on-duplicate update, the batch list, and undo that
removes exactly what a batch added (or refuses, clearly)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import make_phone
from tests.helpers_intake import count, person, query, sheet, snapshot, write_xlsx
from volctl.errors import Conflict, NotFound


def signup(tmp_path: Path, name: str, people: list[list]) -> Path:
    return write_xlsx(tmp_path / name, sheet(people))


def run(cli, *args: str) -> dict:
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict = result.json()
    return data


def test_a_dry_run_reports_everything_and_writes_nothing(cli, roster, tmp_path) -> None:
    path = signup(tmp_path, "a.xlsx", [person(1), person(2), person(3, phone="123")])
    before = snapshot(roster)
    summary = run(cli, "register", "import", str(path), "--dry-run")
    assert (summary["imported"], summary["rejected"]) == (2, 1)
    assert summary["dry_run"] is True and summary["batch"] is None
    assert summary["rejects_file"] is None
    assert snapshot(roster) == before
    assert not (tmp_path / "a.rejects.xlsx").exists()


def test_a_dry_run_writes_the_rejects_workbook_only_when_asked(cli, roster, tmp_path) -> None:
    path = signup(tmp_path, "a.xlsx", [person(1), person(3, phone="123")])
    target = tmp_path / "check.xlsx"
    summary = run(cli, "register", "import", str(path), "--dry-run", "--rejects", str(target))
    assert summary["rejects_file"] == str(target) and target.exists()
    assert count(roster) == 0


def test_importing_the_same_file_again_warns_and_adds_nobody(cli, roster, tmp_path) -> None:
    path = signup(tmp_path, "a.xlsx", [person(1), person(2)])
    first = run(cli, "register", "import", str(path))
    result = cli("register", "import", str(path), "--format", "json")
    again = result.json()
    assert (again["imported"], again["duplicates"]) == (0, 2)
    assert again["files"][0]["previous_batches"][0]["batch"] == first["batch"]
    assert "already imported" in result.stderr
    assert count(roster) == 2
    assert again["details"][0]["duplicate_of"]["volunteer_no"] == "V000001"


def test_a_person_in_two_files_of_one_run_counts_once(cli, roster, tmp_path) -> None:
    a = signup(tmp_path, "a.xlsx", [person(1), person(2)])
    b = signup(tmp_path, "b.xlsx", [person(2), person(3)])
    summary = run(cli, "register", "import", str(a), str(b))
    assert (summary["imported"], summary["duplicates"]) == (3, 1)
    assert summary["batch"] is None and summary["batches"] == [1, 2]
    assert [f["batch"] for f in summary["files"]] == [1, 2]
    dup = summary["details"][0]
    assert dup["file"] == str(b) and dup["duplicate_of"] == {"file": str(a), "row": 5}


def test_on_duplicate_update_corrects_the_registered_record_and_audits_it(
    cli, roster, tmp_path
) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1), person(2)])))
    newer = signup(
        tmp_path, "b.xlsx", [person(1, phone=make_phone(77), political="党员"), person(2)]
    )
    summary = run(cli, "register", "import", str(newer), "--on-duplicate", "update")
    assert (summary["updated"], summary["duplicates"], summary["imported"]) == (1, 1, 0)
    assert summary["details"][0]["changed"] == ["phone", "political_status"]
    assert query(
        roster, "SELECT phone, political_status FROM volunteers WHERE volunteer_no = 'V000001'"
    ) == [("+86" + make_phone(77), "中共党员")]
    detail = json.loads(
        query(roster, "SELECT detail FROM audit_log WHERE action = 'volunteer.update'")[0][0]
    )
    assert detail["changes"]["phone"]["old"] == "+86" + make_phone(1) and detail["batch"] == 2


def test_on_duplicate_update_leaves_fields_the_sheet_left_empty(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1, notes="组长")])))
    newer = signup(tmp_path, "b.xlsx", [person(1, notes="")])
    summary = run(cli, "register", "import", str(newer), "--on-duplicate", "update")
    assert summary["updated"] == 0 and summary["duplicates"] == 1
    assert query(roster, "SELECT notes FROM volunteers") == [("组长",)]


def test_the_batch_list_shows_counts_and_status(cli, roster, tmp_path) -> None:
    run(
        cli,
        "register",
        "import",
        str(signup(tmp_path, "a.xlsx", [person(1), person(2, phone="1")])),
    )
    listed = run(cli, "register", "imports")
    assert len(listed) == 1
    batch = listed[0]
    assert (batch["batch"], batch["file"], batch["rows"], batch["imported"]) == (1, "a.xlsx", 2, 1)
    assert (batch["rejected"], batch["remaining"], batch["status"]) == (1, 1, "active")
    assert len(batch["sha256"]) == 64 and batch["undone_at"] is None
    table = cli("register", "imports")
    assert table.exit_code == 0 and "a.xlsx" in table.stdout


def test_undo_removes_exactly_what_the_batch_added(cli, roster, tmp_path, add_volunteer) -> None:
    add_volunteer("先登记的", id_number=person(9)[3], phone=make_phone(9))
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1), person(2)])))
    run(cli, "register", "import", str(signup(tmp_path, "b.xlsx", [person(3)])))
    outcome = run(cli, "register", "undo-import", "1", "--yes", "--reason", "发错了文件")
    assert outcome["removed"] == 2 and outcome["restored"] == 0
    assert [v["volunteer_no"] for v in outcome["removed_volunteers"]] == ["V000002", "V000003"]
    assert sorted(r[0] for r in query(roster, "SELECT name FROM volunteers")) == sorted(
        ["先登记的", "志愿者3"]
    )
    batch = query(roster, "SELECT undone_at, undo_reason FROM import_batches WHERE id = 1")[0]
    assert batch[0] is not None and batch[1] == "发错了文件"
    removed = query(roster, "SELECT detail FROM audit_log WHERE action = 'volunteer.remove'")
    assert len(removed) == 2 and json.loads(removed[0][0])["id_number"] == person(1)[3]
    assert query(roster, "SELECT count(*) FROM audit_log WHERE action = 'import.undo'") == [(1,)]


def test_after_an_undo_the_same_file_imports_again(cli, roster, tmp_path) -> None:
    path = signup(tmp_path, "a.xlsx", [person(1)])
    run(cli, "register", "import", str(path))
    run(cli, "register", "undo-import", "a.xlsx", "--yes")
    result = cli("register", "import", str(path), "--format", "json")
    assert result.json()["imported"] == 1 and "already imported" not in result.stderr
    assert query(roster, "SELECT volunteer_no FROM volunteers") == [("V000002",)]  # never reused


def test_undo_restores_what_on_duplicate_update_overwrote(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1)])))
    newer = signup(tmp_path, "b.xlsx", [person(1, phone=make_phone(77)), person(2)])
    run(cli, "register", "import", str(newer), "--on-duplicate", "update")
    outcome = run(cli, "register", "undo-import", "2", "--yes")
    assert outcome["removed"] == 1 and outcome["restored"] == 1
    assert outcome["restored_volunteers"] == [
        {"volunteer_no": "V000001", "name": "志愿者1", "fields": ["phone"]}
    ]
    assert query(roster, "SELECT volunteer_no, phone FROM volunteers") == [
        ("V000001", "+86" + make_phone(1))
    ]


def test_undo_refuses_when_an_updated_value_was_changed_since(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1)])))
    newer = signup(tmp_path, "b.xlsx", [person(1, phone=make_phone(77))])
    run(cli, "register", "import", str(newer), "--on-duplicate", "update")
    assert cli("register", "update", "V000001", "--phone", make_phone(88)).exit_code == 0
    before = snapshot(roster)
    result = cli("register", "undo-import", "2", "--yes")
    assert result.exit_code == Conflict.exit_code
    assert "changed again" in result.stderr and "V000001" in result.stderr
    assert snapshot(roster) == before


def test_undo_refuses_when_a_volunteer_has_been_used_since(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1), person(2)])))
    conn = sqlite3.connect(roster)
    with conn:
        conn.execute(
            "INSERT INTO teams (name, level, created_at, updated_at)"
            " VALUES ('东湖分队', '分队', 'x', 'x')"
        )
        conn.execute(
            "INSERT INTO memberships (team_id, volunteer_id, joined_on, created_at)"
            " VALUES (1, 2, '2025-03-02', 'x')"
        )
    conn.close()
    before = snapshot(roster)
    result = cli("register", "undo-import", "1", "--yes")
    assert result.exit_code == Conflict.exit_code
    assert "V000002 志愿者2" in result.stderr and "team memberships" in result.stderr
    assert snapshot(roster) == before


def test_undo_finds_references_in_tables_it_has_never_heard_of(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1)])))
    conn = sqlite3.connect(roster)
    with conn:
        conn.execute(
            "CREATE TABLE awards (id INTEGER PRIMARY KEY,"
            " winner INTEGER NOT NULL REFERENCES volunteers(id))"
        )
        conn.execute("INSERT INTO awards (winner) VALUES (1)")
    conn.close()
    result = cli("register", "undo-import", "1", "--yes")
    assert result.exit_code == Conflict.exit_code and "awards" in result.stderr
    assert count(roster) == 1


def test_a_deactivated_volunteer_counts_as_used(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1)])))
    assert cli("register", "deactivate", "V000001", "--reason", "搬走").exit_code == 0
    result = cli("register", "undo-import", "1", "--yes")
    assert result.exit_code == Conflict.exit_code and "status changes" in result.stderr


def test_an_undo_dry_run_changes_nothing(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1)])))
    before = snapshot(roster)
    outcome = run(cli, "register", "undo-import", "1", "--yes", "--dry-run")
    assert outcome["removed"] == 1 and outcome["dry_run"] is True
    assert snapshot(roster) == before


def test_a_batch_is_undone_once_and_an_unknown_batch_is_not_found(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1)])))
    assert cli("register", "undo-import", "1", "--yes").exit_code == 0
    again = cli("register", "undo-import", "1", "--yes")
    assert again.exit_code == Conflict.exit_code and "already undone" in again.stderr
    missing = cli("register", "undo-import", "42", "--yes")
    assert missing.exit_code == NotFound.exit_code and "register imports" in missing.stderr
    listed = run(cli, "register", "imports")
    assert listed[0]["status"] == "undone" and listed[0]["remaining"] == 0
    assert run(cli, "register", "imports", "--active") == []


def test_an_interrupted_import_leaves_the_roster_as_it_was(
    cli, roster, tmp_path, monkeypatch
) -> None:
    from volctl.roster import volunteers

    path = signup(tmp_path, "a.xlsx", [person(n) for n in range(1, 6)])
    calls = {"n": 0}
    real = volunteers.prepare

    def interrupted(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(volunteers, "prepare", interrupted)
    monkeypatch.setattr("volctl.intake.importer.FLUSH_EVERY", 2)  # some rows already written
    before = snapshot(roster)
    result = cli("register", "import", str(path))
    assert result.exit_code == 130 and "not changed" in result.stderr
    assert snapshot(roster) == before


def test_two_inputs_with_the_same_name_get_their_own_rejects_workbooks(
    cli, roster, tmp_path
) -> None:
    from tests.helpers_intake import write_csv

    xlsx = signup(tmp_path, "a.xlsx", [person(1), person(2, phone="1")])
    csv = write_csv(tmp_path / "a.csv", sheet([person(3), person(4, phone="2")]))
    summary = run(cli, "register", "import", str(xlsx), str(csv))
    files = [f["rejects_file"] for f in summary["files"]]
    assert files == [str(tmp_path / "a.rejects.xlsx"), str(tmp_path / "a.csv.rejects.xlsx")]
    assert all(Path(f).exists() for f in files)


# ----------------------------------------------------------------------------- later work


def import_update(cli, tmp_path: Path, name: str, people: list[list]) -> dict:
    return run(cli, "register", "import", str(signup(tmp_path, name, people)), "--on-duplicate",
               "update")  # fmt: skip


def phones(db: Path) -> list[tuple]:
    return query(db, "SELECT volunteer_no, phone, political_status FROM volunteers ORDER BY id")


def test_undo_refuses_while_a_later_batch_has_updated_people_it_added(
    cli, roster, tmp_path
) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1), person(2)])))
    import_update(cli, tmp_path, "b.xlsx", [person(1, phone=make_phone(77)), person(3)])
    import_update(cli, tmp_path, "c.xlsx", [person(2, political="党员")])
    before = snapshot(roster)
    for extra in ((), ("--dry-run",)):
        result = cli("register", "undo-import", "1", "--yes", *extra)
        assert result.exit_code == Conflict.exit_code, result.stderr
        assert "later import batches (2, 3)" in result.stderr
        assert "V000001 志愿者1" in result.stderr and "V000002 志愿者2" in result.stderr
        assert "volctl register undo-import 3" in result.stderr  # the newest first
        assert snapshot(roster) == before
    # Newest first, each undo restores what it overwrote; then the first batch goes cleanly.
    assert run(cli, "register", "undo-import", "3", "--yes")["restored"] == 1
    refused = cli("register", "undo-import", "1", "--yes")
    assert refused.exit_code == Conflict.exit_code and "batches (2)" in refused.stderr
    assert run(cli, "register", "undo-import", "2", "--yes")["removed"] == 1
    outcome = run(cli, "register", "undo-import", "1", "--yes")
    assert outcome["removed"] == 2 and count(roster) == 0
    assert query(roster, "SELECT id FROM import_batches WHERE undone_at IS NULL") == []


def test_undo_refuses_while_a_later_batch_changed_again_a_value_it_would_restore(
    cli, roster, tmp_path, add_volunteer
) -> None:
    add_volunteer("志愿者1", id_number=person(1)[3], phone=make_phone(1), political="群众")
    import_update(cli, tmp_path, "a.xlsx", [person(1, phone=make_phone(77))])
    import_update(cli, tmp_path, "b.xlsx", [person(1, phone=make_phone(88))])
    before = snapshot(roster)
    result = cli("register", "undo-import", "1", "--yes")
    assert result.exit_code == Conflict.exit_code
    assert "later import batches (2)" in result.stderr and "V000001 志愿者1 (phone" in result.stderr
    assert snapshot(roster) == before
    run(cli, "register", "undo-import", "2", "--yes")
    assert run(cli, "register", "undo-import", "1", "--yes")["restored"] == 1
    assert phones(roster) == [("V000001", "+86" + make_phone(1), "群众")]


def test_a_later_batch_that_changed_other_fields_is_kept_by_the_undo(
    cli, roster, tmp_path, add_volunteer
) -> None:
    add_volunteer("志愿者1", id_number=person(1)[3], phone=make_phone(1), political="群众")
    import_update(cli, tmp_path, "a.xlsx", [person(1, phone=make_phone(77))])
    import_update(cli, tmp_path, "b.xlsx", [person(1, phone=make_phone(77), political="党员")])
    outcome = run(
        cli, "register", "undo-import", "1", "--yes"
    )  # restores the phone only: nothing lost
    assert outcome["restored_volunteers"][0]["fields"] == ["phone"]
    assert phones(roster) == [("V000001", "+86" + make_phone(1), "中共党员")]
    assert run(cli, "register", "undo-import", "2", "--yes")["restored"] == 1
    assert phones(roster) == [("V000001", "+86" + make_phone(1), "群众")]


def test_undo_refuses_when_someone_it_added_was_corrected_by_hand_since(
    cli, roster, tmp_path
) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1), person(2)])))
    assert cli("register", "update", "V000002", "--phone", make_phone(88)).exit_code == 0
    before = snapshot(roster)
    result = cli("register", "undo-import", "1", "--yes")
    assert result.exit_code == Conflict.exit_code
    assert "corrected since" in result.stderr and "V000002 志愿者2 (phone" in result.stderr
    assert "register deactivate" in result.stderr and "V000001" not in result.stderr
    assert snapshot(roster) == before


def test_undo_refuses_when_people_it_added_have_service_records(cli, roster, tmp_path) -> None:
    today = query(roster, "SELECT date('now', 'localtime')")[0][0]
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1), person(2)])))
    number = run(cli, "activity", "add", "慰问", "--date", today, "--category", "社区服务")
    logged = cli("log-hours", "add", "V000001", "--activity", number["activity_no"], "--hours", "2")
    assert logged.exit_code == 0, logged.stderr
    before = snapshot(roster)
    result = cli("register", "undo-import", "1", "--yes")
    assert result.exit_code == Conflict.exit_code
    assert "V000001 志愿者1" in result.stderr and "service records" in result.stderr
    assert snapshot(roster) == before
    assert query(roster, "SELECT count(*) FROM service_records") == [(1,)]


def test_the_refusal_of_a_second_undo_gives_the_time_in_local_time(
    cli, roster, tmp_path, monkeypatch
) -> None:
    import time
    from datetime import datetime
    from zoneinfo import ZoneInfo

    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1)])))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        assert cli("register", "undo-import", "1", "--yes").exit_code == 0
        monkeypatch.setenv("TZ", "Asia/Shanghai")
        time.tzset()
        again = cli("register", "undo-import", "1", "--yes")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    (stamp,) = query(roster, "SELECT undone_at FROM import_batches")[0]
    local = datetime.fromisoformat(stamp).astimezone(ZoneInfo("Asia/Shanghai"))
    assert f"already undone on {local:%Y-%m-%d %H:%M}." in again.stderr
    assert stamp not in again.stderr


def test_a_chinese_refusal_lists_volunteers_with_chinese_punctuation(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1), person(2)])))
    import_update(cli, tmp_path, "b.xlsx", [person(1, phone=make_phone(77)), person(3)])
    import_update(cli, tmp_path, "c.xlsx", [person(2, political="党员")])
    result = cli("--lang", "zh", "register", "undo-import", "1", "--yes")
    assert "之后的导入批次 2、3" in result.stderr and "V000001 志愿者1（手机" in result.stderr
    english = cli("register", "undo-import", "1", "--yes").stderr
    assert not set("、；（）") & set(english.replace("志愿者", ""))


def test_an_undo_with_no_terminal_to_ask_and_no_yes_removes_nothing(cli, roster, tmp_path) -> None:
    run(cli, "register", "import", str(signup(tmp_path, "a.xlsx", [person(1), person(2)])))
    before = cli("register", "list", "--format", "json").json()
    result = cli("register", "undo-import", "1")
    assert result.exit_code == 2 and "--yes" in result.stderr
    assert cli("register", "list", "--format", "json").json() == before

"""The ledger's documentation keeps up with the code."""

from __future__ import annotations

from pathlib import Path

from volctl.i18n import catalogue

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")  # Chinese
README_EN = (ROOT / "README.en.md").read_text(encoding="utf-8")


def test_every_ledger_reason_code_is_documented_in_the_readme() -> None:
    codes = [k.removeprefix("hours.reason.") for k in catalogue() if k.startswith("hours.reason.")]
    assert codes
    for text in (README, README_EN):
        missing = [code for code in codes if f"`{code}`" not in text]
        assert not missing, missing


def test_the_readme_says_service_time_is_actual_service_not_travel_where_hours_are_entered() -> (
    None
):
    section = README_EN.split("### Recording service hours", 1)[1].split("\n### ", 1)[0]
    assert "actual service, not travel to and from it" in section
    section = README.split("### 记录服务时长", 1)[1].split("\n### ", 1)[0]
    assert "不含往返路途时间" in section


def test_every_key_and_code_a_table_shows_has_a_label(cli, roster, add_volunteer) -> None:
    from tests.helpers_ledger import add_activity
    from volctl.ledger import records

    add_volunteer("王秀英", registered_on="2024-01-05")
    add_activity(roster)
    cli("log-hours", "add", "V000001", "--activity", "A20250315-01")
    listed = cli("log-hours", "list", "--format", "json").json()
    history = cli("log-hours", "list", "--history", "--format", "json").json()
    keys = set(listed[0]) | set(history[0]) | {"time", "row", "outcome", "message"}
    names = set(catalogue())
    assert {f"hours.col.{k}" for k in keys} <= names
    assert {f"hours.attendance.{a}" for a in records.ATTENDANCE} <= names
    assert {f"hours.kind.{k}" for k in ("original", "amend", "void")} <= names
    assert {f"hours.outcome.{o}" for o in ("recorded", "rejected", "skipped")} <= names

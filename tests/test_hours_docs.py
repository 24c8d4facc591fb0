"""The ledger's documentation keeps up with the code."""

from __future__ import annotations

from pathlib import Path

from volctl.i18n import catalogue

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_ledger_reason_code_is_documented_in_the_readme() -> None:
    codes = [k.removeprefix("hours.reason.") for k in catalogue() if k.startswith("hours.reason.")]
    assert codes
    missing = [code for code in codes if f"`{code}`" not in README]
    assert not missing, missing


def test_the_readme_says_service_time_is_actual_service_not_travel_where_hours_are_entered() -> (
    None
):
    section = README.split("### Recording service hours", 1)[1].split("\n### ", 1)[0]
    assert "actual service, not travel to and from it" in section
    assert "不含往返路途时间" in section

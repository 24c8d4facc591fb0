"""Every typed text has a limit: too long is refused, naming the field, and nothing is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from volctl.errors import InvalidInput

LONG = "东" * 101
TOO_LONG_REASON = "因" * 201


def audit_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def setting_up(cli, roster, add_volunteer) -> Path:
    add_volunteer("王秀英", registered_on="2025-01-05")
    assert cli("team", "add", "东湖服务队", "--level", "大队").exit_code == 0
    return roster


@pytest.mark.parametrize(
    ("command", "label"),
    [
        (["settings", "org_name", LONG], "organisation name"),
        (["training", "add", LONG, "--date", "2025-03-01", "--topic", "志愿精神"], "title"),
        (
            [
                "training",
                "add",
                "急救",
                "--date",
                "2025-03-01",
                "--topic",
                "志愿精神",
                "--trainer",
                LONG,
            ],
            "trainer",
        ),
        (["team", "dissolve", "东湖服务队", "--reason", TOO_LONG_REASON], "reason"),
        (["register", "deactivate", "王秀英", "--reason", TOO_LONG_REASON], "reason"),
        (
            [
                "insurance",
                "add",
                "王秀英",
                "--insurer",
                LONG,
                "--policy",
                "P1",
                "--to",
                "2026-12-31",
            ],
            "insurer",
        ),
        (
            ["commend", "add", "--year", "2025", "--title", LONG, "--volunteer", "王秀英"],
            "title",
        ),
    ],
    ids=[
        "org name",
        "training title",
        "trainer",
        "dissolve reason",
        "deactivate reason",
        "insurer",
        "commendation title",
    ],
)
def test_a_text_past_its_limit_is_refused_naming_the_field_and_nothing_is_written(
    cli, setting_up: Path, command: list[str], label: str
) -> None:
    before = audit_count(setting_up)
    result = cli(*command)
    assert result.exit_code == InvalidInput.exit_code, result.stderr
    assert label in result.stderr and "at most" in result.stderr
    assert audit_count(setting_up) == before


def test_a_text_at_its_limit_is_kept_whole(cli, setting_up: Path) -> None:
    assert cli("settings", "org_name", "东" * 100).exit_code == 0
    shown = cli("settings", "--format", "json").json()
    assert shown["org_name"] == "东" * 100

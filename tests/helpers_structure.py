"""Factories for teams, activities and beneficiaries, driven through the CLI (issue 4 tests)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

Cli = Callable[..., Any]


def ok(result: Any) -> Any:
    """Assert a CLI run succeeded and return its parsed JSON (or the run when not JSON)."""
    assert result.exit_code == 0, result.stderr
    return result.json() if result.stdout.strip().startswith(("{", "[")) else result


def people(add_volunteer: Callable[..., dict[str, Any]], *names: str) -> list[str]:
    """Register volunteers (registered in 2024, so dated memberships in 2025 are allowed)."""
    return [add_volunteer(name, registered_on="2024-01-01")["volunteer_no"] for name in names]


def team(cli: Cli, name: str, level: str, *extra: str) -> dict[str, Any]:
    result: dict[str, Any] = ok(
        cli("team", "add", name, "--level", level, *extra, "--format", "json")
    )
    return result


def activity(cli: Cli, title: str = "敬老院探访", *extra: str, date: str = "2025-03-15") -> str:
    record = ok(
        cli(
            "activity",
            "add",
            title,
            "--date",
            date,
            "--category",
            "社区服务",
            *extra,
            "--format",
            "json",
        )
    )
    return str(record["activity_no"])


def recipient(cli: Cli, name: str = "陈阿婆", group: str = "空巢老人", *extra: str) -> str:
    """Register a beneficiary (registered in 2024 unless ``extra`` says otherwise, so dated
    pairings in 2025 are allowed)."""
    if "--registered-on" not in extra:
        extra = (*extra, "--registered-on", "2024-01-01")
    record = ok(
        cli("recipient", "add", "--name", name, "--group", group, *extra, "--format", "json")
    )
    return str(record["recipient_no"])


def rows(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()

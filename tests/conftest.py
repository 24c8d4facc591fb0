"""Shared fixtures: an isolated environment, a roster in tmp_path, a CLI runner, factories."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from stdnum.cn import ric
from typer.testing import CliRunner

from volctl import i18n

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the real user's roster, language or terminal width."""
    monkeypatch.delenv("VOLCTL_DB", raising=False)
    monkeypatch.delenv("VOLCTL_OPERATOR", raising=False)
    monkeypatch.setenv("VOLCTL_LANG", "en")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("VOLCTL_BUSY_TIMEOUT", "5")
    i18n.set_lang("en")


def make_id(
    birth: str = "19800101", *, male: bool = True, region: str = "330482", seq: int = 12
) -> str:
    """A valid resident identity number for a fictional person."""
    sequence = seq * 10 % 1000 + (1 if male else 0)
    base = f"{region}{birth}{sequence:03d}"
    return base + ric.calc_check_digit(base + "0")


def make_phone(n: int = 0) -> str:
    return f"1381234{n:04d}"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "roster.db"


@pytest.fixture
def cli(db_path: Path) -> Callable[..., Run]:
    """Run ``volctl --db <tmp roster> ARGS`` in-process; returns exit code, stdout and stderr."""
    from volctl.cli.app import app

    runner = CliRunner()

    def run(*args: str, db: Path | None = db_path, input: str | None = None) -> Run:
        argv = (["--db", str(db)] if db is not None else []) + [str(a) for a in args]
        result = runner.invoke(app, argv, input=input, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def roster(cli: Callable[..., Run], db_path: Path) -> Path:
    """An initialised, empty roster."""
    assert cli("init", "--org", "东湖社区").exit_code == 0
    return db_path


@pytest.fixture
def add_volunteer(cli: Callable[..., Run], roster: Path) -> Callable[..., dict[str, Any]]:
    """Register a volunteer through the CLI and return its JSON record (unmasked)."""
    counter = iter(range(1, 10_000))

    def add(name: str = "张三", *extra: str, **fields: str) -> dict[str, Any]:
        n = next(counter)
        fields.setdefault("id_number", make_id(seq=n))
        fields.setdefault("phone", make_phone(n))
        args = ["register", "add", "--name", name, "--format", "json", "--show-pii"]
        for key, value in fields.items():
            args += [f"--{key.replace('_', '-')}", value]
        result = cli(*args, *extra)
        assert result.exit_code == 0, result.stderr
        record: dict[str, Any] = result.json()
        return record

    return add

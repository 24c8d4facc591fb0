"""Shared fixtures: an isolated environment, a roster in tmp_path, a CLI runner, factories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
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
    monkeypatch.setenv("VOLCTL_STRICT_MESSAGES", "1")  # a message missing a value fails a test
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


def volctl_process(
    db: Path, *args: str, timeout: float = 60, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run volctl as a real process, as a second terminal would (what Python itself prints on
    stderr at exit is seen too)."""
    environment = {**os.environ, "VOLCTL_LANG": "en", **env}
    return subprocess.run(
        [sys.executable, "-m", "volctl", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
    )


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB filesystem (tmpfs) the test can fill or make read-only; needs root."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("mounting a small filesystem needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, *, left_free: int = 0) -> Path:
    """Fill ``disk`` up (less ``left_free`` bytes) with one file, returned."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:  # ENOSPC: the disk is now full
        pass
    finally:
        os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - left_free))
    return filler

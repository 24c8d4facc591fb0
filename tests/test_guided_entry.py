"""Guided entry: at a terminal, a command missing required fields asks for each, checking every
answer at once; without one (or with --no-input) it names every missing field in one message.

The terminal is real: volctl runs in a pseudo-terminal (``os.openpty``) and the test types.
"""

from __future__ import annotations

import os
import select
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_id
from volctl.errors import EXIT_INTERRUPTED, InvalidInput

TIMEOUT = 30


class Terminal:
    """volctl running in a pseudo-terminal: ``expect`` what it shows, ``type`` answers."""

    def __init__(self, db: Path, *args: str) -> None:
        self.master, slave = os.openpty()
        env = {**os.environ, "VOLCTL_LANG": "en", "COLUMNS": "100", "TERM": "dumb"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "volctl", "--db", str(db), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
        )
        os.close(slave)
        self.seen = ""

    def expect(self, text: str) -> str:
        """Read until ``text`` has been shown; return everything shown since the last one."""
        deadline = time.monotonic() + TIMEOUT
        start = len(self.seen)
        while text not in self.seen[start:]:
            left = deadline - time.monotonic()
            assert left > 0, f"never saw {text!r}; the screen shows:\n{self.seen[start:]}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the other side closed: the process ended
                    chunk = b""
                if not chunk:
                    assert text in self.seen[start:], f"ended before {text!r}:\n{self.seen}"
                    break
                self.seen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return self.seen[start:]

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\n")

    def eof(self) -> None:
        os.write(self.master, b"\x04")

    def finish(self) -> int:
        try:
            while True:
                ready, _, _ = select.select([self.master], [], [], TIMEOUT)
                if not ready:
                    break
                chunk = os.read(self.master, 4096)
                if not chunk:
                    break
                self.seen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        except OSError:
            pass
        return self.proc.wait(timeout=TIMEOUT)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


@pytest.fixture
def terminal(roster: Path) -> Iterator[type[Terminal]]:
    opened: list[Terminal] = []

    class Opened(Terminal):
        def __init__(self, *args: str) -> None:
            super().__init__(roster, *args)
            opened.append(self)

    yield Opened  # type: ignore[misc]
    for term in opened:
        term.close()


def volunteers(db: Path) -> list[tuple[str, str, str, str | None]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT name, id_number, gender, guardian_name FROM volunteers ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_register_add_asks_for_each_missing_field_and_checks_each_answer(terminal, roster) -> None:
    term = terminal("register", "add")
    term.expect("name:")
    term.type("王秀英")
    term.expect("identity number:")
    term.type("330482195803120388")  # one digit mistyped: the check character disagrees
    shown = term.expect("identity number:")
    assert "check" in shown.lower()
    term.type("330482195803120387")
    shown = term.expect("phone:")
    assert "gender 女, born 1958-03-12" in shown
    term.type("186 2024 66")  # too short
    term.expect("phone:")
    term.type("186-2024-6633")
    shown = term.expect("Registered")
    assert "recorded as 18620246633" in shown
    assert term.finish() == 0
    assert volunteers(roster) == [("王秀英", "330482195803120387", "女", None)]


def test_an_empty_answer_is_asked_again(terminal, roster) -> None:
    term = terminal(
        "register", "add", "--id-number", "330482195803120387", "--phone", "18620246633"
    )
    term.expect("name:")
    term.type("")
    shown = term.expect("name:")
    assert "required" in shown
    term.type("王秀英")
    assert term.finish() == 0
    assert len(volunteers(roster)) == 1


def test_a_child_is_asked_for_a_guardian(terminal, roster) -> None:
    term = terminal("register", "add", "--name", "小明", "--phone", "13957312345")
    term.expect("identity number:")
    term.type(make_id("20150601"))
    shown = term.expect("guardian")
    assert "under 18" in shown
    term.type("王大明")
    term.expect("guardian")
    term.type("13957300000")
    assert term.finish() == 0
    assert volunteers(roster)[0][3] == "王大明"


def test_a_second_registration_is_refused_as_the_number_is_typed(
    terminal, roster, add_volunteer
) -> None:
    add_volunteer("王秀英", id_number="330482195803120387")
    term = terminal("register", "add", "--name", "王秀英", "--phone", "18620246633")
    term.expect("identity number:")
    term.type("330482195803120387")
    shown = term.expect("identity number:")
    assert "already registered (V000001 王秀英)" in shown
    term.eof()
    assert term.finish() == EXIT_INTERRUPTED
    assert "not changed" in term.seen
    assert len(volunteers(roster)) == 1


def test_activity_add_offers_the_categories_and_checks_the_date(terminal, roster) -> None:
    term = terminal("activity", "add", "--format", "json")
    term.expect("title:")
    term.type("敬老院探访")
    term.expect("date:")
    term.type("2025-02-30")
    term.expect("date:")
    term.type("2025年3月15日")
    shown = term.expect("category:")
    assert "社区服务" in shown
    term.type("不存在的类别")
    term.expect("category:")
    term.type("社区服务")
    term.expect('"activity_no": "A20250315-01"')
    assert term.finish() == 0


def test_team_add_asks_for_the_name_and_level(terminal, roster) -> None:
    term = terminal("team", "add")
    term.expect("team:")
    term.type("东湖社区分队")
    shown = term.expect("level:")
    assert "大队" in shown and "服务组" in shown
    term.type("小队")
    term.expect("level:")
    term.type("分队")
    term.expect("Created")
    assert term.finish() == 0


def test_no_input_keeps_a_script_strict_even_at_a_terminal(terminal, roster) -> None:
    term = terminal("register", "add", "--no-input")
    assert term.finish() == InvalidInput.exit_code
    assert "3 required fields are missing" in term.seen
    assert "name:" not in term.seen
    assert volunteers(roster) == []


def test_without_a_terminal_every_missing_field_is_named_at_once(cli, roster) -> None:
    result = cli("register", "add")
    assert result.exit_code == InvalidInput.exit_code
    for option in ("--name", "--id-number", "--phone"):
        assert option in result.stderr
    result = cli("activity", "add", "--category", "社区服务")
    assert "TITLE" in result.stderr and "--date" in result.stderr
    assert "--category" not in result.stderr.split("Hint")[0]

"""One output layer: every command that prints rows writes them to -o FILE, the suffix choosing
the format (.xlsx .csv .json .md .txt), each file opened the way its reader opens it."""

from __future__ import annotations

import csv
import io
import json
import shutil
import stat
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from volctl.render.rows import csv_cell

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SUFFIXES = (".xlsx", ".csv", ".json", ".md", ".txt")

# Every command whose rows -o writes, with the arguments that give it rows on the demo roster
# ("town": a roster that merged the demo's bundle; "fresh": a copy of the demo for a command
# that changes the roster).
ARGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "check": ("demo", ()),
    "audit": ("demo", ()),
    "merge": ("town", ("{bundle}", "--dry-run")),
    "register list": ("demo", ()),
    "register import": ("demo", (str(EXAMPLES / "东湖社区志愿者报名表.xlsx"), "--dry-run")),
    "register imports": ("demo", ()),
    "team list": ("demo", ()),
    "team tree": ("demo", ()),
    "activity list": ("demo", ()),
    "activity categories": ("demo", ()),
    "activity holidays": ("demo", ("--year", "2025")),
    "recipient list": ("demo", ()),
    "recipient pairings": ("demo", ()),
    "recipient groups": ("demo", ()),
    "training list": ("demo", ()),
    "training topics": ("demo", ()),
    "insurance list": ("demo", ()),
    "commend list": ("demo", ()),
    "commend suggest": ("demo", ("--year", "2025")),
    "log-hours activity": ("fresh", ("A20251231-01", "--hours", "2")),
    "log-hours import": (
        "demo",
        (str(EXAMPLES / "集中服务日签到表-2025-05-17.csv"), "--dry-run"),
    ),
    "log-hours list": ("demo", ()),
    "report volunteer": ("demo", ("V000004", "--year", "2025")),
    "report hours": ("demo", ("--year", "2025")),
    "report target": ("demo", ("--year", "2025")),
    "report stars": ("demo", ("--year", "2025")),
    "report insurance": ("fresh", ("--expiring", "30")),
    "export forms": ("demo", ()),
    "export tables": ("demo", ()),
    "keys list": ("town", ()),
    "source list": ("town", ()),
    "source totals": ("town", ()),
    "source conflicts": ("town", ()),
    "source overlaps": ("town", ()),
}
# Commands that find nothing on these rosters: their files still have the header.
EMPTY = {"check", "source conflicts", "source overlaps"}


def row_commands() -> list[str]:
    """Every command of the CLI that takes the shared -o (its rows to a file)."""
    import click
    import typer.main

    from volctl.cli.app import app

    root = typer.main.get_command(app)
    ctx = click.Context(root)
    found: list[str] = []

    def walk(command: Any, path: list[str]) -> None:
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None:
                    walk(sub, [*path, name])
        elif getattr(command.callback, "writes_rows", False):
            found.append(" ".join(path))

    walk(root, [])
    return found


@pytest.fixture(scope="module")
def rosters(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The demo roster, and a town roster that merged the demo's bundle."""
    from volctl.cli.app import app

    folder = tmp_path_factory.mktemp("walk")
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VOLCTL_LANG", "en")
        patch.setenv("HOME", str(folder / "home"))
        patch.setenv("XDG_CONFIG_HOME", str(folder / "config"))

        def run(*args: str) -> None:
            result = runner.invoke(app, list(args))
            assert result.exit_code == 0, result.stderr

        run("demo", "--dir", str(folder / "demo"), "--format", "json")
        demo = folder / "demo" / "roster.db"
        bundle = folder / "demo.volbundle"
        run("--db", str(demo), "export", "bundle", "-o", str(bundle))
        town = folder / "town.db"
        run("--db", str(town), "init", "--org", "当湖街道")
        shown = runner.invoke(app, ["--db", str(demo), "keys", "show", "--format", "json"])
        run("--db", str(town), "keys", "trust", "东湖社区", json.loads(shown.stdout)["public_key"])
        run("--db", str(town), "merge", str(bundle))
        yield {"demo": demo, "town": town, "bundle": bundle}


def test_every_command_that_prints_rows_is_walked() -> None:
    assert sorted(row_commands()) == sorted(ARGS)


def _roster(rosters: dict[str, Path], kind: str, cli, tmp_path: Path) -> Path:
    if kind != "fresh":
        return rosters[kind]
    copy = tmp_path / f"fresh-{len(list(tmp_path.glob('fresh-*')))}.db"
    shutil.copy(rosters["demo"], copy)
    today = date.today()
    for args in (
        ("activity", "add", "年终大扫除", "--date", "2025-12-31", "--start", "09:00",
         "--end", "11:00", "--category", "环境保护"),
        ("activity", "signup", "A20251231-01", "V000001", "V000002"),
        ("insurance", "add", "V000003", "--insurer", "人保财险", "--policy", "PICC-1",
         "--from", str(today - timedelta(days=300)), "--to", str(today + timedelta(days=10))),
    ):  # fmt: skip
        result = cli(*args, db=copy)
        assert result.exit_code == 0, result.stderr
    return copy


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV for Excel starts with a byte-order mark"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def _xlsx_rows(path: Path) -> list[list[str]]:
    ws = openpyxl.load_workbook(path).active
    assert ws is not None and ws.freeze_panes == "A2"
    assert all(cell.font.b for cell in ws[1])
    rows = [[str(csv_cell(c)) for c in row] for row in ws.iter_rows(values_only=True)]
    return rows


@pytest.mark.parametrize("command", sorted(ARGS))
def test_each_command_writes_its_rows_to_every_kind_of_file(
    cli, rosters, tmp_path, command
) -> None:
    kind, args = ARGS[command]
    args = tuple(a.format(bundle=rosters["bundle"]) for a in args)
    files = {}
    for suffix in SUFFIXES:
        db = _roster(rosters, kind, cli, tmp_path)
        path = tmp_path / f"out{suffix}"
        # CSV and xlsx with the JSON keys for headers (a person's default is labels)
        keys = ("--header", "keys") if suffix in (".csv", ".xlsx") else ()
        result = cli(*command.split(), *args, *keys, "-o", path, db=db)
        assert result.exit_code == 0, (suffix, result.stderr)
        assert path.exists(), suffix
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, suffix
        assert not list(tmp_path.glob(".*.tmp"))
        files[suffix] = path
    data = json.loads(files[".json"].read_text(encoding="utf-8"))
    table = _csv_rows(files[".csv"])
    sheet = _xlsx_rows(files[".xlsx"])
    header = table[0]
    assert header and all(header), "a header names every column"
    assert sheet[0] == header, "the workbook has the CSV's columns"
    assert len(sheet) == len(table), "and its rows"
    markdown = files[".md"].read_text(encoding="utf-8")
    text = files[".txt"].read_text(encoding="utf-8")
    if command in EMPTY:
        assert len(table) == 1, "a header and no rows"
        return
    assert len(table) > 1, "the command found rows to write"
    if kind != "fresh":  # (a fresh roster's rows carry the time they were made)
        assert sheet[1] == table[1]
    if isinstance(data, list) and command != "team tree":  # the tree's CSV is its rows
        assert set(header) >= {k for k, v in data[0].items() if not isinstance(v, dict | None)}
    # The people-readable files show the first row's names and numbers.
    words = [cell for cell in table[1] if len(cell) >= 2 and not _number(cell)]
    shown = [cell for cell in words if cell in text]
    assert shown, (command, words[:5])
    assert [cell for cell in shown if cell in markdown] == shown
    assert "|---" in markdown or "```text" in markdown


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True

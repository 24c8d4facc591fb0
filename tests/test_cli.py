"""The command line as a whole: documented, helpful, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import typer.main
from typer._click.core import Context

from volctl.cli.app import app
from volctl.errors import EXIT_INTERNAL

READMES = [Path(__file__).resolve().parents[1] / name for name in ("README.md", "README.en.md")]


def leaf_commands() -> list[tuple[str, object]]:
    """Every command, the lazily loaded groups included (they are not in ``.commands``)."""
    root = typer.main.get_command(app)
    found = []

    def walk(command: object, path: str) -> None:
        # list_commands/get_command also reach the groups the root loads lazily (GROUPS).
        if hasattr(command, "list_commands"):
            ctx = Context(command)  # type: ignore[arg-type]
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), f"{path} {name}")
        else:
            found.append((path, command))

    walk(root, "volctl")
    return found


def test_every_command_has_help_text() -> None:
    for path, command in leaf_commands():
        assert (getattr(command, "help", "") or "").strip(), path


def test_every_command_is_documented_in_the_readme() -> None:
    for readme in READMES:
        text = readme.read_text(encoding="utf-8")
        missing = [path for path, _ in leaf_commands() if path not in text]
        assert not missing, (readme.name, missing)


def test_an_unexpected_failure_is_one_sentence_and_a_log_file(
    cli, roster, monkeypatch, tmp_path
) -> None:
    from volctl.roster import shown

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(shown, "list_volunteers", broken)
    result = cli("register", "list")
    assert result.exit_code == EXIT_INTERNAL
    assert "Traceback" not in result.stderr and "internal error" in result.stderr
    log = tmp_path / "config" / "volctl" / "error.log"
    assert "RuntimeError: a bug" in log.read_text(encoding="utf-8")


def test_the_roster_comes_from_the_option_then_the_environment(cli, tmp_path, monkeypatch) -> None:
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("VOLCTL_DB", str(env_db))
    assert cli("init", db=None).exit_code == 0
    info = cli("info", "--format", "json", db=None).json()
    assert info["path"] == str(env_db.resolve()) and info["source"] == "env"
    option_db = tmp_path / "option.db"
    info = cli("info", "--format", "json", db=option_db).json()
    assert info["source"] == "option" and info["state"] == "missing"


def test_without_option_or_environment_the_roster_lives_in_the_app_directory(cli, tmp_path) -> None:
    assert cli("init", db=None).exit_code == 0
    info = cli("info", "--format", "json", db=None).json()
    assert info["source"] == "default"
    assert info["path"] == str((tmp_path / "config" / "volctl" / "roster.db").resolve())
    assert info["counts"]["volunteers"] == 0


def test_the_demo_builds_an_example_community(cli, tmp_path) -> None:
    folder = tmp_path / "demo"
    result = cli("demo", "--dir", str(folder), "--format", "json", db=None)
    assert result.exit_code == 0, result.stderr
    summary = result.json()  # the demo ends with the example community's year-end summary
    assert summary["year"] == 2025 and summary["volunteers_registered"] == 40
    assert summary["activities"] > 12 and summary["met_target"] >= 1 and summary["stars"]["1"] >= 1
    assert (
        "imported the sign-up sheet: 40 registered, 1 duplicate rows, 1 rejected" in result.stderr
    )
    assert (folder / "东湖社区志愿者报名表.rejects.xlsx").exists()
    assert (folder / "roster.db").exists()
    again = cli("demo", "--dir", str(folder), db=None)
    assert again.exit_code != 0 and "already holds a roster" in again.stderr


def test_settings_are_listed_and_validated(cli, roster) -> None:
    values = cli("settings", "--format", "json").json()
    assert values["target_hours"] == 48
    assert values["star_thresholds"] == [100, 300, 600, 1000, 1500]
    assert cli("settings", "star_thresholds", "100,200,500,800,1000").exit_code == 0
    bad = cli("settings", "star_thresholds", "100,50")
    assert bad.exit_code == 3 and "increasing" in bad.stderr


def test_an_operator_name_that_cannot_go_into_the_audit_log_is_refused(
    cli, roster, monkeypatch
) -> None:
    """Bytes that are not UTF-8 (a lone surrogate to Python) or a control character in the
    operator's name: a usage error naming where the name came from, nothing written."""
    result = cli("--operator", "\udcff\udcfe", "register", "add", "--name", "张三")
    assert result.exit_code == 2 and "--operator" in result.stderr
    monkeypatch.setenv("VOLCTL_OPERATOR", "王\t芳")
    result = cli("register", "list")
    assert result.exit_code == 2 and "$VOLCTL_OPERATOR" in result.stderr
    monkeypatch.setenv("VOLCTL_OPERATOR", "王芳")
    assert cli("register", "list", "--format", "json").json() == []

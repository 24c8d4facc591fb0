"""The rough edges of the clerk's day: typos, internal ids, backups to a folder, what a restore
brings back, samples marked as samples, shell completion."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers_structure import ok, people, team
from volctl.errors import EXIT_CANCELLED, InvalidInput

EXIT_USAGE = 2  # Click's usage error

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_a_typo_is_never_steered_to_a_command_that_changes_the_record(cli, roster) -> None:
    result = cli("regster", "list")
    assert result.exit_code == EXIT_USAGE
    assert "Did you mean 'register'?" in result.stderr
    assert "restore" not in result.stderr
    for typo in ("restor", "rstore", "merg"):
        shown = cli(typo).stderr
        assert "'restore'" not in shown and "'merge'" not in shown, shown
    assert "'undo-import'" not in cli("register", "undo-imprt", "1").stderr
    assert "Did you mean 'list'?" in cli("register", "lsit").stderr


def test_the_audit_log_names_teams_and_volunteers_never_by_internal_id(
    cli, roster, add_volunteer
) -> None:
    number = people(add_volunteer, "王秀英")[0]
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", number))
    shown = cli("audit", "--action", "membership").stdout
    assert "东湖社区分队" in shown and f"{number} 王秀英" in shown
    assert "internal id" not in shown and "volunteer=1" not in shown


def test_a_backup_into_a_folder_writes_a_dated_file_in_it(cli, add_volunteer, tmp_path) -> None:
    add_volunteer("王秀英")
    stick = tmp_path / "备份"
    stick.mkdir()
    first = cli("backup", str(stick))
    assert first.exit_code == 0, first.stderr
    made = list(stick.glob("roster-*.backup.db"))
    assert len(made) == 1 and str(made[0]) in first.stderr


def test_restore_says_what_the_backup_holds_before_asking(
    cli, add_volunteer, tmp_path, roster
) -> None:
    add_volunteer("王秀英")
    add_volunteer("李明")
    team(cli, "东湖社区分队", "分队")
    backup = tmp_path / "backup.db"
    ok(cli("backup", str(backup)))
    result = cli("restore", str(backup), input="n\n")
    assert result.exit_code == EXIT_CANCELLED
    said = result.stderr
    assert "东湖社区" in said and "2 volunteers" in said and "1 team" in said
    assert "Replace everything" in result.stdout  # the question, after what it would bring


def test_backup_has_nothing_to_format(cli, roster, tmp_path) -> None:
    # restore has: the values it restored that break the roster's rules (tests/test_stored_values)
    assert cli("backup", str(tmp_path / "b.db"), "--format", "json").exit_code == EXIT_USAGE


def test_an_undo_refusal_marks_its_sample_of_volunteers(cli, roster, tmp_path) -> None:
    sheet = tmp_path / "报名表.xlsx"
    shutil.copy(EXAMPLES / "东湖社区志愿者报名表.xlsx", sheet)
    ok(cli("register", "import", str(sheet)))
    team(cli, "东湖社区分队", "分队")
    ok(cli("team", "join", "东湖社区分队", "V000002-V000013"))
    result = cli("register", "undo-import", "1", "--yes")
    assert result.exit_code != 0
    assert "12 of its volunteers" in result.stderr and "and 7 more" in result.stderr
    zh = cli("--lang", "zh", "register", "undo-import", "1", "--yes")
    assert "等（另有 7 个）" in zh.stderr


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "volctl", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )


def test_the_completion_script_is_shown_for_bash_zsh_and_fish() -> None:
    for shell, marker in (
        ("bash", "complete -o"),
        ("zsh", "#compdef volctl"),
        ("fish", "complete"),
    ):
        shown = run("--show-completion", shell)
        assert shown.returncode == 0, shown.stderr
        assert marker in shown.stdout and "_VOLCTL_COMPLETE" in shown.stdout


def test_an_unknown_shell_is_refused_with_the_choices() -> None:
    shown = run("--show-completion", "tcsh")
    assert shown.returncode == InvalidInput.exit_code
    assert "bash, zsh, fish" in shown.stderr and "Traceback" not in shown.stderr


def test_completion_is_installed_where_the_shell_finds_it(tmp_path) -> None:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    (home / ".bashrc").write_text("alias ll='ls -l'\n")
    for shell in ("bash", "zsh", "fish"):
        done = run("--install-completion", shell, HOME=str(home))
        assert done.returncode == 0, done.stderr
    assert (home / ".bash_completions" / "volctl.sh").is_file()
    assert (home / ".zfunc" / "_volctl").is_file()
    assert (home / ".config" / "fish" / "completions" / "volctl.fish").is_file()
    bashrc = (home / ".bashrc").read_text()
    assert bashrc.startswith("alias ll='ls -l'\n") and ".bash_completions/volctl.sh" in bashrc
    again = run("--install-completion", "bash", HOME=str(home))
    assert again.returncode == 0 and (home / ".bashrc").read_text() == bashrc


def test_the_shell_gets_commands_from_the_lazily_loaded_groups() -> None:
    words = run(_VOLCTL_COMPLETE="complete_bash", COMP_WORDS="volctl reg", COMP_CWORD="1")
    assert words.stdout.split() == ["register"]
    words = run(_VOLCTL_COMPLETE="complete_bash", COMP_WORDS="volctl team le", COMP_CWORD="2")
    assert words.stdout.split() == ["leave"]


def test_help_lists_the_completion_options(cli) -> None:
    shown = cli("--help", db=None).stdout
    assert "--install-completion" in shown and "--show-completion" in shown

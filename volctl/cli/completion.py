"""Shell completion: ``volctl --show-completion [bash|zsh|fish]`` prints the script,
``volctl --install-completion [bash|zsh|fish]`` installs it where the shell looks for it.

Typer's own completion options are turned off in ``app.py``: building them imports its
completion machinery (and shellingham) on every run, start-up time the clerk pays for nothing.
Here nothing is imported until one of the two options is given, or until the shell asks for
completions (``_VOLCTL_COMPLETE`` set: :func:`prepare`). The scripts are Typer's; the files
are written through ``volctl.files``, whole or not at all.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from volctl.cli import COMPLETE_VAR
from volctl.cli import COMPLETION_OPTIONS as OPTIONS

SHELLS = ("bash", "zsh", "fish")

# Root options that take a value: their value is not the command.
_VALUED = ("--db", "--lang", "--operator")


def requested(args: Sequence[str]) -> tuple[str, str | None] | None:
    """(option, shell or None) when ``args`` ask for completion before any command."""
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg in OPTIONS:
            shell = args[i + 1] if i + 1 < len(args) and not args[i + 1].startswith("-") else None
            return arg, shell
        if arg in _VALUED:
            skip = True
        elif not arg.startswith("-"):
            return None  # a command: the options belong to the root only
    return None


def prepare() -> None:
    """Register Typer's completion classes when the shell is asking for completions."""
    if os.environ.get(COMPLETE_VAR):
        from typer._completion_classes import completion_init

        completion_init()


def detect() -> str | None:
    """The shell volctl runs in: shellingham, else ``$SHELL``."""
    try:
        import shellingham

        name, _path = shellingham.detect_shell()
    except Exception:  # not detectable (no parent shell, an unknown platform)
        name = Path(os.environ.get("SHELL", "")).name
    return name or None


def script(shell: str, prog: str = "volctl") -> str:
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=prog, complete_var=COMPLETE_VAR, shell=shell)


def _add_lines(rc: Path, lines: Sequence[str]) -> None:
    """Append the lines ``rc`` lacks (a shell's start-up file), keeping the rest as it is."""
    from volctl import files

    text = rc.read_text(encoding="utf-8") if rc.is_file() else ""
    missing = [line for line in lines if line not in text]
    if not missing:
        return
    if text and not text.endswith("\n"):
        text += "\n"
    mode = rc.stat().st_mode & 0o777 if rc.is_file() else None
    files.write_text(rc, text + "\n".join(missing) + "\n", private=False)
    if mode is not None:
        rc.chmod(mode)


def install(shell: str, prog: str = "volctl") -> Path:
    """Write the script where ``shell`` finds it (as Typer would); return its path."""
    from volctl import files

    home = Path.home()
    if shell == "bash":
        path = home / ".bash_completions" / f"{prog}.sh"
        rc, lines = home / ".bashrc", [f"source '{path}'"]
    elif shell == "zsh":
        path = home / ".zfunc" / f"_{prog}"
        rc, lines = home / ".zshrc", ["fpath+=~/.zfunc; autoload -Uz compinit; compinit"]
    else:
        path = home / ".config" / "fish" / "completions" / f"{prog}.fish"
        rc, lines = None, []
    path.parent.mkdir(parents=True, exist_ok=True)
    files.write_text(path, script(shell, prog) + "\n", private=False)
    if rc is not None:
        _add_lines(rc, lines)
    return path

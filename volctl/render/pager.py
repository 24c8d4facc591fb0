"""A table longer than the screen goes through a pager, as git does.

Only when the table is printed at a terminal (never into a file, a pipe, JSON or CSV) and is
longer than the screen; ``--no-pager`` (before or after the command) keeps it on the terminal.
The pager is ``$VOLCTL_PAGER``, else ``$PAGER``, else ``less``; an empty value or ``cat`` means
none. ``less`` is started with ``LESS=FRX`` unless ``$LESS`` says otherwise: it leaves the text
on the screen when it quits and shows colours.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys


def program() -> str | None:
    """The pager's command line, or None when there is to be none."""
    for name in ("VOLCTL_PAGER", "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            value = value.strip()
            return None if value in ("", "cat") else value
    return "less"


def page(text: str, command: str) -> bool:
    """Show ``text`` through ``command`` and wait for it; False when it cannot be started
    (the caller prints the text instead)."""
    try:
        first = shlex.split(command)[0]
    except (ValueError, IndexError):
        return False
    if shutil.which(first) is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
        process.stdin.close()
    except (BrokenPipeError, OSError):  # the reader quit before the end: nothing is lost
        pass
    while True:
        try:
            process.wait()
            return True
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue

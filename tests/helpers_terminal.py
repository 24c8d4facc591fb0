"""Running volctl at a real (pseudo-)terminal of a given size: what the clerk sees there."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from dataclasses import dataclass
from pathlib import Path

_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


@dataclass
class Seen:
    exit_code: int
    screen: str  # what reached the terminal (stdout), escape codes removed
    stderr: str


def at_terminal(
    db: Path, *args: str, columns: int = 80, lines: int = 24, env: dict[str, str] | None = None
) -> Seen:
    """``volctl --db DB ARGS`` with stdout on a terminal ``columns`` × ``lines``, stderr kept
    apart (a pipe)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    environment = {
        **os.environ,
        "COLUMNS": str(columns),
        "LINES": str(lines),
        "TERM": "xterm",
        "NO_COLOR": "1",
        **(env or {}),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "volctl", "--db", str(db), *args],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=environment,
        close_fds=True,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other end closed: the program is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.stderr is not None
    stderr = process.stderr.read().decode()
    process.stderr.close()
    code = process.wait(timeout=60)
    screen = b"".join(chunks).decode(errors="replace").replace("\r\n", "\n")
    return Seen(code, _ESCAPES.sub("", screen), stderr)

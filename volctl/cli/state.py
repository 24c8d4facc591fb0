"""The state of the command running: its global options and the roster it opened."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from volctl.cli.messages import notice
from volctl.i18n import t

if TYPE_CHECKING:
    import sqlite3

    from volctl.render import Format


class State:
    """Global options, set by the app callback for each invocation. (A plain class: a
    dataclass is compiled at import, on every command.)"""

    def __init__(self) -> None:
        self.db: Path | None = None
        self.operator: str | None = None
        self.connections: list[sqlite3.Connection] = []
        # The output of the command running: the format written (``--format`` or the suffix
        # of ``-o``), ``--limit``, and whether a long table may go through a pager.
        self.target: Format | None = None
        self.limit: int | None = None
        self.pager: bool = True
        # CSV and xlsx headers: "labels" (the interface language, values named in it, for a
        # person) or "keys" (the JSON keys and stored values, for a script): --header.
        self.header: str = "labels"


STATE = State()


def default_dir() -> Path:
    return Path(typer.get_app_dir("volctl"))


def location() -> Any:
    from volctl.db import locate

    return locate(STATE.db, default_dir())


def roster(*, create: bool = False, inspected: Any = None) -> "sqlite3.Connection":
    """Open the roster chosen by --db / $VOLCTL_DB / the default, migrated, for this command.
    ``inspected``: what ``db.inspect_file`` found there a moment ago (``info``), not read again."""
    from volctl import db

    where = location()
    if create and where.source == "default":
        where.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    db.set_wait_hook(lambda: notice(t("roster.waiting")))
    conn = db.open_roster(
        where.path,
        create=create,
        notify=lambda key, params: notice(t(key, **params)),
        inspected=inspected,
    )
    STATE.connections.append(conn)
    return conn


def close_connections() -> None:
    """Close what this command opened (a real process exits anyway; tests run many commands)."""
    while STATE.connections:
        STATE.connections.pop().close()

"""What one merge keeps while it works: the roster-wide lookups, and per source the maps from
the source's row ids to this roster's."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from volctl.errors import InvalidInput, Where
from volctl.merge import content


@dataclass
class State:
    """Lookups over this roster, loaded once per merge and kept up to date as rows arrive."""

    conn: sqlite3.Connection
    today: date
    _identities: dict[tuple[str, str], int] | None = None
    _numbers: dict[str, dict[str, int]] = field(default_factory=dict)
    _codes: dict[str, set[str]] | None = None

    @property
    def identities(self) -> dict[tuple[str, str], int]:
        """(document type, number) -> volunteer id, for everyone on this roster."""
        if self._identities is None:
            cursor = self.conn.cursor()
            cursor.row_factory = None
            self._identities = {
                (kind, number): vid
                for vid, kind, number in cursor.execute(
                    "SELECT id, id_type, id_number FROM volunteers"
                )
            }
        return self._identities

    def next_number(self, table: str, column: str, letter: str, day: str) -> str:
        """``A20250315-07`` / ``T20250310-02``: the next free number of that day here."""
        used = self._numbers.get(table)
        if used is None:
            used = {}
            for (number,) in self.conn.execute(f"SELECT {column} FROM {table}"):
                head, _, tail = str(number).rpartition("-")
                if tail.isdigit():
                    used[head] = max(used.get(head, 0), int(tail))
            self._numbers[table] = used
        head = letter + day.replace("-", "")
        used[head] = used.get(head, 0) + 1
        return f"{head}-{used[head]:02d}"

    def ensure_code(self, list_name: str, value: object) -> bool:
        """Put a source's category, group or topic on this roster's list; True if added."""
        if not isinstance(value, str) or not value.strip():
            return False
        if self._codes is None:
            self._codes = {}
            for name, item in self.conn.execute("SELECT list, value FROM code_lists"):
                self._codes.setdefault(name, set()).add(item)
        known = self._codes.setdefault(list_name, set())
        if value in known:
            return False
        position = self.conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM code_lists WHERE list = ?", (list_name,)
        ).fetchone()[0]
        self.conn.execute(
            "INSERT INTO code_lists (list, value, position, builtin) VALUES (?, ?, ?, 0)",
            (list_name, value, position),
        )
        known.add(value)
        return True


@dataclass
class SourceContext:
    """One source being merged: where its rows land here."""

    state: State
    source: content.Source
    source_id: int
    run_id: int
    label: str
    parent_id: int | None
    previous: bool  # merged before: its earlier contribution is being replaced
    volunteers: dict[int, int] = field(default_factory=dict)
    teams: dict[int, int] = field(default_factory=dict)
    activities: dict[int, int] = field(default_factory=dict)
    trainings: dict[int, int] = field(default_factory=dict)
    recipients: dict[int, int] = field(default_factory=dict)
    status_before: dict[int, str | None] = field(default_factory=dict)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.state.conn

    @property
    def file(self) -> str:
        return Path(self.source.path).name

    def invalid(self, part: str, row: int | None = None, detail: str = "") -> InvalidInput:
        return InvalidInput(
            "merge.rows_invalid",
            hint="hint.bundle_ask_again",
            where=Where(file=self.file),
            part=content.PART[part].file,
            row=row if row is not None else "-",
            detail=detail,
        )

    def table(
        self, part: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> tuple[dict[str, int], Iterator[list[Any]]]:
        """A part's rows and where each wanted column is in them (checked to be there)."""
        names, rows = self.source.table(part)
        index = {name: i for i, name in enumerate(names)}
        missing = [name for name in required if name not in index]
        if missing:
            raise self.invalid(part, 1, ", ".join(missing))
        for name in optional:
            index.setdefault(name, -1)
        return index, rows

    def dicts(
        self, part: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> Iterator[dict[str, Any]]:
        """A part's rows as dicts of the wanted columns (an optional one absent: None)."""
        index, rows = self.table(part, required, optional)
        wanted = [(name, index[name]) for name in (*required, *optional)]
        for row in rows:
            yield {name: (row[i] if i >= 0 else None) for name, i in wanted}

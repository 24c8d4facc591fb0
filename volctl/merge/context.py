"""What one merge keeps while it works: the roster-wide lookups, and per source the maps from
the source's row ids to this roster's.

Every row of a source is read through ``SourceContext.table``, which holds it to the roster's
own rules (``volctl.validation``) before anyone uses it: its values, an id that is a whole
number and not repeated in its part, and references to rows the source sent (a membership's
team and volunteer, a record's activity…). The first row that fails refuses the source with
``refused``: the bundle, the part, the row (its line in the part's file, the column names
being line 1) and the column, and why; the merge's transaction then leaves the roster as it
was."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from volctl.errors import InvalidInput, Where
from volctl.merge import content

if TYPE_CHECKING:
    from volctl.validation import Refusal

# Columns that refer to another part's rows (by the source's ids). A team's parent (read
# whole before its tree is built) and a correction's record (``ledger``) are checked where
# they are used.
REFERENCES: dict[str, dict[str, str]] = {
    "status_changes": {"volunteer_id": "volunteers"},
    "teams": {"leader_id": "volunteers", "contact_id": "volunteers"},
    "memberships": {"team_id": "teams", "volunteer_id": "volunteers"},
    "activities": {"team_id": "teams", "leader_id": "volunteers"},
    "records": {"volunteer_id": "volunteers", "activity_id": "activities"},
    "training_attendance": {"training_id": "trainings", "volunteer_id": "volunteers"},
    "insurance": {"volunteer_id": "volunteers"},
    "commendations": {"volunteer_id": "volunteers", "team_id": "teams"},
    "pairings": {"recipient_id": "recipients", "volunteer_id": "volunteers"},
    "served": {"activity_id": "activities", "recipient_id": "recipients"},
}


class _History:
    """A part that is a history (the ledger, the status history): only the row that counts
    at the end (a record's latest entry, unless voided; a volunteer's latest status change)
    must hold every rule. A superseded row may hold a value of the right type the rules
    refuse (old data since corrected at the source, as ``check`` sees it there); its refusal
    is kept until a later row supersedes it, and refuses the source at the end of the part."""

    def __init__(self, part: str, names: list[str]) -> None:
        self.key: Callable[[Sequence[Any]], Any] | None = None
        self.pending: dict[Any, tuple[int, Refusal]] = {}
        self.names = names
        self.void = -1
        if part == "records" and {"id", "corrects_id", "kind"} <= set(names):
            ident, corrects = names.index("id"), names.index("corrects_id")
            self.void = names.index("kind")
            self.key = lambda row: row[corrects] if row[corrects] is not None else row[ident]
        elif part == "status_changes" and "volunteer_id" in names:
            person = names.index("volunteer_id")
            self.key = lambda row: row[person]

    def defers(self, row: Sequence[Any], number: int, found: Refusal | None) -> bool:
        """Whether ``found`` (this row's refusal, if any) waits for a later row."""
        if self.key is None:
            return False
        from volctl.validation import historic

        if found is not None and (
            found.field not in self.names or not historic(found, row[self.names.index(found.field)])
        ):
            return False  # refused now (a value of the wrong type, a broken constraint)
        key = self.key(row)
        if key.__class__ not in (int, str, type(None)):
            return False  # refused now: the row's own key is of the wrong type
        self.pending.pop(key, None)  # superseded by this row
        if found is None:
            return False
        if self.void < 0 or row[self.void] != "void":  # a voided record counts no more
            self.pending[key] = (number, found)
        return True

    def refusal(self) -> tuple[int, Refusal] | None:
        return min(self.pending.values(), key=lambda item: item[0], default=None)


@dataclass
class State:
    """Lookups over this roster, loaded once per merge and kept up to date as rows arrive."""

    conn: sqlite3.Connection
    today: date
    _identities: dict[tuple[str, str], int] | None = None
    _numbers: dict[str, dict[str, int]] = field(default_factory=dict)
    _codes: dict[str, set[str]] | None = None
    _typed: dict[str, str] | None = None

    @property
    def typed(self) -> dict[str, str]:
        """Identity number -> its document type, for everyone on this roster."""
        if self._typed is None:
            self._typed = {number: kind for kind, number in self.identities}
        return self._typed

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
    ids: dict[str, dict[Any, int]] = field(default_factory=dict)  # part -> its ids' rows
    registered: dict[int, str] = field(default_factory=dict)  # volunteer -> registered there

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

    def refused(self, part: str, row: int, found: Refusal) -> InvalidInput:
        """The source refused whole at one row: bundle, part, row and column named."""
        return InvalidInput(
            "merge.row_refused",
            hint="hint.bundle_row_refused",
            where=Where(file=self.file, row=row, field=found.field, column=found.field or None),
            part=content.PART[part].file,
            reason=found.reason(),
        )

    def table(
        self, part: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> tuple[dict[str, int], Iterator[list[Any]]]:
        """A part's rows, each held to the roster's rules as it is read (see the module), and
        where each wanted column is in them (checked to be there)."""
        names, rows = self.source.table(part)
        index = {name: i for i, name in enumerate(names)}
        missing = [name for name in required if name not in index]
        if missing:
            raise self.invalid(part, 1, ", ".join(missing))
        for name in optional:
            index.setdefault(name, -1)
        return index, self._checked(part, names, rows)

    def _checked(
        self, part: str, names: list[str], rows: Iterator[list[Any]]
    ) -> Iterator[list[Any]]:
        from volctl.validation import Refusal, tables

        today = self.state.today
        check = tables(today)[content.PART[part].table].checker(names, today)
        # Each id once in its part (the ledger's entries: as ``ledger`` appends them).
        key = names.index("id") if "id" in names and part != "records" else -1
        seen: dict[Any, int] = {}
        self.ids[part] = seen
        targets = [
            (names.index(column), column, self.ids.setdefault(target, {}), target)
            for column, target in REFERENCES.get(part, {}).items()
            if column in names
        ]
        history = _History(part, names)
        for number, row in enumerate(rows, start=2):
            found = check(row)
            if (found is not None or history.pending) and history.defers(row, number, found):
                found = None
            if found is not None:
                raise self.refused(part, number, found)
            if key >= 0:
                if row[key] in seen:
                    found = Refusal("id", "reason.id_repeated", {"row": seen[row[key]]})
                    raise self.refused(part, number, found)
                seen[row[key]] = number
            for i, column, known, target in targets:
                if row[i] is not None and row[i] not in known:
                    params = {"value": row[i], "part": content.PART[target].file}
                    raise self.refused(part, number, Refusal(column, "reason.unknown_row", params))
            yield row
        late = history.refusal()
        if late is not None:
            raise self.refused(part, *late)

    def check_part(self, part: str) -> None:
        """Read a part the merge does not use (the status history) for its rules alone."""
        _index, rows = self.table(part, ())
        for _row in rows:
            pass

    def dicts(
        self, part: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> Iterator[dict[str, Any]]:
        """A part's rows as dicts of the wanted columns (an optional one absent: None)."""
        index, rows = self.table(part, required, optional)
        wanted = [(name, index[name]) for name in (*required, *optional)]
        for row in rows:
            yield {name: (row[i] if i >= 0 else None) for name, i in wanted}

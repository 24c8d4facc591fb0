"""Volunteers named many at a time: ``V000018-V000020,V000025 王秀英``.

Every command that takes several volunteers (``team join``, ``activity signup``, ``training
attend``, ``insurance add``, ``log-hours activity --only``, ``recipient pair``, ``export form
--volunteer`` …) reads its list through :func:`expand`, so the same spelling works everywhere:

- words are split at commas (``,``, ``，``, ``、``);
- ``FIRST-LAST``, both ends volunteer numbers of this roster (its prefix, six digits), is every
  registered volunteer numbered from FIRST to LAST: both ends must exist (a typo in a range is
  caught rather than taking hundreds of people), and numbers no longer on the roster (an undone
  import) are passed over, since numbers are never reused;
- anything else is one reference, found as ``register show`` finds it (number, identity
  number, phone or unique name).

A phone typed with dashes (``186-2024-6633``) is never a range: its parts are not volunteer
numbers.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from volctl.errors import InvalidInput, NotFound, Where

SEPARATORS = re.compile(r"[,，、]")
MAX_RANGE = 10_000  # volunteers one range may name: beyond it, a typo
DIGITS = 6  # the width of a volunteer number's counter (V000001)


def _prefix(conn: sqlite3.Connection) -> str:
    from volctl import settings

    return str(settings.get(conn, "volunteer_no_prefix"))


def _range(text: str, prefix: str) -> tuple[str, str] | None:
    """(first, last) when ``text`` is ``FIRST-LAST`` with both ends volunteer numbers."""
    number = re.escape(prefix) + r"\d{" + str(DIGITS) + "}"
    m = re.fullmatch(rf"({number})\s*[-–—~～至到]\s*({number})", text, flags=re.IGNORECASE)
    if m is None:
        return None
    return m.group(1).upper(), m.group(2).upper()


def words(refs: Iterable[str]) -> list[str]:
    """The references in ``refs`` split at commas, blanks dropped, in order."""
    out: list[str] = []
    for ref in refs:
        out.extend(part.strip() for part in SEPARATORS.split(str(ref)) if part.strip())
    return out


def expand(conn: sqlite3.Connection, refs: Iterable[str]) -> list[str]:
    """The single references ``refs`` stand for: commas split, ranges expanded to the volunteer
    numbers on the roster (see the module's docstring); duplicates kept for the caller."""
    prefix = _prefix(conn)
    out: list[str] = []
    for word in words(refs):
        ends = _range(word, prefix)
        if ends is None:
            out.append(word)
            continue
        first, last = ends
        if first > last:
            raise InvalidInput(
                "refs.range_reversed", where=Where(field="volunteers"), range=word, first=first
            )
        for end in (first, last):
            if not conn.execute(
                "SELECT 1 FROM volunteers WHERE volunteer_no = ? COLLATE NOCASE", (end,)
            ).fetchone():
                raise NotFound(
                    "refs.range_end_unknown", hint="hint.refs_range", range=word, end=end
                )
        numbers = [
            row[0]
            for row in conn.execute(
                "SELECT volunteer_no FROM volunteers WHERE upper(volunteer_no) BETWEEN ? AND ?"
                " AND length(volunteer_no) = ? ORDER BY volunteer_no LIMIT ?",
                (first, last, len(first), MAX_RANGE + 1),
            )
        ]
        if len(numbers) > MAX_RANGE:
            raise InvalidInput(
                "refs.range_too_long",
                where=Where(field="volunteers"),
                range=word,
                limit=MAX_RANGE,
            )
        out.extend(numbers)
    return out


def compress(numbers: Iterable[str], conn: sqlite3.Connection) -> str:
    """Volunteer numbers as ``expand`` reads them back, consecutive runs of the roster's
    numbers as ranges: ``V000018-V000020,V000025`` (what a command suggestion can carry)."""
    prefix = _prefix(conn)
    on_roster = [
        row[0] for row in conn.execute("SELECT volunteer_no FROM volunteers ORDER BY volunteer_no")
    ]
    position = {number: i for i, number in enumerate(on_roster)}
    wanted = sorted({n for n in numbers}, key=lambda n: position.get(n, -1))
    parts: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) > 2:
            parts.append(f"{run[0]}-{run[-1]}")
        else:
            parts.extend(run)
        run.clear()

    for number in wanted:
        follows = (
            run
            and number in position
            and run[-1] in position
            and position[number] == position[run[-1]] + 1
            and _range(f"{run[0]}-{number}", prefix) is not None
        )
        if not follows:
            flush()
        run.append(number)
    flush()
    return ",".join(parts)

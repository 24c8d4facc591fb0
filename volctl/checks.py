"""``volctl check``: what is wrong in the roster and what to do about each problem.

Each check is a function from the connection to findings. Checks that need a table the roster
does not have yet are skipped, so the list can grow with the schema. Findings name the record
(volunteer number, activity number, record id), never unmasked personal data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from volctl.dates import age_on
from volctl.db import table_exists
from volctl.errors import InvalidInput
from volctl.identity import RESIDENT_ID, parse_id_number
from volctl.maintenance import integrity


@dataclass(frozen=True)
class Finding:
    check: str  # stable code, e.g. invalid_id_number
    severity: str  # error | warning
    ref: str  # what it is about: V000012, A20250315-01, record 42, the file
    detail: str  # message key of the specific problem (reason.* or check.*)
    params: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


Check = Callable[[sqlite3.Connection, date], Iterator[Finding]]


def _integrity(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    result = integrity(conn)
    for problem in result.problems[:20]:
        yield Finding(
            "integrity", "error", "roster", "check.detail_integrity", {"problem": problem}
        )
    if result.foreign_key_problems:
        yield Finding(
            "foreign_keys",
            "error",
            "roster",
            "check.detail_foreign_keys",
            {"count": result.foreign_key_problems},
        )


def _identity_numbers(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    rows = conn.execute("SELECT volunteer_no, id_type, id_number FROM volunteers")
    for row in rows:
        try:
            parse_id_number(row["id_number"], row["id_type"] or RESIDENT_ID, today=today)
        except InvalidInput as exc:
            yield Finding("invalid_id_number", "error", row["volunteer_no"], exc.key, exc.params)


def _duplicates(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    same_number = conn.execute(
        "SELECT id_number, group_concat(volunteer_no, ', ') AS numbers FROM volunteers"
        " GROUP BY id_number HAVING count(*) > 1"
    )
    for row in same_number:
        yield Finding(
            "duplicate_id_number",
            "error",
            row["numbers"],
            "check.detail_same_number",
            {"volunteers": row["numbers"]},
        )
    same_person = conn.execute(
        "SELECT name, group_concat(volunteer_no, ', ') AS numbers FROM volunteers"
        " WHERE phone IS NOT NULL GROUP BY name, phone HAVING count(*) > 1"
    )
    for row in same_person:
        yield Finding(
            "duplicate_name_phone",
            "warning",
            row["numbers"],
            "check.detail_same_name_phone",
            {"name": row["name"], "volunteers": row["numbers"]},
        )


def _minors(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    rows = conn.execute(
        "SELECT volunteer_no, birth_date, guardian_name, guardian_phone, guardian_consent_on"
        " FROM volunteers WHERE status = 'active' AND birth_date IS NOT NULL"
    )
    for row in rows:
        age = age_on(date.fromisoformat(row["birth_date"]), today)
        if age >= 18:
            continue
        if not (row["guardian_name"] and row["guardian_phone"] and row["guardian_consent_on"]):
            yield Finding(
                "minor_without_consent",
                "error",
                row["volunteer_no"],
                "check.detail_minor",
                {"age": age},
            )


# (code, check, tables it needs)
CHECKS: list[tuple[str, Check, tuple[str, ...]]] = [
    ("integrity", _integrity, ()),
    ("invalid_id_number", _identity_numbers, ("volunteers",)),
    ("duplicates", _duplicates, ("volunteers",)),
    ("minor_without_consent", _minors, ("volunteers",)),
]


def run(conn: sqlite3.Connection, *, today: date | None = None) -> list[Finding]:
    today = today or date.today()
    findings: list[Finding] = []
    for _code, check, tables in CHECKS:
        if all(table_exists(conn, t) for t in tables):
            findings.extend(check(conn, today))
    return findings

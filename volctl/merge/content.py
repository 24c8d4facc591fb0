"""What a roster sends up: the parts of a bundle, their columns, and reading them from a roster.

Each part is one table of the roster (or a safe subset of it), rows in id order. A merge reads
the same parts from a bundle file or straight from another roster file, through ``Source``.

Left out on purpose: sign-ups (the planning of the community's own activities), import
batches, holidays, and the audit log (the community's own; its bundle is its record). Personal
data of beneficiaries travels only when the clerk asks (``with_beneficiaries``): otherwise each
beneficiary is a number and a group, enough for the level above to count people served.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Part:
    name: str  # the file in the bundle is ``{name}.jsonl``
    table: str
    columns: tuple[str, ...]
    where: str = ""
    order: str = "id"

    @property
    def file(self) -> str:
        return f"{self.name}.jsonl"


VOLUNTEER_COLUMNS = (
    "id",
    "volunteer_no",
    "name",
    "id_type",
    "id_number",
    "phone",
    "gender",
    "birth_date",
    "ethnicity",
    "political_status",
    "education",
    "employer",
    "position",
    "office_phone",
    "address",
    "area",
    "skills",
    "intentions",
    "availability",
    "emergency_contact",
    "emergency_phone",
    "guardian_name",
    "guardian_phone",
    "guardian_relation",
    "guardian_consent_on",
    "registered_on",
    "status",
    "notes",
)

RECORD_COLUMNS = (
    "id",
    "volunteer_id",
    "activity_id",
    "service_date",
    "start_time",
    "end_time",
    "minutes",
    "attendance",
    "place",
    "content",
    "beneficiaries",
    "leader",
    "recorder",
    "evaluation",
    "notes",
    "kind",
    "corrects_id",
    "reason",
    "recorded_at",
)

RECIPIENT_COLUMNS = (
    "id",
    "recipient_no",
    "name",
    "group_name",
    "gender",
    "birth_date",
    "id_number",
    "phone",
    "address",
    "needs",
    "family_contact",
    "family_phone",
    "status",
    "status_reason",
    "registered_on",
    "notes",
)
# Without --with-beneficiaries: a number and a group, nothing that says who.
RECIPIENT_COUNT_COLUMNS = ("id", "recipient_no", "group_name", "status", "registered_on")

# A team's and an activity's fields besides their id and name/number: what a bundle carries
# and what a merge compares and copies.
TEAM_COLUMNS = (
    "level",
    "parent_id",
    "leader_id",
    "contact_id",
    "unit",
    "office_phone",
    "base",
    "founded_on",
    "status",
    "dissolved_on",
    "status_reason",
    "notes",
)

ACTIVITY_COLUMNS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "place",
    "category",
    "theme",
    "team_id",
    "beneficiary_group",
    "capacity",
    "leader_id",
    "status",
    "status_reason",
    "description",
    "needs_insurance",
    "series_key",
)


PARTS: tuple[Part, ...] = (
    Part("code_lists", "code_lists", ("list", "value"), "builtin = 0", "list, position, value"),
    Part("volunteers", "volunteers", VOLUNTEER_COLUMNS),
    Part(
        "status_changes",
        "volunteer_status_changes",
        ("id", "volunteer_id", "status", "reason", "effective_on", "recorded_at"),
    ),
    Part(
        "teams",
        "teams",
        ("id", "name", *TEAM_COLUMNS),
    ),
    Part(
        "memberships",
        "memberships",
        ("id", "team_id", "volunteer_id", "role", "joined_on", "left_on"),
    ),
    Part(
        "activities",
        "activities",
        ("id", "activity_no", *ACTIVITY_COLUMNS),
    ),
    Part("records", "service_records", RECORD_COLUMNS),
    Part(
        "trainings",
        "trainings",
        (
            "id",
            "training_no",
            "title",
            "date",
            "topic",
            "minutes",
            "trainer",
            "place",
            "initial",
            "notes",
        ),
    ),
    Part("training_attendance", "training_attendance", ("id", "training_id", "volunteer_id")),
    Part(
        "insurance",
        "insurance_policies",
        ("id", "volunteer_id", "insurer", "policy_no", "start_on", "end_on", "notes"),
    ),
    Part(
        "commendations",
        "commendations",
        ("id", "year", "title", "volunteer_id", "team_id", "awarded_on", "awarded_by", "notes"),
    ),
    Part("recipients", "recipients", RECIPIENT_COLUMNS),
    Part(
        "pairings",
        "pairings",
        ("id", "recipient_id", "volunteer_id", "started_on", "ended_on", "notes"),
    ),
    Part(
        "served",
        "activity_beneficiaries",
        (
            "id",
            "activity_id",
            "recipient_id",
            "group_name",
            "people",
            "withdrawn_at",
            "withdrawn_reason",
        ),
    ),
)
PART = {part.name: part for part in PARTS}

# The organisation as the settings hold it (printed on the level above's forms).
ORGANISATION = ("org_name", "region_code", "responsible_person", "contact_person", "contact_phone")


def columns(part: Part, *, with_beneficiaries: bool) -> tuple[str, ...]:
    if part.name == "recipients" and not with_beneficiaries:
        return RECIPIENT_COUNT_COLUMNS
    return part.columns


class Source(Protocol):
    """A roster to merge, read from a bundle file or from the roster file itself."""

    path: str
    manifest: dict[str, Any]

    def table(self, part: str) -> tuple[list[str], Iterator[list[Any]]]:
        """The part's column names and its rows, in id order."""
        ...

    def close(self) -> None: ...


def rows(
    conn: sqlite3.Connection, part: Part, *, with_beneficiaries: bool, checked: bool = False
) -> Iterator[tuple[Any, ...]]:
    """The part's rows; ``checked``: each held to the rules a merge holds it to
    (``volctl.validation``), the first refused stopping the export with its record named."""
    cursor = conn.cursor()
    cursor.row_factory = None
    where = f" WHERE {part.where}" if part.where else ""
    names = columns(part, with_beneficiaries=with_beneficiaries)
    found = cursor.execute(
        f"SELECT {', '.join(names)} FROM {part.table}{where} ORDER BY {part.order}"
    )
    if not checked:
        yield from found
        return
    from datetime import date

    from volctl.validation import historic, tables

    today = date.today()
    table = tables(today)[part.table]
    check = table.checker(names, today)
    current: set[int] | None = None
    if table.current and "id" in names:  # a history: superseded rows as they are
        query = f"SELECT id FROM {part.table} WHERE {table.current}"
        current = {row[0] for row in conn.execute(query)}
    key = names.index("id") if "id" in names else -1
    for row in found:
        refusal = check(row)
        if refusal is not None:
            if (
                current is not None
                and row[key] not in current
                and refusal.field in names
                and historic(refusal, row[names.index(refusal.field)])
            ):
                yield row
                continue
            raise _not_sendable(conn, part, names, row, refusal)
        yield row


def _not_sendable(
    conn: sqlite3.Connection, part: Part, names: tuple[str, ...], row: Any, refusal: Any
) -> Exception:
    """The export stopped at a stored value a merge would refuse: named as ``check`` names it."""
    from datetime import date

    from volctl.errors import RosterError
    from volctl.validation import Stored, described, tables

    ref = " ".join(str(value) for value in row[:2])
    if "id" in names:
        key = row[names.index("id")]
        expression = tables(date.today())[part.table].ref
        found = conn.execute(
            f"SELECT {expression} FROM {part.table} WHERE id = ?", (key,)
        ).fetchone()
        ref = str(found[0]) if found is not None else f"#{key}"
    return RosterError(
        "bundle.stored_invalid",
        hint="hint.stored_invalid_value",
        **described(Stored(part.table, ref, refusal)),
    )


def roster_uid(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT uid FROM roster_identity WHERE id = 1").fetchone()[0])


def organisation(conn: sqlite3.Connection) -> dict[str, str]:
    from volctl import settings

    return {key: str(settings.get(conn, key) or "") for key in ORGANISATION}


def includes(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The rosters merged into this one (and into those, at any depth): the level above must
    not count them twice by merging one of them again on its own."""
    found: dict[str, dict[str, Any]] = {}
    for row in conn.execute(
        "SELECT roster_uid, org_name, region_code, includes FROM merge_sources ORDER BY id"
    ):
        found.setdefault(
            row[0], {"roster_uid": row[0], "org_name": row[1], "region_code": row[2] or ""}
        )
        for inner in json.loads(row[3]):
            found.setdefault(inner["roster_uid"], inner)
    return list(found.values())


def beneficiary_counts(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Registered beneficiaries per group (all, and active): counts, never people."""
    return {
        row[0]: {"registered": row[1], "active": row[2]}
        for row in conn.execute(
            "SELECT group_name, count(*), sum(status = 'active') FROM recipients"
            " GROUP BY group_name ORDER BY group_name"
        )
    }

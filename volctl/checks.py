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


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


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


def _stored_values(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    """Every stored value the roster's rules refuse (``volctl.validation``: the same rules as
    ``register add``, the imports and ``merge``), named by its record: an identity number
    (``invalid_id_number``) or any other value (``invalid_value``)."""
    from volctl.validation import MINOR, described, scan

    for found in scan(conn, today=today):
        refusal = found.refusal
        if refusal.key == MINOR:  # reported by _minors, under its own code
            continue
        if found.table == "volunteers" and refusal.field == "id_number":
            yield Finding("invalid_id_number", "error", found.ref, refusal.key, refusal.params)
            continue
        params = {**described(found), "column": refusal.field}
        yield Finding("invalid_value", "error", found.ref, "check.detail_invalid_value", params)


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
        born = _day(row["birth_date"])
        if born is None:  # an invalid date: reported by _stored_values
            continue
        age = age_on(born, today)
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


def _consent_dates(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    """A guardian's consent dated after today, before the child's birth or after the
    registration (rosters made before volctl refused these, or merged from one)."""
    rows = conn.execute(
        "SELECT volunteer_no, birth_date, registered_on, guardian_consent_on FROM volunteers"
        " WHERE guardian_consent_on IS NOT NULL"
    )
    for row in rows:
        consent_on, born = row["guardian_consent_on"], row["birth_date"]
        if consent_on > today.isoformat():
            detail = "reason.consent_in_future"
        elif born and consent_on < born:
            detail = "reason.consent_before_birth"
        elif consent_on > row["registered_on"]:
            detail = "reason.consent_after_registration"
        else:
            continue
        params = {
            "consent_on": consent_on,
            "birth_date": born,
            "registered_on": row["registered_on"],
        }
        yield Finding("consent_date", "warning", row["volunteer_no"], detail, params)


def _ledger_consistency(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    from volctl.ledger import records

    for problem in records.verify(conn)[:20]:
        yield Finding(
            "ledger_totals", "error", "service_chains", "check.detail_ledger", {"problem": problem}
        )


def _ledger_rules(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    """Records that break the ledger's rules (old data, or written around volctl)."""
    over = conn.execute(
        "SELECT v.volunteer_no, e.service_date, sum(e.minutes) AS minutes FROM service_effective e"
        " JOIN volunteers v ON v.id = e.volunteer_id GROUP BY e.volunteer_id, e.service_date"
        " HAVING sum(e.minutes) > 1440"
    )
    for row in over:
        yield Finding(
            "ledger_day_over_24h",
            "error",
            row["volunteer_no"],
            "check.detail_day_over",
            {"date": row["service_date"], "hours": round(row["minutes"] / 60, 1)},
        )
    early = conn.execute(
        "SELECT v.volunteer_no, e.record_id, e.service_date, v.registered_on"
        " FROM service_effective e JOIN volunteers v ON v.id = e.volunteer_id"
        " WHERE e.service_date < v.registered_on"
    )
    for row in early:
        yield Finding(
            "ledger_before_registration",
            "error",
            row["volunteer_no"],
            "check.detail_before_registration",
            {
                "record": row["record_id"],
                "date": row["service_date"],
                "registered_on": row["registered_on"],
            },
        )


def _ledger_while_inactive(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    """Service recorded on a day the volunteer was inactive (old data, a deactivation dated
    before service already recorded, or written around volctl). Inactive on a day: the latest
    status change on or before it says so; without any change, inactive all along."""
    rows = conn.execute(
        "SELECT v.volunteer_no, c.record_id, c.service_date, s.effective_on AS since"
        " FROM (SELECT DISTINCT volunteer_id FROM volunteer_status_changes"
        " WHERE status = 'inactive') d"
        " JOIN service_chains c ON c.volunteer_id = d.volunteer_id"
        " JOIN volunteers v ON v.id = c.volunteer_id"
        " JOIN volunteer_status_changes s ON s.id = (SELECT s2.id FROM volunteer_status_changes s2"
        " WHERE s2.volunteer_id = c.volunteer_id AND s2.effective_on <= c.service_date"
        " ORDER BY s2.effective_on DESC, s2.id DESC LIMIT 1)"
        " WHERE c.voided = 0 AND s.status = 'inactive'"
        " UNION ALL"
        " SELECT v.volunteer_no, c.record_id, c.service_date, v.registered_on AS since"
        " FROM volunteers v JOIN service_chains c ON c.volunteer_id = v.id"
        " WHERE c.voided = 0 AND v.status = 'inactive' AND NOT EXISTS"
        " (SELECT 1 FROM volunteer_status_changes s WHERE s.volunteer_id = v.id)"
        " ORDER BY 1, 3, 2"
    )
    for row in rows:
        yield Finding(
            "ledger_while_inactive",
            "error",
            row["volunteer_no"],
            "check.detail_while_inactive",
            {"record": row["record_id"], "date": row["service_date"], "since": row["since"]},
        )


def _insurance_lapsed(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    """Volunteers on an activity that needs insurance, without cover on its day."""
    rows = conn.execute(
        "SELECT v.volunteer_no, a.activity_no, a.date FROM signups s"
        " JOIN activities a ON a.id = s.activity_id JOIN volunteers v ON v.id = s.volunteer_id"
        " WHERE a.needs_insurance = 1 AND a.status <> 'cancelled' AND s.withdrawn_at IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM insurance_policies p WHERE p.volunteer_id = v.id"
        " AND p.start_on <= a.date AND p.end_on >= a.date) ORDER BY a.date, v.volunteer_no"
    )
    for row in rows:
        yield Finding(
            "insurance_lapsed",
            "warning",
            row["volunteer_no"],
            "check.detail_insurance",
            {"activity": row["activity_no"], "date": row["date"]},
        )


def _merge_conflicts(conn: sqlite3.Connection, today: date) -> Iterator[Finding]:
    """Personal details two communities disagree on, left open by ``volctl merge``."""
    rows = conn.execute(
        "SELECT v.volunteer_no, c.field, s.label FROM merge_conflicts c"
        " JOIN volunteers v ON v.id = c.volunteer_id JOIN merge_sources s ON s.id = c.source_id"
        " WHERE c.status = 'open' ORDER BY v.volunteer_no, c.field"
    )
    for row in rows:
        yield Finding(
            "merge_conflict",
            "warning",
            row["volunteer_no"],
            "check.detail_merge",
            {"field": row["field"], "source": row["label"]},
        )


# (code, check, tables it needs)
CHECKS: list[tuple[str, Check, tuple[str, ...]]] = [
    ("integrity", _integrity, ()),
    ("invalid_value", _stored_values, ()),
    ("duplicates", _duplicates, ("volunteers",)),
    ("minor_without_consent", _minors, ("volunteers",)),
    ("consent_date", _consent_dates, ("volunteers",)),
    ("ledger_totals", _ledger_consistency, ("service_chains",)),
    ("ledger_rules", _ledger_rules, ("service_records",)),
    ("ledger_while_inactive", _ledger_while_inactive, ("service_chains",)),
    ("insurance_lapsed", _insurance_lapsed, ("insurance_policies", "signups")),
    ("merge_conflict", _merge_conflicts, ("merge_conflicts",)),
]


def run(conn: sqlite3.Connection, *, today: date | None = None) -> list[Finding]:
    today = today or date.today()
    findings: list[Finding] = []
    for _code, check, tables in CHECKS:
        if all(table_exists(conn, t) for t in tables):
            findings.extend(check(conn, today))
    return findings

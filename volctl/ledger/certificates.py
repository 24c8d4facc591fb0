"""Service certificates (志愿服务记录证明): issued from the ledger, numbered, registered.

志愿服务记录与证明出具办法 (2020): "谁记录谁证明" — the organisation that recorded the service
certifies it, free of charge, from its records; a certificate carries the volunteer's name,
document type and number and volunteer number, the hours and content of service, the issuer,
its responsible person, handling officer and contact, a number and the date of issue, and room
for the seal and signatures.

``issue`` takes the hours from the service records as they count now (each at its latest
correction, voided records left out, zero-time records not counted): there is no way to type
hours in. A volunteer without recorded service in the period is refused. The number comes from
the roster's ``certificate_no`` sequence (``ZM000001``, …, never reused); the register row, its
audit entry and the workbook are written together: if the file cannot be written, the number
is not used and nothing is registered.

On a roster that merged community rosters (``volctl merge``), the records a community recorded
stay that community's to certify: only the records this roster made itself are counted. A
volunteer whose service in the period was all recorded by merged communities is refused, naming
them; when it is mixed, the certificate covers this roster's own records and the result says
what was left out (``merged_left_out``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from volctl import audit, settings
from volctl.dates import check_period
from volctl.db import next_counter, transaction
from volctl.errors import Conflict, InvalidInput, NotFound, Where
from volctl.i18n import join_list
from volctl.ledger.listing import Filters, effective, service_content
from volctl.ledger.totals import hours
from volctl.roster import volunteers

PREFIX = "ZM"  # 证明
SIGNATORIES = ("responsible_person", "contact_person", "contact_phone")


@dataclass(frozen=True)
class Service:
    day: str
    activity: str
    content: str  # what was done (listing.service_content)
    minutes: int
    category: str = ""


@dataclass(frozen=True)
class Certificate:
    """What the printed certificate shows."""

    number: str
    issued_on: date
    org_name: str
    responsible_person: str
    contact_person: str
    contact_phone: str
    name: str
    id_type: str
    id_number: str  # as printed: masked unless show_pii
    volunteer_no: str
    period_from: date
    period_to: date
    services: list[Service]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.services)


def _period(
    date_from: date | None, date_to: date | None, year: int | None, today: date
) -> tuple[date | None, date]:
    check_period(date_from, date_to)
    low, high = date_from, date_to
    if year is not None:
        low = max(low, date(year, 1, 1)) if low else date(year, 1, 1)
        high = min(high, date(year, 12, 31)) if high else date(year, 12, 31)
    high = min(high, today) if high else today
    if low is not None and high < low:
        raise InvalidInput(
            "export.period_empty",
            where=Where(field="date_to" if date_to else "year"),
            first=low.isoformat(),
            last=high.isoformat(),
        )
    return low, high


def issue(
    conn: sqlite3.Connection,
    ref: str,
    path: Path,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    year: int | None = None,
    show_pii: bool = False,
    replace: bool = False,
    today: date | None = None,
    writer: Callable[..., object],
) -> dict[str, Any]:
    """Issue, write and register a certificate of ``ref``'s recorded service in the period.
    ``writer(certificate, path)`` lays it out (``volctl.forms.certificate.write``:
    the ledger does not know how a paper looks).

    Returns the register entry (``public``) with ``path`` and ``warnings``: (message key,
    parameters) pairs for the clerk (an unset signatory, an earlier certificate for the same
    period, a masked document number)."""
    today = today or date.today()
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput("output.not_xlsx", where=Where(field="output"), path=str(path))
    if not replace:
        # Before a number is taken: an existing file is an issued certificate (the register
        # names its file), so it is replaced only when the clerk says so (--force).
        from volctl import files

        files.check_target(path, overwrite=False)
    low, high = _period(date_from, date_to, year, today)
    org = str(settings.get(conn, "org_name") or "").strip()
    if not org:
        raise InvalidInput("certificate.no_org", hint="hint.certificate_no_org")
    written = False
    try:
        with transaction(conn):
            person = volunteers.find(conn, ref)
            services, left_out = _services(conn, person, low, high)
            first = low or date.fromisoformat(services[0].day)
            last = high if (date_to or year or low) else date.fromisoformat(services[-1].day)
            signed = {key: str(settings.get(conn, key) or "").strip() for key in SIGNATORIES}
            warnings = _warnings(conn, person["id"], first, last, signed, show_pii)
            if left_out:
                warnings.insert(0, _left_out_warning(left_out))
            certificate = Certificate(
                number=f"{PREFIX}{next_counter(conn, 'certificate_no'):06d}",
                issued_on=today,
                org_name=org,
                responsible_person=signed["responsible_person"],
                contact_person=signed["contact_person"],
                contact_phone=signed["contact_phone"],
                name=person["name"],
                id_type=person["id_type"],
                id_number=_document(person["id_number"], show_pii),
                volunteer_no=person["volunteer_no"],
                period_from=first,
                period_to=last,
                services=services,
            )
            entry = _store(conn, certificate, person["id"], path)
            writer(certificate, path)
            written = True
    except BaseException:
        if written:  # the register entry was not committed: no certificate without it
            path.unlink(missing_ok=True)
        raise
    return {**entry, "path": str(path), "merged_left_out": left_out, "warnings": warnings}


def _document(number: str, show_pii: bool) -> str:
    from volctl.masking import mask_id_number

    return (number if show_pii else mask_id_number(number)) or ""


def _services(
    conn: sqlite3.Connection, person: sqlite3.Row, low: date | None, high: date
) -> tuple[list[Service], list[dict[str, Any]]]:
    """The volunteer's service with time in the period that this roster recorded itself, and
    per merged source what it recorded (left out: 谁记录谁证明); refused when there is none,
    or when all of it was recorded by merged sources."""
    rows = effective(conn, Filters(volunteer_id=person["id"], date_from=low, date_to=high))
    rows = [r for r in rows if r["minutes"] > 0]
    if not rows:
        raise NotFound(
            "certificate.no_service" if low else "certificate.no_service_yet",
            hint="hint.certificate_no_service",
            volunteer_no=person["volunteer_no"],
            name=person["name"],
            first=low.isoformat() if low else "",
            last=high.isoformat(),
        )
    owners = _owners(conn, [r["record_id"] for r in rows])
    left_out: dict[str, dict[str, Any]] = {}
    for r in rows:
        label = owners.get(r["record_id"])
        if label is not None:
            part = left_out.setdefault(label, {"source": label, "services": 0, "minutes": 0})
            part["services"] += 1
            part["minutes"] += r["minutes"]
    merged = [{**part, "hours": hours(part["minutes"])} for _, part in sorted(left_out.items())]
    rows = [r for r in rows if r["record_id"] not in owners]
    if not rows:
        raise Conflict(
            "certificate.only_merged",
            hint="hint.certificate_only_merged",
            volunteer_no=person["volunteer_no"],
            name=person["name"],
            sources=join_list(part["source"] for part in merged),
            hours=hours(sum(part["minutes"] for part in merged)),
        )
    ids = json.dumps(sorted({r["activity_id"] for r in rows}))
    activity = {
        row[0]: (row[1] or "", row[2] or "")
        for row in conn.execute(
            "SELECT id, category, description FROM activities"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (ids,),
        )
    }
    services = [
        Service(
            r["service_date"],
            r["activity_title"],
            service_content(r["content"], r["activity_title"], activity[r["activity_id"]][1]),
            r["minutes"],
            activity[r["activity_id"]][0],
        )
        for r in rows
    ]
    return services, merged


def _owners(conn: sqlite3.Connection, record_ids: list[int]) -> dict[int, str]:
    """Record number -> the merged source that recorded it (records made here are absent)."""
    return {
        row[0]: str(row[1])
        for row in conn.execute(
            "SELECT o.entry_id, s.label FROM source_records o"
            " JOIN merge_sources s ON s.id = o.source_id"
            " WHERE o.entry_id IN (SELECT value FROM json_each(?))",
            (json.dumps(record_ids),),
        )
    }


def _left_out_warning(merged: list[dict[str, Any]]) -> tuple[str, dict[str, object]]:
    return (
        "certificate.merged_left_out",
        {
            "sources": join_list(part["source"] for part in merged),
            "services": sum(part["services"] for part in merged),
            "hours": hours(sum(part["minutes"] for part in merged)),
        },
    )


def _warnings(
    conn: sqlite3.Connection,
    volunteer_id: int,
    first: date,
    last: date,
    signed: dict[str, str],
    show_pii: bool,
) -> list[tuple[str, dict[str, object]]]:
    warnings: list[tuple[str, dict[str, object]]] = [
        ("certificate.unsigned_setting", {"key": key}) for key, value in signed.items() if not value
    ]
    before = conn.execute(
        "SELECT certificate_no FROM certificates WHERE volunteer_id = ? AND period_from = ?"
        " AND period_to = ? ORDER BY id",
        (volunteer_id, first.isoformat(), last.isoformat()),
    ).fetchall()
    if before:
        warnings.append(("certificate.issued_before", {"numbers": join_list(r[0] for r in before)}))
    if not show_pii:
        warnings.append(("certificate.masked", {}))
    return warnings


def _store(
    conn: sqlite3.Connection, certificate: Certificate, volunteer_id: int, path: Path
) -> dict[str, Any]:
    """The register entry and its audit record (in the caller's transaction)."""
    values = {
        "certificate_no": certificate.number,
        "volunteer_id": volunteer_id,
        "volunteer_no": certificate.volunteer_no,
        "name": certificate.name,
        "id_type": certificate.id_type,
        "period_from": certificate.period_from.isoformat(),
        "period_to": certificate.period_to.isoformat(),
        "services": len(certificate.services),
        "minutes": certificate.minutes,
        "issued_on": certificate.issued_on.isoformat(),
        "org_name": certificate.org_name,
        "responsible_person": certificate.responsible_person or None,
        "contact_person": certificate.contact_person or None,
        "contact_phone": certificate.contact_phone or None,
        "file_name": path.name,
        "issued_at": audit.now_iso(),
        "operator": audit.context().operator,
    }
    cursor = conn.execute(
        f"INSERT INTO certificates ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
        tuple(values.values()),
    )
    audit.record(
        conn,
        "certificate.issue",
        "certificates",
        cursor.lastrowid,
        certificate_no=certificate.number,
        volunteer_no=certificate.volunteer_no,
        period_from=values["period_from"],
        period_to=values["period_to"],
        services=values["services"],
        minutes=values["minutes"],
        file=path.name,
    )
    row = conn.execute("SELECT * FROM certificates WHERE id = ?", (cursor.lastrowid,)).fetchone()
    return public(row)


def public(row: sqlite3.Row) -> dict[str, Any]:
    """The documented JSON shape of a certificate in the register."""
    return {
        "certificate_no": row["certificate_no"],
        "volunteer_no": row["volunteer_no"],
        "name": row["name"],
        "id_type": row["id_type"],
        "period_from": row["period_from"],
        "period_to": row["period_to"],
        "services": row["services"],
        "minutes": row["minutes"],
        "hours": hours(row["minutes"]),
        "issued_on": row["issued_on"],
        "org_name": row["org_name"],
        "responsible_person": row["responsible_person"],
        "contact_person": row["contact_person"],
        "contact_phone": row["contact_phone"],
        "file": row["file_name"],
        "issued_at": row["issued_at"],
        "operator": row["operator"],
    }


def register(
    conn: sqlite3.Connection,
    *,
    volunteer: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    year: int | None = None,
) -> list[dict[str, Any]]:
    """The certificate register, by number: every certificate issued (by issue date)."""
    check_period(date_from, date_to)
    where: list[str] = []
    params: list[object] = []
    if volunteer is not None:
        where.append("volunteer_id = ?")
        params.append(volunteers.find(conn, volunteer)["id"])
    if year is not None:
        where.append("issued_on BETWEEN ? AND ?")
        params += [f"{year:04d}-01-01", f"{year:04d}-12-31"]
    if date_from is not None:
        where.append("issued_on >= ?")
        params.append(date_from.isoformat())
    if date_to is not None:
        where.append("issued_on <= ?")
        params.append(date_to.isoformat())
    sql = "SELECT * FROM certificates" + (" WHERE " + " AND ".join(where) if where else "")
    return [public(row) for row in conn.execute(sql + " ORDER BY id", params)]

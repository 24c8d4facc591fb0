"""``volctl status`` (待办): what needs doing now, each item with the command that does it.

``check`` is about the data's integrity; this is about the clerk's work. Each item is one
function, a **rule**, from a :class:`Context` (the roster and today) to an :class:`Item` or
``None`` when there is nothing to do. Rules run in the order they are registered with
:func:`rule`; to add an item, write one function here (or in another module that registers
it) and give its message ``todo.<code>`` (and ``todo.<code>.command`` if the command has words
to translate) in ``volctl/i18n/catalog/status.py``::

    @rule
    def unencrypted_backup(ctx: Context) -> Item | None:
        last = last_backup(ctx.conn)  # {"at", "path", …} from the backup's audit entry
        if last is None or last.get("encrypted", True):
            return None
        return Item("unencrypted_backup", 1, [last["path"]], {}, "volctl backup --encrypt …")

Items name the records they are about (activity numbers, volunteer numbers, batches) in
``refs``, all of them; the command carries as many as a command line should.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from volctl.dates import age_on

RECENT_IMPORT_DAYS = 60  # an import's rejected rows are followed up within two months
INSURANCE_DAYS = 30  # cover ending within a month is renewed now
SERVING_DAYS = 365  # "serving": service in the last year, or a signup for an activity to come
NEWCOMER_DAYS = 90  # no service this year is not yet a concern for someone this new
HOLIDAYS_FROM_MONTH = 10  # the State Council publishes next year's holidays in the autumn
ADULT_AGE = 18


@dataclass(frozen=True)
class Context:
    conn: sqlite3.Connection
    today: date


@dataclass(frozen=True)
class Item:
    """One thing to do: a stable ``code``, how many records it concerns, which (``refs``),
    the parameters of its message ``todo.<code>``, and the command that does it."""

    code: str
    count: int
    refs: list[str]
    params: dict[str, Any] = field(default_factory=dict)
    command: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "count": self.count,
            "refs": self.refs,
            "params": self.params,
            "command": self.command,
        }


Rule = Callable[[Context], "Item | None"]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    """Register ``fn`` as an item of ``volctl status`` (in the order of registration)."""
    RULES.append(fn)
    return fn


def run(conn: sqlite3.Connection, *, today: date | None = None) -> list[Item]:
    ctx = Context(conn, today or date.today())
    return [item for item in (check(ctx) for check in RULES) if item is not None]


def _volunteers(conn: sqlite3.Connection, numbers: list[str]) -> str:
    from volctl.roster.refs import compress

    return compress(numbers, conn)


def _count(conn: sqlite3.Connection, sql: str, *params: object) -> int:
    return int(conn.execute(sql, params).fetchone()[0])


# ----------------------------------------------------------------------------- getting started


@rule
def roster_empty(ctx: Context) -> Item | None:
    if _count(ctx.conn, "SELECT count(*) FROM volunteers"):
        return None
    return Item("roster_empty", 0, [], {}, "volctl register add")


@rule
def org_name_missing(ctx: Context) -> Item | None:
    from volctl import settings

    if str(settings.get(ctx.conn, "org_name") or "").strip():
        return None
    return Item("org_name_missing", 1, [], {}, "volctl settings org_name …")


# ----------------------------------------------------------------------------- activities


@rule
def past_planned(ctx: Context) -> Item | None:
    """Activities whose date has passed, still planned: the reports do not count them."""
    from volctl.ledger.activities import still_planned

    numbers = [row["activity_no"] for row in still_planned(ctx.conn, today=ctx.today)]
    if not numbers:
        return None
    return Item(
        "past_planned",
        len(numbers),
        numbers,
        {},
        "volctl activity update --all-past-planned --status held",
    )


@rule
def held_without_hours(ctx: Context) -> Item | None:
    """Activities held (dated today or before) with no service recorded for them."""
    numbers = [
        row[0]
        for row in ctx.conn.execute(
            "SELECT a.activity_no FROM activities a WHERE a.status = 'held' AND a.date <= ?"
            " AND NOT EXISTS (SELECT 1 FROM service_chains c WHERE c.activity_id = a.id"
            " AND c.voided = 0) ORDER BY a.date, a.activity_no",
            (ctx.today.isoformat(),),
        )
    ]
    if not numbers:
        return None
    return Item(
        "held_without_hours",
        len(numbers),
        numbers,
        {},
        f"volctl log-hours activity {numbers[0]}",
    )


# ----------------------------------------------------------------------------- imports


@rule
def rejects_pending(ctx: Context) -> Item | None:
    """Recent imports with rejected rows whose corrected rows have not come back: no later
    import (not undone) of a file named after it (``报名表.rejects.xlsx``, ``报名表-改.xlsx``)
    or of a sheet named after it (the rejects workbook names its sheet after the file it
    came from, whatever the workbook is called)."""
    since = (ctx.today - timedelta(days=RECENT_IMPORT_DAYS)).isoformat()
    batches = ctx.conn.execute(
        "SELECT id, file_name, rejected FROM import_batches WHERE kind = 'volunteers'"
        " AND undone_at IS NULL AND rejected > 0 AND substr(imported_at, 1, 10) >= ?"
        " ORDER BY id",
        (since,),
    ).fetchall()
    pending = []
    for batch in batches:
        stem = batch["file_name"].rsplit(".", 1)[0]
        again = ctx.conn.execute(
            "SELECT 1 FROM import_batches WHERE kind = 'volunteers' AND undone_at IS NULL"
            " AND id > ? AND (substr(file_name, 1, ?) = ? OR sheet = ?)",
            (batch["id"], len(stem), stem, stem[:28]),
        ).fetchone()
        if again is None:
            pending.append(batch)
    if not pending:
        return None
    rows = sum(b["rejected"] for b in pending)
    first = pending[0]["file_name"].rsplit(".", 1)[0]
    return Item(
        "rejects_pending",
        len(pending),
        [b["file_name"] for b in pending],
        {"rows": rows, "batches": [b["id"] for b in pending], "first": first},
        f"volctl register import {first}.rejects.xlsx",
    )


# ----------------------------------------------------------------------------- people


@rule
def insurance_expiring(ctx: Context) -> Item | None:
    """Cover of active volunteers ending within ``INSURANCE_DAYS`` days, not renewed."""
    from volctl.roster.insurance import list_policies

    policies = list_policies(ctx.conn, expiring_within=INSURANCE_DAYS, today=ctx.today)
    numbers = list(dict.fromkeys(p["volunteer_no"] for p in policies))
    if not numbers:
        return None
    first_end = min(p["end_on"] for p in policies)
    start = (date.fromisoformat(first_end) + timedelta(days=1)).isoformat()
    return Item(
        "insurance_expiring",
        len(numbers),
        numbers,
        {"days": INSURANCE_DAYS, "first_end": first_end},
        f"volctl insurance add {_volunteers(ctx.conn, numbers)} --insurer … --policy …"
        f" --from {start} --to …",
    )


@rule
def insurance_lapsed(ctx: Context) -> Item | None:
    """Active volunteers still serving (service within a year, or signed up for an activity to
    come) whose accident cover has ended with nothing after it."""
    today = ctx.today.isoformat()
    since = (ctx.today - timedelta(days=SERVING_DAYS)).isoformat()
    numbers = [
        row[0]
        for row in ctx.conn.execute(
            "SELECT v.volunteer_no FROM volunteers v WHERE v.status = 'active'"
            " AND EXISTS (SELECT 1 FROM insurance_policies p WHERE p.volunteer_id = v.id)"
            " AND NOT EXISTS (SELECT 1 FROM insurance_policies p WHERE p.volunteer_id = v.id"
            " AND p.end_on >= :today)"
            " AND (EXISTS (SELECT 1 FROM service_chains c WHERE c.volunteer_id = v.id"
            " AND c.voided = 0 AND c.service_date >= :since)"
            " OR EXISTS (SELECT 1 FROM signups s JOIN activities a ON a.id = s.activity_id"
            " WHERE s.volunteer_id = v.id AND s.withdrawn_at IS NULL AND a.date >= :today"
            " AND a.status <> 'cancelled'))"
            " ORDER BY v.volunteer_no",
            {"today": today, "since": since},
        )
    ]
    if not numbers:
        return None
    return Item(
        "insurance_lapsed",
        len(numbers),
        numbers,
        {},
        f"volctl insurance add {_volunteers(ctx.conn, numbers)} --insurer … --policy …"
        f" --from {today} --to …",
    )


@rule
def minors_without_consent(ctx: Context) -> Item | None:
    numbers = []
    for row in ctx.conn.execute(
        "SELECT volunteer_no, birth_date, guardian_name, guardian_phone, guardian_consent_on"
        " FROM volunteers WHERE status = 'active' AND birth_date IS NOT NULL"
        " ORDER BY volunteer_no"
    ):
        if age_on(date.fromisoformat(row["birth_date"]), ctx.today) >= ADULT_AGE:
            continue
        if not (row["guardian_name"] and row["guardian_phone"] and row["guardian_consent_on"]):
            numbers.append(row["volunteer_no"])
    if not numbers:
        return None
    return Item(
        "minors_without_consent",
        len(numbers),
        numbers,
        {},
        f"volctl register update {numbers[0]} --guardian-name … --guardian-phone …",
    )


def teamless(conn: sqlite3.Connection, today: date) -> list[str]:
    """Active volunteers in no team today (``register list --no-team``)."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT v.volunteer_no FROM volunteers v WHERE v.status = 'active'"
            " AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.volunteer_id = v.id"
            " AND m.joined_on <= :today AND (m.left_on IS NULL OR m.left_on > :today))"
            " ORDER BY v.volunteer_no",
            {"today": today.isoformat()},
        )
    ]


def idle(conn: sqlite3.Connection, today: date) -> list[str]:
    """Active volunteers, registered more than ``NEWCOMER_DAYS`` days ago, without any service
    with time this year (``register list --idle``)."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT v.volunteer_no FROM volunteers v WHERE v.status = 'active'"
            " AND v.registered_on <= :before AND NOT EXISTS (SELECT 1 FROM service_year_totals y"
            " WHERE y.volunteer_id = v.id AND y.year = :year AND y.minutes > 0)"
            " ORDER BY v.volunteer_no",
            {"before": (today - timedelta(days=NEWCOMER_DAYS)).isoformat(), "year": today.year},
        )
    ]


@rule
def no_team(ctx: Context) -> Item | None:
    """Active volunteers in no team today."""
    numbers = teamless(ctx.conn, ctx.today)
    if not numbers:
        return None
    teams = _count(ctx.conn, "SELECT count(*) FROM teams WHERE status = 'active'")
    command = (
        f"volctl team join … {_volunteers(ctx.conn, numbers)}"
        if teams
        else "volctl team add … --level 分队"
    )
    return Item("no_team", len(numbers), numbers, {"teams": teams}, command)


@rule
def no_service_this_year(ctx: Context) -> Item | None:
    """Active volunteers (registered more than ``NEWCOMER_DAYS`` days ago) without any
    service with time this year."""
    year = ctx.today.year
    numbers = idle(ctx.conn, ctx.today)
    if not numbers:
        return None
    return Item(
        "no_service_this_year",
        len(numbers),
        numbers,
        {"year": year},
        "volctl register list --idle",
    )


# ----------------------------------------------------------------------------- the roster


@rule
def holidays_missing(ctx: Context) -> Item | None:
    """A year the holiday calendar does not know (neither the bundled one nor the roster's
    own days): this year; next year from October, or as soon as activities are planned in it."""
    from volctl.ledger.schedule import check_days

    year = ctx.today.year
    wanted = [year]
    planned_next = _count(
        ctx.conn,
        "SELECT count(*) FROM activities WHERE substr(date, 1, 4) = ? AND status <> 'cancelled'",
        str(year + 1),
    )
    if ctx.today.month >= HOLIDAYS_FROM_MONTH or planned_next:
        wanted.append(year + 1)
    missing = check_days(ctx.conn, [date(y, 1, 1) for y in wanted]).uncovered_years
    if not missing:
        return None
    return Item(
        "holidays_missing",
        len(missing),
        [str(y) for y in missing],
        {"years": missing},
        f"volctl activity holidays --year {missing[0]} --add {missing[0]}-01-01 --name 元旦",
    )


def last_backup(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The last backup this roster made (its audit entry's detail, with ``at``), or None."""
    row = conn.execute(
        "SELECT at, detail FROM audit_log WHERE action = 'roster.backup' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    detail: dict[str, Any] = json.loads(row["detail"])
    return {**detail, "at": row["at"]}


@rule
def backup_due(ctx: Context) -> Item | None:
    """No backup, or the last one older than the ``backup_days`` setting."""
    from volctl import settings

    if not _count(ctx.conn, "SELECT count(*) FROM volunteers"):
        return None
    days = int(settings.get(ctx.conn, "backup_days"))
    last = last_backup(ctx.conn)
    if last is None:
        return Item("backup_never", 1, [], {"days": days}, "volctl backup …")
    made = datetime.fromisoformat(last["at"]).date()
    age = (ctx.today - made).days
    if age <= days:
        return None
    return Item(
        "backup_due",
        1,
        [last.get("path", "")],
        {"days": days, "age": age, "on": made.isoformat()},
        "volctl backup …",
    )

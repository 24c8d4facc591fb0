"""A source's service records: copied entry by entry, the ledger here staying append-only.

Every entry of the source's ledger (original records, amendments, voids) is copied as it is,
pointing at this roster's volunteer and activity, with the time the source recorded it; its
number there is kept in ``source_records``. Totals here therefore count each record once, at
its latest correction, exactly as the source counts it.

When the source's next bundle arrives, only what is new is appended: a new record, or the
source's amendment or void of a record already here, appended to that record's chain. Nothing
here is edited or deleted. If the source's history no longer extends what was copied (it
restored an older backup, or the person of a record was re-identified), the record's copy here
is voided, with the reason, and the source's record as it is now is copied afresh: the old
copy and its reversal stay on record. A record the source no longer has is voided the same way.

The copies belong to their source: ``log-hours amend`` and ``void`` refuse them here, since
whoever recorded a service corrects it (谁记录谁证明).
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from volctl import audit
from volctl.errors import InvalidInput, Where
from volctl.merge import content, entries
from volctl.merge.context import SourceContext
from volctl.validation import Refusal

COLUMNS = content.RECORD_COLUMNS
ID, VOLUNTEER, ACTIVITY, DATE = 0, 1, 2, 3
MINUTES, KIND, CORRECTS, RECORDED = 6, 15, 16, 18
TAIL = CORRECTS + 1
# What identifies an entry as the same one on the next merge (it is never edited there).
_PREVIOUS = (
    "SELECT s.source_row, s.entry_id, r.recorded_at, r.kind, r.minutes, r.service_date,"
    " r.volunteer_id, o.source_row AS chain, c.voided,"
    " coalesce(l.source_id = s.source_id AND l.current = 1, 0) AS latest_ours"
    " FROM source_records s JOIN service_records r ON r.id = s.entry_id"
    " JOIN source_records o ON o.entry_id = coalesce(r.corrects_id, r.id)"
    " JOIN service_chains c ON c.record_id = coalesce(r.corrects_id, r.id)"
    " LEFT JOIN source_records l ON l.entry_id = c.latest_id"
    " WHERE s.source_id = ? AND s.current = 1"
)


def _chain(entry: tuple[Any, ...]) -> Any:
    return entry[CORRECTS] if entry[CORRECTS] is not None else entry[ID]


def merge(ctx: SourceContext) -> dict[str, int]:
    index, rows = ctx.table("records", COLUMNS)
    pick = itemgetter(*(index[name] for name in COLUMNS))
    numbered = ((number, pick(row)) for number, row in enumerate(rows, start=2))
    previous = _previous(ctx) if ctx.previous else {}
    counts = {"entries": 0, "records": 0, "corrections": 0, "rebuilt": 0, "retired": 0}
    if not previous:
        _append(ctx, numbered, set(), {}, counts)
        _check_days(ctx)
        return counts
    entries_list = list(numbered)
    first_line: dict[Any, int] = {}
    for number, entry in entries_list:  # each id once (the new ones are checked as appended)
        if first_line.setdefault(entry[ID], number) != number:
            found = Refusal("id", "reason.id_repeated", {"row": first_line[entry[ID]]})
            raise ctx.refused("records", number, found)
    diverged = _diverged(ctx, [entry for _number, entry in entries_list], previous)
    chains_here = {key: info for key, info in previous.items() if info["chain"] == key}
    in_bundle = {_chain(e) for _number, e in entries_list}
    for key in sorted(k for k in diverged if k in chains_here):
        _retire(ctx, key, chains_here[key])
        counts["rebuilt" if key in in_bundle else "retired"] += 1
    wanted = (
        (number, e) for number, e in entries_list if e[ID] not in previous or _chain(e) in diverged
    )
    merged = {key: info["entry_id"] for key, info in chains_here.items() if key not in diverged}
    _append(ctx, wanted, diverged, merged, counts)
    _check_days(ctx)
    return counts


def _previous(ctx: SourceContext) -> dict[Any, dict[str, Any]]:
    """This source's current entries here: source entry number -> where and what, with the
    number of the source record (its original) the entry belongs to."""
    out: dict[Any, dict[str, Any]] = {}
    for row in ctx.conn.execute(_PREVIOUS, (ctx.source_id,)):
        out[row["source_row"]] = {
            "entry_id": row["entry_id"],
            "fingerprint": (row["recorded_at"], row["kind"], row["minutes"], row["service_date"]),
            "volunteer_id": row["volunteer_id"],
            "chain": row["chain"],
            "voided": row["voided"],
            "latest_ours": row["latest_ours"],
        }
    return out


def _diverged(
    ctx: SourceContext, entries: list[tuple[Any, ...]], previous: dict[Any, dict[str, Any]]
) -> set[Any]:
    """The source's records (by original number) whose copy here no longer matches them."""
    by_id = {e[ID]: e for e in entries}
    diverged: set[Any] = set()
    for number, info in previous.items():
        entry = by_id.get(number)
        if (
            entry is None
            or (entry[RECORDED], entry[KIND], entry[MINUTES], entry[DATE]) != info["fingerprint"]
            or _chain(entry) != info["chain"]
        ):
            diverged.add(info["chain"])
            if entry is not None:
                diverged.add(_chain(entry))
        elif not info["latest_ours"]:  # corrected here around the source: copy it afresh
            diverged.add(info["chain"])
    for entry in entries:
        copied = previous.get(_chain(entry))
        if copied is not None and ctx.volunteers.get(entry[VOLUNTEER]) != copied["volunteer_id"]:
            diverged.add(copied["chain"])  # the source re-identified the person of this record
    return diverged


def _retire(ctx: SourceContext, key: Any, info: dict[str, Any]) -> None:
    """Void this roster's copy of a source record (if it still counts) and mark its entries as
    no longer the source's current ones."""
    conn = ctx.conn
    record_id = info["entry_id"]
    if not info["voided"]:
        chain = conn.execute(
            "SELECT latest_id FROM service_chains WHERE record_id = ?", (record_id,)
        ).fetchone()
        latest = conn.execute(
            "SELECT * FROM service_records WHERE id = ?", (chain["latest_id"],)
        ).fetchone()
        cursor = conn.execute(
            "INSERT INTO service_records (volunteer_id, activity_id, service_date, minutes,"
            " attendance, place, content, beneficiaries, leader, recorder, evaluation, notes,"
            " kind, corrects_id, reason, recorded_at)"
            " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 'void', ?, ?, ?)",
            (
                latest["volunteer_id"],
                latest["activity_id"],
                latest["service_date"],
                latest["attendance"],
                latest["place"],
                latest["content"],
                latest["beneficiaries"],
                latest["leader"],
                latest["recorder"],
                latest["evaluation"],
                latest["notes"],
                record_id,
                f"合并：{ctx.label}的台账中此记录已变更或不再存在，按其最新台账处理",
                audit.now_iso(),
            ),
        )
        conn.execute(
            "INSERT INTO source_records (entry_id, source_id, source_row, current, run_id)"
            " VALUES (?, ?, NULL, 0, ?)",
            (cursor.lastrowid, ctx.source_id, ctx.run_id),
        )
    conn.execute(
        "UPDATE source_records SET current = 0 WHERE source_id = ? AND current = 1 AND entry_id"
        " IN (SELECT id FROM service_records WHERE id = ? OR corrects_id = ?)",
        (ctx.source_id, record_id, record_id),
    )
    audit.record(
        conn,
        "merge.record_retire",
        "service_records",
        record_id,
        source=ctx.label,
        source_record=key,
    )


def _append(
    ctx: SourceContext,
    rows: Iterable[tuple[int, tuple[Any, ...]]],
    diverged: set[Any],
    merged: dict[Any, int],
    counts: dict[str, int],
) -> None:
    """Copy entries (in the source's order: an original before its corrections) with this
    roster's numbers, written a chunk at a time by ``entries``. Each entry is held to what
    the ledger will hold it to before any is written, so a refusal names its row: its person
    registered by its date, a correction of a record of the same person and activity that
    still counts, one record per person and activity."""
    conn = ctx.conn
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM service_records").fetchone()[0]
    first = next_id
    volunteers, activities, registered = ctx.volunteers, ctx.activities, ctx.registered
    chains: dict[Any, tuple[int, int]] = {}  # source original -> (volunteer, activity) here
    voided: set[Any] = set()
    once: set[tuple[int, int]] = set()  # (volunteer, activity) with a record that counts
    # (volunteer, activity) whose record that counted was voided by this merge: a record of an
    # earlier merge no longer counts though its void may not be written yet (same chunk).
    freed: set[tuple[int, int]] = set()
    corrections: set[Any] = set()  # the source's ids of corrections (originals: ``merged``)
    with entries.set_aside(conn) as triggers:
        writer = entries.Writer(conn, ctx.source_id, ctx.run_id, triggers)
        previous, original, add = ctx.previous, writer.original, writer.correction
        for number, entry in rows:
            ident, source_volunteer, kind = entry[ID], entry[VOLUNTEER], entry[KIND]
            volunteer = volunteers[source_volunteer]
            activity = activities[entry[ACTIVITY]]
            if ident in merged or ident in corrections:
                raise ctx.refused("records", number, Refusal("id", "reason.id_repeated_earlier"))
            if entry[DATE] < registered[source_volunteer]:
                params = {"registered_on": registered[source_volunteer]}
                raise ctx.refused("records", number, Refusal("service_date", _EARLY, params))
            if kind == "original":
                pair = (volunteer, activity)
                if pair in once or (
                    previous and pair not in freed and _counted_here(ctx, volunteer, activity)
                ):
                    raise ctx.refused("records", number, Refusal("activity_id", _TWICE))
                merged[ident] = next_id
                chains[ident] = pair
                once.add(pair)
                original(
                    (
                        next_id,
                        volunteer,
                        activity,
                        *entry[DATE:CORRECTS],
                        None,
                        *entry[TAIL:],
                        ident,
                    ),
                    pair,
                )
                next_id += 1
                continue
            source_target = entry[CORRECTS]
            corrects = merged.get(source_target)
            target = chains.get(source_target) or _chain_here(ctx, corrects)
            if corrects is None or target is None or source_target in voided:
                params = {"value": source_target, "part": "records.jsonl"}
                raise ctx.refused("records", number, Refusal("corrects_id", _UNKNOWN, params))
            if target != (volunteer, activity):
                raise ctx.refused("records", number, Refusal("corrects_id", _OTHER))
            if kind == "void":
                voided.add(source_target)
                once.discard(target)
                freed.add(target)
            corrections.add(ident)
            if source_target not in diverged:
                counts["corrections"] += 1
            add(
                (
                    next_id,
                    volunteer,
                    activity,
                    *entry[DATE:CORRECTS],
                    corrects,
                    *entry[TAIL:],
                    ident,
                ),
                target if kind == "void" else None,
            )
            next_id += 1
        writer.flush()
    counts["entries"] = next_id - first
    counts["records"] += counts["entries"] - len(corrections)  # each correction in it once
    if counts["entries"]:
        audit.record(
            conn,
            "merge.records",
            "service_records",
            None,
            source=ctx.label,
            entries=counts["entries"],
            first=first,
            last=next_id - 1,
        )


_EARLY = "reason.before_registration"
_TWICE = "reason.recorded_twice"
_UNKNOWN = "reason.unknown_row"
_OTHER = "reason.correction_other_service"


def _counted_here(ctx: SourceContext, volunteer: int, activity: int) -> bool:
    """Whether a record of this person on this activity already counts here (a chain kept
    from an earlier merge of the source)."""
    row = ctx.conn.execute(
        "SELECT 1 FROM service_chains WHERE volunteer_id = ? AND activity_id = ? AND voided = 0",
        (volunteer, activity),
    ).fetchone()
    return row is not None


def _chain_here(ctx: SourceContext, record_id: int | None) -> tuple[int, int] | None:
    """(volunteer, activity) of a record copied by an earlier merge that still counts."""
    if record_id is None:
        return None
    row = ctx.conn.execute(
        "SELECT volunteer_id, activity_id FROM service_chains WHERE record_id = ? AND voided = 0",
        (record_id,),
    ).fetchone()
    return (row[0], row[1]) if row is not None else None


def _check_days(ctx: SourceContext) -> None:
    """No person's service adds up to more than 24 hours a day here (with what other sources
    and this roster recorded for them): the first such day refuses the source, naming this
    source's record of it."""
    from volctl.ledger.clock import MAX_MINUTES

    conn = ctx.conn
    over = conn.execute(
        "SELECT c.volunteer_id, c.service_date, sum(c.minutes) FROM service_chains c"
        " WHERE c.voided = 0 AND c.volunteer_id IN (SELECT volunteer_id FROM source_volunteers"
        " WHERE source_id = ?) GROUP BY c.volunteer_id, c.service_date"
        " HAVING sum(c.minutes) > ? LIMIT 1",
        (ctx.source_id, MAX_MINUTES),
    ).fetchone()
    if over is None:
        return
    volunteer, day, minutes = over
    mine = conn.execute(
        "SELECT s.source_row FROM service_chains c JOIN source_records s"
        " ON s.entry_id = c.latest_id AND s.source_id = ? AND s.current = 1"
        " WHERE c.volunteer_id = ? AND c.service_date = ? AND c.voided = 0"
        " ORDER BY c.record_id DESC LIMIT 1",
        (ctx.source_id, volunteer, day),
    ).fetchone()
    number = conn.execute("SELECT volunteer_no FROM volunteers WHERE id = ?", (volunteer,))
    params = {
        "volunteer_no": number.fetchone()[0],
        "date": day,
        "hours": round(minutes / 60, 1),
        "record": mine[0] if mine is not None else "-",
    }
    raise InvalidInput(
        "merge.day_over_24h",
        hint="hint.bundle_row_refused",
        where=Where(file=ctx.file, column="minutes"),
        part="records.jsonl",
        **params,
    )

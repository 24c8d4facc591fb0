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
from typing import Any

from volctl import audit
from volctl.merge import content
from volctl.merge.context import SourceContext

COLUMNS = content.RECORD_COLUMNS
ID, VOLUNTEER, ACTIVITY, DATE = 0, 1, 2, 3
MINUTES, KIND, CORRECTS, RECORDED = 6, 15, 16, 18
CHUNK = 20_000

_INSERT = (
    "INSERT INTO service_records (id, volunteer_id, activity_id, service_date, start_time,"
    " end_time, minutes, attendance, place, content, beneficiaries, leader, recorder,"
    " evaluation, notes, kind, corrects_id, reason, recorded_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
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
    order = [index[name] for name in COLUMNS]
    entries = (tuple(row[i] for i in order) for row in rows)
    previous = _previous(ctx) if ctx.previous else {}
    counts = {"entries": 0, "records": 0, "corrections": 0, "rebuilt": 0, "retired": 0}
    if not previous:
        _append(ctx, entries, set(), {}, counts)
        return counts
    entries_list = list(entries)
    diverged = _diverged(ctx, entries_list, previous)
    chains_here = {key: info for key, info in previous.items() if info["chain"] == key}
    in_bundle = {_chain(e) for e in entries_list}
    for key in sorted(k for k in diverged if k in chains_here):
        _retire(ctx, key, chains_here[key])
        counts["rebuilt" if key in in_bundle else "retired"] += 1
    wanted = (e for e in entries_list if e[ID] not in previous or _chain(e) in diverged)
    merged = {key: info["entry_id"] for key, info in chains_here.items() if key not in diverged}
    _append(ctx, wanted, diverged, merged, counts)
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
    entries: Iterable[tuple[Any, ...]],
    diverged: set[Any],
    merged: dict[Any, int],
    counts: dict[str, int],
) -> None:
    """Copy entries (in the source's order: an original before its corrections) with this
    roster's numbers, in chunks through the ledger's own triggers."""
    conn = ctx.conn
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM service_records").fetchone()[0]
    first = next_id
    volunteers, activities = ctx.volunteers, ctx.activities
    batch: list[tuple[Any, ...]] = []
    owned: list[tuple[int, int, Any, int]] = []

    def flush() -> None:
        conn.executemany(_INSERT, batch)
        conn.executemany(
            "INSERT INTO source_records (entry_id, source_id, source_row, current, run_id)"
            " VALUES (?, ?, ?, 1, ?)",
            owned,
        )
        batch.clear()
        owned.clear()

    for number, entry in enumerate(entries, start=2):
        volunteer = volunteers.get(entry[VOLUNTEER])
        activity = activities.get(entry[ACTIVITY])
        if volunteer is None or activity is None or not isinstance(entry[ID], int):
            raise ctx.invalid("records", number, f"#{entry[ID]}")
        if entry[KIND] == "original":
            corrects = None
            merged[entry[ID]] = next_id
            counts["records"] += 1
        else:
            corrects = merged.get(entry[CORRECTS])
            if corrects is None:
                raise ctx.invalid("records", number, f"#{entry[ID]} -> #{entry[CORRECTS]}")
            if entry[CORRECTS] not in diverged:
                counts["corrections"] += 1
        batch.append(
            (next_id, volunteer, activity, *entry[DATE:CORRECTS], corrects, *entry[CORRECTS + 1 :])
        )
        owned.append((next_id, ctx.source_id, entry[ID], ctx.run_id))
        next_id += 1
        if len(batch) >= CHUNK:
            flush()
    if batch:
        flush()
    counts["entries"] = next_id - first
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

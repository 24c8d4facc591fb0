"""volctl log-hours: the service ledger (志愿服务记录台账), append-only, corrected on record."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from volctl.cli.classes import group
from volctl.cli.guard import command
from volctl.cli.messages import notice, warn
from volctl.cli.options import (
    FormatOption,
    OutputOption,
    ShowPiiOption,
    choices,
    parse_choice,
    parse_day_option,
)
from volctl.cli.output import at_terminal, emit
from volctl.cli.state import roster
from volctl.dates import clock
from volctl.i18n import join_list, t
from volctl.render import Column, Format

app = group("log-hours", "help.hours")


def _opt(name: str, key: str, metavar: str = "TEXT") -> Any:
    return typer.Option(name, metavar=metavar, help=t(key), show_default=False)


Hours = Annotated[str | None, _opt("--hours", "opt.hours_hours", "H")]
Start = Annotated[str | None, _opt("--start", "opt.hours_start", "HH:MM")]
End = Annotated[str | None, _opt("--end", "opt.hours_end", "HH:MM")]
Day = Annotated[str | None, _opt("--date", "opt.hours_date", "DATE")]
Status = Annotated[str | None, _opt("--status", "opt.hours_status", choices("attendance"))]
Place = Annotated[str | None, _opt("--place", "opt.hours_place")]
Content = Annotated[str | None, _opt("--content", "opt.hours_content")]
Beneficiaries = Annotated[str | None, _opt("--beneficiaries", "opt.hours_beneficiaries")]
Evaluation = Annotated[str | None, _opt("--evaluation", "opt.hours_evaluation")]
Notes = Annotated[str | None, _opt("--notes", "opt.hours_notes")]
Leader = Annotated[str | None, _opt("--leader", "opt.hours_leader", "NAME")]
Recorder = Annotated[str | None, _opt("--recorder", "opt.hours_recorder", "NAME")]
Reason = Annotated[str, _opt("--reason", "opt.hours_reason")]
RecordRef = Annotated[
    str, typer.Argument(metavar="RECORD", help=t("arg.hours_record"), show_default=False)
]
# The same options on amend: what is not given stays as recorded.
AmendHours = Annotated[str | None, _opt("--hours", "opt.hours_amend_hours", "H")]
AmendDay = Annotated[str | None, _opt("--date", "opt.hours_amend_date", "DATE")]
AmendStatus = Annotated[
    str | None,
    _opt("--status", "opt.hours_amend_status", choices("attendance")),
]
AmendPlace = Annotated[str | None, _opt("--place", "opt.hours_amend_place")]
AmendContent = Annotated[str | None, _opt("--content", "opt.hours_amend_content")]
AmendBeneficiaries = Annotated[str | None, _opt("--beneficiaries", "opt.hours_amend_beneficiaries")]
AmendLeader = Annotated[str | None, _opt("--leader", "opt.hours_amend_leader", "NAME")]
VolRefs = Annotated[list[str] | None, _opt("--only", "opt.hours_only", "VOL")]
Absent = Annotated[list[str] | None, _opt("--absent", "opt.hours_absent", "VOL")]
Leave = Annotated[list[str] | None, _opt("--leave", "opt.hours_leave", "VOL")]


def _refs(values: list[str] | None) -> list[str]:
    """VOL options given repeatedly or as a comma-separated list."""
    refs: list[str] = []
    for value in values or []:
        refs += [part.strip() for part in value.replace("，", ",").split(",") if part.strip()]
    return refs


# Table columns with a rank: on a narrow terminal the highest ranks are left out first
# (json and csv always carry every key).
def _record_columns() -> list[tuple[Column, int]]:
    return [
        (Column("record", t("hours.col.record"), "right", no_wrap=True), 0),
        (Column("date", t("hours.col.date"), no_wrap=True), 0),
        (Column("time", t("hours.col.time"), no_wrap=True), 3),
        (Column("volunteer_no", t("field.volunteer_no"), no_wrap=True), 0),
        (Column("name", t("field.name"), no_wrap=True), 0),
        (Column("activity_no", t("hours.col.activity_no"), no_wrap=True), 1),
        (Column("activity", t("hours.col.activity")), 5),
        (Column("hours", t("hours.col.hours"), "right", no_wrap=True), 0),
        (Column("attendance", t("hours.col.attendance"), no_wrap=True), 2),
        (Column("recorder", t("hours.col.recorder"), no_wrap=True), 6),
        (Column("corrections", t("hours.col.corrections"), "right", no_wrap=True), 4),
    ]


def _history_columns() -> list[tuple[Column, int]]:
    return [
        (Column("record", t("hours.col.record"), "right", no_wrap=True), 0),
        (Column("entry", t("hours.col.entry"), "right", no_wrap=True), 0),
        (Column("kind", t("hours.col.kind"), no_wrap=True), 0),
        (Column("date", t("hours.col.date"), no_wrap=True), 1),
        (Column("time", t("hours.col.time"), no_wrap=True), 4),
        (Column("volunteer_no", t("field.volunteer_no"), no_wrap=True), 2),
        (Column("name", t("field.name"), no_wrap=True), 0),
        (Column("activity_no", t("hours.col.activity_no"), no_wrap=True), 5),
        (Column("hours", t("hours.col.hours"), "right", no_wrap=True), 0),
        (Column("attendance", t("hours.col.attendance"), no_wrap=True), 3),
        (Column("reason", t("field.reason")), 0),
        (Column("recorder", t("hours.col.recorder"), no_wrap=True), 7),
        (Column("recorded_at", t("hours.col.recorded_at"), no_wrap=True), 6),
        (Column("current", t("hours.col.current"), no_wrap=True), 0),
    ]


def _import_columns() -> list[tuple[Column, int]]:
    return [
        (Column("row", t("hours.col.row"), "right", no_wrap=True), 0),
        (Column("name", t("field.name"), no_wrap=True), 0),
        (Column("volunteer_no", t("field.volunteer_no"), no_wrap=True), 2),
        (Column("phone", t("field.phone"), no_wrap=True), 5),
        (Column("outcome", t("hours.col.outcome"), no_wrap=True), 0),
        (Column("record", t("hours.col.record"), "right", no_wrap=True), 4),
        (Column("time", t("hours.col.time"), no_wrap=True), 3),
        (Column("hours", t("hours.col.hours"), "right", no_wrap=True), 1),
        (Column("attendance", t("hours.col.attendance"), no_wrap=True), 3),
        (Column("message", t("hours.col.message")), 0),
    ]


_WRAP_WIDTH = 24  # what a wrapping column needs at least to stay readable


def _fit(
    rows: list[dict[str, Any]],
    ranked: list[tuple[Column, int]],
    output: Path | None,
    fmt: Format = Format.table,
) -> list[Column]:
    """The columns that fit the terminal, dropping the highest ranks and saying which; a file,
    a pipe, json and csv get every column."""
    if fmt is not Format.table or not at_terminal(output):
        return [column for column, _ in ranked]
    from rich.cells import cell_len
    from rich.console import Console

    width = Console().width

    def need(column: Column) -> int:
        values = [cell_len(_cell(row.get(column.key))) for row in rows]
        widest = max([cell_len(column.header), *values])
        return (widest if column.no_wrap else min(widest, _WRAP_WIDTH)) + 3

    chosen = list(ranked)
    while sum(need(c) for c, _ in chosen) + 1 > width:
        rank = max(r for _, r in chosen)
        if rank == 0:
            break
        last = max(i for i, (_, r) in enumerate(chosen) if r == rank)
        del chosen[last]
    left_out = [column.header for column, _ in ranked if (column, _) not in chosen]
    if left_out:
        notice(t("output.columns_left_out", columns=join_list(left_out)))
    return [column for column, _ in chosen]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _for_table(record: dict[str, Any]) -> dict[str, Any]:
    """Translated codes and a time span for the terminal; json and csv keep the codes."""
    shown = dict(record)
    shown["attendance"] = t(f"hours.attendance.{record['attendance']}")
    if record.get("start"):
        shown["time"] = f"{record['start']}–{record['end']}"
    for key in ("recorded_at", "corrected_at"):
        if record.get(key):
            shown[key] = clock(record[key])
    if "kind" in record:
        shown["kind"] = t(f"hours.kind.{record['kind']}")
        shown["current"] = "✓" if record["current"] else ""
    if not record.get("corrections"):
        shown["corrections"] = None
    return shown


def _labels(record: dict[str, Any]) -> dict[str, str]:
    return {key: t(f"hours.col.{key}") for key in record}


def _show_one(record: dict[str, Any], fmt: Format, title: str | None = None) -> None:
    if fmt is Format.table:
        shown = _for_table(record)
        shown.pop("time", None)
        emit(shown, fmt, labels=_labels(record), title=title)
    else:
        emit(record, fmt)


def _given(**values: Any) -> Any:
    from volctl.ledger.records import ServiceInput

    return ServiceInput(**values)


@command(app, "add", "help.hours.add")
def add(
    vol: Annotated[str, typer.Argument(metavar="VOL", help=t("arg.vol"), show_default=False)],
    activity: Annotated[str, _opt("--activity", "opt.hours_activity", "ACT")],
    hours: Hours = None,
    start: Start = None,
    end: End = None,
    date: Day = None,
    status: Status = None,
    place: Place = None,
    content: Content = None,
    beneficiaries: Beneficiaries = None,
    evaluation: Evaluation = None,
    notes: Notes = None,
    leader: Leader = None,
    recorder: Recorder = None,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import records

    conn = roster()
    row = records.add(
        conn,
        vol,
        activity,
        _given(
            hours=hours,
            start=start,
            end=end,
            date=date,
            attendance=status,
            place=place,
            content=content,
            beneficiaries=beneficiaries,
            evaluation=evaluation,
            notes=notes,
            leader=leader,
            recorder=recorder,
        ),
    )
    record = records.public(row)
    if fmt is Format.table:
        notice(
            t(
                "hours.recorded",
                record=record["record"],
                volunteer_no=record["volunteer_no"],
                name=record["name"],
                activity_no=record["activity_no"],
                hours=record["hours"],
            )
        )
    _show_one(record, fmt)


@command(app, "activity", "help.hours.activity")
def activity(
    act: Annotated[str, typer.Argument(metavar="ACT", help=t("arg.hours_activity"))],
    hours: Hours = None,
    start: Start = None,
    end: End = None,
    only: VolRefs = None,
    absent: Absent = None,
    leave: Leave = None,
    date: Day = None,
    place: Place = None,
    content: Content = None,
    beneficiaries: Beneficiaries = None,
    evaluation: Evaluation = None,
    leader: Leader = None,
    recorder: Recorder = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.ledger import records

    conn = roster()
    result = records.add_roster(
        conn,
        act,
        _given(
            hours=hours,
            start=start,
            end=end,
            date=date,
            place=place,
            content=content,
            beneficiaries=beneficiaries,
            evaluation=evaluation,
            leader=leader,
            recorder=recorder,
        ),
        only=_refs(only),
        absent=_refs(absent),
        leave=_refs(leave),
    )
    for volunteer, record_id in result.already:
        notice(
            t(
                "hours.already_left",
                volunteer_no=volunteer["volunteer_no"],
                name=volunteer["name"],
                record=record_id,
            )
        )
    if not result.records:
        notice(t("hours.roster_nothing_new"))
    shown = [records.public(row) for row in result.records]
    minutes = sum(r["minutes"] for r in shown)
    caption = t("hours.roster_recorded", count=len(shown), hours=records.hours(minutes))
    _emit_records(shown, fmt, output, caption)


@command(app, "import", "help.hours.import")
def import_(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help=t("arg.hours_file"), show_default=False)
    ],
    activity: Annotated[str | None, _opt("--activity", "opt.hours_import_activity", "ACT")] = None,
    hours: Annotated[str | None, _opt("--hours", "opt.hours_import_hours", "H")] = None,
    unsigned: Annotated[
        str, typer.Option("--unsigned", metavar=choices("unsigned"), help=t("opt.hours_unsigned"))
    ] = "skip",
    sheet: Annotated[str | None, _opt("--sheet", "opt.hours_sheet", "NAME")] = None,
    recorder: Recorder = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.hours_dry_run"))] = False,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.ledger import signin_import

    unsigned = parse_choice("unsigned", unsigned, "hours.unsigned_unknown", "service_unsigned")
    conn = roster()
    report = signin_import.import_hours(
        conn,
        file,
        activity_ref=activity,
        hours=hours,
        recorder=recorder,
        unsigned=unsigned,
        sheet_name=sheet,
        dry_run=dry_run,
    )
    data = signin_import.public(report, show_pii=show_pii)
    if report.previous is not None:
        warn(
            t(
                "hours.import_again",
                batch=report.previous["id"],
                at=clock(report.previous["imported_at"]),
            )
        )
    summary = t(
        "hours.import_dry_run" if dry_run else "hours.import_done",
        file=data["file"],
        activity_no=data["activity_no"],
        rows=data["rows"],
        recorded=data["recorded"],
        rejected=data["rejected"],
        skipped=data["skipped"],
        hours=data["hours"],
    )
    if fmt is Format.json:
        emit(data, fmt, output=output)
    elif fmt is Format.csv:
        emit(data["details"], fmt, output=output)
    else:
        rows = []
        for detail in data["details"]:
            shown = dict(detail)
            shown["outcome"] = t(f"hours.outcome.{detail['outcome']}")
            if detail["attendance"]:
                shown["attendance"] = t(f"hours.attendance.{detail['attendance']}")
            if detail["start"]:
                shown["time"] = f"{detail['start']}–{detail['end']}"
            if detail["hint"]:
                shown["message"] = f"{detail['message']} {detail['hint']}"
            rows.append(shown)
        columns = _fit(rows, _import_columns(), output, fmt)
        emit(rows, fmt, columns=columns, output=output)
    notice(summary)


@command(app, "list", "help.hours.list")
def list_(
    volunteer: Annotated[str | None, _opt("--volunteer", "opt.hours_volunteer", "VOL")] = None,
    activity: Annotated[str | None, _opt("--activity", "opt.hours_list_activity", "ACT")] = None,
    date_from: Annotated[str | None, _opt("--from", "opt.hours_from", "DATE")] = None,
    date_to: Annotated[str | None, _opt("--to", "opt.hours_to", "DATE")] = None,
    batch: Annotated[
        int | None,
        typer.Option("--batch", metavar="N", help=t("opt.hours_batch"), min=1, max=2**63 - 1),
    ] = None,
    history: Annotated[bool, typer.Option("--history", help=t("opt.hours_history"))] = False,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.ledger import activities, records
    from volctl.roster import volunteers

    conn = roster()
    filters = records.Filters(
        volunteer_id=volunteers.find(conn, volunteer)["id"] if volunteer else None,
        activity_id=activities.find(conn, activity)["id"] if activity else None,
        date_from=parse_day_option(date_from, "service_from"),
        date_to=parse_day_option(date_to, "service_to"),
        batch_id=batch,
    )
    if history:
        entries = [records.public_entry(row) for row in records.history(conn, filters)]
        chains = len({e["record"] for e in entries})
        caption = t("hours.history_count", entries=len(entries), records=chains)
        if fmt is Format.table:
            entries = [_for_table(e) for e in entries]
        columns = _fit(entries, _history_columns(), output, fmt)
        emit(entries, fmt, columns=columns, output=output, caption=caption)
        return
    shown = [records.public(row) for row in records.effective(conn, filters)]
    minutes = sum(r["minutes"] for r in shown)
    people = len({r["volunteer_no"] for r in shown})
    caption = t("hours.list_count", count=len(shown), people=people, hours=records.hours(minutes))
    _emit_records(shown, fmt, output, caption)


def _emit_records(
    shown: list[dict[str, Any]], fmt: Format, output: Path | None, caption: str
) -> None:
    """Service records as a table that fits the terminal, or as JSON/CSV."""
    if fmt is Format.table:
        shown = [_for_table(r) for r in shown]
    emit(
        shown,
        fmt,
        columns=_fit(shown, _record_columns(), output, fmt),
        output=output,
        caption=caption,
    )


@command(app, "amend", "help.hours.amend")
def amend(
    record: RecordRef,
    reason: Reason,
    hours: AmendHours = None,
    start: Start = None,
    end: End = None,
    date: AmendDay = None,
    status: AmendStatus = None,
    place: AmendPlace = None,
    content: AmendContent = None,
    beneficiaries: AmendBeneficiaries = None,
    evaluation: Evaluation = None,
    notes: Notes = None,
    leader: AmendLeader = None,
    recorder: Recorder = None,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import records

    conn = roster()
    row = records.amend(
        conn,
        record,
        _given(
            hours=hours,
            start=start,
            end=end,
            date=date,
            attendance=status,
            place=place,
            content=content,
            beneficiaries=beneficiaries,
            evaluation=evaluation,
            notes=notes,
            leader=leader,
            recorder=recorder,
        ),
        reason,
    )
    shown = records.public(row)
    if fmt is Format.table:
        notice(
            t("hours.amended", record=shown["record"], entry=shown["entry"], hours=shown["hours"])
        )
    _show_one(shown, fmt)


@command(app, "void", "help.hours.void")
def void(
    record: RecordRef,
    reason: Reason,
    recorder: Recorder = None,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import records

    conn = roster()
    row = records.void(conn, record, reason, recorder=recorder)
    shown = records.public_entry(row)
    if fmt is Format.table:
        notice(t("hours.voided", record=shown["record"], entry=shown["entry"]))
    _show_one(shown, fmt)

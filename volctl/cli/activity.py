"""volctl activity: plan activities, schedule series, sign volunteers up, print sign-in sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from volctl.cli.classes import group
from volctl.cli.code_lists import show_code_list
from volctl.cli.guard import command
from volctl.cli.messages import confirm, notice, warn
from volctl.cli.options import (
    ForceOption,
    FormatOption,
    NoInputOption,
    OutputOption,
    ShowPiiOption,
    check_output,
    choices,
    parse_day_option,
    year_option,
)
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.dates import clock
from volctl.i18n import field_labels, join_list, t
from volctl.render import Column, Format

app = group("activity", "help.activity")


def _opt(*names: str, key: str, metavar: str = "TEXT") -> Any:
    return typer.Option(*names, metavar=metavar, help=t(key), show_default=False)


ActArg = Annotated[str, typer.Argument(metavar="ACT", help=t("arg.act"), show_default=False)]
TitleArg = Annotated[str, typer.Argument(metavar="TITLE", help=t("arg.act_title"))]
VolsArg = Annotated[
    list[str], typer.Argument(metavar="VOL...", help=t("arg.vols"), show_default=False)
]
Date = Annotated[str | None, _opt("--date", key="opt.act_date", metavar="DATE")]
Start = Annotated[str | None, _opt("--start", key="opt.act_start", metavar="HH:MM")]
End = Annotated[str | None, _opt("--end", key="opt.act_end", metavar="HH:MM")]
Category = Annotated[str | None, _opt("--category", key="opt.act_category", metavar="C")]


# What update may set: planned or held (a cancellation is `activity cancel`, with its reason).
def _update_statuses() -> str:
    from volctl import values

    return "|".join(values.names("activity_status", entries=("planned", "held")))


_UPDATE_STATUSES = _update_statuses()
NewDate = Annotated[str | None, _opt("--date", key="opt.act_new_date", metavar="DATE")]
NewCategory = Annotated[str | None, _opt("--category", key="opt.act_new_category", metavar="C")]
Theme = Annotated[str | None, _opt("--theme", key="opt.act_theme", metavar=choices("theme"))]
Team = Annotated[str | None, _opt("--team", key="opt.act_team", metavar="TEAM")]
Place = Annotated[str | None, _opt("--place", key="opt.act_place", metavar="P")]
Beneficiaries = Annotated[
    str | None,
    _opt("--beneficiaries", "--beneficiary-group", key="opt.act_beneficiaries", metavar="GROUP"),
]
Capacity = Annotated[int | None, _opt("--capacity", key="opt.act_capacity", metavar="N")]
Leader = Annotated[str | None, _opt("--leader", key="opt.act_leader", metavar="VOL")]
Description = Annotated[str | None, _opt("--description", key="opt.act_description")]
Insurance = Annotated[
    bool | None,
    typer.Option(
        "--needs-insurance/--no-insurance", help=t("opt.act_insurance"), show_default=False
    ),
]
Served = Annotated[list[str] | None, _opt("--served", key="opt.act_served", metavar="RECIPIENT")]
ServedGroup = Annotated[
    list[str] | None, _opt("--served-group", key="opt.act_served_group", metavar="GROUP:N")
]


def _columns() -> list[Column]:
    return [
        Column("activity_no", t("field.activity_no"), no_wrap=True),
        Column("date", t("field.date"), no_wrap=True),
        Column("time", t("field.time"), no_wrap=True),
        Column("title", t("field.title")),
        Column("category", t("field.category")),
        Column("team", t("field.team")),
        Column("place", t("field.place")),
        Column("roster", t("field.signed_up"), "right", no_wrap=True),
        Column("status", t("field.status"), no_wrap=True),
    ]


def _for_table(record: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in record.items():
        if key == "leader":
            row["leader"] = f"{value['name']}（{value['volunteer_no']}）" if value else None
        elif key == "status":
            row[key] = t(f"activity_status.{value}")
        elif key == "needs_insurance":
            row[key] = t("yes") if value else None
        else:
            row[key] = value
    if record.get("start_time"):
        row["time"] = f"{record['start_time']}-{record['end_time']}"
    capacity = record.get("capacity")
    row["roster"] = f"{record['signed_up']}/{capacity}" if capacity else str(record["signed_up"])
    return row


def _show(record: dict[str, Any], fmt: Format, *, extra: dict[str, Any] | None = None) -> None:
    if fmt is not Format.table:
        emit({**record, **(extra or {})}, fmt)
        return
    shown = _for_table(record)
    shown.pop("roster")
    shown.pop("time", None)
    shown.pop("series_key", None)  # an internal key; ``series`` names the rule
    labels = {key: t(f"field.{key}") for key in shown}
    labels["status_reason"] = t("field.cancel_reason")
    emit(shown, fmt, labels=labels, title=f"{record['activity_no']} {record['title']}")


def _input(**options: Any) -> Any:
    from volctl.ledger.activities import ActivityInput

    return ActivityInput(**options)


@command(app, "add", "help.activity.add")
def add(
    title: Annotated[
        Optional[str], typer.Argument(metavar="TITLE", help=t("arg.act_title"), show_default=False)
    ] = None,
    date: Date = None,
    start: Start = None,
    end: End = None,
    category: Category = None,
    theme: Theme = None,
    team: Team = None,
    place: Place = None,
    beneficiaries: Beneficiaries = None,
    capacity: Capacity = None,
    leader: Leader = None,
    description: Description = None,
    needs_insurance: Insurance = None,
    served: Served = None,
    served_group: ServedGroup = None,
    no_input: NoInputOption = False,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.cli import guided, questions
    from volctl.ledger import activities
    from volctl.ledger.beneficiaries import served as served_entries

    conn = roster()
    asked = guided.fill(
        {"title": title, "date": date, "category": category},
        questions.activity(conn),
        no_input=no_input,
    )
    title, date, category = asked["title"], asked["date"], asked["category"]
    row = activities.add(
        conn,
        _input(
            title=title,
            date=date,
            start_time=start,
            end_time=end,
            category=category,
            theme=theme,
            team=team,
            place=place,
            beneficiary_group=beneficiaries,
            capacity=capacity,
            leader=leader,
            description=description,
            needs_insurance=needs_insurance,
        ),
        served=served or (),
        served_groups=served_group or (),
    )
    record = activities.public(row, show_pii=show_pii)
    if fmt is Format.table:
        notice(t("activity.added", activity_no=row["activity_no"], title=row["title"]))
    _show(record, fmt, extra={"served": served_entries(conn, row["id"])})


@command(app, "schedule", "help.activity.schedule")
def schedule(
    title: TitleArg,
    rule: Annotated[str, _opt("--rule", key="opt.act_rule", metavar="third-saturday|RRULE")],
    first: Annotated[str, _opt("--from", key="opt.act_from_required", metavar="DATE")],
    last: Annotated[str, _opt("--to", key="opt.act_to_required", metavar="DATE")],
    start: Start = None,
    end: End = None,
    category: Category = None,
    theme: Theme = None,
    team: Team = None,
    place: Place = None,
    beneficiaries: Beneficiaries = None,
    capacity: Capacity = None,
    leader: Leader = None,
    description: Description = None,
    needs_insurance: Insurance = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=t("opt.yes"))] = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import recurrence
    from volctl.ledger import schedule as sched

    day_from = parse_day_option(first, "from")
    day_to = parse_day_option(last, "to")
    assert day_from is not None and day_to is not None
    conn = roster()
    planned = sched.plan(
        conn,
        _input(
            title=title,
            start_time=start,
            end_time=end,
            category=category,
            theme=theme,
            team=team,
            place=place,
            beneficiary_group=beneficiaries,
            capacity=capacity,
            leader=leader,
            description=description,
            needs_insurance=needs_insurance,
        ),
        recurrence.resolve(rule),
        day_from,
        day_to,
    )
    _preview(planned, to_stderr=fmt is not Format.table)
    for year in planned["uncovered_years"]:
        warn(t("schedule.year_uncovered", year=year))
    if planned["new"] == 0:
        notice(t("schedule.nothing_new", existing=planned["existing"]))
        if fmt is not Format.table:
            _emit_plan(sched.public_plan(planned), fmt)
        return
    if not yes:
        confirm(t("schedule.confirm", count=planned["new"]), t("schedule.not_saved"), err=True)
    saved = sched.save(conn, planned)
    created = [i for i in saved["dates"] if i["state"] == "created"]
    if fmt is Format.table:
        notice(t("schedule.saved", count=len(created), existing=saved["existing"]))
        emit(
            [
                {
                    "activity_no": i["activity_no"],
                    "date": i["date"],
                    "weekday": t(f"weekday.{i['weekday']}"),
                }
                for i in created
            ],
            fmt,
            columns=[
                Column("activity_no", t("field.activity_no"), no_wrap=True),
                Column("date", t("field.date"), no_wrap=True),
                Column("weekday", t("field.weekday"), no_wrap=True),
            ],
            title=t("schedule.created_title", count=len(created)),
        )
        return
    _emit_plan(saved, fmt)


def _emit_plan(planned: dict[str, Any], fmt: Format) -> None:
    """JSON: the whole plan; CSV: one row per date."""
    if fmt is Format.json:
        emit(planned, fmt)
        return
    emit(
        [
            {
                "date": i["date"],
                "weekday": i["weekday"],
                "activity_no": i["activity_no"],
                "state": i["state"],
                "holiday_kind": i["holiday"]["kind"] if i["holiday"] else None,
                "holiday_name": i["holiday"]["name"] if i["holiday"] else None,
            }
            for i in planned["dates"]
        ],
        fmt,
    )


def _preview(planned: dict[str, Any], *, to_stderr: bool) -> None:
    from rich.console import Console

    from volctl import render

    rows = []
    for item in planned["dates"]:
        flag = item["holiday"]
        rows.append(
            {
                "date": item["date"],
                "weekday": t(f"weekday.{item['weekday']}"),
                "state": t(f"schedule.state_{item['state']}"),
                "activity_no": item["activity_no"],
                "holiday": t(f"schedule.flag_{flag['kind']}", name=flag["name"]) if flag else "",
            }
        )
    table = render.table(
        rows,
        [
            Column("date", t("field.date"), no_wrap=True),
            Column("weekday", t("field.weekday"), no_wrap=True),
            Column("state", t("field.state"), no_wrap=True),
            Column("activity_no", t("field.activity_no"), no_wrap=True),
            Column("holiday", t("field.holiday")),
        ],
        title=t(
            "schedule.preview_title",
            title=planned["title"],
            rule=planned["label"] or planned["rule"],
        ),
        caption=t("schedule.preview_caption", new=planned["new"], existing=planned["existing"]),
    )
    Console(stderr=to_stderr, highlight=False).print(table)


@command(app, "list", "help.activity.list")
def list_(
    first: Annotated[str | None, _opt("--from", key="opt.act_from", metavar="DATE")] = None,
    last: Annotated[str | None, _opt("--to", key="opt.act_to", metavar="DATE")] = None,
    team: Annotated[str | None, _opt("--team", key="opt.act_team_filter", metavar="TEAM")] = None,
    category: Annotated[
        str | None, _opt("--category", key="opt.act_category_filter", metavar="C")
    ] = None,
    status: Annotated[
        str | None,
        _opt("--status", key="opt.act_status_filter", metavar=choices("activity_status")),
    ] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.ledger import activities

    conn = roster()
    rows = activities.list_activities(
        conn,
        first=parse_day_option(first, "from"),
        last=parse_day_option(last, "to"),
        team=team,
        category=category,
        status=status,
    )
    records = [activities.public(r, show_pii=show_pii) for r in rows]
    if fmt is Format.table:
        emit(
            [_for_table(r) for r in records],
            fmt,
            columns=_columns(),
            output=output,
            caption=t("activity.count", count=len(records)),
        )
        return
    emit(records, fmt, output=output)


@command(app, "show", "help.activity.show")
def show(act: ActArg, fmt: FormatOption = Format.table, show_pii: ShowPiiOption = False) -> None:
    from volctl.ledger import activities, beneficiaries, signups

    conn = roster()
    row = activities.get(conn, activities.find(conn, act)["id"])
    record = activities.public(row, show_pii=show_pii)
    people = [
        signups.signup_record(s, show_pii=show_pii) for s in signups.roster_of(conn, row["id"])
    ]
    served = beneficiaries.served(conn, row["id"])
    service = _service_records(conn, row["id"])
    if fmt is Format.json:
        emit({**record, "signups": people, "served": served, **service}, fmt)
        return
    if fmt is Format.csv:
        emit(people, fmt)
        return
    _show(record, fmt)
    if people:
        for person in people:
            person["forced"] = t("activity.forced_mark") if person["forced"] else ""
            person["signed_up_at"] = clock(person["signed_up_at"])
        emit(
            people,
            fmt,
            columns=[
                Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
                Column("name", t("field.name"), no_wrap=True),
                Column("phone", t("field.phone"), no_wrap=True),
                Column("signed_up_at", t("field.signed_up_at"), no_wrap=True),
                Column("forced", t("field.forced")),
            ],
            title=t("activity.roster_title", count=len(people)),
        )
    _show_service(service, fmt)
    if served:
        emit(
            served,
            fmt,
            columns=[
                Column("id", t("field.id"), "right"),
                Column("group", t("field.group")),
                Column("recipient_no", t("field.recipient_no")),
                Column("name", t("field.name")),
                Column("people", t("field.people"), "right"),
            ],
            title=t("activity.served_title"),
        )


def _service_records(conn: Any, activity_id: int) -> dict[str, Any]:
    """The activity's service records as they count now, with their totals."""
    from volctl.ledger import listing
    from volctl.ledger.totals import hours

    rows = listing.effective(conn, listing.Filters(activity_id=activity_id))
    records = [
        {
            "record": r["record_id"],
            "volunteer_no": r["volunteer_no"],
            "name": r["name"],
            "attendance": r["attendance"],
            "start": r["start_time"],
            "end": r["end_time"],
            "minutes": r["minutes"],
            "hours": hours(r["minutes"]),
        }
        for r in rows
    ]
    minutes = sum(r["minutes"] for r in records)
    return {
        "records": records,
        "participations": sum(1 for r in records if r["minutes"] > 0),
        "minutes": minutes,
        "hours": hours(minutes),
    }


def _show_service(service: dict[str, Any], fmt: Format) -> None:
    """Attendance and hours recorded: one line per record, with the totals in the title."""
    if not service["records"]:
        notice(t("activity.no_records"))
        return
    rows = [
        {
            **r,
            "attendance": t(f"hours.attendance.{r['attendance']}"),
            "time": f"{r['start']}–{r['end']}" if r["start"] else None,
        }
        for r in service["records"]
    ]
    emit(
        rows,
        fmt,
        columns=[
            Column("record", "#", "right", no_wrap=True),
            Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
            Column("name", t("field.name"), no_wrap=True),
            Column("attendance", t("hours.col.attendance"), no_wrap=True),
            Column("time", t("field.time"), no_wrap=True),
            Column("hours", t("field.hours"), "right", no_wrap=True),
        ],
        title=t(
            "activity.records_title",
            count=service["participations"],
            hours=f"{service['hours']:.1f}",
        ),
    )


ActsArg = Annotated[
    Optional[list[str]],
    typer.Argument(metavar="ACT...", help=t("arg.acts"), show_default=False),
]
PastPlanned = Annotated[bool, typer.Option("--all-past-planned", help=t("opt.all_past_planned"))]


@command(app, "update", "help.activity.update")
def update(
    acts: ActsArg = None,
    title: Annotated[str | None, _opt("--title", key="opt.act_new_title")] = None,
    date: NewDate = None,
    start: Start = None,
    end: End = None,
    category: NewCategory = None,
    theme: Theme = None,
    team: Team = None,
    place: Place = None,
    beneficiaries: Beneficiaries = None,
    capacity: Capacity = None,
    leader: Leader = None,
    description: Description = None,
    needs_insurance: Insurance = None,
    status: Annotated[
        str | None, _opt("--status", key="opt.act_status", metavar=_UPDATE_STATUSES)
    ] = None,
    past_planned: PastPlanned = False,
    summary: Annotated[str | None, _opt("--summary", key="opt.act_summary")] = None,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.errors import InvalidInput
    from volctl.ledger import activities

    changes = {
        key: value
        for key, value in {
            "title": title,
            "date": date,
            "start_time": start,
            "end_time": end,
            "category": category,
            "theme": theme,
            "team": team,
            "place": place,
            "beneficiary_group": beneficiaries,
            "capacity": capacity,
            "leader": leader,
            "description": description,
            "needs_insurance": needs_insurance,
            "status": status,
        }.items()
        if value is not None
    }
    if not changes and summary is None:
        raise InvalidInput("activity.nothing_to_update", hint="hint.activity_update_options")
    conn = roster()
    chosen = activities.select(conn, acts or [], past_planned=past_planned)
    if len(chosen) > 1 or past_planned:
        if summary is not None:
            raise InvalidInput("activity.summary_one", hint="hint.activity_summary_one")
        _updated_many(activities.update_many(conn, chosen, changes), fmt, show_pii)
        return
    act = chosen[0]
    from volctl.db import transaction
    from volctl.ledger.summaries import set_summary

    with transaction(conn):  # the changes and the summary together, or neither
        row, diff = (
            activities.update(conn, act, changes) if changes else (activities.find(conn, act), {})
        )
        if summary is not None:
            row, changed = set_summary(conn, act, summary)
            if changed:
                diff = {**diff, "summary": (None, row["summary"])}
    record = {**activities.public(row, show_pii=show_pii), "summary": row["summary"]}
    if fmt is Format.json:
        emit({"activity": record, "changed": sorted(diff)}, fmt)
        return
    if diff:
        fields = field_labels("activities", diff)
        notice(t("activity.updated", activity_no=row["activity_no"], fields=fields))
    else:
        notice(t("activity.unchanged", activity_no=row["activity_no"]))
    _show(record, fmt)


def _updated_many(done: list[Any], fmt: Format, show_pii: bool) -> None:
    """Several activities updated: one line each, then the list (JSON: each with its changes)."""
    from volctl.ledger import activities

    records = [
        {"activity": activities.public(row, show_pii=show_pii), "changed": sorted(diff)}
        for row, diff in done
    ]
    if fmt is Format.json:
        emit(records, fmt)
        return
    for row, diff in done:
        if diff:
            fields = field_labels("activities", diff)
            notice(t("activity.updated", activity_no=row["activity_no"], fields=fields))
        else:
            notice(t("activity.unchanged", activity_no=row["activity_no"]))
    shown = [r["activity"] for r in records]
    wanted = ("activity_no", "date", "title", "status")  # the one line each that was changed
    emit(
        [_for_table(r) for r in shown] if fmt is Format.table else shown,
        fmt,
        columns=[c for c in _columns() if c.key in wanted],
        caption=t("activity.count", count=len(shown)),
    )


@command(app, "cancel", "help.activity.cancel")
def cancel(
    reason: Annotated[str, _opt("--reason", key="opt.reason")],
    acts: ActsArg = None,
    past_planned: PastPlanned = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import activities

    conn = roster()
    chosen = activities.select(conn, acts or [], past_planned=past_planned)
    rows = activities.cancel_many(conn, chosen, reason)
    records = [activities.public(row) for row in rows]
    if fmt is Format.table:
        for row in rows:
            notice(t("activity.cancelled", activity_no=row["activity_no"], title=row["title"]))
        return
    emit(records[0] if len(records) == 1 and not past_planned else records, fmt)


@command(app, "signup", "help.activity.signup")
def signup(
    act: ActArg,
    vols: VolsArg,
    force: Annotated[bool, typer.Option("--force", help=t("opt.act_force"))] = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import signups

    conn = roster()
    result = signups.signup(conn, act, vols, force=force)
    for w in result["warnings"]:
        warn(t(f"activity.{w['code']}", **{k: v or "" for k, v in w.items() if k != "code"}))
    if fmt is Format.json:
        emit(result, fmt)
        return
    if fmt is Format.csv:
        forced = {p["volunteer_no"] for p in result["forced"]}
        emit(
            [
                {
                    **p,
                    "activity_no": result["activity_no"],
                    "state": "added",
                    "forced": p["volunteer_no"] in forced,
                }
                for p in result["added"]
            ]
            + [
                {**p, "activity_no": result["activity_no"], "state": "already", "forced": False}
                for p in result["already"]
            ],
            fmt,
        )
        return
    for person in result["already"]:
        notice(t("activity.already_signed_up", **person, activity_no=result["activity_no"]))
    if result["forced"]:
        names = join_list(p["name"] for p in result["forced"])
        warn(t("activity.forced", names=names, capacity=result["capacity"]))
    capacity = result["capacity"]
    notice(
        t(
            "activity.signed_up",
            count=len(result["added"]),
            activity_no=result["activity_no"],
            total=f"{result['signed_up']}/{capacity}" if capacity else result["signed_up"],
        )
    )


@command(app, "withdraw", "help.activity.withdraw")
def withdraw(
    act: ActArg,
    vols: VolsArg,
    reason: Annotated[str, _opt("--reason", key="opt.reason")],
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import signups

    conn = roster()
    out = signups.withdraw(conn, act, vols, reason)
    if fmt is Format.table:
        notice(t("activity.withdrawn", names=join_list(p["name"] for p in out)))
        return
    emit(out, fmt)


@command(app, "serve", "help.activity.serve")
def serve(
    act: ActArg,
    recipients: Annotated[
        list[str] | None, _opt("--recipient", key="opt.act_served", metavar="RECIPIENT")
    ] = None,
    groups: Annotated[
        list[str] | None, _opt("--group", key="opt.act_served_group", metavar="GROUP:N")
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import activities

    conn = roster()
    added = activities.serve(conn, act, recipients or (), groups or ())
    if fmt is Format.table:
        total = sum(e["people"] for e in added)
        notice(t("activity.served_added", count=len(added), people=total))
        return
    emit(added, fmt)


@command(app, "unserve", "help.activity.unserve")
def unserve(
    act: ActArg,
    entry: Annotated[int, typer.Argument(metavar="ENTRY", help=t("arg.served_entry"))],
    reason: Annotated[str, _opt("--reason", key="opt.reason")],
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import activities

    conn = roster()
    out = activities.unserve(conn, act, entry, reason)
    if fmt is Format.table:
        notice(t("activity.served_removed", **out))
        return
    emit(out, fmt)


@command(app, "sheet", "help.activity.sheet")
def sheet(
    act: ActArg,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", callback=check_output, metavar="FILE.xlsx", help=t("opt.sheet_output")
        ),
    ],
    blank: Annotated[
        int, typer.Option("--blank", metavar="N", help=t("opt.sheet_blank"), min=0, max=200)
    ] = 5,
    show_pii: ShowPiiOption = False,
    force: ForceOption = False,
) -> None:
    from volctl.forms import signin

    conn = roster()
    result = signin.write(conn, act, output, blank_rows=blank, show_pii=show_pii, overwrite=force)
    notice(t("sheet.written", path=str(output), count=result["volunteers"]))


@command(app, "categories", "help.activity.categories")
def categories(
    add_value: Annotated[str | None, _opt("--add", key="opt.list_add", metavar="NAME")] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    show_code_list("category", add_value, fmt, output)


# Holidays are looked up for what is being planned: next year's, once the State Council
# publishes them, as well as this year's and earlier ones.
HOLIDAY_YEARS_AHEAD = 1


@command(app, "holidays", "help.activity.holidays")
def holidays(
    year: Annotated[int | None, _opt("--year", key="opt.holiday_year", metavar="YYYY")] = None,
    add_day: Annotated[str | None, _opt("--add", key="opt.holiday_add", metavar="DATE")] = None,
    name: Annotated[str | None, _opt("--name", key="opt.holiday_name", metavar="NAME")] = None,
    workday: Annotated[bool, typer.Option("--workday", help=t("opt.holiday_workday"))] = False,
    remove: Annotated[
        str | None, _opt("--remove", key="opt.holiday_remove", metavar="DATE")
    ] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from datetime import date

    from volctl.errors import InvalidInput, Where
    from volctl.ledger import schedule as sched

    year = year_option(year, ahead=HOLIDAY_YEARS_AHEAD)
    conn = roster()
    if add_day is not None:
        day = parse_day_option(add_day, "date")
        assert day is not None
        if not name:
            raise InvalidInput("schedule.holiday_name_missing", where=Where(field="holiday_name"))
        sched.add_holiday(conn, day, name, "workday" if workday else "holiday")
        notice(t("schedule.holiday_added", date=day.isoformat(), name=name))
        year = year if year is not None else day.year
    if remove is not None:
        day = parse_day_option(remove, "date")
        assert day is not None
        sched.remove_holiday(conn, day)
        notice(t("schedule.holiday_removed", date=day.isoformat()))
        year = year if year is not None else day.year
    year = year if year is not None else date.today().year
    rows = sched.list_holidays(conn, year)
    covered = sched.covered_years()
    if not any(r["kind"] == "holiday" for r in rows):
        warn(t("schedule.year_uncovered", year=year))
    if fmt is not Format.table:
        emit(rows, fmt, output=output)
        return
    for row in rows:
        row["kind"] = t(f"schedule.kind_{row['kind']}")
        row["source"] = t(f"schedule.source_{row['source']}")
    caption = t("schedule.covered", first=covered[0], last=covered[1]) if covered else None
    emit(
        rows,
        fmt,
        columns=[
            Column("date", t("field.date"), no_wrap=True),
            Column("name", t("field.holiday_name")),
            Column("kind", t("field.kind"), no_wrap=True),
            Column("source", t("field.source")),
        ],
        title=t("schedule.holidays_title", year=year),
        caption=caption,
        output=output,
    )

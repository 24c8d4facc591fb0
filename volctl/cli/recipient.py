"""volctl recipient: the register of beneficiaries (服务对象名册) and pairings (结对帮扶)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from volctl.cli.classes import group
from volctl.cli.code_lists import show_code_list
from volctl.cli.guard import command
from volctl.cli.messages import notice
from volctl.cli.options import (
    FormatOption,
    OutputOption,
    ShowPiiOption,
    choices,
    parse_choice,
    parse_day_option,
)
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.i18n import field_labels, join_list, t
from volctl.render import Column, Format

app = group("recipient", "help.recipient")


def _opt(name: str, key: str, metavar: str = "TEXT") -> Any:
    return typer.Option(name, metavar=metavar, help=t(key), show_default=False)


RecArg = Annotated[
    str, typer.Argument(metavar="RECIPIENT", help=t("arg.recipient"), show_default=False)
]
VolsArg = Annotated[
    list[str], typer.Argument(metavar="VOL...", help=t("arg.vols"), show_default=False)
]
Name = Annotated[str | None, _opt("--name", "opt.rec_name")]
Group = Annotated[str | None, _opt("--group", "opt.rec_group", "GROUP")]
Gender = Annotated[str | None, _opt("--gender", "opt.rec_gender", choices("gender"))]
Birth = Annotated[str | None, _opt("--birth", "opt.rec_birth", "DATE")]
IdNumber = Annotated[str | None, _opt("--id-number", "opt.rec_id_number", "ID")]
Phone = Annotated[str | None, _opt("--phone", "opt.rec_phone", "PHONE")]
Address = Annotated[str | None, _opt("--address", "opt.address")]
Needs = Annotated[str | None, _opt("--needs", "opt.rec_needs")]
FamilyContact = Annotated[str | None, _opt("--family-contact", "opt.rec_family_contact")]
FamilyPhone = Annotated[str | None, _opt("--family-phone", "opt.rec_family_phone", "PHONE")]
RegisteredOn = Annotated[str | None, _opt("--registered-on", "opt.registered_on", "DATE")]
Notes = Annotated[str | None, _opt("--notes", "opt.notes")]


def _columns() -> list[Column]:
    return [
        Column("recipient_no", t("field.recipient_no"), no_wrap=True),
        Column("name", t("field.name"), no_wrap=True),
        Column("group", t("field.group"), no_wrap=True),
        Column("gender", t("field.gender"), no_wrap=True),
        Column("age", t("field.age"), "right", no_wrap=True),
        Column("phone", t("field.phone"), no_wrap=True),
        Column("address", t("field.address")),
        Column("needs", t("field.needs")),
        Column("helpers", t("field.pairing")),
        Column("status", t("field.status"), no_wrap=True),
    ]


def _for_table(record: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in record.items() if k != "volunteers"}
    row["status"] = t(f"status.{record['status']}")
    names = "、".join(v["name"] for v in record["volunteers"])
    row["helpers"] = f"{record['pairing']}：{names}" if record["pairing"] else None
    return row


def _show(record: dict[str, Any], fmt: Format) -> None:
    if fmt is not Format.table:
        emit(record, fmt)
        return
    shown = _for_table(record)
    labels = {key: t(f"field.{key}") for key in shown}
    emit(shown, fmt, labels=labels, title=f"{record['recipient_no']} {record['name']}")


def _given(**options: Any) -> dict[str, Any]:
    return {key: value for key, value in options.items() if value is not None}


@command(app, "add", "help.recipient.add")
def add(
    name: Name = None,
    group_name: Group = None,
    gender: Gender = None,
    birth: Birth = None,
    id_number: IdNumber = None,
    phone: Phone = None,
    address: Address = None,
    needs: Needs = None,
    family_contact: FamilyContact = None,
    family_phone: FamilyPhone = None,
    registered_on: RegisteredOn = None,
    notes: Notes = None,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.roster import recipients

    conn = roster()
    row = recipients.add(
        conn,
        recipients.RecipientInput(
            name=name,
            group=group_name,
            gender=gender,
            birth_date=birth,
            id_number=id_number,
            phone=phone,
            address=address,
            needs=needs,
            family_contact=family_contact,
            family_phone=family_phone,
            registered_on=registered_on,
            notes=notes,
        ),
    )
    if fmt is Format.table:
        notice(t("recipient.added", recipient_no=row["recipient_no"], name=row["name"]))
    _show(recipients.public(conn, row, show_pii=show_pii), fmt)


@command(app, "list", "help.recipient.list")
def list_(
    status: Annotated[
        str, typer.Option("--status", metavar=choices("status_filter"), help=t("opt.status"))
    ] = "active",
    group_name: Annotated[str | None, _opt("--group", "opt.rec_group_filter", "GROUP")] = None,
    search: Annotated[str | None, _opt("--search", "opt.rec_search")] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.roster import recipients

    status = parse_choice("status_filter", status, "reason.status_unknown", "status")
    conn = roster()
    today = date.today()
    records = [
        recipients.public(conn, row, show_pii=show_pii, today=today)
        for row in recipients.list_recipients(conn, status=status, group=group_name, search=search)
    ]
    if fmt is Format.table:
        emit(
            [_for_table(r) for r in records],
            fmt,
            columns=_columns(),
            output=output,
            caption=t("recipient.count", count=len(records)),
        )
        return
    emit(records, fmt, output=output)


@command(app, "show", "help.recipient.show")
def show(rec: RecArg, fmt: FormatOption = Format.table, show_pii: ShowPiiOption = False) -> None:
    from volctl.roster import recipients

    conn = roster()
    row = recipients.find(conn, rec)
    record = recipients.public(conn, row, show_pii=show_pii)
    history = [
        recipients.pairing_record(p, show_pii=show_pii)
        for p in recipients.pairings(conn, include_ended=True)
        if p["recipient_id"] == row["id"]
    ]
    if fmt is Format.json:
        emit({**record, "pairings": history}, fmt)
        return
    _show(record, fmt)
    if fmt is Format.table and history:
        emit(history, fmt, columns=_pairing_columns(), title=t("recipient.pairings_title"))


@command(app, "update", "help.recipient.update")
def update(
    rec: RecArg,
    name: Name = None,
    group_name: Group = None,
    gender: Gender = None,
    birth: Birth = None,
    id_number: IdNumber = None,
    phone: Phone = None,
    address: Address = None,
    needs: Needs = None,
    family_contact: FamilyContact = None,
    family_phone: FamilyPhone = None,
    registered_on: RegisteredOn = None,
    notes: Notes = None,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.errors import InvalidInput
    from volctl.roster import recipients

    changes = _given(
        name=name,
        group=group_name,
        gender=gender,
        birth_date=birth,
        id_number=id_number,
        phone=phone,
        address=address,
        needs=needs,
        family_contact=family_contact,
        family_phone=family_phone,
        registered_on=registered_on,
        notes=notes,
    )
    if not changes:
        raise InvalidInput("recipient.nothing_to_update", hint="hint.recipient_update_options")
    conn = roster()
    row, diff = recipients.update(conn, rec, changes)
    record = recipients.public(conn, row, show_pii=show_pii)
    if fmt is Format.json:
        emit({"recipient": record, "changed": sorted(diff)}, fmt)
        return
    if diff:
        fields = field_labels("recipients", diff)
        notice(t("recipient.updated", recipient_no=row["recipient_no"], fields=fields))
    else:
        notice(t("recipient.unchanged", recipient_no=row["recipient_no"]))
    _show(record, fmt)


def _status_command(status: str, name: str, help_key: str, done_key: str) -> None:
    @command(app, name, help_key)
    def change(
        rec: RecArg,
        reason: Annotated[str, _opt("--reason", "opt.reason")],
        on: Annotated[str | None, _opt("--on", "opt.rec_status_on", "DATE")] = None,
        fmt: FormatOption = Format.table,
        show_pii: ShowPiiOption = False,
    ) -> None:
        from volctl.roster import recipients

        day = parse_day_option(on, "effective_on") or date.today()
        conn = roster()
        row, ended = recipients.set_status(conn, rec, status, reason, end_pairings_on=day)
        record = recipients.public(conn, row, show_pii=show_pii)
        if fmt is Format.table:
            notice(t(done_key, recipient_no=row["recipient_no"], name=row["name"]))
            if ended:
                notice(t("recipient.pairings_ended", volunteers=join_list(ended), on=day))
            return
        emit(record, fmt)


_status_command("inactive", "deactivate", "help.recipient.deactivate", "recipient.deactivated")
_status_command("active", "reactivate", "help.recipient.reactivate", "recipient.reactivated")


@command(app, "pair", "help.recipient.pair")
def pair(
    rec: RecArg,
    vols: VolsArg,
    since: Annotated[str | None, _opt("--since", "opt.pair_since", "DATE")] = None,
    notes: Notes = None,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.roster import recipients

    conn = roster()
    result = recipients.pair(
        conn, rec, vols, since=parse_day_option(since, "started_on"), notes=notes
    )
    if fmt is Format.table:
        notice(
            t(
                "recipient.paired",
                recipient=result["name"],
                names=join_list(p["name"] for p in result["added"]),
                since=result["since"],
                pairing=result["pairing"],
                count=len(result["volunteers"]),
            )
        )
        return
    emit(result, fmt)


@command(app, "unpair", "help.recipient.unpair")
def unpair(
    rec: RecArg,
    vols: VolsArg,
    on: Annotated[str | None, _opt("--on", "opt.unpair_on", "DATE")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.roster import recipients

    conn = roster()
    result = recipients.unpair(conn, rec, vols, on=parse_day_option(on, "ended_on"))
    if fmt is Format.table:
        notice(
            t(
                "recipient.unpaired",
                recipient=result["name"],
                names=join_list(p["name"] for p in result["ended"]),
                on=result["ended_on"],
            )
        )
        return
    emit(result, fmt)


def _pairing_columns() -> list[Column]:
    return [
        Column("recipient_no", t("field.recipient_no"), no_wrap=True),
        Column("recipient", t("field.recipient")),
        Column("group", t("field.group")),
        Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
        Column("volunteer", t("field.volunteer")),
        Column("started_on", t("field.started_on"), no_wrap=True),
        Column("ended_on", t("field.ended_on"), no_wrap=True),
        Column("pairing", t("field.pairing"), no_wrap=True),
    ]


@command(app, "pairings", "help.recipient.pairings")
def pairings(
    volunteer: Annotated[str | None, _opt("--volunteer", "opt.pair_volunteer", "VOL")] = None,
    include_ended: Annotated[bool, typer.Option("--all", help=t("opt.pair_all"))] = False,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.roster import recipients

    conn = roster()
    rows = recipients.pairings(conn, volunteer=volunteer, include_ended=include_ended)
    records = [recipients.pairing_record(r, show_pii=show_pii) for r in rows]
    emit(
        records,
        fmt,
        columns=_pairing_columns(),
        output=output,
        caption=t("recipient.pairings_count", count=len(records)),
    )


@command(app, "groups", "help.recipient.groups")
def groups(
    add_value: Annotated[str | None, _opt("--add", "opt.list_add", "NAME")] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    show_code_list("beneficiary_group", add_value, fmt, output)

"""volctl register: volunteers one at a time (batch import lives in register_import)."""

from datetime import date
from typing import Annotated, Any

import typer

from volctl.cli.classes import group
from volctl.cli.guard import command
from volctl.cli.messages import notice, warn
from volctl.cli.options import (
    FormatOption,
    NoInputOption,
    OutputOption,
    ShowPiiOption,
    choices,
    parse_choice,
    parse_day_option,
)
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.i18n import field_labels, t
from volctl.render import Column, Format

# A volunteer's guardian is a record or empty: CSV always has its columns, filled or blank.
GUARDIAN_COLUMNS = {"guardian": ("name", "phone", "relation", "consent_on")}

app = group("register", "help.register")


def _opt(name: str, key: str, metavar: str = "TEXT") -> Any:
    return typer.Option(name, metavar=metavar, help=t(key), show_default=False)


# Options shared by add and update, as Annotated aliases.
Name = Annotated[str | None, _opt("--name", "opt.name")]
IdNumber = Annotated[str | None, _opt("--id-number", "opt.id_number", "ID")]
IdType = Annotated[str | None, _opt("--id-type", "opt.id_type", "TYPE")]
Phone = Annotated[str | None, _opt("--phone", "opt.phone", "PHONE")]
Gender = Annotated[str | None, _opt("--gender", "opt.gender", choices("gender"))]
Birth = Annotated[str | None, _opt("--birth", "opt.birth", "DATE")]
Ethnicity = Annotated[str | None, _opt("--ethnicity", "opt.ethnicity")]
Political = Annotated[str | None, _opt("--political", "opt.political")]
Education = Annotated[str | None, _opt("--education", "opt.education")]
Employer = Annotated[str | None, _opt("--employer", "opt.employer")]
Position = Annotated[str | None, _opt("--position", "opt.position")]
OfficePhone = Annotated[str | None, _opt("--office-phone", "opt.office_phone", "PHONE")]
Address = Annotated[str | None, _opt("--address", "opt.address")]
Area = Annotated[str | None, _opt("--area", "opt.area")]
Skills = Annotated[str | None, _opt("--skills", "opt.skills", "A,B")]
Intentions = Annotated[str | None, _opt("--intentions", "opt.intentions", "A,B")]
Availability = Annotated[str | None, _opt("--availability", "opt.availability")]
EmergencyContact = Annotated[str | None, _opt("--emergency-contact", "opt.emergency_contact")]
EmergencyPhone = Annotated[str | None, _opt("--emergency-phone", "opt.emergency_phone", "PHONE")]
GuardianName = Annotated[str | None, _opt("--guardian-name", "opt.guardian_name")]
GuardianPhone = Annotated[str | None, _opt("--guardian-phone", "opt.guardian_phone", "PHONE")]
GuardianRelation = Annotated[str | None, _opt("--guardian-relation", "opt.guardian_relation")]
GuardianConsent = Annotated[
    str | None, _opt("--guardian-consent-on", "opt.guardian_consent_on", "DATE")
]
RegisteredOn = Annotated[str | None, _opt("--registered-on", "opt.registered_on", "DATE")]
Notes = Annotated[str | None, _opt("--notes", "opt.notes")]
VolRef = Annotated[str, typer.Argument(metavar="VOL", help=t("arg.vol"), show_default=False)]


def _columns() -> list[Column]:
    return [
        Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
        Column("name", t("field.name"), no_wrap=True),
        Column("gender", t("field.gender"), no_wrap=True),
        Column("age", t("field.age"), "right", no_wrap=True),
        Column("id_number", t("field.id_number"), no_wrap=True),
        Column("phone", t("field.phone"), no_wrap=True),
        Column("political_status", t("field.political_status")),
        Column("employer", t("field.employer")),
        Column("status", t("field.status"), no_wrap=True),
    ]


def _labels(record: dict[str, Any]) -> dict[str, str]:
    from volctl.render.cells import flatten

    return {key: t(f"field.{key}") for key in flatten(record)}


def _show(record: dict[str, Any], fmt: Format, title: str | None = None) -> None:
    shown = dict(record)
    if fmt is Format.table:
        shown["status"] = t(f"status.{record['status']}")
    emit(shown, fmt, labels=_labels(shown), title=title, nested=GUARDIAN_COLUMNS)


def _given(**options: Any) -> dict[str, Any]:
    """The option values the clerk actually gave, under the domain's field names."""
    return {key: value for key, value in options.items() if value is not None}


@command(app, "add", "help.register.add")
def add(
    name: Name = None,
    id_number: IdNumber = None,
    phone: Phone = None,
    id_type: IdType = None,
    gender: Gender = None,
    birth: Birth = None,
    ethnicity: Ethnicity = None,
    political: Political = None,
    education: Education = None,
    employer: Employer = None,
    position: Position = None,
    office_phone: OfficePhone = None,
    address: Address = None,
    area: Area = None,
    skills: Skills = None,
    intentions: Intentions = None,
    availability: Availability = None,
    emergency_contact: EmergencyContact = None,
    emergency_phone: EmergencyPhone = None,
    guardian_name: GuardianName = None,
    guardian_phone: GuardianPhone = None,
    guardian_relation: GuardianRelation = None,
    guardian_consent_on: GuardianConsent = None,
    registered_on: RegisteredOn = None,
    notes: Notes = None,
    no_input: NoInputOption = False,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.cli import guided, questions
    from volctl.roster import volunteers

    conn = roster()
    asked = guided.fill(
        {
            "name": name,
            "id_number": id_number,
            "phone": phone,
            "id_type": id_type,
            "registered_on": registered_on,
            "guardian_name": guardian_name,
            "guardian_phone": guardian_phone,
            "office_phone": office_phone,
        },
        questions.volunteer(conn),
        no_input=no_input,
    )
    name, id_number, phone = asked["name"], asked["id_number"], asked["phone"]
    guardian_name, guardian_phone = asked["guardian_name"], asked["guardian_phone"]
    given = volunteers.VolunteerInput(
        **_given(
            name=name,
            id_number=id_number,
            id_type=id_type,
            phone=phone,
            gender=gender,
            birth_date=birth,
            ethnicity=ethnicity,
            political_status=political,
            education=education,
            employer=employer,
            position=position,
            office_phone=office_phone,
            address=address,
            area=area,
            skills=skills,
            intentions=intentions,
            availability=availability,
            emergency_contact=emergency_contact,
            emergency_phone=emergency_phone,
            guardian_name=guardian_name,
            guardian_phone=guardian_phone,
            guardian_relation=guardian_relation,
            guardian_consent_on=guardian_consent_on,
            registered_on=registered_on,
            notes=notes,
        )
    )
    row, warnings = volunteers.register(conn, given)
    for key in warnings:
        warn(t(key))
    record = volunteers.public(row, show_pii=show_pii)
    if fmt is Format.table:
        notice(t("register.added", volunteer_no=row["volunteer_no"], name=row["name"]))
    _show(record, fmt)


@command(app, "list", "help.register.list")
def list_(
    status: Annotated[
        str, typer.Option("--status", metavar=choices("status_filter"), help=t("opt.status"))
    ] = "active",
    search: Annotated[
        str | None, typer.Option("--search", metavar="TEXT", help=t("opt.search"))
    ] = None,
    team: Annotated[
        str | None, typer.Option("--team", metavar="TEAM", help=t("opt.register_team"))
    ] = None,
    untrained: Annotated[bool, typer.Option("--untrained", help=t("opt.untrained"))] = False,
    idle: Annotated[bool, typer.Option("--idle", help=t("opt.register_idle"))] = False,
    no_team: Annotated[bool, typer.Option("--no-team", help=t("opt.register_no_team"))] = False,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.roster import shown  # not volunteers: no need of prepare's checks

    status = parse_choice("status_filter", status, "reason.status_unknown", "status")
    conn = roster()
    today = date.today()
    rows = shown.list_volunteers(conn, status=status, search=search, untrained=untrained)
    if team is not None:
        from volctl.roster import teams

        members = {v["id"] for v in teams.members_under(conn, team, today)}
        rows = [row for row in rows if row["id"] in members]
    if idle or no_team:
        from volctl import todo

        for wanted, keep in ((idle, todo.idle), (no_team, todo.teamless)):
            if wanted:
                chosen = set(keep(conn, today))
                rows = [row for row in rows if row["volunteer_no"] in chosen]
    if not rows and not conn.execute("SELECT 1 FROM volunteers LIMIT 1").fetchone():
        notice(t("status.start_hint"))
    records = [shown.public(row, show_pii=show_pii, today=today) for row in rows]
    if fmt is Format.table:
        for record in records:
            record["status"] = t(f"status.{record['status']}")
    emit(
        records,
        fmt,
        columns=_columns(),
        output=output,
        caption=t("register.count", count=len(records)),
        nested=GUARDIAN_COLUMNS,
    )


@command(app, "show", "help.register.show")
def show(vol: VolRef, fmt: FormatOption = Format.table, show_pii: ShowPiiOption = False) -> None:
    from volctl.roster import shown  # not volunteers: no need of prepare's checks

    conn = roster()
    row = shown.find(conn, vol)
    _show(shown.public(row, show_pii=show_pii), fmt, title=f"{row['volunteer_no']} {row['name']}")


@command(app, "update", "help.register.update")
def update(
    vol: VolRef,
    name: Name = None,
    id_number: IdNumber = None,
    phone: Phone = None,
    id_type: IdType = None,
    gender: Gender = None,
    birth: Birth = None,
    ethnicity: Ethnicity = None,
    political: Political = None,
    education: Education = None,
    employer: Employer = None,
    position: Position = None,
    office_phone: OfficePhone = None,
    address: Address = None,
    area: Area = None,
    skills: Skills = None,
    intentions: Intentions = None,
    availability: Availability = None,
    emergency_contact: EmergencyContact = None,
    emergency_phone: EmergencyPhone = None,
    guardian_name: GuardianName = None,
    guardian_phone: GuardianPhone = None,
    guardian_relation: GuardianRelation = None,
    guardian_consent_on: GuardianConsent = None,
    registered_on: RegisteredOn = None,
    notes: Notes = None,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.errors import InvalidInput
    from volctl.roster import volunteers

    changes = _given(
        name=name,
        id_number=id_number,
        id_type=id_type,
        phone=phone,
        gender=gender,
        birth_date=birth,
        ethnicity=ethnicity,
        political_status=political,
        education=education,
        employer=employer,
        position=position,
        office_phone=office_phone,
        address=address,
        area=area,
        skills=skills,
        intentions=intentions,
        availability=availability,
        emergency_contact=emergency_contact,
        emergency_phone=emergency_phone,
        guardian_name=guardian_name,
        guardian_phone=guardian_phone,
        guardian_relation=guardian_relation,
        guardian_consent_on=guardian_consent_on,
        registered_on=registered_on,
        notes=notes,
    )
    if not changes:
        raise InvalidInput("register.nothing_to_update", hint="hint.update_options")
    conn = roster()
    row, diff = volunteers.update(conn, vol, changes)
    record = volunteers.public(row, show_pii=show_pii)
    if fmt is Format.json:
        emit({"volunteer": record, "changed": sorted(diff)}, fmt)
        return
    if not diff:
        notice(t("register.unchanged", volunteer_no=row["volunteer_no"], name=row["name"]))
    else:
        fields = field_labels("volunteers", diff)
        notice(
            t("register.updated", volunteer_no=row["volunteer_no"], name=row["name"], fields=fields)
        )
    if fmt is Format.table:
        _show(record, fmt)
    else:
        emit(record, fmt)


def _status_command(status: str, name: str, help_key: str, done_key: str) -> None:
    @command(app, name, help_key)
    def change(
        vol: VolRef,
        reason: Annotated[
            str, typer.Option("--reason", metavar="TEXT", help=t("opt.reason"), show_default=False)
        ],
        on: Annotated[
            str | None, typer.Option("--on", metavar="DATE", help=t("opt.status_on"))
        ] = None,
        fmt: FormatOption = Format.table,
        show_pii: ShowPiiOption = False,
    ) -> None:
        from volctl.roster import volunteers

        conn = roster()
        row = volunteers.set_status(
            conn, vol, status, reason, on=parse_day_option(on, "effective_on")
        )
        record = volunteers.public(row, show_pii=show_pii)
        if fmt is Format.table:
            notice(t(done_key, volunteer_no=row["volunteer_no"], name=row["name"]))
            _show(record, fmt)
        else:
            emit(record, fmt)


_status_command("inactive", "deactivate", "help.register.deactivate", "register.deactivated")
_status_command("active", "reactivate", "help.register.reactivate", "register.reactivated")


from volctl.cli import register_import  # noqa: E402  (import, imports, undo-import, template)

app.registered_commands.extend(register_import.app.registered_commands)

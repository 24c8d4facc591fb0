"""volctl training: sessions, topics and attendance (never counted as service hours)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from volctl.cli.classes import group
from volctl.cli.code_lists import show_code_list
from volctl.cli.guard import command
from volctl.cli.messages import notice
from volctl.cli.options import FormatOption, FromOption, OutputOption, ToOption, parse_day_option
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.i18n import t
from volctl.render import Column, Format

app = group("training", "help.training")

Ref = Annotated[str, typer.Argument(metavar="TRAINING", help=t("arg.training"), show_default=False)]


def _columns() -> list[Column]:
    return [
        Column("training_no", t("col.training_no"), no_wrap=True),
        Column("date", t("col.date"), no_wrap=True),
        Column("title", t("col.title")),
        Column("topic", t("col.topic"), no_wrap=True),
        Column("hours", t("col.hours"), "right", no_wrap=True),
        Column("trainer", t("col.trainer")),
        Column("attendees", t("col.attendees"), "right", no_wrap=True),
    ]


@command(app, "add", "help.training.add")
def add(
    title: Annotated[str, typer.Argument(metavar="TITLE", help=t("arg.training_title"))],
    on: Annotated[str, typer.Option("--date", metavar="DATE", help=t("opt.training_date"))],
    topic: Annotated[str, typer.Option("--topic", metavar="TOPIC", help=t("opt.training_topic"))],
    hours: Annotated[
        Optional[str], typer.Option("--hours", metavar="H", help=t("opt.training_hours"))
    ] = None,
    trainer: Annotated[
        Optional[str], typer.Option("--trainer", metavar="NAME", help=t("opt.trainer"))
    ] = None,
    place: Annotated[
        Optional[str], typer.Option("--place", metavar="TEXT", help=t("opt.place"))
    ] = None,
    initial: Annotated[bool, typer.Option("--initial", help=t("opt.initial_training"))] = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import training

    row = training.add(
        roster(),
        training.TrainingInput(
            title=title,
            date=on,
            topic=topic,
            hours=hours,
            trainer=trainer,
            place=place,
            initial=initial,
        ),
    )
    record = training.public(row)
    if fmt is Format.table:
        notice(t("training.added", training_no=row["training_no"], title=row["title"]))
    emit(record if fmt is not Format.table else [record], fmt, columns=_columns())


@command(app, "list", "help.training.list")
def list_(
    date_from: FromOption = None,
    date_to: ToOption = None,
    topic: Annotated[
        Optional[str], typer.Option("--topic", metavar="TOPIC", help=t("opt.filter_topic"))
    ] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.ledger import training

    rows = training.list_trainings(
        roster(),
        date_from=parse_day_option(date_from, "date_from"),
        date_to=parse_day_option(date_to, "date_to"),
        topic=topic,
    )
    emit([training.public(r) for r in rows], fmt, columns=_columns(), output=output)


@command(app, "show", "help.training.show")
def show(
    ref: Ref,
    fmt: FormatOption = Format.table,
    show_pii: Annotated[bool, typer.Option("--show-pii", help=t("opt.show_pii"))] = False,
) -> None:
    from volctl.ledger import training
    from volctl.roster import volunteers

    conn = roster()
    row = training.find(conn, ref)
    people = [volunteers.public(v, show_pii=show_pii) for v in training.attendees(conn, row["id"])]
    record = {
        **training.public(row),
        "attended_by": [
            {"volunteer_no": p["volunteer_no"], "name": p["name"], "phone": p["phone"]}
            for p in people
        ],
    }
    if fmt is not Format.table:
        emit(record, fmt)
        return
    emit([training.public(row)], fmt, columns=_columns())
    emit(
        record["attended_by"],
        fmt,
        title=t("training.attendees_title"),
        columns=[
            Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
            Column("name", t("field.name"), no_wrap=True),
            Column("phone", t("field.phone"), no_wrap=True),
        ],
    )


@command(app, "attend", "help.training.attend")
def attend(
    ref: Ref,
    people: Annotated[list[str], typer.Argument(metavar="VOL...", help=t("arg.vols"))],
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.ledger import training

    result = training.attend(roster(), ref, people)
    if fmt is not Format.table:
        emit(result, fmt)
        return
    notice(t("training.attended", training_no=result["training_no"], count=len(result["added"])))
    for person in result["already"]:
        notice(t("training.already", **person))


@command(app, "topics", "help.training.topics")
def topics(
    add_topic: Annotated[
        Optional[str], typer.Option("--add", metavar="NAME", help=t("opt.add_topic"))
    ] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    show_code_list("training_topic", add_topic, fmt, output)

"""volctl export: the official forms, service certificates, raw tables and templates filled, for
print and Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from volctl.cli.classes import group
from volctl.cli.guard import command
from volctl.cli.messages import notice, warn
from volctl.cli.options import (
    ForceOption,
    FormatOption,
    OutputOption,
    ShowPiiOption,
    check_output,
    parse_day_option,
    year_option,
)
from volctl.cli.output import emit, writing_stdout
from volctl.cli.state import roster
from volctl.i18n import t
from volctl.render import Column, Format

app = group("export", "help.export")


def _opt(name: str, key: str, metavar: str = "TEXT") -> Any:
    return typer.Option(name, metavar=metavar, help=t(key), show_default=False)


Team = Annotated[Optional[str], _opt("--team", "opt.export_team", "TEAM")]
Year = Annotated[
    Optional[int],
    typer.Option("--year", metavar="YYYY", help=t("opt.export_year")),
]
# A form may be prepared for next year (the concentrated service days' schedule).
FORM_YEARS_AHEAD = 1
From = Annotated[Optional[str], _opt("--from", "opt.export_from", "DATE")]
To = Annotated[Optional[str], _opt("--to", "opt.export_to", "DATE")]
On = Annotated[Optional[str], _opt("--on", "opt.export_on", "DATE")]
Volunteers = Annotated[Optional[list[str]], _opt("--volunteer", "opt.export_volunteer", "VOL")]
Rule = Annotated[Optional[str], _opt("--rule", "opt.export_rule", "RULE")]
WithSubteams = Annotated[bool, typer.Option("--with-subteams", help=t("opt.export_with_subteams"))]
Activities = Annotated[Optional[list[str]], _opt("--activity", "opt.export_activity", "ACT")]
Mask = Annotated[bool, typer.Option("--mask", help=t("opt.mask"))]
Blank = Annotated[
    int, typer.Option("--blank", metavar="N", help=t("opt.export_blank"), min=0, max=200)
]
XlsxOutput = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        callback=check_output,
        metavar="FILE.xlsx",
        help=t("opt.export_form_output"),
    ),
]


def _split(values: list[str] | None) -> tuple[str, ...]:
    """VOL options repeat or take a comma-separated list."""
    from volctl.text import split_list

    return tuple(item for value in values or () for item in split_list(value))


# ----------------------------------------------------------------------------- forms


@command(app, "forms", "help.export.forms")
def forms(fmt: FormatOption = Format.table, output: OutputOption = None) -> None:
    from volctl.forms import registry

    rows = [spec.public() for spec in registry.SPECS]
    if fmt is Format.table:
        rows = [{**row, "options": " ".join(row["options"])} for row in rows]
    emit(
        rows,
        fmt,
        output=output,
        # The notice and annex a form comes from ("004 附件1") mean nothing to a clerk at the
        # screen: left out of the table, kept in files and JSON under a plain label.
        columns=[
            Column("name", t("col.export_form_name"), no_wrap=True),
            Column("title", t("col.export_form_title"), no_wrap=True),
            Column("options", t("col.export_form_options")),
        ],
        labels={"source": t("col.export_form_source")},
    )


@command(app, "form", "help.export.form")
def form(
    name: Annotated[str, typer.Argument(metavar="NAME", help=t("arg.export_form"))],
    output: XlsxOutput,
    team: Team = None,
    year: Year = None,
    date_from: From = None,
    date_to: To = None,
    on: On = None,
    volunteer: Volunteers = None,
    activity: Activities = None,
    rule: Rule = None,
    with_subteams: WithSubteams = False,
    blank: Blank = 0,
    show_pii: ShowPiiOption = False,
    mask: Mask = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.forms import registry
    from volctl.forms.request import FormRequest

    year = year_option(year, ahead=FORM_YEARS_AHEAD)
    spec = registry.find(name)
    registry.check_options(
        spec,
        {
            "team": team is not None,
            "year": year is not None,
            "period": date_from is not None or date_to is not None,
            "on": on is not None,
            "volunteer": bool(volunteer),
            "activity": bool(activity),
            "rule": rule is not None,
            "with_subteams": with_subteams,
            "blank": blank > 0,
        },
    )
    request = FormRequest(
        team=team,
        year=year,
        date_from=parse_day_option(date_from, "date_from"),
        date_to=parse_day_option(date_to, "date_to"),
        on=parse_day_option(on, "on"),
        volunteers=_split(volunteer),
        activities=_split(activity),
        rule=rule,
        with_subteams=with_subteams,
        blank_rows=blank,
        show_pii=show_pii and not mask,
        mask=mask,
        today=date.today(),
    )
    result = registry.write(roster(), spec, request, output)
    if fmt is not Format.table:
        emit(result, fmt)
    if result["show_pii"]:
        notice(t("paper.personal_data", path=str(output)))
    if result["rows"] is None:
        notice(t("export.form_written_plain", path=str(output), title=result["title"]))
        return
    if result["rows"] == 0:
        warn(t("export.form_empty", title=result["title"], blank=result["blank_rows"]))
    notice(
        t(
            "export.form_written",
            path=str(output),
            title=result["title"],
            rows=result["rows"],
            sheets=result["sheets"],
        )
    )


# ----------------------------------------------------------------------------- certificates


def _certificate_columns() -> list[Column]:
    return [
        Column("certificate_no", t("col.certificate_no"), no_wrap=True),
        Column("volunteer", t("col.certificate_volunteer"), no_wrap=True),
        Column("period", t("col.certificate_period")),
        Column("hours", t("col.certificate_hours"), "right", no_wrap=True),
        Column("issued_on", t("col.certificate_issued_on"), no_wrap=True),
        Column("file", t("col.certificate_file")),
    ]


@command(app, "certificate", "help.export.certificate")
def certificate(
    vol: Annotated[
        Optional[str],
        typer.Argument(metavar="VOL", help=t("arg.certificate_vol"), show_default=False),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            callback=check_output,
            metavar="FILE",
            help=t("opt.certificate_output"),
        ),
    ] = None,
    date_from: From = None,
    date_to: To = None,
    year: Year = None,
    list_: Annotated[bool, typer.Option("--list", help=t("opt.certificate_list"))] = False,
    force: ForceOption = False,
    show_pii: ShowPiiOption = False,
    mask: Mask = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.errors import InvalidInput, Where
    from volctl.forms.certificate import write as lay_out
    from volctl.ledger import certificates

    year = year_option(year)
    conn = roster()
    first = parse_day_option(date_from, "date_from")
    last = parse_day_option(date_to, "date_to")
    if list_:
        rows = certificates.register(conn, volunteer=vol, date_from=first, date_to=last, year=year)
        if fmt is Format.table:
            rows = [
                {
                    **r,
                    "volunteer": f"{r['volunteer_no']} {r['name']}",
                    "period": f"{r['period_from']} – {r['period_to']}",
                }
                for r in rows
            ]
        emit(
            rows,
            fmt,
            output=output,
            columns=_certificate_columns(),
            caption=t("certificate.count", count=len(rows)),
        )
        return
    if vol is None:
        raise InvalidInput("certificate.needs_volunteer", hint="hint.certificate_usage")
    if output is None:
        raise InvalidInput(
            "certificate.needs_output", hint="hint.certificate_usage", where=Where(field="output")
        )
    issued = certificates.issue(
        conn,
        vol,
        output,
        date_from=first,
        date_to=last,
        year=year,
        show_pii=show_pii or not mask,
        replace=force,
        writer=lay_out,
    )
    for key, params in issued.pop("warnings"):
        warn(t(key, **params))
    if fmt is not Format.table:
        emit(issued, fmt)
    notice(
        t(
            "certificate.issued",
            number=issued["certificate_no"],
            name=issued["name"],
            hours=issued["hours"],
            path=str(output),
        )
    )
    if show_pii or not mask:
        notice(t("paper.personal_data", path=str(output)))


# ----------------------------------------------------------------------------- raw tables


@command(app, "tables", "help.export.tables")
def tables(fmt: FormatOption = Format.table, output: OutputOption = None) -> None:
    from volctl import tables as raw

    rows = raw.describe(roster())
    if fmt is Format.table:
        rows = [
            {
                **row,
                "kind": t(f"export.table_kind_{row['kind']}"),
                "personal": " ".join(row["personal"]),
            }
            for row in rows
        ]
    emit(
        rows,
        fmt,
        output=output,
        columns=[
            Column("name", t("col.table_name"), no_wrap=True),
            Column("kind", t("col.table_kind"), no_wrap=True),
            Column("rows", t("col.table_rows"), "right", no_wrap=True),
            Column("personal", t("col.table_personal")),
        ],
    )


@command(app, "table", "help.export.table")
def table(
    name: Annotated[str, typer.Argument(metavar="NAME", help=t("arg.export_table"))],
    fmt: Annotated[
        Optional[str],
        typer.Option("--format", metavar="csv|json|xlsx", help=t("opt.export_table_format")),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", callback=check_output, metavar="FILE", help=t("opt.output")),
    ] = None,
    show_pii: ShowPiiOption = False,
) -> None:
    import sys

    from volctl import tables as raw

    kind = raw.choose_format(fmt, output)
    conn = roster()
    if output is None:
        with writing_stdout():
            raw.export(conn, name, kind, sys.stdout, show_pii=show_pii)
        return
    count = raw.export_file(conn, name, kind, output, show_pii=show_pii)
    notice(t("export.table_written", path=str(output), rows=count, table=name))


def _attach_bundle() -> None:
    from volctl.cli.bundle import attach

    attach(app)


_attach_bundle()


def _attach_fill() -> None:
    from volctl.cli.fill import attach

    attach(app)


_attach_fill()

"""volctl commend: yearly commendations of volunteers and teams."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from volctl.cli.common import (
    FormatOption,
    OutputOption,
    command,
    emit,
    group,
    notice,
    parse_day_option,
    roster,
)
from volctl.i18n import t
from volctl.render import Column, Format

app = group("commend", "help.commend")

COLUMNS = (
    ("year", "col.year"),
    ("title", "col.title"),
    ("volunteer_no", "field.volunteer_no"),
    ("name", "field.name"),
    ("team", "col.team"),
    ("awarded_on", "col.awarded_on"),
    ("awarded_by", "col.awarded_by"),
)


@command(app, "add", "help.commend.add")
def add(
    year: Annotated[int, typer.Option("--year", metavar="YYYY", help=t("opt.commend_year"))],
    title: Annotated[str, typer.Option("--title", metavar="TITLE", help=t("opt.commend_title"))],
    volunteer: Annotated[
        Optional[str], typer.Option("--volunteer", metavar="VOL", help=t("opt.commend_volunteer"))
    ] = None,
    team: Annotated[
        Optional[str], typer.Option("--team", metavar="TEAM", help=t("opt.commend_team"))
    ] = None,
    on: Annotated[
        Optional[str], typer.Option("--on", metavar="DATE", help=t("opt.awarded_on"))
    ] = None,
    by: Annotated[
        Optional[str], typer.Option("--by", metavar="ORG", help=t("opt.awarded_by"))
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.roster import commendations

    record = commendations.add(
        roster(),
        year=year,
        title=title,
        volunteer=volunteer,
        team=team,
        awarded_on=parse_day_option(on, "awarded_on"),
        awarded_by=by,
    )
    if fmt is not Format.table:
        emit(record, fmt)
        return
    notice(
        t("commend.added", year=year, title=record["title"], who=record["name"] or record["team"])
    )


@command(app, "list", "help.commend.list")
def list_(
    year: Annotated[
        Optional[int], typer.Option("--year", metavar="YYYY", help=t("opt.filter_year"))
    ] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.roster import commendations

    rows = commendations.list_commendations(roster(), year=year)
    emit(rows, fmt, output=output, columns=[Column(k, t(label)) for k, label in COLUMNS])

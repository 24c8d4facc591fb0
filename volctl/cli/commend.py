"""volctl commend: yearly commendations of volunteers and teams."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from volctl.cli.classes import group
from volctl.cli.guard import command
from volctl.cli.messages import notice
from volctl.cli.options import FormatOption, OutputOption, parse_day_option, year_option
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.i18n import join_list, t
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
        year=year_option(year) or year,
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

    rows = commendations.list_commendations(roster(), year=year_option(year))
    emit(rows, fmt, output=output, columns=[Column(k, t(label)) for k, label in COLUMNS])


@command(app, "suggest", "help.commend.suggest")
def suggest(
    year: Annotated[int, typer.Option("--year", metavar="YYYY", help=t("opt.commend_year"))],
    top: Annotated[int, typer.Option("--top", min=1, max=200, help=t("opt.suggest_top"))] = 10,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.reports import candidates

    data = candidates.suggest(roster(), year_option(year) or year, top=top)
    if fmt is Format.json:
        emit(data, fmt, output=output)
        return
    people = [
        {
            **p,
            "reasons": "；".join(t(f"commend.reason_{r['code']}", **r) for r in p["reasons"]),
            "already": join_list(p["already"]),
        }
        for p in data["volunteers"]
    ]
    if fmt is Format.csv:
        emit(
            people + [{**team, "already": join_list(team["already"])} for team in data["teams"]],
            fmt,
            output=output,
        )
        return
    emit(
        people,
        fmt,
        output=output,
        title=t("commend.suggest_people", year=year),
        columns=[
            Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
            Column("name", t("field.name"), no_wrap=True),
            Column("team", t("col.team")),
            Column("year_hours", t("col.year_hours"), "right", no_wrap=True),
            Column("reasons", t("col.reasons")),
            Column("suggested_title", t("col.suggested_title"), no_wrap=True),
            Column("already", t("col.already")),
        ],
    )
    teams = [{**team, "already": join_list(team["already"])} for team in data["teams"]]
    emit(
        teams,
        fmt,
        title=t("commend.suggest_teams", year=year),
        columns=[
            Column("team", t("col.team")),
            Column("members", t("col.members"), "right"),
            Column("hours", t("col.hours"), "right"),
            Column("hours_per_member", t("col.hours_per_member"), "right"),
            Column("suggested_title", t("col.suggested_title"), no_wrap=True),
            Column("already", t("col.already")),
        ],
    )
    notice(t("commend.suggest_confirm"))

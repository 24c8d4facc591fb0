"""volctl insurance: accident insurance cover for volunteers."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from volctl.cli.classes import group
from volctl.cli.guard import command
from volctl.cli.messages import notice
from volctl.cli.options import FormatOption, OutputOption, parse_day_option
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.i18n import join_list, t
from volctl.render import Column, Format

app = group("insurance", "help.insurance")

COLUMNS = (
    ("volunteer_no", "field.volunteer_no"),
    ("name", "field.name"),
    ("insurer", "col.insurer"),
    ("policy_no", "col.policy_no"),
    ("start_on", "col.start_on"),
    ("end_on", "col.end_on"),
    ("days_left", "col.days_left"),
)


@command(app, "add", "help.insurance.add")
def add(
    people: Annotated[
        Optional[list[str]], typer.Argument(metavar="VOL...", help=t("arg.vols"))
    ] = None,
    team: Annotated[
        Optional[str], typer.Option("--team", metavar="TEAM", help=t("opt.insure_team"))
    ] = None,
    insurer: Annotated[str, typer.Option("--insurer", metavar="NAME", help=t("opt.insurer"))] = "",
    policy: Annotated[str, typer.Option("--policy", metavar="NO", help=t("opt.policy"))] = "",
    start: Annotated[str, typer.Option("--from", metavar="DATE", help=t("opt.cover_from"))] = "",
    end: Annotated[str, typer.Option("--to", metavar="DATE", help=t("opt.cover_to"))] = "",
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.roster import insurance

    start_on = parse_day_option(start or None, "date_from") or date.today()
    end_on = parse_day_option(end or None, "date_to")
    if end_on is None:
        from volctl.errors import InvalidInput, Where

        raise InvalidInput("reason.date_missing", where=Where(field="date_to"))
    result = insurance.add(
        roster(),
        people=people or [],
        team=team,
        insurer=insurer,
        policy=policy,
        start=start_on,
        end=end_on,
    )
    skipped = result["skipped_inactive"]
    if fmt is Format.json:
        emit(result, fmt)
        return
    if fmt is Format.csv:
        emit(
            [{**p, "state": "added"} for p in result["added"]]
            + [{**p, "state": "skipped_inactive"} for p in skipped],
            fmt,
        )
        return
    notice(t("insurance.added", count=len(result["added"]), policy=result["policy_no"]))
    if skipped:
        names = join_list(f"{p['volunteer_no']} {p['name']}" for p in skipped)
        notice(t("insurance.skipped_inactive", count=len(skipped), names=names))


@command(app, "list", "help.insurance.list")
def list_(
    vol: Annotated[
        Optional[str], typer.Option("--volunteer", metavar="VOL", help=t("opt.filter_volunteer"))
    ] = None,
    active_on: Annotated[
        Optional[str], typer.Option("--active-on", metavar="DATE", help=t("opt.active_on"))
    ] = None,
    expiring: Annotated[
        Optional[int], typer.Option("--expiring", metavar="DAYS", help=t("opt.expiring"))
    ] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.roster import insurance, volunteers

    conn = roster()
    volunteer_id = volunteers.find(conn, vol)["id"] if vol else None
    rows = insurance.list_policies(
        conn,
        volunteer_id=volunteer_id,
        active_on=parse_day_option(active_on, "active_on"),
        expiring_within=expiring,
    )
    emit(rows, fmt, output=output, columns=[Column(k, t(label)) for k, label in COLUMNS])

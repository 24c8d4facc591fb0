"""volctl report: the year-end summary and the other figures a clerk is asked for.

Each command computes its report once in ``volctl.reports`` and renders it: rich tables (with a
bar chart where a trend is the point), JSON (the documented shape), CSV, and for the summary
Markdown (``--format md``), a workbook with charts (``-o FILE.xlsx``) and the official form
(``--form -o FILE.xlsx``).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from volctl.cli.classes import group
from volctl.cli.guard import command
from volctl.cli.messages import notice, warn
from volctl.cli.options import (
    FormatOption,
    OutputOption,
    ShowPiiOption,
    check_output,
    choices,
    parse_choice,
    parse_day_option,
    year_option,
)
from volctl.cli.state import roster
from volctl.i18n import t
from volctl.render import Format

app = group("report", "help.report")


class SummaryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


Year = Annotated[Optional[int], typer.Option("--year", metavar="YYYY", help=t("opt.report_year"))]
Team = Annotated[Optional[str], typer.Option("--team", metavar="TEAM", help=t("opt.report_team"))]
SUFFIXES = {".json": "json", ".csv": "csv", ".md": "md"}


def _emit(data: Any, rows: Any, fmt: Format, output: Path | None, view: Any) -> None:
    """JSON of the whole report, CSV or xlsx of its rows, or the view (terminal, txt, md)."""
    from volctl.cli.output import emit_report

    emit_report(data, rows, view, fmt, output)


# What -o may be called: a name says what the file holds (.txt: the terminal's tables as text).
OUTPUT_SUFFIXES = (".json", ".csv", ".txt")
SUMMARY_SUFFIXES = (".xlsx", ".md", *OUTPUT_SUFFIXES)


def check_suffix(output: Path | None, accepted: tuple[str, ...] = OUTPUT_SUFFIXES) -> None:
    """Refuse ``-o 总结.pdf``: the terminal's text under a name that promises something else."""
    if output is not None and output.suffix.lower() not in accepted:
        from volctl.errors import InvalidInput, Where

        raise InvalidInput(
            "report.output_suffix",
            where=Where(field="output"),
            path=str(output),
            accepted=", ".join(accepted),
        )


def _format(fmt: str, output: Path | None, accepted: tuple[str, ...] = OUTPUT_SUFFIXES) -> str:
    """``-o 总结.md`` without ``--format``: the file's suffix says which."""
    check_suffix(output, accepted)
    if fmt == "table" and output is not None:
        return SUFFIXES.get(output.suffix.lower(), fmt)
    return fmt


@command(app, "summary", "help.report.summary")
def summary(
    year: Year = None,
    team: Team = None,
    top: Annotated[
        int, typer.Option("--top", metavar="N", min=1, max=1000, help=t("opt.report_top"))
    ] = 10,
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", help=t("opt.report_summary_format"))
    ] = SummaryFormat.table,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            callback=check_output,
            metavar="FILE",
            help=t("opt.report_summary_output"),
        ),
    ] = None,
    form: Annotated[bool, typer.Option("--form", help=t("opt.report_form"))] = False,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.errors import InvalidInput, Where

    if not form:
        check_suffix(output, SUMMARY_SUFFIXES)
    conn = roster()
    year = year_option(year) or date.today().year
    xlsx = output is not None and output.suffix.lower() == ".xlsx"
    if form:
        if not xlsx:
            raise InvalidInput("report.form_needs_xlsx", where=Where(field="output"))
        from volctl.forms import summary as summary_form

        assert output is not None
        written = summary_form.write(conn, output, year=year, team=team, show_pii=show_pii)
        notice(t("report.form_written", title=f"{year}{written['title']}", path=str(output)))
        return
    from volctl.reports import summary as report

    data = report.summary(conn, year=year, team=team, top=top, show_pii=show_pii)
    if data["as_of"] != f"{year}-12-31":
        notice(t("report.partial_year", year=year, as_of=data["as_of"]))
    if data["activities_unconfirmed"]:
        warn(t("report.unconfirmed", count=data["activities_unconfirmed"], year=year))
    if xlsx:
        from volctl.forms import page
        from volctl.reports.workbook import summary_workbook

        assert output is not None
        page.save(summary_workbook(data), output)
        notice(t("output.written", path=str(output)))
        return
    chosen = _format(fmt.value, output, SUMMARY_SUFFIXES)
    if chosen == "md":
        from volctl.cli.output import text_out
        from volctl.reports.markdown import markdown

        text_out(markdown(data), output)
        return
    from volctl.reports.tables import tidy_rows

    def view() -> Any:
        from volctl.cli import report_view

        return report_view.summary(data)

    shape = Format.csv if chosen == "csv" else Format.json if chosen == "json" else Format.table
    _emit(data, tidy_rows(data) if chosen == "csv" else [], shape, output, view)


@command(app, "volunteer", "help.report.volunteer")
def volunteer(
    vol: Annotated[str, typer.Argument(metavar="VOL", help=t("arg.vol"), show_default=False)],
    year: Annotated[
        Optional[int], typer.Option("--year", metavar="YYYY", help=t("opt.report_volunteer_year"))
    ] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.reports import volunteer as report

    data = report.report(roster(), vol, year=year_option(year), show_pii=show_pii)

    def view() -> Any:
        from volctl.cli import report_view

        return report_view.volunteer(data)

    _emit(data, data["services"], fmt, output, view)


@command(app, "hours", "help.report.hours")
def hours(
    by: Annotated[
        str, typer.Option("--by", metavar=choices("report_by"), help=t("opt.report_by"))
    ] = "month",
    date_from: Annotated[
        Optional[str], typer.Option("--from", metavar="DATE", help=t("opt.report_from"))
    ] = None,
    date_to: Annotated[
        Optional[str], typer.Option("--to", metavar="DATE", help=t("opt.report_to"))
    ] = None,
    year: Annotated[
        Optional[int], typer.Option("--year", metavar="YYYY", help=t("opt.report_hours_year"))
    ] = None,
    team: Team = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.errors import InvalidInput, Where
    from volctl.reports import hours as report

    first = parse_day_option(date_from, "date_from")
    last = parse_day_option(date_to, "date_to")
    if year is not None:
        if first is not None or last is not None:
            raise InvalidInput("report.year_or_range", where=Where(field="year"))
        year_option(year)
        first, last = date(year, 1, 1), min(date(year, 12, 31), date.today())
    by = parse_choice("report_by", by, "report.by_unknown", "by")
    data = report.report(roster(), by, date_from=first, date_to=last, team=team)

    def view() -> Any:
        from volctl.cli import report_view

        return report_view.hours(data)

    _emit(data, data["rows"], fmt, output, view)


@command(app, "target", "help.report.target")
def target(
    year: Year = None,
    hours: Annotated[
        Optional[float],
        typer.Option("--hours", metavar="H", help=t("opt.report_target_hours")),
    ] = None,
    team: Team = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.reports import target as report

    data = report.report(
        roster(), year=year_option(year), target=hours, team=team, show_pii=show_pii
    )

    def view() -> Any:
        from volctl.cli import report_view

        return report_view.target(data)

    _emit(data, data["below_target"], fmt, output, view)


@command(app, "stars", "help.report.stars")
def stars(
    year: Year = None,
    team: Team = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.reports import stars as report

    data = report.report(roster(), year=year_option(year), team=team)
    new = {row["volunteer_no"]: row for row in data["newly_reached"]}
    rows = [
        {
            **row,
            "new": row["volunteer_no"] in new,
            "previous_level": new[row["volunteer_no"]]["previous_level"]
            if row["volunteer_no"] in new
            else row["level"],
        }
        for row in data["volunteers"]
    ]

    def view() -> Any:
        from volctl.cli import report_view

        return report_view.stars(data)

    _emit(data, rows, fmt, output, view)


@command(app, "insurance", "help.report.insurance")
def insurance(
    expiring: Annotated[
        int, typer.Option("--expiring", metavar="DAYS", help=t("opt.report_expiring"))
    ] = 30,
    team: Team = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.reports import insurance as report

    rows = report.expiring(roster(), expiring, team=team, show_pii=show_pii)
    if not rows and fmt is Format.table and output is None:
        notice(t("report.insurance_none", days=expiring))
        return

    def view() -> Any:
        from volctl.cli import report_view

        return report_view.insurance(rows, expiring)

    _emit(rows, rows, fmt, output, view)

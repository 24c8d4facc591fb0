"""volctl export fill TEMPLATE -o FILLED.xlsx: fill a template a superior sends.

``attach(group)`` registers ``fill`` on the ``export`` group (``volctl.cli.export`` calls it).
Thin: parse, call ``volctl.fill``, say what was done.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from volctl.cli.guard import command
from volctl.cli.messages import notice, warn
from volctl.cli.options import FormatOption, check_output, parse_day_option, year_option
from volctl.cli.output import emit, show_view
from volctl.cli.state import roster
from volctl.i18n import join_list, t
from volctl.render import Column, Format


def _opt(name: str, key: str, metavar: str = "TEXT") -> Any:
    return typer.Option(name, metavar=metavar, help=t(key), show_default=False)


def attach(export: typer.Typer) -> None:
    """Register ``fill`` on the ``export`` group."""

    @command(export, "fill", "help.export.fill")
    def fill_cmd(
        template: Annotated[
            Path,
            typer.Argument(metavar="TEMPLATE", help=t("arg.fill_template"), show_default=False),
        ],
        output: Annotated[
            Optional[Path],
            typer.Option(
                "--output",
                "-o",
                callback=check_output,
                metavar="FILLED.xlsx",
                help=t("opt.fill_output"),
            ),
        ] = None,
        team: Annotated[Optional[str], _opt("--team", "opt.fill_team", "TEAM")] = None,
        year: Annotated[
            Optional[int], typer.Option("--year", metavar="YYYY", help=t("opt.fill_year"))
        ] = None,
        date_from: Annotated[Optional[str], _opt("--from", "opt.fill_from", "DATE")] = None,
        date_to: Annotated[Optional[str], _opt("--to", "opt.fill_to", "DATE")] = None,
        where: Annotated[Optional[str], _opt("--where", "opt.fill_where", "EXPR")] = None,
        status: Annotated[Optional[str], _opt("--status", "opt.fill_status", "active|all")] = None,
        column: Annotated[
            Optional[list[str]], _opt("--column", "opt.fill_column", "HEADER=FIELD")
        ] = None,
        remember: Annotated[bool, typer.Option("--remember", help=t("opt.fill_remember"))] = False,
        dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.fill_dry_run"))] = False,
        mask: Annotated[bool, typer.Option("--mask", help=t("opt.fill_mask"))] = False,
        sheet: Annotated[Optional[str], _opt("--sheet", "opt.fill_sheet", "NAME")] = None,
        mode: Annotated[
            Optional[str], _opt("--rows", "opt.fill_rows", "volunteer|record|activity|team")
        ] = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        from volctl.fill import Options, run

        options = Options(
            team=team,
            year=year_option(year),
            date_from=parse_day_option(date_from, "date_from"),
            date_to=parse_day_option(date_to, "date_to"),
            where=where,
            status=status,
            columns=tuple(column or ()),
            remember=remember,
            dry_run=dry_run,
            mask=mask,
            sheet=sheet,
            mode=mode,
            today=date.today(),
        )
        result = run(roster(), template, output, options)
        _notices(result)
        if fmt is Format.json:
            emit(result, fmt)
        elif dry_run:
            _dry_run_view(result)


def _notices(result: dict[str, Any]) -> None:
    if result["rebuilt_from"]:
        notice(t("fill.rebuilt", kind=result["rebuilt_from"]))
    if result["other_sheets"]:
        notice(
            t("fill.other_sheets", sheet=result["sheet"], others=join_list(result["other_sheets"]))
        )
    if result["empty_columns"]:
        notice(
            t("fill.empty_columns", columns=join_list(f"「{c}」" for c in result["empty_columns"]))
        )
    if result["rows"] == 0:
        warn(t("fill.nobody"))
    if result["dry_run"]:
        notice(t("fill.dry_run_note", count=result["rows"]))
        return
    notice(
        t(
            "fill.written",
            path=result["output"],
            count=result["rows"],
            mode=t(f"fill.mode.{result['mode']}"),
            first=result["period"]["from"],
            last=result["period"]["to"],
        )
    )
    if result.get("formula_columns"):
        columns = join_list(f"「{c}」" for c in result["formula_columns"])
        notice(t("fill.formulas_carried", columns=columns))
    if "print_titles_added" in result.get("notes", ()):
        notice(t("fill.print_titles_added"))
    if result["masked"]:
        notice(t("fill.masked"))
    else:
        notice(t("fill.personal_data", path=result["output"]))
    if result["columns_remembered"]:
        notice(t("fill.columns_remembered"))


def _dry_run_view(result: dict[str, Any]) -> None:
    """The column-to-field table and the row count."""
    from volctl.render import table

    rows = [
        {
            "letter": c["letter"],
            "header": c["header"],
            "field": t(f"fill.field.{c['field']}") if c["field"] else t("fill.left_empty"),
            "how": _how(c),
        }
        for c in result["columns"]
    ]
    caption = t(
        "fill.dry_run_caption",
        count=result["rows"],
        mode=t(f"fill.mode.{result['mode']}"),
        first=result["period"]["from"],
        last=result["period"]["to"],
    )
    view = table(
        rows,
        [
            Column("letter", t("fill.col.letter"), no_wrap=True),
            Column("header", t("fill.col.header")),
            Column("field", t("fill.col.field")),
            Column("how", t("fill.col.how")),
        ],
        title=t("fill.dry_run_title", sheet=result["sheet"]),
        caption=caption,
    )
    show_view([view], None)


def _how(column: dict[str, Any]) -> str:
    how = column["how"]
    if column["field"] is None and column["read_as"] not in (None, "_ignore"):
        return t("fill.how.not_in_mode", field=t(f"fill.field.{column['read_as']}"))
    if how in ("term", "part"):
        return t(f"intake.how.{how}", clue=column.get("clue") or "")
    if how in ("alias", "column", "remembered", "unknown", "ambiguous", "displaced"):
        return t(f"intake.how.{how}")
    return ""

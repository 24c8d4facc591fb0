"""volctl source: the rosters merged into this one (communities into a street, streets into a
city): what each brought, people counted twice, conflicts to resolve, where a row came from."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from volctl.cli.classes import group
from volctl.cli.guard import command
from volctl.cli.messages import notice
from volctl.cli.options import (
    FormatOption,
    OutputOption,
    ShowPiiOption,
    choices,
    parse_choice,
    year_option,
)
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.dates import clock
from volctl.i18n import t
from volctl.render import Column, Format

app = group("source", "help.source")

Year = Annotated[Optional[int], typer.Option("--year", metavar="YYYY", help=t("opt.source_year"))]


def _figure_columns() -> list[Column]:
    return [
        Column("volunteers", t("merge.col_source_volunteers"), "right"),
        Column("served", t("merge.col_source_served"), "right"),
        Column("activities", t("merge.col_source_activities"), "right"),
        Column("records", t("merge.col_source_records"), "right"),
        Column("services", t("merge.col_source_services"), "right"),
        Column("hours", t("col.hours"), "right"),
    ]


@command(app, "list", "help.source.list")
def list_cmd(
    year: Year = None, fmt: FormatOption = Format.table, output: OutputOption = None
) -> None:
    from volctl.merge import sources

    rows = sources.list_sources(roster(), year=year_option(year))
    if fmt is Format.table:
        for row in rows:
            row["content_hash"] = row["content_hash"][:8]
            row["last_merged_at"] = clock(row["last_merged_at"])
    emit(
        rows,
        fmt,
        output=output,
        columns=[
            Column("source", t("merge.col_source")),
            Column("parent", t("merge.col_parent_team")),
            Column("last_merged_at", t("merge.col_last_merged"), no_wrap=True),
            Column("content_hash", t("merge.col_content_hash"), no_wrap=True),
            Column("volunteers", t("merge.col_source_volunteers"), "right"),
            Column("records", t("merge.col_source_records"), "right"),
            Column("hours", t("col.hours"), "right"),
            Column("conflicts", t("merge.col_conflicts"), "right"),
        ],
    )


@command(app, "totals", "help.source.totals")
def totals_cmd(
    year: Year = None, fmt: FormatOption = Format.table, output: OutputOption = None
) -> None:
    from volctl.merge import sources

    data = sources.breakdown(roster(), year=year_option(year))
    if fmt is Format.json:
        emit(data, fmt, output=output)
        return
    rows = [
        *data["sources"],
        {"source": t("source.sum_of_sources"), **data["sum_of_sources"]},
        {"source": t("source.merged_total"), **data["merged"]},
        {"source": t("source.counted_twice"), **data["counted_twice"]},
    ]
    emit(
        rows,
        fmt,
        output=output,
        title=t("source.totals_title", year=year) if year else t("source.totals_title_all"),
        columns=[Column("source", t("merge.col_source")), *_figure_columns()],
    )


@command(app, "show", "help.source.show")
def show_cmd(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help=t("arg.source"))],
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.merge import sources

    conn = roster()
    row = sources.find_source(conn, source)
    listed = next(s for s in sources.list_sources(conn) if s["source"] == row["label"])
    history = sources.runs(conn, row["id"])
    if fmt is not Format.table:
        emit({**listed, "roster_uid": row["roster_uid"], "runs": history}, fmt)
        return
    from volctl.cli.merge import signature_text

    shown = {**listed, "roster_uid": row["roster_uid"]}
    shown["signature"] = signature_text({"status": listed["signature"], **listed})
    del shown["signed_by"]
    emit(shown, fmt, labels={k: t(f"source.field_{k}") for k in shown})
    emit(
        [
            {
                **r,
                "merged_at": clock(r["merged_at"]),
                "content_hash": r["content_hash"][:16],
                "outcome": t(f"merge.outcome_{r['outcome']}"),
                "signature": signature_text({"status": r["signature"], **r}),
            }
            for r in history
        ],
        fmt,
        title=t("source.runs_title"),
        columns=[
            Column("run", "#", "right"),
            Column("merged_at", t("col.when"), no_wrap=True),
            Column("operator", t("col.operator")),
            Column("file", t("merge.col_file")),
            Column("content_hash", t("merge.col_content_hash"), no_wrap=True),
            Column("outcome", t("merge.col_outcome")),
            Column("signature", t("merge.col_signature")),
        ],
    )


@command(app, "conflicts", "help.source.conflicts")
def conflicts_cmd(
    source: Annotated[
        Optional[str], typer.Option("--source", metavar="SOURCE", help=t("opt.source_filter"))
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help=t("opt.conflicts_all"))] = False,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.cli.merge import conflict_columns, for_table
    from volctl.merge import sources

    rows = sources.conflicts(roster(), source=source, include_resolved=all_, show_pii=show_pii)
    if fmt is Format.table:
        for row in rows:
            row["status"] = t(f"conflict_status.{row['status']}")
        emit(
            for_table(rows),
            fmt,
            output=output,
            columns=[*conflict_columns(), Column("status", t("merge.col_status"), no_wrap=True)],
        )
        if rows and not all_:
            notice(t("source.conflicts_hint"))
        return
    emit(rows, fmt, output=output, columns=conflict_columns())  # columns: an empty CSV's header


@command(app, "resolve", "help.source.resolve")
def resolve_cmd(
    conflict_ids: Annotated[
        list[int], typer.Argument(metavar="CONFLICT...", help=t("arg.conflicts"))
    ],
    keep: Annotated[
        str, typer.Option("--keep", metavar=choices("merge_keep"), help=t("opt.merge_keep"))
    ],
    note: Annotated[
        Optional[str], typer.Option("--note", metavar="TEXT", help=t("opt.merge_note"))
    ] = None,
    fmt: FormatOption = Format.table,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.merge import sources

    keep = parse_choice("merge_keep", keep, "source.keep_unknown", "keep")
    conn = roster()
    sources.resolve(conn, conflict_ids, keep, note)
    rows = sources.conflicts(conn, ids=conflict_ids, include_resolved=True, show_pii=show_pii)
    if fmt is Format.table:
        notice(t("source.resolved", count=len(rows), keep=t(f"source.keep_{keep}")))
        return
    emit(rows, fmt)


@command(app, "overlaps", "help.source.overlaps")
def overlaps_cmd(
    year: Year = None,
    served: Annotated[bool, typer.Option("--served", help=t("opt.overlaps_served"))] = False,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPiiOption = False,
) -> None:
    from volctl.merge import sources

    people = sources.overlaps(
        roster(),
        year=year_option(year),
        basis="served" if served else "registered",
        show_pii=show_pii,
    )
    if fmt is Format.json:
        emit(people, fmt, output=output)
        return
    rows: list[dict[str, Any]] = []
    for person in people:
        for entry in person["sources"]:
            row = {k: person[k] for k in ("volunteer_no", "name", "id_number")}
            row.update(entry)
            row["source_status"] = row.pop("status")
            rows.append(row)
    if fmt is Format.table:
        for row in rows:
            row["source_status"] = (
                t(f"status.{row['source_status']}") if row["source_status"] else ""
            )
    emit(
        rows,
        fmt,
        output=output,
        columns=[
            Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
            Column("name", t("field.name"), no_wrap=True),
            Column("id_number", t("field.id_number"), no_wrap=True),
            Column("source", t("merge.col_source")),
            Column("source_no", t("merge.col_source_no"), no_wrap=True),
            Column("source_status", t("merge.col_status"), no_wrap=True),
            Column("services", t("merge.col_source_services"), "right"),
            Column("hours", t("col.hours"), "right"),
        ],
    )
    if fmt is Format.table and people:
        notice(t("source.overlaps_count", count=len(people)))


@command(app, "origin", "help.source.origin")
def origin_cmd(
    ref: Annotated[str, typer.Argument(metavar="REF", help=t("arg.origin_ref"))],
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.merge import sources

    data = sources.origin(roster(), ref)
    if fmt is not Format.table:
        emit(data if fmt is Format.json else data["origins"], fmt)
        return
    if not data["origins"]:
        notice(t("source.origin_here", ref=data["ref"]))
        return
    emit(
        [{**o, "merged_at": clock(o["merged_at"])} for o in data["origins"]],
        fmt,
        title=t("source.origin_title", ref=data["ref"]),
        columns=[
            Column("source", t("merge.col_source")),
            Column("source_no", t("merge.col_source_no"), no_wrap=True),
            Column("merged_at", t("col.when"), no_wrap=True),
        ],
    )

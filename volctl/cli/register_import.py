"""volctl register import / imports / undo-import / template: sign-up sheets in bulk.

Registered on ``volctl.cli.register.app``. Thin: parse, call ``volctl.intake``, render.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from volctl.cli.guard import command
from volctl.cli.messages import confirm, notice
from volctl.cli.options import (
    ForceOption,
    FormatOption,
    OutputOption,
    check_output,
    choices,
    parse_choice,
    parse_day_option,
)
from volctl.cli.output import emit
from volctl.cli.register_import_view import DETAILS_SHOWN
from volctl.cli.state import location, roster
from volctl.dates import clock
from volctl.i18n import join_list, t
from volctl.intake import DEFAULT_MAX_MB, DEFAULT_MAX_ROWS
from volctl.render import Column, Format

# The batch commands of ``volctl register``, gathered here and added to its group by
# ``volctl.cli.register`` (which imports this module, never the other way round).
app = typer.Typer(name="register")

DETAIL_KEYS = (
    "file",
    "row",
    "outcome",
    "name",
    "reason",
    "column",
    "message",
    "hint",
    "volunteer_no",
    "duplicate_of_file",
    "duplicate_of_row",
    "duplicate_of_volunteer_no",
    "changed",
)

ShowPii = Annotated[bool, typer.Option("--show-pii", help=t("opt.import.show_pii"))]


@command(app, "import", "help.register.import")
def import_(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", help=t("arg.import.files"), show_default=False),
    ],
    sheet: Annotated[
        str | None, typer.Option("--sheet", metavar="NAME", help=t("opt.import.sheet"))
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.import.dry_run"))] = False,
    on_duplicate: Annotated[
        str,
        typer.Option(
            "--on-duplicate", metavar=choices("on_duplicate"), help=t("opt.import.on_duplicate")
        ),
    ] = "skip",
    rejects: Annotated[
        Path | None, typer.Option("--rejects", metavar="FILE", help=t("opt.import.rejects"))
    ] = None,
    registered_on: Annotated[
        str | None,
        typer.Option("--registered-on", metavar="DATE", help=t("opt.import.registered_on")),
    ] = None,
    # Text, read here: a cap that is not a plain positive number (nan, 1e3, 1_000) is an
    # invalid input (exit 3) like a zero one, not a usage error.
    max_rows: Annotated[
        str, typer.Option("--max-rows", metavar="N", help=t("opt.import.max_rows"))
    ] = str(DEFAULT_MAX_ROWS),
    max_size: Annotated[
        str, typer.Option("--max-size", metavar="MB", help=t("opt.import.max_size"))
    ] = f"{DEFAULT_MAX_MB:g}",
    column: Annotated[
        Optional[list[str]],
        typer.Option("--column", metavar="HEADER=FIELD", help=t("opt.import.column")),
    ] = None,
    remember: Annotated[bool, typer.Option("--remember", help=t("opt.import.remember"))] = False,
    force: ForceOption = False,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPii = False,
) -> None:
    from volctl.cli import register_import_view as view
    from volctl.errors import InvalidInput, Where
    from volctl.intake import guard, importer
    from volctl.text import plain_decimal, plain_whole

    rows_cap = plain_whole(max_rows)
    if rows_cap is None or rows_cap <= 0:
        raise InvalidInput("intake.bad_cap", where=Where(field="max_rows"))
    size_cap = plain_decimal(max_size)
    if size_cap is None or size_cap <= 0:
        raise InvalidInput("intake.bad_cap", where=Where(field="max_size"))
    on_duplicate = parse_choice(
        "on_duplicate", on_duplicate, "intake.on_duplicate_unknown", "on_duplicate"
    )
    options = importer.Options(
        sheet=sheet,
        on_duplicate=on_duplicate,
        dry_run=dry_run,
        rejects=rejects,
        registered_on=parse_day_option(registered_on, "registered_on"),
        show_pii=show_pii,
        limits=guard.Limits(max_rows=rows_cap, max_mb=float(size_cap)),
        replace_rejects=force,
        columns=tuple(column or ()),
        remember=remember,
    )
    conn = roster()
    with _progress() as progress:
        result = importer.run_import(conn, list(files), options, progress)
    view.notices(result, show_pii)
    summary = result.public()
    if fmt is Format.json:
        emit(summary, fmt, output=output)
    elif fmt is Format.csv:
        emit(summary["details"], fmt, output=output, keys=DETAIL_KEYS)
    else:
        view.summary_tables(summary, output)


class _progress:
    """A progress bar on stderr while files are read, only when stderr is a terminal."""

    def __enter__(self) -> Any:
        if not sys.stderr.isatty():
            self.bar = None
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        tasks: dict[str, Any] = {}

        def update(file: str, done: int, total: int | None) -> None:
            assert self.bar is not None
            if file not in tasks:
                tasks[file] = self.bar.add_task(t("intake.progress", file=file), total=total)
            self.bar.update(tasks[file], completed=done, total=total or None)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _when(iso: str) -> str:
    """2025-03-01T09:30:12+08:00 -> 2025-03-01 09:30, as a clerk reads it."""
    return clock(iso)


@command(app, "imports", "help.register.imports")
def imports(
    active: Annotated[bool, typer.Option("--active", help=t("opt.imports.active"))] = False,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    from volctl.intake import batches

    conn = roster()
    listed = batches.list_batches(conn, include_undone=not active)
    if fmt is Format.table:
        for row in listed:
            row["status"] = t(f"intake.status.{row['status']}")
            row["imported_at"] = _when(row["imported_at"])
    emit(
        listed,
        fmt,
        output=output,
        columns=[
            Column("batch", t("intake.col.batch"), "right", no_wrap=True),
            Column("imported_at", t("intake.col.imported_at"), no_wrap=True),
            Column("file", t("intake.col.file")),
            Column("sheet", t("intake.col.sheet")),
            Column("rows", t("intake.col.rows"), "right"),
            Column("imported", t("intake.col.imported"), "right"),
            Column("duplicates", t("intake.col.duplicates"), "right"),
            Column("updated", t("intake.col.updated"), "right"),
            Column("rejected", t("intake.col.rejected"), "right"),
            Column("remaining", t("intake.col.remaining"), "right"),
            Column("operator", t("intake.col.operator")),
            Column("status", t("intake.col.status"), no_wrap=True),
        ],
    )


@command(app, "undo-import", "help.register.undo_import")
def undo_import(
    batch: Annotated[
        str, typer.Argument(metavar="BATCH", help=t("arg.import.batch"), show_default=False)
    ],
    reason: Annotated[
        str | None, typer.Option("--reason", metavar="TEXT", help=t("opt.undo.reason"))
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.undo.dry_run"))] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=t("opt.undo.yes"))] = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl.intake import batches

    conn = roster()
    if not dry_run and not yes:
        preview = batches.undo(conn, batch, reason=reason, dry_run=True)
        confirm(t("intake.undo_confirm", **_counts(preview)), t("intake.undo_cancelled"))
    outcome = batches.undo(conn, batch, reason=reason, dry_run=dry_run)
    if fmt is not Format.table:
        emit(outcome, fmt)
        return
    notice(t("intake.undo_preview" if dry_run else "intake.undo_done", **_counts(outcome)))
    rows = [
        {"action": t("intake.action.remove"), **v, "fields": ""}
        for v in outcome["removed_volunteers"]
    ] + [
        {
            "action": t("intake.action.restore"),
            **v,
            "fields": join_list(t(f"field.{f}") for f in v["fields"]),
        }
        for v in outcome["restored_volunteers"]
    ]
    if rows:
        if len(rows) > DETAILS_SHOWN:
            notice(t("intake.more_volunteers", count=len(rows) - DETAILS_SHOWN))
        emit(
            rows[:DETAILS_SHOWN],
            fmt,
            columns=[
                Column("action", t("intake.col.action"), no_wrap=True),
                Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
                Column("name", t("field.name")),
                Column("fields", t("intake.col.fields")),
            ],
        )


def _counts(outcome: dict[str, Any]) -> dict[str, Any]:
    return {
        "batch": outcome["batch"],
        "file": outcome["file"],
        "removed": outcome["removed"],
        "restored": outcome["restored"],
    }


@command(app, "template", "help.register.template")
def template(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            callback=check_output,
            metavar="FILE.xlsx",
            help=t("opt.template.output"),
            show_default=False,
        ),
    ],
    rows: Annotated[int, typer.Option("--rows", metavar="N", help=t("opt.template.rows"))] = 50,
    org: Annotated[
        str | None, typer.Option("--org", metavar="NAME", help=t("opt.template.org"))
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help=t("opt.template.title"))
    ] = None,
    force: ForceOption = False,
) -> None:
    from volctl.errors import InvalidInput, Where
    from volctl.intake import template as blank
    from volctl.rosterfile import inspect_file

    if output.suffix.lower() != ".xlsx":
        raise InvalidInput(
            "intake.template_not_xlsx", where=Where(field="output"), path=str(output)
        )
    if not output.parent.exists():
        raise InvalidInput(
            "output.no_folder", where=Where(field="output"), folder=str(output.parent)
        )
    if not force:
        from volctl import files

        # Before the roster is opened (and perhaps upgraded).
        files.check_target(output, overwrite=False)
    if not 1 <= rows <= 5000:
        raise InvalidInput("intake.template_rows")
    intentions = blank.default_intentions()
    org_name = org
    if inspect_file(location().path).kind == "roster":
        from volctl import settings

        conn = roster()
        intentions = blank.intentions(conn) or intentions
        if org_name is None:
            org_name = settings.get(conn, "org_name")
    org_name = org_name or ""
    blank.write(
        output,
        org=org_name,
        title=title or f"{org_name}志愿者报名登记表",
        intention_list=intentions,
        rows=rows,
        overwrite=force,
    )
    notice(t("intake.template_written", path=str(output), rows=rows))

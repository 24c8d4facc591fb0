"""volctl register import / imports / undo-import / template: sign-up sheets in bulk.

Registered on ``volctl.cli.register.app``. Thin: parse, call ``volctl.intake``, render.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from volctl.cli.common import (
    ForceOption,
    FormatOption,
    OutputOption,
    check_output,
    command,
    confirm,
    emit,
    location,
    notice,
    parse_day_option,
    roster,
    warn,
    write_text_output,
    writing_stdout,
)
from volctl.cli.register import app
from volctl.dates import clock
from volctl.i18n import join_list, t
from volctl.intake import DEFAULT_MAX_MB, DEFAULT_MAX_ROWS
from volctl.render import Column, Format

DETAILS_SHOWN = 30  # rows listed in the terminal; json and the rejects workbook have them all
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
        typer.Option("--on-duplicate", metavar="skip|update", help=t("opt.import.on_duplicate")),
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
    force: ForceOption = False,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    show_pii: ShowPii = False,
) -> None:
    from volctl.errors import InvalidInput, Where
    from volctl.intake import guard, importer
    from volctl.text import plain_decimal, plain_whole

    rows_cap = plain_whole(max_rows)
    if rows_cap is None or rows_cap <= 0:
        raise InvalidInput("intake.bad_cap", where=Where(field="max_rows"))
    size_cap = plain_decimal(max_size)
    if size_cap is None or size_cap <= 0:
        raise InvalidInput("intake.bad_cap", where=Where(field="max_size"))
    options = importer.Options(
        sheet=sheet,
        on_duplicate=on_duplicate,
        dry_run=dry_run,
        rejects=rejects,
        registered_on=parse_day_option(registered_on, "registered_on"),
        show_pii=show_pii,
        limits=guard.Limits(max_rows=rows_cap, max_mb=float(size_cap)),
        replace_rejects=force,
    )
    conn = roster()
    with _progress() as progress:
        result = importer.run_import(conn, list(files), options, progress)
    _notices(result, show_pii)
    summary = result.public()
    if fmt is Format.json:
        emit(summary, fmt, output=output)
    elif fmt is Format.csv:
        from volctl.render import to_csv

        text = to_csv(summary["details"], keys=DETAIL_KEYS)
        if output is None:
            with writing_stdout():
                sys.stdout.write(text)
        else:
            write_text_output(output, text)
            notice(t("output.written", path=str(output)))
    else:
        _summary_tables(summary, output)


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


def _notices(result: Any, show_pii: bool) -> None:
    for f in result.files:
        name = str(f.path)
        if f.previous:
            warn(
                t(
                    "intake.already_imported",
                    file=name,
                    when=_when(f.previous[-1]["imported_at"]),
                    batches=", ".join(str(p["batch"]) for p in f.previous),
                )
            )
        if f.table.header.unknown:
            labels = join_list(c.label for c in f.table.header.unknown)
            notice(t("intake.unknown_columns", file=name, columns=labels))
        if f.table.other_sheets:
            notice(
                t(
                    "intake.other_sheets",
                    file=name,
                    sheet=f.table.sheet,
                    others=join_list(f.table.other_sheets),
                )
            )
        if f.registered_on_source == "sheet" and f.registered_on is not None:
            notice(t("intake.registered_on_sheet", file=name, date=f.registered_on.isoformat()))
    written = {}
    for f in result.files:
        if f.rejects_file is not None:
            written[str(f.rejects_file)] = written.get(str(f.rejects_file), 0) + f.rejected
    for path, count in written.items():
        key = "intake.rejects_written_pii" if show_pii else "intake.rejects_written"
        notice(t(key, path=path, count=count))
    if result.dry_run:
        notice(t("intake.dry_run_note"))
    else:
        ids = [f.batch for f in result.files if f.batch is not None]
        if ids:
            notice(t("intake.batch_recorded", batches=", ".join(map(str, ids)), first=ids[0]))


def _when(iso: str) -> str:
    """2025-03-01T09:30:12+08:00 -> 2025-03-01 09:30, as a clerk reads it."""
    return clock(iso)


def _summary_tables(summary: dict[str, Any], output: Path | None) -> None:
    from rich.console import Console, Group
    from rich.markup import escape
    from rich.table import Table

    counts = ("rows", "imported", "duplicates", "updated", "rejected")
    title = t("intake.title_dry_run" if summary["dry_run"] else "intake.title")
    files = Table(title=title, header_style="bold")
    files.add_column(t("intake.col.file"), overflow="fold", min_width=12)
    files.add_column(t("intake.col.sheet"))
    for key in counts:
        files.add_column(t(f"intake.col.{key}"), justify="right")
    files.add_column(t("intake.col.batch"), justify="right")
    for f in summary["files"]:
        files.add_row(
            escape(Path(f["file"]).name),
            escape(f["sheet"] or ""),
            *(str(f[key]) for key in counts),
            str(f["batch"] or "—"),
        )
    if len(summary["files"]) > 1:
        files.add_row(t("intake.total"), "", *(str(summary[key]) for key in counts), "")
    parts: list[Any] = [files]
    if summary["reasons"]:
        reasons = Table(title=t("intake.reasons_title"), header_style="bold")
        reasons.add_column(t("intake.col.reason"))
        reasons.add_column(t("intake.col.meaning"))
        reasons.add_column(t("intake.col.count"), justify="right")
        for code, count in summary["reasons"].items():
            meaning = t(f"reason.{code}", **_placeholders(code))
            reasons.add_row(code, escape(meaning), str(count))
        parts.append(reasons)
    details = summary["details"]
    if details:
        listing = Table(title=t("intake.details_title"), header_style="bold")
        for key in ("row", "name", "outcome", "message"):
            listing.add_column(
                t(f"intake.col.{key}"), overflow="fold", justify="right" if key == "row" else "left"
            )
        several = len(summary["files"]) > 1
        for d in details[:DETAILS_SHOWN]:
            where = f"{Path(d['file']).name}:{d['row']}" if several else str(d["row"])
            message = d["message"] or ""
            if d["column"]:
                message = f"[{d['column']}] {message}"
            listing.add_row(
                where, escape(d["name"] or ""), t(f"intake.outcome.{d['outcome']}"), escape(message)
            )
        parts.append(listing)
        if len(details) > DETAILS_SHOWN:
            parts.append(t("intake.more_details", count=len(details) - DETAILS_SHOWN))
    if output is None:
        with writing_stdout():
            Console(highlight=False).print(Group(*parts))
        return
    import os

    capture = Console(width=160, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    capture.print(Group(*parts))
    write_text_output(output, capture.export_text())
    notice(t("output.written", path=str(output)))


def _placeholders(code: str) -> dict[str, str]:
    """A reason's message without its row-specific values, for the summary's legend."""
    import string

    from volctl.i18n import catalogue

    texts = catalogue().get(f"reason.{code}", ("", ""))
    names = {n for text in texts for _l, n, _s, _c in string.Formatter().parse(text) if n}
    return {name: "…" for name in names}


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
    from volctl.db import inspect_file
    from volctl.errors import InvalidInput, Where
    from volctl.intake import template as blank

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

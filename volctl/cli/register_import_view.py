"""How ``volctl register import`` reports: notices on stderr, and the summary as tables (the
files and their counts; for a preview, how every column was read and which were left unread;
the reasons rows were refused; the rows to look at). Imported by the import command only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from volctl.cli.messages import notice, warn
from volctl.cli.output import output_format, show_view
from volctl.dates import clock
from volctl.i18n import join_list, t
from volctl.render import Format

DETAILS_SHOWN = 30  # rows listed in the terminal; json and the rejects workbook have them all


def notices(result: Any, show_pii: bool) -> None:
    """What the clerk should know about each file, on stderr."""
    for f in result.files:
        name = str(f.path)
        if f.previous:
            warn(
                t(
                    "intake.already_imported",
                    file=name,
                    when=clock(f.previous[-1]["imported_at"]),
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
        if f.registered_on_source == "submitted":
            notice(t("intake.registered_on_submitted", file=name))
        if f.table.forms:
            notice(t("intake.forms_read", file=name, count=len(f.table.forms)))
        if f.footers:
            notice(t("intake.footers_skipped", file=name, count=f.footers))
        if f.headings:
            rows = join_list(f.headings)
            notice(t("intake.headings_skipped", file=name, rows=rows, count=len(f.headings)))
        if f.below_footer:
            warn(t("intake.below_footer", file=name, rows=join_list(f.below_footer)))
    written = {}
    for f in result.files:
        if f.rejects_file is not None:
            written[str(f.rejects_file)] = written.get(str(f.rejects_file), 0) + f.rejected
    for path, count in written.items():
        key = "intake.rejects_written_pii" if show_pii else "intake.rejects_written"
        notice(t(key, path=path, count=count))
    if result.remembered:
        notice(t("intake.columns_remembered", count=len(result.mappings)))
    elif result.dry_run and result.mappings and result.remember_asked:
        notice(t("intake.columns_not_remembered"))
    if result.dry_run:
        notice(t("intake.dry_run_note"))
    else:
        ids = [f.batch for f in result.files if f.batch is not None]
        if ids:
            notice(t("intake.batch_recorded", batches=", ".join(map(str, ids)), first=ids[0]))


def summary_tables(summary: dict[str, Any], output: Path | None) -> None:
    """The summary as tables: files and counts, a preview's columns, reasons, rows to see."""
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table

    # Columns that cannot hold anything are left out, so the table fits 80 columns: no rows
    # are updated without --on-duplicate update, and a preview makes no batch.
    counts = ["rows", "imported", "duplicates", "updated", "rejected"]
    if summary["on_duplicate"] != "update":
        counts.remove("updated")
    batches = not summary["dry_run"]
    title = t("intake.title_dry_run" if summary["dry_run"] else "intake.title")
    files = Table(title=title, header_style="bold")
    files.add_column(t("intake.col.file"), overflow="fold", min_width=12)
    files.add_column(t("intake.col.sheet"), overflow="fold")
    for key in counts:
        files.add_column(t(f"intake.col.{key}"), justify="right", overflow="fold")
    if batches:
        files.add_column(t("intake.col.batch"), justify="right")
    for f in summary["files"]:
        batch = [str(f["batch"] or "—")] if batches else []
        files.add_row(
            escape(Path(f["file"]).name),
            escape(f["sheet"] or ""),
            *(str(f[key]) for key in counts),
            *batch,
        )
    if len(summary["files"]) > 1:
        total = [t("intake.total"), "", *(str(summary[key]) for key in counts)]
        files.add_row(*total, *([""] if batches else []))
    parts: list[Any] = [files]
    if summary["dry_run"]:
        parts.extend(column_table(f) for f in summary["files"])
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
    show_view([Group(*parts)], output, output_format(Format.table, output))


def _placeholders(code: str) -> dict[str, str]:
    """A reason's message without its row-specific values, for the summary's legend."""
    import string

    from volctl.i18n import catalogue

    texts = catalogue().get(f"reason.{code}", ("", ""))
    names = {n for text in texts for _l, n, _s, _c in string.Formatter().parse(text) if n}
    return {name: "…" for name in names}


def column_table(f: dict[str, Any]) -> Any:
    """One file's columns: the letter, the header as written, what it was read as and why;
    the columns left unread say so."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=t("intake.columns_title", file=Path(f["file"]).name), header_style="bold")
    if f["layout"] != "form":
        table.add_column(t("intake.col.letter"), no_wrap=True)
    table.add_column(t("intake.col.header"), overflow="fold")
    table.add_column(t("intake.col.field"), overflow="fold")
    table.add_column(t("intake.col.how"), overflow="fold")
    for c in f["columns"]:
        cells = [] if f["layout"] == "form" else [c["letter"] or ""]
        cells += [escape(c["column"]), read_as(c), escape(_how(c))]
        table.add_row(*cells)
    return table


def read_as(column: dict[str, Any]) -> str:
    name = column["field"]
    if name is None:
        return t("intake.field.notes") if column["how"] != "ambiguous" else "?"
    if name in ("ignored", "submitted", "guardian"):
        return t(f"intake.field.{name}")
    return t(f"field.{name}")


def _how(column: dict[str, Any]) -> str:
    how = column["how"]
    if how in ("term", "part"):
        return t(f"intake.how.{how}", clue=column["clue"] or "")
    if how in (
        "alias",
        "column",
        "remembered",
        "metadata",
        "unknown",
        "displaced",
        "ambiguous",
        "form",
    ):
        return t(f"intake.how.{how}")
    return ""

"""volctl merge: combine community rosters (bundles or roster files) into this roster."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from volctl.cli.guard import command
from volctl.cli.messages import notice, warn
from volctl.cli.options import FormatOption, OutputOption, ShowPiiOption, choices
from volctl.cli.output import emit
from volctl.cli.state import STATE, roster
from volctl.i18n import t
from volctl.render import Column, Format


def _outcome_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for item in report["sources"]:
        changes = item["changes"]
        people = changes.get("volunteers", {})
        records = changes.get("records", {})
        rows.append(
            {
                "file": Path(item["file"]).name,
                "source": item["source"],
                "outcome": t(f"merge.outcome_{item['outcome']}"),
                "hash": item["content_hash"][:8],
                "added": people.get("added", 0),
                "linked": people.get("linked", 0),
                "updated": people.get("updated", 0),
                "activities": changes.get("activities", {}).get("added", 0),
                "entries": records.get("entries", 0),
                "retired": records.get("retired", 0) + records.get("rebuilt", 0),
                "conflicts": people.get("conflicts", 0),
                "signature": signature_text(item["signature"], short=True),
            }
        )
    return rows


def signature_text(signature: dict[str, Any], *, short: bool = False) -> str:
    """How a source's bundle was signed, for a table: 已验证：东湖社区 / verified: 东湖社区
    (``short``: ✓东湖社区), with ", encrypted" when it was."""
    status = signature.get("status")
    if status is None:
        return t("keys.signature_none")
    name = signature.get("signed_by") or ""
    if short and status == "verified":
        return f"✓{name}"
    text = t(f"keys.signature_{status}", name=name)
    if signature.get("encrypted") and not short:
        text += t("keys.signature_encrypted")
    return text


def conflict_columns() -> list[Column]:
    return [
        Column("id", "#", "right", no_wrap=True),
        Column("source", t("merge.col_source")),
        Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
        Column("name", t("field.name"), no_wrap=True),
        Column("field", t("merge.col_conflict_field"), no_wrap=True),
        Column("current_value", t("merge.col_roster_value")),
        Column("source_value", t("merge.col_source_value")),
    ]


def for_table(conflicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**c, "field": t(f"field.{c['field']}")} for c in conflicts]


def attach(app: typer.Typer) -> None:
    """Register ``merge`` on the root app."""

    @command(app, "merge", "help.merge")
    def merge_cmd(
        inputs: Annotated[
            list[Path],
            typer.Argument(metavar="BUNDLE|ROSTER...", help=t("arg.merge_inputs")),
        ],
        into: Annotated[
            Optional[Path], typer.Option("--into", metavar="ROSTER", help=t("opt.merge_into"))
        ] = None,
        parent: Annotated[
            Optional[str], typer.Option("--parent", metavar="TEAM", help=t("opt.merge_parent"))
        ] = None,
        parent_level: Annotated[
            str,
            typer.Option(
                "--parent-level", metavar=choices("team_level"), help=t("opt.merge_parent_level")
            ),
        ] = "中队",
        dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.merge_dry_run"))] = False,
        allow_older: Annotated[
            bool, typer.Option("--allow-older", help=t("opt.merge_allow_older"))
        ] = False,
        with_beneficiaries: Annotated[
            bool, typer.Option("--with-beneficiaries", help=t("opt.merge_beneficiaries"))
        ] = False,
        accept_unsigned: Annotated[
            bool, typer.Option("--accept-unsigned", help=t("opt.merge_accept_unsigned"))
        ] = False,
        fmt: FormatOption = Format.table,
        output: OutputOption = None,
        show_pii: ShowPiiOption = False,
    ) -> None:
        from volctl.merge import engine

        if into is not None:
            STATE.db = into
        conn = roster()
        progress = None
        if sys.stderr.isatty():

            def progress(key: str, params: dict[str, object]) -> None:
                notice(t(key, **params))

        report = engine.merge(
            conn,
            inputs,
            engine.Options(
                parent=parent,
                parent_level=parent_level,
                dry_run=dry_run,
                allow_older=allow_older,
                with_beneficiaries=with_beneficiaries,
                accept_unsigned=accept_unsigned,
            ),
            progress=progress,
            show_pii=show_pii,
        )
        if fmt is Format.json:
            emit(report, fmt, output=output)
        elif fmt is Format.csv:
            emit(_outcome_rows(report), fmt, output=output)
        else:
            emit(
                _outcome_rows(report),
                fmt,
                output=output,
                title=t("merge.title_dry_run" if dry_run else "merge.title"),
                columns=[
                    Column("source", t("merge.col_source")),
                    Column("outcome", t("merge.col_outcome"), no_wrap=True),
                    Column("signature", t("merge.col_signature")),
                    Column("hash", t("merge.col_content_hash"), no_wrap=True),
                    Column("added", t("merge.col_people_added"), "right"),
                    Column("linked", t("merge.col_people_linked"), "right"),
                    Column("activities", t("merge.col_activities_added"), "right"),
                    Column("entries", t("merge.col_entries_added"), "right"),
                    Column("conflicts", t("merge.col_conflicts"), "right"),
                ],
            )
            if report["conflicts"] and output is None:
                emit(
                    for_table(report["conflicts"]),
                    fmt,
                    title=t("merge.conflicts_title"),
                    columns=conflict_columns(),
                )
        for item in report["sources"]:
            if item["signature"]["status"] == "unsigned":
                warn(t("merge.unsigned_accepted", file=Path(item["file"]).name))
        totals = report["totals"]
        notice(
            t(
                "merge.totals",
                sources=totals["sources"],
                volunteers=totals["volunteers"],
                activities=totals["activities"],
                records=totals["records"],
                twice=report["counted_twice"],
            )
        )
        if report["conflicts"]:
            warn(t("merge.conflicts_left", count=len(report["conflicts"])))
        if dry_run:
            notice(t("merge.dry_run_done"))

"""Keeping the roster safe: backup, restore, check, audit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from volctl.cli.common import (
    FormatOption,
    FromOption,
    OutputOption,
    ShowPiiOption,
    ToOption,
    close_connections,
    command,
    confirm,
    emit,
    location,
    notice,
    parse_day_option,
    roster,
    warn,
)
from volctl.i18n import t
from volctl.render import Column, Format

BackupFile = Annotated[
    Optional[Path], typer.Argument(metavar="FILE", help=t("arg.backup_file"), show_default=False)
]


def _detail(entry: dict[str, Any]) -> str:
    """An audit entry's detail as the clerk reads it: each entity's fields by their labels
    (a team's, a setting's, a batch's), the time stamps left out (the entry has its own), an
    empty value shown as such."""
    from volctl import audit
    from volctl.i18n import catalogue, field_label

    entity = entry["entity"]
    empty = t("audit.empty_value")
    detail = entry["detail"]
    if entity == "settings" and isinstance(detail, dict) and "key" in detail:
        key = f"setting.{detail['key']}"
        name = t(key) if key in catalogue() else str(detail["key"])
        old, new = (
            detail.get(k) if detail.get(k) not in (None, "") else empty for k in ("old", "new")
        )
        return f"{name}: {old}→{new}"

    def label(key: str) -> str:
        return field_label(entity, key) or key

    if isinstance(detail, dict):
        detail = {k: v for k, v in detail.items() if k not in ("created_at", "updated_at")}
    return audit.summarise(detail, label=label, comma=t("audit.comma"), empty=empty)


def attach(app: typer.Typer) -> None:
    """Register backup, restore, check and audit on the root app."""

    @command(app, "backup", "help.backup")
    def backup_cmd(file: BackupFile = None, fmt: FormatOption = Format.table) -> None:
        from volctl import maintenance

        conn = roster()
        dest = file or maintenance.default_backup_path(location().path)
        result = maintenance.backup(conn, dest)
        if fmt is Format.table:
            notice(t("backup.done", path=result["path"], volunteers=result["volunteers"]))
        else:
            emit(result, fmt)

    @command(app, "restore", "help.restore")
    def restore_cmd(
        file: Annotated[Path, typer.Argument(metavar="FILE", help=t("arg.restore_file"))],
        yes: Annotated[bool, typer.Option("--yes", "-y", help=t("opt.restore_yes"))] = False,
        fmt: FormatOption = Format.table,
    ) -> None:
        from volctl import maintenance

        source = maintenance.check_backup(file)
        try:
            target = location().path
            if not yes:
                confirm(t("restore.confirm", path=str(target)), t("restore.cancelled"))
            conn = roster(create=True)
            result = maintenance.restore(source, file, conn, target)
        finally:
            source.close()
        close_connections()
        roster()  # reopen: upgrades a backup from an older volctl, with its own backup first
        if fmt is Format.table:
            notice(t("restore.done", source=result["restored_from"], kept=result["replaced_copy"]))
        else:
            emit(result, fmt)
        if result["invalid_values"]:
            warn(t("restore.invalid_values", count=len(result["invalid_values"])))

    @command(app, "check", "help.check")
    def check_cmd(fmt: FormatOption = Format.table, output: OutputOption = None) -> None:
        from volctl import checks

        findings = checks.run(roster())
        rows = [
            {
                **f.as_dict(),
                "message": t(f.detail, **f.params),
                "advice": t(f"check.advice_{f.check}"),
            }
            for f in findings
        ]
        if fmt is Format.json:
            emit(
                {"ok": not any(f.severity == "error" for f in findings), "findings": rows},
                fmt,
                output=output,
            )
        elif rows or fmt is Format.csv:
            if fmt is Format.table:
                for row in rows:
                    row["severity"] = t(f"check.severity_{row['severity']}")
            emit(
                rows,
                fmt,
                output=output,
                columns=[
                    Column("severity", t("col.severity"), no_wrap=True),
                    Column("check", t("col.check"), no_wrap=True),
                    Column("ref", t("col.ref")),
                    Column("message", t("col.problem")),
                    Column("advice", t("col.advice")),
                ],
            )
        if not findings:
            notice(t("check.clean"))
        if any(f.severity == "error" for f in findings):
            raise typer.Exit(1)

    @command(app, "audit", "help.audit")
    def audit_cmd(
        date_from: FromOption = None,
        date_to: ToOption = None,
        action: Annotated[
            Optional[str], typer.Option("--action", metavar="TEXT", help=t("opt.audit_action"))
        ] = None,
        fmt: FormatOption = Format.table,
        output: OutputOption = None,
        show_pii: ShowPiiOption = False,
    ) -> None:
        from volctl import audit, dates

        entries = audit.entries(
            roster(),
            date_from=parse_day_option(date_from, "date_from"),
            date_to=parse_day_option(date_to, "date_to"),
            action=action,
            show_pii=show_pii,
        )
        if fmt is Format.table:
            rows: list[dict[str, Any]] = [
                {
                    **e,
                    "at": dates.clock(e["at"]),
                    "detail": _detail(e),
                }
                for e in entries
            ]
        else:
            rows = entries
        if not rows and fmt is Format.table:
            warn(t("audit.empty"))
            return
        emit(
            rows,
            fmt,
            output=output,
            columns=[
                Column("id", "#", "right", no_wrap=True),
                Column("at", t("col.when"), no_wrap=True),
                Column("operator", t("col.operator"), no_wrap=True),
                Column("command", t("col.command")),
                Column("action", t("col.action"), no_wrap=True),
                Column("detail", t("col.detail")),
            ],
        )

"""Keeping the roster safe: backup, restore, check, audit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from volctl.cli.guard import command
from volctl.cli.messages import confirm, notice, warn
from volctl.cli.options import (
    FormatOption,
    FromOption,
    OutputOption,
    ShowPiiOption,
    ToOption,
    parse_day_option,
)
from volctl.cli.output import emit
from volctl.cli.state import close_connections, location, roster
from volctl.i18n import t
from volctl.render import Column, Format

BackupFile = Annotated[
    Optional[Path], typer.Argument(metavar="FILE", help=t("arg.backup_file"), show_default=False)
]
PassphraseFile = Annotated[
    Optional[Path],
    typer.Option("--passphrase-file", metavar="FILE", help=t("opt.passphrase_file")),
]


def _passphrase(file: Path | None, *, twice: bool) -> str:
    """The passphrase from ``--passphrase-file``, else asked at the terminal (twice for a new
    backup); no terminal and no file: refused, naming the option."""
    import sys

    from volctl import keys
    from volctl.errors import InvalidInput, Where

    if file is not None:
        passphrase, loose = keys.read_passphrase_file(file)
        if loose:
            warn(t("backup.passphrase_file_loose", path=str(file)))
        return passphrase
    if not sys.stdin.isatty():
        raise InvalidInput(
            "backup.passphrase_needed",
            hint="hint.passphrase_file",
            where=Where(field="passphrase"),
        )

    def ask(key: str) -> str:
        text: str = typer.prompt(t(key), hide_input=True, err=True)
        return text

    for _attempt in range(3):
        text = ask("backup.passphrase_prompt")
        if not twice:
            return text
        if len(text) < keys.MIN_PASSPHRASE:
            warn(t("backup.passphrase_short", limit=keys.MIN_PASSPHRASE))
        elif ask("backup.passphrase_again") != text:
            warn(t("backup.passphrase_mismatch"))
        else:
            return text
    raise InvalidInput("backup.passphrase_not_set", where=Where(field="passphrase"))


# Keys of audit details that hold a row's internal id -> (table, the column the clerk knows it
# by, a second column shown beside it).
_REFERENCES = {
    "team_id": ("teams", "name", None),
    "parent_id": ("teams", "name", None),
    "volunteer_id": ("volunteers", "volunteer_no", "name"),
    "leader_id": ("volunteers", "volunteer_no", "name"),
    "contact_id": ("volunteers", "volunteer_no", "name"),
    "activity_id": ("activities", "activity_no", "title"),
    "recipient_id": ("recipients", "recipient_no", "name"),
    "training_id": ("trainings", "training_no", "title"),
}


def _referrer(conn: Any) -> Any:
    """A function naming a row by what the clerk knows it by (volunteer number and name, team
    name…) instead of its internal id; ids looked up once each."""
    import functools

    @functools.cache
    def name(key: str, value: int) -> str:
        table, column, extra = _REFERENCES[key]
        shown = f"{column}, {extra}" if extra else column
        try:
            row = conn.execute(f"SELECT {shown} FROM {table} WHERE id = ?", (value,)).fetchone()
        except Exception:  # a table an older roster does not have
            row = None
        if row is None:
            return t("audit.removed_row")
        return " ".join(str(part) for part in row if part is not None)

    def readable(detail: Any) -> Any:
        if isinstance(detail, dict):
            return {
                k: (
                    name(k, v)
                    if k in _REFERENCES and isinstance(v, int) and not isinstance(v, bool)
                    else readable(v)
                )
                for k, v in detail.items()
            }
        if isinstance(detail, list):
            return [readable(v) for v in detail]
        return detail

    return readable


def _detail(entry: dict[str, Any], readable: Any = None) -> str:
    """An audit entry's detail as the clerk reads it: each entity's fields by their labels
    (a team's, a setting's, a batch's), rows named as the clerk knows them (never by internal
    id), the time stamps left out (the entry has its own), an empty value shown as such."""
    from volctl import audit
    from volctl.i18n import catalogue, field_label

    entity = entry["entity"]
    empty = t("audit.empty_value")
    detail = readable(entry["detail"]) if readable is not None else entry["detail"]
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


def _describe_backup(held: dict[str, Any]) -> None:
    """What a backup holds, said before the clerk is asked to restore it."""
    from volctl import dates

    notice(
        t(
            "restore.holds",
            path=held["path"],
            org=held["org"] or t("restore.no_org"),
            last_change=dates.clock(held["last_change"]) if held["last_change"] else "-",
            **{k: held[k] for k in ("volunteers", "teams", "activities", "records")},
        )
    )


def attach(app: typer.Typer) -> None:
    """Register backup, restore, check and audit on the root app."""

    @command(app, "backup", "help.backup")
    def backup_cmd(
        file: BackupFile = None,
        encrypt: Annotated[bool, typer.Option("--encrypt", help=t("opt.backup_encrypt"))] = False,
        passphrase_file: PassphraseFile = None,
    ) -> None:
        from volctl import keys, maintenance

        conn = roster()
        encrypt = encrypt or passphrase_file is not None
        dest = maintenance.backup_target(location().path, file)
        if encrypt and dest != file:  # a name volctl chose: say what the file is
            dest = dest.with_name(dest.name + ".age")
        passphrase = None
        if encrypt:
            passphrase = keys.check_passphrase(_passphrase(passphrase_file, twice=True))
        result = maintenance.backup(conn, dest, passphrase=passphrase)
        notice(t("backup.done", path=result["path"], volunteers=result["volunteers"]))
        if result["encrypted"]:
            notice(t("backup.encrypted_done"))
        elif result["removable"]:
            warn(t("backup.removable_unencrypted"))

    @command(app, "restore", "help.restore")
    def restore_cmd(
        file: Annotated[Path, typer.Argument(metavar="FILE", help=t("arg.restore_file"))],
        yes: Annotated[bool, typer.Option("--yes", "-y", help=t("opt.restore_yes"))] = False,
        passphrase_file: PassphraseFile = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        from volctl import keys, maintenance

        passphrase = None
        if keys.file_is_encrypted(file):
            passphrase = _passphrase(passphrase_file, twice=False)
        source = maintenance.check_backup(file, passphrase=passphrase)
        try:
            target = location().path
            _describe_backup(maintenance.describe_backup(source, file))
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
        elif rows or fmt is Format.csv or output is not None:
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

        conn = roster()
        readable = _referrer(conn)
        entries = audit.entries(
            conn,
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
                    "detail": _detail(e, readable),
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

"""volctl keys: this roster's keys, and the keys of the offices it exchanges bundles with."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from volctl.cli.classes import group
from volctl.cli.guard import command
from volctl.cli.messages import notice, warn
from volctl.cli.options import FormatOption, OutputOption
from volctl.cli.output import emit, writing_stdout
from volctl.cli.state import roster
from volctl.dates import clock
from volctl.i18n import t
from volctl.render import Column, Format

app = group("keys", "help.keys")

Name = Annotated[str, typer.Argument(metavar="NAME", help=t("arg.keys_name"))]


def _print_key(line: str) -> None:
    """The public key alone on stdout: one line to copy, or to send with ``> FILE``."""
    with writing_stdout():
        sys.stdout.write(line + "\n")


def _org(conn: Any) -> str:
    from volctl import settings

    return str(settings.get(conn, "org_name") or t("keys.your_office"))


@command(app, "init", "help.keys.init")
def init_cmd(
    rotate: Annotated[bool, typer.Option("--rotate", help=t("opt.keys_rotate"))] = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl import keys

    conn = roster()
    made = keys.init(conn, rotate=rotate)
    if fmt is not Format.table:
        emit(made, fmt)
    else:
        _print_key(made["public_key"])
    notice(t("keys.made", folder=made["folder"], fingerprint=made["fingerprint"]))
    if rotate:
        org = _org(conn)
        notice(t("keys.rotated_tell_senders_up", org=org, fingerprint=made["fingerprint"]))
        notice(t("keys.rotated_tell_senders_down", org=org))
        if made["replaced_fingerprint"] and not made["old_key_kept"]:
            warn(t("keys.rotated_old_lost"))
    else:
        notice(t("keys.made_next"))


@command(app, "show", "help.keys.show")
def show_cmd(
    qr: Annotated[bool, typer.Option("--qr", help=t("opt.keys_qr"))] = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl import keys

    shown = keys.show(roster())
    if fmt is not Format.table:
        emit(shown, fmt)
        return
    _print_key(shown["public_key"])
    if qr:
        import segno

        with writing_stdout():
            segno.make(shown["public_key"], error="l").terminal(
                out=sys.stdout, compact=True, border=2
            )
    notice(t("keys.show_fingerprint", fingerprint=shown["fingerprint"]))
    notice(t("keys.show_next"))


@command(app, "trust", "help.keys.trust")
def trust_cmd(
    name: Name,
    public_key: Annotated[str, typer.Argument(metavar="PUBLIC-KEY", help=t("arg.keys_public"))],
    replace: Annotated[bool, typer.Option("--replace", help=t("opt.keys_replace"))] = False,
    fmt: FormatOption = Format.table,
) -> None:
    from volctl import keys

    done = keys.trust(roster(), name, keys.read_key_argument(public_key), replace=replace)
    if fmt is not Format.table:
        emit(done, fmt)
        return
    if done["outcome"] == "unchanged":
        notice(t("keys.trust_unchanged", name=done["name"], fingerprint=done["fingerprint"]))
        return
    if done["replaced"]:
        notice(
            t(
                "keys.trust_replaced",
                name=done["name"],
                fingerprint=done["fingerprint"],
                old=done["replaced"],
            )
        )
    else:
        notice(t("keys.trusted", name=done["name"], fingerprint=done["fingerprint"]))
    notice(t("keys.compare_fingerprint", name=done["name"]))


@command(app, "list", "help.keys.list")
def list_cmd(fmt: FormatOption = Format.table, output: OutputOption = None) -> None:
    from volctl import keys

    listed = keys.listing(roster())
    own = listed["own"]
    if fmt is Format.json:
        emit(listed, fmt, output=output)
        return
    rows: list[dict[str, Any]] = []
    if "missing" not in own:
        rows.append(
            {
                "name": t("keys.this_roster"),
                "fingerprint": own["fingerprint"],
                "status": "own",
                "since": own["created_at"],
                "ended_at": None,
                "public_key": own["public_key"],
            }
        )
    for row in listed["trusted"]:
        rows.append(
            {
                "name": row["name"],
                "fingerprint": row["fingerprint"],
                "status": row["status"],
                "since": row["trusted_at"],
                "ended_at": row["ended_at"],
                "public_key": row["public_key"],
            }
        )
    if fmt is Format.table:
        for row in rows:
            row["status"] = t(f"keys.status_{row['status']}")
            row["since"] = clock(row["since"]) if row["since"] else ""
            row["ended_at"] = clock(row["ended_at"]) if row["ended_at"] else ""
    if "missing" in own:
        warn(t(own["missing"], folder=own["folder"]))
    emit(
        rows,
        fmt,
        output=output,
        columns=[
            Column("name", t("keys.col_name")),
            Column("fingerprint", t("keys.col_fingerprint"), no_wrap=True),
            Column("status", t("keys.col_status"), no_wrap=True),
            Column("since", t("keys.col_since"), no_wrap=True),
            Column("ended_at", t("keys.col_ended"), no_wrap=True),
        ],
    )


@command(app, "revoke", "help.keys.revoke")
def revoke_cmd(name: Name, fmt: FormatOption = Format.table) -> None:
    from volctl import keys

    done = keys.revoke(roster(), name)
    if fmt is not Format.table:
        emit(done, fmt)
        return
    notice(t("keys.revoked", name=done["name"], fingerprint=done["fingerprint"]))

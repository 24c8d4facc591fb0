"""Commands about the roster file itself: init, info, settings, demo."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from volctl.cli.guard import command
from volctl.cli.messages import notice
from volctl.cli.options import FormatOption
from volctl.cli.output import emit
from volctl.cli.state import location, roster
from volctl.i18n import t
from volctl.render import Column, Format


def attach(app: typer.Typer) -> None:
    """Register the top-level commands of this module on the root app."""

    @command(app, "init", "help.init")
    def init(
        org: Annotated[str | None, typer.Option("--org", metavar="NAME", help=t("opt.org"))] = None,
        region: Annotated[
            str | None, typer.Option("--region", metavar="CODE", help=t("opt.region"))
        ] = None,
        prefix: Annotated[
            str | None, typer.Option("--prefix", metavar="PREFIX", help=t("opt.prefix"))
        ] = None,
    ) -> None:
        from volctl import settings
        from volctl.db import transaction
        from volctl.rosterfile import inspect_file

        where = location()
        before = inspect_file(where.path)
        conn = roster(create=True)
        wanted = {"org_name": org, "region_code": region, "volunteer_no_prefix": prefix}
        changed = []
        with transaction(conn):
            for key, value in wanted.items():
                if value is not None and settings.get(conn, key) != value:
                    settings.set_value(conn, key, value)
                    changed.append(key)
        if before.kind in ("missing", "empty"):
            notice(t("init.created", path=str(where.path)))
            named = settings.get(conn, "org_name")
            notice(t("init.next_named" if named else "init.next"))
        elif changed:
            notice(t("init.updated", path=str(where.path), keys=", ".join(changed)))
        else:
            notice(t("init.exists", path=str(where.path)))

    @command(app, "info", "help.info")
    def info(fmt: FormatOption = Format.table) -> None:
        from volctl.roster.info import describe

        where = location()
        data = describe(where.path, where.source, open_roster=lambda state: roster(inspected=state))
        labels = {key: t(f"info.{key}") for key in _flatten_keys(data)}
        if fmt is Format.table:
            data = {
                **data,
                "source": t(f"info.source_{data['source']}"),
                "state": t(f"info.state_{data['state']}"),
            }
        emit(data, fmt, labels=labels)

    @command(app, "settings", "help.settings")
    def settings_cmd(
        key: Annotated[str | None, typer.Argument(metavar="KEY", help=t("arg.setting_key"))] = None,
        value: Annotated[
            str | None, typer.Argument(metavar="VALUE", help=t("arg.setting_value"))
        ] = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        from volctl import settings
        from volctl.db import transaction
        from volctl.errors import NotFound

        conn = roster()
        if key is not None and value is not None:
            with transaction(conn):
                stored = settings.set_value(conn, key, value)
            notice(t("settings.saved", key=key, value=stored))
            return
        values = settings.get_all(conn)
        if key is not None:
            if key not in values:
                raise NotFound("settings.unknown", key=key, keys=", ".join(values))
            values = {key: values[key]}
        rows = [{"key": k, "value": v, "meaning": t(f"setting.{k}")} for k, v in values.items()]
        if fmt is Format.json:
            emit(values, fmt)
            return
        emit(
            rows,
            fmt,
            columns=[
                Column("key", t("col.setting")),
                Column("value", t("col.value")),
                Column("meaning", t("col.meaning")),
            ],
        )

    @command(app, "demo", "help.demo")
    def demo(
        folder: Annotated[
            Path | None, typer.Option("--dir", metavar="DIR", help=t("opt.demo_dir"))
        ] = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        from volctl.cli.demo import run_demo

        run_demo(folder, fmt)


def _flatten_keys(data: dict[str, Any], prefix: str = "") -> list[str]:
    keys = []
    for key, value in data.items():
        if isinstance(value, dict):
            keys.extend(_flatten_keys(value, f"{prefix}{key}_"))
        else:
            keys.append(f"{prefix}{key}")
    return keys

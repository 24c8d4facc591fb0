"""The clerk-extendable lists (activity kinds, recipient kinds, training topics…) shown and
added to by their commands."""

from __future__ import annotations

from pathlib import Path

from volctl.cli.messages import notice
from volctl.cli.output import emit
from volctl.cli.state import roster
from volctl.i18n import t
from volctl.render import Column, Format


def show_code_list(
    name: str, add_value: str | None, fmt: Format, output: Path | None = None
) -> None:
    """List one of the clerk-extendable lists, after adding ``add_value`` to it if given."""
    from volctl.roster import code_lists

    conn = roster()
    if add_value is not None:
        if code_lists.add(conn, name, add_value):
            notice(t("code_list.added", value=add_value.strip()))
        else:
            notice(t("code_list.exists", value=add_value.strip()))
    entries = code_lists.entries(conn, name)
    if fmt is Format.table:
        for entry in entries:
            entry["builtin"] = (
                t("code_list.builtin") if entry["builtin"] else t("code_list.added_by_clerk")
            )
        emit(
            entries,
            fmt,
            columns=[Column("value", t("field.value")), Column("builtin", t("field.source"))],
            output=output,
        )
        return
    emit(entries, fmt, output=output)

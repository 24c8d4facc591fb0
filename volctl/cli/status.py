"""``volctl status`` (待办): one screen of what needs doing now, each with its command."""

from __future__ import annotations

from typing import Any

import typer

from volctl.cli.guard import command
from volctl.cli.messages import notice
from volctl.cli.options import FormatOption
from volctl.cli.output import emit, writing_stdout
from volctl.cli.state import roster
from volctl.i18n import t
from volctl.render import Column, Format

SHOWN_REFS = 6  # records named in an item's line; the rest are counted ("等")


def message(item: Any) -> str:
    """An item's line: its message with the records it is about (a sample, marked)."""
    from volctl.i18n import join_some

    refs = join_some(item.refs, SHOWN_REFS) if item.refs else ""
    return t(f"todo.{item.code}", count=item.count, refs=refs, **item.params)


def attach(app: typer.Typer) -> None:
    @command(app, "status", "help.status")
    def status_cmd(fmt: FormatOption = Format.table) -> None:
        from datetime import date

        from volctl import todo

        today = date.today()
        items = todo.run(roster(), today=today)
        rows = [{**item.as_dict(), "message": message(item)} for item in items]
        if fmt is Format.json:
            emit({"as_of": today.isoformat(), "items": rows}, fmt)
            return
        if fmt is Format.csv:
            emit(
                [{**r, "refs": ",".join(r["refs"]), "params": None} for r in rows],
                fmt,
                columns=[Column(k, k) for k in ("code", "count", "refs", "message", "command")],
            )
            return
        from volctl.i18n import spoken_date

        if not rows:
            notice(t("status.nothing", date=spoken_date(today)))
            return
        _show(rows, spoken_date(today))


def _show(rows: list[dict[str, Any]], day: str) -> None:
    """Numbered items, each wrapped to the terminal with its command below it (a command is
    never broken, so that it can be copied whole)."""
    import shutil
    import sys

    from volctl.i18n.linebreak import wrap

    width = min(shutil.get_terminal_size((80, 24)).columns, 100) - 1
    pad = " " * (len(str(len(rows))) + 2)
    lines = [t("status.title", date=day, count=len(rows))]
    for number, row in enumerate(rows, 1):
        mark = f"{number}.".rjust(len(pad) - 1) + " "
        lines.append(wrap(row["message"], width, indent=mark, hang=pad))
        lines.append(f"{pad}→ {row['command']}")
    with writing_stdout():
        sys.stdout.write("\n".join(lines) + "\n")

"""Assembles the command tree.

Command groups are loaded lazily: ``volctl --help`` lists them from ``GROUPS`` without
importing their modules, and ``volctl register …`` imports only ``volctl.cli.register``.
Building every group's options up front would cost start-up time on every command.
"""

from __future__ import annotations

import importlib
import re
from difflib import get_close_matches
from typing import Annotated, Any

import typer
import typer.main
from typer._click import exceptions as click_exceptions

from volctl import __version__
from volctl.cli import localise
from volctl.cli.common import STATE, DbOption, VolctlGroup
from volctl.i18n import LANGS, detect, set_lang, t

localise.install()

# Command group -> (module defining ``app``, help key). The order is the order of --help.
GROUPS: dict[str, tuple[str, str]] = {
    "register": ("volctl.cli.register", "help.register"),
    "team": ("volctl.cli.team", "help.team"),
    "activity": ("volctl.cli.activity", "help.activity"),
    "recipient": ("volctl.cli.recipient", "help.recipient"),
    "training": ("volctl.cli.training", "help.training"),
    "insurance": ("volctl.cli.insurance", "help.insurance"),
    "commend": ("volctl.cli.commend", "help.commend"),
    "log-hours": ("volctl.cli.hours", "help.hours"),
    "report": ("volctl.cli.report", "help.report"),
    "export": ("volctl.cli.export", "help.export"),
    "source": ("volctl.cli.source", "help.source"),
}


# The root's own commands (init, info, backup, merge, …) are registered here, not on ``app``:
# Typer would build every registered command's options on each run (~1 ms a command); the
# root builds the one that runs, and lists the others from what they registered.
TOP = typer.Typer(rich_markup_mode=None, add_completion=False, pretty_exceptions_enable=False)


def _top_command(name: str) -> Any:
    """The root command ``name`` registered on ``TOP``, built alone; None if there is none."""
    for info in TOP.registered_commands:
        if info.name == name:
            single = typer.Typer(
                rich_markup_mode=None, add_completion=False, pretty_exceptions_enable=False
            )
            single.registered_commands.append(info)
            return typer.main.get_command(single)
    return None


class RootGroup(VolctlGroup):
    """The root command: its own commands plus the lazily loaded groups."""

    def list_commands(self, ctx: Any) -> list[str]:
        top = [info.name for info in TOP.registered_commands if isinstance(info.name, str)]
        return [*super().list_commands(ctx), *top, *GROUPS]

    def get_command(self, ctx: Any, name: str) -> Any:
        if name in GROUPS:
            module = importlib.import_module(GROUPS[name][0])
            return typer.main.get_command(module.app)
        return super().get_command(ctx, name) or _top_command(name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """Typer suggests only among the commands it built: suggest among all of them."""
        try:
            return self._click_resolve_command(ctx, args)
        except click_exceptions.UsageError as exc:
            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if matches:
                suggestions = ", ".join(f"{m!r}" for m in matches)
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {suggestions}?"
            raise

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = [
            (name, _short(command.help or ""))
            for name, command in (
                (n, super(RootGroup, self).get_command(ctx, n)) for n in super().list_commands(ctx)
            )
            if command is not None and not command.hidden
        ]
        rows += [
            (info.name, _short(info.help or ""))
            for info in TOP.registered_commands
            if isinstance(info.name, str) and not info.hidden
        ]
        rows += [(name, _short(t(help_key))) for name, (_module, help_key) in GROUPS.items()]
        with formatter.section(t("click.commands")):
            formatter.write_dl(rows)


def _short(text: str) -> str:
    """The first sentence of a help text, for the list of commands."""
    first = re.split(r"(?<=。)|(?<=\.)\s", text.strip(), maxsplit=1)[0]
    return first.strip()


app = typer.Typer(
    help=t("help.app"),
    cls=RootGroup,
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"volctl {__version__}")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    if value is not None and value not in LANGS:
        raise typer.BadParameter(t("opt.lang_choices", choices=", ".join(LANGS)))
    return value


@app.callback()
def main_options(
    db: DbOption = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", metavar="zh|en", help=t("opt.lang"), callback=_lang),
    ] = None,
    operator: Annotated[
        str | None, typer.Option("--operator", metavar="NAME", help=t("opt.operator"))
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", help=t("opt.version"), callback=_version, is_eager=True),
    ] = False,
) -> None:
    import os

    STATE.db = db
    STATE.operator = operator or os.environ.get("VOLCTL_OPERATOR") or None
    set_lang(lang or detect([]))


def _attach_top_level_commands() -> None:
    from volctl.cli import merge, safety, setup

    setup.attach(TOP)
    safety.attach(TOP)
    merge.attach(TOP)


_attach_top_level_commands()

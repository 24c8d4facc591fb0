"""Assembles the command tree.

Command groups are loaded lazily: ``volctl --help`` lists them from ``GROUPS`` without
importing their modules, and ``volctl register …`` imports only ``volctl.cli.register``.
Building every group's options up front would cost start-up time on every command.
"""

from __future__ import annotations

import importlib
import re
from typing import Annotated, Any

import typer
import typer.main

from volctl import __version__
from volctl.cli import localise
from volctl.cli.common import STATE, DbOption, NoPagerOption, VolctlGroup
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
    "keys": ("volctl.cli.keys", "help.keys"),
}


class RootGroup(VolctlGroup):
    """The root command: its own commands plus the lazily loaded groups."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from volctl.cli.completion import requested

        asked = requested(args)
        if asked is not None:
            _completion(*asked)
        result: list[str] = super().parse_args(ctx, args)
        return result

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *GROUPS]

    def get_command(self, ctx: Any, name: str) -> Any:
        if name in GROUPS:
            module = importlib.import_module(GROUPS[name][0])
            return typer.main.get_command(module.app)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = [
            (name, _short(command.help or ""))
            for name, command in (
                (n, super(RootGroup, self).get_command(ctx, n)) for n in super().list_commands(ctx)
            )
            if command is not None and not command.hidden
        ]
        rows += [(name, _short(t(help_key))) for name, (_module, help_key) in GROUPS.items()]
        with formatter.section(t("click.commands")):
            formatter.write_dl(rows)


def _completion(option: str, shell: str | None) -> None:
    """``--show-completion`` / ``--install-completion [SHELL]``: done before any command."""
    from volctl.cli import completion
    from volctl.cli.common import fail
    from volctl.errors import InvalidInput

    shell = shell or completion.detect()
    if shell not in completion.SHELLS:
        raise fail(
            InvalidInput(
                "completion.shell_unknown",
                shell=shell or "?",
                shells=", ".join(completion.SHELLS),
            )
        )
    if option == "--show-completion":
        typer.echo(completion.script(shell))
    else:
        path = completion.install(shell)
        typer.echo(t("completion.installed", shell=shell, path=str(path)), err=True)
    raise typer.Exit()


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
    no_pager: NoPagerOption = False,
    # Read by RootGroup.parse_args before any command (with an optional shell); here for --help.
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            metavar="[bash|zsh|fish]",
            help=t("opt.install_completion"),
            expose_value=False,
        ),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option(
            "--show-completion",
            metavar="[bash|zsh|fish]",
            help=t("opt.show_completion"),
            expose_value=False,
        ),
    ] = False,
) -> None:
    import os

    STATE.pager = not no_pager
    STATE.db = db
    STATE.operator = operator or os.environ.get("VOLCTL_OPERATOR") or None
    set_lang(lang or detect([]))


def _attach_top_level_commands() -> None:
    from volctl.cli import merge, safety, setup, status

    setup.attach(app)
    status.attach(app)
    safety.attach(app)
    merge.attach(app)


_attach_top_level_commands()

"""The root's options as they were declared to Typer (a callback's annotated parameters), for
tests/test_startup.py to hold ``volctl.cli.app.root_params`` to what Typer makes of them.
(No ``from __future__ import annotations``: Typer evaluates these annotations.)"""

from typing import Annotated, Any

import typer

from volctl.cli.app import _lang, _version
from volctl.cli.options import DbOption, NoPagerOption
from volctl.i18n import t


def declared_root() -> tuple[typer.Typer, dict[str, Any]]:
    """An app whose callback declares the root's options, and what it was last passed."""
    scratch = typer.Typer(add_completion=False)
    passed: dict[str, Any] = {}

    @scratch.callback()
    def options(
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
        passed.update(db=db, lang=lang, operator=operator, no_pager=no_pager)

    @scratch.command()
    def run() -> None:
        pass

    return scratch, passed

"""Messages for the clerk on stderr, and the question asked before changing the roster."""

import typer

from volctl.cli.localise import say
from volctl.i18n import t


def notice(text: str) -> None:
    """A message for the clerk on stderr (never mixed into json/csv on stdout)."""
    say(text)


def warn(text: str) -> None:
    say(text, t("warning.prefix"))


def confirm(question: str, cancelled: str, *, err: bool = False) -> None:
    """Ask before changing the roster; "no" stops the command with ``cancelled`` said and
    EXIT_CANCELLED. No answer possible (no terminal, no --yes) is the guard's: exit 2."""
    if not typer.confirm(question, default=False, err=err):
        from volctl.errors import EXIT_CANCELLED

        notice(cancelled)
        raise typer.Exit(EXIT_CANCELLED)

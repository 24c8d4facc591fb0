"""The Click classes of volctl's commands and groups: help in the interface language, number
options reading plain digits only, a mistyped command answered with the nearest ones."""

import copy
from collections.abc import Sequence
from typing import Any

import typer
import typer.core

from volctl.cli import localise
from volctl.cli.options import output_params
from volctl.i18n import t


def _plain_number_type(kind: type) -> type:
    """``kind`` (Click's int or float type, with or without a range) reading only plain digits:
    Python's int()/float() behind Click also take 1_000 (1000), nan, inf and 1e3."""

    def convert(self: Any, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str):
            from volctl.text import plain_decimal, plain_whole

            plain = plain_whole if self._number_class is int else plain_decimal
            if plain(value) is None:
                self.fail(f"{value!r} is not a valid {self.name}.", param, ctx)
            value = halfwidth_strip(value)
        return kind.convert(self, value, param, ctx)

    return type(f"Plain{kind.__name__}", (kind,), {"convert": convert})


def halfwidth_strip(value: str) -> str:
    from volctl.text import halfwidth

    return halfwidth(value).strip()


_PLAIN_TYPES: dict[type, type] = {}


def plain_numbers(params: Sequence[Any]) -> None:
    """Make every integer and number option of a command read plain digits only."""
    from typer._click import types

    if not _PLAIN_TYPES:
        for kind in (types.IntParamType, types.IntRange, types.FloatParamType, types.FloatRange):
            _PLAIN_TYPES[kind] = _plain_number_type(kind)
    for param in params:
        plain = _PLAIN_TYPES.get(type(param.type))
        if plain is not None:
            replaced = copy.copy(param.type)
            replaced.__class__ = plain
            param.type = replaced


class LocalHelp:
    """The help page of a command or group in the interface language: usage line, section
    titles, argument names, "required" said once, and the command's examples
    (``volctl.i18n.examples``); see ``cli.localise``."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        localise.usage_line(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        localise.write_params(self, ctx, formatter)
        commands = getattr(self, "format_commands", None)
        if commands is not None:
            commands(ctx, formatter)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        localise.write_examples(ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("click.help_option")
        return option


class VolctlCommand(LocalHelp, typer.core.TyperCommand):
    """A command whose help follows the interface language (``LocalHelp``), and whose number
    options take plain digits only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.extend(output_params(self.callback))
        plain_numbers(self.params)
        for param in self.params:
            if type(param) is typer.core.TyperArgument:
                param.__class__ = localise.LocalArgument


# Commands that change or replace what is on record: a typo is never steered to one of them
# ("volctl regster" must not suggest "restore").
NEVER_SUGGESTED = frozenset(
    {"restore", "merge", "undo-import", "deactivate", "dissolve", "cancel", "void", "withdraw"}
    | {"unserve", "revoke", "amend"}
)


class VolctlGroup(LocalHelp, typer.core.TyperGroup):
    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """Click's resolution; an unknown command suggests the nearest of this group's
        commands (the lazily loaded groups too), never one that changes what is on record."""
        from typer._click.exceptions import UsageError

        try:
            return self._click_resolve_command(ctx, args)
        except UsageError as error:
            if args:
                from difflib import get_close_matches

                names = [n for n in self.list_commands(ctx) if n not in NEVER_SUGGESTED]
                matches = get_close_matches(args[0], names)
                if matches:
                    message = error.message.rstrip(".")
                    error.message = f"{message}. Did you mean {', '.join(map(repr, matches))}?"
            raise


def group(name: str, help_key: str) -> typer.Typer:
    """A command group (``volctl register …``) with translated help."""
    return typer.Typer(
        name=name,
        help=t(help_key),
        cls=VolctlGroup,
        no_args_is_help=True,
        rich_markup_mode=None,
        add_completion=False,
    )

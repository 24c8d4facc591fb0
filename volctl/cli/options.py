"""The options commands share (``DbOption``, ``FormatOption``, ``OutputOption``…), how their
values are read, and the options the output layer gives a command (``output_options``)."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from volctl.cli.state import STATE
from volctl.i18n import t


def check_output(value: Path | None) -> Path | None:
    """Refuse an output file whose folder is missing before the command writes anything."""
    if value is not None:
        if value.is_dir():
            raise typer.BadParameter(t("output.is_folder", path=str(value)))
        if not value.parent.is_dir():
            raise typer.BadParameter(t("output.no_folder", folder=str(value.parent)))
    return value


if TYPE_CHECKING:
    from volctl.render import Format

    DbOption = Annotated[
        Path | None,
        typer.Option("--db", metavar="PATH", help=t("opt.db"), show_default=False),
    ]
    FormatOption = Annotated[Format, typer.Option("--format", help=t("opt.format_file"))]
    OutputOption = Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", callback=check_output, metavar="FILE", help=t("opt.output_rows")
        ),
    ]
    NoPagerOption = Annotated[bool, typer.Option("--no-pager", help=t("opt.no_pager"))]
    ShowPiiOption = Annotated[bool, typer.Option("--show-pii", help=t("opt.show_pii"))]
    ForceOption = Annotated[bool, typer.Option("--force", help=t("opt.force"))]
    FromOption = Annotated[
        str | None, typer.Option("--from", metavar="DATE", help=t("opt.from"), show_default=False)
    ]
    ToOption = Annotated[
        str | None, typer.Option("--to", metavar="DATE", help=t("opt.to"), show_default=False)
    ]
    NoInputOption = Annotated[bool, typer.Option("--no-input", help=t("opt.no_input"))]


def _format_option() -> Any:
    from volctl.render import Format

    return Annotated[Format, typer.Option("--format", help=t("opt.format_file"))]


# The shared options, each made when a command module first imports it (the module's
# ``__getattr__``), as declared above for the type checker: ``volctl --help`` uses none, and
# making them all cost it ~1 ms; ``--format``'s type, ``render.Format``, needs the render
# package. DbOption: ``--db`` (the root's is made in ``cli.app``). --force replaces an
# existing output file: a sheet handed out to be filled in (sign-up, sign-in) and a bundle are
# never written over without it. --from/--to: a period, both ends inclusive; parse with
# parse_day_option(value, "date_from"/"date_to").
_OPTIONS: dict[str, Callable[[], Any]] = {
    "DbOption": lambda: Annotated[
        Path | None,
        typer.Option("--db", metavar="PATH", help=t("opt.db"), show_default=False),
    ],
    "FormatOption": _format_option,
    "OutputOption": lambda: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", callback=check_output, metavar="FILE", help=t("opt.output_rows")
        ),
    ],
    "NoPagerOption": lambda: Annotated[bool, typer.Option("--no-pager", help=t("opt.no_pager"))],
    "ShowPiiOption": lambda: Annotated[bool, typer.Option("--show-pii", help=t("opt.show_pii"))],
    "ForceOption": lambda: Annotated[bool, typer.Option("--force", help=t("opt.force"))],
    "FromOption": lambda: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help=t("opt.from"), show_default=False)
    ],
    "ToOption": lambda: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help=t("opt.to"), show_default=False)
    ],
    # --no-input: the guided commands (add) ask nothing; the guide (``cli.guided``) is
    # imported only when one of them runs.
    "NoInputOption": lambda: Annotated[bool, typer.Option("--no-input", help=t("opt.no_input"))],
}


def __getattr__(name: str) -> Any:
    """A shared option (``_OPTIONS``), made when a command module first imports it."""
    make = _OPTIONS.get(name)
    if make is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    option = globals()[name] = make()
    return option


def year_option(year: int | None, *, ahead: int = 0) -> int | None:
    """A --year option, checked the same way by every command that takes one (1990 to this
    year, or ``ahead`` years later); ``None`` stays ``None`` (the command's default)."""
    if year is None:
        return None
    from volctl.dates import check_year

    return check_year(year, date.today(), ahead=ahead)


def choices(kind: str) -> str:
    """An option's placeholder naming its choices in the interface language
    (leader|deputy|member, 队长|副队长|队员): ``volctl.values``."""
    from volctl import values

    return values.placeholder(kind)


def parse_choice(kind: str, raw: str, key: str, field: str) -> str:
    """An option's choice given by any of its names (held, 已举办), as stored; else refused
    with ``key`` naming the choices."""
    from volctl import values
    from volctl.errors import InvalidInput, Where

    found = values.parse(kind, raw, key, where=Where(field=field))
    if found is None:
        raise InvalidInput(key, where=Where(field=field), value=raw, choices=values.choices(kind))
    return found


def parse_day_option(value: str | None, field: str) -> date | None:
    """A date option (--on, --registered-on): full dates in any of the accepted spellings."""
    if value is None:
        return None
    from volctl.dates import parse_day
    from volctl.errors import Where

    return parse_day(value, where=Where(field=field))


# Commands that list rows take --limit N (besides every "… list").
LISTS = frozenset({"list", "audit", "register imports"})


def output_options(guarded: Any, fn: Callable[..., Any], *, listing: bool) -> None:
    """Mark what the output layer gives a command, rather than every command spelling it out: a
    command with ``fmt: FormatOption`` prints a table (``--no-pager``); with ``output:
    OutputOption`` too it prints rows, which -o writes in the format its suffix names; a list
    takes ``--limit N``. ``VolctlCommand`` adds the options when the command is built (only
    for the group run), and the guard takes them out before the command runs."""

    def named(param: str, name: str) -> bool:
        # The annotation's name (a module with ``from __future__ import annotations``), or
        # the option itself (FormatOption exists once a module has imported it).
        annotation = fn.__annotations__.get(param)
        return annotation == name or (name in globals() and annotation is globals()[name])

    if named("fmt", "FormatOption"):
        guarded.prints_table = True
        guarded.lists_rows = listing
        guarded.writes_rows = named("output", "OutputOption")


def output_params(callback: Any) -> list[Any]:
    """The click options ``output_options`` marked ``callback`` for."""
    if not getattr(callback, "prints_table", False):
        return []
    from typer._click.types import IntRange
    from typer.core import TyperOption

    params = [
        TyperOption(
            param_decls=["--no-pager", "no_pager"],
            is_flag=True,
            default=False,
            help=t("opt.no_pager"),
        ),
        TyperOption(
            param_decls=["--header", "header"],
            default="labels",
            metavar=choices("header"),
            help=t("opt.header"),
            show_default=False,
        ),
    ]
    if getattr(callback, "lists_rows", False):
        params.append(
            TyperOption(
                param_decls=["--limit", "limit"],
                type=IntRange(min=1),
                default=None,
                metavar="N",
                help=t("opt.limit"),
            )
        )
    return params


def prepare_output(kwargs: dict[str, Any], *, rows: bool) -> None:
    """Take the output layer's options out of a command's arguments and resolve the format it
    writes (refused before the command runs when -o and --format disagree). The command sees
    the shape of its result (``render.formats.SHAPE``); ``emit`` writes the format chosen."""
    from volctl.render import Format
    from volctl.render.formats import SHAPE, choose

    STATE.limit = kwargs.pop("limit", None)
    if kwargs.pop("no_pager", False):
        STATE.pager = False
    header = kwargs.pop("header", None)
    # "labels", the default, is read as typed (tests/test_startup.py): parsing it imports the
    # value tables and the text module, for every command that prints a table.
    if header is not None and header != "labels":
        STATE.header = parse_choice("header", header, "output.header_unknown", "header")
    fmt = kwargs.get("fmt")
    if isinstance(fmt, Format):
        STATE.target = choose(fmt, kwargs.get("output") if rows else None)
        kwargs["fmt"] = SHAPE[STATE.target]

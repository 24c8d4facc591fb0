"""What every command module shares: options, the error guard, output and the roster.

Commands stay thin: parse, call the domain, ``emit`` the result. ``command()`` registers a
function under a group with translated help and wraps it so that any error becomes one
clear message on stderr with its exit code; no traceback reaches the clerk.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import os
import re
import sqlite3
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import typer.core

from volctl.cli import localise
from volctl.cli.localise import say
from volctl.errors import (
    EXIT_CANCELLED,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_NEEDS_CONFIRMATION,
    InvalidInput,
    RosterError,
    VolctlError,
    file_error,
    os_reason,
)
from volctl.i18n import t
from volctl.render import Column, Format

F = TypeVar("F", bound=Callable[..., Any])


# ----------------------------------------------------------------------------- Typer classes


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
        self.params.extend(_output_params(self.callback))
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


# ----------------------------------------------------------------------------- state


class State:
    """Global options, set by the app callback for each invocation. (A plain class: a
    dataclass is compiled at import, on every command.)"""

    def __init__(self) -> None:
        self.db: Path | None = None
        self.operator: str | None = None
        self.connections: list[sqlite3.Connection] = []
        # The output of the command running: the format written (``--format`` or the suffix
        # of ``-o``), ``--limit``, and whether a long table may go through a pager.
        self.target: Format | None = None
        self.limit: int | None = None
        self.pager: bool = True
        # CSV and xlsx headers: "labels" (the interface language, values named in it, for a
        # person) or "keys" (the JSON keys and stored values, for a script): --header.
        self.header: str = "labels"


STATE = State()


def default_dir() -> Path:
    return Path(typer.get_app_dir("volctl"))


def location() -> Any:
    from volctl.db import locate

    return locate(STATE.db, default_dir())


def roster(*, create: bool = False) -> sqlite3.Connection:
    """Open the roster chosen by --db / $VOLCTL_DB / the default, migrated, for this command."""
    from volctl import db

    where = location()
    if create and where.source == "default":
        where.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    db.set_wait_hook(lambda: notice(t("roster.waiting")))
    conn = db.open_roster(
        where.path, create=create, notify=lambda key, params: notice(t(key, **params))
    )
    STATE.connections.append(conn)
    return conn


def close_connections() -> None:
    """Close what this command opened (a real process exits anyway; tests run many commands)."""
    while STATE.connections:
        STATE.connections.pop().close()


# ----------------------------------------------------------------------------- options

DbOption = Annotated[
    Path | None,
    typer.Option("--db", metavar="PATH", help=t("opt.db"), show_default=False),
]
FormatOption = Annotated[Format, typer.Option("--format", help=t("opt.format_file"))]


def check_output(value: Path | None) -> Path | None:
    """Refuse an output file whose folder is missing before the command writes anything."""
    if value is not None:
        if value.is_dir():
            raise typer.BadParameter(t("output.is_folder", path=str(value)))
        if not value.parent.is_dir():
            raise typer.BadParameter(t("output.no_folder", folder=str(value.parent)))
    return value


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", callback=check_output, metavar="FILE", help=t("opt.output_rows")
    ),
]
NoPagerOption = Annotated[bool, typer.Option("--no-pager", help=t("opt.no_pager"))]
ShowPiiOption = Annotated[bool, typer.Option("--show-pii", help=t("opt.show_pii"))]
# Replace an existing output file: a sheet handed out to be filled in (sign-up, sign-in) and a
# bundle are never written over without it.
ForceOption = Annotated[bool, typer.Option("--force", help=t("opt.force"))]
# A period, both ends inclusive; parse with parse_day_option(value, "date_from"/"date_to").
FromOption = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help=t("opt.from"), show_default=False)
]
ToOption = Annotated[
    str | None, typer.Option("--to", metavar="DATE", help=t("opt.to"), show_default=False)
]


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
    from volctl.errors import Where

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


# ----------------------------------------------------------------------------- output


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _plain_console() -> dict[str, Any] | None:
    """The width of the console ``_console()`` prints on and whether it shows bold, worked out
    as rich does; None where that is not certain (rich then lays the output out itself)."""
    environ = os.environ
    if os.name == "nt" or "FORCE_COLOR" in environ or "TTY_COMPATIBLE" in environ:
        return None
    try:
        terminal = sys.stdout.isatty()
    except (AttributeError, ValueError):
        return None
    if terminal and environ.get("TERM", "").strip().lower() in ("dumb", "unknown"):
        return None
    width = None
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = environ.get("COLUMNS", "")
    if columns.isdigit():
        width = int(columns)
    return {"width": width or 80, "bold": terminal}


def notice(text: str) -> None:
    """A message for the clerk on stderr (never mixed into json/csv on stdout)."""
    say(text)


def warn(text: str) -> None:
    say(text, t("warning.prefix"))


def emit(
    data: Any,
    fmt: Format,
    *,
    columns: Sequence[Column] = (),
    labels: dict[str, str] | None = None,
    title: str | None = None,
    caption: str | None = None,
    output: Path | None = None,
    nested: dict[str, Sequence[str]] | None = None,
    keys: Sequence[str] | None = None,
) -> None:
    """Render a result (a list of rows or one record) in the chosen format, to stdout or a file.
    ``nested``: fields that are records (or empty), so CSV columns never depend on the data;
    ``keys``: the CSV and xlsx columns, when not every key of the rows."""
    from volctl import render

    target = output_format(fmt, output)
    if isinstance(data, list):
        data = limited(data)
    if target in DATA_FORMATS:
        if target is not Format.json and not isinstance(data, list):
            data = [data]
        if not data and keys is None and target is not Format.json:
            keys = [column.key for column in columns if column.key] or None
        headers = {column.key: column.header for column in columns}
        write_data(
            data, target, output, keys=keys, nested=nested, labels={**headers, **(labels or {})}
        )
        return
    data = named(data)
    if isinstance(data, list):
        if not data:
            if output is None:
                notice(t("output.empty"))
                return
            from rich.text import Text

            part: Any = Text(t("output.empty"))  # the file asked for says so
        else:
            part = render.table(data, columns, title=title, caption=caption)
    else:
        shape = (
            _plain_console()
            if output is None and title is None and target is Format.table
            else None
        )
        plain = render.plain_record(data, labels or {}, **shape) if shape else None
        if plain is not None:  # as rich would print it, without importing rich
            with writing_stdout():
                sys.stdout.write(plain)
            return
        part = render.record_table(data, labels or {}, title=title)
    show_view([part], output, target)


def emit_report(
    data: Any,
    rows: Any,
    view: Callable[[], Sequence[Any]],
    fmt: Format,
    output: Path | None,
) -> None:
    """A report: JSON of the whole ``data``, CSV or xlsx of its ``rows``, or the ``view`` (rich
    renderables) on the terminal or as text or Markdown. Rows may be a generator: streamed."""
    target = output_format(fmt, output)
    if target is Format.json:
        write_data(data, target, output)
    elif target in DATA_FORMATS:
        # a report's figures one a row: section, item, measure, value
        figures = {key: t(f"help.col.{key}") for key in ("section", "item", "measure", "value")}
        write_data(rows, target, output, labels=figures)
    else:
        show_view(view(), output, target)


def output_format(fmt: Format, output: Path | None) -> Format:
    """The format written: what the command's options chose (``command()`` resolved it before
    the command ran, see ``_prepare_output``), else ``fmt`` and the suffix of ``output``."""
    from volctl.render.formats import SHAPE, choose

    if STATE.target is not None and SHAPE[STATE.target] is fmt:
        return STATE.target
    return choose(fmt, output)


DATA_FORMATS = frozenset({Format.json, Format.csv, Format.xlsx})


def at_terminal(output: Path | None) -> bool:
    """Whether the table is printed at a terminal, the only place it may leave out columns to
    fit: a file, a pipe, md and txt keep every column."""
    return output is None and STATE.target in (None, Format.table) and sys.stdout.isatty()


def limited(rows: list[Any]) -> list[Any]:
    """The first ``--limit`` rows, saying so on stderr when some are left out."""
    if STATE.limit is None or len(rows) <= STATE.limit:
        return rows
    notice(t("output.limited", shown=STATE.limit, total=len(rows)))
    return rows[: STATE.limit]


def named(data: Any) -> Any:
    """Rows or a record for a person to read: values of a kind (a level, a role, a gender…)
    named in the interface language (``volctl.values``)."""
    from volctl.values import named_row

    if isinstance(data, dict):
        return named_row(data)
    if isinstance(data, list):
        return [named_row(row) if isinstance(row, dict) else row for row in data]
    return data


# Where a CSV or xlsx header's label is looked up when the command gave none: the catalogue
# prefixes of field labels, in order.
LABEL_PREFIXES = ("field", "col", "hours.col", "report.col", "intake.col", "audit.key")


def header_labels(keys: Sequence[str], labels: dict[str, str] | None = None) -> list[str]:
    """The header row in the interface language: each key's label (the command's own, else
    the catalogue's: ``LABEL_PREFIXES``), the key itself where there is none; a label given
    twice is told apart by its key."""
    from volctl.i18n import catalogue

    known = catalogue()
    found: list[str] = []
    for key in keys:
        label = (labels or {}).get(key)
        if not label:
            key_label = next((f"{p}.{key}" for p in LABEL_PREFIXES if f"{p}.{key}" in known), None)
            label = t(key_label) if key_label else key
        found.append(" ".join(label.split()))
    seen: dict[str, int] = {}
    for label in found:
        seen[label] = seen.get(label, 0) + 1
    return [
        t("list.aside", text=label, note=key) if seen[label] > 1 else label
        for key, label in zip(keys, found, strict=True)
    ]


def _named_values(keys: Sequence[str], rows: Any) -> Any:
    """Each row's values of a kind named in the interface language (``volctl.values``)."""
    from volctl import values

    kinds = [
        (i, values.FIELD_KINDS[key]) for i, key in enumerate(keys) if key in values.FIELD_KINDS
    ]
    if not kinds:
        return rows

    def each() -> Any:
        for row in rows:
            shown = list(row)
            for index, kind in kinds:
                if isinstance(shown[index], str):
                    shown[index] = values.name(kind, shown[index])
            yield shown

    return each()


def write_data(
    data: Any,
    target: Format,
    output: Path | None,
    *,
    keys: Sequence[str] | None = None,
    nested: dict[str, Sequence[str]] | None = None,
    labels: dict[str, str] | None = None,
) -> None:
    """JSON of ``data``, or CSV or xlsx of its rows, streamed to stdout or written to a file
    whole or not at all (readable by its owner only: a list names people). CSV and xlsx
    headers are labels in the interface language, with values named in it (``labels``: the
    command's own), or with ``--header keys`` the JSON keys and the values as stored."""
    from volctl import files
    from volctl.render import rows as writers

    if target is Format.json:
        if output is None:
            with writing_stdout():
                writers.write_json(data, sys.stdout)
            return
        with files.open_text(output, encoding="utf-8") as out:
            writers.write_json(data, out)
    else:
        found, values = writers.records(data, keys, nested)
        headers = None
        if STATE.header == "labels":
            headers = header_labels(found, labels)
            values = _named_values(found, values)
        if output is None:
            if target is Format.xlsx:
                raise InvalidInput("output.xlsx_needs_file")
            with writing_stdout():
                writers.write_csv(found, values, sys.stdout, headers=headers)
            return
        if target is Format.xlsx:
            with files.open_binary(output) as handle:
                writers.write_xlsx(found, values, handle, sheet=output.stem, headers=headers)
        else:
            with files.open_text(output, encoding="utf-8-sig") as out:
                writers.write_csv(found, values, out, headers=headers)
    notice(t("output.written", path=str(output)))


def show_view(parts: Sequence[Any], output: Path | None, target: Format = Format.table) -> None:
    """Renderables as a person reads them: on the terminal (through a pager when longer than
    the screen), or as text (.txt, every column at its natural width) or Markdown (.md)."""
    from volctl.render import text as views

    if target is Format.md:
        text = views.to_markdown(parts)
    elif target is Format.txt or output is not None:
        text = views.to_text(parts)
    else:
        print_view(parts)
        return
    if output is None:
        with writing_stdout():
            sys.stdout.write(text)
        return
    write_text_output(output, text)
    notice(t("output.written", path=str(output)))


def print_view(parts: Sequence[Any]) -> None:
    """Print to the terminal; a view longer than the screen goes through the pager ($VOLCTL_PAGER,
    else $PAGER, else less) as git does: only at a terminal and unless --no-pager."""
    console = _console()
    if STATE.pager and console.is_terminal and sys.stdout.isatty():
        from volctl.render import pager

        program = pager.program()
        if program is not None:
            with console.capture() as captured:
                for part in parts:
                    console.print(part)
            text = captured.get()
            if text.count("\n") < console.height or not pager.page(text, program):
                with writing_stdout():
                    sys.stdout.write(text)
            return
    with writing_stdout():
        for part in parts:
            console.print(part)


@contextlib.contextmanager
def writing_stdout() -> Iterator[None]:
    """Data for stdout that cannot be written (stdout sent to a file on a full disk): one
    message naming it, and nothing more at exit (what is left in the buffer is dropped)."""
    try:
        yield
        sys.stdout.flush()
    except OSError as exc:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if isinstance(exc, BrokenPipeError):  # `| head`: the reader has what it wanted
            return
        from volctl.errors import file_error

        raise file_error(exc, t("output.stdout")) from None


def write_text_output(path: Path, text: str) -> None:
    """Write a report file whole or not at all, readable by its owner only: a report may name
    people and their hours."""
    from volctl import files

    files.write_text(path, text, encoding=files.text_encoding(path))


def confirm(question: str, cancelled: str, *, err: bool = False) -> None:
    """Ask before changing the roster; "no" stops the command with ``cancelled`` said and
    EXIT_CANCELLED. No answer possible (no terminal, no --yes) is the guard's: exit 2."""
    if not typer.confirm(question, default=False, err=err):
        notice(cancelled)
        raise typer.Exit(EXIT_CANCELLED)


def fail(error: VolctlError) -> typer.Exit:
    say(error.message(), t("error.prefix"))
    hint = error.hint_text()
    if hint:
        say(hint, t("hint.prefix"))
    return typer.Exit(error.exit_code)


def _log_internal_error() -> Path | None:
    """Keep the traceback for the developers in a file; the clerk sees one sentence."""
    try:
        folder = default_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / "error.log"
        from volctl import files

        files.append_text(path, f"--- volctl {' '.join(sys.argv[1:2])}\n{traceback.format_exc()}")
        return path
    except OSError:
        return None


def _stored_value() -> VolctlError | None:
    """A command that stopped at a value stored in the roster that volctl refuses (left by an
    older version, or written around volctl) names that value and its record."""
    if not STATE.connections:
        return None
    from volctl.validation import described, first_stored

    found = first_stored(STATE.connections[0])
    if found is None:
        return None
    return RosterError("stored.invalid_value", hint="hint.stored_invalid_value", **described(found))


def guard(command_name: str) -> Callable[[F], F]:
    """Run a command with the audit context set and every failure turned into a message."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            from volctl import audit, db

            audit.set_context(command=f"volctl {command_name}", operator=STATE.operator)
            db.forget_saved()
            try:
                _prepare_output(kwargs, rows=getattr(wrapper, "writes_rows", False))
                return fn(*args, **kwargs)
            except typer.Exit:
                raise
            except VolctlError as exc:
                raise fail(exc) from None
            except sqlite3.Error as exc:
                from volctl.db import translate_sqlite_error

                raise fail(translate_sqlite_error(exc, location().path)) from None
            except typer.Abort:
                # Ctrl-C or Ctrl-D at a "continue?" question, or no terminal to ask on.
                if sys.stdin.isatty():
                    notice(t("interrupted.saved" if db.changes_saved() else "interrupted"))
                    raise typer.Exit(EXIT_INTERRUPTED) from None
                say(t("needs_confirmation"), t("error.prefix"))
                raise typer.Exit(EXIT_NEEDS_CONFIRMATION) from None
            except KeyboardInterrupt:
                # What is true: before the roster saved a change, nothing changed; after, it is
                # done, whatever was still to come (a file, the summary on screen).
                notice(t("interrupted.saved" if db.changes_saved() else "interrupted"))
                raise typer.Exit(EXIT_INTERRUPTED) from None
            except OverflowError:
                raise fail(InvalidInput("reason.number_too_large")) from None
            except OSError as exc:
                # A file the command did not name itself: the system's name for it, if any.
                named = exc.filename or exc.filename2
                if named is None:
                    raise fail(RosterError("os_error.unnamed", reason=os_reason(exc))) from None
                raise fail(file_error(exc, named, "os_error", error=RosterError)) from None
            except Exception:
                log = _log_internal_error()
                stored = _stored_value()
                if stored is not None:
                    raise fail(stored) from None
                say(t("internal_error", log=str(log or "-")), t("error.prefix"))
                raise typer.Exit(EXIT_INTERNAL) from None
            except BaseException as exc:
                if type(exc).__name__ != "PanicException":  # a Rust library's panic
                    raise
                log = _log_internal_error()
                say(t("internal_error", log=str(log or "-")), t("error.prefix"))
                raise typer.Exit(EXIT_INTERNAL) from None
            finally:
                STATE.target = STATE.limit = None
                STATE.header = "labels"
                close_connections()

        return wrapper  # type: ignore[return-value]

    return decorate


def command(app: typer.Typer, name: str, help_key: str) -> Callable[[F], F]:
    """Register ``fn`` as ``volctl [group] name`` with translated help and the error guard."""
    full = f"{app.info.name} {name}" if isinstance(app.info.name, str) else name

    def decorate(fn: F) -> F:
        guarded = guard(full)(fn)
        output_options(guarded, fn, listing=name in LISTS or full in LISTS)
        text = t(help_key)
        app.command(name, help=text, short_help=first_sentence(text), cls=VolctlCommand)(guarded)
        return guarded

    return decorate


# Commands that list rows take --limit N (besides every "… list").
LISTS = frozenset({"list", "audit", "register imports"})


def output_options(guarded: Any, fn: Callable[..., Any], *, listing: bool) -> None:
    """Mark what the output layer gives a command, rather than every command spelling it out: a
    command with ``fmt: FormatOption`` prints a table (``--no-pager``); with ``output:
    OutputOption`` too it prints rows, which -o writes in the format its suffix names; a list
    takes ``--limit N``. ``VolctlCommand`` adds the options when the command is built (only
    for the group run), and the guard takes them out before the command runs."""

    def named(param: str, option: Any, name: str) -> bool:
        annotation = fn.__annotations__.get(param)
        return annotation == name or annotation is option

    if named("fmt", FormatOption, "FormatOption"):
        guarded.prints_table = True
        guarded.lists_rows = listing
        guarded.writes_rows = named("output", OutputOption, "OutputOption")


def _output_params(callback: Any) -> list[Any]:
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


def _prepare_output(kwargs: dict[str, Any], *, rows: bool) -> None:
    """Take the output layer's options out of a command's arguments and resolve the format it
    writes (refused before the command runs when -o and --format disagree). The command sees
    the shape of its result (``render.formats.SHAPE``); ``emit`` writes the format chosen."""
    from volctl.render.formats import SHAPE, choose

    STATE.limit = kwargs.pop("limit", None)
    if kwargs.pop("no_pager", False):
        STATE.pager = False
    header = kwargs.pop("header", None)
    if header is not None:
        STATE.header = parse_choice("header", header, "output.header_unknown", "header")
    fmt = kwargs.get("fmt")
    if isinstance(fmt, Format):
        STATE.target = choose(fmt, kwargs.get("output") if rows else None)
        kwargs["fmt"] = SHAPE[STATE.target]


def first_sentence(text: str) -> str:
    """A command's line in its group's listing: Click cuts Chinese (no ". ") to "..."."""
    if "。" in text:
        return text.split("。", 1)[0] + "。"
    return re.split(r"(?<=\.)\s", text.strip(), maxsplit=1)[0].rstrip(".") + "."


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

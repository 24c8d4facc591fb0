"""The few texts Typer's bundled Click prints itself (usage errors, help headings), in zh and en.

Typer renders plain help here (``rich_markup_mode=None``: its rich help costs ~100 ms at
start-up). Its headings go through ``gettext`` in ``typer.core`` and its usage errors through
``UsageError.show``; both are routed to our catalogue so the whole interface follows ``--lang``.
"""

import os
import re
import sys
from typing import IO, Any

import typer
import typer.core
from typer._click import exceptions as click_exceptions
from typer._click import formatting

from volctl.i18n import get_lang, linebreak, t
from volctl.patterns import lazy_pattern

_HEADINGS = {
    "Options": "click.options",
    "Arguments": "click.arguments",
    "Commands": "click.commands",
    "required": "click.required",
    "default: {default}": "click.default",
    "env var: {var}": "click.env_var",
    "Missing command.": "click.missing_command",
    "No such command {name!r}.": "click.no_such_command",
    "Aborted!": "click.aborted",
    "(dynamic)": "click.dynamic",
}


# English patterns of Click's usage errors and their catalogue keys.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy_pattern(pattern, re.S), key)
    for pattern, key in (
        (r"^No such option: (?P<a>\S+)(?P<rest>.*)$", "click.no_such_option"),
        (r"^Missing option (?P<a>.+?)\.(?P<rest>\s.*)?$", "click.missing_option"),
        (r"^Missing argument (?P<a>.+?)\.(?P<rest>\s.*)?$", "click.missing_argument"),
        (r"^Invalid value for (?P<a>.+?): (?P<rest>.*)$", "click.invalid_value"),
        (r"^Got unexpected extra arguments? \((?P<a>.*)\)(?P<rest>)$", "click.extra_args"),
        (r"^Option (?P<a>.+?) requires an argument\.(?P<rest>\s.*)?$", "click.needs_value"),
        (r"^Option (?P<a>.+?) requires (?P<rest>.*)$", "click.needs_value"),
        (r"^No such command (?P<a>.+?)\.(?P<rest>\s.*)?$", "click.no_such_command_error"),
        (r"^Missing command\.(?P<a>)(?P<rest>.*)$", "click.missing_command"),
    )
)
_DETAILS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy_pattern(pattern), key)
    for pattern, key in (
        (r"^(?P<a>.+?) is not a valid int(eger)?( range)?\.?$", "click.not_integer"),
        (r"^(?P<a>.+?) is not in the range (?P<b>.+?)\.?$", "click.not_in_range"),
        (r"^(?P<a>.+?) is not a valid float( range)?\.?$", "click.not_number"),
        (r"^(?P<a>.+?) is not one of (?P<b>.+?)\.?$", "click.not_one_of"),
        (r"^(?P<a>.+?) is not a valid boolean\.?$", "click.not_boolean"),
        (r"^(?P<a>.+?) does not exist\.?$", "click.does_not_exist"),
        (r"^(?P<a>.+?) is a directory\.?$", "click.is_directory"),
    )
)


def _gettext(message: str) -> str:
    key = _HEADINGS.get(message)
    if key is None or get_lang() == "en":
        return message
    # Keep the str.format fields Click fills in afterwards.
    return (
        t(key)
        .replace("<default>", "{default}")
        .replace("<var>", "{var}")
        .replace("<name>", "{name!r}")
    )


# Suggestions Click and Typer add after a message ("Did you mean 'list'?").
_SUGGESTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (lazy_pattern(r"^(?P<text>.*?)\.? Did you mean (?P<a>.+)\?$", re.S), "click.did_you_mean"),
    (lazy_pattern(r"^(?P<text>.*?) ?\(Possible options: (?P<a>.+)\)$", re.S), "click.possible"),
)


def translate_usage_error(text: str) -> str:
    if get_lang() == "en":
        return text
    for pattern, key in _SUGGESTIONS:
        m = pattern.match(text)
        if m:
            return translate_usage_error(m.group("text")) + t(key, a=m.group("a"))
    for pattern, key in _ERRORS:
        m = pattern.match(text)
        if m:
            rest = (m.group("rest") or "").strip()
            if key == "click.invalid_value":
                rest = _detail(rest)
            return t(key, a=m.group("a"), rest=rest).strip()
    return text


def _detail(text: str) -> str:
    for pattern, key in _DETAILS:
        m = pattern.match(text)
        if m:
            return t(key, **m.groupdict())
    return text


def _show_usage_error(self: click_exceptions.UsageError, file: IO[Any] | None = None) -> None:

    if file is not None:  # as Click writes it
        if self.ctx is not None:
            typer.echo(self.ctx.get_usage(), file=file)
            help_name = self.ctx.help_option_names[0]
            command = f"{self.ctx.command_path} {help_name}"
            typer.echo(t("click.try_help", command=command), file=file)
        typer.echo(t("error.prefix") + translate_usage_error(self.format_message()), file=file)
        return
    if self.ctx is not None:
        typer.echo(self.ctx.get_usage(), err=True)
        help_name = self.ctx.help_option_names[0]
        say(t("click.try_help", command=f"{self.ctx.command_path} {help_name}"))
    say(translate_usage_error(self.format_message()), t("error.prefix"))


_ANSI = lazy_pattern(r"\033\[[;?0-9]*[a-zA-Z]")


def display_width(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    if "\033" in text:
        text = _ANSI.sub("", text)
    return linebreak.width(text)


_click_wrap_text = formatting.wrap_text


def _wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """Click's ``wrap_text`` with the line-breaking wrapper (``_general_wrap_text``): a text
    of one line (most in a help page) wrapped without Click's paragraph handling and wrapper
    object, which do nothing to it (held to the general way by tests/test_startup.py)."""
    if "\t" not in text and (
        not preserve_paragraphs
        or (
            text[:1]
            and not text[:1].isspace()
            and text.splitlines() == [text]
            and text.strip() != "\b"
        )
    ):
        lines = linebreak.wrap_lines(text, width, indent=initial_indent, hang=subsequent_indent)
        return "\n".join(lines)
    return _general_wrap_text(text, width, initial_indent, subsequent_indent, preserve_paragraphs)


def _general_wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """Click's ``wrap_text`` with its wrapper breaking lines by the rules of
    :mod:`volctl.i18n.linebreak` (set here, when first needed: Click's wrapper module is not
    imported for a help page whose texts are each one line)."""
    from typer._click import _textwrap

    if not getattr(_textwrap.TextWrapper, "breaks_by_linebreak", False):

        class _CJKTextWrapper(_textwrap.TextWrapper):
            """Click's wrapper, breaking lines by the rules of :mod:`volctl.i18n.linebreak`."""

            breaks_by_linebreak = True

            def wrap(self, text: str) -> list[str]:
                return linebreak.wrap_lines(
                    text, self.width, indent=self.initial_indent, hang=self.subsequent_indent
                )

        _textwrap.TextWrapper = _CJKTextWrapper  # type: ignore[misc]
    return _click_wrap_text(text, width, initial_indent, subsequent_indent, preserve_paragraphs)


# ----------------------------------------------------------------------------- help pages


def sentence_end(text: str) -> int:
    """The index just past the first "." that white space follows (``len(text)`` if none)."""
    dot = text.find(".")
    while 0 <= dot < len(text) - 1:
        if text[dot + 1].isspace():
            return dot + 1
        dot = text.find(".", dot + 1)
    return len(text)


def command_key(ctx: Any) -> str:
    """The command a context runs, as examples and argument names are keyed: "register add"
    ("" for the root), whatever the program is called."""
    path: str = ctx.command_path
    return path.split(" ", 1)[1] if " " in path else ""


def argument_name(param: Any, ctx: Any) -> str:
    """An argument's placeholder in the interface language: VOL in English, 志愿者 in Chinese;
    one command's own name for it first (``arg_name.team_add.name``), else by placeholder."""
    placeholder = param.metavar or (param.name or "").upper()
    many = placeholder.endswith("...")
    base = placeholder[:-3] if many else placeholder
    if get_lang() == "zh":
        from volctl.i18n import catalogue

        known = catalogue()
        command = command_key(ctx).replace(" ", "_").replace("-", "_")
        slug = base.lower().replace("-", "_").replace("|", "_")
        for key in (f"arg_name.{command}.{param.name}", f"arg_name.{slug}"):
            if key in known:
                base = t(key)
                break
    return base + ("..." if many or param.nargs != 1 else "")


class LocalArgument(typer.core.TyperArgument):
    """A command's argument named in the interface language (usage line, help, errors), and
    shown in the usage line as Click does: ``NAME`` when required, ``[NAME]`` when not."""

    def make_metavar(self, ctx: Any, *, usage: bool = False) -> str:
        name = argument_name(self, ctx)
        return f"[{name}]" if usage and not self.required else name

    def get_error_hint(self, ctx: Any) -> str:
        return f"'{argument_name(self, ctx)}'"


def usage_line(command: Any, ctx: Any, formatter: Any) -> None:
    """``用法：volctl register add [选项]``: the usage line in the interface language."""
    pieces = command.collect_usage_pieces(ctx)
    if get_lang() != "en":
        words = {
            "[OPTIONS]": t("click.usage_options"),
            "COMMAND [ARGS]...": t("click.usage_command"),
        }
        pieces = [words.get(piece, piece) for piece in pieces]
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("click.usage"))


def _extras(param: Any, ctx: Any) -> list[str]:
    """What Click adds after an option's help (default, range, required), one item each."""
    text = param.help
    param.help = None
    try:
        record = param.get_help_record(ctx)
    finally:
        param.help = text
    added = record[1] if record else ""
    return added[1:-1].split("; ") if added.startswith("[") and added.endswith("]") else []


def help_record(param: Any, ctx: Any) -> tuple[str, str] | None:
    """An option's or argument's line of help: its text with what Click adds after it
    (default, range) in the text's own brackets, before its full stop, and "required" said
    once: not when the text says so itself, nor for an argument (the usage line shows it)."""
    record = param.get_help_record(ctx)
    if record is None:
        return None
    name = record[0]
    text = (param.help or "").strip()
    required = t("click.required")
    extras = _extras(param, ctx)
    if required in extras:
        extras.remove(required)
        argument = param.param_type_name == "argument"
        said = required.lower() in text.lower()
        if not argument and not said:
            extras.insert(0, required)
    elif param.param_type_name == "argument" and not param.required:
        extras.insert(0, t("click.optional"))
    if not extras:
        return name, text
    added = t("click.extras", extras=t("click.extras_join").join(extras))
    for stop in ("。", "."):
        if text.endswith(stop):
            return name, text[: -len(stop)] + added + stop
    return name, (text + added).strip()


def write_params(command: Any, ctx: Any, formatter: Any) -> None:
    """The Arguments and Options sections (Typer's, with :func:`help_record`)."""
    sections: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
    for param in command.get_params(ctx):
        record = help_record(param, ctx)
        if record is not None and param.param_type_name in sections:
            sections[param.param_type_name].append(record)
    for kind, key in (("argument", "click.arguments"), ("option", "click.options")):
        if sections[kind]:
            with formatter.section(t(key)):
                formatter.write_dl(sections[kind])


def write_examples(ctx: Any, formatter: Any) -> None:
    """The Examples section: each example's purpose, then its command to copy (never
    wrapped; a long one continues on the next line after a backslash)."""
    from volctl.i18n import examples

    found = examples.for_command(command_key(ctx), get_lang())
    if not found:
        return
    with formatter.section(t("click.examples")):
        for number, (purpose, lines) in enumerate(found):
            if number:
                formatter.write("\n")
            formatter.write_text(purpose)
            for line in lines:
                formatter.write(f"{'':>{formatter.current_indent + 2}}{line}\n")


def _write_heading(self: Any, heading: str) -> None:
    self.write(f"{'':>{self.current_indent}}{t('click.heading', heading=heading)}\n")


def install() -> None:
    """Route Typer/Click's own texts through the catalogue (idempotent)."""
    if hasattr(typer.core, "_"):
        typer.core._ = _gettext  # type: ignore[attr-defined]
    click_exceptions.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    # Help pages: measure and wrap by terminal columns, so Chinese help fits the screen.
    formatting.term_len = display_width  # type: ignore[attr-defined]
    formatting.wrap_text = _wrap_text
    formatting.HelpFormatter.write_heading = _write_heading  # type: ignore[method-assign]


def say(text: str, prefix: str = "", *, indent: str = "") -> None:
    """A message on stderr. At a terminal it is wrapped to the terminal's width by the
    line-breaking rules (a number, a volunteer number or a file name is never cut by the
    terminal's edge), its lines after the first under its text, not its ``prefix``; in a
    pipe or a log each message stays one line."""
    width = _stderr_width()
    if width is None:
        typer.echo(indent + prefix + text, err=True)
        return
    from volctl.i18n.linebreak import width as measure
    from volctl.i18n.linebreak import wrap

    hang = indent + " " * measure(prefix)
    typer.echo(wrap(text, width, indent=indent + prefix, hang=hang), err=True)


def _stderr_width() -> int | None:
    """The columns of the terminal stderr is on (less one: a full line would make some
    terminals wrap an empty one), or None when stderr is not a terminal."""
    try:
        if not sys.stderr.isatty():
            return None
        columns = os.get_terminal_size(sys.stderr.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return None
    if columns < 20:  # unknown (a terminal that does not say its size) or absurd
        return None
    return columns - 1

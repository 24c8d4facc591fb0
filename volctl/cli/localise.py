"""The few texts Typer's bundled Click prints itself (usage errors, help headings), in zh and en.

Typer renders plain help here (``rich_markup_mode=None``: its rich help costs ~100 ms at
start-up). Its headings go through ``gettext`` in ``typer.core`` and its usage errors through
``UsageError.show``; both are routed to our catalogue so the whole interface follows ``--lang``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import IO, Any

import typer
import typer.core
from typer._click import _textwrap, formatting
from typer._click import exceptions as click_exceptions

from volctl.i18n import get_lang, t

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


class _Lazy:
    """A regular expression compiled when first used: compiling this module's ~20 at start-up
    cost ~4 ms on every command, and most runs need none of them."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    def match(self, text: str) -> re.Match[str] | None:
        return self._get().match(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self._get().search(text)

    def sub(self, repl: str, text: str) -> str:
        return self._get().sub(repl, text)


# English patterns of Click's usage errors and their catalogue keys.
_ERRORS: tuple[tuple[_Lazy, str], ...] = tuple(
    (_Lazy(pattern, re.S), key)
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
_DETAILS: tuple[tuple[_Lazy, str], ...] = tuple(
    (_Lazy(pattern), key)
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
_SUGGESTIONS: tuple[tuple[_Lazy, str], ...] = (
    (_Lazy(r"^(?P<text>.*?)\.? Did you mean (?P<a>.+)\?$", re.S), "click.did_you_mean"),
    (_Lazy(r"^(?P<text>.*?) ?\(Possible options: (?P<a>.+)\)$", re.S), "click.possible"),
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
    out = file or sys.stderr
    if self.ctx is not None:
        typer.echo(self.ctx.get_usage(), file=out)
        help_name = self.ctx.help_option_names[0]
        typer.echo(t("click.try_help", command=f"{self.ctx.command_path} {help_name}"), file=out)
    typer.echo(t("error.prefix") + translate_usage_error(self.format_message()), file=out)


_ANSI = _Lazy(r"\033\[[;?0-9]*[a-zA-Z]")
# Wide characters (CJK, Hangul, full-width forms) by code point: as a regular expression these
# ranges took ~15 ms to compile on every command.
_WIDE = (
    (0x1100, 0x115F),
    (0x2E80, 0xA4CF),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
)


def _has_wide(text: str) -> bool:
    return not text.isascii() and any(
        low <= code <= high for code in map(ord, text) for low, high in _WIDE
    )


def display_width(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    if "\033" in text:
        text = _ANSI.sub("", text)
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cjk_pieces(chunk: str) -> list[str]:
    """Each character from U+1100 to U+FFFF on its own, the runs of others between them whole."""
    pieces: list[str] = []
    run = ""
    for ch in chunk:
        if "\u1100" <= ch <= "\uffff":
            if run:
                pieces.append(run)
                run = ""
            pieces.append(ch)
        else:
            run += ch
    if run:
        pieces.append(run)
    return pieces


_CLOSING = set("，。、；：）」』？！》")
_OPENING = set("（「『《“([")


class _CJKTextWrapper(_textwrap.TextWrapper):
    """Click's wrapper, measuring Chinese characters as two columns and breaking between them."""

    def _split(self, text: str) -> list[str]:
        chunks = []
        for chunk in super()._split(text):
            if _has_wide(chunk):
                chunks.extend(_cjk_pieces(chunk))
            else:
                chunks.append(chunk)
        return chunks

    def _wrap_chunks(self, chunks: list[str]) -> list[str]:
        lines: list[str] = []
        chunks.reverse()
        while chunks:
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - display_width(indent)
            if self.drop_whitespace and lines and chunks[-1].strip() == "":
                del chunks[-1]
            current: list[str] = []
            used = 0
            while chunks and (
                used + display_width(chunks[-1]) <= width
                # Chinese closing punctuation never starts a line: let it hang.
                or (chunks[-1] in _CLOSING and used + display_width(chunks[-1]) <= width + 2)
            ):
                used += display_width(chunks[-1])
                current.append(chunks.pop())
            if chunks and display_width(chunks[-1]) > width:
                self._handle_long_word(chunks, current, used, width)
            # Opening punctuation never ends a line: it goes down with what it opens.
            while len(current) > 1 and current[-1] in _OPENING and chunks:
                chunks.append(current.pop())
            if self.drop_whitespace and current and current[-1].strip() == "":
                del current[-1]
            if current:
                lines.append(indent + "".join(current))
            elif chunks and not current:
                current.append(chunks.pop())  # never loop without progress
                lines.append(indent + "".join(current))
        return lines


def wrap(text: str, width: int, *, indent: str = "", hang: str = "") -> str:
    """``text`` wrapped to ``width`` terminal columns, Chinese measured as two and broken
    between characters; the first line starts with ``indent``, the others with ``hang``."""
    wrapper = _CJKTextWrapper(
        width=max(width, 20), initial_indent=indent, subsequent_indent=hang, replace_whitespace=True
    )
    return "\n".join(wrapper.wrap(text))


def install() -> None:
    """Route Typer/Click's own texts through the catalogue (idempotent)."""
    if hasattr(typer.core, "_"):
        typer.core._ = _gettext  # type: ignore[attr-defined]
    click_exceptions.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    # Help pages: measure and wrap by terminal columns, so Chinese help fits the screen.
    formatting.term_len = display_width  # type: ignore[attr-defined]
    _textwrap.TextWrapper = _CJKTextWrapper  # type: ignore[misc]

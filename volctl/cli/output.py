"""The output layer of a command: its result emitted as a table, a record, JSON, CSV, xlsx,
text or Markdown, to stdout (through a pager at a terminal) or to a file."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from volctl.cli.messages import notice
from volctl.cli.state import STATE
from volctl.errors import InvalidInput
from volctl.i18n import t
from volctl.render import Column, Format


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _plain_console() -> dict[str, Any] | None:
    """The width and height of the console ``_console()`` prints on and whether it is a
    terminal (showing bold), worked out as rich does; None where that is not certain (rich
    then lays the output out itself)."""
    environ = os.environ
    if os.name == "nt" or "FORCE_COLOR" in environ or "TTY_COMPATIBLE" in environ:
        return None
    try:
        terminal = sys.stdout.isatty()
        encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower()
    except (AttributeError, ValueError):
        return None
    if not encoding.startswith("utf"):
        return None  # rich draws boxes in ASCII
    if terminal and environ.get("TERM", "").strip().lower() in ("dumb", "unknown"):
        return None
    width = height = None
    for fd in (0, 1, 2):
        try:
            width, height = os.get_terminal_size(fd)
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = environ.get("COLUMNS", "")
    if columns.isdigit():
        width = int(columns)
        if not width:
            return None  # rich takes it at its word
    lines = environ.get("LINES", "")
    return {
        "width": width or 80,
        "height": int(lines) if lines.isdigit() else height or 25,
        "bold": terminal,
    }


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
        plain = (
            render.plain_record(data, labels or {}, width=shape["width"], bold=shape["bold"])
            if shape
            else None
        )
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
    the command ran, see ``options.prepare_output``), else ``fmt`` and the suffix of ``output``."""
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
    if target is not Format.md and target is not Format.txt and output is None:
        print_view(parts)
        return
    from volctl.render import text as views

    text = views.to_markdown(parts) if target is Format.md else views.to_text(parts)
    text_out(text, output)


def text_out(text: str, output: Path | None) -> None:
    """Text to standard output, or to ``output`` through the one writer (saying so)."""
    if output is None:
        with writing_stdout():
            sys.stdout.write(text)
        return
    write_text_output(output, text)
    notice(t("output.written", path=str(output)))


def print_view(parts: Sequence[Any]) -> None:
    """Print to the terminal; a view longer than the screen goes through the pager ($VOLCTL_PAGER,
    else $PAGER, else less) as git does: only at a terminal and unless --no-pager."""
    if _print_plain(parts):
        return
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


def _print_plain(parts: Sequence[Any]) -> bool:
    """``print_view`` of tables that ``render.plain`` lays out as rich would, without
    importing rich (a third of a short command's time); False, printing nothing, where rich
    must lay a part out."""
    from volctl.render import FittedTable

    if not parts or not all(isinstance(part, FittedTable) for part in parts):
        return False
    shape = _plain_console()
    if shape is None:
        return False
    texts = [part.plain(shape["width"], bold=shape["bold"]) for part in parts]
    if any(text is None for text in texts):
        return False
    text = "".join(texts)  # type: ignore[arg-type]
    if STATE.pager and shape["bold"] and text.count("\n") >= shape["height"]:
        from volctl.render import pager

        program = pager.program()
        if program is not None and pager.page(text, program):
            return True
    with writing_stdout():
        sys.stdout.write(text)
    return True


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

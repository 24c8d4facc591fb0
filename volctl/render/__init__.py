"""The one place that turns a result into table / json / csv / xlsx / md / txt.

Commands compute a plain structure once: a list of dicts (rows) or one dict (a record),
plus the columns a table shows. ``--format`` (or the suffix of ``-o FILE``, see
:mod:`volctl.render.formats`) picks the renderer. JSON is the documented, stable shape (ISO
dates, hours as numbers); CSV and xlsx carry the same keys (:mod:`volctl.render.rows`, which
streams); tables show translated headers, and md and txt are the table as Markdown or text
(:mod:`volctl.render.text`). Text that a spreadsheet would run as a formula is neutralised in
CSV and xlsx; numbers stay numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from volctl.render.cells import flatten


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    md = "md"
    txt = "txt"


# Plain classes, not NamedTuples or dataclasses: each of those is compiled at import (a
# NamedTuple ~0.8 M instructions), on every command that shows a table.
class Column:
    """A column of a table: the key of its values in a row, its header, how its values are
    justified, whether they may wrap, and rich's style for them."""

    __slots__ = ("header", "justify", "key", "no_wrap", "style")

    def __init__(
        self,
        key: str,
        header: str,
        justify: str = "left",
        no_wrap: bool = False,
        style: str | None = None,
    ) -> None:
        self.key = key
        self.header = header
        self.justify = justify
        self.no_wrap = no_wrap
        self.style = style

    def _fields(self) -> tuple[str, str, str, bool, str | None]:
        return (self.key, self.header, self.justify, self.no_wrap, self.style)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Column) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        key, header, justify, no_wrap, style = self._fields()
        return (
            f"Column(key={key!r}, header={header!r}, justify={justify!r},"
            f" no_wrap={no_wrap!r}, style={style!r})"
        )


def to_json(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def to_csv(
    rows: Sequence[dict[str, Any]],
    keys: Sequence[str] | None = None,
    *,
    nested: dict[str, Sequence[str]] | None = None,
) -> str:
    """``rows`` as CSV text (numbers as numbers, text made inert): see ``rows.write_csv``."""
    import io

    from volctl.render.rows import records, write_csv

    found, values = records(rows, keys, nested)
    out = io.StringIO()
    write_csv(found, values, out)
    return out.getvalue()


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return " ".join(text for text in (_display(v) for v in value.values()) if text)
    if isinstance(value, list | tuple):
        return "、".join(_display(v) for v in value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    *,
    title: str | None = None,
    caption: str | None = None,
) -> Any:
    """A table of ``rows`` showing ``columns``, laid out for the terminal it is printed on."""
    cells = [[_display(row.get(col.key)) for col in columns] for row in rows]
    return FittedTable(columns, cells, title=title, caption=caption)


# A column that may wrap keeps at least this many cells (three Chinese characters).
MIN_TEXT_WIDTH = 6
# A column that may wrap is never narrower than its widest unbreakable piece (a volunteer
# number in brackets, an English word, an option name) up to this width; a longer piece (a
# file name) is cut rather than widen the column without end.
MAX_UNIT_WIDTH = 16
# Borders are dropped before a column is squeezed below this (or its natural width).
COMFORT_WIDTH = 10


def _header_lines(header: str, width: int) -> str:
    """A header in a column ``width`` cells wide, broken only between its words (see
    ``i18n.linebreak.label_units``): 服务时长 / （小时）, never 志愿者编 / 号."""
    from volctl.i18n.linebreak import wrap_label

    return wrap_label(header, width)


def _lines_width(text: str) -> int:
    from volctl.i18n.linebreak import width

    return max((width(line) for line in text.splitlines()), default=0)


def _wrapped(text: str, width: int) -> str:
    """A cell's text broken into lines of ``width`` cells by the line-breaking rules."""
    from volctl.i18n.linebreak import width as measure
    from volctl.i18n.linebreak import wrap

    if "\n" not in text and measure(text) <= width:
        return text
    return wrap(text, width)


class _Layout:
    """How a table is drawn: its box, the padding either side of a cell, and its edges."""

    __slots__ = ("box", "padding", "show_edge")

    def __init__(self, box: str, padding: int, show_edge: bool) -> None:
        self.box = box
        self.padding = padding
        self.show_edge = show_edge

    def chrome(self, count: int) -> int:
        """Cells a table of ``count`` columns spends on borders and padding."""
        return (2 if self.show_edge else 0) + (count - 1) + 2 * self.padding * count


FULL = _Layout("HEAVY_HEAD", 1, True)
COMPACT = _Layout("SPACED_HEAD", 0, False)


def _box(name: str) -> Any:
    from rich import box

    if name == "SPACED_HEAD":
        # rich's SIMPLE_HEAD with a gap in the rule under the headers between columns.
        return box.Box("    \n    \n ─  \n    \n    \n    \n    \n    \n")
    return getattr(box, name)


class FittedTable:
    """A table that fits the width it is printed at, never hiding or splitting a value.

    Every column keeps a readable minimum: a column that must not wrap (an identity number, a
    date) or holds numbers (right-justified) is as wide as its widest value, so a number is
    never split across lines; a text column keeps at least ``MIN_TEXT_WIDTH`` cells. Text
    columns give way first, then long headers wrap. When even the minimums do not fit, the
    borders are dropped; when that is not enough either, each row becomes a block of
    "header  value" lines, so every column is still shown.
    """

    def __init__(
        self,
        columns: Sequence[Column],
        cells: Sequence[Sequence[str]],
        *,
        title: str | None = None,
        caption: str | None = None,
        title_justify: str = "center",
    ) -> None:
        self.columns = list(columns)
        self.cells = [list(line) for line in cells]
        self.title = title
        self.caption = caption
        self.title_justify = title_justify

    def _fixed(self, col: Column) -> bool:
        return col.no_wrap or col.justify == "right"

    def widths(self) -> tuple[list[int], list[int], list[int]]:
        """Each column's content width: the least it can take, the least with its header on
        one line, and what it would like (see :meth:`limits`)."""
        hard, _words, flat, natural = self.limits()
        return hard, flat, natural

    def limits(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """Each column's content width: the least it can take (its values' widest unbreakable
        piece whole but for an English word, which like an English header word may be
        hyphenated down to ``MIN_TEXT_WIDTH``; a Chinese word, a number, a volunteer number
        never split), the least with every word whole, the least with its header on one line,
        and what it would like."""
        from volctl.i18n.linebreak import label_width, widest_unit

        hard: list[int] = []
        words: list[int] = []
        flat: list[int] = []
        natural: list[int] = []
        for index, col in enumerate(self.columns):
            widest = max((_lines_width(line[index]) for line in self.cells), default=0)
            if self._fixed(col):
                whole = least = widest
            else:
                texts = [line[index] for line in self.cells]
                unit = max(map(widest_unit, texts), default=0)
                word = max((widest_unit(text, latin=MIN_TEXT_WIDTH) for text in texts), default=0)
                whole = max(min(widest, MIN_TEXT_WIDTH), min(unit, MAX_UNIT_WIDTH))
                least = max(min(widest, MIN_TEXT_WIDTH), min(word, MAX_UNIT_WIDTH))
            words.append(max(whole, label_width(col.header), 1))
            hard.append(max(least, label_width(col.header, latin=MIN_TEXT_WIDTH), 1))
            flat.append(max(words[-1], _lines_width(col.header)))
            natural.append(max(widest, flat[-1]))
        return hard, words, flat, natural

    def fit(self, available: int) -> tuple[_Layout, list[int]] | None:
        """The layout and column widths for ``available`` cells, or None when no table fits.
        Borders are kept while every column keeps a comfortable width; else dropped."""
        limits = self.limits()
        comfortable = [min(n, COMFORT_WIDTH) for n in limits[-1]]
        full = self._shrink(available - FULL.chrome(len(self.columns)), *limits)
        if full is not None and all(w >= c for w, c in zip(full, comfortable, strict=True)):
            return FULL, full
        compact = self._shrink(available - COMPACT.chrome(len(self.columns)), *limits)
        if compact is not None:
            return COMPACT, compact
        return None

    def _shrink(
        self, room: int, hard: list[int], words: list[int], flat: list[int], natural: list[int]
    ) -> list[int] | None:
        """Column widths summing to at most ``room``, or None when the minimums do not fit."""
        if sum(hard) > room:
            return None
        widths = list(natural)
        excess = sum(widths) - room
        # Text columns give way first (their headers kept on one line), then the headers of
        # the others wrap between words, then an English header word is hyphenated; always
        # the widest column that can still give way.
        stages = (
            (flat, lambda col: not self._fixed(col)),
            (flat, self._fixed),
            (words, lambda col: True),
            (hard, lambda col: True),
        )
        for least, may in stages:
            while excess > 0:
                candidates = [
                    i for i, col in enumerate(self.columns) if may(col) and widths[i] > least[i]
                ]
                if not candidates:
                    break
                widest = max(candidates, key=lambda i: widths[i])
                widths[widest] -= 1
                excess -= 1
        return widths

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.markup import escape
        from rich.table import Table
        from rich.text import Text

        fitted = self.fit(options.max_width)
        if fitted is None:
            yield from self._blocks(options.max_width)
            return
        layout, widths = fitted
        grid = Table(
            title=self.title,
            caption=self.caption,
            header_style="bold",
            show_lines=False,
            box=_box(layout.box),
            padding=(0, layout.padding),
            show_edge=layout.show_edge,
            title_justify=self.title_justify,  # type: ignore[arg-type]
        )
        for col, width in zip(self.columns, widths, strict=True):
            grid.add_column(
                Text(_header_lines(col.header, width)),
                justify=col.justify,  # type: ignore[arg-type]
                overflow="fold",
                width=width,
                style=col.style,
            )
        for line in self.cells:
            grid.add_row(
                *(escape(_wrapped(text, width)) for text, width in zip(line, widths, strict=True))
            )
        yield grid

    def plain(self, width: int, *, bold: bool = False) -> str | None:
        """The table exactly as rich prints it on a console ``width`` columns wide (a terminal
        when ``bold``), without importing rich; None where rich must lay it out."""
        from volctl.render.plain import plain_table

        return plain_table(self, width, bold=bold)

    def _blocks(self, available: int) -> Any:
        """One block per row: each column's header and value on a line of its own, the value
        wrapped by the line-breaking rules beside its header."""
        from rich.markup import escape
        from rich.table import Table
        from rich.text import Text

        label = max((_lines_width(col.header) for col in self.columns), default=0)
        room = max(available - label - 1, MIN_TEXT_WIDTH)
        if self.title:
            yield Text(self.title, style="bold")
        for number, line in enumerate(self.cells):
            if number:
                yield Text("")
            block = Table(show_header=False, box=None, padding=(0, 1, 0, 0))
            block.add_column(style="bold", no_wrap=True)
            block.add_column(overflow="fold")
            for col, text in zip(self.columns, line, strict=True):
                block.add_row(Text(col.header), escape(_wrapped(text, room)))
            yield block
        if self.caption:
            yield Text(self.caption, style="dim")


def record_table(
    record: dict[str, Any], labels: dict[str, str], *, title: str | None = None
) -> Any:
    """A two-column field/value table for one record; nested dicts shown as sub-fields."""
    rows = []
    for key, value in flatten(record).items():
        if value is None or value == "" or value == []:
            continue  # a form shows what is known; json and csv keep every key
        rows.append((labels.get(key, key), _display(value)))
    return RecordTable(rows, title)


class RecordTable:
    """Labels and values side by side, each value wrapped beside its label by the
    line-breaking rules (rich would cut a volunteer number or a file name anywhere)."""

    def __init__(self, rows: Sequence[tuple[str, str]], title: str | None) -> None:
        self.rows = list(rows)
        self.title = title

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.markup import escape
        from rich.table import Table

        label = max((_lines_width(name) for name, _ in self.rows), default=0)
        room = max(options.max_width - label - 8, MIN_TEXT_WIDTH)  # padding: 2 each side
        grid = Table(title=self.title, show_header=False, box=None, padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column(overflow="fold")
        for name, text in self.rows:
            grid.add_row(name, escape(_wrapped(text, room)))
        yield grid


# ----------------------------------------------------------------------------- plain records

# Characters whose terminal width is certain, by code point: (first, last, columns), the same
# as rich measures them (tests/test_plain_record.py checks each one). A record holding any
# other character is laid out by rich.
_PLAIN_WIDTHS = (
    (0x00A1, 0x00AC, 1),  # Latin-1 (U+00AD, the soft hyphen, left out)
    (0x00AE, 0x024F, 1),  # Latin-1 and Latin Extended
    (0x2010, 0x2027, 1),  # dashes, quotation marks, ·, …
    (0x3000, 0x3029, 2),  # CJK symbols and punctuation (U+302A-302F combine: left out)
    (0x3030, 0x303E, 2),
    (0x3041, 0x3096, 2),  # kana
    (0x30A0, 0x30FF, 2),
    (0x3400, 0x4DBF, 2),  # CJK ideographs
    (0x4E00, 0x9FFF, 2),
    (0xFF01, 0xFF60, 2),  # full-width forms
    (0xFFE0, 0xFFE6, 2),
)


def plain_width(text: str) -> int | None:
    """The terminal columns ``text`` takes, or None if a character's width is not certain (or
    a control character, a tab or a line break would need rich's layout)."""
    if text.isascii():
        return len(text) if text.isprintable() else None
    total = 0
    for ch in text:
        code = ord(ch)
        if 0x20 <= code <= 0x7E:
            total += 1
            continue
        for first, last, columns in _PLAIN_WIDTHS:
            if first <= code <= last:
                total += columns
                break
        else:
            return None
    return total


def _markup_free(text: str) -> bool:
    """No markup tag or escape, and nothing like an emoji code (two colons with no space
    between them, ``:name:``), that rich would interpret or replace."""
    if "[" in text or "\\" in text:
        return False
    return ":" not in text or all(part.count(":") < 2 for part in text.split())


def plain_record(
    record: dict[str, Any], labels: dict[str, str], *, width: int, bold: bool = False
) -> str | None:
    """``record_table`` exactly as rich prints it on a console ``width`` columns wide (labels
    in bold when ``bold``), written without importing rich, which costs a short command like
    ``volctl info`` about a fifth of its time; None where rich must lay it out: a line wider
    than the console, a character of uncertain width, markup or an emoji code."""
    rows = []
    for key, value in flatten(record).items():
        if value is None or value == "" or value == []:
            continue  # as record_table
        label, text = labels.get(key, key), _display(value)
        label_width, text_width = plain_width(label), plain_width(text)
        if not label_width or text_width is None:  # rich joins an empty label's padding
            return None
        if not _markup_free(label) or not _markup_free(text):
            return None
        rows.append((label, label_width, text, text_width))
    if not rows:
        return None
    labels_width = max(row[1] for row in rows)
    texts_width = max(row[3] for row in rows)
    if labels_width + texts_width + 8 > width:  # each cell is padded by two columns each side
        return None
    lines = []
    for label, label_width, text, text_width in rows:
        cell = label + " " * (labels_width - label_width)
        head = f"\x1b[1m  \x1b[0m\x1b[1m{cell}\x1b[0m\x1b[1m  \x1b[0m" if bold else f"  {cell}  "
        lines.append(f"{head}  {text}{' ' * (texts_width - text_width)}  \n")
    return "".join(lines)

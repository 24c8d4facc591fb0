"""A fitted table written exactly as rich prints it, without importing rich.

Importing rich's console and table machinery costs a short command (``volctl settings``,
``volctl register list``) about a third of its time. A :class:`~volctl.render.FittedTable`
whose every header, cell, title and caption is plain text that rich would print unchanged
(characters of certain width, no markup, no emoji code, every line within its column) is
laid out here instead, byte for byte as rich would lay it out: the same box characters and
padding, headers aligned to the bottom of their row and in bold on a terminal, the title in
italics and the caption dim, both centred over the table; a table too wide for the console
as one block a row. Anything else — a value rich would fold or squeeze, a styled column, text
rich would read as markup — returns None and is printed by rich (tests/test_plain_table.py
holds the two together).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from volctl.render import _header_lines, _markup_free, _wrapped, plain_width

if TYPE_CHECKING:
    from volctl.render import FittedTable

# (top, header line, rule under the headers, row line, bottom) of each layout's box:
# (left, horizontal, cross or divider, right); rich's HEAVY_HEAD and render's SPACED_HEAD.
_BOXES = {
    "HEAVY_HEAD": (
        ("┏", "━", "┳", "┓"),
        ("┃", "", "┃", "┃"),
        ("┡", "━", "╇", "┩"),
        ("│", "", "│", "│"),
        ("└", "─", "┴", "┘"),
    ),
    "SPACED_HEAD": (
        (" ", " ", " ", " "),
        (" ", "", " ", " "),
        (" ", "─", " ", " "),
        (" ", "", " ", " "),
        (" ", " ", " ", " "),
    ),
}

BOLD, DIM, ITALIC, DIM_ITALIC = "\x1b[1m", "\x1b[2m", "\x1b[3m", "\x1b[2;3m"
RESET = "\x1b[0m"


def _justified(line: str, width: int, justify: str) -> str | None:
    """One line of a cell ``width`` cells wide as rich justifies it (rich strips the trailing
    white space of a line it centres or right-justifies), or None when it does not fit or a
    character's width is not certain."""
    size = plain_width(line)
    if size is None:
        return None
    if justify != "left" and line[-1:].isspace():
        line = line.rstrip()
        size = plain_width(line) or 0
    if size > width:
        return None
    room = width - size
    if justify == "left":
        return line + " " * room
    if justify == "right":
        return " " * room + line
    if justify == "center":
        return " " * (room // 2) + line + " " * (room - room // 2)
    return None


def _cell(text: str, width: int, justify: str) -> list[str] | None:
    """The lines of a cell's text, each justified to ``width`` cells (rich splits a cell at
    each line feed, and keeps an empty last line)."""
    lines = []
    for line in text.split("\n"):
        shown = _justified(line, width, justify)
        if shown is None:
            return None
        lines.append(shown)
    return lines


def _annotation(text: str | None, width: int, justify: str, style: str, bold: bool) -> str | None:
    """A title or caption over (or under) a table ``width`` cells wide ("" when there is
    none), or None when rich must lay it out (it would wrap it or read markup in it)."""
    if not text:
        return ""
    if "\n" in text or not _markup_free(text):
        return None
    line = _justified(text, width, justify)
    if line is None:
        return None
    return f"{style}{line}{RESET}\n" if bold else f"{line}\n"


def plain_table(table: FittedTable, width: int, *, bold: bool = False) -> str | None:
    """``table`` exactly as rich prints it on a console ``width`` columns wide (a terminal
    when ``bold``), or None where rich must lay it out."""
    columns = table.columns
    if not columns or any(col.style for col in columns):
        return None
    fitted = table.fit(width)
    if fitted is None:
        return _blocks(table, width, bold)
    layout, widths = fitted
    pad = layout.padding
    heads = []
    for col, size in zip(columns, widths, strict=True):
        shown = _cell(_header_lines(col.header, size), size, col.justify)
        if shown is None:
            return None
        heads.append(shown)
    rows = []
    for line in table.cells:
        row = []
        for text, col, size in zip(line, columns, widths, strict=True):
            if not _markup_free(text):
                return None
            shown = _cell(_wrapped(text, size), size, col.justify)
            if shown is None:
                return None
            row.append(shown)
        rows.append(row)
    total = sum(widths) + layout.chrome(len(columns))
    title = _annotation(table.title, total, table.title_justify, ITALIC, bold)
    caption = _annotation(table.caption, total, "center", DIM_ITALIC, bold)
    if title is None or caption is None:
        return None

    top, head, rule, body, bottom = _BOXES[layout.box]
    edge = layout.show_edge
    out = [title]

    def border(chars: tuple[str, str, str, str]) -> None:
        left, across, cross, right = chars
        middle = cross.join(across * (size + 2 * pad) for size in widths)
        out.append(f"{left}{middle}{right}\n" if edge else f"{middle}\n")

    def section(cells: list[list[str]], chars: tuple[str, str, str, str], header: bool) -> None:
        left, _across, divider, right = chars
        height = max(len(cell) for cell in cells)
        spaces = " " * pad
        for number in range(height):
            shown = []
            for cell, size in zip(cells, widths, strict=True):
                # a header sits at the bottom of its row, a value at the top
                index = number - (height - len(cell)) if header else number
                if not 0 <= index < len(cell):
                    blank = " " * (size + 2 * pad)
                    shown.append(f"{BOLD}{blank}{RESET}" if header and bold else blank)
                elif header and bold:
                    padding = f"{BOLD}{spaces}{RESET}" if pad else ""
                    shown.append(f"{padding}{BOLD}{cell[index]}{RESET}{padding}")
                else:
                    shown.append(f"{spaces}{cell[index]}{spaces}")
            middle = divider.join(shown)
            out.append(f"{left}{middle}{right}\n" if edge else f"{middle}\n")

    if edge:
        border(top)
    section(heads, head, header=True)
    border(rule)
    for row in rows:
        section(row, body, header=False)
    if edge:
        border(bottom)
    out.append(caption)
    return "".join(out)


def _styled(text: str, style: str, bold: bool) -> str:
    """``text`` in ``style`` on a terminal, as rich writes a segment (nothing for no text)."""
    return f"{style}{text}{RESET}" if bold and text else text


def _line(text: str | None, width: int, style: str, bold: bool) -> str | None:
    """A title or caption above or below the blocks, as rich prints a ``Text`` in ``style``
    (not padded); "" when there is none, None when rich would wrap it."""
    if not text:
        return ""
    size = plain_width(text)
    if size is None or size > width:
        return None
    return _styled(text, style, bold) + "\n"


def _blocks(table: FittedTable, width: int, bold: bool) -> str | None:
    """``FittedTable._blocks`` as rich prints it: the title in bold, then one block a row —
    each header (bold) padded to the widest and a column's space, beside its value wrapped to
    the room left, padded to the block's widest value and a space — a blank line between
    blocks, and the caption dim."""
    from volctl.render import MIN_TEXT_WIDTH

    labels = []
    for col in table.columns:
        size = plain_width(col.header)
        if size is None:
            return None
        labels.append((col.header, size))
    label = max((size for _header, size in labels), default=0)
    room = max(width - label - 1, MIN_TEXT_WIDTH)
    title = _line(table.title, width, BOLD, bold)
    caption = _line(table.caption, width, DIM, bold)
    if title is None or caption is None:
        return None
    out = [title]
    gap = _styled(" ", BOLD, bold)
    blank = _styled(" " * (label + 1), BOLD, bold)
    for number, line in enumerate(table.cells):
        if number:
            out.append("\n")
        values = []
        for text in line:
            if not _markup_free(text):
                return None
            lines = _wrapped(text, room).split("\n")
            sizes = [plain_width(part) for part in lines]
            if None in sizes:
                return None
            values.append((lines, sizes))
        widest = max((size or 0 for _lines, sizes in values for size in sizes), default=0)
        if label + widest + 2 > width or not label or not widest:
            return None  # rich would squeeze the columns (or pads an empty one its own way)
        for (header, size), (lines, sizes) in zip(labels, values, strict=True):
            head = _styled(header + " " * (label - size), BOLD, bold) + gap
            for part, part_size in zip(lines, sizes, strict=True):
                out.append(f"{head}{part}{' ' * (widest - (part_size or 0))} \n")
                head = blank
    out.append(caption)
    return "".join(out)

"""One printed paper on A4, written a row at a time: measured rows, whole pages.

- Columns are set first (``widths``, in Excel's units; see ``columns.balance``), then rows in
  order, each as tall as its most wrapped cell (``metrics``), at least ``min_height``.
- Cells merge across columns (``Cell.span``) and down rows (``Cell.rows``). Text cells are text
  (``@``), text a spreadsheet would run as a formula gets Excel's quote prefix (shown as typed,
  never evaluated), numbers stay numbers, ``Hours`` show one decimal.
- Pages are counted as rows are placed: a row that does not fit begins a new page with a manual
  page break, so that every program breaks where the count says (and the sheet knows how many
  pages it prints on). A row ``keep_next`` stays with the row after it, a row ``keep_prev=n``
  with the ``n`` rows before it: a closing block moves whole to the next page with the last
  rows of the table above it, and a page never holds only a repeated header.
- A cell merged down over many rows (a day's activities) may be split by a page break: the
  part on each page is merged on its own and shows the text again. Each part keeps at least
  the rows its text needs.
- A table's header repeats on every page (``repeat=True``: the print titles); or, for a paper
  whose further pages must say what they continue, rows are placed at the top of each new page
  (``continuation``: the certificate's 续表 with its holder and number).
- The footer reads ``第 N 页 共 M 页`` (counted per sheet when the workbook holds one paper per
  person).

Rows wait in a short queue before they are placed, so that a block can still take the rows
before it along; nothing else is held: memory is the same whatever the number of rows.
"""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from volctl.forms.layout import metrics
from volctl.forms.layout.cells import PLAIN, TEXT, Cell, Hours, Style, cell_lines
from volctl.forms.layout.columns import fit

if TYPE_CHECKING:
    from volctl.forms.layout.paper import Paper

A4_PORTRAIT = (595.3, 841.9)  # points
CM = 72 / 2.54
# Top, right, bottom, left in cm: papers are filed in binders, bound on the left (~2.5 cm).
BOUND = (2.0, 1.5, 1.8, 2.5)
HEADER_MARGIN = FOOTER_MARGIN = 0.8  # cm from the edge: room for a 9 pt page number
PAGE_SAFETY = 8.0  # points of a page not counted on (LibreOffice keeps ~4 for itself)
PAGE_NUMBERS = '&C&"宋体,常规"&9第 &P 页 共 &N 页'
FORMULA_START = frozenset("=+-@\t\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # cannot be stored in a cell at all
MAX_BREAKS = 1000  # Excel keeps at most 1026 manual page breaks a sheet
QUEUE = 4  # rows that wait before they are placed: the most a block may take along

Head = Callable[[int], list["Row"]]


@dataclass
class Row:
    """A row measured and ready to write: its cells (column, value, kind, format), the merges
    it begins (first column, last column, rows down, height the text needs) and its height."""

    cells: list[tuple[int, object, Any, Any]]  # column, value, its writer, its format
    height: float
    merges: list[tuple[int, int, int, float]] = field(default_factory=list)
    keep_next: bool = False
    keep_prev: int = 0
    repeat: bool = False
    head: Head | None = None


@dataclass
class _Down:
    """A cell merged down, while its rows are added: how many, how far, the room it needs."""

    rows: int
    needs: float
    keep: int  # rows each part must have (after a split) to hold the text
    seen: int = 1
    height: float = 0.0


@dataclass
class _Open:
    """A merge down being written: where its current part began, and what to show again."""

    first: int
    last: int
    start: int
    left: int
    value: object
    put: Any  # the sheet's writer of that kind of value
    fmt: Any


class Sheet:
    """One printed paper (see the module's docstring)."""

    def __init__(
        self,
        paper: Paper,
        ws: Any,
        widths: Sequence[float],
        *,
        landscape: bool,
        margins: tuple[float, float, float, float],
        fit_width: bool,
        numbered: bool,
    ) -> None:
        self.paper = paper
        self.ws = ws
        self.landscape = landscape
        self.fit_width = fit_width
        self.numbered = numbered
        top, right, bottom, left = margins
        width, height = A4_PORTRAIT[::-1] if landscape else A4_PORTRAIT
        self.page_height = height - (top + bottom) * CM - PAGE_SAFETY
        self.page_width = width - (left + right) * CM
        self.widths = fit(widths, None if fit_width else self.page_width)
        self.columns = len(self.widths)
        self._margins = margins
        for i, w in enumerate(self.widths):
            ws.set_column(i, i, w)
        self.pages = 1
        self.breaks: list[int] = []
        self._queue: deque[Row] = deque()
        self._row = 0  # the next physical row
        self._used = 0.0  # points of the current page used
        self._content = False  # the current page holds more than its repeated head
        self._repeat: tuple[int, int] | None = None
        self._repeat_height = 0.0
        self._head: Head | None = None
        self._continued = 0  # continuation pages begun
        self._down: list[_Down] = []  # cells merged down, as rows are added
        self._open: list[_Open] = []  # cells merged down, as rows are written
        self._fresh = False  # a page just began: merges down show their text again
        self._closed = False
        self._plan: dict[int, _Plan] = {}
        self._keep: list[Style] = []
        # xlsxwriter's own writers without their argument checks (the values are prepared
        # here): strings, numbers, blank cells with their format, dates.
        self._writers = (ws._write_string, ws._write_number, ws._write_blank, ws._write_datetime)
        self.freeze_columns = 0  # columns kept in view on screen, left of the scrolling

    # ------------------------------------------------------------------ adding rows

    def row(
        self,
        values: Sequence[object],
        styles: Style | Sequence[Style | None] = TEXT,
        *,
        min_height: float = 0.0,
        height: float | None = None,
        keep_next: bool = False,
        keep_prev: int = 0,
        repeat: bool = False,
    ) -> None:
        """A row of values (or ``Cell``\\s) from the first column; ``styles`` one for all or
        one per value; ``height`` fixes the row's height (else measured, at least
        ``min_height``)."""
        built = self.build(values, styles, min_height=min_height, height=height)
        built.keep_next, built.keep_prev, built.repeat = keep_next, keep_prev, repeat
        self.add(built)

    def rows(
        self, rows: Iterable[Sequence[object]], styles: Sequence[Style], *, min_height: float = 0
    ) -> int:
        """A table's rows, one style per column; how many there were."""
        count = 0
        for values in rows:
            self.add(self.build(values, styles, min_height=min_height))
            count += 1
        return count

    def line(
        self,
        text: str,
        style: Style = PLAIN,
        *,
        min_height: float = 0.0,
        height: float | None = None,
        keep_next: bool = False,
        keep_prev: int = 0,
    ) -> None:
        """One paragraph across the whole width, wrapped and as tall as its lines."""
        self.row(
            [Cell(text, span=self.columns)],
            style,
            min_height=min_height,
            height=height,
            keep_next=keep_next,
            keep_prev=keep_prev,
        )

    def title(self, text: str, *, size: float = metrics.TITLE_SIZE) -> None:
        """The paper's title: merged across, centred, 宋体 bold; kept with what follows."""
        style = Style(size=size, bold=True, align="center", border=False)
        self.line(text, style, min_height=size * 2, keep_next=True)

    def two_part(
        self,
        left: str,
        right: str,
        *,
        split: int | None = None,
        keep_next: bool = True,
        min_height: float = 24.0,
    ) -> None:
        """A line in two parts: ``left`` from the first column, ``right`` ending at the last
        (填报单位（盖章）… 填报日期…). ``split``: the columns the left part takes."""
        n = self.columns
        if split is None:
            split = _split(self.widths, left, right)
        cells = [Cell(left, span=split), Cell(right, span=n - split)]
        styles = [
            Style(border=False, valign="bottom"),
            Style(border=False, valign="bottom", align="right"),
        ]
        self.row(cells, styles, min_height=min_height, keep_next=keep_next)

    def gap(self, height: float = 8.0, *, keep_next: bool = False, keep_prev: int = 0) -> None:
        """An empty row (room to sign, a space before a block)."""
        self.add(Row([], metrics.quantize(height), keep_next=keep_next, keep_prev=keep_prev))

    def continuation(self, head: Head | None) -> None:
        """From the next row on, each new page begins with ``head(n)`` (n = 1 on the first
        continuation page); None: no more."""
        self._head = head

    def build(
        self,
        values: Sequence[object],
        styles: Style | Sequence[Style | None],
        *,
        min_height: float = 0.0,
        height: float | None = None,
    ) -> Row:
        """Measure a row without adding it: each cell's lines in its columns' width. (The hot
        loop of every paper: one pass per cell, formats looked up by the style's identity.)"""
        cells: list[tuple[int, object, Any, Any]] = []
        merges: list[tuple[int, int, int, float]] = []
        need = min_height
        col = 0
        one = styles if isinstance(styles, Style) else None
        widths = self.widths
        plan = self._plan
        write = self._writers
        for i, value in enumerate(values):
            if col >= self.columns:
                break
            across = down = 1
            style = one or styles[i]  # type: ignore[index]
            if isinstance(value, Cell):
                across, down = max(1, value.span), max(1, value.rows)
                style = value.style or style
                value = value.value
            assert style is not None
            p = plan.get(id(style)) or self._new_plan(style)
            text = ""
            cls = value.__class__
            if cls is str and value:
                text = value  # type: ignore[assignment]
                if not text.isprintable():
                    text = _CONTROL.sub("", text)
                if text:
                    cells.append((col, text, write[0], p.quoted if text[0] in FORMULA_START
                                  else p.text))  # fmt: skip
                else:
                    cells.append((col, None, write[2], p.blank))
            elif value is None or value == "":
                cells.append((col, None, write[2], p.blank))
            elif cls is int:
                cells.append((col, value, write[1], p.number))
            elif cls is Hours:
                cells.append((col, value.value, write[1], p.hours))  # type: ignore[attr-defined]
            elif cls is float:
                cells.append((col, value, write[1], p.hours))
            elif isinstance(value, datetime | date):
                when = value if isinstance(value, datetime) else datetime(*value.timetuple()[:3])
                cells.append((col, when, write[3], p.date))
            else:
                text = _CONTROL.sub("", str(value))
                cells.append((col, text, write[0], p.quoted if text[:1] in FORMULA_START
                              else p.text))  # fmt: skip
            tall = p.one
            if text:
                room = widths[col] if across == 1 else sum(widths[col : col + across])
                if across > 1 or "\n" in text or metrics.em_width(text, p.bold) > p.room(room):
                    lines = cell_lines(text, room, style)
                    if lines > 1:
                        tall = metrics.quantize(lines * p.line + metrics.ROW_PAD)
            if across > 1 or down > 1:
                merges.append((col, col + across - 1, down, tall))
                covered = range(col + 1, col + across)
                cells += [(extra, None, write[2], p.blank) for extra in covered]
                if down > 1:
                    tall = p.one
            if tall > need:
                need = tall
            col += across
        if height is not None:
            need = height
        return Row(cells, metrics.quantize(need), merges)

    def _new_plan(self, style: Style) -> _Plan:
        found = _Plan(self.paper, style)
        self._plan[id(style)] = found
        self._keep.append(style)  # the identity stays this style's while the sheet lives
        return found

    def add(self, row: Row) -> None:
        """Queue a built row for placing."""
        if self._closed:
            raise RuntimeError("sheet closed")
        row.head = self._head
        row.keep_prev = min(row.keep_prev, QUEUE)
        still: list[_Down] = []
        for down in self._down:
            # A row under a cell merged down: no break where a part would be too short.
            index = down.seen
            if index < down.keep or index > down.rows - down.keep:
                row.keep_prev = max(row.keep_prev, 1)
            down.seen += 1
            if down.seen == down.rows:
                row.height = max(row.height, metrics.quantize(down.needs - down.height))
            else:
                down.height += row.height
                still.append(down)
        self._down = still
        for _first, _last, rows, needs in row.merges:
            if rows > 1:
                least = metrics.row_height(1, metrics.BODY_SIZE)
                keep = min(rows, max(1, math.ceil(needs / least)))
                self._down.append(_Down(rows, needs, keep, height=row.height))
        self._queue.append(row)
        self._drain(final=False)

    # ------------------------------------------------------------------ placing rows

    def _drain(self, *, final: bool) -> None:
        queue = self._queue
        while queue:
            group = 1
            while group < len(queue) and _linked(queue, group):
                group += 1
            if not final and len(queue) - group < QUEUE:
                return  # a later row may still take these along
            self._place([queue.popleft() for _ in range(group)])

    def _place(self, rows: list[Row]) -> None:
        if self.fit_width:
            for row in rows:
                self._write(row)
            return
        total = sum(r.height for r in rows)
        overflows = self._content and self._used + total > self.page_height
        if overflows and total + self._head_height(rows[0]) <= self.page_height:
            self._new_page(rows[0])  # the group moves whole
        for row in rows:
            if self._content and self._used + row.height > self.page_height:
                self._new_page(row)  # a group taller than a page: row by row
            self._write(row)
            self._used += row.height
            if row.repeat:
                self._repeat_height = row.height
            else:
                self._content = True

    def _head_height(self, row: Row) -> float:
        if row.head is not None:
            return sum(r.height for r in row.head(self._continued + 1))
        return self._repeat_height

    def _new_page(self, before: Row) -> None:
        self.breaks.append(self._row)
        self.pages += 1
        self._used = self._repeat_height if self._repeat is not None else 0.0
        self._content = False
        self._fresh = True
        if before.head is not None:
            self._continued += 1
            for head in before.head(self._continued):
                self._write(head, head_row=True)
                self._used += head.height

    def _write(self, row: Row, *, head_row: bool = False) -> None:
        ws, r = self.ws, self._row
        ws.set_row(r, row.height)
        for col, value, put, fmt in row.cells:
            put(r, col, value, fmt)
        if not head_row:
            self._merge_down(r)
        for first, last, down, _needs in row.merges:
            if down == 1:
                # Recorded directly: xlsxwriter's merge_range writes the cells it covers at
                # once, and a streamed sheet cannot come back to a row.
                ws.merge.append([r, first, r, last])
                continue
            value, put, fmt = next((v, k, f) for c, v, k, f in row.cells if c == first)
            self._open.append(_Open(first, last, r, down - 1, value, put, fmt))
        if row.repeat:
            start = self._repeat[0] if self._repeat is not None else r
            self._repeat = (start, r)
        self._row += 1

    def _merge_down(self, r: int) -> None:
        """Carry the cells merged down to row ``r``: after a page break, the part above is
        closed and the text is shown again; the last row of a merge closes it."""
        ws = self.ws
        for down in self._open:
            if self._fresh:
                if r - 1 > down.start or down.last > down.first:
                    ws.merge.append([down.start, down.first, r - 1, down.last])
                down.put(r, down.first, down.value, down.fmt)
                down.start = r
            down.left -= 1
            if down.left == 0 and (r > down.start or down.last > down.first):
                ws.merge.append([down.start, down.first, r, down.last])
        self._open = [d for d in self._open if d.left > 0]
        self._fresh = False

    # ------------------------------------------------------------------ finishing

    def close(self) -> None:
        """Place what waits and set the page up: A4, margins, print area and titles, breaks,
        page numbers."""
        if self._closed:
            return
        self._drain(final=True)
        self._closed = True
        ws = self.ws
        ws.set_paper(9)
        if self.landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        top, right, bottom, left = (m / 2.54 for m in self._margins)
        ws.set_margins(left=left, right=right, top=top, bottom=bottom)
        ws.center_horizontally()
        if self._row:
            ws.print_area(0, 0, self._row - 1, self.columns - 1)
        if self._repeat is not None:
            ws.repeat_rows(*self._repeat)
            ws.freeze_panes(self._repeat[1] + 1, self.freeze_columns)
        if self.fit_width:
            ws.fit_to_pages(1, 0)
        elif self.breaks and len(self.breaks) <= MAX_BREAKS:
            ws.set_h_pagebreaks(self.breaks)
        if self.numbered:
            footer = PAGE_NUMBERS
            if self.paper.per_sheet_numbers and not self.fit_width:
                ws.set_start_page(1)
                footer = footer.replace("&N", str(self.pages))
            ws.set_footer(footer, {"margin": FOOTER_MARGIN / 2.54})
            ws.set_header("", {"margin": HEADER_MARGIN / 2.54})


def _linked(queue: deque[Row], index: int) -> bool:
    """Whether the row at ``index`` must share a page with the one before it."""
    if queue[index].keep_prev or queue[index - 1].keep_next:
        return True
    # A row further on that keeps ``n`` rows before it reaches back over this one.
    for ahead in range(index + 1, min(len(queue), index + QUEUE + 1)):
        if queue[ahead].keep_prev >= ahead - index + 1:
            return True
    return False


class _Plan:
    """What a style needs in the hot loop: its formats for each kind of value, its line and
    one-line row heights, whether it wraps and how far it is indented."""

    __slots__ = ("blank", "bold", "date", "hours", "indent", "line", "number", "one", "quoted",
                 "size", "text")  # fmt: skip

    def __init__(self, paper: Any, style: Style) -> None:
        fmt = paper.format
        self.text, self.quoted = fmt(style, "text"), fmt(style, "quoted")
        self.number, self.hours = fmt(style, "number"), fmt(style, "hours")
        self.date, self.blank = fmt(style, "date"), fmt(style, "blank")
        self.bold, self.size = style.bold, style.size
        self.indent = style.indent if style.align == "left" else 0
        self.line = metrics.line_height(style.size)
        self.one = metrics.row_height(1, style.size)
        if not style.wrap:
            self.line = 0.0  # never more than its one line

    def room(self, width: float) -> float:
        """Ems of this style on one line of a column ``width`` units wide."""
        return metrics.text_room(width, self.indent) / self.size


def _split(widths: Sequence[float], left: str, right: str) -> int:
    """Where a two-part line divides: the fewest lines for both parts (the right part as
    narrow as it can be, so the left keeps the rest)."""
    best, best_key = len(widths) - 1, (10**6, 10**6)
    for split in range(len(widths) - 1, 0, -1):
        a = cell_lines(left, sum(widths[:split]), PLAIN) if left else 1
        b = cell_lines(right, sum(widths[split:]), PLAIN) if right else 1
        key = (max(a, b), a + b)
        if key < best_key:
            best, best_key = split, key
    return max(1, best)

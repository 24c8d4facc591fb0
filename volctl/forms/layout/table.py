"""The shape most papers share: a title, the filing line, a bordered table whose header repeats
on every page, and a closing line to sign that never stands alone on a page.

``Column`` describes a column (header, bounds, centred or not); ``widths`` balances a table's
columns over a sample of its rows within the printable width; ``open_table`` begins the sheet
(title, 填报单位（盖章）… 填报日期…, information lines, the header) and ``close_table`` ends it
(the closing line kept with the table's last rows).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from volctl.forms.layout import columns as balance
from volctl.forms.layout import paper as _paper
from volctl.forms.layout import sheet as _sheet
from volctl.forms.layout.cells import CENTRE, HEAD, TEXT, Style
from volctl.forms.layout.metrics import BODY_SIZE

KEEP_ROWS = 2  # table rows a closing block takes along to its page
HEADER_HEIGHT = 24.0


@dataclass(frozen=True)
class Column:
    header: str
    minimum: float = 4.0
    maximum: float = 40.0
    centred: bool = False
    size: float = BODY_SIZE
    whole: bool = False  # never wraps (a date): as wide as its widest text, within maximum

    @property
    def style(self) -> Style:
        base = CENTRE if self.centred else TEXT
        return base if self.size == BODY_SIZE else replace(base, size=self.size)

    @property
    def spec(self) -> balance.Spec:
        indent = 0 if self.centred else 1
        return balance.Spec(
            self.header, self.minimum, self.maximum, indent=indent, size=self.size, whole=self.whole
        )


def printable_width(
    *, landscape: bool = False, margins: tuple[float, float, float, float] = _sheet.BOUND
) -> float:
    """The points across a page between its margins."""
    width = _sheet.A4_PORTRAIT[1] if landscape else _sheet.A4_PORTRAIT[0]
    return width - (margins[1] + margins[3]) * _sheet.CM


def widths(
    columns: Sequence[Column],
    sample: Sequence[Sequence[object]],
    *,
    landscape: bool = False,
    margins: tuple[float, float, float, float] = _sheet.BOUND,
) -> list[float]:
    """Column widths (units) for ``columns`` over ``sample`` rows, within the page."""
    budget = printable_width(landscape=landscape, margins=margins) - 4.0
    return balance.balance([c.spec for c in columns], sample, budget)


def open_table(
    paper: _paper.Paper,
    name: str,
    columns: Sequence[Column],
    sample: Sequence[Sequence[object]],
    *,
    title: str,
    stamp: str,
    dated: str,
    info: Sequence[str] = (),
    landscape: bool = False,
    margins: tuple[float, float, float, float] = _sheet.BOUND,
    column_widths: Sequence[float] | None = None,
) -> _sheet.Sheet:
    """A sheet begun with the title, the filing line (``stamp`` at the left, ``dated`` at the
    right), ``info`` lines and the table's header (repeated on every page)."""
    planned = column_widths or widths(columns, sample, landscape=landscape, margins=margins)
    sheet = paper.sheet(name, planned, landscape=landscape, margins=margins)
    sheet.title(title)
    sheet.two_part(stamp, dated)
    for line in info:
        sheet.line(line, min_height=22, keep_next=True)
    header(sheet, columns)
    return sheet


def header(sheet: _sheet.Sheet, columns: Sequence[Column]) -> None:
    """The table's header row: bold, centred, repeated at the top of every page."""
    heads = [HEAD if c.size == BODY_SIZE else replace(HEAD, size=c.size) for c in columns]
    sheet.row([c.header for c in columns], heads, min_height=HEADER_HEIGHT, repeat=True,
              keep_next=True)  # fmt: skip


def styles(columns: Sequence[Column]) -> list[Style]:
    return [c.style for c in columns]


def close_table(sheet: _sheet.Sheet, footer: str, *, keep: int = KEEP_ROWS) -> None:
    """The closing line to sign (填表人… 联系电话…), after a little room, kept on the page of
    the table's last ``keep`` rows."""
    sheet.gap(10, keep_prev=keep)
    sheet.line(footer, min_height=28, keep_prev=1)


SAMPLE = 400  # rows read ahead to balance the columns on


def sample(rows: Iterable[Sequence[object]]) -> tuple[list[Sequence[object]], Iterator[Any]]:
    """The first rows of a stream (to balance the columns on) and the whole stream again."""
    it = iter(rows)
    head = list(itertools.islice(it, SAMPLE))
    return head, itertools.chain(head, it)

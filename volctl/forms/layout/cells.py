"""What goes in a printed cell: its value, the columns and rows it spans, and its style."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from volctl.forms.layout import metrics
from volctl.forms.layout.metrics import BODY_SIZE, SONG


@dataclass(frozen=True)
class Style:
    """How a cell prints. ``number_format`` None: text cells are text (``@``), numbers show
    as they are."""

    size: float = BODY_SIZE
    bold: bool = False
    font: str = SONG
    align: str = "left"  # left, center, right
    valign: str = "center"  # top, center, bottom
    wrap: bool = True
    border: bool = True
    indent: int = 0
    number_format: str | None = None
    fill: str | None = None  # background colour, "FFC7CE"
    color: str | None = None  # font colour


TEXT = Style(indent=1)  # a table's text: left, kept off the border
CENTRE = Style(align="center")
HEAD = Style(align="center", bold=True)  # a table's header, a grid's labels
PLAIN = Style(border=False)  # a line of text across the page
HOURS_FORMAT = "0.0"


@dataclass(frozen=True)
class Hours:
    """Service minutes to write as hours: the cell holds the exact value (an int when whole,
    else minutes / 60) and shows it with one decimal. Rounding each row before writing it
    would make three services of 20 minutes read 0.3 + 0.3 + 0.3 against a 合计 of 1.0."""

    minutes: int

    @property
    def value(self) -> int | float:
        whole, rest = divmod(self.minutes, 60)
        return whole if rest == 0 else self.minutes / 60

    def __str__(self) -> str:
        """As the cell shows it (half up, like every other output)."""
        from volctl.ledger.totals import hours

        return f"{hours(self.minutes):.1f}"


@dataclass(frozen=True)
class Cell:
    """A cell over ``span`` columns and ``rows`` rows (merged when more than one); ``style``
    None takes the row's style for its column."""

    value: object = ""
    span: int = 1
    rows: int = 1
    style: Style | None = None


def cn_date(day: date | str | None) -> str:
    """2025年3月15日: how a date is written on paper (ISO stays in data exports)."""
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return f"{day.year}年{day.month}月{day.day}日"


def cn_month(day: date | str | None) -> str:
    """2025年3月: a month on paper (a birth month, say)."""
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        return f"{int(day[:4])}年{int(day[5:7])}月"
    return f"{day.year}年{day.month}月"


def cell_lines(text: str, width: float, style: Style) -> int:
    """The lines ``text`` takes in a cell of ``style`` over ``width`` units (explicit line
    breaks counted; a cell that does not wrap keeps its one line a paragraph)."""
    if not style.wrap:
        return text.count("\n") + 1
    indent = style.indent if style.align == "left" else 0
    room = metrics.text_room(width, indent) / style.size
    if "\n" not in text:
        if metrics.em_width(text, style.bold) <= room:
            return 1
        return metrics.wrapped_lines(text, room, style.bold)
    return sum(metrics.wrapped_lines(part, room, style.bold) for part in text.split("\n"))

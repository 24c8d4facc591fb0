"""Column widths balanced over a table's content, within the page's printable width.

Each column has a floor: its configured minimum, and what cannot wrap in it (the widest number,
code or Latin word: a phone number is never split over two lines); and a natural width: its
widest text on one line, capped by its maximum. When the natural widths fit the page, the
table takes them and the width left over goes to the columns that would gain most. When they do
not, every column starts at its floor and the width there is goes, a step at a time, to the
column whose widening saves the most printed lines over a sample of rows (ties: the most
wrapped cells), so that short fields keep what they need while long ones share the rest.

The sample is the header, the first rows of the table and the rows holding each column's
longest text (a form's rows are streamed: the widths must be known before the first one is
written; a streamed form adds a row of its largest numbers).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from volctl.forms.layout import metrics

STEP = 1.0  # units given at a time
SAMPLE = 200  # distinct rows of the table looked at
LOOKAHEAD = 16.0  # units tried ahead for a column whose next step saves nothing


@dataclass(frozen=True)
class Spec:
    """One column: its header, bounds in units, and how its cells are printed."""

    header: str
    minimum: float = 4.0
    maximum: float = 60.0
    indent: int = 0  # left-aligned cells are indented by one (centred ones: 0)
    size: float = metrics.BODY_SIZE
    whole: bool = False  # its cells never wrap (dates): as wide as the widest, within maximum


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def balance(specs: Sequence[Spec], rows: Sequence[Sequence[object]], budget: float) -> list[float]:
    """Widths in units for ``specs`` over the sample ``rows`` whose printed total fits
    ``budget`` points (see the module's docstring)."""
    n = len(specs)
    distinct = dict.fromkeys(tuple(_text(v) for v in row[:n]) for row in rows)
    sample = list(distinct)[:SAMPLE]
    # And each column's longest text, wherever its row is (the 1,000th 序号 has four digits).
    longest: dict[int, tuple[str, ...]] = {}
    for row in distinct:
        for i, text in enumerate(row):
            if len(text) > len(longest.get(i, ("",) * n)[i]):
                longest[i] = row
    sample += [row for row in dict.fromkeys(longest.values()) if row not in sample[:SAMPLE]]
    cells = [
        [spec.header, *(row[i] if i < len(row) else "" for row in sample)]
        for i, spec in enumerate(specs)
    ]
    floors: list[float] = []
    naturals: list[float] = []
    for i, spec in enumerate(specs):
        column = cells[i]
        word = max(metrics.longest_word(column[0], True), _usual_word(column[1:]))
        widest = max(
            max((metrics.em_width(p, True) for p in column[0].split("\n")), default=0.0),
            *(max((metrics.em_width(p) for p in t.split("\n")), default=0.0) for t in column[1:]),
            0.0,
        )
        if spec.whole:
            word = max(word, widest)
        floor = max(spec.minimum, metrics.units_for_room(word * spec.size, spec.indent))
        floor = min(floor, max(spec.maximum, spec.minimum))
        natural = metrics.units_for_room(widest * spec.size, spec.indent)
        natural = min(max(natural, floor), max(spec.maximum, floor))
        floors.append(floor)
        naturals.append(natural)
    room = _units_in(budget, n)
    if sum(naturals) <= room:
        return _spread(naturals, specs, room)
    widths = list(floors)
    if sum(widths) >= room:
        return _squeeze(widths, specs, cells, room)
    current = [_lines(cells, specs, widths, i) for i in range(n)]
    while True:
        left = room - sum(widths)
        totals = _row_totals(current)
        best, best_rate, best_step = -1, (0.0, 0.0), 0.0
        for i in range(n):
            if max(current[i]) == 1:
                continue
            top = max(specs[i].maximum, floors[i])
            step = STEP
            # The next width at which this column saves anything (line counts are steps).
            while step <= min(left, top - widths[i]) + 1e-9 and step <= LOOKAHEAD:
                trial = _lines(cells, specs, [*widths[:i], widths[i] + step, *widths[i + 1 :]], i)
                rows_saved, cells_saved = _gain(current, i, trial, totals)
                if cells_saved > 0:
                    rate = (rows_saved / step, cells_saved / step)
                    if rate > best_rate:
                        best, best_rate, best_step = i, rate, step
                    break
                step += STEP
        if best < 0:
            break
        widths[best] += best_step
        current[best] = _lines(cells, specs, widths, best)
    return _spread(widths, specs, room)


def _squeeze(
    floors: list[float], specs: Sequence[Spec], cells: list[list[str]], room: float
) -> list[float]:
    """Floors wider than the page: what cannot wrap gives way, a step at a time in the column
    where the fewest cells have a word too long for it (a long word or number is then broken
    where it must be: better than a column printed on a page of its own), down to each
    column's minimum; minimums wider than the page shrink alike."""
    widths = list(floors)
    lows = [min(s.minimum, f) for s, f in zip(specs, floors, strict=True)]
    words = [
        [metrics.longest_word(t, bold=(k == 0)) * spec.size for k, t in enumerate(column)]
        for spec, column in zip(specs, cells, strict=True)
    ]
    while sum(widths) - room > 1e-9:
        best, best_cost = -1, (0, 0.0)
        for i, spec in enumerate(specs):
            if widths[i] - STEP < lows[i] - 1e-9:
                continue
            room_pt = metrics.text_room(widths[i] - STEP, spec.indent)
            cost = (sum(1 for w in words[i] if w > room_pt), -widths[i])
            if best < 0 or cost < best_cost:
                best, best_cost = i, cost
        if best < 0:
            scale = room / sum(widths)
            return [math.floor(w * scale * 7) / 7 for w in widths]
        widths[best] -= STEP
    return widths


OUTLIERS = 0.1  # the share of a column's cells whose long words may be broken


def _usual_word(texts: Sequence[str]) -> float:
    """The widest word (ems) of a column's cells, leaving out the few outliers: a column is
    not made wide for one long name (it wraps), while a column of numbers all alike (phones,
    identity numbers) keeps its numbers whole."""
    words = sorted(metrics.longest_word(t) for t in texts if t)
    if not words:
        return 0.0
    return words[min(len(words) - 1, int(len(words) * (1 - OUTLIERS)))]


def _units_in(budget: float, columns: int) -> float:
    """The units ``columns`` columns may take together within ``budget`` points."""
    return (budget - 4.0 * columns) / 5.54


def _lines(
    cells: list[list[str]], specs: Sequence[Spec], widths: Sequence[float], i: int
) -> list[int]:
    spec = specs[i]
    header, *rest = cells[i]
    return [
        metrics.lines(header, widths[i], size=spec.size, bold=True),
        *(metrics.lines(t, widths[i], size=spec.size, indent=spec.indent) for t in rest),
    ]


def _row_totals(current: list[list[int]]) -> list[tuple[int, int]]:
    """Per row: its height in lines (the most wrapped cell) and the second-most."""
    totals = []
    for row in zip(*current, strict=True):
        ordered = sorted(row, reverse=True)
        totals.append((ordered[0], ordered[1] if len(ordered) > 1 else 0))
    return totals


def _gain(
    current: list[list[int]], i: int, trial: list[int], totals: list[tuple[int, int]]
) -> tuple[int, int]:
    """Lines saved by ``trial`` for column ``i``: printed lines first, then wrapped cells."""
    saved_rows = saved_cells = 0
    for r, (old, new) in enumerate(zip(current[i], trial, strict=True)):
        if new == old:
            continue
        saved_cells += old - new
        top, second = totals[r]
        other = second if old == top else top
        saved_rows += max(old, other) - max(new, other)
    return saved_rows, saved_cells


def _spread(widths: list[float], specs: Sequence[Spec], room: float) -> list[float]:
    """Give the width left within ``room`` to the columns, in proportion to their width, each
    up to its maximum; rounded down to a tenth."""
    out = list(widths)
    for _ in range(3):
        left = room - sum(out)
        open_ = [i for i, s in enumerate(specs) if out[i] < s.maximum]
        if left <= 0.05 or not open_:
            break
        weight = sum(out[i] for i in open_)
        for i in open_:
            out[i] = min(specs[i].maximum, out[i] + left * out[i] / weight)
    return [math.floor(w * 7 + 1e-6) / 7 for w in out]


def fit(widths: Sequence[float], page_width: float | None) -> list[float]:
    """Column widths as the file stores them (whole pixels: sevenths of a unit), narrowed
    alike if they would not fit ``page_width`` points (a column printed on a page of its own
    is the worst a paper can do)."""
    out = [math.floor(float(w) * 7 + 1e-6) / 7 for w in widths]
    if page_width is None:
        return out
    room = page_width - 2.0
    used = sum(metrics.column_points(w) for w in out)
    if used > room:
        scale = (room - 4.0 * len(out)) / (used - 4.0 * len(out))
        out = [math.floor(w * scale * 7) / 7 for w in out]
    return out

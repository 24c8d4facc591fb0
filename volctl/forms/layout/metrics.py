"""How much room text takes on paper: widths in ems, wrapped lines, row heights, column units.

The forms are set in 宋体. Its CJK characters (and full-width punctuation) are one em wide, its
Latin letters and digits half an em. Where 宋体 is not installed, LibreOffice draws the CJK
characters with Noto Sans CJK and the Latin ones with DejaVu Sans, whose digits are 0.64 em
and capitals up to one em; the clerk's Excel or WPS may fall back the same way. So a Latin
character counts as the wider of the two (``_ASCII``: DejaVu Sans' advance widths, never less
than half an em), and any other character as a full em: a measured line is never shorter
than the printed one.

Line pitch: Noto Sans CJK takes 1.45 em a line (16 pt for 11 pt text, measured in LibreOffice),
宋体 in Excel about 1.3; rows are sized for the taller. Column widths are Excel's units (the
width of a digit of the workbook's default font, Calibri 11): Excel prints a column of ``w``
units ``5.25 w + 3.75`` pt wide, LibreOffice (with Carlito for Calibri) ``5.54 w + 4`` pt. Text
must fit the narrower, and the table the page at the wider.
"""

from __future__ import annotations

import functools
import math
import unicodedata

SONG = "宋体"
FANGSONG = "仿宋"
BODY_SIZE = 11.0
TITLE_SIZE = 18.0
LINE_EM = 1.46  # line pitch, in ems of the font size
ROW_PAD = 5.0  # points of a row above and below its lines, together
CELL_PAD = 4.5  # points of a column's width left and right of its text, together
INDENT_PT = 5.25  # one indent level (Excel: the width of one digit... of the default font)
ROW_STEP = 0.75  # row heights are stored in whole pixels (96 dpi): multiples of 0.75 pt

# Advance widths of the printable ASCII characters (space to ~) in hundredths of an em:
# DejaVu Sans, regular and bold, each never less than 宋体's half em.
_REGULAR = (
    "50,50,50,84,64,96,78,50,50,50,50,84,50,50,50,50,64,64,64,64,64,64,64,64,64,64,50,50,84,84,"
    "84,54,100,69,69,70,78,64,58,78,76,50,50,66,56,87,75,79,61,79,70,64,62,74,69,99,69,62,69,50,"
    "50,50,84,50,50,62,64,55,64,62,50,64,64,50,50,58,50,98,64,62,64,64,50,53,50,64,60,82,60,60,"
    "53,64,50,64,84"
)
_BOLD = (
    "50,50,53,84,70,101,88,50,50,50,53,84,50,50,50,50,70,70,70,70,70,70,70,70,70,70,50,50,84,84,"
    "84,59,100,78,77,74,84,69,69,83,84,50,50,78,64,100,84,86,74,86,78,73,69,82,78,111,78,73,73,"
    "50,50,50,84,50,50,68,72,60,72,68,50,72,72,50,50,67,50,105,72,69,72,72,50,60,50,72,66,93,65,"
    "66,59,72,50,72,84"
)
_ASCII = {
    False: {chr(32 + i): int(w) / 100 for i, w in enumerate(_REGULAR.split(","))},
    True: {chr(32 + i): int(w) / 100 for i, w in enumerate(_BOLD.split(","))},
}

# Where a line may not begin (closing punctuation) or end (opening): the character travels
# with its neighbour, as LibreOffice, Excel and WPS wrap Chinese text.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


@functools.lru_cache(maxsize=1 << 16)  # a form repeats its names, dates and titles
def em_width(text: str, bold: bool = False) -> float:
    """The width of one line of ``text`` in ems."""
    table = _ASCII[bold]
    return sum(table.get(ch, 1.0) for ch in text)


def char_em(ch: str, bold: bool = False) -> float:
    return _ASCII[bold].get(ch, 1.0)


def column_points(units: float) -> float:
    """What a column of ``units`` takes across the page, at the wider of Excel and
    LibreOffice."""
    return 5.54 * units + 4.0


def text_room(units: float, indent: int = 0) -> float:
    """The points of text a column of ``units`` holds on one line, at the narrower of Excel
    and LibreOffice, less its padding and indent."""
    return max(5.25 * units + 3.75 - CELL_PAD - INDENT_PT * indent, 1.0)


def units_for_room(points: float, indent: int = 0) -> float:
    """The narrowest column (in units, to a seventh: the file stores whole pixels) whose room
    holds ``points`` of text."""
    return math.ceil((points + CELL_PAD + INDENT_PT * indent - 3.75) / 5.25 * 7 - 1e-9) / 7


def units_for_width(points: float) -> float:
    """The widest column (in units, to a seventh) that takes at most ``points`` across."""
    return math.floor((points - 4.0) / 5.54 * 7) / 7


def line_height(size: float) -> float:
    return size * LINE_EM


def row_height(lines: int, size: float) -> float:
    """A row holding ``lines`` lines of ``size`` text, in whole pixels."""
    return quantize(lines * line_height(size) + ROW_PAD)


def quantize(points: float) -> float:
    """Round up to a whole pixel: how the file stores a row's height."""
    return math.ceil(points / ROW_STEP - 1e-9) * ROW_STEP


def _units(text: str, bold: bool) -> list[tuple[float, bool]]:
    """The text cut where a line may break: (width in ems, followed by a break opportunity).
    CJK characters break on either side; Latin words, numbers and runs of punctuation stay
    whole; the kinsoku characters stay with their neighbour."""
    units: list[tuple[float, bool]] = []
    word = 0.0
    table = _ASCII[bold]
    glue_next = False
    for ch in text:
        width = table.get(ch)
        if width is not None and ch != " ":  # Latin: part of a word
            if ch in NO_LINE_START and units and not word:
                w, _ = units.pop()
                word = w
            word += width
            if ch in NO_LINE_END:
                glue_next = True
            continue
        if width is not None:  # a space: ends the word, breaks after it
            units.append((word + width, True))
            word = 0.0
            glue_next = False
            continue
        # A wide character.
        if ch in NO_LINE_START:
            if word:
                units.append((word + 1.0, True))
                word = 0.0
            elif units:
                w, _ = units.pop()
                units.append((w + 1.0, True))
            else:
                units.append((1.0, True))
            continue
        if ch in NO_LINE_END or glue_next:
            word += 1.0
            glue_next = ch in NO_LINE_END
            if not glue_next:
                units.append((word, True))
                word = 0.0
            continue
        if word:
            units.append((word, True))
            word = 0.0
        units.append((1.0, True))
    if word:
        units.append((word, True))
    return units


@functools.lru_cache(maxsize=1 << 16)
def wrapped_lines(text: str, room_em: float, bold: bool = False) -> int:
    """The lines one paragraph (no line break in it) takes in ``room_em`` ems."""
    if em_width(text, bold) <= room_em:
        return 1
    lines, used = 1, 0.0
    for width, _ in _units(text, bold):
        if used + width <= room_em:
            used += width
            continue
        if used:
            lines, used = lines + 1, 0.0
        while width > room_em:  # a word longer than a line is broken anywhere
            lines, width = lines + 1, width - room_em
        used = width
    return lines


def lines(text: str, units: float, *, size: float = 11, bold: bool = False, indent: int = 0) -> int:
    """How many lines ``text`` takes in a wrapping cell ``units`` wide (explicit breaks
    counted)."""
    room = text_room(units, indent) / size
    if "\n" not in text:
        return wrapped_lines(text, room, bold)
    return sum(wrapped_lines(part, room, bold) for part in text.split("\n"))


def longest_word(text: str, bold: bool = False) -> float:
    """The widest piece of ``text`` that cannot wrap (a number, a Latin word), in ems."""
    return max((w for w, _ in _units(text, bold)), default=0.0)


def east_asian_em(text: str) -> float:
    """An independent measure: wide and full-width characters one em, the rest half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)

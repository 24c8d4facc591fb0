"""How many lines a text takes in a column: the one place the filler measures text.

A wrapped cell in a filled row needs a taller row. The measured print layout package
(``volctl.forms.layout``) will measure with the fonts' own widths; until the filler is pointed
at it, this counts a CJK or full-width character as two of Excel's character units and any
other as one, which is how Excel's column width is defined.
"""

from __future__ import annotations

import math
import unicodedata


def width(text: str) -> int:
    """``text``'s width in Excel's character units (a Chinese character counts two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def lines(text: str, column_width: float) -> int:
    """The lines ``text`` wraps to in a column ``column_width`` characters wide."""
    room = max(column_width - 1, 1)  # a cell's padding
    return sum(max(1, math.ceil(width(part) / room)) for part in text.split("\n"))

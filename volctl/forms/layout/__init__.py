"""The one layout engine of every printed paper: measured rows, balanced columns, whole pages.

Every form, the certificate, the sign-in sheet, the rejects workbook and the blank sign-up
template are laid out here, so that they print alike and nothing is cut off:

- ``metrics``: how wide text is (a CJK character one em, Latin about half, at the wider of
  宋体 and the fonts that stand in for it), how many lines it wraps to in a column, how tall a
  row of those lines is, and what a column of Excel's units takes on paper;
- ``columns``: column widths balanced over the content within the printable width, so that
  short fields keep what they need while a long one is given the rest;
- ``paper``: the workbook (xlsxwriter in constant-memory mode: rows are streamed, never held)
  and its sheets: measured row heights, merged cells, pages counted as rows are placed, blocks
  kept together with the rows before them, repeated headers or numbered continuations, A4 with
  a binding margin and ``第 N 页 共 M 页``;
- ``cells``: cell values and styles (``Hours``, ``Cell``, ``Style``) and dates on paper
  (``cn_date``: 2025年1月15日).

Nothing here imports xlsxwriter until a paper is made, so commands that print nothing stay
quick to start.
"""

from __future__ import annotations

from volctl.forms.layout.cells import (
    CENTRE,
    HEAD,
    HOURS_FORMAT,
    PLAIN,
    TEXT,
    Cell,
    Hours,
    Style,
    cn_date,
    cn_month,
)
from volctl.forms.layout.metrics import BODY_SIZE, FANGSONG, SONG, TITLE_SIZE

__all__ = [
    "BODY_SIZE",
    "CENTRE",
    "FANGSONG",
    "HEAD",
    "HOURS_FORMAT",
    "PLAIN",
    "SONG",
    "TEXT",
    "TITLE_SIZE",
    "Cell",
    "Hours",
    "Style",
    "cn_date",
    "cn_month",
]

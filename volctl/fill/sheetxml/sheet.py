"""The worksheet's XML read where the filler works: its rows, column widths and row
heights, a row's attributes, the text of a cell."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

DEFAULT_WIDTH = 8.43

DEFAULT_HEIGHT = 14.25


def column_index(letters: str) -> int:
    """A -> 0, Z -> 25, AA -> 26."""
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number - 1


@dataclass
class Row:
    number: int
    text: str  # the whole <row>…</row> element

    def cells(self, p: str) -> list[tuple[int, str]]:
        """(column index, attributes) of each cell, in order."""
        found = []
        column = -1
        for m in re.finditer(rf"<{p}c\b([^>]*?)(?:/>|>)", self.text):
            attrs = m.group(1)
            ref = re.search(r'\br="([A-Z]{1,3})\d+"', attrs)
            column = column_index(ref.group(1)) if ref else column + 1
            found.append((column, attrs))
        return found


@dataclass
class Sheet:
    """A worksheet's XML cut where the filler works: before the rows, the rows, after them."""

    head: str
    rows: dict[int, Row]
    order: list[int]
    tail: str
    prefix: str  # the namespace prefix of the sheet's elements ("" or "x:")
    widths: dict[int, float] = field(default_factory=dict)
    default_width: float = DEFAULT_WIDTH
    default_height: float = DEFAULT_HEIGHT

    @classmethod
    def parse(cls, xml: str) -> Sheet:
        m = re.search(r"<(\w+:)?sheetData\b[^>]*?(/>|>)", xml)
        if m is None:
            raise ValueError("no sheetData")
        p = m.group(1) or ""
        if m.group(2) == "/>":
            head, inner, tail = (
                xml[: m.start()] + f"<{p}sheetData>",
                "",
                f"</{p}sheetData>" + xml[m.end() :],
            )
        else:
            close = xml.index(f"</{p}sheetData>", m.end())
            head, inner, tail = xml[: m.end()], xml[m.end() : close], xml[close:]
        rows: dict[int, Row] = {}
        order: list[int] = []
        number = 0
        for rm in re.finditer(rf"<{p}row\b([^>]*?)(?:/>|>.*?</{p}row>)", inner, re.S):
            ref = re.search(r'\br="(\d+)"', rm.group(1))
            number = int(ref.group(1)) if ref else number + 1
            rows[number] = Row(number, rm.group(0))
            order.append(number)
        sheet = cls(head, rows, order, tail, p)
        sheet._formats()
        return sheet

    def _formats(self) -> None:
        p = self.prefix
        fmt = re.search(rf"<{p}sheetFormatPr\b([^>]*)", self.head)
        if fmt:
            width = re.search(r'\bdefaultColWidth="([\d.]+)"', fmt.group(1))
            base = re.search(r'\bbaseColWidth="([\d.]+)"', fmt.group(1))
            height = re.search(r'\bdefaultRowHeight="([\d.]+)"', fmt.group(1))
            if width:
                self.default_width = float(width.group(1))
            elif base:
                self.default_width = float(base.group(1)) + 0.71
            if height:
                self.default_height = float(height.group(1))
        for cm in re.finditer(rf"<{p}col\b([^>]*)", self.head):
            attrs = cm.group(1)
            lo = re.search(r'\bmin="(\d+)"', attrs)
            hi = re.search(r'\bmax="(\d+)"', attrs)
            wd = re.search(r'\bwidth="([\d.]+)"', attrs)
            if lo and hi and wd:
                for c in range(int(lo.group(1)), min(int(hi.group(1)), 16384) + 1):
                    self.widths[c - 1] = float(wd.group(1))

    def width(self, column: int) -> float:
        return self.widths.get(column, self.default_width)


def row_attributes(text: str, p: str) -> str:
    m = re.match(rf"<{p}row\b([^>]*?)/?>", text)
    attrs = m.group(1) if m else ""
    return re.sub(r'\s(?:r|spans)="[^"]*"', "", attrs)


def attr(attrs: str, name: str) -> str | None:
    m = re.search(rf'\b{name}="([^"]*)"', attrs)
    return m.group(1) if m else None


def int_or_none(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() else None


def set_height(attrs: str, height: float) -> str:
    attrs = re.sub(r'\s(?:ht|customHeight)="[^"]*"', "", attrs)
    return f'{attrs} ht="{height:g}" customHeight="1"'


def texts(xml: str) -> str:
    """The text of an inline or shared string (its runs, without phonetic guides)."""
    from xml.sax.saxutils import unescape

    xml = re.sub(r"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", "", xml, flags=re.S)
    return unescape("".join(re.findall(r"<(?:\w+:)?t\b[^>]*>(.*?)</(?:\w+:)?t>", xml, re.S)))


def shared_strings(zin: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in zin.namelist():
        return []
    xml = zin.read("xl/sharedStrings.xml").decode("utf-8")
    return [texts(m.group(1)) for m in re.finditer(r"<(?:\w+:)?si>(.*?)</(?:\w+:)?si>", xml, re.S)]

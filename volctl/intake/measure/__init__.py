"""What a spreadsheet reader will build from a file, measured before it builds it.

calamine (the Rust reader behind python-calamine) turns a sheet into one dense grid: a single
cell at XFD1048576 makes it allocate 17 billion cells, and a shared text of a megabyte named by
a few thousand cells makes it hold gigabytes. When an allocation fails, Rust aborts the
process: nothing can catch it. So every sheet calamine will build is measured here first, in
bounded memory, the way calamine itself will read it:

- :mod:`.xlsx`: the sheet's cells placed as calamine places them (references in either quote,
  with spaces around ``=``, in lower case, or left out and counted on), the text each shared
  string will be copied into, and the merged areas;
- :mod:`.ods`: rows and cells repeated by ``table:number-rows-repeated`` and
  ``table:number-columns-repeated``, the text they repeat, and ``text:s`` spaces;
- :mod:`.xls`: the cell records of every sheet, the size each sheet's DIMENSIONS record makes
  calamine reserve, and the shared strings its cells copy.

A measure stops as soon as a cap is passed (:class:`TooBig`, carrying what was seen so far), so
a bomb is refused within a fraction of a second. What calamine would refuse, or what cannot be
measured with certainty, is :class:`Damaged`: the file is refused as damaged, never opened.

XML is read with expat (a real parser), streamed: a document that is not well-formed, or that
declares a DOCTYPE (entities), is damaged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

CHUNK = 1 << 20
U32 = 1 << 32


@dataclass(frozen=True)
class Extent:
    """How far a sheet's cells reach (rows and columns counted from A1) and how many bytes of
    text calamine will hold for its cells beyond what the file itself spells out."""

    rows: int
    columns: int
    text: int = 0
    merged: int = 0


@dataclass(frozen=True)
class Caps:
    """What one file may make the reader build (from ``guard.Limits``)."""

    rows: int
    columns: int
    cells: int
    text: int
    merged: int

    def check(
        self, rows: int, columns: int, text: int = 0, merged: int = 0, cells: int | None = None
    ) -> None:
        """``TooBig`` if any cap is passed; ``cells`` (else rows x columns) is the grid the
        reader builds, for a whole workbook where it builds every sheet."""
        if (
            rows > self.rows
            or columns > self.columns
            or (rows * columns if cells is None else cells) > self.cells
            or text > self.text
            or merged > self.merged
        ):
            raise TooBig(Extent(rows, columns, text, merged))


class TooBig(Exception):
    """A cap was passed while measuring; ``extent`` is what had been seen by then."""

    def __init__(self, extent: Extent, sheet: str | None = None) -> None:
        super().__init__(extent)
        self.extent = extent
        self.sheet = sheet


class Damaged(Exception):
    """The file is not what calamine can read, or cannot be measured with certainty."""


def local(name: str) -> str:
    """An element's name without its prefix, split at the first colon as quick-xml does."""
    colon = name.find(":")
    return name if colon < 0 else name[colon + 1 :]


def last(attributes: list[str], key: str) -> str | None:
    """The value of attribute ``key`` in expat's ordered list (name, value, name, value…)."""
    found = None
    for i in range(0, len(attributes) - 1, 2):
        if attributes[i] == key:
            found = attributes[i + 1]
    return found


def chunks(stream: IO[bytes], size: int = CHUNK) -> Iterator[bytes]:
    while True:
        data = stream.read(size)
        if not data:
            return
        yield data


def parse(
    stream: IO[bytes],
    start: Callable[[str, list[str]], None] | None = None,
    end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> None:
    """Stream an XML document through expat with these handlers. A handler may raise to stop
    early (``TooBig``, or ``StopIteration`` when it has seen all it needs); a document that is
    not well-formed, or declares a DOCTYPE, raises ``Damaged``."""
    from xml.parsers import expat

    parser: Any = expat.ParserCreate()
    parser.ordered_attributes = True
    parser.buffer_text = True
    parser.buffer_size = 1 << 16

    def no_doctype(*_args: object) -> None:
        raise Damaged("DOCTYPE")

    parser.StartDoctypeDeclHandler = no_doctype
    parser.EntityDeclHandler = no_doctype
    if start is not None:
        parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        for data in chunks(stream):
            parser.Parse(data, False)
        parser.Parse(b"", True)
    except StopIteration:
        return
    except expat.ExpatError as exc:
        raise Damaged(str(exc)) from None


def position(ref: str) -> tuple[int, int | None]:
    """A cell reference as calamine reads it (``get_row_and_optional_column``): (row, column),
    0-based, the column None when the reference has none. Lower-case letters count as upper;
    anything calamine refuses is ``Damaged``; a number past 32 bits (calamine would wrap it)
    comes back as 2**32, past every cap."""
    if len(ref) > 16:
        return U32, U32
    row = col = 0
    power = 1
    reading_row = True
    for ch in reversed(ref):
        if "0" <= ch <= "9":
            if not reading_row:
                raise Damaged(ref)
            row += (ord(ch) - 48) * power
            power *= 10
        elif "A" <= ch <= "Z" or "a" <= ch <= "z":
            if reading_row:
                if row == 0:
                    raise Damaged(ref)
                power = 1
                reading_row = False
            col += (ord(ch.upper()) - 64) * power
            power *= 26
        else:
            raise Damaged(ref)
    if row == 0:
        raise Damaged(ref)
    return min(row - 1, U32), (None if col == 0 else min(col - 1, U32))

"""Filling an .xlsx template by rewriting its sheet's XML: everything else stays byte for byte.

A template is a workbook someone else made: its title, fonts, borders, column widths, merged
header, print area, rows repeated on each page, margins, orientation, a signature block below
the table, perhaps a 合计 row with a formula. Loading it into a spreadsheet library and saving
it again loses some of that (openpyxl drops what it does not model and its ``insert_rows``
moves neither merged ranges nor formulas nor the print area). So the filler works on the file:

- every zip member but the filled sheet is copied as it is, except the few that name rows
  of that sheet (the workbook's print area and other defined names, drawings anchored below the
  table, comments, tables) whose row numbers are moved, and ``calcChain.xml``, which is dropped
  (Excel rebuilds it; the workbook asks for a full recalculation on load);
- in the sheet, the rows above the table are written as they are; the template's empty table
  rows (its *body*: the rows under the header, up to the first row holding text, that have
  cells) are replaced by one row per person, each cell styled like the cell of its column in
  the body's first row (borders, font, alignment, number format, height), its merged ranges
  repeated; the rows below are moved down (or up) by the difference, and with them every
  merged range, conditional format, data validation, hyperlink, page break and formula
  reference; a range that ended on the body's last row (=SUM(F5:F14) in a 合计 row) now ends on
  the last filled row.

Text is written as inline strings (an identity number stays text); a text that a spreadsheet
would run as a formula gets a copy of its cell's style with Excel's quote prefix, so it is shown
as typed and never run; numbers are numbers.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any
from xml.sax.saxutils import escape

from volctl.fill import measure
from volctl.headings import column_letter
from volctl.render import FORMULA_PREFIXES

Mapper = Callable[[int, bool], int | None]  # (row, is a range's end) -> new row, or None

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EXCEL_DIGITS = 10**15
DEFAULT_WIDTH = 8.43
DEFAULT_HEIGHT = 14.25


def column_index(letters: str) -> int:
    """A -> 0, Z -> 25, AA -> 26."""
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number - 1


# ----------------------------------------------------------------------------- references

_REF = re.compile(
    r"(?<![\w.$!\]])"
    r"(?P<sheet>(?:'(?:[^']|'')+'|[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)!)?"
    r"(?P<a>\$?[A-Z]{1,3}\$?\d+)(?::(?P<b>\$?[A-Z]{1,3}\$?\d+))?(?![\w(])"
)
_ROWS_REF = re.compile(
    r"(?<![\w.$!\]])"
    r"(?P<sheet>(?:'(?:[^']|'')+'|[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)!)?"
    r"(?P<a>\$?\d+):(?P<b>\$?\d+)(?![\w(])"
)
_CELL = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")


def _sheet_of(qualifier: str | None) -> str | None:
    if not qualifier:
        return None
    name = qualifier[:-1]
    if name.startswith("'"):
        name = name[1:-1].replace("''", "'")
    return name


def shift_refs(
    text: str, mapper: Mapper, sheet: str, *, unqualified: bool, rows: bool = False
) -> str:
    """References in a formula or a defined name (XML-escaped text) with their rows moved by
    ``mapper``: those qualified with ``sheet``, and unqualified ones when ``unqualified``.
    String literals are left alone; ``rows`` also moves whole-row ranges ($3:$4)."""
    parts = re.split(r"(&quot;.*?&quot;|\"[^\"]*\")", text)
    for i in range(0, len(parts), 2):
        parts[i] = _shift_code(parts[i], mapper, sheet, unqualified, rows)
    return "".join(parts)


def _shift_code(code: str, mapper: Mapper, sheet: str, unqualified: bool, rows: bool) -> str:
    def ours(qualifier: str | None) -> bool:
        name = _sheet_of(qualifier)
        return unqualified if name is None else name == sheet

    def cell(ref: str, end: bool) -> str | None:
        m = _CELL.fullmatch(ref)
        assert m is not None
        moved = mapper(int(m.group(4)), end)
        return None if moved is None else f"{m.group(1)}{m.group(2)}{m.group(3)}{moved}"

    def one(m: re.Match[str]) -> str:
        if not ours(m.group("sheet")):
            return m.group(0)
        first = cell(m.group("a"), False)
        if m.group("b") is None:
            return (m.group("sheet") or "") + (first or "#REF!")
        last = cell(m.group("b"), True)
        if first is None or last is None:
            return (m.group("sheet") or "") + "#REF!"
        return f"{m.group('sheet') or ''}{first}:{last}"

    code = _REF.sub(one, code)
    if rows:

        def whole(m: re.Match[str]) -> str:
            if not ours(m.group("sheet")):
                return m.group(0)
            a, b = m.group("a"), m.group("b")
            ra = mapper(int(a.lstrip("$")), False)
            rb = mapper(int(b.lstrip("$")), True)
            if ra is None or rb is None:
                return m.group(0)
            first, last = f"{'$' * a.startswith('$')}{ra}", f"{'$' * b.startswith('$')}{rb}"
            return f"{m.group('sheet') or ''}{first}:{last}"

        code = _ROWS_REF.sub(whole, code)
    return code


def shift_range(ref: str, mapper: Mapper) -> str | None:
    """One A1 range or cell (a sqref item) moved; None when it no longer exists."""
    first, _, last = ref.partition(":")
    a = _CELL.fullmatch(first)
    if a is None:
        return ref
    ra = mapper(int(a.group(4)), False)
    if not last:
        return None if ra is None else f"{a.group(1)}{a.group(2)}{a.group(3)}{ra}"
    b = _CELL.fullmatch(last)
    if b is None:
        return ref
    rb = mapper(int(b.group(4)), True)
    if ra is None or rb is None or rb < ra:
        return None
    return f"{a.group(1)}{a.group(2)}{a.group(3)}{ra}:{b.group(1)}{b.group(2)}{b.group(3)}{rb}"


def body_mapper(first: int, old_count: int, new_count: int) -> Mapper:
    """Rows above the body stay; rows below move by the difference; a row inside the body is
    the same row of the new body, or its last row; a range's end on the body's last row is
    the new body's last row."""
    old_last = first + old_count - 1
    new_last = first + new_count - 1
    delta = new_count - old_count

    def move(row: int, end: bool) -> int | None:
        if row < first:
            return row
        if row > old_last:
            return row + delta
        if end and row == old_last:
            return new_last
        return min(row, new_last)

    return move


# ----------------------------------------------------------------------------- styles


class Styles:
    """The workbook's cell formats (``cellXfs``), to add the few the filler needs: a cell's
    style with Excel's quote prefix, and a header cell's borders without its font and fill."""

    _XFS = re.compile(r"(<cellXfs\b[^>]*>)(.*?)(</cellXfs>)", re.S)
    _XF = re.compile(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", re.S)

    def __init__(self, xml: str | None) -> None:
        self.xml = xml
        self.xfs: list[str] = []
        self.added: list[str] = []
        self.cache: dict[tuple[int, str], int] = {}
        if xml is not None:
            m = self._XFS.search(xml)
            if m is not None:
                self.xfs = self._XF.findall(m.group(2))

    @property
    def changed(self) -> bool:
        return bool(self.added)

    def wraps(self, index: int) -> bool:
        xf = self.xfs[index] if 0 <= index < len(self.xfs) else ""
        return 'wrapText="1"' in xf or 'wrapText="true"' in xf

    def _clone(self, index: int, how: str, change: Callable[[str], str]) -> int:
        key = (index, how)
        if key in self.cache:
            return self.cache[key]
        if not (0 <= index < len(self.xfs)):
            return index
        xf = change(self.xfs[index])
        self.added.append(xf)
        self.xfs.append(xf)
        self.cache[key] = len(self.xfs) - 1
        return self.cache[key]

    def quoted(self, index: int) -> int:
        """``index`` with Excel's quote prefix (a text shown as typed, never run)."""

        def change(xf: str) -> str:
            xf = re.sub(r'\squotePrefix="[^"]*"', "", xf)
            return re.sub(r"^<xf\b", '<xf quotePrefix="1"', xf)

        return self._clone(index, "quoted", change)

    def plain(self, index: int) -> int:
        """A header cell's style for a data cell: its borders and alignment, the workbook's
        default font and no fill."""

        def change(xf: str) -> str:
            xf = re.sub(r'\s(?:fontId|fillId|applyFont|applyFill)="[^"]*"', "", xf)
            return re.sub(r"^<xf\b", '<xf fontId="0" fillId="0"', xf)

        return self._clone(index, "plain", change)

    def text(self) -> str | None:
        if self.xml is None or not self.added:
            return self.xml
        m = self._XFS.search(self.xml)
        assert m is not None
        opening = re.sub(r'count="\d+"', f'count="{len(self.xfs)}"', m.group(1))
        body = m.group(2) + "".join(self.added)
        return self.xml[: m.start()] + opening + body + m.group(3) + self.xml[m.end() :]


# ----------------------------------------------------------------------------- the sheet


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


def _row_attrs(text: str, p: str) -> str:
    m = re.match(rf"<{p}row\b([^>]*?)/?>", text)
    attrs = m.group(1) if m else ""
    return re.sub(r'\s(?:r|spans)="[^"]*"', "", attrs)


def fit_header(
    sheet: Sheet, first: int, last: int, styles: Styles, strings: Callable[[], list[str]]
) -> int:
    """Make the header rows that have no height of their own tall enough for their wrapped
    labels (队伍层级 in a narrow column): LibreOffice and WPS print such a row at the default
    height, the label's second line over the row below. Returns how many rows were changed."""
    p = sheet.prefix
    skip: set[tuple[int, int]] = set()
    wide: dict[tuple[int, int], float] = {}
    for m in _MERGE.finditer(sheet.tail):
        a, _, b = m.group(2).partition(":")
        ma, mb = _CELL.fullmatch(a), _CELL.fullmatch(b or a)
        if ma is None or mb is None:
            continue
        r0, r1 = int(ma.group(4)), int(mb.group(4))
        c0, c1 = column_index(ma.group(2)), column_index(mb.group(2))
        for r in range(max(r0, first), min(r1, last) + 1):
            for c in range(c0, c1 + 1):
                skip.add((r, c))
        if r0 == r1:  # across columns only: measured over their widths
            skip.discard((r0, c0))
            wide[(r0, c0)] = sum(sheet.width(c) for c in range(c0, c1 + 1))
    line = sheet.default_height
    changed = 0
    for number in range(first, last + 1):
        row = sheet.rows.get(number)
        if row is None:
            continue
        attrs = _row_attrs(row.text, p)
        if _attr(attrs, "customHeight") in ("1", "true"):
            continue  # a height the template's author chose
        need = 1
        for m in re.finditer(rf"<{p}c\b([^>]*?)(?:/>|>(.*?)</{p}c>)", row.text, re.S):
            cell, inner = m.group(1), m.group(2) or ""
            ref = re.search(r'\br="([A-Z]{1,3})\d+"', cell)
            style = _int(_attr(cell, "s"))
            if ref is None or style is None or not styles.wraps(style):
                continue
            column = column_index(ref.group(1))
            if (number, column) in skip:
                continue
            if _attr(cell, "t") == "s":
                v = re.search(r"<(?:\w+:)?v>(\d+)<", inner)
                table = strings() if v else []
                text = table[int(v.group(1))] if v and int(v.group(1)) < len(table) else ""
            else:
                text = _texts(inner)
            width = wide.get((number, column), sheet.width(column))
            need = max(need, measure.lines(text, width))
        height = need * line + 2
        current = _attr(attrs, "ht")
        if need > 1 and (current is None or float(current) < height):
            opening = re.match(rf"<{p}row\b([^>]*?)(/?)>", row.text)
            assert opening is not None  # a row is parsed from its opening tag
            taller = f"<{p}row{_set_height(opening.group(1), height)}{opening.group(2)}>"
            sheet.rows[number] = Row(number, taller + row.text[opening.end() :])
            changed += 1
    return changed


def _texts(xml: str) -> str:
    """The text of an inline or shared string (its runs, without phonetic guides)."""
    from xml.sax.saxutils import unescape

    xml = re.sub(r"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", "", xml, flags=re.S)
    return unescape("".join(re.findall(r"<(?:\w+:)?t\b[^>]*>(.*?)</(?:\w+:)?t>", xml, re.S)))


def shared_strings(zin: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in zin.namelist():
        return []
    xml = zin.read("xl/sharedStrings.xml").decode("utf-8")
    return [_texts(m.group(1)) for m in re.finditer(r"<(?:\w+:)?si>(.*?)</(?:\w+:)?si>", xml, re.S)]


def _set_height(attrs: str, height: float) -> str:
    attrs = re.sub(r'\s(?:ht|customHeight)="[^"]*"', "", attrs)
    return f'{attrs} ht="{height:g}" customHeight="1"'


def _attr(attrs: str, name: str) -> str | None:
    m = re.search(rf'\b{name}="([^"]*)"', attrs)
    return m.group(1) if m else None


def move_row(row: Row, new: int, mapper: Mapper, sheet: str, p: str) -> str:
    """A row below the table at its new number, its cells' references and formulas moved."""
    text = re.sub(rf'^(<{p}row\b[^>]*?\br=")\d+(")', rf"\g<1>{new}\2", row.text, count=1)
    text = re.sub(rf'(<{p}c\b[^>]*?\br="[A-Z]{{1,3}})\d+(")', rf"\g<1>{new}\2", text)
    return shift_formulas(text, mapper, sheet, p, unqualified=True)


def shift_formulas(text: str, mapper: Mapper, sheet: str, p: str, *, unqualified: bool) -> str:
    """Every formula in ``text`` (a row, or a whole other sheet) with its references moved;
    its cached value dropped, so that it is computed again."""
    if f"<{p}f" not in text:
        return text

    def formula(m: re.Match[str]) -> str:
        opening, body = m.group(1), m.group(2)
        ref = _attr(opening, "ref")
        if ref:
            moved = shift_range(ref, mapper) or ref
            opening = opening.replace(f'ref="{ref}"', f'ref="{moved}"')
        new = shift_refs(body, mapper, sheet, unqualified=unqualified)
        return f"{opening}{new}</{p}f>"

    text = re.sub(rf"(<{p}f\b[^>]*>)(.*?)</{p}f>", formula, text, flags=re.S)
    return re.sub(rf"(</{p}f>|<{p}f\b[^>]*/>)<{p}v>[^<]*</{p}v>", r"\1", text)


def widen(head: str, wanted: dict[int, float], sheet: Sheet) -> str:
    """``head`` with each column of ``wanted`` (0-based index -> width) at least that wide:
    a column of identity numbers or phones is never so narrow that a number breaks."""
    p = sheet.prefix
    needs = {c: w for c, w in wanted.items() if sheet.width(c) < w}
    if not needs:
        return head
    found = re.search(rf"<{p}cols>(.*?)</{p}cols>", head, re.S)
    items: list[tuple[int, int, str]] = []
    if found is not None:
        for cm in re.finditer(rf"<{p}col\b([^>]*?)/?>", found.group(1)):
            attrs = cm.group(1)
            lo, hi = _int(_attr(attrs, "min")), _int(_attr(attrs, "max"))
            if lo is not None and hi is not None:
                rest = re.sub(r'\s(?:min|max)="[^"]*"', "", attrs)
                items.append((lo, hi, rest))
    for column, width in sorted(needs.items()):
        n = column + 1
        widened = f' width="{width:g}" customWidth="1"'
        for i, (lo, hi, attrs) in enumerate(items):
            if lo <= n <= hi:
                attrs_wide = re.sub(r'\s(?:width|customWidth)="[^"]*"', "", attrs) + widened
                pieces = [(lo, n - 1, attrs)] if lo < n else []
                pieces.append((n, n, attrs_wide))
                if n < hi:
                    pieces.append((n + 1, hi, attrs))
                items[i : i + 1] = pieces
                break
        else:
            items.append((n, n, widened))
    items.sort()
    block = "".join(f'<{p}col min="{lo}" max="{hi}"{attrs}/>' for lo, hi, attrs in items)
    if found is not None:
        return head[: found.start()] + f"<{p}cols>{block}</{p}cols>" + head[found.end() :]
    at = head.rindex(f"<{p}sheetData")
    return head[:at] + f"<{p}cols>{block}</{p}cols>" + head[at:]


# ----------------------------------------------------------------------------- cells


def cell_xml(ref: str, style: int | None, value: Any, styles: Styles) -> str:
    s = f' s="{style}"' if style is not None else ""
    if value is None or value == "" or value == []:
        return f'<c r="{ref}"{s}/>'
    kind = type(value)
    if kind is bool:
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        if kind is int and not -EXCEL_DIGITS < value < EXCEL_DIGITS:
            value = str(value)
        else:
            return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    text = value if kind is str else str(value)
    if not text.isprintable():
        text = _ILLEGAL.sub("", text)
    text = text[:32767]
    if text.startswith(FORMULA_PREFIXES) and style is not None:
        s = f' s="{styles.quoted(style)}"'
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


# ----------------------------------------------------------------------------- the workbook


class Damaged(Exception):
    """A part of the template that is not well-formed XML: copied as it is, it would make the
    filled file one that Excel repairs or refuses."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


def check_parts(zin: zipfile.ZipFile) -> None:
    """Every XML part of the workbook parses (the filled file copies or rewrites each)."""
    from xml.parsers import expat

    for info in zin.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        parser = expat.ParserCreate()
        try:
            parser.Parse(zin.read(info.filename), True)
        except (expat.ExpatError, ValueError, zipfile.BadZipFile, OSError, EOFError):
            raise Damaged(info.filename) from None


@dataclass
class Result:
    rows: int  # filled rows
    body: int  # the template's empty table rows they replaced
    moved: int  # rows below the table that were moved
    first_row: int  # the first filled row, counted from 1
    formulas: int = 0  # formulas whose references were moved
    notes: list[str] = field(default_factory=list)
    formula_columns: list[int] = field(default_factory=list)  # carried down to every row


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type, member) of a part's relationships."""
    folder, _, name = part.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels"
    if rels not in zf.namelist():
        return {}
    out = {}
    for m in re.finditer(r"<Relationship\b([^>]*)/?>", zf.read(rels).decode("utf-8")):
        attrs = m.group(1)
        target = _attr(attrs, "Target") or ""
        if _attr(attrs, "TargetMode") == "External":
            continue
        out[_attr(attrs, "Id") or ""] = (_attr(attrs, "Type") or "", _resolve(folder, target))
    return out


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts = folder.split("/") if folder else []
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def fill(
    source: IO[bytes] | str,
    out: IO[bytes],
    *,
    sheet_name: str,
    part: str,
    header_first: int,
    header_last: int,
    footer_row: int | None,
    columns: Sequence[tuple[int, str | None]],
    rows: Iterable[Sequence[Any]],
    count: int,
    print_titles: bool = True,
    min_widths: dict[int, float] | None = None,
) -> Result:
    """Fill ``sheet_name`` (zip member ``part``) of the workbook ``source`` into ``out``.

    ``columns``: (column index, field or None) of the header; ``rows``: each filled row's
    values in that order (``count`` of them, known ahead: the rows below move by it);
    ``min_widths``: columns to widen to at least that width (see :func:`widen`)."""
    with zipfile.ZipFile(source) as zin:
        check_parts(zin)
        sheet = Sheet.parse(zin.read(part).decode("utf-8"))
        styles = Styles(
            zin.read("xl/styles.xml").decode("utf-8") if "xl/styles.xml" in zin.namelist() else None
        )
        if min_widths and count:
            sheet.head = widen(sheet.head, min_widths, sheet)
        loaded: list[list[str]] = []

        def strings() -> list[str]:
            if not loaded:
                loaded.append(shared_strings(zin))
            return loaded[0]

        fit_header(sheet, header_first, header_last, styles, strings)
        body = _body(sheet, header_last, footer_row) if count else []  # nobody: kept as is
        first = header_last + 1
        mapper = body_mapper(first, len(body), count)
        pattern = _pattern(sheet, body, header_first, header_last, columns, styles)
        result = Result(count, len(body), 0, first)
        changed: dict[str, bytes] = {}
        workbook = zin.read("xl/workbook.xml").decode("utf-8")
        changed["xl/workbook.xml"] = _workbook(
            workbook, sheet_name, mapper, header_first, header_last, print_titles, result
        ).encode("utf-8")
        calc_chain = _drop_calc_chain(zin, changed)
        for _rid, (kind, member) in _rels(zin, part).items():
            if member not in zin.namelist():
                continue
            if kind.endswith(("/drawing", "/vmlDrawing", "/comments", "/table")):
                text = zin.read(member).decode("utf-8", errors="strict")
                changed[member] = _related(kind, text, mapper).encode("utf-8")
        for other in _other_sheets(zin, part):
            text = zin.read(other).decode("utf-8")
            if "<f" in text and sheet_name in text:
                moved = shift_formulas(text, mapper, sheet_name, _prefix(text), unqualified=False)
                if moved != text:
                    changed[other] = moved.encode("utf-8")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename == calc_chain:
                    continue
                if info.filename == part:
                    target = zipfile.ZipInfo(part, date_time=info.date_time)
                    target.compress_type = zipfile.ZIP_DEFLATED
                    with zout.open(target, "w") as stream:
                        for chunk in _sheet_xml(
                            sheet,
                            body,
                            first,
                            count,
                            rows,
                            columns,
                            pattern,
                            mapper,
                            styles,
                            sheet_name,
                            result,
                        ):
                            stream.write(chunk.encode("utf-8"))
                    continue
                if info.filename == "xl/styles.xml":
                    continue  # written last: the filled sheet may add formats
                data = changed.get(info.filename)
                zout.writestr(info, data if data is not None else zin.read(info.filename))
            if "xl/styles.xml" in zin.namelist():
                info = zin.getinfo("xl/styles.xml")
                styled = styles.text()
                zout.writestr(
                    info, styled.encode("utf-8") if styled is not None else zin.read(info.filename)
                )
    return result


def _prefix(xml: str) -> str:
    m = re.search(r"<(\w+:)?sheetData\b", xml)
    return (m.group(1) or "") if m else ""


def _other_sheets(zin: zipfile.ZipFile, part: str) -> list[str]:
    return [
        n
        for n in zin.namelist()
        if n.startswith("xl/worksheets/") and n.endswith(".xml") and n != part
    ]


def _body(sheet: Sheet, header_last: int, footer_row: int | None) -> list[int]:
    """The template's table rows to replace: from under the header, rows that have cells
    (borders drawn; an example row, rows filled before), up to the first row without any or
    the first row below the table holding text (``footer_row``)."""
    body = []
    number = header_last + 1
    while (footer_row is None or number < footer_row) and number in sheet.rows:
        if f"<{sheet.prefix}c" not in sheet.rows[number].text:
            break
        body.append(number)
        number += 1
    return body


_HOLDS_VALUE = re.compile(r"<(?:\w+:)?(?:v|is|f)[\s>/]")
# A cell's own formula (not an array's or a shared one's): its column letters and its text.
_PLAIN_FORMULA = re.compile(
    r'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})\d+"[^>]*(?<!/)>(?:(?!</?(?:\w+:)?c\b).)*?'
    r"<(?:\w+:)?f>([^<]+)</(?:\w+:)?f>",
    re.S,
)


@dataclass
class Pattern:
    attrs: str  # the row's attributes (height, style) without its number
    height: float | None
    cells: list[tuple[int, int | None]]  # (column, style) of every cell a filled row has
    merges: list[tuple[int, int]]  # column ranges merged within the row
    source: int | None = None  # the body row it was taken from
    # Formulas of that row in columns nothing fills (小计 =H4*2): carried down to every row.
    formulas: dict[int, str] = field(default_factory=dict)


def _pattern(
    sheet: Sheet,
    body: list[int],
    header_first: int,
    header_last: int,
    columns: Sequence[tuple[int, str | None]],
    styles: Styles,
) -> Pattern:
    """How a filled row looks: the body's first row, or (a template without one) the header's
    cells without their font and fill."""
    p = sheet.prefix
    wanted = {c for c, _f in columns}
    if body:
        # The first empty row: an example row or last month's data may be styled apart.
        empty = [n for n in body if not _HOLDS_VALUE.search(sheet.rows[n].text)]
        source = (empty or body)[0]
        row = sheet.rows[source]
        cells = [(c, _int(_attr(a, "s"))) for c, a in row.cells(p)]
        have = {c for c, _s in cells}
        cells += [(c, None) for c in sorted(wanted - have)]
        cells.sort()
        attrs = _row_attrs(row.text, p)
        height = _attr(attrs, "ht")
        filled = {c for c, f in columns if f is not None}
        formulas = {
            column_index(m.group(1)): m.group(2)
            for m in _PLAIN_FORMULA.finditer(row.text)
            if column_index(m.group(1)) not in filled
        }
        return Pattern(attrs, float(height) if height else None, cells, [], source, formulas)
    by_column: dict[int, int | None] = {}
    for number in range(header_first, header_last + 1):
        if number in sheet.rows:
            for c, a in sheet.rows[number].cells(p):
                s = _int(_attr(a, "s"))
                if s is not None and (c not in by_column or number == header_last):
                    by_column[c] = styles.plain(s)
    cells = [(c, by_column.get(c)) for c in sorted(wanted | set(by_column))]
    return Pattern("", None, cells, [])


def _int(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() else None


def _sheet_xml(
    sheet: Sheet,
    body: list[int],
    first: int,
    count: int,
    rows: Iterable[Sequence[Any]],
    columns: Sequence[tuple[int, str | None]],
    pattern: Pattern,
    mapper: Mapper,
    styles: Styles,
    sheet_name: str,
    result: Result,
) -> Iterator[str]:
    p = sheet.prefix
    body_set = set(body)
    last_body = first + len(body) - 1
    if count:
        result.formula_columns = sorted(pattern.formulas)
    merges, replicated = _merges(sheet.tail, body, first, count, mapper, pattern.source)
    pattern.merges = replicated
    yield _shift_dimension(sheet.head, mapper)
    below: list[int] = []
    for number in sheet.order:
        if number in body_set:
            continue
        if number > last_body:
            below.append(number)
            continue
        text = sheet.rows[number].text
        if f"<{p}f" in text:
            moved = shift_formulas(text, mapper, sheet_name, p, unqualified=True)
            result.formulas += moved != text
            text = moved
        yield text
    yield from _filled_rows(sheet, first, rows, columns, pattern, styles, mapper, sheet_name)
    for number in below:
        new = mapper(number, False)
        assert new is not None
        text = move_row(sheet.rows[number], new, mapper, sheet_name, p)
        result.moved += 1
        yield text
    yield _tail(sheet.tail, merges, mapper, p, sheet_name)


def _filled_rows(
    sheet: Sheet,
    first: int,
    rows: Iterable[Sequence[Any]],
    columns: Sequence[tuple[int, str | None]],
    pattern: Pattern,
    styles: Styles,
    mapper: Mapper,
    sheet_name: str,
) -> Iterator[str]:
    p = sheet.prefix
    position = {c: i for i, (c, _f) in enumerate(columns)}
    letters = {c: column_letter(c) for c, _s in pattern.cells}
    wrapping = {
        c: sheet.width(c)
        for c, s in pattern.cells
        if s is not None and styles.wraps(s) and c in position
    }
    line = sheet.default_height
    base = pattern.height or line
    attrs = pattern.attrs
    spans = (
        f' spans="{pattern.cells[0][0] + 1}:{pattern.cells[-1][0] + 1}"' if pattern.cells else ""
    )
    chunk: list[str] = []
    for offset, values in enumerate(rows):
        number = first + offset
        cells = []
        tallest = 1
        for c, style in pattern.cells:
            if c in pattern.formulas:
                cells.append(
                    _formula_cell(
                        f"{letters[c]}{number}", style, pattern, number, mapper, sheet_name
                    )
                )
                continue
            index = position.get(c)
            value = values[index] if index is not None else None
            cells.append(cell_xml(f"{letters[c]}{number}", style, value, styles))
            if c in wrapping and isinstance(value, str) and value:
                tallest = max(tallest, measure.lines(value, wrapping[c]))
        row_attrs = attrs
        if tallest > 1:
            row_attrs = _set_height(attrs, max(base, tallest * line + 2))
        chunk.append(f'<{p}row r="{number}"{spans}{row_attrs}>{"".join(cells)}</{p}row>')
        if len(chunk) >= 500:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def _formula_cell(
    ref: str, style: int | None, pattern: Pattern, number: int, mapper: Mapper, sheet_name: str
) -> str:
    """The pattern row's formula in this column, its references to that row moved to
    ``number`` (as copying it down would), the rest moved as the sheet's rows move."""
    source = pattern.source

    def to_row(row: int, end: bool) -> int | None:
        return number if row == source else mapper(row, end)

    text = shift_refs(
        pattern.formulas[column_index(ref.rstrip("0123456789"))],
        to_row,
        sheet_name,
        unqualified=True,
    )
    s = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{s}><f>{text}</f></c>'


_MERGE = re.compile(r'<(\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"[^>]*/>')


def _merges(
    tail: str, body: list[int], first: int, count: int, mapper: Mapper, source: int | None
) -> tuple[list[str], list[tuple[int, int]]]:
    """The merged ranges after filling: those below moved, those of the pattern's row
    (``source``) repeated on every filled row (their columns returned), the body's others
    dropped."""
    out: list[str] = []
    replicated: list[tuple[int, int]] = []
    body_set = set(body)
    for m in _MERGE.finditer(tail):
        ref = m.group(2)
        a, _, b = ref.partition(":")
        ma, mb = _CELL.fullmatch(a), _CELL.fullmatch(b or a)
        if ma is None or mb is None:
            out.append(ref)
            continue
        r0, r1 = int(ma.group(4)), int(mb.group(4))
        if r0 in body_set and r1 in body_set:
            if r0 == r1 == source:
                c0, c1 = column_index(ma.group(2)), column_index(mb.group(2))
                replicated.append((c0, c1))
                for n in range(first, first + count):
                    out.append(f"{ma.group(2)}{n}:{mb.group(2)}{n}")
            continue
        moved = shift_range(ref, mapper)
        if moved is not None:
            out.append(moved)
    return out, replicated


def _shift_dimension(head: str, mapper: Mapper) -> str:
    def dimension(m: re.Match[str]) -> str:
        moved = shift_range(m.group(2), mapper)
        return f"{m.group(1)}{moved or m.group(2)}{m.group(3)}"

    return re.sub(r'(<(?:\w+:)?dimension\b[^>]*?\bref=")([^"]+)(")', dimension, head, count=1)


def _tail(tail: str, merges: list[str], mapper: Mapper, p: str, sheet_name: str) -> str:
    """After the rows: merged ranges rewritten, every other range and formula moved."""
    block = "".join(f'<{p}mergeCell ref="{ref}"/>' for ref in merges)
    merged = f'<{p}mergeCells count="{len(merges)}">{block}</{p}mergeCells>' if merges else ""
    place = "\x00merges\x00"
    if re.search(rf"<{p}mergeCells\b", tail):
        tail = re.sub(rf"<{p}mergeCells\b.*?</{p}mergeCells>", place, tail, count=1, flags=re.S)
    elif merges:
        # After sheetData (and sheetCalcPr, sheetProtection, protectedRanges, scenarios,
        # autoFilter, sortState, dataConsolidate, customSheetViews), before the rest.
        anchor = None
        for name in ("customSheetViews", "dataConsolidate", "sortState", "autoFilter", "scenarios",
                     "protectedRanges", "sheetProtection", "sheetCalcPr"):  # fmt: skip
            found = re.search(rf"<{p}{name}\b.*?(?:/>|</{p}{name}>)", tail, re.S)
            if found:
                anchor = found.end()
                break
        if anchor is None:
            anchor = tail.index(f"</{p}sheetData>") + len(f"</{p}sheetData>")
        tail = tail[:anchor] + place + tail[anchor:]

    def sqref(m: re.Match[str]) -> str:
        moved = [shift_range(item, mapper) for item in m.group(2).split()]
        kept = " ".join(r for r in moved if r)
        return f"{m.group(1)}{kept or m.group(2)}{m.group(3)}"

    tail = re.sub(r'(\b(?:sqref|ref)=")([^"]+)(")', sqref, tail)

    def brk(m: re.Match[str]) -> str:
        moved = mapper(int(m.group(2)), False)
        return f"{m.group(1)}{moved if moved is not None else m.group(2)}{m.group(3)}"

    tail = re.sub(rf'(<{p}brk\b[^>]*?\bid=")(\d+)(")', brk, tail)

    def formula(m: re.Match[str]) -> str:
        return (
            m.group(1) + shift_refs(m.group(2), mapper, sheet_name, unqualified=True) + m.group(3)
        )

    tail = re.sub(
        r"(<(?:\w+:)?(?:formula|formula1|formula2|f)>)(.*?)(</(?:\w+:)?(?:formula|formula1|formula2|f)>)",
        formula,
        tail,
        flags=re.S,
    )
    return tail.replace(place, merged)


def _workbook(
    xml: str,
    sheet_name: str,
    mapper: Mapper,
    header_first: int,
    header_last: int,
    print_titles: bool,
    result: Result,
) -> str:
    """workbook.xml: defined names moved (print area), the header repeated on each printed
    page when the template did not say, a full recalculation asked for on load."""
    index = _sheet_index(xml, sheet_name)

    def name(m: re.Match[str]) -> str:
        return (
            m.group(1)
            + shift_refs(m.group(2), mapper, sheet_name, unqualified=False, rows=True)
            + m.group(3)
        )

    xml = re.sub(r"(<definedName\b[^>]*>)(.*?)(</definedName>)", name, xml, flags=re.S)
    titles = re.search(
        rf'<definedName\b[^>]*name="_xlnm.Print_Titles"[^>]*localSheetId="{index}"', xml
    ) or re.search(rf'<definedName\b[^>]*localSheetId="{index}"[^>]*name="_xlnm.Print_Titles"', xml)
    if print_titles and index is not None and titles is None:
        quoted = "'" + sheet_name.replace("'", "''") + "'"
        entry = (
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
            f"{escape(quoted)}!${header_first}:${header_last}</definedName>"
        )
        empty = re.search(r"<definedNames\s*/>", xml)
        opening = re.search(r"<definedNames\b[^>]*?(?<!/)>", xml)
        if empty is not None:
            xml = (
                xml[: empty.start()] + f"<definedNames>{entry}</definedNames>" + xml[empty.end() :]
            )
        elif opening is not None:
            xml = xml[: opening.end()] + entry + xml[opening.end() :]
        else:
            anchor = "</externalReferences>" if "</externalReferences>" in xml else "</sheets>"
            xml = xml.replace(anchor, f"{anchor}<definedNames>{entry}</definedNames>", 1)
        result.notes.append("print_titles_added")
    if re.search(r"<calcPr\b", xml):
        xml = re.sub(r'(<calcPr\b[^>]*?)\s*fullCalcOnLoad="[^"]*"', r"\1", xml)
        xml = re.sub(r"<calcPr\b", '<calcPr fullCalcOnLoad="1"', xml, count=1)
    else:
        for anchor in ("</definedNames>", "</sheets>"):
            if anchor in xml:
                xml = xml.replace(anchor, f'{anchor}<calcPr fullCalcOnLoad="1"/>', 1)
                break
    return xml


def _sheet_index(xml: str, sheet_name: str) -> int | None:
    from xml.sax.saxutils import unescape

    for i, m in enumerate(re.finditer(r"<sheet\b([^>]*)/?>", xml)):
        name = _attr(m.group(1), "name")
        if name is not None and unescape(name, {"&quot;": '"', "&apos;": "'"}) == sheet_name:
            return i
    return None


def _drop_calc_chain(zin: zipfile.ZipFile, changed: dict[str, bytes]) -> str | None:
    """Drop calcChain.xml (its cell list names rows that moved): from the package, the
    workbook's relationships and the content types."""
    name = "xl/calcChain.xml"
    if name not in zin.namelist():
        return None
    rels = "xl/_rels/workbook.xml.rels"
    if rels in zin.namelist():
        text = zin.read(rels).decode("utf-8")
        changed[rels] = re.sub(r"<Relationship\b[^>]*calcChain[^>]*/>", "", text).encode("utf-8")
    types = "[Content_Types].xml"
    if types in zin.namelist():
        text = zin.read(types).decode("utf-8")
        changed[types] = re.sub(r"<Override\b[^>]*calcChain[^>]*/>", "", text).encode("utf-8")
    return name


def _related(kind: str, text: str, mapper: Mapper) -> str:
    """A drawing, VML drawing, comments or table part of the sheet with its rows moved."""
    if kind.endswith("/drawing"):

        def anchor(m: re.Match[str]) -> str:
            moved = mapper(int(m.group(2)) + 1, False)
            return f"{m.group(1)}{(moved or int(m.group(2)) + 1) - 1}{m.group(3)}"

        return re.sub(r"(<(?:\w+:)?row>)(\d+)(</(?:\w+:)?row>)", anchor, text)
    if kind.endswith("/vmlDrawing"):

        def vml(m: re.Match[str]) -> str:
            moved = mapper(int(m.group(2)) + 1, False)
            return f"{m.group(1)}{(moved or int(m.group(2)) + 1) - 1}{m.group(3)}"

        return re.sub(r"(<x:Row>)(\d+)(</x:Row>)", vml, text)

    def ref(m: re.Match[str]) -> str:
        return f"{m.group(1)}{shift_range(m.group(2), mapper) or m.group(2)}{m.group(3)}"

    return re.sub(r'(\bref=")([^"]+)(")', ref, text)

"""Hostile spreadsheets, written byte by byte: a few hundred bytes each that ask a naive reader
for gigabytes (cells placed far away, rows and cells repeated, one long text copied into every
cell that names it), and files that make the reader itself fail."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>身份证号码</t></is></c></row>'
)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels"'
    ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{R_NS}">'
    '<sheets><sheet name="报名表" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def xlsx(
    path: Path,
    rows: str,
    *,
    dimension: str = "",
    shared: list[str] | None = None,
    workbook: str = WORKBOOK,
    workbook_rels: str = WORKBOOK_RELS,
    after_data: str = "",
) -> Path:
    """An .xlsx whose one sheet's ``<sheetData>`` holds the header row and ``rows`` as given."""
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">{dimension}'
        f"<sheetData>{HEADER_ROW}{rows}</sheetData>{after_data}</worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", workbook)
        zf.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared is not None:
            items = "".join(f"<si><t>{text}</t></si>" for text in shared)
            zf.writestr(
                "xl/sharedStrings.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">{items}</sst>',
            )
    return path


def ods(path: Path, *tables: tuple[str, str]) -> Path:
    """An .ods of ``(name, rows)`` tables, rows as raw ``content.xml``."""
    from tests.helpers_intake import write_ods

    (first, rows), *others = tables
    for name, more in others:  # the tables after the first, closing the one before
        rows += f'</table:table><table:table table:name="{name}">{more}'
    return write_ods(path, [], sheet_name=first, raw_table=rows)


ODS_HEADER = (
    '<table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p>'
    '</table:table-cell><table:table-cell office:value-type="string"><text:p>身份证号码</text:p>'
    "</table:table-cell></table:table-row>"
)


def xls(path: Path, cells: dict[tuple[int, int], str]) -> Path:
    """A real .xls (xlwt) with the header and ``cells``."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("报名表")
    ws.write(0, 0, "姓名")
    ws.write(0, 1, "身份证号码")
    for (row, col), value in cells.items():
        ws.write(row, col, value)
    book.save(str(path))
    return path


def patch_record(
    path: Path,
    kind: int,
    at: int = 0,
    data: bytes = b"",
    *,
    new_kind: int | None = None,
    nth: int = 0,
) -> None:
    """Overwrite in place, in the ``nth`` BIFF record of ``kind`` in the workbook stream, the
    bytes at ``at`` of its body (xlwt writes the stream in one piece, from its first BOF)."""
    raw = bytearray(path.read_bytes())
    pos = raw.find(b"\x09\x08\x10\x00\x00\x06")  # BOF, BIFF8: where the stream begins
    assert pos >= 0
    seen = 0
    while pos + 4 <= len(raw):
        record, size = struct.unpack_from("<HH", raw, pos)
        if record == kind:
            if seen == nth:
                assert at + len(data) <= size
                if new_kind is not None:
                    raw[pos : pos + 2] = struct.pack("<H", new_kind)
                raw[pos + 4 + at : pos + 4 + at + len(data)] = data
                path.write_bytes(bytes(raw))
                return
            seen += 1
        pos += 4 + size
    raise AssertionError(f"no record {kind:#06x}")

"""Real sign-up sheet files for the import tests: .xlsx (openpyxl), .xls (xlwt), .ods (the
OpenDocument zip written by hand), CSV in any encoding."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from tests.conftest import make_id, make_phone

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "signup-donghu.xlsx"
TRUTH = FIXTURES / "truth.json"

HEADER = ["序号", "姓　名", "性别", "公民身份号码", "手机号码", "政治面貌", "备注"]
TITLE = [["东湖社区志愿者报名表"], ["填报单位(盖章):东湖社区", "", "", "填报日期:2025年3月1日"]]
FOOTER = [[], ["填表人:王芳", "", "审核人:"]]

Rows = Sequence[Sequence[Any]]


def person(n: int, name: str = "", **extra: Any) -> list[Any]:
    """A valid sign-up row under HEADER for fictional person ``n``."""
    return [
        n,
        name or f"志愿者{n}",
        extra.get("gender", "男"),
        extra.get("id", make_id(seq=n)),
        extra.get("phone", make_phone(n)),
        extra.get("political", "群众"),
        extra.get("notes", ""),
    ]


def sheet(rows: Rows, *, header: Sequence[Any] = HEADER, title: bool = True) -> list[list[Any]]:
    """Title lines, the header, ``rows`` and the footer, as a sheet holds them."""
    top = [list(r) for r in TITLE] if title else []
    return [*top, list(header), *[list(r) for r in rows], *[list(r) for r in FOOTER]]


def write_xlsx(
    path: Path, rows: Rows, *, sheet_name: str = "报名表", extra: dict | None = None
) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet_name
    for row in rows:
        ws.append(list(row))
    for name, more in (extra or {}).items():
        other = book.create_sheet(name)
        for row in more:
            other.append(list(row))
    book.save(path)
    return path


def write_xls(path: Path, rows: Rows, *, sheet_name: str = "报名表") -> Path:
    import datetime as dt

    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet_name)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write(r, c, value, date_style)
            elif value is not None and value != "":
                ws.write(r, c, value)
    book.save(str(path))
    return path


def write_csv(path: Path, rows: Rows, *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_ods(
    path: Path, rows: Rows, *, sheet_name: str = "报名表", raw_table: str | None = None
) -> Path:
    """A minimal, valid OpenDocument spreadsheet (what LibreOffice and WPS save as .ods)."""
    if raw_table is None:
        body = []
        for row in rows:
            cells = []
            for value in row:
                if isinstance(value, int | float) and not isinstance(value, bool):
                    cells.append(
                        f'<table:table-cell office:value-type="float" office:value="{value}">'
                        f"<text:p>{value}</text:p></table:table-cell>"
                    )
                elif value in (None, ""):
                    cells.append("<table:table-cell/>")
                else:
                    cells.append(
                        '<table:table-cell office:value-type="string">'
                        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
                    )
            body.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        raw_table = "".join(body)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet_name)}">'
        f"{raw_table}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def query(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def count(db: Path, table: str = "volunteers") -> int:
    return int(query(db, f"SELECT count(*) FROM {table}")[0][0])


def snapshot(db: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every table's rows: to show that a refused command changed nothing."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        # Sorted in Python: some tables are WITHOUT ROWID.
        return [
            (t, sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)) for t in tables
        ]
    finally:
        conn.close()

"""The service certificate (志愿服务记录证明) on one portrait A4 page (more when the list is long).

Rows are 1-based:

1. the title ``志愿服务记录证明``;
2. ``证明编号：ZM000001`` at the right;
3. the statement, in 仿宋: 兹证明{姓名}（{证件类型}：{号码}，志愿者编号：{编号}）于{起}至{止}期间在
   {出具单位}参加志愿服务{N}次，累计服务时长{H}小时。服务情况如下：
4. the header ``服务日期 | 活动名称 | 服务内容 | 服务时长（小时）`` (repeated on every page);
5. one row per recorded service, then ``合计`` (each 服务时长 the exact minutes / 60 shown with
   one decimal, so that the rows add up to the total);
6. ``特此证明。``, then the issuer's block: 出具单位（盖章） with room for the seal, 负责人 and
   经办人 with room to sign, 联系电话, 出具日期; a settings value that is not set is left blank
   to be written in by hand;
7. a note: the hours are actual service from the issuer's records, without travel time.

The data comes from ``volctl.ledger.certificates`` (numbered, registered); this module only
lays it out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from volctl.forms import page

if TYPE_CHECKING:
    from volctl.ledger.certificates import Certificate

TITLE = "志愿服务记录证明"
HEADERS = ("服务日期", "活动名称", "服务内容", "服务时长\n（小时）")
WIDTHS = (14.0, 28.0, 36.0, 12.0)
COLUMNS = len(WIDTHS)
STATEMENT_SIZE = 14
STATEMENT_LINE = 24.0  # points per line of 14 pt 仿宋 with its leading
BLANK = "　" * 8  # room to write a name by hand


def write(certificate: Certificate, path: Path, *, private: bool = False) -> None:
    """Lay the certificate out in ``path``; ``private``: readable by its owner only."""
    from volctl.ledger.totals import hours

    wb, ws = page.new_workbook(TITLE)
    page.set_widths(ws, WIDTHS)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=COLUMNS)
    title = ws.cell(row=1, column=1)
    page.write_text(title, TITLE, font=page.body_font(bold=True, size=22))
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 54
    page.two_part_line(ws, 2, "", f"证明编号：{certificate.number}", COLUMNS, split=2)

    c = certificate
    statement = (
        f"　　兹证明{c.name}（{c.id_type}：{c.id_number}，志愿者编号：{c.volunteer_no}）"
        f"于{page.cn_date(c.period_from)}至{page.cn_date(c.period_to)}期间在{c.org_name}"
        f"参加志愿服务{len(c.services)}次，累计服务时长{hours(c.minutes):.1f}小时。"
        "服务情况如下："
    )
    _paragraph(ws, 3, statement, height_lines=None)

    rows: list[list[object]] = [
        [s.day, s.activity, s.content, page.Hours(s.minutes)] for s in certificate.services
    ]
    end = page.table(ws, 4, HEADERS, rows, WIDTHS, centred=(1, 4), min_height=24)
    total = ["合计", "", f"{len(rows)} 次", page.Hours(c.minutes)]
    page.table_row(ws, end, total, height=26, centred=(1, 3, 4))
    ws.merge_cells(start_row=end, start_column=1, end_row=end, end_column=2)
    ws.cell(row=end, column=1).font = page.body_font(bold=True)

    row = end + 1
    _paragraph(ws, row, "　　特此证明。", height_lines=2)
    issuer = [
        (f"出具单位（盖章）：{c.org_name}", 80.0),  # room for the seal
        (f"负责人（签字）：{c.responsible_person or BLANK}", 36.0),
        (f"经办人（签字）：{c.contact_person or BLANK}", 36.0),
        (f"联系电话：{c.contact_phone or BLANK}", 30.0),
        (f"出具日期：{page.cn_date(c.issued_on)}", 30.0),
    ]
    for offset, (text, height) in enumerate(issuer, start=1):
        line = row + offset
        ws.merge_cells(start_row=line, start_column=2, end_row=line, end_column=COLUMNS)
        cell = ws.cell(row=line, column=2)
        page.write_text(cell, text, font=page.body_font(name=page.FANGSONG, size=STATEMENT_SIZE))
        cell.alignment = Alignment(horizontal="left", vertical="center", indent=6)
        ws.row_dimensions[line].height = height
    note_row = row + len(issuer) + 2
    note = (
        f"说明：本证明依据{c.org_name}的志愿服务记录出具，服务时长为实际服务时间，"
        "不含往返路途时间；证明编号可向出具单位查验。"
    )
    page.merged_line(ws, note_row, note, COLUMNS, font=page.body_font(size=9))
    page.wrap_line(ws, note_row, COLUMNS, line_height=13)
    page.finish(ws, columns=COLUMNS, last_row=note_row, header_rows=(4, 4))
    page.save(wb, path, private=private)


def _paragraph(ws: Worksheet, row: int, text: str, *, height_lines: int | None) -> None:
    """A paragraph across the page in 仿宋, as tall as its wrapped lines."""
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=COLUMNS)
    cell = ws.cell(row=row, column=1)
    page.write_text(cell, text, font=page.body_font(name=page.FANGSONG, size=STATEMENT_SIZE))
    cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    # 14 pt text is 14/11 as wide as the body text the widths are counted in.
    width = sum(WIDTHS) * 11 / STATEMENT_SIZE
    lines = height_lines or page.lines_needed(text, width)
    ws.row_dimensions[row].height = STATEMENT_LINE * lines + 12

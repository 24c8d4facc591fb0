"""The service certificate (志愿服务记录证明) on portrait A4, whole however long its list.

Top to bottom:

1. the title ``志愿服务记录证明`` and ``证明编号：ZM000001`` at the right;
2. the statement, in 仿宋: 兹证明{姓名}（{证件类型}：{号码}，志愿者编号：{编号}）于{起}至{止}期间在
   {出具单位}参加志愿服务{N}次，累计服务时长{H}小时。服务情况如下：
3. the table ``服务日期 | 活动名称 | 服务类别 | 服务内容 | 服务时长（小时）``, one row per recorded
   service (dates as 2025年1月18日; 服务内容 what was done, the category in its own column), then
   ``合计`` (each 服务时长 the exact minutes / 60 shown with one decimal, so that the rows add
   up to the total);
4. ``特此证明。`` and the issuer's block: 出具单位（盖章） with room for the seal, 负责人 and
   经办人 with room to sign, 联系电话, 出具日期 (a settings value not set is left blank to be
   written in by hand), and a note: the hours are actual service from the issuer's records,
   without travel time.

A seal on a page without the text it certifies is a reason to refuse a certificate, so the
block from 特此证明 to the note moves whole to the next page with the table's last services and
its 合计. When the services run over a page, each further page begins with
``志愿服务记录证明（续表N）``, the holder, the volunteer number and the certificate number, and
the table's header (``volctl.forms.layout``).

The data comes from ``volctl.ledger.certificates`` (numbered, registered); this module only
lays it out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from volctl.forms.layout import CENTRE, FANGSONG, HEAD, TEXT, Cell, Hours, Style, cn_date

if TYPE_CHECKING:
    from volctl.forms.layout.paper import Sheet
    from volctl.ledger.certificates import Certificate

TITLE = "志愿服务记录证明"
STATEMENT = Style(size=14, font=FANGSONG, border=False)
ISSUER = Style(size=14, font=FANGSONG, border=False, indent=6)
NOTE = Style(size=9, border=False)
BLANK = "　" * 8  # room to write a name by hand
KEEP_SERVICES = 2  # the last services that go with the 合计 and the seal


def columns() -> list[Any]:
    from volctl.forms.layout.table import Column

    return [
        Column("服务日期", 14, 17, centred=True, whole=True),
        Column("活动名称", 14, 40),
        Column("服务类别", 8, 14, centred=True),
        Column("服务内容", 12, 40),
        Column("服务时长\n（小时）", 9, 9.5, centred=True),
    ]


def write(certificate: Certificate, path: Path) -> int:
    """Lay the certificate out in ``path`` (readable by its owner only, like every paper naming
    people). Returns the pages it prints on."""
    from volctl.forms.layout.paper import Paper
    from volctl.forms.layout.table import styles, widths
    from volctl.ledger.totals import hours

    c = certificate
    rows: list[list[object]] = [
        [cn_date(s.day), s.activity, s.category, s.content, Hours(s.minutes)] for s in c.services
    ]
    chosen = columns()
    with Paper(path, title=TITLE) as paper:
        sheet = paper.sheet(TITLE, widths(chosen, rows))
        n = sheet.columns
        sheet.title(TITLE, size=22)
        sheet.two_part("", f"证明编号：{c.number}", keep_next=True)
        statement = (
            f"　　兹证明{c.name}（{c.id_type}：{c.id_number}，志愿者编号：{c.volunteer_no}）"
            f"于{cn_date(c.period_from)}至{cn_date(c.period_to)}期间在{c.org_name}"
            f"参加志愿服务{len(c.services)}次，累计服务时长{hours(c.minutes):.1f}小时。"
            "服务情况如下："
        )
        sheet.line(statement, STATEMENT, keep_next=True)
        sheet.row([c_.header for c_ in chosen], HEAD, min_height=24, keep_next=True)
        sheet.continuation(lambda page: _continued(sheet, c, chosen, page))
        sheet.rows(rows, styles(chosen))
        total = [Cell("合计", span=2), "", f"{len(rows)} 次", Hours(c.minutes)]
        sheet.row(total, [HEAD, HEAD, CENTRE, CENTRE, CENTRE], keep_prev=KEEP_SERVICES)
        sheet.line("　　特此证明。", STATEMENT, min_height=36, keep_prev=1)
        # The seal (a 4 cm circle) is stamped over the issuer's name and the date.
        issuer = [
            (f"出具单位（盖章）：{c.org_name}", 40.0),
            (f"负责人（签字）：{c.responsible_person or BLANK}", 32.0),
            (f"经办人（签字）：{c.contact_person or BLANK}", 32.0),
            (f"联系电话：{c.contact_phone or BLANK}", 26.0),
            (f"出具日期：{cn_date(c.issued_on)}", 26.0),
        ]
        for text, height in issuer:
            sheet.row([Cell(""), Cell(text, span=n - 1)], ISSUER, min_height=height, keep_prev=1)
        sheet.gap(12, keep_prev=1)
        note = (
            f"说明：本证明依据{c.org_name}的志愿服务记录出具，服务时长为实际服务时间，"
            "不含往返路途时间；证明编号可向出具单位查验。"
        )
        sheet.line(note, NOTE, keep_prev=1)
    return sheet.pages


def _continued(sheet: Sheet, c: Certificate, chosen: list[Any], page: int) -> list[Any]:
    """What each continuation page begins with: which certificate it continues, and whose."""
    head = Style(size=14, bold=True, align="center", border=False)
    holder = f"持证人：{c.name}　志愿者编号：{c.volunteer_no}　证明编号：{c.number}"
    return [
        sheet.build([Cell(f"{TITLE}（续表{page}）", span=sheet.columns)], head, min_height=30),
        sheet.build([Cell(holder, span=sheet.columns)], Style(border=False), min_height=24),
        sheet.build([c_.header for c_ in chosen], HEAD, min_height=24),
    ]


__all__ = ["TEXT", "TITLE", "write"]

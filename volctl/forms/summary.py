"""年度志愿服务工作总结表: the year-end summary as a print-ready official form (A4, Chinese).

For ``volctl export form summary`` (registered by the export command) and
``volctl report summary --form -o FILE.xlsx``:

- ``build(conn, *, year, team=None, show_pii=False) -> openpyxl.Workbook``: compute the summary
  (``volctl.reports.summary``) and lay it out on one A4 portrait sheet;
- ``layout(summary, signatures) -> openpyxl.Workbook``: the same from a summary already
  computed;
- ``write(conn, path, *, year, team=None, show_pii=False) -> dict``: build and save (``.xlsx``).

The form, top to bottom, on an eight-column grid (merged cells give each table its columns):
the title ``{year}年度志愿服务工作总结表``; ``填报单位（盖章）… 统计范围… 统计截至…``; 一、基本情况
(the headline figures, two to a row, with the year before where there is one); 二、各月服务情况
(January to June beside July to December, each month's hours exact, shown with one decimal,
so that they add up to the 合计); 三、活动开展情况（按类别）; 四、服务对象; 五、队伍情况;
六、星级志愿者; 七、服务时长前十名 (names and volunteer numbers only: no personal data on a form
that is filed upward); 八、工作情况说明 (ruled space to write in); then
``负责人… 填表人… 联系电话… 填报日期：　年　月　日``, the responsible person and contact taken from
the roster's settings. Page numbers in the footer, fonts 宋体, every cell bordered.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.reports.tables import FIGURES, MORE_FIGURES, display, extra_figures, star_rows

NAME = "summary"
TITLE = "年度志愿服务工作总结表"
COLUMNS = 8
WIDTH = 10.5  # each of the eight columns, in characters: A4 portrait at 100 %
LANG = "zh"
NOTE_ROWS = 6
TOP = 10
# The printable height of an A4 page with the form's margins, in points at 100 % (Excel prints
# the eight columns unscaled; LibreOffice shrinks them a little and so has room to spare), less
# a little for rounding. Where a section would not fit, the page breaks before its heading
# rather than leave the heading alone at the foot of a page.
PAGE_HEIGHT = 720
ROW_HEIGHT = 20
LINE_HEIGHT = 22
KEEP_ROWS = 12  # a table of up to this many rows is kept on one page


class _Sheet:
    """A cursor over the form's rows with the grid's writing helpers."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.row = 1
        self.page_start = 1

    def keep(self, rows: int) -> None:
        """Break the page here unless a heading, a header and ``rows`` rows fit on it."""
        from openpyxl.worksheet.pagebreak import Break

        used = sum(self.ws.row_dimensions[r].height or 15 for r in range(self.page_start, self.row))
        needed = LINE_HEIGHT + ROW_HEIGHT * (1 + min(rows, KEEP_ROWS))
        if used + needed > PAGE_HEIGHT and self.row > self.page_start:
            self.ws.row_breaks.append(Break(id=self.row - 1))
            self.page_start = self.row

    def cells(
        self,
        values: list[tuple[Any, int]],
        *,
        bold: bool = False,
        height: float = ROW_HEIGHT,
        centred: bool = False,
    ) -> None:
        """One bordered row of ``(value, columns spanned)``; numbers stay numbers."""
        from openpyxl.styles import Alignment

        from volctl.forms import page

        col = 1
        for value, span in values:
            if span > 1:
                self.ws.merge_cells(
                    start_row=self.row,
                    start_column=col,
                    end_row=self.row,
                    end_column=col + span - 1,
                )
            cell = self.ws.cell(row=self.row, column=col)
            font = page.body_font(bold=bold)
            if isinstance(value, page.Hours):
                cell.value = value.value
                cell.font = font
                cell.number_format = page.HOURS_FORMAT
                horizontal = "center"
            elif isinstance(value, int | float) and not isinstance(value, bool):
                cell.value = value
                cell.font = font
                if isinstance(value, float):
                    cell.number_format = "0.0"
                horizontal = "center"
            else:
                page.write_text(cell, value, font=font)
                horizontal = "center" if centred or bold else "left"
            cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
            for c in range(col, col + span):
                self.ws.cell(row=self.row, column=c).border = page.BORDER
            col += span
        self.ws.row_dimensions[self.row].height = height
        self.row += 1

    def line(self, text: str, *, bold: bool = False, height: float = LINE_HEIGHT) -> None:
        from volctl.forms import page

        page.merged_line(
            self.ws, self.row, text, COLUMNS, font=page.body_font(bold=bold), height=height
        )
        self.row += 1


def _number(value: Any) -> Any:
    return "—" if value is None else value


def _figures(sheet: _Sheet, summary: dict[str, Any]) -> None:
    """The headline figures; with the year before, the compared ones on the left with both
    years, the others on the right."""
    from volctl.i18n import t_in

    before = summary["previous_year"]
    more = extra_figures(summary)
    target = display("target", summary["target_hours"], LANG)
    compared = [
        (t_in(LANG, label, target=target), summary[key], (before or {}).get(key))
        for key, label in FIGURES
    ]
    others = [(t_in(LANG, label), more[key], None) for key, label in MORE_FIGURES]
    blank: tuple[str, Any, Any] = ("", "", "")
    if before:
        year, last = f"{summary['year']}年", f"{before['year']}年"
        sheet.cells([("项目", 3), (year, 1), (last, 1), ("项目", 2), (year, 1)], bold=True)
        for i in range(max(len(compared), len(others))):
            a = compared[i] if i < len(compared) else blank
            b = others[i] if i < len(others) else blank
            sheet.cells(
                [(a[0], 3), (_number(a[1]), 1), (_number(a[2]), 1), (b[0], 2), (_number(b[1]), 1)]
            )
        return
    sheet.cells([("项目", 3), ("数值", 1), ("项目", 3), ("数值", 1)], bold=True)
    pairs = compared + others
    for i in range(0, len(pairs), 2):
        a = pairs[i]
        b = pairs[i + 1] if i + 1 < len(pairs) else blank
        sheet.cells([(a[0], 3), (_number(a[1]), 1), (b[0], 3), (_number(b[1]), 1)])


def _hours(row: dict[str, Any]) -> Any:
    """Exact hours where the summary carries the minutes (``with_minutes``), so that the
    months add up to the 合计 below them; else the rounded hours."""
    from volctl.forms import page

    return page.Hours(row["minutes"]) if "minutes" in row else row["hours"]


def _months(sheet: _Sheet, summary: dict[str, Any]) -> None:
    header = [("月份", 1), ("活动次数", 1), ("服务人次", 1), ("服务时长", 1)]
    sheet.cells(header + header, bold=True)
    months = summary["by_month"]
    for i in range(6):
        row: list[tuple[Any, int]] = []
        for half in (months[i], months[i + 6]):
            row += [
                (f"{int(half['month'][5:])}月", 1),
                (half["activities"], 1),
                (half["participations"], 1),
                (_hours(half), 1),
            ]
        sheet.cells(row, centred=True)
    total = [
        ("合计", 1),
        (sum(m["activities"] for m in months), 1),
        (sum(m["participations"] for m in months), 1),
        (_hours(summary), 1),
    ]
    sheet.cells([*total, ("", 4)], bold=True)


def _table(
    sheet: _Sheet, headers: list[tuple[str, int]], rows: list[list[tuple[Any, int]]]
) -> None:
    sheet.cells(headers, bold=True)
    if not rows:
        sheet.cells([("（无）", COLUMNS)], centred=True)
    for row in rows:
        sheet.cells(row)


def layout(summary: dict[str, Any], signatures: dict[str, str] | None = None) -> Any:
    """The form of a summary already computed; ``signatures``: ``responsible_person``,
    ``contact_person`` and ``contact_phone`` printed in the footer (blank when missing)."""
    from openpyxl.utils import get_column_letter

    from volctl.forms import page

    signatures = signatures or {}
    wb, ws = page.new_workbook(TITLE)
    sheet = _Sheet(ws)
    for col in range(1, COLUMNS + 1):
        ws.column_dimensions[get_column_letter(col)].width = WIDTH
    page.title(ws, 1, f"{summary['year']}{TITLE}", COLUMNS)
    sheet.row = 2
    scope = summary["team"] or "全部队伍"
    org, as_of = summary["org"] or "", summary["as_of"]
    sheet.line(f"填报单位（盖章）：{org}　　统计范围：{scope}　　统计截至：{as_of}")
    page.wrap_line(ws, 2, COLUMNS)
    sheet.line("一、基本情况", bold=True)
    _figures(sheet, summary)
    sheet.keep(7)
    sheet.line("二、各月服务情况（服务时长单位：小时）", bold=True)
    _months(sheet, summary)
    sheet.keep(len(summary["by_category"]))
    sheet.line("三、活动开展情况（按类别）", bold=True)
    _table(
        sheet,
        [("活动类别", 2), ("活动次数", 2), ("服务人次", 2), ("服务时长（小时）", 2)],
        [
            [(r["category"], 2), (r["activities"], 2), (r["participations"], 2), (r["hours"], 2)]
            for r in summary["by_category"]
        ],
    )
    sheet.keep(len(summary["beneficiaries"]))
    sheet.line("四、服务对象", bold=True)
    _table(
        sheet,
        [("服务对象类别", 2), ("服务人次", 2), ("服务对象（人）", 2), ("活动次数", 2)],
        [
            [(r["group"], 2), (r["people"], 2), (r["recipients"], 2), (r["activities"], 2)]
            for r in summary["beneficiaries"]
        ],
    )
    teams = [r for r in summary["by_team"] if r["team"] is not None]
    if teams:
        sheet.keep(len(teams))
        sheet.line("五、队伍情况", bold=True)
        _table(
            sheet,
            [
                ("队伍", 3),
                ("队员", 1),
                ("活动次数", 1),
                ("参加服务人数", 1),
                ("服务人次", 1),
                ("服务时长", 1),
            ],
            [
                [
                    ("　" * r["depth"] + r["team"], 3),
                    (r["members"], 1),
                    (r["activities"], 1),
                    (r["volunteers"], 1),
                    (r["participations"], 1),
                    (r["hours"], 1),
                ]
                for r in teams
            ],
        )
    sheet.keep(5)
    sheet.line(f"{'六' if teams else '五'}、星级志愿者", bold=True)
    _table(
        sheet,
        [("星级", 2), ("累计服务时长标准（小时）", 2), ("人数", 2), ("本年新达到", 2)],
        [
            [
                (display("level", r["level"], LANG), 2),
                (r["threshold"], 2),
                (r["volunteers"], 2),
                (r["new"], 2),
            ]
            for r in star_rows(summary)
        ],
    )
    numbers = "七八" if teams else "六七"
    sheet.keep(len(summary["top_volunteers"][:TOP]))
    sheet.line(f"{numbers[0]}、服务时长前十名", bold=True)
    _table(
        sheet,
        [
            ("名次", 1),
            ("姓名", 1),
            ("志愿者编号", 1),
            ("队伍", 2),
            ("服务人次", 1),
            ("服务时长", 1),
            ("累计时长", 1),
        ],
        [
            [
                (r["rank"], 1),
                (r["name"], 1),
                (r["volunteer_no"], 1),
                (display("team", r["team"], LANG), 2),
                (r["participations"], 1),
                (r["hours"], 1),
                (r["cumulative_hours"], 1),
            ]
            for r in summary["top_volunteers"][:TOP]
        ],
    )
    sheet.keep(NOTE_ROWS + 2)
    sheet.line(f"{numbers[1]}、工作情况说明", bold=True)
    start = sheet.row
    ws.merge_cells(
        start_row=start, start_column=1, end_row=start + NOTE_ROWS - 1, end_column=COLUMNS
    )
    for r in range(start, start + NOTE_ROWS):
        ws.row_dimensions[r].height = LINE_HEIGHT
        for c in range(1, COLUMNS + 1):
            ws.cell(row=r, column=c).border = page.BORDER
    sheet.row = start + NOTE_ROWS + 1
    footer = (
        f"负责人：{signatures.get('responsible_person') or '　' * 4}　　"
        f"填表人：{signatures.get('contact_person') or '　' * 4}　　"
        f"联系电话：{signatures.get('contact_phone') or '　' * 6}　　"
        "填报日期：　　年　　月　　日"
    )
    sheet.line(footer, height=28)
    page.wrap_line(ws, sheet.row - 1, COLUMNS)
    ws.print_area = f"A1:{get_column_letter(COLUMNS)}{sheet.row - 1}"
    page.setup_page(ws, margins_cm=(1.8, 1.5, 1.5, 1.8))
    return wb


def build(
    conn: sqlite3.Connection, *, year: int, team: str | None = None, show_pii: bool = False
) -> Any:
    """The form for ``year`` (the roster, or ``team`` and the teams under it) as an
    ``openpyxl.Workbook``. ``show_pii`` is accepted for the export command's sake: the form
    prints no personal data."""
    from volctl import settings
    from volctl.reports.summary import summary

    data = summary(conn, year=year, team=team, show_pii=show_pii, with_minutes=True)
    signatures = {
        key: settings.get(conn, key)
        for key in ("responsible_person", "contact_person", "contact_phone")
    }
    return layout(data, signatures)


def write(
    conn: sqlite3.Connection,
    path: Path,
    *,
    year: int,
    team: str | None = None,
    show_pii: bool = False,
) -> dict[str, Any]:
    """Build the form and save it to ``path`` (.xlsx, written atomically)."""
    from volctl.forms import page

    page.save(build(conn, year=year, team=team, show_pii=show_pii), path)
    return {"form": NAME, "title": TITLE, "year": year, "team": team, "path": str(path)}

"""年度志愿服务工作总结表: the year-end summary as a print-ready official form (A4, Chinese).

For ``volctl export form summary`` (registered by the export command) and
``volctl report summary --form -o FILE.xlsx``:

- ``write(conn, path, *, year, team=None, show_pii=False) -> dict``: compute the summary
  (``volctl.reports.summary``) and lay it out on A4 portrait (``.xlsx``);
- ``layout(summary, signatures, path) -> int``: the same from a summary already computed;
  returns the pages it prints on.

The form, top to bottom, on an eight-column grid (merged cells give each table its columns):
the title ``{year}年度志愿服务工作总结表``; ``填报单位（盖章）…`` and ``统计范围… 统计截至…`` (dates
as 2025年12月31日); 一、基本情况
(the headline figures, two to a row, with the year before where there is one); 二、各月服务情况
(January to June beside July to December, each month's hours exact, shown with one decimal,
so that they add up to the 合计); 三、活动开展情况（按类别）; 四、服务对象; 五、队伍情况;
六、星级志愿者; 七、服务时长前十名 (names and volunteer numbers only: no personal data on a form
that is filed upward); 八、工作情况说明 (ruled space to write in); then the signatures
``负责人（签字）… 审核人（签字）…`` and ``填表人… 联系电话… 填报日期：　年　月　日``, the
responsible person and contact taken from the roster's settings, kept on the page of the
工作情况说明.
Every hour column says its unit; every label is measured, so none is cut off (the layout
engine ``volctl.forms.layout``). A section whose heading, header and first rows do not fit at
the foot of a page begins on the next; a table of up to ``KEEP_ROWS`` rows is kept whole.
Page numbers in the footer, fonts 宋体, every cell bordered.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.reports.tables import FIGURES, MORE_FIGURES, display, extra_figures, star_rows

NAME = "summary"
TITLE = "年度志愿服务工作总结表"
COLUMNS = 8
WIDTH = 10.0  # each of the eight columns, in units: portrait A4 between its margins
LANG = "zh"
NOTE_ROWS = 5
TOP = 10
KEEP_ROWS = 12  # a table of up to this many rows is kept on one page
ROW_HEIGHT = 22.0
BLANK_NAME = "　" * 5


class _Grid:
    """The form's rows on an eight-column grid: headings, bordered rows of merged cells."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet

    def cells(
        self,
        values: list[tuple[Any, int]],
        *,
        bold: bool = False,
        centred: bool = False,
        keep_prev: int = 0,
        keep_next: bool = False,
        min_height: float = ROW_HEIGHT,
    ) -> None:
        """One bordered row of ``(value, columns spanned)``; numbers stay numbers, centred."""
        from volctl.forms.layout import Cell, Hours, Style

        cells = []
        for value, span in values:
            number = isinstance(value, Hours | int | float) and not isinstance(value, bool)
            align = "center" if number or centred or bold else "left"
            style = Style(bold=bold, align=align, indent=0 if align == "center" else 1)
            cells.append(Cell(value, span=span, style=style))
        self.sheet.row(cells, min_height=min_height, keep_prev=keep_prev, keep_next=keep_next)

    def heading(self, text: str) -> None:
        from volctl.forms.layout import Style

        self.sheet.line(text, Style(bold=True, border=False), min_height=22, keep_next=True)

    def table(
        self,
        headers: list[tuple[str, int]],
        rows: list[list[tuple[Any, int]]],
        *,
        centred: bool = False,
    ) -> None:
        """A header and its rows; a short table is kept whole, a long one with its first
        rows."""
        self.cells(headers, bold=True, keep_next=True)
        if not rows:
            self.cells([("（无）", COLUMNS)], centred=True)
        whole = len(rows) <= KEEP_ROWS
        for i, row in enumerate(rows):
            self.cells(row, centred=centred, keep_prev=1 if whole or i < 2 else 0)


def _number(value: Any) -> Any:
    return "—" if value is None else value


def _figures(grid: _Grid, summary: dict[str, Any]) -> None:
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
        labels = [("项目", 3), (year, 1), (last, 1), ("项目", 2), (year, 1)]
        grid.cells(labels, bold=True, keep_next=True)
        for i in range(max(len(compared), len(others))):
            a = compared[i] if i < len(compared) else blank
            b = others[i] if i < len(others) else blank
            grid.cells(
                [(a[0], 3), (_number(a[1]), 1), (_number(a[2]), 1), (b[0], 2), (_number(b[1]), 1)],
                keep_prev=1,
            )
        return
    grid.cells([("项目", 3), ("数值", 1), ("项目", 3), ("数值", 1)], bold=True, keep_next=True)
    pairs = compared + others
    for i in range(0, len(pairs), 2):
        a = pairs[i]
        b = pairs[i + 1] if i + 1 < len(pairs) else blank
        grid.cells([(a[0], 3), (_number(a[1]), 1), (b[0], 3), (_number(b[1]), 1)], keep_prev=1)


def _hours(row: dict[str, Any]) -> Any:
    """Exact hours where the summary carries the minutes (``with_minutes``), so that the
    months add up to the 合计 below them; else the rounded hours."""
    from volctl.forms.layout import Hours

    return Hours(row["minutes"]) if "minutes" in row else row["hours"]


def _months(grid: _Grid, summary: dict[str, Any]) -> None:
    header = [("月份", 1), ("活动次数", 1), ("服务人次", 1), ("服务时长\n（小时）", 1)]
    grid.cells(header + header, bold=True, keep_next=True)
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
        grid.cells(row, centred=True, keep_prev=1)
    total = [
        ("合计", 1),
        (sum(m["activities"] for m in months), 1),
        (sum(m["participations"] for m in months), 1),
        (_hours(summary), 1),
    ]
    grid.cells([*total, ("", 4)], bold=True, keep_prev=1)


def layout(summary: dict[str, Any], signatures: dict[str, str] | None, path: Path) -> int:
    """Write the form of a summary already computed to ``path``; ``signatures``:
    ``responsible_person``, ``contact_person`` and ``contact_phone`` printed at the foot
    (blank when missing). Returns the pages it prints on."""
    from volctl.forms.layout import Style, cn_date
    from volctl.forms.layout.paper import Paper

    signatures = signatures or {}
    title = f"{summary['year']}{TITLE}"
    with Paper(path, title=title) as paper:
        sheet = paper.sheet(TITLE, [WIDTH] * COLUMNS)
        grid = _Grid(sheet)
        sheet.title(title)
        scope = summary["team"] or "全部队伍"
        org = summary["org"] or ""
        sheet.line(f"填报单位（盖章）：{org}", min_height=24, keep_next=True)
        sheet.line(
            f"统计范围：{scope}　　统计截至：{cn_date(summary['as_of'])}",
            min_height=22,
            keep_next=True,
        )
        grid.heading("一、基本情况")
        _figures(grid, summary)
        grid.heading("二、各月服务情况")
        _months(grid, summary)
        grid.heading("三、活动开展情况（按类别）")
        grid.table(
            [("活动类别", 2), ("活动次数", 2), ("服务人次", 2), ("服务时长（小时）", 2)],
            [
                [
                    (r["category"], 2),
                    (r["activities"], 2),
                    (r["participations"], 2),
                    (r["hours"], 2),
                ]
                for r in summary["by_category"]
            ],
        )
        grid.heading("四、服务对象")
        grid.table(
            [("服务对象类别", 2), ("服务人次", 2), ("服务对象\n（人）", 2), ("活动次数", 2)],
            [
                [(r["group"], 2), (r["people"], 2), (r["recipients"], 2), (r["activities"], 2)]
                for r in summary["beneficiaries"]
            ],
        )
        numbers = iter("五六七八九")
        teams = [r for r in summary["by_team"] if r["team"] is not None]
        if teams:
            grid.heading(f"{next(numbers)}、队伍情况")
            grid.table(
                [
                    ("队伍", 3),
                    ("队员", 1),
                    ("活动次数", 1),
                    ("参加服务\n人数", 1),
                    ("服务人次", 1),
                    ("服务时长\n（小时）", 1),
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
        grid.heading(f"{next(numbers)}、星级志愿者")
        grid.table(
            [("星级", 2), ("累计服务时长标准\n（小时）", 2), ("人数", 2), ("本年新达到", 2)],
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
        grid.heading(f"{next(numbers)}、服务时长前十名")
        grid.table(
            [
                ("名次", 1),
                ("姓名", 1),
                ("志愿者编号", 1),
                ("队伍", 2),
                ("服务人次", 1),
                ("本年时长\n（小时）", 1),
                ("累计时长\n（小时）", 1),
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
            centred=True,
        )
        grid.heading(f"{next(numbers)}、工作情况说明")
        from volctl.forms.layout import Cell

        ruled = [Cell("", span=COLUMNS, rows=NOTE_ROWS)]
        sheet.row(ruled, Style(), min_height=ROW_HEIGHT, keep_prev=1)
        for _ in range(NOTE_ROWS - 1):  # the ruled box is never split over two pages
            sheet.row([Cell("", span=COLUMNS)], Style(), min_height=ROW_HEIGHT, keep_prev=1)
        sheet.gap(10, keep_prev=2)
        first = (
            f"负责人（签字）：{signatures.get('responsible_person') or BLANK_NAME}　　　　"
            f"审核人（签字）：{BLANK_NAME}"
        )
        second = (
            f"填表人：{signatures.get('contact_person') or BLANK_NAME}　　　　"
            f"联系电话：{signatures.get('contact_phone') or BLANK_NAME}　　　　"
            "填报日期：　　年　　月　　日"
        )
        sheet.line(first, min_height=28, keep_prev=1)
        sheet.line(second, min_height=28, keep_prev=1)
    return sheet.pages


def write(
    conn: sqlite3.Connection,
    path: Path,
    *,
    year: int,
    team: str | None = None,
    show_pii: bool = False,
) -> dict[str, Any]:
    """Compute the summary for ``year`` (the roster, or ``team`` and the teams under it) and
    write its form to ``path`` (.xlsx, written atomically). ``show_pii`` is accepted for the
    export command's sake: the form prints no personal data."""
    from volctl import settings
    from volctl.reports.summary import summary

    if path.suffix.lower() != ".xlsx":
        from volctl.errors import InvalidInput, Where

        raise InvalidInput("output.not_xlsx", where=Where(field="output"), path=str(path))
    data = summary(conn, year=year, team=team, show_pii=show_pii, with_minutes=True)
    signatures = {
        key: settings.get(conn, key)
        for key in ("responsible_person", "contact_person", "contact_phone")
    }
    pages = layout(data, signatures, path)
    return {
        "form": NAME,
        "title": TITLE,
        "year": year,
        "team": team,
        "path": str(path),
        "pages": pages,
    }

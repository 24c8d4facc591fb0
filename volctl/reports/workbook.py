"""The year-end summary as a workbook: a sheet per table, native charts (always in Chinese).

``summary_workbook(summary)`` returns an ``openpyxl.Workbook`` (openpyxl is imported when it
is called): the overview first, then hours by month with a column chart, activities by
category with a bar chart, the themes, teams, beneficiaries, stars, the most active
volunteers and the dormant ones. Every sheet prints on A4 (``volctl.forms.page``), its header
repeated on each page; numbers stay numbers (hours with one decimal), volunteer numbers,
names and phones are text cells; phones are masked unless the summary was made with
``show_pii``.
"""

from __future__ import annotations

from typing import Any

from volctl.reports.tables import NUMERIC, Table, display, signed, tables

LANG = "zh"
SHEET_NAME_LIMIT = 31
# Charts: the sheet, the column charted, the chart's title, bars upright (col) or lying (bar).
CHARTS = {
    "by_month": ("hours", "各月服务时长（小时）", "col"),
    "by_category": ("activities", "各类别开展活动次数", "bar"),
}
CM_PER_CHARACTER = 0.19  # a column width unit of the default font, printed
CHART_MIN_WIDTH = 13.0  # cm
TITLE_ROW, INFO_ROW, HEADER_ROW = 1, 2, 3


def _sheet_name(title: str, used: set[str]) -> str:
    name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:SHEET_NAME_LIMIT] or "表"
    base, n = name, 2
    while name in used:
        name = f"{base[: SHEET_NAME_LIMIT - 3]}({n})"
        n += 1
    used.add(name)
    return name


def _value(table: Table, key: str, row: dict[str, Any]) -> Any:
    """What goes in a cell: numbers stay numbers; labels and dashes for the rest."""
    value = row.get(key)
    if table.key == "overview":
        if key == "change":
            return signed(value) if value is not None else ""
        if key in ("value", "previous"):
            return value if value is not None else ""
    if key == "month" and isinstance(value, str) and len(value) == 7:
        return f"{int(value[5:])}月"  # one year per workbook: 1月 … 12月
    if isinstance(value, int | float) and not isinstance(value, bool):
        if key in ("level", "stars"):
            return display(key, value, LANG)
        return value
    text = display(key, value, LANG)
    if key == "team" and table.key == "by_team" and row.get("depth"):
        text = "　" * int(row["depth"]) + text
    return text


def _write_table(ws: Any, table: Table, heading: str, info: str) -> int:
    """Title, information line, header, rows; returns the last row written."""
    from openpyxl.styles import Alignment

    from volctl.forms import page

    columns = len(table.columns)
    page.title(ws, TITLE_ROW, heading, columns)
    page.merged_line(ws, INFO_ROW, info, columns, height=20)
    page.header_row(ws, HEADER_ROW, [header for _key, header in table.columns])
    last = HEADER_ROW
    for i, row in enumerate(table.rows):
        last = HEADER_ROW + 1 + i
        values = [_value(table, key, row) for key, _header in table.columns]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=last, column=col)
            if isinstance(value, int | float) and not isinstance(value, bool):
                cell.value = value
                cell.font = page.body_font()
                if isinstance(value, float) or table.columns[col - 1][0] in ("hours",):
                    cell.number_format = "0.0"
                cell.alignment = Alignment(horizontal="right", vertical="center")
            else:
                page.write_text(cell, value, font=page.body_font())
                key = table.columns[col - 1][0]
                cell.alignment = Alignment(
                    horizontal="right" if key in NUMERIC else None,
                    vertical="center",
                    wrap_text=True,
                )
            cell.border = page.BORDER
        ws.row_dimensions[last].height = 20
    if not table.rows:
        last = HEADER_ROW + 1
        page.merged_line(ws, last, "（无）", columns, align="center")
    page.fit_columns(
        ws,
        [
            [header, *(_value(table, key, row) for row in table.rows)]
            for key, header in table.columns
        ],
        minimum=[8] * columns,
        maximum=36,
    )
    page.wrap_line(ws, INFO_ROW, columns)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    page.setup_page(ws, landscape=columns > 6, header_rows=(HEADER_ROW, HEADER_ROW))
    return last


def _chart(ws: Any, table: Table, last: int) -> None:
    """A native chart of one column under the table, printed with it (the print area takes
    in the columns the chart spans)."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.utils import get_column_letter

    column, title, kind = CHARTS[table.key]
    index = [key for key, _header in table.columns].index(column) + 1
    chart = BarChart()
    chart.type = kind
    chart.title = title
    chart.style = 10
    chart.legend = None
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes unless told otherwise
    chart.y_axis.delete = False
    largest = max((float(row.get(column) or 0) for row in table.rows), default=0.0)
    if kind == "bar" and largest <= 10:
        chart.y_axis.majorUnit = 1  # counts of a few: whole steps
    chart.y_axis.number_format = "0" if kind == "bar" else "0.0"
    if kind == "bar":
        chart.x_axis.scaling.orientation = "maxMin"  # the first category on top, as listed
    data = Reference(ws, min_col=index, min_row=HEADER_ROW, max_row=last)
    categories = Reference(ws, min_col=1, min_row=HEADER_ROW + 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    widths = [
        ws.column_dimensions[get_column_letter(c)].width or 8.43
        for c in range(1, len(table.columns) + 1)
    ]
    chart.width = max(sum(widths) * CM_PER_CHARACTER, CHART_MIN_WIDTH)
    chart.height = 7.5 if kind == "col" else max(7.5, 0.7 * len(table.rows) + 2.5)
    ws.add_chart(chart, ws.cell(row=last + 2, column=1).coordinate)
    span, covered = len(table.columns), sum(widths) * CM_PER_CHARACTER
    while covered < chart.width:
        span += 1
        covered += (ws.column_dimensions[get_column_letter(span)].width or 8.43) * CM_PER_CHARACTER
    rows_below = int(chart.height / 0.53) + 3  # a default row is about half a centimetre
    ws.print_area = f"A1:{get_column_letter(span)}{last + rows_below}"


def summary_workbook(summary: dict[str, Any]) -> Any:
    """The summary as an ``openpyxl.Workbook`` (see the module's docstring)."""
    from volctl.forms import page

    owner = summary["team"] or summary["org"] or ""
    scope = summary["team"] or "全部队伍"
    target = display("target", summary["target_hours"], LANG)
    info = "　　".join(
        part
        for part in (
            owner,
            f"统计范围：{scope}",
            f"统计截至：{summary['as_of']}",
            f"年度服务目标：{target}小时",
        )
        if part
    )
    laid_out = tables(summary, LANG)
    used: set[str] = set()
    wb, ws = page.new_workbook(_sheet_name(laid_out[0].title, used))
    wb.properties.title = f"{owner}{summary['year']}年度志愿服务统计"
    for i, table in enumerate(laid_out):
        if i:
            ws = wb.create_sheet(_sheet_name(table.title, used))
        heading = f"{summary['year']}年{table.title}"
        last = _write_table(ws, table, heading, info)
        if table.key in CHARTS and table.rows:
            _chart(ws, table, last)
    return wb

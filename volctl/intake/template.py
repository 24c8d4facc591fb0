"""The blank sign-up sheet (报名表) ``volctl register template`` writes.

What Excel cannot mangle: the identity-number, phone, birth-date and guardian columns are
text-formatted ("@"), so 18 digits stay 18 digits and 1985.10 stays October. Drop-down
lists (from a hidden 代码表 sheet, so the roster's own intention list can be long) for 性别,
政治面貌, 文化程度 and 服务意向; input messages saying what to write; A4 landscape with the
header repeated on every printed page. Its header is one the importer recognises, and its
footer (填表人/审核人) is where the importer stops.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from volctl import codes
from volctl.intake.headers import column_letter

SHEET = "报名表"
LISTS = "代码表"


@dataclass(frozen=True)
class TemplateColumn:
    header: str
    width: float
    kind: str | None = None  # serial, text, gender, political, education, intention


COLUMNS = (
    TemplateColumn("序号", 5, "serial"),
    TemplateColumn("姓名", 9),
    TemplateColumn("性别", 6, "gender"),
    TemplateColumn("出生年月", 11, "date"),
    TemplateColumn("政治面貌", 12, "political"),
    TemplateColumn("文化程度", 11, "education"),
    TemplateColumn("身份证号码", 21, "id"),
    TemplateColumn("联系电话", 14, "phone"),
    TemplateColumn("工作单位及职务", 20),
    TemplateColumn("专业特长", 12),
    TemplateColumn("服务意向", 20, "intention"),
    TemplateColumn("监护人及电话\n（未满18周岁填写）", 19, "guardian"),
    TemplateColumn("备注", 10),
)
TEXT_KINDS = {"id", "phone", "guardian", "date"}

PROMPTS: dict[str, tuple[str, str]] = {
    "id": ("身份证号码", "18 位身份证号码。本列已设为文本格式，请直接输入，不要改成数字格式。"),
    "phone": ("联系电话", "11 位手机号码，或带区号的固定电话，如 0573-85012345。"),
    "date": ("出生年月", "如 1985.03、1985-03-12 或 1985年3月；不填则按身份证号码。"),
    "gender": ("性别", "从下拉列表中选择：男 或 女；不填则按身份证号码。"),
    "political": ("政治面貌", "从下拉列表中选择。"),
    "education": ("文化程度", "从下拉列表中选择。"),
    "intention": ("服务意向", "可从下拉列表中选择；多个意向用顿号分隔，如：助老服务、邻里守望。"),
    "guardian": (
        "监护人及电话",
        "未满 18 周岁的志愿者须填写监护人姓名和电话，如：李芳 13800000000。",
    ),
}

INSTRUCTIONS = (
    "填表说明：",
    "1. 身份证号码、联系电话两列为文本格式，请勿改为数字格式，否则号码后几位会丢失。",
    "2. 性别、出生年月可不填，以身份证号码为准；填写时须与身份证号码一致。",
    "3. 未满 18 周岁的志愿者须填写监护人姓名和电话，视为监护人同意。",
    "4. 请勿修改表头，也不要在表格中间插入合计行。",
)


def intentions(conn: sqlite3.Connection) -> list[str]:
    """The roster's service intentions (code list 'intention'), in order."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT value FROM code_lists WHERE list = 'intention' ORDER BY position, value"
        )
    ]


def default_intentions() -> list[str]:
    from volctl.schema.m001_core import BUILTIN_LISTS

    return list(BUILTIN_LISTS["intention"])


def write(
    path: Path,
    *,
    org: str,
    title: str,
    intention_list: list[str],
    rows: int = 50,
    overwrite: bool = False,
) -> None:
    """Write the blank sheet to ``path`` (.xlsx); an existing file is refused unless
    ``overwrite`` (it may be a sheet already filled in)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    from volctl.forms import page

    if not overwrite:
        page.refuse_existing(path)

    book = Workbook()
    ws = book.active
    ws.title = SHEET
    last_col = len(COLUMNS)
    end = column_letter(last_col - 1)
    first, last = 4, 3 + rows

    ws.cell(1, 1, title).font = Font(size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{end}1")
    ws.row_dimensions[1].height = 30
    split = last_col // 2 + 1
    ws.cell(2, 1, f"填报单位（盖章）：{org}").alignment = Alignment(vertical="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=split)
    ws.cell(2, split + 1, "填报日期：        年    月    日").alignment = Alignment(
        horizontal="right", vertical="center"
    )
    ws.merge_cells(start_row=2, start_column=split + 1, end_row=2, end_column=last_col)
    ws.row_dimensions[2].height = 22

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="E7E6E6")
    for c, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(3, c, column.header)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[column_letter(c - 1)].width = column.width
    ws.row_dimensions[3].height = 34
    for r in range(first, last + 1):
        ws.row_dimensions[r].height = 20
        for c, column in enumerate(COLUMNS, start=1):
            cell = ws.cell(r, c, r - first + 1 if column.kind == "serial" else None)
            cell.border = border
            cell.alignment = Alignment(
                horizontal="center" if column.kind in ("serial", "gender") else "left",
                vertical="center",
                wrap_text=column.kind == "intention",
            )
            if column.kind in TEXT_KINDS:
                cell.number_format = "@"

    lists = book.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    choices = {
        "gender": list(codes.GENDERS),
        "political": [full for _code, full, _short in codes.POLITICAL_STATUS],
        "education": [full for full, _short in codes.EDUCATION],
        "intention": intention_list,
    }
    for c, (kind, values) in enumerate(choices.items()):
        lists.cell(1, c + 1, kind)
        for r, value in enumerate(values, start=2):
            lists.cell(r, c + 1, value)
    for c, column in enumerate(COLUMNS):
        if column.kind not in PROMPTS:
            continue
        prompt_title, prompt = PROMPTS[column.kind]
        if column.kind in choices:
            letter = column_letter(list(choices).index(column.kind))
            count = len(choices[column.kind])
            validation = DataValidation(
                type="list",
                formula1=f"={LISTS}!${letter}$2:${letter}${count + 1}",
                allow_blank=True,
                errorStyle="information" if column.kind == "intention" else "warning",
                errorTitle=prompt_title,
                error=prompt,
            )
        else:
            validation = DataValidation(allow_blank=True)
        validation.promptTitle = prompt_title
        validation.prompt = prompt
        validation.showInputMessage = True
        validation.showErrorMessage = True
        ws.add_data_validation(validation)
        letter = column_letter(c)
        validation.add(f"{letter}{first}:{letter}{last}")

    footer = last + 2
    ws.cell(footer, 1, "填表人：")
    ws.cell(footer, 5, "审核人：")
    ws.cell(footer, 9, "联系电话：")
    for offset, line in enumerate(INSTRUCTIONS, start=2):
        note = ws.cell(footer + offset, 1, line)
        note.font = Font(size=9, color="595959")

    ws.freeze_panes = "C4"
    ws.print_title_rows = "3:3"
    ws.print_area = f"A1:{end}{footer + len(INSTRUCTIONS) + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    page.save(book, path, overwrite=overwrite, blank=True)  # no one's data: the usual mode

"""The blank sign-up sheet (报名表) ``volctl register template`` writes.

What Excel cannot mangle: every column is text-formatted ("@"), so 18 digits stay 18 digits
and 1985.10 stays October. Drop-down lists (from a hidden 代码表 sheet, so the roster's own
intention list can be long) for 性别, 政治面貌, 文化程度 and 服务意向; input messages saying what
to write. It is printed to be filled in by hand: A4 landscape at full size (no shrinking to
fit), in 宋体, rows 8.5 mm tall and the identity-number column wide enough to write 18 digits,
the header repeated on every page and ``第 N 页 共 M 页`` in the footer, like every other paper
(``volctl.forms.layout``). Its header is one the importer recognises (服务区域 included, seed
002), and its footer (填表人/审核人) is where the importer stops.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from volctl import codes
from volctl.intake.headers import column_letter

SHEET = "报名表"
LISTS = "代码表"


@dataclass(frozen=True)
class TemplateColumn:
    header: str
    width: float  # units
    kind: str | None = None  # serial, text, gender, political, education, intention


# Widths in units, within landscape A4 between MARGINS at full size: room to write by hand.
COLUMNS = (
    TemplateColumn("序号", 4.5, "serial"),
    TemplateColumn("姓名", 8),
    TemplateColumn("性别", 5, "gender"),
    TemplateColumn("出生年月", 9, "date"),
    TemplateColumn("政治\n面貌", 7.5, "political"),
    TemplateColumn("文化\n程度", 7.5, "education"),
    TemplateColumn("身份证号码", 22, "id"),
    TemplateColumn("联系电话", 13, "phone"),
    TemplateColumn("工作单位\n及职务", 10),
    TemplateColumn("专业\n特长", 7),
    TemplateColumn("服务意向", 8, "intention"),
    TemplateColumn("服务\n区域", 7),
    TemplateColumn("监护人及电话\n（未满18岁\n填写）", 13, "guardian"),
    TemplateColumn("备注", 5),
)
TEXT_KINDS = {"id", "phone", "guardian", "date"}
MARGINS = (2.0, 1.0, 1.8, 2.0)  # top, right, bottom, left (cm): sent out, not bound
ROW_HEIGHT = 24.0  # 8.5 mm: room to write a number by hand

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
    from volctl.forms.layout import CENTRE, PLAIN, TEXT, Style
    from volctl.forms.layout.paper import Paper

    if not overwrite:
        from volctl import files

        files.check_target(path, overwrite=False)
    widths = [c.width for c in COLUMNS]
    first = 3  # the first data row (0-based): title, unit line, header
    last = first + rows - 1
    with Paper(path, blank=True, overwrite=overwrite, title=title) as paper:  # no one's data
        sheet = paper.sheet(SHEET, widths, landscape=True, margins=MARGINS)
        sheet.freeze_columns = 2
        sheet.title(title)
        sheet.two_part(f"填报单位（盖章）：{org}", "填报日期：　　　　年　　月　　日")
        header = Style(bold=True, align="center", fill="E7E6E6")
        sheet.row([c.header for c in COLUMNS], header, min_height=34, repeat=True,
                  keep_next=True)  # fmt: skip
        styles = [CENTRE if c.kind in ("serial", "gender") else TEXT for c in COLUMNS]
        blank = [""] * (len(COLUMNS) - 1)
        sheet.rows(([n, *blank] for n in range(1, rows + 1)), styles, min_height=ROW_HEIGHT)
        sheet.gap(10, keep_prev=1)
        footer = "填表人：　　　　　　　　　　　　审核人：　　　　　　　　　　　　联系电话："
        sheet.line(footer, PLAIN, min_height=26, keep_prev=1)
        note = Style(size=9, color="595959", border=False)
        for line in INSTRUCTIONS:
            sheet.line(line, note, keep_prev=1)
        _code_lists(paper, sheet, intention_list, first, last)


def _code_lists(paper: Any, sheet: Any, intention_list: list[str], first: int, last: int) -> None:
    """The hidden 代码表 sheet and the drop-down lists and input messages that use it."""
    lists = paper.hidden_sheet(LISTS)
    choices = {
        "gender": list(codes.GENDERS),
        "political": [full for _code, full, _short in codes.POLITICAL_STATUS],
        "education": [full for full, _short in codes.EDUCATION],
        "intention": intention_list,
    }
    names = list(choices)
    for r in range(max(len(v) for v in choices.values()) + 1):
        for c, kind in enumerate(names):
            values = [kind, *choices[kind]]
            if r < len(values):
                lists.write_string(r, c, values[r])
    for c, column in enumerate(COLUMNS):
        if column.kind not in PROMPTS:
            continue
        prompt_title, prompt = PROMPTS[column.kind]
        options: dict[str, Any] = {
            "validate": "any",
            "input_title": prompt_title,
            "input_message": prompt,
            "ignore_blank": True,
        }
        if column.kind in choices:
            letter = column_letter(names.index(column.kind))
            count = len(choices[column.kind])
            options = {
                **options,
                "validate": "list",
                "source": f"={LISTS}!${letter}$2:${letter}${count + 1}",
                "error_type": "information" if column.kind == "intention" else "warning",
                "error_title": prompt_title,
                "error_message": prompt,
            }
        sheet.ws.data_validation(first, c, last, c, options)

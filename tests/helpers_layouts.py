"""Sign-up sheets in the layouts units and online forms really send, written as real files
(.xlsx with openpyxl, legacy .xls with xlwt, .ods by hand, CSV), merged cells included: the
kinds of ``fixtures/layouts/``, spelled, separated and footed otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from tests.conftest import make_id, make_phone
from tests.helpers_intake import write_csv, write_ods

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
Merges = Sequence[tuple[int, int, int, int]]  # first row, first column, last row, last column


def write_sheet(path: Path, rows: Sequence[Sequence[Any]], merges: Merges = ()) -> Path:
    """``rows`` (the value of a merged range in its top-left cell) with ``merges``, as the
    file's suffix says."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx(path, rows, merges)
    if suffix == ".xls":
        return _xls(path, rows, merges)
    if suffix == ".ods":
        return _ods(path, rows, merges)
    return write_csv(path, rows)


def _xlsx(path: Path, rows: Sequence[Sequence[Any]], merges: Merges) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "名单"
    for row in rows:
        ws.append(list(row))
    for r0, c0, r1, c1 in merges:
        ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    book.save(path)
    return path


def _xls(path: Path, rows: Sequence[Sequence[Any]], merges: Merges) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("名单")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM")
    covered = {
        (r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
    }
    for r0, c0, r1, c1 in merges:
        ws.write_merge(r0, r1, c0, c1, rows[r0][c0] if c0 < len(rows[r0]) else "")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in covered or value in (None, ""):
                continue
            if isinstance(value, dt.date):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    book.save(str(path))
    return path


def _ods_cell(value: Any, span: tuple[int, int] | None) -> str:
    attrs = ""
    if span is not None:
        attrs = f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (
            f'<table:table-cell{attrs} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if value in (None, ""):
        return f"<table:table-cell{attrs}/>"
    return (
        f'<table:table-cell{attrs} office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def _ods(path: Path, rows: Sequence[Sequence[Any]], merges: Merges) -> Path:
    """What LibreOffice writes for merged cells: the spans on the first cell, covered cells
    after it."""
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
    covered = {
        (r, c)
        for r0, c0, r1, c1 in merges
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
        if (r, c) != (r0, c0)
    }
    width = max(len(r) for r in rows)
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c in range(width):
            value = row[c] if c < len(row) else None
            if (r, c) in covered:
                cells.append("<table:covered-table-cell/>")
            else:
                cells.append(_ods_cell(value, spans.get((r, c))))
        body.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    return write_ods(path, [], sheet_name="名单", raw_table="".join(body))


def pid(n: int, born: str = "19800101", male: bool = True) -> str:
    return make_id(born, male=male, seq=n)


# ----------------------------------------------------------------------------- the layouts


def unit_roster() -> tuple[list[list[Any]], list[tuple[int, int, int, int]]]:
    """A unit's roster: title, 报送单位 line with the date, a two-row header (联系方式 over
    手机 | 座机), the employer merged down its people, footers of another wording.

    People: 1 and 2 at 平湖市实验小学（教师）(merged), 3 with an office line only (extension
    written 分机), 4 a mobile and a fixed line in the phone cell."""
    rows: list[list[Any]] = [
        ["东湖社区各单位志愿者名册", "", "", "", "", "", ""],
        ["报送单位（公章）：东湖社区　　　　　　2025.4.1", "", "", "", "", "", ""],
        ["序", "姓　名", "公民身份号码", "联系方式", "", "单位名称", "备　注"],
        ["", "", "", "移动电话", "座机", "", ""],
        [1, "甲一", pid(1), make_phone(1), "0573-85012345", "平湖市实验小学（教师）", ""],
        [2, "甲二", pid(2), make_phone(2), "", "", "组长"],
        [3, "甲三", pid(3), "", "0573-85234567 分机 839", "当湖街道城建办", ""],
        [4, "甲四", pid(4), f"{make_phone(4)}、0573-85123456转8001", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["制表：王芳", "", "审核：李强", "", "日期：2025年4月1日", "", ""],
        ["合计：4人", "", "", "", "", "", ""],
    ]
    merges = [(0, 0, 0, 6), (2, 3, 2, 4), (2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 3, 2)]
    merges += [(2, 5, 3, 5), (2, 6, 3, 6), (4, 5, 5, 5), (6, 5, 7, 5)]
    return rows, merges


def children() -> tuple[list[list[Any]], list[tuple[int, int, int, int]]]:
    """A 小小志愿者 sheet: 家长信息 merged over 姓名 | 联系电话 | 与孩子关系; no phone of the
    children's own. Child 2 has no guardian given; child 3's guardian writes 转 on a landline."""
    rows: list[list[Any]] = [
        ["“小小志愿者”报名表", "", "", "", "", ""],
        ["孩子姓名", "身份证号", "就读学校", "家长信息", "", ""],
        ["", "", "", "姓名", "联系电话", "与孩子关系"],
        ["乙一", pid(11, "20150301"), "东湖小学（三年级）", "乙父", make_phone(11), "父子"],
        ["乙二", pid(12, "20140505"), "东湖小学", "", "", ""],
        [
            "乙三",
            pid(13, "20131111", male=False),
            "东湖小学",
            "乙母",
            "0573-85012345转8001",
            "母女",
        ],
        ["家长签字：", "", "", "", "", ""],
    ]
    merges = [(0, 0, 0, 5), (1, 3, 1, 5), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2)]
    return rows, merges


def questionnaire(separator: str = ";") -> list[list[Any]]:
    """An online form's export (another tool's wording): metadata first, questions numbered
    Q1_ / 2. / （3）, multiple choices joined by ``separator``, times as date cells."""
    header = [
        "编号",
        "开始答题时间",
        "提交时间",
        "答题时长",
        "来源渠道",
        "IP地址",
        "Q1_请填写您的真实姓名",
        "2. 性别*",
        "（3）有效证件号码（必填）",
        "Q4. 本人联系电话",
        "5、工作单位（学校）",
        "6、您想参加的服务项目（可多选）",
    ]
    at = dt.datetime(2025, 3, 2, 9, 30)
    rows = [header]
    for n in range(1, 4):
        rows.append(
            [
                n,
                at,
                at + dt.timedelta(minutes=3, days=n - 1),
                "180秒",
                "微信",
                "10.0.0.1(浙江)",
                f"丙{n}",
                "男",
                pid(20 + n),
                make_phone(20 + n),
                "平湖市人民医院（护理部）",
                separator.join(["助老服务", "环境保护"]),
            ]
        )
    return rows


def no_index() -> list[list[Any]]:
    """No 序号 column, headers of other spellings, a count and a declaration at the end."""
    return [
        ["志愿者名字", "居民身份证号", "电话/手机", "专长", "服务类别"],
        ["丁一", pid(31), f"{make_phone(31)}/0573-85234567", "摄影", "助老服务|文化体育"],
        ["丁二", pid(32), "010-62345678 ext. 8001", "", "应急救援"],
        ["丁三", pid(33), make_phone(33), "书法", "邻里守望，助残服务"],
        ["", "", "", "", ""],
        ["共 3 人", "", "", "", ""],
        ["本人承诺以上信息真实有效。", "", "", "", ""],
    ]

"""Templates of the shapes superiors send, for ``volctl export fill`` (issue 20).

``python -m tests.helpers_fill`` writes them to ``tests/fixtures/templates/``, where they are
committed (the .ods is converted from an .xlsx by LibreOffice, as an office saves one):

- ``party.xlsx``: a merged title, a 填报单位 line, a one-row header, five bordered empty
  rows, a 合计 row with =SUM over them, a signature line merged in two halves; print area,
  print titles, landscape A4, fitted to the width, margins;
- ``seniors.xlsx``: a two-row header (联系方式 merged over 手机 and 办公电话; 年龄 merged down)
  with no empty rows under it, then a gap and a footer;
- ``records.xlsx``: one row per service record (活动名称, 服务日期, 姓名…);
- ``teams.xlsx``: one row per team (队伍名称, 队员人数, 服务时长…);
- ``activities.xlsx``: one row per activity (活动名称, 活动日期, 参加人数…);
- ``honours.xlsx``: the export-only fields (单位及职务, 累计服务时长, 星级, 培训, 保险, 表彰)
  and a column no reading knows (联系人意见);
- ``traffic.xls``: a legacy .xls written with xlwt (merged title, a footer);
- ``elders.ods``: an .ods with a merged title and a footer.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TEMPLATES = Path(__file__).parent / "fixtures" / "templates"


def _styled(ws, first: int, last: int, columns: int, *, bold: bool = False) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    for r in range(first, last + 1):
        for c in range(1, columns + 1):
            cell = ws.cell(r, c)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.font = Font(name="宋体", size=11, bold=bold)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _title(ws, text: str, columns: int) -> None:
    from openpyxl.styles import Alignment, Font

    ws.cell(1, 1, text).font = Font(name="宋体", size=18, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    ws.row_dimensions[1].height = 36


def _widths(ws, widths: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def party(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "党员志愿者"
    header = [
        "序号",
        "姓名",
        "性别",
        "出生年月",
        "政治面貌",
        "身份证号码",
        "手机",
        "服务时长（小时）",
    ]
    _title(ws, "2025年度党员志愿者服务情况统计表", len(header))
    ws.cell(2, 1, "填报单位（盖章）：")
    ws.cell(2, 6, "填报日期：    年  月  日")
    for c, text in enumerate(header, start=1):
        ws.cell(3, c, text)
    _styled(ws, 3, 3, len(header), bold=True)
    ws.row_dimensions[3].height = 30
    _styled(ws, 4, 8, len(header))
    for r in range(4, 9):
        ws.row_dimensions[r].height = 24
    ws.cell(9, 1, "合计")
    ws.cell(9, 8, "=SUM(H4:H8)")
    _styled(ws, 9, 9, len(header))
    ws.cell(11, 1, "填表人：")
    ws.cell(11, 5, "审核人：")
    ws.merge_cells("A11:D11")
    ws.merge_cells("E11:H11")
    _widths(ws, [6, 10, 6, 10, 12, 22, 14, 12])
    ws.print_area = "A1:H11"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = 1.0
    ws.page_margins.right = 0.5
    wb.save(path)
    return path


def seniors(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "老年志愿者"
    _title(ws, "60岁以上志愿者名单", 6)
    top = ["序号", "姓名", "年龄", "联系方式", None, "所属队伍"]
    sub = [None, None, None, "手机", "办公电话", None]
    for c, text in enumerate(top, start=1):
        ws.cell(2, c, text)
    for c, text in enumerate(sub, start=1):
        if text:
            ws.cell(3, c, text)
    for col in ("A", "B", "C", "F"):
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("D2:E2")
    _styled(ws, 2, 3, 6, bold=True)
    ws.cell(5, 1, "制表：")
    ws.cell(5, 4, "日期：")
    _widths(ws, [6, 10, 6, 14, 16, 24])
    wb.save(path)
    return path


def records(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "服务记录"
    header = ["序号", "服务日期", "活动名称", "志愿者姓名", "服务时长", "服务内容", "记录人"]
    _title(ws, "志愿服务记录表", len(header))
    for c, text in enumerate(header, start=1):
        ws.cell(2, c, text)
    _styled(ws, 2, 2, len(header), bold=True)
    _styled(ws, 3, 4, len(header))
    ws.cell(6, 1, "负责人签字：")
    _widths(ws, [6, 12, 16, 10, 8, 20, 10])
    wb.save(path)
    return path


def teams(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "队伍"
    header = [
        "序号",
        "队伍名称",
        "队伍层级",
        "负责人",
        "联系电话",
        "队员人数",
        "服务人次",
        "服务时长",
        "开展活动次数",
    ]
    _title(ws, "志愿服务队伍情况表", len(header))
    for c, text in enumerate(header, start=1):
        ws.cell(2, c, text)
    _styled(ws, 2, 2, len(header), bold=True)
    _styled(ws, 3, 5, len(header))
    ws.cell(7, 1, "单位（盖章）：")
    _widths(ws, [6, 28, 8, 10, 14, 8, 8, 8, 10])
    wb.save(path)
    return path


def activities(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "活动"
    header = ["序号", "活动名称", "活动日期", "活动地点", "参加人数", "服务时长"]
    _title(ws, "志愿服务活动开展情况", len(header))
    for c, text in enumerate(header, start=1):
        ws.cell(2, c, text)
    _styled(ws, 2, 2, len(header), bold=True)
    _styled(ws, 3, 3, len(header))
    _widths(ws, [6, 16, 12, 16, 8, 8])
    wb.save(path)
    return path


def honours(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "推荐"
    header = [
        "序号",
        "姓名",
        "单位及职务",
        "累计服务时长",
        "星级",
        "培训情况",
        "保险",
        "表彰",
        "联系人意见",
    ]
    _title(ws, "优秀志愿者推荐表", len(header))
    for c, text in enumerate(header, start=1):
        ws.cell(2, c, text)
    _styled(ws, 2, 2, len(header), bold=True)
    _styled(ws, 3, 12, len(header))
    ws.cell(14, 1, "推荐单位意见：")
    _widths(ws, [6, 10, 24, 10, 6, 16, 20, 16, 12])
    wb.save(path)
    return path


def traffic(path: Path) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("劝导员")
    bold = xlwt.easyxf("font: bold on, height 360; align: horiz center")
    ws.write_merge(0, 0, 0, 6, "文明交通行为劝导志愿者名单", bold)
    ws.write(1, 0, "填报单位（盖章）：")
    for c, text in enumerate(["序号", "姓名", "性别", "年龄", "政治面貌", "手机号码", "所属队伍"]):
        ws.write(2, c, text)
    ws.write(4, 0, "填表人：")
    ws.write(4, 4, "联系电话：")
    book.save(str(path))
    return path


def elders(path: Path) -> Path:
    """An .ods as LibreOffice saves one (converted from an .xlsx)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "敬老服务队"
    header = ["序号", "姓名", "性别", "出生日期", "手机号码", "服务次数", "服务时长"]
    _title(ws, "敬老志愿服务队员名册", len(header))
    for c, text in enumerate(header, start=1):
        ws.cell(2, c, text)
    _styled(ws, 2, 2, len(header), bold=True)
    ws.cell(4, 1, "经办人：")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{path.stem}.xlsx"
        wb.save(source)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless",
             "--convert-to", "ods", "--outdir", folder, str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        shutil.copyfile(Path(folder) / f"{path.stem}.ods", path)
    return path


BUILDERS = {
    "party.xlsx": party,
    "seniors.xlsx": seniors,
    "records.xlsx": records,
    "teams.xlsx": teams,
    "activities.xlsx": activities,
    "honours.xlsx": honours,
    "traffic.xls": traffic,
    "elders.ods": elders,
}


def template(name: str, folder: Path) -> Path:
    """A copy of a committed template in ``folder`` (a test may write beside it)."""
    target = folder / name
    shutil.copyfile(TEMPLATES / name, target)
    return target


if __name__ == "__main__":
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        build(TEMPLATES / name)
        print(TEMPLATES / name)

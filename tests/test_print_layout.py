"""Every printed paper, printed by LibreOffice and read back page by page; and every cell's text
measured against its row, by the layout engine's measure and by an independent one.

The papers (``helpers_print.PAPERS``: every form, the certificate at 1, 8, 11, 16, 40 and 64
services, the sign-in sheet, the rejects workbook, the sign-up template, rosters of a team of 40)
are written and converted to PDF once a session, in one LibreOffice run. The PDF checks skip
where LibreOffice or poppler is missing (CI installs them); the cell checks need only the files.
"""

from __future__ import annotations

import math
import re
import unicodedata

import openpyxl
import pytest

from tests.helpers_export import FORMULA_NAME, Printed, has_cjk_font, make_id
from tests.helpers_print import PAPERS, SERVICES, papers, widths
from volctl.forms.layout import metrics

LANDSCAPE = {
    "team-register",
    "team-register-40",
    "traffic",
    "traffic-registration",
    "concentrated-days",
    "ledger",
    "recipients",
    "training",
    "template",
    "rejects",
}
PER_SHEET = {"registration", "activity-record"}  # each sheet numbers its own pages
CERTIFICATE_PAGES = {1: 1, 8: 1, 11: 2, 16: 2, 40: 3, 64: 4}


@pytest.fixture(scope="session")
def printed(tmp_path_factory, worker_id) -> dict[str, Printed]:
    return papers(tmp_path_factory, worker_id)


def pdf(printed: dict[str, Printed], name: str) -> Printed:
    paper = printed[name]
    if not paper.pages:
        pytest.skip("LibreOffice or poppler is not installed")
    return paper


def needs_cjk() -> None:
    if not has_cjk_font():
        pytest.skip("without a Chinese font LibreOffice cannot draw (or give back) the text")


def flat(text: str) -> str:
    return "".join(text.split())


def counted_pages(path: str) -> list[int]:
    """The pages each sheet prints on, as the layout counted them (its manual breaks)."""
    book = openpyxl.load_workbook(path)
    return [len(ws.row_breaks.brk) + 1 for ws in book.worksheets if ws.sheet_state == "visible"]


@pytest.mark.parametrize("name", list(PAPERS))
def test_each_paper_prints_on_the_pages_the_layout_counted_on_a4(printed, name) -> None:
    paper = pdf(printed, name)
    if name != "rejects":  # fitted to the width: LibreOffice breaks its pages
        assert paper.pages == sum(counted_pages(paper.path)), name
    assert paper.landscape is (name in LANDSCAPE)
    assert {round(min(paper.width, paper.height)), round(max(paper.width, paper.height))} == {
        595,
        842,
    }


@pytest.mark.parametrize("name", list(PAPERS))
def test_each_page_has_its_header_its_page_number_and_more_than_the_header(printed, name) -> None:
    needs_cjk()
    paper = pdf(printed, name)
    headers = PAPERS[name][1]
    sheets = counted_pages(paper.path) if name in PER_SHEET else [paper.pages]
    numbers = [(n, total) for total in sheets for n in range(1, total + 1)]
    for text, (number, total) in zip(paper.texts, numbers, strict=True):
        page = flat(text)
        for header in headers:
            assert header in page, (name, number, header)  # the last column too: none cut off
        assert f"第{number}页共{total}页" in page, (name, number)
        body = page.replace(f"第{number}页共{total}页", "")
        for header in headers:
            body = body.replace(header, "")
        assert len(body) > 20, (name, number)  # never a page of nothing but the header


@pytest.mark.parametrize("services", SERVICES)
def test_a_certificate_keeps_its_seal_with_the_services_it_certifies(printed, services) -> None:
    needs_cjk()
    paper = pdf(printed, f"certificate-{services}")
    assert paper.pages == CERTIFICATE_PAGES[services]
    last = flat(paper.texts[-1])
    assert "出具单位（盖章）" in last and "出具日期" in last and "特此证明" in last
    assert "合计" in last and re.search(r"2025年\d+月\d+日", last)  # with the last services
    assert all("出具单位（盖章）" not in flat(t) for t in paper.texts[:-1])
    for n, text in enumerate(paper.texts[1:], start=1):
        page = flat(text)
        assert f"志愿服务记录证明（续表{n}）" in page and f"持证人：证明{services}" in page
        assert re.search(r"证明编号：ZM\d{6}", page)
    dates = [re.findall(r"2025年\d+月\d+日", flat(t)) for t in paper.texts]
    # Every service once, none lost or repeated (and the period, in the statement).
    assert sum(len(d) for d in dates) == services + 2


def test_the_registration_form_numbers_each_persons_pages(printed) -> None:
    needs_cjk()
    paper = pdf(printed, "registration")
    assert paper.pages == 3 and all("第1页共1页" in flat(t) for t in paper.texts)
    minor_free = flat(paper.texts[0])
    assert "填报日期" in minor_free and "填表日期" not in minor_free


def test_a_formula_like_name_prints_as_typed(printed) -> None:
    needs_cjk()
    paper = pdf(printed, "registration")
    assert FORMULA_NAME in paper.texts[2] and "@SUM(1+1)" in paper.texts[2]


def test_official_rosters_print_numbers_in_full_and_as_written(printed) -> None:
    paper = pdf(printed, "team-register")
    text = "\n".join(paper.texts)
    assert make_id(8) in text and "13957300008" in text and "0573-85012345" in text
    assert "E+" not in text  # no number turned into scientific notation


def test_a_team_of_forty_prints_on_as_few_pages_as_its_rows_need(printed) -> None:
    assert pdf(printed, "detachment-40").pages == 2
    assert pdf(printed, "team-register-40").pages == 3


def test_the_sign_in_sheet_prints_its_activity_and_masked_phones(printed) -> None:
    needs_cjk()
    paper = pdf(printed, "signin")
    first = flat(paper.texts[0])
    assert "集中服务日签到表" in first and "活动编号：A20250118-01" in first
    assert "V000008" in first and "139****0008" in first and "签退时间" in first


def test_dates_on_paper_are_written_in_chinese(printed) -> None:
    needs_cjk()
    for name in ("ledger", "certificate", "team-register", "signin", "summary", "recipients"):
        text = "\n".join(pdf(printed, name).texts)
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text), name
        assert re.search(r"20\d\d年\d{1,2}月\d{1,2}日", text), name


# ----------------------------------------------------------------------------- every cell


def _font_size(cell) -> float:
    return float(cell.font.sz or 11) if cell.font is not None else 11.0


def _boxes(ws):
    """Each written cell with the box it prints in: (cell, width in units, height in points)."""
    cols = widths(ws, ws.max_column)
    heights = {r: ws.row_dimensions[r].height or 15.0 for r in range(1, ws.max_row + 1)}
    spans = {}
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = (merged.max_row, merged.max_col)
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or cell.value == "":
                continue
            last_row, last_col = spans.get((cell.row, cell.column), (cell.row, cell.column))
            width = sum(cols[cell.column - 1 : last_col])
            height = sum(heights[r] for r in range(cell.row, last_row + 1))
            yield cell, width, height


def _shown(cell) -> str:
    value = cell.value
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _independent_lines(text: str, width: float, size: float, indent: float) -> int:
    """Lines by the east-asian width alone (wide and full-width characters one em, others
    half), and Excel's own conversion of column units to pixels."""
    room = (int(width * 7 + 0.5) + 5) * 0.75 - 4 - indent * 5.25
    lines = 0
    for part in text.split("\n"):
        ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in part)
        lines += max(1, math.ceil(ems * size / room))
    return lines


@pytest.mark.parametrize("name", list(PAPERS))
def test_no_cell_needs_more_lines_than_its_row_holds(printed, name) -> None:
    book = openpyxl.load_workbook(printed[name].path)
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        for cell, width, height in _boxes(ws):
            text, size = _shown(cell), _font_size(cell)
            bold = bool(cell.font.b) if cell.font is not None else False
            indent = cell.alignment.indent or 0 if cell.alignment.horizontal == "left" else 0
            ours = metrics.lines(text, width, size=size, bold=bold, indent=int(indent))
            theirs = _independent_lines(text, width, size, indent)
            for lines in (ours, theirs):
                needed = lines * metrics.line_height(size) + metrics.ROW_PAD
                assert needed <= height + 0.76, (name, ws.title, cell.coordinate, text, lines)

"""Every form and the certificate, printed by LibreOffice: pages, title, headers, nothing cut off.

The forms of the example community are written once and converted to PDF in one LibreOffice
run (the tests skip where LibreOffice or poppler is missing; CI installs them). The expected
number of pages comes from each sheet's own rows on A4, and the test data is chosen so that it
is the same whether LibreOffice prints at full size or shrinks the page to fit the width.
"""

from __future__ import annotations

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.helpers_export import (
    EAST,
    FORMULA_NAME,
    Printed,
    community_roster,
    has_cjk_font,
    pages_needed,
    render,
)

# Form -> (command line, header texts that must be on every page, landscape).
FORMS: dict[str, tuple[list[str], list[str], bool]] = {
    "deputies": (["form", "deputies"], ["序号", "单位及职务", "办公电话", "手机"], False),
    "squadron": (["form", "squadron"], ["序号", "单位及职务", "手机", "备注"], False),
    "detachment": (["form", "detachment", "--team", EAST], ["序号", "手机", "备注"], False),
    "team-register": (
        ["form", "team-register", "--team", EAST],
        ["序号", "出生年月", "身份证号码", "专业特长", "备注"],
        True,
    ),
    "traffic": (["form", "traffic", "--year", "2025"], ["序号", "身份证号码", "备注"], True),
    "registration": (
        ["form", "registration", "--volunteer", "V000009,V000010,V000030"],
        ["姓名", "证件号码", "本人承诺"],
        False,
    ),
    "concentrated-days": (
        ["form", "concentrated-days", "--year", "2025"],
        ["序号", "活动主题", "组织队伍", "备注"],
        True,
    ),
    "ledger": (
        ["form", "ledger", "--year", "2025"],
        ["序号", "活动名称", "志愿者编号", "服务内容", "记录号", "备注"],
        True,
    ),
    "certificate": (
        ["certificate", "V000010", "--year", "2025"],
        ["服务日期", "活动名称", "服务内容"],
        False,
    ),
}
TITLES = {
    "deputies": "副大队长名册表",
    "squadron": "中队人员名册表",
    "detachment": "分队人员名册表",
    "team-register": "志愿者队伍基本情况登记表",
    "traffic": "文明交通行为劝导志愿者名单",
    "registration": "志愿者服务登记表",
    "concentrated-days": "2025年志愿服务集中活动日安排表",
    "ledger": "志愿服务记录台账",
    "certificate": "志愿服务记录证明",
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, tuple[Printed, list[int]]]:
    """Each form's PDF, and the pages each of its sheets needs at full size and shrunk."""
    from volctl import i18n
    from volctl.cli.app import app

    folder = tmp_path_factory.mktemp("print")
    db = folder / "roster.db"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("VOLCTL_LANG", "en")
        env.setenv("HOME", str(folder))
        env.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        env.delenv("VOLCTL_DB", raising=False)
        i18n.set_lang("en")
        community_roster(tmp_path_factory, db)
        runner = CliRunner()
        paths = []
        for name, (args, _headers, _landscape) in FORMS.items():
            path = folder / f"{name}.xlsx"
            result = runner.invoke(app, ["--db", str(db), "export", *args, "-o", str(path)])
            assert result.exit_code == 0, (name, result.stderr)
            paths.append(path)
    pdfs = render(paths, folder / "pdf")
    out = {}
    for path in paths:
        sheets = openpyxl.load_workbook(path).worksheets
        out[path.stem] = (pdfs[path.stem], [_pages(ws) for ws in sheets])
    return out


def _pages(ws) -> int:
    if ws.page_setup.fitToHeight == 1:
        return 1
    full, shrunk = pages_needed(ws, 1.0), pages_needed(ws, 0.7)
    assert full == shrunk, f"{ws.title}: the test data sits on a page boundary"
    return full


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("name", list(FORMS))
def test_each_form_prints_on_the_pages_its_rows_need_in_its_orientation(printed, name) -> None:
    pdf, sheets = printed[name]
    assert pdf.pages == sum(sheets)
    assert pdf.landscape is FORMS[name][2]
    assert {round(min(pdf.width, pdf.height)), round(max(pdf.width, pdf.height))} == {595, 842}


@pytest.mark.parametrize("name", list(FORMS))
def test_each_page_has_the_header_and_the_page_number(printed, name) -> None:
    if not has_cjk_font():
        pytest.skip("without a Chinese font LibreOffice cannot draw the text")
    pdf, _sheets = printed[name]
    assert TITLES[name] in _flat(pdf.texts[0])
    for number, text in enumerate(pdf.texts, start=1):
        flat = _flat(text)
        for header in FORMS[name][1]:
            assert header in flat, (name, number, header)  # the last column too: none cut off
        assert f"第{number}页共{pdf.pages}页" in flat


def test_the_multi_page_forms_really_span_pages(printed) -> None:
    assert printed["ledger"][0].pages == 2 and printed["team-register"][0].pages == 2
    assert printed["registration"][0].pages == 3


def test_a_formula_like_name_prints_as_typed(printed) -> None:
    pdf, _sheets = printed["registration"]
    assert FORMULA_NAME in pdf.texts[2] and "@SUM(1+1)" in pdf.texts[2]


def test_numbers_and_masked_identity_numbers_print_as_written(printed) -> None:
    pdf, _sheets = printed["team-register"]
    text = "\n".join(pdf.texts)
    assert "3304**********" in text and "139****0007" in text and "0573-85012345" in text
    assert "E+" not in text  # no number turned into scientific notation

"""report summary's other outputs: CSV, Markdown, the workbook with charts, the official form,
their files, and how LibreOffice prints them."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers_reports import EAST, WEST, community_roster


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return community_roster(tmp_path_factory)


SUMMARY = ("report", "summary", "--year", "2025")


def test_csv_carries_the_whole_summary_one_figure_a_row(cli, community) -> None:
    result = cli(*SUMMARY, "--format", "csv", db=community)  # English labels are the keys
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["section", "item", "measure", "value"]
    cell = {(r["section"], r["item"], r["measure"]): r["value"] for r in rows}
    assert cell[("summary", "", "participations")] == "12"
    assert cell[("summary", "", "volunteers_serving")] == "6"
    assert cell[("summary", "", "hours")] == "35"
    assert cell[("by_month", "2025-03", "hours")] == "11.5"
    assert cell[("by_team", WEST, "participations")] == "5"
    assert cell[("stars_new", "2", "volunteers")] == "1"
    assert cell[("dormant", "V000008", "phone")] == "138****0008"
    assert cell[("commendations", "先进集体", "given")] == "1"
    assert cell[("change", "", "hours")] == "13"


def test_markdown_reads_as_a_chinese_year_end_summary(cli, community) -> None:
    text = cli("--lang", "en", *SUMMARY, "--format", "md", db=community).stdout
    assert text.startswith("# 东湖社区2025年度志愿服务工作总结\n")
    assert "6名志愿者参加服务12人次，累计服务时长35.0小时" in text
    assert "与2024年相比，服务时长增加13.0小时" in text
    assert "| 月份 | 活动次数 | 服务人次 | 服务时长（小时） |" in text
    assert "| 2025-03 | 1 | 4 | 11.5 |" in text
    assert "| 　东湖服务队 | 服务队 | 1 | 1 | 1 | 2 | 5.0 |" in text  # indented under 东湖
    assert "13812340008" not in text and "138****0008" in text


def test_an_output_file_takes_its_format_from_its_name(cli, community, tmp_path) -> None:
    for name, start in (("总结.md", "# "), ("总结.json", "{"), ("总结.csv", "\ufeffsection")):
        path = tmp_path / name
        result = cli(*SUMMARY, "-o", str(path), db=community)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == "" and str(path) in result.stderr
        assert path.read_text(encoding="utf-8").startswith(start), name
    table = tmp_path / "总结.txt"
    assert cli("--lang", "zh", *SUMMARY, "-o", str(table), db=community).exit_code == 0
    assert "各月服务情况" in table.read_text(encoding="utf-8")


def test_the_terminal_shows_the_months_as_a_bar_chart(cli, community) -> None:
    text = cli("--lang", "zh", *SUMMARY, db=community).stdout
    march = next(line for line in text.splitlines() if "2025-03" in line)
    may = next(line for line in text.splitlines() if "2025-05" in line)
    april = next(line for line in text.splitlines() if "2025-04" in line)
    assert "█" in march and march.count("█") < may.count("█") and "█" not in april


@pytest.fixture(scope="module")
def workbook(community, tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    from volctl.cli.app import app

    path = tmp_path_factory.mktemp("book") / "2025年度统计.xlsx"
    result = CliRunner().invoke(app, ["--db", str(community), *SUMMARY, "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


def test_the_workbook_has_a_sheet_per_table(workbook) -> None:
    book = load_workbook(workbook)
    assert book.sheetnames == [
        "总体情况",
        "各月服务情况",
        "按活动类别统计",
        "按主题统计",
        "按队伍统计",
        "服务对象",
        "星级志愿者",
        "服务时长前 6 名",
        "本年未参加服务的志愿者（2 人）",
    ]
    months = book["各月服务情况"]
    assert [c.value for c in months[3]] == ["月份", "活动次数", "服务人次", "服务时长（小时）"]
    assert [c.value for c in months[6]] == ["3月", 1, 4, 11.5]
    assert months["D6"].number_format == "0.0"


def test_the_workbook_charts_hours_by_month_and_activities_by_category(workbook) -> None:
    book = load_workbook(workbook)
    month_chart = book["各月服务情况"]._charts[0]
    category_chart = book["按活动类别统计"]._charts[0]
    assert month_chart.type == "col" and category_chart.type == "bar"
    assert month_chart.series[0].val.numRef.f == "'各月服务情况'!$D$4:$D$15"
    assert month_chart.series[0].cat.numRef.f == "'各月服务情况'!$A$4:$A$15"  # 1月 … 12月
    assert category_chart.series[0].val.numRef.f == "'按活动类别统计'!$B$4:$B$6"
    assert len(book["总体情况"]._charts) == 0


def test_the_workbook_keeps_numbers_and_phones_as_text_cells(workbook) -> None:
    dormant = load_workbook(workbook)["本年未参加服务的志愿者（2 人）"]
    number, phone = dormant["A4"], dormant["C4"]
    assert (number.value, number.data_type, number.number_format) == ("V000006", "s", "@")
    assert (phone.value, phone.data_type) == ("138****0006", "s")
    assert int(dormant.page_setup.paperSize) == int(dormant.PAPERSIZE_A4)
    assert dormant.print_title_rows == "$3:$3"


def _pdf(path: Path, folder: Path) -> str:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = folder / (path.stem + ".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.replace(" ", "")  # pdftotext spaces CJK text as it pleases


needs_office = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice and poppler are needed to print the workbook",
)


@needs_office
def test_the_workbook_prints_with_its_charts(workbook, tmp_path) -> None:
    text = _pdf(workbook, tmp_path)
    assert "各月服务时长（小时）" in text  # the chart's title, drawn by LibreOffice
    assert "各类别开展活动次数" in text
    assert "2025年总体情况" in text and "第1页共9页" in text


def test_the_official_form_is_one_a4_sheet_in_chinese(cli, community, tmp_path) -> None:
    path = tmp_path / "总结表.xlsx"
    result = cli(*SUMMARY, "--form", "-o", str(path), db=community)
    assert result.exit_code == 0, result.stderr
    assert "2025年度志愿服务工作总结表" in result.stderr
    sheet = load_workbook(path)["年度志愿服务工作总结表"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts[0] == "2025年度志愿服务工作总结表"
    assert any(t.startswith("填报单位（盖章）：东湖社区") for t in texts)
    assert "三、活动开展情况（按类别）" in texts and "八、工作情况说明" in texts
    assert any(t.startswith("负责人（签字）：") and "审核人（签字）" in t for t in texts)
    signed = "填报日期：　　年　　月　　日"
    assert any(t.startswith("填表人：") and t.endswith(signed) for t in texts)
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert "138" not in " ".join(texts)  # no phone on a form filed upward


@needs_office
def test_the_official_form_prints_on_a4_pages(cli, community, tmp_path) -> None:
    path = tmp_path / "总结表.xlsx"
    assert cli(*SUMMARY, "--team", EAST, "--form", "-o", str(path), db=community).exit_code == 0
    text = _pdf(path, tmp_path)
    assert "2025年度志愿服务工作总结表" in text and "统计范围：东湖社区分队" in text
    assert "第1页共2页" in text and "八、工作情况说明" in text


def test_the_form_needs_an_xlsx_file(cli, community, tmp_path) -> None:
    result = cli(*SUMMARY, "--form", db=community)
    assert result.exit_code == 3 and "--form" in result.stderr
    wrong = cli(*SUMMARY, "--form", "-o", str(tmp_path / "x.pdf"), db=community)
    assert wrong.exit_code == 3 and not (tmp_path / "x.pdf").exists()


def test_the_form_module_writes_the_form_for_the_export_command(community, tmp_path) -> None:
    from volctl.db import open_roster
    from volctl.forms import summary as form

    conn = open_roster(community)
    try:
        written = form.write(conn, tmp_path / "s.xlsx", year=2025, team=WEST)
    finally:
        conn.close()
    assert written["pages"] >= 1
    sheet = load_workbook(tmp_path / "s.xlsx")[form.TITLE]
    assert sheet["A1"].value == "2025年度志愿服务工作总结表"
    assert any("统计范围：西湖社区分队" in str(c.value) for c in sheet["A"][:3])


def test_a_missing_output_folder_is_refused_before_anything_is_written(
    cli, community, tmp_path
) -> None:
    result = cli(*SUMMARY, "-o", str(tmp_path / "无此目录" / "x.xlsx"), db=community)
    assert result.exit_code == 2 and "无此目录" in result.stderr
    assert "Traceback" not in result.stderr

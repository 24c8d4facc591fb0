"""volctl export forms / form: the registry, names, options, and what every form shares."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest

from tests.helpers_export import ORG, community_roster, sheet_text
from tests.helpers_print import widths
from volctl.errors import InvalidInput, NotFound
from volctl.forms import registry
from volctl.forms.layout import metrics

TITLES = {
    "deputies": "副大队长名册表",
    "squadron": "中队人员名册表",
    "detachment": "分队人员名册表",
    "team-register": "志愿者队伍基本情况登记表",
    "traffic": "文明交通行为劝导志愿者名单",
    "registration": "志愿者服务登记表",
    "concentrated-days": "集中活动日安排表",
    "ledger": "志愿服务记录台账",
    "summary": "年度志愿服务工作总结表",
    "recipients": "服务对象名册",
    "activity-record": "志愿服务活动记录",
    "training": "志愿者培训记录",
    "commendations": "志愿服务表彰名单",
    "traffic-registration": "文明交通行为劝导志愿者登记表",
}
OFFICIAL = {"deputies", "squadron", "detachment", "team-register", "traffic", "registration",
            "traffic-registration"}  # fmt: skip
# What each form needs in the example community to have something to print.
ARGS = {
    "deputies": [],
    "squadron": [],
    "detachment": ["--team", "东湖社区志愿者服务分队"],
    "team-register": ["--team", "东湖社区志愿者服务分队"],
    "traffic": ["--year", "2025"],
    "registration": ["--volunteer", "V000009"],
    "concentrated-days": ["--year", "2025"],
    "ledger": ["--year", "2025"],
    "summary": ["--year", "2025"],
    "recipients": [],
    "activity-record": ["--year", "2025"],
    "training": ["--year", "2025"],
    "commendations": ["--year", "2025"],
    "traffic-registration": ["--year", "2025"],
}


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def test_the_forms_are_listed_with_their_chinese_titles(cli, roster) -> None:
    result = cli("export", "forms", "--format", "json")
    assert result.exit_code == 0, result.stderr
    forms = result.json()
    assert {f["name"]: f["title"] for f in forms} == TITLES
    assert all(set(f) == {"name", "title", "source", "options", "official"} for f in forms)
    assert {f["name"] for f in forms if f["official"]} == OFFICIAL
    ledger = next(f for f in forms if f["name"] == "ledger")
    assert ledger["options"] == ["--year", "--from/--to", "--team", "--volunteer"]
    summary = next(f for f in forms if f["name"] == "summary")
    assert summary["options"] == ["--year", "--team"]


@pytest.mark.parametrize("name", list(TITLES))
def test_every_form_writes_an_a4_workbook_with_its_title_and_filing_line(
    cli, town, tmp_path, name
) -> None:
    path = tmp_path / f"{name}.xlsx"
    result = cli("export", "form", name, *ARGS[name], "-o", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    written = result.json()
    assert written["form"] == name and TITLES[name] in written["title"]
    # The example community serves nobody on record yet: its register is blank rows to fill in.
    listed = 0 if name == "recipients" else 1
    assert written["rows"] is None if name == "summary" else written["rows"] >= listed
    assert written["show_pii"] is (name in OFFICIAL)  # official papers: numbers in full
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert TITLES[name] in ws["A1"].value and ws["A1"].font.name == "宋体" and ws["A1"].font.b
    assert any(str(r).startswith("A1:") for r in ws.merged_cells.ranges)
    assert int(ws.page_setup.paperSize) == 9 and ws.page_margins.left >= 2.5 / 2.54  # bound
    # Printed at full size, the columns within the page (never shrunk to fit its width).
    printable = (842 if ws.page_setup.orientation == "landscape" else 595.3) - 72 * (
        ws.page_margins.left + ws.page_margins.right
    )
    assert sum(metrics.column_points(w) for w in widths(ws)) <= printable
    assert ws.oddFooter.center.text.startswith("第 &P 页 共 ")
    assert any("盖章" in str(c.value) for c in ws[2] if c.value)  # the filing (stamp) line
    assert any("填报日期" in v or "活动编号" in v for v in sheet_text(ws))


def test_a_form_is_found_by_its_chinese_title_too(cli, town, tmp_path) -> None:
    path = tmp_path / "台账.xlsx"
    result = cli("export", "form", "志愿服务记录台账", "--year", "2025", "-o", path)
    assert result.exit_code == 0, result.stderr
    assert "志愿服务记录台账" in result.stderr and path.exists()


def test_an_unknown_form_is_refused_with_the_list_of_forms(cli, roster, tmp_path) -> None:
    result = cli("export", "form", "annual", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == NotFound.exit_code
    assert "annual" in result.stderr and "ledger" in result.stderr
    assert "volctl export forms" in result.stderr


def test_an_option_the_form_does_not_use_is_refused_not_ignored(cli, town, tmp_path) -> None:
    result = cli("export", "form", "deputies", "--from", "2025-01-01", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == InvalidInput.exit_code
    assert "--from/--to" in result.stderr and "--team" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_the_output_must_be_an_xlsx_file(cli, town, tmp_path) -> None:
    result = cli("export", "form", "ledger", "-o", tmp_path / "x.pdf")
    assert result.exit_code == InvalidInput.exit_code and ".xlsx" in result.stderr


def test_writing_a_form_changes_nothing_in_the_roster(cli, town, db_path, tmp_path) -> None:
    def state() -> tuple[int, int]:
        with sqlite3.connect(db_path) as conn:
            audit = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
            counters = conn.execute("SELECT sum(value) FROM counters").fetchone()[0]
        return audit, counters

    before = state()
    written = cli("export", "form", "ledger", "--year", "2025", "-o", tmp_path / "l.xlsx")
    assert written.exit_code == 0
    assert state() == before


def test_the_filing_line_names_the_rosters_organisation(cli, town, tmp_path) -> None:
    path = tmp_path / "t.xlsx"
    assert cli("export", "form", "traffic", "--year", "2025", "-o", path).exit_code == 0
    ws = openpyxl.load_workbook(path).active
    assert ws["A2"].value == f"填报单位（盖章）：{ORG}"


def test_a_form_registered_at_run_time_is_listed_and_written(
    cli, town, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(registry, "SPECS", list(registry.SPECS))
    registry.register(
        registry.FormSpec("copy", "台账副本", "volctl.forms.ledger", options=("year",))
    )
    names = [f["name"] for f in cli("export", "forms", "--format", "json").json()]
    assert names[-1] == "copy"
    path = tmp_path / "copy.xlsx"
    assert cli("export", "form", "copy", "--year", "2025", "-o", path).exit_code == 0
    assert openpyxl.load_workbook(path).active["A1"].value == "志愿服务记录台账"


def test_registering_a_form_with_an_unknown_option_fails_loudly() -> None:
    with pytest.raises(ValueError, match="unknown form options"):
        registry.register(registry.FormSpec("x", "x", "volctl.forms.ledger", options=("colour",)))


def test_an_empty_form_is_written_with_blank_rows_and_a_warning(cli, roster, tmp_path) -> None:
    assert cli("team", "add", "空大队", "--level", "大队").exit_code == 0
    path = tmp_path / "d.xlsx"
    result = cli("export", "form", "deputies", "-o", path)
    assert result.exit_code == 0, result.stderr
    assert "Nothing to fill in" in result.stderr and "5 blank rows" in result.stderr
    ws = openpyxl.load_workbook(path).active
    assert [ws.cell(r, 1).value for r in range(4, 9)] == [1, 2, 3, 4, 5]
    assert ws.cell(4, 2).value in (None, "")


def test_extra_blank_rows_are_numbered_after_the_people(cli, town, tmp_path) -> None:
    path = tmp_path / "d.xlsx"
    assert cli("export", "form", "deputies", "--blank", "2", "-o", path).exit_code == 0
    ws = openpyxl.load_workbook(path).active
    assert [ws.cell(r, 1).value for r in range(4, 9)] == [1, 2, 3, 4, 5]
    assert ws.cell(6, 2).value and ws.cell(7, 2).value in (None, "")


def test_the_written_file_keeps_its_name_and_no_temporary_file_remains(
    cli, town, tmp_path: Path
) -> None:
    path = tmp_path / "名册.xlsx"
    assert cli("export", "form", "squadron", "-o", path).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx") == ["名册.xlsx"]
    assert not list(tmp_path.glob(".*.tmp"))

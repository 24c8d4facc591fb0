"""volctl export table / tables: raw tables as csv, json and xlsx, masked and inert."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import openpyxl
import pytest

from tests.helpers_export import FORMULA_NAME, community_roster, make_id
from volctl.errors import InvalidInput, NotFound


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def test_the_tables_are_listed_with_rows_and_personal_columns(cli, town) -> None:
    tables = {t["name"]: t for t in cli("export", "tables", "--format", "json").json()}
    assert tables["volunteers"]["rows"] == 30 and tables["volunteers"]["kind"] == "table"
    assert {"id_number", "phone", "address"} <= set(tables["volunteers"]["personal"])
    assert tables["service_effective"]["kind"] == "view"
    assert tables["audit_log"]["personal"] == ["detail"]
    assert "_sqlite_migrations" not in tables and "certificates" in tables


def test_csv_goes_to_stdout_with_every_column_and_personal_data_masked(cli, town) -> None:
    result = cli("export", "table", "volunteers")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 30 and rows[0]["volunteer_no"] == "V000001"
    assert rows[0]["id_number"].startswith("3304") and "*" in rows[0]["id_number"]
    assert rows[0]["phone"] == "139****0001"
    assert make_id(1) not in result.stdout


def test_show_pii_exports_identity_numbers_in_full(cli, town) -> None:
    rows = cli("export", "table", "volunteers", "--format", "json", "--show-pii").json()
    assert rows[0]["id_number"] == make_id(1) and rows[0]["phone"] == "+8613957300001"


def test_json_is_an_array_of_raw_rows_keyed_by_column(cli, town) -> None:
    rows = cli("export", "table", "service_records", "--format", "json").json()
    assert len(rows) == 30  # 28 originals, an amendment and a void
    assert {"id", "volunteer_id", "minutes", "kind", "corrects_id"} <= set(rows[0])
    assert isinstance(rows[0]["minutes"], int) and rows[-1]["kind"] == "void"


def test_a_formula_like_name_is_inert_in_csv_and_raw_in_json(cli, town) -> None:
    text = cli("export", "table", "volunteers").stdout
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["volunteer_no"] == "V000030")
    assert row["name"] == "'" + FORMULA_NAME and row["employer"] == "'@SUM(1+1)"
    raw = cli("export", "table", "volunteers", "--format", "json").json()
    assert raw[-1]["name"] == FORMULA_NAME


def test_a_formula_like_name_is_a_quoted_text_cell_in_xlsx(cli, town, tmp_path) -> None:
    path = tmp_path / "volunteers.xlsx"
    result = cli("export", "table", "volunteers", "-o", path)
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]][:3] == ["id", "volunteer_no", "name"]
    cell = ws["C31"]
    assert cell.value == FORMULA_NAME and cell.data_type == "s" and cell.quotePrefix
    assert ws["H2"].data_type == "s" and "*" in ws["H2"].value  # identity numbers: text
    assert ws.freeze_panes == "A2"


def test_the_format_follows_the_file_name_and_the_file_is_private(cli, town, tmp_path) -> None:
    path = tmp_path / "records.json"
    assert cli("export", "table", "service_records", "-o", path).exit_code == 0
    assert len(json.loads(path.read_text(encoding="utf-8"))) == 30
    assert path.stat().st_mode & 0o777 == 0o600
    csv_path = tmp_path / "records.csv"
    assert cli("export", "table", "service_records", "-o", csv_path).exit_code == 0
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM


def test_the_audit_detail_is_masked_as_volctl_audit_shows_it(cli, town) -> None:
    rows = cli("export", "table", "audit_log", "--format", "json").json()
    added = next(r for r in rows if r["action"] == "volunteer.add")
    assert make_id(1) not in json.dumps(rows, ensure_ascii=False)
    assert json.loads(added["detail"])["name"] == "王秀英"


def test_an_unknown_table_is_refused_with_the_list(cli, town) -> None:
    result = cli("export", "table", "volunteers; DROP TABLE volunteers")
    assert result.exit_code == NotFound.exit_code and "audit_log" in result.stderr


def test_xlsx_needs_a_file_and_a_bad_format_is_refused(cli, town) -> None:
    assert cli("export", "table", "teams", "--format", "xlsx").exit_code == InvalidInput.exit_code
    bad = cli("export", "table", "teams", "--format", "pdf")
    assert bad.exit_code == InvalidInput.exit_code and "csv, json or xlsx" in bad.stderr


def test_an_empty_table_gives_its_header_or_an_empty_array(cli, town) -> None:
    assert cli("export", "table", "holidays").stdout.strip() == "day,name,kind,created_at"
    assert cli("export", "table", "holidays", "--format", "json").json() == []


def test_numbers_stay_numbers_in_csv_even_negative_ones(cli, roster, db_path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO counters (name, value) VALUES ('probe', -3)")
    text = cli("export", "table", "counters").stdout
    assert "probe,-3" in text.splitlines()

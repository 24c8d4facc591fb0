"""volctl export certificate: numbered certificates from recorded service, and their register."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest

from tests.helpers_export import ORG, community_roster, make_id, sheet_text
from volctl.errors import InvalidInput, NotFound


@pytest.fixture
def town(cli, db_path, tmp_path_factory) -> dict:
    return community_roster(tmp_path_factory, db_path)


def issue(cli, tmp_path, vol: str, *args: str, name: str = "证明.xlsx") -> dict:
    result = cli("export", "certificate", vol, *args, "-o", tmp_path / name, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return dict(result.json())


def counts(db_path) -> tuple[int, int, int]:
    with sqlite3.connect(db_path) as conn:
        certificates = conn.execute("SELECT count(*) FROM certificates").fetchone()[0]
        audit = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        counter = conn.execute(
            "SELECT coalesce(max(value), 0) FROM counters WHERE name = 'certificate_no'"
        ).fetchone()[0]
    return certificates, audit, counter


def test_a_certificate_counts_the_recorded_service_of_the_period(cli, town, tmp_path) -> None:
    issued = issue(cli, tmp_path, "V000010", "--year", "2025")
    assert issued["certificate_no"] == "ZM000001" and issued["name"] == "周红梅"
    assert (issued["period_from"], issued["period_to"]) == ("2025-01-01", "2025-12-31")
    assert issued["services"] == 3 and issued["minutes"] == 540 and issued["hours"] == 9.0
    assert issued["org_name"] == ORG and issued["responsible_person"] == "王建国"
    assert issued["contact_person"] == "李晓梅" and issued["file"] == "证明.xlsx"


def test_the_certificate_carries_what_the_rules_ask_for(cli, town, tmp_path) -> None:
    issue(cli, tmp_path, "V000010", "--year", "2025")
    ws = openpyxl.load_workbook(tmp_path / "证明.xlsx").active
    text = "\n".join(sheet_text(ws))
    assert ws["A1"].value == "志愿服务记录证明" and "证明编号：ZM000001" in text
    assert "兹证明周红梅（居民身份证：3304" in text and "志愿者编号：V000010" in text
    assert "于2025年1月1日至2025年12月31日期间在当湖街道东湖社区居民委员会参加志愿服务3次" in text
    assert "累计服务时长9.0小时" in text
    for line in ("出具单位（盖章）：", "负责人（签字）：王建国", "经办人（签字）：李晓梅"):
        assert line in text
    assert "联系电话：0573-85012345" in text and "出具日期：" in text
    # Continuation pages carry their own head (续表 N, the holder, the header): no print titles.
    assert ws.print_title_rows is None and ws.page_setup.orientation == "portrait"


def test_each_service_is_listed_with_its_hours_and_a_total(cli, town, tmp_path) -> None:
    issue(cli, tmp_path, "V000008", "--year", "2025")  # its first record was amended to 2 h
    ws = openpyxl.load_workbook(tmp_path / "证明.xlsx").active
    # 服务内容 is what was done: the activity has no description and the record only repeats
    # its title, so it is left empty; the category has its own column.
    assert [c.value for c in ws[5]] == ["2025年1月18日", "集中服务日", "社区服务", None, 2]
    total = next(r for r in ws.iter_rows() if r[0].value == "合计")
    assert total[3].value == "1 次" and total[4].value == 2


def test_numbers_follow_the_rosters_sequence_and_each_is_registered(cli, town, tmp_path) -> None:
    first = issue(cli, tmp_path, "V000010", "--year", "2025", name="a.xlsx")
    again = cli("export", "certificate", "V000010", "--year", "2025", "-o", tmp_path / "b.xlsx")
    assert again.exit_code == 0 and "ZM000001" in again.stderr  # issued before: said so
    other = issue(cli, tmp_path, "V000025", name="c.xlsx")
    register = cli("export", "certificate", "--list", "--format", "json").json()
    assert [c["certificate_no"] for c in register] == ["ZM000001", "ZM000002", "ZM000003"]
    assert register[0] == {k: v for k, v in first.items() if k not in ("path", "merged_left_out")}
    assert register[2]["period_from"] == "2025-04-12" == other["period_to"]  # its one service


def test_the_register_lists_one_volunteers_certificates(cli, town, tmp_path) -> None:
    issue(cli, tmp_path, "V000010", name="a.xlsx")
    issue(cli, tmp_path, "V000025", name="b.xlsx")
    mine = cli("export", "certificate", "V000025", "--list", "--format", "json").json()
    assert [c["volunteer_no"] for c in mine] == ["V000025"]


def test_issuing_writes_an_audit_entry(cli, town, tmp_path) -> None:
    issue(cli, tmp_path, "V000010")
    entries = cli("audit", "--action", "certificate", "--format", "json").json()
    assert entries[-1]["action"] == "certificate.issue"
    assert entries[-1]["detail"]["certificate_no"] == "ZM000001"


def test_no_recorded_service_is_a_refusal_that_changes_nothing(
    cli, town, db_path, tmp_path
) -> None:
    before = counts(db_path)
    result = cli("export", "certificate", "V000001", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == NotFound.exit_code
    assert "no recorded service" in result.stderr and "log-hours" in result.stderr
    assert counts(db_path) == before and not (tmp_path / "x.xlsx").exists()
    later = cli("export", "certificate", "V000010", "--year", "2024", "-o", tmp_path / "y.xlsx")
    assert later.exit_code == NotFound.exit_code and "2024-01-01" in later.stderr


def test_a_file_that_cannot_be_written_registers_nothing(cli, town, db_path, tmp_path) -> None:
    before = counts(db_path)
    result = cli("export", "certificate", "V000010", "-o", tmp_path / "missing" / "x.xlsx")
    assert result.exit_code == 2 and "does not exist" in result.stderr  # refused before it starts
    assert counts(db_path) == before


def test_the_issuer_must_be_set(cli, roster, add_volunteer, db_path, tmp_path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE settings SET value = '\"\"' WHERE key = 'org_name'")
    result = cli("export", "certificate", "V000001", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == InvalidInput.exit_code and "org_name" in result.stderr


def test_the_document_number_is_printed_in_full_unless_a_masked_copy_is_asked(
    cli, town, tmp_path
) -> None:
    full = cli("export", "certificate", "V000010", "-o", tmp_path / "full.xlsx")
    assert full.exit_code == 0 and "holds personal data" in full.stderr
    assert full.stderr.count("\n") == 2  # issued, and the one line about personal data
    text = "\n".join(sheet_text(openpyxl.load_workbook(tmp_path / "full.xlsx").active))
    assert make_id(10) in text
    assert (tmp_path / "full.xlsx").stat().st_mode & 0o777 == 0o600
    masked = cli("export", "certificate", "V000010", "--mask", "-o", tmp_path / "m.xlsx")
    assert "masked" in masked.stderr and "personal data" not in masked.stderr
    copy = "\n".join(sheet_text(openpyxl.load_workbook(tmp_path / "m.xlsx").active))
    assert make_id(10) not in copy and "3304**********" in copy


def test_the_register_is_append_only(cli, town, db_path, tmp_path) -> None:
    issue(cli, tmp_path, "V000010")
    with sqlite3.connect(db_path) as conn:
        for sql in ("UPDATE certificates SET minutes = 6000", "DELETE FROM certificates"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)


def test_an_unset_signatory_is_left_blank_to_sign_with_a_warning(cli, town, tmp_path) -> None:
    assert cli("settings", "contact_person", "").exit_code == 0
    result = cli("export", "certificate", "V000010", "-o", tmp_path / "c.xlsx")
    assert result.exit_code == 0 and "contact_person" in result.stderr
    text = sheet_text(openpyxl.load_workbook(tmp_path / "c.xlsx").active)
    assert "经办人（签字）：" + "　" * 8 in text
    listed = cli("export", "certificate", "--list", "--format", "json").json()
    assert listed[0]["contact_person"] is None


def test_without_a_volunteer_or_an_output_the_usage_is_explained(cli, town, tmp_path) -> None:
    bare = cli("export", "certificate")
    assert bare.exit_code == InvalidInput.exit_code and "--list" in bare.stderr
    no_file = cli("export", "certificate", "V000010")
    assert no_file.exit_code == InvalidInput.exit_code and "-o FILE.xlsx" in no_file.stderr


def test_the_register_lists_the_certificates_issued_in_a_year_or_between_dates(
    cli, town, tmp_path
) -> None:
    issued = issue(cli, tmp_path, "V000010")
    year = issued["issued_on"][:4]
    assert len(cli("export", "certificate", "--list", "--year", year, "--format", "json").json())
    assert cli("export", "certificate", "--list", "--year", "2000", "--format", "json").json() == []
    before = cli("export", "certificate", "--list", "--to", "2000-12-31", "--format", "json")
    assert before.json() == []


# ----------------------------------------------------------------------------- merged rosters


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.helpers_merge import build, export

    folder = tmp_path_factory.mktemp("communities")
    return {
        short: export(build(folder / f"{short}.db", short), folder / f"{short}.zip")
        for short in ("东湖", "西湖")
    }


@pytest.fixture
def merged(cli, db_path, bundles) -> Path:
    """A street roster with 东湖 and 西湖 merged in, and one activity of the street's own."""
    from tests.helpers_merge import merge, street

    conn = street(db_path)
    merge(conn, bundles["东湖"], bundles["西湖"])
    conn.close()
    added = cli(
        "activity", "add", "街道学雷锋集中服务", "--date", "2025-03-05", "--start", "14:00",
        "--end", "16:00", "--category", "社区服务",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    return db_path


def volunteer_no(db_path: Path, n: int) -> str:
    from tests.helpers_merge import PEOPLE

    with sqlite3.connect(db_path) as conn:
        return str(
            conn.execute(
                "SELECT volunteer_no FROM volunteers WHERE id_number = ?", (PEOPLE[n].id_number,)
            ).fetchone()[0]
        )


def test_hours_all_recorded_by_merged_communities_are_refused_naming_them(
    cli, merged, tmp_path
) -> None:
    before = counts(merged)
    result = cli("export", "certificate", volunteer_no(merged, 2), "--year", "2025",
                 "-o", tmp_path / "证明.xlsx")  # fmt: skip
    assert result.exit_code == 5
    assert "all recorded by merged communities: 当湖街道东湖社区" in result.stderr
    assert "community that recorded the service issues its own certificate" in result.stderr
    assert counts(merged) == before and not (tmp_path / "证明.xlsx").exists()


def test_with_own_and_merged_hours_only_the_rosters_own_records_are_certified(
    cli, merged, tmp_path
) -> None:
    person = volunteer_no(merged, 6)  # recorded in 东湖 and 西湖, and by the street itself
    own = cli("log-hours", "add", person, "--activity", "A20250305-01", "--format", "json")
    assert own.exit_code == 0, own.stderr
    result = cli("export", "certificate", person, "--year", "2025", "-o", tmp_path / "证明.xlsx",
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    issued = result.json()
    assert issued["services"] == 1 and issued["minutes"] == 120
    left_out = issued["merged_left_out"]
    assert [part["source"] for part in left_out] == ["当湖街道东湖社区", "当湖街道西湖社区"]
    assert all(part["services"] > 0 and part["hours"] > 0 for part in left_out)
    assert "recorded by merged communities (当湖街道东湖社区, 当湖街道西湖社区)" in result.stderr
    ws = openpyxl.load_workbook(tmp_path / "证明.xlsx").active
    text = "\n".join(sheet_text(ws))
    assert "参加志愿服务1次" in text and "累计服务时长2.0小时" in text
    assert "东湖集中服务日" not in text and "西湖集中服务日" not in text


def test_a_community_roster_certifies_its_own_records_with_nothing_left_out(
    cli, town, tmp_path
) -> None:
    issued = issue(cli, tmp_path, "V000010", "--year", "2025")
    assert issued["merged_left_out"] == []

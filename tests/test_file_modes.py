"""One writer, one rule: every file volctl writes is readable by its owner only (0600) from
its first byte, whatever its format and whether or not its numbers are masked; the blank
sign-up template, which holds no one's data, is the one file with the usual mode."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import make_id, make_phone
from tests.helpers_intake import person, sheet, write_xlsx
from tests.test_privacy import seeded  # noqa: F401  (the fixture)
from volctl import files

OWNER_ONLY = 0o600

WRITERS = [
    ["report", "summary", "--year", "2025", "-o", "{dir}/summary.xlsx"],
    ["report", "summary", "--year", "2025", "--show-pii", "-o", "{dir}/summary.xlsx"],
    ["report", "summary", "--year", "2025", "-o", "{dir}/summary.md"],
    ["report", "summary", "--year", "2025", "--show-pii", "-o", "{dir}/summary.csv"],
    ["report", "volunteer", "王秀英", "-o", "{dir}/volunteer.json"],
    ["report", "hours", "--by", "volunteer", "--year", "2025", "-o", "{dir}/hours.txt"],
    ["register", "list", "-o", "{dir}/people.csv"],
    ["register", "list", "--show-pii", "-o", "{dir}/people.json"],
    ["audit", "-o", "{dir}/audit.csv"],
    ["export", "table", "volunteers", "-o", "{dir}/volunteers.csv"],
    ["export", "table", "volunteers", "--format", "xlsx", "-o", "{dir}/volunteers.xlsx"],
    ["export", "table", "service_records", "-o", "{dir}/records.json"],
    ["export", "bundle", "-o", "{dir}/east.volctl"],
    ["export", "certificate", "王秀英", "-o", "{dir}/certificate.xlsx"],
    ["export", "form", "registration", "--volunteer", "王秀英", "-o", "{dir}/form.xlsx"],
    ["export", "form", "registration", "--volunteer", "王秀英", "--show-pii", "-o", "{dir}/f.xlsx"],
    ["activity", "sheet", "{activity}", "-o", "{dir}/sheet.xlsx"],
    ["activity", "sheet", "{activity}", "--show-pii", "-o", "{dir}/sheet-full.xlsx"],
    ["backup", "{dir}/backup.db"],
]


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: " ".join(c[:4]))
def test_every_file_written_is_readable_by_its_owner_only(
    cli,
    seeded,  # noqa: F811  (the fixture)
    tmp_path: Path,
    command: list[str],
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [a.format(dir=out, **seeded) for a in command]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    written = [p for p in out.iterdir()]
    assert len(written) == 1, written  # the file itself, no temporary left beside it
    assert written[0].stat().st_mode & 0o777 == OWNER_ONLY


def test_a_rejects_workbook_is_readable_by_its_owner_only(cli, roster, tmp_path: Path) -> None:
    rows = [person(1), person(2, id="123")]
    path = write_xlsx(tmp_path / "in.xlsx", sheet(rows))
    rejects = tmp_path / "rejects.xlsx"
    result = cli("register", "import", str(path), "--rejects", str(rejects))
    assert result.exit_code in (0, 1), result.stderr
    assert rejects.stat().st_mode & 0o777 == OWNER_ONLY


def test_the_blank_sign_up_template_takes_the_usual_mode(cli, roster, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    assert cli("register", "template", "-o", str(path)).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_the_error_log_is_created_owner_only_and_narrowed_if_older(tmp_path: Path) -> None:
    log = tmp_path / "error.log"
    files.append_text(log, "one\n")
    assert log.stat().st_mode & 0o777 == OWNER_ONLY
    os.chmod(log, 0o644)  # as an older volctl left it
    files.append_text(log, "two\n")
    assert log.read_text() == "one\ntwo\n" and log.stat().st_mode & 0o777 == OWNER_ONLY


def test_a_roster_file_stays_owner_only_as_it_grows(cli, roster, add_volunteer) -> None:
    add_volunteer("李四", id_number=make_id(seq=7), phone=make_phone(7))
    for path in [roster, *roster.parent.glob(roster.name + "-*")]:
        assert path.stat().st_mode & 0o777 == OWNER_ONLY

"""Personal data never leaves volctl unmasked unless asked: every output of a seeded roster."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import make_id

ID_NUMBER = "330482195803120387"
PHONE = "18620246633"
CHILD_ID = make_id("20140601")
GUARDIAN_PHONE = "13957312345"
RECIPIENT_PHONE = "13511112222"
RECIPIENT_ADDRESS = "当湖街道东湖路18号3幢2单元501室"
SECRETS = (ID_NUMBER, PHONE, CHILD_ID, GUARDIAN_PHONE, RECIPIENT_PHONE, RECIPIENT_ADDRESS)


def leaked(text: str) -> list[str]:
    digits = re.sub(r"[\s\-+]", "", text)
    found = [s for s in SECRETS if s in text or s in digits]
    return found + [f"+86{s}" for s in (PHONE, GUARDIAN_PHONE) if f"+86{s}" in text]


@pytest.fixture
def seeded(cli, add_volunteer, tmp_path: Path) -> dict[str, str]:
    def run(*args: str):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        return result

    add_volunteer(
        "王秀英",
        id_number=ID_NUMBER,
        phone=PHONE,
        registered_on="2025-01-05",
        address="东湖路1号",
        emergency_contact="李大明",
        emergency_phone="13900009999",
    )
    add_volunteer(
        "小明",
        id_number=CHILD_ID,
        guardian_name="王大明",
        guardian_phone=GUARDIAN_PHONE,
        registered_on="2025-01-05",
    )
    run(
        "team",
        "add",
        "东湖社区分队",
        "--level",
        "分队",
        "--leader",
        "王秀英",
        "--contact",
        "王秀英",
    )
    run("team", "join", "东湖社区分队", "王秀英", "小明", "--since", "2025-01-10")
    activity = run(
        "activity",
        "add",
        "慰问",
        "--date",
        "2025-03-15",
        "--start",
        "08:30",
        "--end",
        "11:00",
        "--category",
        "社区服务",
        "--leader",
        "王秀英",
        "--format",
        "json",
    )
    number = activity.json()["activity_no"]
    run("activity", "signup", number, "王秀英", "小明")
    run("log-hours", "activity", number)
    recipient = run(
        "recipient",
        "add",
        "--name",
        "周阿婆",
        "--group",
        "空巢老人",
        "--phone",
        RECIPIENT_PHONE,
        "--address",
        RECIPIENT_ADDRESS,
        "--format",
        "json",
    )
    run("recipient", "pair", recipient.json()["recipient_no"], "王秀英")
    run("training", "add", "岗前培训", "--date", "2025-02-01", "--topic", "志愿精神")
    run("training", "attend", "岗前培训", "王秀英", "小明")
    run(
        "insurance",
        "add",
        "王秀英",
        "--insurer",
        "人保",
        "--policy",
        "P1",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
    )
    run("register", "update", "王秀英", "--phone", "13700001111")
    run("register", "update", "王秀英", "--phone", PHONE)
    return {"activity": number, "recipient": recipient.json()["recipient_no"]}


COMMANDS = [
    ["register", "list", "--status", "all"],
    ["register", "show", "王秀英"],
    ["register", "show", "小明"],
    ["register", "imports"],
    ["team", "list"],
    ["team", "show", "东湖社区分队"],
    ["team", "tree"],
    ["activity", "list"],
    ["activity", "show", "{activity}"],
    ["recipient", "list"],
    ["recipient", "show", "{recipient}"],
    ["recipient", "pairings"],
    ["log-hours", "list"],
    ["log-hours", "list", "--history"],
    ["training", "show", "岗前培训"],
    ["insurance", "list"],
    ["audit"],
    ["check"],
    ["info"],
    ["report", "summary", "--year", "2025"],
    ["report", "volunteer", "王秀英"],
    ["report", "volunteer", "小明"],
    ["report", "hours", "--by", "volunteer", "--year", "2025"],
    ["report", "target", "--year", "2025"],
    ["report", "stars", "--year", "2025"],
    ["report", "insurance"],
    ["commend", "suggest", "--year", "2025"],
]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_no_output_shows_an_identity_number_phone_or_address(cli, seeded, command, fmt) -> None:
    args = [part.format(**seeded) for part in command]
    result = cli(*args, "--format", fmt)
    assert result.exit_code in (0, 1), result.stderr  # check exits 1 when it finds problems
    assert leaked(result.stdout + result.stderr) == [], args


def test_show_pii_reveals_what_is_masked(cli, seeded) -> None:
    result = cli("register", "show", "小明", "--format", "json", "--show-pii")
    assert CHILD_ID in result.stdout and GUARDIAN_PHONE in result.stdout


def test_the_sign_in_sheet_is_masked(cli, seeded, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.xlsx"
    assert cli("activity", "sheet", seeded["activity"], "-o", str(sheet)).exit_code == 0
    cells = " ".join(str(c.value) for row in load_workbook(sheet).active.iter_rows() for c in row)
    assert leaked(cells) == []


def test_numbers_typed_into_notes_and_reasons_are_masked_everywhere(cli, add_volunteer) -> None:
    add_volunteer("王秀英", notes=f"家属电话 138-1234-5678，证件 {ID_NUMBER}")
    cli("register", "deactivate", "王秀英", "--reason", "新电话 13912345678")
    shown = cli("register", "show", "王秀英", "--format", "json").stdout
    audit = cli("audit", "--format", "json").stdout
    table = cli("export", "table", "volunteer_status_changes", "--format", "csv").stdout
    for text in (shown, audit, table):
        assert "5678" in text or "139****5678" in text
        assert "1234-5678" not in text and "13912345678" not in text and ID_NUMBER not in text
    assert "138****5678" in shown and "139****5678" in shown


def test_error_messages_do_not_echo_personal_numbers(cli, roster) -> None:
    missing = cli("register", "show", ID_NUMBER)
    assert missing.exit_code == 4 and ID_NUMBER not in missing.stderr and "3304" in missing.stderr
    bad = cli(
        "register", "add", "--name", "张三", "--id-number", make_id(), "--phone", "1381234567"
    )
    assert bad.exit_code == 3 and "1381234567" not in bad.stderr


@pytest.mark.parametrize("suffix", [".json", ".csv", ".txt"])
def test_a_report_written_to_a_file_is_readable_only_by_its_owner(
    cli, seeded, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"people{suffix}"
    fmt = {".json": "json", ".csv": "csv", ".txt": "table"}[suffix]
    result = cli("register", "list", "--format", fmt, "--show-pii", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert ID_NUMBER in out.read_text(encoding="utf-8-sig")
    assert out.stat().st_mode & 0o777 == 0o600

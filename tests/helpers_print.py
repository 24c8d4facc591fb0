"""Every printed paper of an example community, written once a session and printed by LibreOffice.

``build_papers`` takes the example community of ``helpers_export`` and adds what the other
papers need: a detachment of 40 (a roster for a team of 40), beneficiaries and a pairing, an
activity summary, and six volunteers with 1, 8, 11, 16, 40 and 64 services for certificates of
every length. It writes every paper (``PAPERS``) through the CLI, converts them all to PDF in one
LibreOffice run with a profile of its own, and reads each page's text back with ``pdftotext``.
The session fixture in ``test_print_layout.py`` builds it once for all test workers (a lock in
the session's shared folder) and the others read the result.

Reading back: xlsxwriter stores a column's width with Excel's padding (``(int(7 w + 0.5) + 5) /
7`` for ``w`` units) and groups neighbouring columns of one width in one ``<col>``; ``widths``
undoes both.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from tests.helpers_export import (
    BRIGADE,
    EAST,
    FORMULA_NAME,
    Printed,
    can_render,
    community_roster,
    convert_to_pdf,
    make_id,
    phone,
    read_pdf,
)

SOUTH = "南湖社区志愿者服务分队"
SERVICES = (1, 8, 11, 16, 40, 64)  # certificates of every length
# Paper -> (export arguments, or another command's; headers every page must show).
PAPERS: dict[str, tuple[list[str], list[str]]] = {
    "deputies": (["export", "form", "deputies"], ["序号", "单位及职务", "办公电话", "手机"]),
    "squadron": (["export", "form", "squadron"], ["序号", "单位及职务", "手机", "备注"]),
    "detachment": (["export", "form", "detachment", "--team", EAST], ["序号", "手机", "备注"]),
    "detachment-40": (["export", "form", "detachment", "--team", SOUTH], ["序号", "手机", "备注"]),
    "team-register": (
        ["export", "form", "team-register", "--team", EAST],
        ["序号", "出生年月", "身份证号码", "专业特长", "备注"],
    ),
    "team-register-40": (
        ["export", "form", "team-register", "--team", SOUTH],
        ["序号", "出生年月", "身份证号码", "专业特长", "备注"],
    ),
    "traffic": (["export", "form", "traffic", "--year", "2025"], ["序号", "身份证号码", "备注"]),
    "traffic-registration": (
        ["export", "form", "traffic-registration", "--year", "2025"],
        ["序号", "身份证号码", "政治面貌"],
    ),
    "registration": (
        ["export", "form", "registration", "--volunteer", "V000009,V000010,V000030"],
        ["姓名", "证件号码", "本人承诺"],
    ),
    "concentrated-days": (
        ["export", "form", "concentrated-days", "--year", "2025"],
        ["序号", "活动主题", "组织队伍", "备注"],
    ),
    "ledger": (
        ["export", "form", "ledger", "--year", "2025"],
        ["序号", "日期", "活动名称", "志愿者编号", "服务时间", "记录号", "备注"],
    ),
    "summary": (["export", "form", "summary", "--year", "2025"], []),
    "recipients": (
        ["export", "form", "recipients", "--year", "2025"],
        ["序号", "类别", "住址", "登记日期"],
    ),
    "activity-record": (
        ["export", "form", "activity-record", "--activity", "A20250118-01,A20250412-01"],
        ["活动名称", "活动成效", "活动照片"],
    ),
    "training": (
        ["export", "form", "training", "--year", "2025"],
        ["序号", "培训名称", "参训人员"],
    ),
    "commendations": (["export", "form", "commendations", "--year", "2025"], ["序号", "荣誉称号"]),
    "certificate": (
        ["export", "certificate", "V000010", "--year", "2025"],
        ["服务日期", "活动名称", "服务内容"],
    ),
    "signin": (["activity", "sheet", "A20250118-01", "--blank", "30"], ["序号", "签名", "备注"]),
    "template": (["register", "template", "--rows", "40"], ["序号", "身份证号码", "联系电话"]),
    "rejects": ([], ["原行号", "错误原因"]),
    **{
        f"certificate-{n}": (["export", "certificate", f"证明{n}", "--year", "2025"], ["服务日期"])
        for n in SERVICES
    },
}


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """One test worker at a time (the others wait): the papers are built once a session."""
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def papers(factory: pytest.TempPathFactory, worker: str) -> dict[str, Printed]:
    """Every paper, printed; built by the first worker that asks, read by the others."""
    shared = factory.getbasetemp() if worker == "master" else factory.getbasetemp().parent
    folder = shared / "printed-papers"
    manifest = folder / "manifest.json"
    with locked(shared / "printed-papers.lock"):
        if not manifest.exists():
            folder.mkdir(exist_ok=True)
            built = build_papers(factory, folder, profile=shared / f"lo-profile-{worker}")
            manifest.write_text(json.dumps({k: asdict(v) for k, v in built.items()}))
    return {k: Printed(**v) for k, v in json.loads(manifest.read_text()).items()}


def build_papers(
    factory: pytest.TempPathFactory, folder: Path, *, profile: Path
) -> dict[str, Printed]:
    from typer.testing import CliRunner

    from volctl import i18n
    from volctl.cli.app import app

    db = folder / "roster.db"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("VOLCTL_LANG", "en")
        env.setenv("HOME", str(folder))
        env.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        env.delenv("VOLCTL_DB", raising=False)
        i18n.set_lang("en")
        community_roster(factory, db)
        runner = CliRunner()

        def run(*args: str) -> str:
            result = runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)
            assert result.exit_code == 0, (args, result.stderr)
            return result.stdout

        _timing("community")
        _more(run, db)
        _timing("more")
        paths = {}
        for name, (args, _headers) in PAPERS.items():
            path = folder / f"{name}.xlsx"
            if name == "rejects":
                _rejects(run, folder, path)
            else:
                run(*args, "-o", str(path))
            paths[name] = path
        _timing("papers")
    return render(paths, folder / "pdf", profile)


def _timing(label: str) -> None:
    import os
    import time

    if os.environ.get("VOLCTL_PRINT_TIMING"):
        print(label, round(time.perf_counter(), 1), flush=True)


def _more(run: Any, db: Path) -> None:
    """What the example community lacks for the other papers (through the domain: quick)."""
    from datetime import date, timedelta

    from volctl.db import open_roster
    from volctl.ledger import activities, records, signups
    from volctl.roster import volunteers

    conn = open_roster(db)

    def person(n: int, name: str, since: str, **extra: str) -> str:
        given = volunteers.VolunteerInput(
            name=name, id_number=make_id(n), phone=phone(n), registered_on=since, **extra
        )
        return str(volunteers.register(conn, given)[0]["volunteer_no"])

    try:
        south = [person(n, f"南湖队员{n - 99:02d}", "2024-01-02", employer="南湖社区")
                 for n in range(100, 140)]  # fmt: skip
        numbers = {n: person(200 + k, f"证明{n}", "2024-12-01") for k, n in enumerate(SERVICES)}
        day = date(2025, 5, 2)
        for i in range(max(SERVICES)):
            title = "学雷锋志愿服务进社区" if i % 3 else f"第{i + 1}期邻里守望关爱空巢老人上门服务"
            given = activities.ActivityInput(
                title=title,
                date=(day + timedelta(days=i * 3)).isoformat(),
                start_time="09:00",
                end_time="11:30",
                category="社区服务",
                description="陪伴聊天、打扫卫生、帮助购买生活用品" if i % 2 else None,
            )
            activity = activities.add(conn, given)["activity_no"]
            signups.signup(conn, activity, [numbers[n] for n in SERVICES if n > i])
            records.add_roster(conn, activity, records.ServiceInput())
    finally:
        conn.close()
    run("team", "add", SOUTH, "--level", "分队", "--leader", "V000012", "--unit", "南湖社区居委会")
    run("team", "join", SOUTH, *south, "--since", "2025-01-01")
    run("recipient", "add", "--name", "陈阿婆", "--group", "空巢老人", "--phone", "0573-85012345",
        "--address", "东湖小区3幢501室", "--needs", "代购、陪护", "--family-contact", "陈建国",
        "--family-phone", "13957312345", "--registered-on", "2025-01-05")  # fmt: skip
    run("recipient", "pair", "R000001", "V000008", "V000009", "--since", "2025-01-15")
    run("activity", "update", "A20250118-01", "--summary",
        "为东湖社区12户空巢老人上门打扫卫生、测量血压，发放防诈骗宣传资料40份；"
        "老人们反映良好，下次活动增加理发服务。")  # fmt: skip
    run("commend", "add", "--year", "2025", "--title", "先进集体", "--team", EAST)
    run("training", "add", "文明交通劝导业务培训", "--date", "2025-04-01", "--topic", "文明交通",
        "--hours", "1.5", "--trainer", "交警大队 王警官", "--place", "交警大队会议室")  # fmt: skip
    run("training", "attend", "T20250401-01", "V000025", "V000026")


def _rejects(run: Any, folder: Path, path: Path) -> None:
    """A sign-up sheet with rows to reject (one named like a formula), imported: its rejects."""
    from tests.helpers_intake import person, sheet, write_csv

    source = write_csv(
        folder / "sheet.csv",
        sheet(
            [
                person(1, name=FORMULA_NAME, phone="1"),
                person(2, phone="2"),
                person(3, name="欧阳娜娜", phone="12345"),
            ]
        ),
    )
    run("register", "import", str(source), "--rejects", str(path), "--dry-run")


def render(paths: dict[str, Path], folder: Path, profile: Path) -> dict[str, Printed]:
    """Print workbooks to PDF in one LibreOffice run (a profile of its own) and read each page's
    text back; a paper that could not be printed has no pages."""
    folder.mkdir(parents=True, exist_ok=True)
    if can_render():
        convert_to_pdf(paths.values(), folder, profile=profile, timeout=900)
    printed = {}
    for name, path in paths.items():
        pdf = folder / f"{path.stem}.pdf"
        printed[name] = read_pdf(pdf, path) if pdf.exists() else Printed(0, 0.0, 0.0, [], str(path))
    return printed


def widths(ws: Any, columns: int | None = None) -> list[float]:
    """The sheet's column widths in the units they were set in."""
    found: dict[int, float] = {}
    for dim in ws.column_dimensions.values():
        if dim.width and dim.min:
            for index in range(dim.min, (dim.max or dim.min) + 1):
                found[index] = dim.width - 5 / 7 if dim.width > 1 else dim.width
    count = columns or max(found, default=0)
    return [round(found.get(i, 8.43), 2) for i in range(1, count + 1)]


__all__ = ["BRIGADE", "PAPERS", "papers", "widths"]

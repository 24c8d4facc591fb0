"""An example community for the export tests, and the tools to print a form and read it back.

``build_community`` drives the CLI to build, in 2025: a brigade (大队) with its captain and
three deputies, a squadron (中队) with its captain and a deputy, two detachments (分队), the
east one with a responsible person, a contact and 18 members (one of them named like a
spreadsheet formula), the west one with 6; a concentrated-day series on the third Saturdays of
January to April, a traffic-civility activity; service recorded for each (one record amended,
one voided); a training and a commendation. ``community`` (in the test modules) copies the
file built once per session into each test's roster, so that a test may change it.

``render`` converts workbooks to PDF with LibreOffice in one run (skipping the test where
LibreOffice or poppler is missing) and reads each PDF's pages back with ``pdftotext``.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from stdnum.cn import ric

Run = Callable[..., Any]

ORG = "当湖街道东湖社区居民委员会"
BRIGADE, SQUADRON = "平湖市社区志愿者服务大队", "当湖街道社区志愿者服务中队"
EAST, WEST = "东湖社区志愿者服务分队", "西湖社区志愿者服务分队"
FORMULA_NAME = '=HYPERLINK("x")'
NAMES = [
    *("王秀英", "李建华", "张明", "刘丽娟", "陈志强", "杨海燕", "黄晓东", "赵桂兰", "吴国庆"),
    *("周红梅", "徐文博", "孙淑珍", "马德胜", "朱雅琴", "胡子涵", "郭宇轩", "何欣怡", "高浩然"),
    *("林玉兰", "罗振华", "郑秀梅", "梁建国", "谢明辉", "宋丽娟", "唐志远", "许海波", "韩晓燕"),
    *("冯桂芳", "邓国华"),
]
EMPLOYERS = (
    ("平湖市公安局", "副局长"),
    ("平湖市司法局", "科员"),
    ("当湖街道办事处", "主任"),
    ("东湖社区居委会", "党委书记"),
    ("平湖市第一中学", "教师"),
    ("浙江平湖农村商业银行股份有限公司东湖支行", "客户经理"),
)
CONCENTRATED_DAYS = ("2025-01-18", "2025-02-15", "2025-03-15", "2025-04-19")


def make_id(n: int, birth: str = "1960") -> str:
    base = f"330482{birth}{1 + n % 12:02d}{10 + n % 18:02d}{(n * 10 + n % 2) % 1000:03d}"
    return base + ric.calc_check_digit(base + "0")


def phone(n: int) -> str:
    return f"1395730{n:04d}"


def build_community(run: Run) -> dict[str, Any]:
    """Build the example community through the CLI; returns who is who."""
    run("init", "--org", ORG)
    run("settings", "responsible_person", "王建国")
    run("settings", "contact_person", "李晓梅")
    run("settings", "contact_phone", "0573-85012345")
    numbers = []
    for n, name in enumerate([*NAMES, FORMULA_NAME], start=1):
        employer, position = EMPLOYERS[n % len(EMPLOYERS)]
        args = ["register", "add", "--name", name, "--id-number", make_id(n), "--phone", phone(n)]
        args += ["--registered-on", "2024-01-02", "--political", ("党员", "群众", "团员")[n % 3]]
        employer = "@SUM(1+1)" if name == FORMULA_NAME else employer
        args += ["--employer", employer, "--position", position, "--skills", "书法,摄影"]
        if n % 4 == 1:
            args += ["--office-phone", f"0573-8503{n:04d}"]
        if n in (10, 26):
            args += ["--intentions", "文明交通劝导,助老服务"]
        numbers.append(run(*args, "--format", "json").json()["volunteer_no"])
    v = dict(enumerate(numbers, start=1))  # v[1] = "V000001"
    since = ("--since", "2025-01-01")
    run("team", "add", BRIGADE, "--level", "大队", "--office-phone", "0573-85030727")
    run("team", "add", SQUADRON, "--level", "中队", "--parent", BRIGADE)
    run("team", "add", EAST, "--level", "分队", "--parent", SQUADRON, "--leader", v[7],
        "--contact", v[8], "--unit", "东湖社区居委会", "--base", "东湖社区党群服务中心",
        "--office-phone", "0573-85012345", "--founded-on", "2024-03-05")  # fmt: skip
    run("team", "add", WEST, "--level", "分队", "--parent", SQUADRON)
    run("team", "join", BRIGADE, v[1], "--role", "队长", *since)
    run("team", "join", BRIGADE, v[2], v[3], v[4], "--role", "副队长", *since)
    run("team", "join", SQUADRON, v[5], "--role", "队长", *since)
    run("team", "join", SQUADRON, v[6], "--role", "副队长", *since)
    run("team", "join", EAST, v[7], "--role", "队长", *since)
    run("team", "join", EAST, *[v[n] for n in range(8, 25)], v[30], *since)
    run("team", "join", WEST, *[v[n] for n in range(25, 30)], *since)
    run("activity", "schedule", "集中服务日", "--rule", "third-saturday", "--from", "2025-01-01",
        "--to", "2025-04-30", "--category", "社区服务", "--team", EAST, "--start", "08:30",
        "--end", "11:30", "--place", "东湖社区广场", "--yes")  # fmt: skip
    traffic = run("activity", "add", "文明交通劝导", "--date", "2025-04-12", "--category",
                  "交通引导", "--team", WEST, "--start", "07:00", "--end", "09:00", "--place",
                  "东湖路口", "--format", "json").json()["activity_no"]  # fmt: skip
    days = [f"A{d.replace('-', '')}-01" for d in CONCENTRATED_DAYS]
    for k, activity in enumerate(days):
        run("activity", "signup", activity, *[v[n] for n in range(8 + k, 14 + k)])
        run("log-hours", "activity", activity)
    run("activity", "signup", traffic, v[25], v[26], v[27], v[28])
    run("log-hours", "activity", traffic)
    records = run("log-hours", "list", "--format", "json").json()
    amended = records[0]["record"]
    run("log-hours", "amend", str(amended), "--hours", "2", "--reason", "提前离开")
    voided = records[1]["record"]
    run("log-hours", "void", str(voided), "--reason", "记错了人")
    training = run("training", "add", "新志愿者岗前培训", "--date", "2025-03-10", "--topic",
                   "志愿精神", "--hours", "2", "--initial", "--format", "json").json()  # fmt: skip
    run("training", "attend", training["training_no"], v[9], v[10])
    run("commend", "add", "--year", "2025", "--title", "优秀志愿者", "--volunteer", v[9])
    return {
        "v": v,
        "days": days,
        "traffic": traffic,
        "amended": amended,
        "voided": voided,
        "formula": v[len(numbers)],
    }


class _Result:
    def __init__(self, stdout: str) -> None:
        self.stdout = stdout

    def json(self) -> Any:
        return json.loads(self.stdout)


_COMMUNITY: dict[str, Any] = {}


def community_roster(factory: pytest.TempPathFactory, target: Path) -> dict[str, Any]:
    """Copy the example community to ``target`` (built on first use, once per session)."""
    if not _COMMUNITY:
        from typer.testing import CliRunner

        from volctl.cli.app import app

        source = factory.mktemp("community") / "community.db"
        runner = CliRunner()

        def run(*args: str) -> _Result:
            result = runner.invoke(app, ["--db", str(source), *args], catch_exceptions=False)
            assert result.exit_code == 0, (args, result.stderr)
            return _Result(result.stdout)

        _COMMUNITY.update(source=source, info=build_community(run))
    copy_roster(_COMMUNITY["source"], target)
    return dict(_COMMUNITY["info"])


def copy_roster(source: Path, target: Path) -> None:
    """A copy of a closed roster (no WAL left beside it)."""
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(source, target)


def sheet_text(ws: Any) -> list[str]:
    """Every non-empty cell of a worksheet as text, row by row."""
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value not in (None, "")]


# ----------------------------------------------------------------------------- printing


@dataclass
class Printed:
    pages: int
    width: float
    height: float
    texts: list[str]  # one per page
    path: str = ""  # the workbook

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def can_render() -> bool:
    return all(shutil.which(tool) for tool in ("soffice", "pdftotext", "pdfinfo"))


def has_cjk_font() -> bool:
    if not shutil.which("fc-list"):
        return False
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    return bool(found.strip())


def convert_to_pdf(
    paths: Iterable[Path], folder: Path, *, profile: Path | None = None, timeout: int = 600
) -> None:
    """Print workbooks to PDF in ``folder`` in one LibreOffice run (with a profile of its own
    when given, so parallel test workers do not share one)."""
    own = [f"-env:UserInstallation=file://{profile}"] if profile is not None else []
    subprocess.run(
        ["soffice", *own, "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
        + [str(p) for p in paths],
        check=True,
        capture_output=True,
        timeout=timeout,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )


def read_pdf(pdf: Path, workbook: Path) -> Printed:
    """A printed workbook: its pages, page size and each page's text (``pdftotext``)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    pages = int(fields["Pages"])
    size = fields["Page size"].split()
    texts = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for p in range(1, pages + 1)
    ]
    return Printed(pages, float(size[0]), float(size[2]), texts, str(workbook))


def render(paths: Sequence[Path], folder: Path) -> dict[str, Printed]:
    """Print workbooks to PDF with LibreOffice (one run) and read each page's text back."""
    if not can_render():
        pytest.skip("LibreOffice or poppler is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    convert_to_pdf(paths, folder)
    return {path.stem: read_pdf(folder / f"{path.stem}.pdf", path) for path in paths}


def beside(ws: Any, label: str) -> Any:
    """The value beside a label in a form's grid (the cell right of it)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label:
                return ws.cell(cell.row, cell.column + 1).value
    raise KeyError(label)


def pages_needed(ws: Any, scale: float) -> int:
    """The pages a sheet's rows fill on A4 at ``scale``: rows never split, the repeated header
    starts every page after the first (the page set-up of ``volctl.forms.page``)."""
    landscape = ws.page_setup.orientation == "landscape"
    height = (595.3 if landscape else 841.9) - 72 * (ws.page_margins.top + ws.page_margins.bottom)
    last = int(str(ws.print_area).rsplit("$", 1)[-1]) if ws.print_area else ws.max_row
    repeat = 0.0
    if ws.print_title_rows:
        first_title, last_title = (int(x.strip("$")) for x in ws.print_title_rows.split(":"))
        repeat = sum(_height(ws, r) for r in range(first_title, last_title + 1)) * scale
    pages, used = 1, 0.0
    for row in range(1, last + 1):
        needed = _height(ws, row) * scale
        if used + needed > height:
            pages, used = pages + 1, repeat
        used += needed
    return pages


def _height(ws: Any, row: int) -> float:
    return float(ws.row_dimensions[row].height or 15)

"""``volctl demo``: an example community roster built from ``examples/``.

Each capability adds its step here, so the demo walks a clerk's year: volunteers registered,
(then teams, activities, hours, …) and finally the year-end report.
"""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from volctl import settings
from volctl.db import open_roster, transaction
from volctl.errors import InvalidInput, Where
from volctl.roster import volunteers

DEMO_ORG = "当湖街道东湖社区（示例）"
DEMO_TODAY = date(2025, 12, 31)


def examples_dir() -> Path:
    """The example files: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_examples", here.parent / "examples"):
        if candidate.is_dir():
            return candidate
    raise InvalidInput("demo.no_examples", path=str(here / "_examples"))


@dataclass
class DemoResult:
    path: Path
    conn: sqlite3.Connection
    steps: list[tuple[str, dict[str, object]]] = field(default_factory=list)


# Column of examples/volunteers.csv -> field of VolunteerInput.
_CSV_FIELDS = {
    "姓名": "name",
    "性别": "gender",
    "身份证号码": "id_number",
    "手机号码": "phone",
    "政治面貌": "political_status",
    "文化程度": "education",
    "工作单位": "employer",
    "职务": "position",
    "专业特长": "skills",
    "服务意向": "intentions",
    "监护人": "guardian_name",
    "监护人电话": "guardian_phone",
    "登记日期": "registered_on",
}


def build(folder: Path) -> DemoResult:
    """Create ``folder/roster.db`` and fill it with the example community."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "roster.db"
    if path.exists():
        raise InvalidInput("demo.exists", where=Where(field="dir"), path=str(path))
    conn = open_roster(path, create=True)
    result = DemoResult(path, conn)
    with transaction(conn):
        settings.set_value(conn, "org_name", DEMO_ORG)
        settings.set_value(conn, "region_code", "330482")
        settings.set_value(conn, "recorder", "王芳")
        count = _register_examples(conn, examples_dir() / "volunteers.csv")
    result.steps.append(("demo.step_registered", {"count": count}))
    return result


def _register_examples(conn: sqlite3.Connection, source: Path) -> int:
    with source.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        given = volunteers.VolunteerInput(
            **{name: row.get(column) or None for column, name in _CSV_FIELDS.items()}
        )
        volunteers.insert(conn, volunteers.prepare(given, today=DEMO_TODAY))
    return len(rows)

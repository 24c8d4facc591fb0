"""副大队长名册表 (004 附件1): the brigade's deputy leaders (副大队长), each named by a city
department, which stamps the form.

The layout is shared with the other rosters of seed 004: see ``volctl.forms.level_roster``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.forms import level_roster
from volctl.forms.request import FormRequest

LAYOUT = level_roster.Layout(
    level="大队", form="副大队长名册表", stamp="市级有关部门盖章：", deputies_only=True
)


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    return level_roster.write(conn, request, path, LAYOUT)

"""分队人员名册表 (004 附件3): a village's or community's detachment (分队), filed with the
civil affairs bureau.

The layout is shared with the other rosters of seed 004: see ``volctl.forms.level_roster``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.forms import level_roster
from volctl.forms.request import FormRequest

LAYOUT = level_roster.Layout(level="分队", form="人员名册表", stamp="村（社区）盖章：")


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    return level_roster.write(conn, request, path, LAYOUT)

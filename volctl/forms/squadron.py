"""中队人员名册表 (004 附件2): a town's or street's squadron (中队), filed with the civil
affairs bureau.

The layout is shared with the other rosters of seed 004: see ``volctl.forms.level_roster``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from volctl.forms import level_roster
from volctl.forms.request import FormRequest

LAYOUT = level_roster.Layout(level="中队", form="人员名册表", stamp="镇（街道）盖章：")


def write(conn: sqlite3.Connection, request: FormRequest, path: Path) -> dict[str, Any]:
    return level_roster.write(conn, request, path, LAYOUT)

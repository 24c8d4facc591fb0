"""``volctl demo``: build the example roster and show it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from volctl.cli.common import emit, notice
from volctl.i18n import t
from volctl.render import Column, Format


def run_demo(folder: Path | None, fmt: Format) -> None:
    from volctl import demo
    from volctl.roster import volunteers

    folder = folder or Path(tempfile.mkdtemp(prefix="volctl-demo-"))
    result = demo.build(folder)
    try:
        notice(t("demo.built", path=str(result.path)))
        for key, params in result.steps:
            notice("  - " + t(key, **params))
        rows = [volunteers.public(r) for r in volunteers.list_volunteers(result.conn, status="all")]
    finally:
        result.conn.close()
    if fmt is Format.table:
        for row in rows:
            row["status"] = t(f"status.{row['status']}")
    emit(
        rows,
        fmt,
        title=t("demo.volunteers_title"),
        columns=[
            Column("volunteer_no", t("field.volunteer_no"), no_wrap=True),
            Column("name", t("field.name"), no_wrap=True),
            Column("gender", t("field.gender"), no_wrap=True),
            Column("age", t("field.age"), "right"),
            Column("phone", t("field.phone"), no_wrap=True),
            Column("political_status", t("field.political_status")),
            Column("intentions", t("field.intentions")),
        ],
    )
    notice(t("demo.next", db=str(result.path)))

"""``volctl demo``: build the example roster and show its year-end report."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from volctl.cli.messages import notice
from volctl.cli.output import emit
from volctl.i18n import t
from volctl.render import Format


def run_demo(folder: Path | None, fmt: Format) -> None:
    from volctl import demo
    from volctl.reports import summary

    folder = folder or Path(tempfile.mkdtemp(prefix="volctl-demo-"))
    result = demo.build(folder)
    try:
        notice(t("demo.built", path=str(result.path)))
        for key, params in result.steps:
            notice("  - " + t(key, **params))
        data = summary.summary(result.conn, year=demo.DEMO_YEAR, today=date(demo.DEMO_YEAR, 12, 31))
    finally:
        result.conn.close()
    if fmt is Format.table:
        from volctl.cli import report_view

        notice(t("demo.summary_title", year=demo.DEMO_YEAR))
        report_view.show(report_view.summary(data))
    else:
        emit(data, fmt)
    notice(t("demo.next", db=str(result.path)))

"""``volctl export fill TEMPLATE -o FILLED.xlsx``: fill any template a superior sends.

A street office or a bureau sends a blank sheet with its own title, columns and order ("请按
附件模板填报"). The filler reads its header by meaning, with the same reader as the import
(``volctl.headings``), decides which rows it wants (one per volunteer, service record,
activity or team: ``fields.choose_mode``), computes them as the reports do
(``values``), keeps those ``--where`` selects (``where``), and writes them into a copy of the
template that keeps everything else the template had (``sheetxml``; a legacy .xls or .ods is
first rebuilt as .xlsx: ``legacy``). ``--column`` maps what reading cannot, ``--remember``
keeps that for the template (``mappings``).

The filled file is an official paper sent upward: personal data in full (``mask`` for a copy
to pass around), written owner-only through the one writer (``volctl.files``).

Layers: pure reading (``template``, ``where``), the roster (``values``), the file
(``sheetxml``, ``legacy``); nothing here imports the CLI.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from volctl.errors import InvalidInput, Where


@dataclass(frozen=True)
class Options:
    team: str | None = None
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    where: str | None = None
    status: str | None = None  # active | all; None: active for people, all for the rest
    columns: tuple[str, ...] = ()
    remember: bool = False
    dry_run: bool = False
    mask: bool = False
    sheet: str | None = None
    mode: str | None = None
    today: date = field(default_factory=date.today)


STATUSES = ("active", "all")


def period_of(options: Options) -> Any:
    """``--year`` or ``--from/--to`` (not both), else this year to today."""
    from volctl.reports.common import date_range, year_period

    if options.year is not None and (options.date_from or options.date_to):
        raise InvalidInput("fill.year_and_dates", where=Where(field="year"))
    if options.year is not None:
        return year_period(options.year, options.today)
    if options.date_from or options.date_to:
        return date_range(options.date_from, options.date_to, options.today)
    return year_period(options.today.year, options.today)


def run(
    conn: sqlite3.Connection, path: Path, output: Path | None, options: Options
) -> dict[str, Any]:
    """Fill the template at ``path`` into ``output`` (not with ``dry_run``); returns what was
    done: the template's columns and how each was read, the rows, the period."""
    from volctl.fill import fields as F
    from volctl.fill import mappings, template, values, where
    from volctl.reports.common import Basis, find_scope

    if options.status is not None and options.status not in STATUSES:
        raise InvalidInput("fill.status_unknown", where=Where(field="status"), value=options.status)
    if options.mode is not None and options.mode not in F.MODES:
        raise InvalidInput("fill.mode_unknown", where=Where(field="mode"), value=options.mode)
    parsed = mappings.parse_columns(options.columns)
    if options.remember and not parsed:
        raise InvalidInput("fill.remember_without_column", where=Where(field="remember"))
    if not options.dry_run:
        _check_output(path, output)
    tpl = template.read(
        path,
        sheet=options.sheet,
        explicit=mappings.as_table(parsed),
        remembered=mappings.remembered(conn),
        mode=options.mode,
    )
    if not tpl.filled:
        raise InvalidInput(
            "fill.nothing_to_fill",
            hint="hint.fill_column",
            where=Where(file=str(path), row=tpl.last_row),
            mode=tpl.mode,
        )
    conditions = where.parse(options.where, tpl.mode) if options.where else []
    period = period_of(options)
    basis = Basis(conn, period, find_scope(conn, options.team))
    status = options.status or ("active" if tpl.mode == F.VOLUNTEER else "all")
    needed = tpl.fields | {c.field for c in conditions}
    produce = values.ROWS[tpl.mode]
    rows = [
        row
        for row in produce(basis, needed, status, options.mask)
        if where.matches(row, conditions)
    ]
    result = _summary(tpl, rows, period, options, status, output)
    if options.dry_run:
        return result
    assert output is not None
    _write(tpl, rows, output, result)
    if options.remember:
        from volctl import audit
        from volctl.db import transaction

        with transaction(conn):
            mappings.remember(conn, tpl.signature, tpl.signature_label, parsed)
            audit.record(conn, "fill.template_filled", None, None, file=str(output), rows=len(rows))
        result["columns_remembered"] = True
    return result


def _check_output(path: Path, output: Path | None) -> None:
    where = Where(field="output")
    if output is None:
        raise InvalidInput("fill.needs_output", hint="hint.fill_usage", where=where)
    if output.suffix.lower() != ".xlsx":
        raise InvalidInput("fill.output_xlsx", where=where, path=str(output))
    try:
        same = output.exists() and output.resolve() == path.resolve()
    except OSError:
        same = False
    if same:
        raise InvalidInput("fill.output_is_template", where=where, path=str(output))


def _summary(
    tpl: Any,
    rows: list[dict[str, Any]],
    period: Any,
    options: Options,
    status: str,
    output: Path | None,
) -> dict[str, Any]:
    from volctl.headings import column_letter

    return {
        "template": str(tpl.path),
        "format": tpl.kind,
        "sheet": tpl.sheet,
        "other_sheets": tpl.other_sheets,
        "header_rows": [tpl.first_row, tpl.last_row],
        "mode": tpl.mode,
        "columns": [
            {
                "letter": column_letter(c.index),
                "header": c.label,
                "field": c.fill,
                "read_as": c.read,
                "how": c.how,
            }
            for c in tpl.columns
        ],
        "empty_columns": [c.label for c in tpl.empty],
        "formula_columns": [],
        "rows": len(rows),
        "period": {"from": period.first.isoformat(), "to": period.last.isoformat()},
        "as_of": period.as_of.isoformat(),
        "team": options.team,
        "status": status,
        "where": options.where,
        "masked": options.mask,
        "dry_run": options.dry_run,
        "output": None if options.dry_run or output is None else str(output),
        "rebuilt_from": tpl.kind if tpl.kind != "xlsx" else None,
        "columns_remembered": False,
    }


def cells(tpl: Any, rows: Sequence[dict[str, Any]]) -> Iterator[list[Any]]:
    """Each row's cell values, in the order of the template's columns."""
    from volctl.fill import fields as F
    from volctl.fill.values import STAR_NAMES

    plan = []
    for c in tpl.columns:
        month = c.fill == "birth_date" and "年月" in c.label and "日" not in c.label
        plan.append((c.fill, month))
    for number, row in enumerate(rows, start=1):
        out: list[Any] = []
        for name, month in plan:
            if name is None:
                out.append(None)
                continue
            if name == F.SEQ:
                out.append(number)
                continue
            value = row.get(name)
            if name == "star":
                value = STAR_NAMES[value] if isinstance(value, int) and 0 <= value < 6 else value
            elif isinstance(value, list):
                value = "、".join(str(v) for v in value)
            elif month and isinstance(value, str) and len(value) >= 7:
                value = f"{value[:4]}.{value[5:7]}"
            out.append(value)
        yield out


# Values that must not break across lines (numbers, codes, dates): their column is widened
# to hold the widest, as LibreOffice and Excel draw them with a CJK font (digits a little wider
# than Excel's unit).
UNBROKEN = frozenset(
    {
        "id_number",
        "phone",
        "office_phone",
        "contact_phone",
        "leader_phone",
        "emergency_phone",
        "guardian_phone",
        "volunteer_no",
        "activity_no",
        "service_date",
        "birth_date",
        "registered_on",
        "founded_on",
    }
)
DIGIT_SLACK = 1.25


def _code_widths(tpl: Any, values: Sequence[Sequence[Any]]) -> dict[int, float]:
    from volctl.fill import measure

    out: dict[int, float] = {}
    for i, c in enumerate(tpl.columns):
        if c.fill not in UNBROKEN:
            continue
        widest = max(
            (measure.width(str(row[i])) for row in values if row[i] not in (None, "")), default=0
        )
        if widest:
            out[c.index] = min(round(widest * DIGIT_SLACK + 2, 1), 40)
    return out


def _write(tpl: Any, rows: list[dict[str, Any]], output: Path, result: dict[str, Any]) -> None:
    import io
    import zipfile

    from volctl import files
    from volctl.fill import legacy, sheetxml
    from volctl.intake.measure import Damaged
    from volctl.intake.measure.xlsx import sheet_part

    source: Any = str(tpl.path)
    header_first, header_last, footer = tpl.first_row, tpl.last_row, tpl.footer_row
    sheet_name = tpl.sheet
    if tpl.kind != "xlsx":
        rebuilt = legacy.rebuild(tpl)
        source = io.BytesIO(rebuilt.data)
        header_first, header_last, footer = rebuilt.first_row, rebuilt.last_row, rebuilt.footer_row
        sheet_name = rebuilt.sheet
    try:
        with zipfile.ZipFile(source) as zf:
            part = sheet_part(zf, sheet_name)
    except (Damaged, zipfile.BadZipFile):
        part = None
    if hasattr(source, "seek"):
        source.seek(0)
    if part is None:
        raise InvalidInput(
            "intake.damaged", hint="hint.save_as_xlsx", where=Where(file=str(tpl.path))
        )
    columns = [(c.index, c.fill) for c in tpl.columns]
    values = list(cells(tpl, rows))
    try:
        with files.open_binary(output) as handle:
            done = sheetxml.fill(
                source,
                handle,
                sheet_name=sheet_name,
                part=part,
                header_first=header_first,
                header_last=header_last,
                footer_row=footer,
                columns=columns,
                rows=values,
                count=len(rows),
                min_widths=_code_widths(tpl, values),
            )
    except (sheetxml.Damaged, ValueError, zipfile.BadZipFile) as exc:
        member = exc.part if isinstance(exc, sheetxml.Damaged) else part
        raise InvalidInput(
            "fill.sheet_damaged" if member == part else "fill.template_damaged",
            hint="hint.fill_resave",
            where=Where(file=str(tpl.path)),
            part=member,
            sheet=sheet_name,
        ) from None
    result["first_row"] = done.first_row
    result["replaced_rows"] = done.body
    result["moved_rows"] = done.moved
    result["notes"] = done.notes
    carried = set(done.formula_columns)
    result["formula_columns"] = [c.label for c in tpl.columns if c.index in carried]
    result["empty_columns"] = [c.label for c in tpl.empty if c.index not in carried]

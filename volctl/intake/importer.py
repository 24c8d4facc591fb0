"""Importing sign-up sheets: every data row ends as imported, duplicate, updated or rejected.

One call imports one or more files in one transaction: a crash or Ctrl-C leaves the roster as
it was. Each file is one batch (``import_batches``: name, SHA-256, counts) so it can be listed
and undone. Each row goes through ``volunteers.prepare``, the validator ``register add`` uses,
so a volunteer is held to the same rules however they arrive; a refusal becomes the row's
reason code. A person already registered, or met earlier in the same run, is a duplicate
(``--on-duplicate update`` corrects the registered record instead, the old values going to
the audit log). New volunteers are written in batches with ``executemany``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from volctl.db import transaction
from volctl.errors import InvalidInput, Where
from volctl.i18n import join_list, t, t_in
from volctl.intake import batches, columns, guard
from volctl.intake.headers import footer_kind, is_blank, is_heading
from volctl.intake.reader import Table, open_table
from volctl.intake.results import (
    Detail,
    FileResult,
    ImportResult,
    Rejected,
    mask_digits,
    masked_params,
    personal_columns,
)
from volctl.intake.rows import RowReader, submission_day
from volctl.roster import volunteers

__all__ = [  # the run, and what it reports (``results``; ``rejects`` reads FileResult here)
    "Detail",
    "FileResult",
    "ImportResult",
    "Options",
    "Rejected",
    "default_rejects_path",
    "mask_digits",
    "masked_params",
    "run_import",
    "sha256_of",
]

ON_DUPLICATE = ("skip", "update")
FLUSH_EVERY = 2_000  # new volunteers written per executemany
PROGRESS_EVERY = 500
# Fields never copied from a duplicate row onto the registered record: they are its identity.
IDENTITY_FIELDS = frozenset({"id_type", "id_number"})

Progress = Callable[[str, int, int | None], None]  # (file, rows done, rows in the sheet)


@dataclass(frozen=True)
class Options:
    sheet: str | None = None
    on_duplicate: str = "skip"
    dry_run: bool = False
    rejects: Path | None = None  # one workbook for all files; default: <name>.rejects.xlsx
    registered_on: date | None = None
    show_pii: bool = False
    limits: guard.Limits = field(default_factory=guard.Limits)
    today: date | None = None
    replace_rejects: bool = False  # --force: write over an existing rejects workbook
    columns: tuple[str, ...] = ()  # --column "HEADER=field"
    remember: bool = False  # --remember: save the --column mappings for this roster


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def run_import(
    conn: Any, paths: list[Path], options: Options, progress: Progress | None = None
) -> ImportResult:
    """Import ``paths`` (one transaction; nothing written with ``dry_run``)."""
    if options.on_duplicate not in ON_DUPLICATE:
        raise InvalidInput(
            "intake.on_duplicate_unknown",
            where=Where(field="on_duplicate"),
            value=options.on_duplicate,
            choices=", ".join(ON_DUPLICATE),
        )
    today = options.today or date.today()
    if options.registered_on is not None and options.registered_on > today:
        # Refused before any file is read: every row would be refused for it.
        raise InvalidInput("reason.registered_in_future", where=Where(field="registered_on"))
    _check_rejects_target(paths, options)
    mappings = columns.parse(options.columns)
    if options.remember and not mappings:
        raise InvalidInput("intake.remember_without_column", where=Where(field="remember"))
    if options.dry_run:
        files = _run(conn, paths, options, progress, write=False)
    else:
        with transaction(conn):
            files = _run(conn, paths, options, progress, write=True)
            if options.remember:
                columns.remember(conn, mappings)
    result = ImportResult(files, options.dry_run, options.on_duplicate)
    result.remembered = options.remember and not options.dry_run
    result.mappings, result.remember_asked = mappings, options.remember
    return result


def _check_rejects_target(paths: list[Path], options: Options) -> None:
    """Before any file is read: where rejected rows would go is acceptable. A rejects workbook
    already there is the clerk's to correct and import again (perhaps half corrected), so it is
    never written over without --force."""
    if not options.dry_run and not options.replace_rejects:
        taken = {p.resolve() for p in paths}
        targets = [options.rejects] if options.rejects is not None else []
        for path in paths if options.rejects is None else []:
            targets.append(default_rejects_path(path, taken))
            taken.add(targets[-1].resolve())
        for target in targets:
            if target.exists() and not any(
                p.exists() and p.resolve() == target.resolve() for p in paths
            ):
                raise InvalidInput(
                    "intake.rejects_exists",
                    hint="hint.rejects_exists",
                    where=Where(field="rejects_file"),
                    path=str(target),
                )
    if options.rejects is None:
        return
    target = options.rejects
    if target.suffix.lower() != ".xlsx":
        raise InvalidInput(
            "intake.rejects_not_xlsx", where=Where(field="rejects_file"), path=str(target)
        )
    if not target.parent.exists():
        raise InvalidInput(
            "output.no_folder", where=Where(field="rejects_file"), folder=str(target.parent)
        )
    for path in paths:
        if path.exists() and target.exists() and path.resolve() == target.resolve():
            raise InvalidInput(
                "intake.rejects_is_input", where=Where(field="rejects_file"), path=str(target)
            )


def default_rejects_path(path: Path, taken: set[Path] | None = None) -> Path:
    """signup.xlsx -> signup.rejects.xlsx, beside the input; never a file being imported or
    one this run already wrote (a.xlsx and a.csv side by side: a.csv.rejects.xlsx)."""
    taken = taken or set()
    candidates = [f"{path.stem}.rejects.xlsx", f"{path.name}.rejects.xlsx"]
    candidates += [f"{path.stem}.rejects-{n}.xlsx" for n in range(2, 100)]
    for name in candidates:
        target = path.with_name(name)
        if target.resolve() not in taken:
            return target
    return path.with_name(candidates[-1])


def _run(
    conn: Any, paths: list[Path], options: Options, progress: Progress | None, *, write: bool
) -> list[FileResult]:
    from volctl.intake import rejects

    today = options.today or date.today()
    registered = volunteers.identities(conn)
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    settled = (columns.as_table(columns.parse(options.columns)), columns.remembered(conn))
    results = []
    with volunteers.IndexesDeferred(conn) as deferred:
        for path in paths:
            results.append(
                _import_file(
                    conn, path, options, today, registered, seen, progress, settled, write=write,
                    before_rows=deferred.before if write else None,
                )
            )  # fmt: skip
    if options.rejects is not None:
        with_rejects = [r for r in results if r.rejected_rows]
        if with_rejects:
            rejects.write(options.rejects, with_rejects, show_pii=options.show_pii)
            for r in with_rejects:
                r.rejects_file = options.rejects
    elif write:
        taken = {p.resolve() for p in paths}
        for r in results:
            if r.rejected_rows:
                target = default_rejects_path(r.path, taken)
                taken.add(target.resolve())
                rejects.write(target, [r], show_pii=options.show_pii)
                r.rejects_file = target
    return results


class _Locations(dict[str, Where]):
    """Where objects for one file, by field, built on first use. ``prepare`` asks for a
    location for every field of every row, so the lookup is a plain dict access
    (``locations.__getitem__``); the row is filled in only when a row fails."""

    def __init__(self, path: Path, reader: RowReader) -> None:
        super().__init__()
        self.file = str(path)
        self.reader = reader

    def __missing__(self, field_name: str) -> Where:
        index = self.reader.field_column(field_name)
        column = self.reader.columns[index].label if index is not None else None
        where = self[field_name] = Where(field=field_name, file=self.file, column=column)
        return where

    def at(self, error: InvalidInput, row: int) -> Where:
        base = error.where or Where(file=self.file)
        return base._replace(file=self.file, row=row)


def _import_file(
    conn: Any,
    path: Path,
    options: Options,
    today: date,
    registered: dict[tuple[str, str], tuple[int, str, str]],
    seen: dict[tuple[str, str], dict[str, Any]],
    progress: Progress | None,
    settled: tuple[dict[str, str], dict[str, str]],
    *,
    write: bool,
    before_rows: Callable[[int], None] | None = None,
) -> FileResult:
    explicit, remembered = settled
    table = open_table(
        path, sheet=options.sheet, limits=options.limits, explicit=explicit, remembered=remembered
    )
    digest = sha256_of(path)
    default_on, source = _default_registration(options, table, today)
    result = FileResult(
        path,
        table,
        digest,
        registered_on=default_on,
        registered_on_source=source,
        previous=batches.previous(conn, digest),
    )
    reader = RowReader(table.header)
    if source == "today" and reader.submitted is not None:
        result.registered_on_source = "submitted"
    result.masked_columns = personal_columns(reader)
    where = _Locations(path, reader)
    locate = where.__getitem__
    if write:
        result.batch = batches.create(conn, file_name=path.name, sha256=digest, sheet=table.sheet)
    pending: list[dict[str, Any]] = []
    pending_seen: list[dict[str, Any]] = []  # their entries in ``seen``, to note their numbers
    display = str(path)
    rows_read = 0
    after_footer = False
    resumable = False  # below a total line that a group heading may follow
    by_submission = result.registered_on_source == "submitted"

    def flush() -> None:
        if write and pending:
            stored = volunteers.insert_many(conn, pending, batch_id=result.batch)
            for entry, (_id, volunteer_no) in zip(pending_seen, stored, strict=True):
                entry["volunteer_no"] = volunteer_no
        pending.clear()
        pending_seen.clear()

    if before_rows is not None:
        before_rows(table.total or 0)  # up to this many new volunteers: indexes built last
    for number, values in table.rows:
        rows_read += 1
        if progress is not None and rows_read % PROGRESS_EVERY == 0:
            progress(display, rows_read, table.total)
        footer = footer_kind(values)  # None for a blank row
        if after_footer and resumable and footer is None and not is_blank(values):
            resumable = False
            if is_heading(values, number in table.spanned):
                # 合计 closed one group's people and the next group's heading follows.
                result.headings.append(number)
                after_footer = False
                continue
        if after_footer or footer is not None:
            # Signatures, stamps, counts, notes, declarations: not people, not rejects; what
            # stands below them (spare rows, examples, instructions) is not read either. A
            # subtotal (小计) inside the table is skipped and the rows go on.
            if not is_blank(values):
                result.footers += 1
                if after_footer and reader.holds_a_person(values):
                    result.below_footer.append(number)
                resumable = footer == "total" and (resumable or not after_footer)
            after_footer = after_footer or footer != "subtotal"
            continue
        if not reader.is_data(values):
            if is_heading(values, number in table.spanned):
                result.headings.append(number)  # a heading in the 序号 column
            continue
        result.rows += 1
        if result.rows > options.limits.max_rows:
            # The sheet's extent was checked with slack for titles, blank rows and footers;
            # its data rows are counted exactly. One transaction: nothing stays written.
            raise InvalidInput(
                "intake.too_many_data_rows",
                hint="hint.max_rows",
                where=Where(file=display, row=number),
                sheet=table.sheet or path.name,
                limit=options.limits.max_rows,
            )
        given = reader.to_input(values)
        dated = given.registered_on is not None
        if not dated and default_on is not None:
            given.registered_on = default_on
        elif not dated and by_submission:
            given.registered_on = submission_day(reader.submitted_on(values))
        try:
            prepared = volunteers.prepare(given, today=today, where=locate)
        except InvalidInput as error:
            if is_heading(values, number in table.spanned):
                result.rows -= 1  # a group heading (一、教育系统, 党员志愿者): not a person
                result.headings.append(number)
                continue
            _reject(result, reader, where, error, number, values, given, options)
            continue
        key = (prepared.values["id_type"], prepared.values["id_number"])
        name = prepared.values["name"]
        first = seen.get(key)
        if first is not None:
            result.duplicates += 1
            result.details.append(
                Detail(
                    display,
                    number,
                    "duplicate",
                    name,
                    reason="duplicate",
                    message=_same_as(first),
                    duplicate_of={"file": first["file"], "row": first["row"]},
                    origin=first,
                )
            )
            continue
        known = registered.get(key)
        if known is None:
            seen[key] = {"file": display, "row": number, "sheet": _form_sheet(table, number)}
            pending.append(prepared.values)
            pending_seen.append(seen[key])
            result.imported += 1
            if len(pending) >= FLUSH_EVERY:
                flush()
            continue
        vid, volunteer_no, registered_name = known
        seen[key] = {
            "file": display,
            "row": number,
            "volunteer_no": volunteer_no,
            "sheet": _form_sheet(table, number),
        }
        if options.on_duplicate == "update":
            _update(
                conn,
                result,
                reader,
                where,
                given,
                dated,
                vid,
                number,
                values,
                options,
                today,
                write=write,
            )
            continue
        result.duplicates += 1
        result.details.append(
            Detail(
                display,
                number,
                "duplicate",
                name,
                reason="duplicate",
                message=t(
                    "intake.duplicate_registered", volunteer_no=volunteer_no, name=registered_name
                ),
                hint=t("hint.on_duplicate_update"),
                volunteer_no=volunteer_no,
                duplicate_of={"volunteer_no": volunteer_no, "name": registered_name},
            )
        )
    flush()
    for detail in result.details:
        detail.sheet = table.sheet_of(detail.row)
    if progress is not None:
        progress(display, rows_read, rows_read)
    if write and result.batch is not None:
        batches.finish(conn, result.batch, result.counts(), dict(result.reasons))
    return result


def _form_sheet(table: Table, row: int) -> str | None:
    return table.sheet_of(row) if table.forms else None


def _same_as(first: dict[str, Any]) -> str:
    """ "The same person as …": a row of a sheet, or a form (one sheet per person)."""
    if first.get("sheet"):
        return t("intake.duplicate_in_run_form", file=first["file"], sheet=first["sheet"])
    return t("intake.duplicate_in_run", file=first["file"], row=first["row"])


def _default_registration(options: Options, table: Table, today: date) -> tuple[date | None, str]:
    """The registration date of rows without their own: --registered-on, else the sheet's
    填报日期 (when not in the future), else today."""
    if options.registered_on is not None:
        return options.registered_on, "option"
    sheet_day = table.header.sheet_date
    if sheet_day is not None and sheet_day <= today:
        return sheet_day, "sheet"
    return None, "today"


def _update(
    conn: Any,
    result: FileResult,
    reader: RowReader,
    where: _Locations,
    given: volunteers.VolunteerInput,
    dated: bool,
    volunteer_id: int,
    number: int,
    values: list[object] | Any,
    options: Options,
    today: date,
    *,
    write: bool,
) -> None:
    """--on-duplicate update: correct the registered record with what the row gives."""
    row = volunteers.get(conn, volunteer_id)
    changes = {
        name: value
        for name in volunteers.FIELDS
        if name not in IDENTITY_FIELDS
        and (value := getattr(given, name)) is not None
        and not (isinstance(value, str) and not value.strip())
        and (name != "registered_on" or dated)
    }
    try:
        _prepared, diff = volunteers.corrections(row, changes, today=today, where=where.__getitem__)
        if "registered_on" in diff:
            volunteers.check_registration(
                conn, row["id"], diff["registered_on"][1], where["registered_on"]
            )
    except InvalidInput as error:
        _reject(result, reader, where, error, number, values, given, options)
        return
    display = str(result.path)
    if not diff:
        result.duplicates += 1
        result.details.append(
            Detail(
                display,
                number,
                "duplicate",
                row["name"],
                reason="duplicate",
                message=t("intake.duplicate_unchanged", volunteer_no=row["volunteer_no"]),
                volunteer_no=row["volunteer_no"],
                duplicate_of={"volunteer_no": row["volunteer_no"], "name": row["name"]},
            )
        )
        return
    if write:
        volunteers.apply_corrections(conn, row, diff, batch=result.batch)
    result.updated += 1
    fields = join_list(t(f"field.{name}") for name in diff)
    result.details.append(
        Detail(
            display,
            number,
            "updated",
            row["name"],
            message=t("intake.updated_row", volunteer_no=row["volunteer_no"], fields=fields),
            volunteer_no=row["volunteer_no"],
            changed=sorted(diff),
        )
    )


def _reject(
    result: FileResult,
    reader: RowReader,
    where: _Locations,
    error: InvalidInput,
    number: int,
    values: Any,
    given: volunteers.VolunteerInput,
    options: Options,
) -> None:
    code = error.code or error.key.removeprefix("reason.")
    located = where.at(error, number)
    field_name = located.field
    index = reader.field_column(field_name) if field_name else None
    column = reader.columns[index].label if index is not None else None
    params = error.params if options.show_pii else masked_params(field_name, error.params)
    message = t(error.key, **params)
    hint = t(error.hint, **params) if error.hint else None
    result.rejected += 1
    result.reasons[code] += 1
    name = given.name if isinstance(given.name, str) and given.name.strip() else None
    result.details.append(
        Detail(str(result.path), number, "rejected", name, code, column, message, hint)
    )
    reason_zh = t_in("zh", error.key, **params)
    hint_zh = t_in("zh", error.hint, **params) if error.hint else ""
    if hint_zh and "--" not in hint_zh:  # the workbook is for whoever fills the sheet in
        reason_zh += hint_zh
    label = column or (t_in("zh", f"field.{field_name}") if field_name else None)
    if label:
        reason_zh = f"「{label}」{reason_zh}"
    result.rejected_rows.append(Rejected(number, list(values), index, reason_zh))

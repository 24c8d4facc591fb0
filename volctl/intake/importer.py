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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from volctl.db import transaction
from volctl.errors import InvalidInput, Where
from volctl.i18n import join_list, t, t_in
from volctl.identity import mask_digits
from volctl.intake import batches, guard
from volctl.intake.headers import GUARDIAN, is_footer
from volctl.intake.reader import Table, open_table
from volctl.intake.rows import RowReader
from volctl.roster import volunteers

ON_DUPLICATE = ("skip", "update")
FLUSH_EVERY = 2_000  # new volunteers written per executemany
PROGRESS_EVERY = 500
# Fields whose values an error message must not show unmasked.
PHONE_FIELDS = frozenset({"phone", "office_phone", "emergency_phone", "guardian_phone"})
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


@dataclass
class Detail:
    """A row that was not a plain import: rejected, duplicate or updated."""

    file: str
    row: int
    outcome: str
    name: str | None
    reason: str | None = None
    column: str | None = None
    message: str | None = None
    hint: str | None = None
    volunteer_no: str | None = None
    duplicate_of: dict[str, Any] | None = None
    changed: list[str] = field(default_factory=list)
    origin: dict[str, Any] | None = None  # the first row of the same person in this run

    def public(self) -> dict[str, Any]:
        volunteer_no = self.volunteer_no
        if volunteer_no is None and self.origin is not None:
            volunteer_no = self.origin.get("volunteer_no")  # known once that row was stored
        return {
            "file": self.file,
            "row": self.row,
            "outcome": self.outcome,
            "name": self.name,
            "reason": self.reason,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
            "volunteer_no": volunteer_no,
            "duplicate_of": self.duplicate_of,
            "changed": self.changed,
        }


@dataclass
class Rejected:
    """A rejected row as it was in the sheet, for the rejects workbook."""

    row: int
    values: list[object]
    column: int | None  # the cell at fault
    reason: str  # in Chinese: the workbook goes back to whoever filled in the sheet


@dataclass
class FileResult:
    path: Path
    table: Table
    sha256: str
    registered_on: date | None
    registered_on_source: str  # column, option, sheet, today
    previous: list[dict[str, Any]]
    rows: int = 0
    imported: int = 0
    duplicates: int = 0
    updated: int = 0
    rejected: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    batch: int | None = None
    rejects_file: Path | None = None
    details: list[Detail] = field(default_factory=list)
    rejected_rows: list[Rejected] = field(default_factory=list)
    masked_columns: dict[int, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "imported": self.imported,
            "duplicates": self.duplicates,
            "updated": self.updated,
            "rejected": self.rejected,
        }

    def public(self) -> dict[str, Any]:
        header = self.table.header
        return {
            "file": str(self.path),
            "sheet": self.table.sheet,
            "format": self.table.kind,
            "sha256": self.sha256,
            "header_row": header.row,
            "columns": [
                {"column": c.label, "field": _public_field(c.field)}
                for c in header.columns
                if c.label
            ],
            "unknown_columns": [c.label for c in header.unknown],
            "other_sheets": self.table.other_sheets,
            "registered_on": self.registered_on.isoformat() if self.registered_on else None,
            "registered_on_source": self.registered_on_source,
            **self.counts(),
            "reasons": _sorted_counts(self.reasons),
            "batch": self.batch,
            "rejects_file": str(self.rejects_file) if self.rejects_file else None,
            "previous_batches": self.previous,
        }


@dataclass
class ImportResult:
    files: list[FileResult]
    dry_run: bool
    on_duplicate: str

    def public(self) -> dict[str, Any]:
        """The documented JSON shape of ``volctl register import``."""
        total: Counter[str] = Counter()
        reasons: Counter[str] = Counter()
        for f in self.files:
            total.update(f.counts())
            reasons.update(f.reasons)
        batch_ids = [f.batch for f in self.files if f.batch is not None]
        rejects = list(dict.fromkeys(str(f.rejects_file) for f in self.files if f.rejects_file))
        return {
            "rows": total["rows"],
            "imported": total["imported"],
            "duplicates": total["duplicates"],
            "updated": total["updated"],
            "rejected": total["rejected"],
            "reasons": _sorted_counts(reasons),
            "batch": batch_ids[0] if len(batch_ids) == 1 else None,
            "batches": batch_ids,
            "rejects_file": rejects[0] if len(rejects) == 1 else None,
            "dry_run": self.dry_run,
            "on_duplicate": self.on_duplicate,
            "files": [f.public() for f in self.files],
            "details": [d.public() for f in self.files for d in f.details],
        }


def _public_field(name: str | None) -> str | None:
    from volctl.intake.headers import IGNORE

    if name == GUARDIAN:
        return "guardian"
    if name == IGNORE:
        return "ignored"
    return name


def _sorted_counts(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


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
    if options.dry_run:
        files = _run(conn, paths, options, progress, write=False)
    else:
        with transaction(conn):
            files = _run(conn, paths, options, progress, write=True)
    return ImportResult(files, options.dry_run, options.on_duplicate)


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
    results = []
    for path in paths:
        results.append(
            _import_file(conn, path, options, today, registered, seen, progress, write=write)
        )
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
        return replace(base, file=self.file, row=row)


def _import_file(
    conn: Any,
    path: Path,
    options: Options,
    today: date,
    registered: dict[tuple[str, str], tuple[int, str, str]],
    seen: dict[tuple[str, str], dict[str, Any]],
    progress: Progress | None,
    *,
    write: bool,
) -> FileResult:
    table = open_table(path, sheet=options.sheet, limits=options.limits)
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
    result.masked_columns = _personal_columns(reader)
    where = _Locations(path, reader)
    locate = where.__getitem__
    if write:
        result.batch = batches.create(conn, file_name=path.name, sha256=digest, sheet=table.sheet)
    pending: list[dict[str, Any]] = []
    pending_seen: list[dict[str, Any]] = []  # their entries in ``seen``, to note their numbers
    display = str(path)
    rows_read = 0

    def flush() -> None:
        if write and pending:
            stored = volunteers.insert_many(conn, pending, batch_id=result.batch)
            for entry, (_id, volunteer_no) in zip(pending_seen, stored, strict=True):
                entry["volunteer_no"] = volunteer_no
        pending.clear()
        pending_seen.clear()

    for number, values in table.rows:
        rows_read += 1
        if progress is not None and rows_read % PROGRESS_EVERY == 0:
            progress(display, rows_read, table.total)
        if is_footer(values):
            break
        if not reader.is_data(values):
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
        try:
            prepared = volunteers.prepare(given, today=today, where=locate)
        except InvalidInput as error:
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
                    message=t("intake.duplicate_in_run", file=first["file"], row=first["row"]),
                    duplicate_of={"file": first["file"], "row": first["row"]},
                    origin=first,
                )
            )
            continue
        known = registered.get(key)
        if known is None:
            seen[key] = {"file": display, "row": number}
            pending.append(prepared.values)
            pending_seen.append(seen[key])
            result.imported += 1
            if len(pending) >= FLUSH_EVERY:
                flush()
            continue
        vid, volunteer_no, registered_name = known
        seen[key] = {"file": display, "row": number, "volunteer_no": volunteer_no}
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
    if progress is not None:
        progress(display, rows_read, rows_read)
    if write and result.batch is not None:
        batches.finish(conn, result.batch, result.counts(), dict(result.reasons))
    return result


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


def masked_params(field_name: str | None, params: dict[str, object]) -> dict[str, object]:
    """An error's parameters with the personal value in it masked (phones, identity numbers)."""
    if "value" not in params or field_name is None:
        return params
    value = str(params["value"])
    if field_name in PHONE_FIELDS:
        return {**params, "value": mask_digits(value)}
    if field_name == "id_number" and "e" not in value.lower():
        # 3.30482e+17 is what Excel kept of a number: a region code, nothing personal.
        from volctl.identity import mask_id_number

        return {
            **params,
            "value": mask_id_number(value) if len(value) >= 12 else mask_digits(value),
        }
    return params


def _personal_columns(reader: RowReader) -> dict[int, str]:
    """Columns written as text in the rejects workbook, by how they are masked: id, phone,
    guardian, text, address (masked unless --show-pii) and office (a fixed line, not masked)."""
    kinds = {
        "id_number": "id",
        "phone": "phone",
        "emergency_phone": "phone",
        "guardian_phone": "phone",
        "address": "address",
        "emergency_contact": "text",
        "guardian_name": "text",
    }
    found = {index: kinds[name] for index, name in reader.mapped if name in kinds}
    if reader.guardian is not None:
        found[reader.guardian] = "guardian"
    for index, name in reader.mapped:
        if name == "office_phone":
            found.setdefault(index, "office")
    return found

"""What an import reports: each row that was not a plain import (``Detail``), each rejected row
as it was (``Rejected``, for the rejects workbook), each file (``FileResult``) and the run
(``ImportResult``), with the documented JSON shapes of ``volctl register import``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from volctl.intake.columns import ColumnMapping
from volctl.intake.headers import GUARDIAN
from volctl.intake.reader import Table
from volctl.intake.rows import RowReader
from volctl.masking import mask_digits


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
    sheet: str | None = None

    def public(self) -> dict[str, Any]:
        volunteer_no = self.volunteer_no
        if volunteer_no is None and self.origin is not None:
            volunteer_no = self.origin.get("volunteer_no")  # known once that row was stored
        return {
            "file": self.file,
            "sheet": self.sheet,
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
    registered_on_source: str  # option, sheet, submitted (a form tool's time), today
    previous: list[dict[str, Any]]
    rows: int = 0
    footers: int = 0  # footer lines skipped (signatures, stamps, counts, notes, declarations)
    below_footer: list[int] = field(default_factory=list)  # rows like a person's, not read
    headings: list[int] = field(default_factory=list)  # group headings between the rows
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
        from volctl.headings import column_letter

        header = self.table.header
        return {
            "file": str(self.path),
            "sheet": self.table.sheet,
            "format": self.table.kind,
            "layout": "form" if self.table.forms else "table",
            "forms": self.table.forms,
            "sha256": self.sha256,
            "header_row": header.row,
            "columns": [
                {
                    "column": c.label,
                    "letter": None if self.table.forms else column_letter(c.index),
                    "field": _public_field(c.field),
                    "how": c.how,
                    "clue": c.clue or None,
                }
                for c in header.columns
                if c.label
            ],
            "unknown_columns": [c.label for c in header.unknown],
            "unread_columns": [
                c.label for c in header.columns if c.label and _public_field(c.field) == "ignored"
            ],
            "footer_rows": self.footers,
            "rows_below_footer": self.below_footer,
            "heading_rows": self.headings,
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
    remembered: bool = False  # the --column mappings were saved for this roster
    mappings: list[ColumnMapping] = field(default_factory=list)  # --column
    remember_asked: bool = False

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
            "footer_rows": sum(f.footers for f in self.files),
            "dry_run": self.dry_run,
            "on_duplicate": self.on_duplicate,
            "columns_remembered": self.remembered,
            "files": [f.public() for f in self.files],
            "details": [d.public() for f in self.files for d in f.details],
        }


def _public_field(name: str | None) -> str | None:
    from volctl.intake.headers import IGNORE, METADATA, SUBMITTED

    if name == GUARDIAN:
        return "guardian"
    if name in (IGNORE, METADATA):
        return "ignored"
    if name == SUBMITTED:
        return "submitted"
    return name


def _sorted_counts(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


# Fields whose values an error message must not show unmasked.
PHONE_FIELDS = frozenset({"phone", "office_phone", "emergency_phone", "guardian_phone"})


def masked_params(field_name: str | None, params: dict[str, object]) -> dict[str, object]:
    """An error's parameters with the personal value in it masked (phones, identity numbers)."""
    if "value" not in params or field_name is None:
        return params
    value = str(params["value"])
    if field_name in PHONE_FIELDS:
        return {**params, "value": mask_digits(value)}
    if field_name == "id_number" and "e" not in value.lower():
        # 3.30482e+17 is what Excel kept of a number: a region code, nothing personal.
        from volctl.masking import mask_id_number

        return {
            **params,
            "value": mask_id_number(value) if len(value) >= 12 else mask_digits(value),
        }
    return params


def personal_columns(reader: RowReader) -> dict[int, str]:
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

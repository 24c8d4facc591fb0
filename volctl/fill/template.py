"""A superior's blank template, read: which sheet, where its header is, what each column asks
for, which rows it wants, and where the rows below the table begin.

The file is checked first (``intake.guard``: size, zip members, the sheet's extent) and read
with calamine, as the import reads a sheet (.xlsx, .xls, .ods; merged ranges through
``intake.merges``). The header is found among the first non-blank rows as the import finds
one (``intake.headers.detect``, with the fill vocabulary and a rule of its own: a row naming
two known fields that is not a stamp or signature line), so title rows, a 填报单位 line, a
two-row header and a header merged over sub-headers read the same in both directions.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from volctl.errors import InvalidInput, Where
from volctl.fill import fields as F
from volctl.headings import IGNORE, METADATA, SUBMITTED, Merge, Reading, mapping_key
from volctl.intake import guard
from volctl.intake.headers import HEADER_SCAN_ROWS, Header, detect, is_blank, is_footer
from volctl.text import compact

KINDS = ("xlsx", "xls", "ods")
# A template is small; these caps only keep a hostile file from costing memory.
LIMITS = guard.Limits(max_rows=20_000, max_mb=20)


@dataclass
class Column:
    """One column of the template's header: where it is and what it is filled with."""

    index: int  # 0-based, absolute (column A is 0)
    label: str  # as written; "联系方式/手机" for a sub-column
    read: str | None  # the field the header was read as (None: not recognised)
    how: str  # as ``headings.Reading.how``
    fill: str | None  # the field filled in this template's mode (None: left empty)
    clue: str = ""


@dataclass
class Template:
    path: Path
    kind: str  # xlsx, xls or ods
    sheet: str
    first_row: int  # the header's upper row, counted from 1
    last_row: int  # its lower row (the same for a one-row header)
    columns: list[Column]
    merged: list[Merge]  # 0-based, absolute
    footer_row: int | None  # the first row below the table holding text, counted from 1
    rows: list[list[Any]]  # every cell value, row 1 first (absolute columns)
    mode: str = F.VOLUNTEER
    signature: str = ""  # the header, as remembered mappings find it again
    signature_label: str = ""
    other_sheets: list[str] = field(default_factory=list)

    @property
    def filled(self) -> list[Column]:
        return [c for c in self.columns if c.fill is not None]

    @property
    def empty(self) -> list[Column]:
        """Columns with a header that nothing fills: left empty, and listed."""
        return [c for c in self.columns if c.fill is None and c.label]

    @property
    def fields(self) -> set[str]:
        return {c.fill for c in self.columns if c.fill}

    @property
    def first_column(self) -> int:
        return min(c.index for c in self.columns)

    @property
    def last_column(self) -> int:
        return max(c.index for c in self.columns)


def _accept(found: set[str]) -> bool:
    """A fill header names at least two known fields (the import asks for a name too)."""
    return len(found - {F.SEQ}) >= 2


def read(
    path: Path,
    *,
    sheet: str | None = None,
    explicit: Mapping[str, str] | None = None,
    remembered: Mapping[str, Mapping[str, str]] | None = None,
    mode: str | None = None,
) -> Template:
    """The template at ``path``. ``explicit``: ``--column`` mappings (header key -> field);
    ``remembered``: signature -> mappings saved for templates with that header."""
    kind = guard.sniff(path, LIMITS)
    if kind not in KINDS:
        raise InvalidInput(
            "fill.template_kind", hint="hint.fill_template_kind", where=Where(file=str(path))
        )
    sheets, chosen = _sheets(path, kind, sheet)
    every_remembered: dict[str, str] = {}
    for table in (remembered or {}).values():
        every_remembered.update(table)
    for name in chosen:
        rows, merged = _grid(path, kind, name)
        numbered = [(n + 1, values) for n, values in enumerate(rows) if not is_blank(values)]
        candidates = [(n, v) for n, v in numbered if not is_footer(v)][: HEADER_SCAN_ROWS + 1]
        header = detect(
            candidates,
            merged,
            explicit=explicit,
            remembered=every_remembered,
            vocabulary=F.FILL,
            accept=_accept,
        )
        if header is None:
            continue
        signature, label = _signature(rows, header)
        own = (remembered or {}).get(signature, {})
        header = detect(
            candidates, merged, explicit=explicit, remembered=own, vocabulary=F.FILL, accept=_accept
        )
        assert header is not None
        template = _template(path, kind, name, rows, merged, header, mode)
        template.signature, template.signature_label = signature, label
        template.other_sheets = [s for s in sheets if s != name]
        return template
    raise InvalidInput(
        "fill.no_header",
        hint="hint.fill_no_header",
        where=Where(file=str(path)),
        rows=HEADER_SCAN_ROWS,
    )


def _sheets(path: Path, kind: guard.Kind, wanted: str | None) -> tuple[list[str], list[str]]:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetVisibleEnum

    where = Where(file=str(path))
    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            visible = [
                m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible
            ]
            names = list(book.sheet_names)
    except PasswordError:
        raise InvalidInput("intake.password", where=where) from None
    except (CalamineError, OSError, ValueError):
        raise InvalidInput("intake.damaged", hint="hint.save_as_xlsx", where=where) from None
    if wanted is not None:
        from volctl.intake.reader import match_sheet

        return names, [match_sheet(names, wanted, path)]
    return names, visible or names


def _grid(path: Path, kind: guard.Kind, name: str) -> tuple[list[list[Any]], list[Merge]]:
    """Every row of the sheet from row 1 and column A, and its merged ranges (absolute)."""
    from python_calamine import CalamineError, CalamineWorkbook

    from volctl.intake import merges

    guard.check_extent(path, guard.sheet_extent(path, kind, name, LIMITS), LIMITS, name)
    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            sheet = book.get_sheet_by_name(name)
            start_row, start_col = sheet.start or (0, 0)
            cells = list(itertools.islice(sheet.iter_rows(), LIMITS.max_sheet_rows))
            merged = merges.of_sheet(sheet, path, kind, name)
    except (CalamineError, OSError, ValueError):
        raise InvalidInput(
            "intake.damaged", hint="hint.save_as_xlsx", where=Where(file=str(path))
        ) from None
    rows: list[list[Any]] = [[] for _ in range(start_row)]
    rows += [[None] * start_col + list(values) for values in cells]
    merged = [(r0, c0 + start_col, r1, c1 + start_col) for r0, c0, r1, c1 in merged]
    return rows, merged


def _signature(rows: Sequence[Sequence[Any]], header: Header) -> tuple[str, str]:
    """The header's texts, as remembered mappings find the same template again next month."""
    texts = []
    for number in range(header.first_row, header.row + 1):
        values = rows[number - 1] if number - 1 < len(rows) else []
        texts += [mapping_key(v) for v in values if isinstance(v, str) and mapping_key(v)]
    joined = "|".join(texts)
    return hashlib.sha256(joined.encode()).hexdigest()[:16], "、".join(
        c.label for c in header.columns if c.label
    )[:200]


# The fields that name a row's subject: a row below the header holding one (a previous
# month's copy used as the template) is a row of the table, replaced, not a footer.
KEY_FIELDS = frozenset({"name", "id_number", "volunteer_no", "activity", "activity_no", "team"})
# A sample row a template fills in to show how (例, 示例：, （样例）, 填写示例, 如：).
_EXAMPLE = re.compile(
    r"^[(（【\[]?(?:填写|填报)?(?:示例|样例|范例|举例|例|如)(?:[)）】\]:：\d.、]|$)"
)


def _table_row(values: Sequence[Any], keys: set[int]) -> bool:
    """Whether a row under the header holding text belongs to the table (an example row, or a
    row filled before) rather than to the rows below it (合计, signatures, notes)."""
    if is_footer(values):
        return False
    first = next((v for v in values if v not in (None, "")), None)
    if isinstance(first, str) and _EXAMPLE.match(compact(first)):
        return True
    return any(i < len(values) and values[i] not in (None, "") for i in keys)


def _template(
    path: Path,
    kind: str,
    sheet: str,
    rows: list[list[Any]],
    merged: list[Merge],
    header: Header,
    mode: str | None,
) -> Template:
    readings: list[Reading] = [r for r in header.columns if r.label]
    found = {r.field for r in readings if r.field and r.field not in (IGNORE, METADATA, SUBMITTED)}
    chosen = mode or F.choose_mode(found)
    columns = [
        Column(
            r.index,
            r.label,
            r.field if r.field not in (METADATA, SUBMITTED) else None,
            r.how,
            F.in_mode(r.field, chosen),
            r.clue,
        )
        for r in readings
    ]
    footer = None
    keys = {c.index for c in columns if c.fill in KEY_FIELDS}
    for number in range(header.row + 1, len(rows) + 1):
        values = rows[number - 1]
        if any(isinstance(v, str) and v.strip() for v in values) and not _table_row(values, keys):
            footer = number
            break
    return Template(
        path, kind, sheet, header.first_row, header.row, columns, merged, footer, rows, chosen
    )

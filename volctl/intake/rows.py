"""One sheet row -> a ``VolunteerInput`` for ``volunteers.prepare``, the one validator.

Cells whose type carries meaning are passed as they are: an identity number Excel stored as
a float must reach ``identity.parse_id_number`` as a float to be recognised as mangled; a
date cell stays a date; a phone stored as a number stays a number. A "监护人及电话" cell is
split into the guardian's name, phone and relation. Columns the alias table does not know
are kept in the volunteer's notes as "header: value".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from volctl.intake.headers import GUARDIAN, IGNORE, Header, column_letter
from volctl.roster.volunteers import VolunteerInput
from volctl.text import clean

# Fields handed to prepare() with their cell type intact.
RAW_FIELDS = frozenset(
    {
        "id_number",
        "phone",
        "office_phone",
        "emergency_phone",
        "guardian_phone",
        "birth_date",
        "registered_on",
        "guardian_consent_on",
    }
)
NOTE_SEPARATOR = "; "  # NFKC (prepare) would turn a full-width ；into ; anyway


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """A cell as text: 12.0 -> "12", a date -> 2025-03-01, text as it is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


class RowReader:
    """Turns rows under one header into inputs; built once per sheet, used for every row."""

    def __init__(self, header: Header) -> None:
        self.header = header
        self.mapped: list[tuple[int, str]] = []
        self.unknown: list[tuple[int, str]] = []
        self.notes: list[int] = []
        self.guardian: int | None = None
        taken: set[str] = set()
        for column in header.columns:
            name = column.field
            if name == IGNORE:
                continue
            if name is None:
                if column.label:
                    self.unknown.append((column.index, column.label))
                continue
            if name == "notes":
                self.notes.append(column.index)
            elif name == GUARDIAN:
                if self.guardian is None:
                    self.guardian = column.index
                else:
                    self.unknown.append((column.index, column.label))
            elif name in taken:
                # A second phone column is the fixed line; any other repeat goes to notes.
                if name == "phone" and "office_phone" not in taken:
                    self.mapped.append((column.index, "office_phone"))
                    taken.add("office_phone")
                else:
                    self.unknown.append((column.index, column.label))
            else:
                self.mapped.append((column.index, name))
                taken.add(name)
        self.width = len(header.columns)
        self.columns = {c.index: c for c in header.columns}
        self.ignored = frozenset(c.index for c in header.columns if c.field == IGNORE)
        name_column = header.by_field.get("name")
        # The name column's header, to spot the header repeated lower down.
        self.probe = (name_column.index, name_column.label) if name_column else None

    def field_column(self, field_name: str) -> int | None:
        """The column a field came from (for the rejects file and error locations)."""
        for index, name in self.mapped:
            if name == field_name:
                return index
        if field_name.startswith("guardian_") and self.guardian is not None:
            return self.guardian
        if field_name == "notes" and self.notes:
            return self.notes[0]
        return None

    def is_data(self, values: Sequence[object]) -> bool:
        """False for a blank row, a row with only its 序号, or the header repeated."""
        ignored = self.ignored
        for index, value in enumerate(values):
            if value is None or value == "" or index in ignored:
                continue
            if isinstance(value, str) and not value.strip():
                continue
            break
        else:
            return False
        # Sheets pasted one under another repeat their header: skip it.
        probe = self.probe
        if probe is not None and probe[0] < len(values) and _same(values[probe[0]], probe[1]):
            labelled = [c for c in self.columns.values() if c.label]
            same = sum(
                1 for c in labelled if c.index < len(values) and _same(values[c.index], c.label)
            )
            return same * 2 < len(labelled)
        return True

    def to_input(self, values: Sequence[object]) -> VolunteerInput:
        given: dict[str, Any] = {}
        size = len(values)
        for index, name in self.mapped:
            if index >= size:
                continue
            value = values[index]
            if value is None or value == "":
                continue
            if isinstance(value, str):
                if not value.isspace():
                    given[name] = value
            else:
                given[name] = value if name in RAW_FIELDS else cell_text(value)
        if (
            self.guardian is not None
            and self.guardian < size
            and not is_empty(values[self.guardian])
        ):
            _merge_guardian(given, cell_text(values[self.guardian]))
        elif "guardian_name" in given and "guardian_phone" not in given:
            # A 监护人 column holding "name phone" too.
            _merge_guardian(given, cell_text(given.pop("guardian_name")))
        notes = [cell_text(values[i]) for i in self.notes if i < size and not is_empty(values[i])]
        for index, label in self.unknown:
            if index < size and not is_empty(values[index]):
                notes.append(f"{label}: {cell_text(values[index])}")
        for index in range(self.width, size):
            if not is_empty(values[index]):
                notes.append(f"{column_letter(index)}列: {cell_text(values[index])}")
        if notes:
            given["notes"] = NOTE_SEPARATOR.join(clean(n) for n in notes)
        return VolunteerInput(**given)

    def extra_columns(self, values: Sequence[object]) -> list[str]:
        """Headers of the cells beyond the header's width that hold something."""
        return [
            f"{column_letter(i)}列"
            for i in range(self.width, len(values))
            if not is_empty(values[i])
        ]


def _same(value: object, label: str) -> bool:
    return isinstance(value, str) and clean(value) == label


def _merge_guardian(given: dict[str, Any], text: str) -> None:
    name, phone, relation = split_guardian(text)
    if name and "guardian_name" not in given:
        given["guardian_name"] = name
    if phone and "guardian_phone" not in given:
        given["guardian_phone"] = phone
    if relation and "guardian_relation" not in given:
        given["guardian_relation"] = relation


# A phone inside free text: 7 or more digits, with the separators people type.
_PHONE_IN_TEXT = re.compile(r"(?:\+?86[\s-]?)?\d[\d\s-]{5,}\d")
_BRACKETS = re.compile(r"[(\[【〔]([^)\]】〕]{1,8})[)\]】〕]")
_SEPARATORS = re.compile(r"[\s,，;；:：/、|]+")
RELATIONS = frozenset(
    {
        "父亲",
        "母亲",
        "爸爸",
        "妈妈",
        "父",
        "母",
        "爷爷",
        "奶奶",
        "外公",
        "外婆",
        "祖父",
        "祖母",
        "外祖父",
        "外祖母",
        "哥哥",
        "姐姐",
        "叔叔",
        "阿姨",
        "舅舅",
        "姑姑",
        "父子",
        "父女",
        "母子",
        "母女",
    }
)
_LABEL_WORDS = frozenset({"监护人", "姓名", "电话", "手机", "联系电话"})


def split_guardian(text: object) -> tuple[str | None, str | None, str | None]:
    """ "覃某某 15674244799" -> (覃某某, 15674244799, None); "覃某某（父亲）156-7424-4799"
    -> (覃某某, 156-7424-4799, 父亲); "母亲：李芳 13800000000" -> (李芳, …, 母亲)."""
    value = clean(text)
    if not value:
        return None, None, None
    phone = None
    for m in _PHONE_IN_TEXT.finditer(value):
        if sum(ch.isdigit() for ch in m.group()) >= 7:
            phone = m.group().strip()
            value = (value[: m.start()] + " " + value[m.end() :]).strip()
            break
    relation = None
    bracket = _BRACKETS.search(value)
    if bracket:
        relation = bracket.group(1).strip() or None
        value = (value[: bracket.start()] + " " + value[bracket.end() :]).strip()
    words = [w for w in _SEPARATORS.split(value) if w]
    names = []
    for word in words:
        if word in _LABEL_WORDS:
            continue
        if relation is None and word in RELATIONS:
            relation = word
        else:
            names.append(word)
    name = " ".join(names) or None
    return name, phone, relation

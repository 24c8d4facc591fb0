"""One sheet row -> a ``VolunteerInput`` for ``volunteers.prepare``, the one validator.

Cells whose type carries meaning are passed as they are: an identity number Excel stored as
a float must reach ``identity.parse_id_number`` as a float to be recognised as mangled; a
date cell stays a date; a phone stored as a number stays a number. A "监护人及电话" cell is
split into the guardian's name, phone and relation; a phone cell holding two numbers
(13957312345/0573-85012345) fills the phone with the mobile and the office phone with the
fixed line. Columns no field was read from are kept in the volunteer's notes as
"header: value", text as typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from volctl.identity import split_phones
from volctl.intake.headers import GUARDIAN, IGNORE, SUBMITTED, Header, column_letter, same_label
from volctl.roster.volunteers import VolunteerInput
from volctl.text import clean, compact, typed

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
NOTE_SEPARATOR = "; "
PHONES = ("phone", "office_phone", "emergency_phone", "guardian_phone")
_SEVERAL = re.compile(r"[/／、,，|｜;；或\n]")  # a phone cell that may hold two numbers


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
        self.submitted: int | None = None  # an online form's submission time
        taken: set[str] = set()
        for column in header.columns:
            name = column.field
            if name == IGNORE:
                continue
            if name == SUBMITTED:
                if self.submitted is None:
                    self.submitted = column.index
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
        self.ignored = frozenset(c.index for c in header.columns if c.field in (IGNORE, SUBMITTED))
        self.labels = {index: self.columns[index].label for index, _name in self.mapped}
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
        notes: list[str] = []
        several: list[tuple[str, list[object]]] = []
        for index, name in self.mapped:
            if index >= size:
                continue
            value = values[index]
            if value is None or value == "":
                continue
            if isinstance(value, str):
                if not value.isspace():
                    given[name] = value
                    if (
                        name in PHONES
                        and _SEVERAL.search(value)
                        and len(parts := split_phones(value)) > 1
                    ):
                        several.append((name, parts))
            else:
                given[name] = value if name in RAW_FIELDS else cell_text(value)
        for name, parts in several:
            _share_phones(given, name, parts, notes, self.labels.get(self.field_column(name) or 0))
        if (
            self.guardian is not None
            and self.guardian < size
            and not is_empty(values[self.guardian])
        ):
            _merge_guardian(given, cell_text(values[self.guardian]))
        elif "guardian_name" in given and "guardian_phone" not in given:
            # A 监护人 column holding "name phone" too.
            _merge_guardian(given, cell_text(given.pop("guardian_name")))
        notes[:0] = [
            cell_text(values[i]) for i in self.notes if i < size and not is_empty(values[i])
        ]
        for index, label in self.unknown:
            if index < size and not is_empty(values[index]):
                notes.append(f"{label}: {cell_text(values[index])}")
        for index in range(self.width, size):
            if not is_empty(values[index]):
                notes.append(f"{column_letter(index)}列: {cell_text(values[index])}")
        if notes:
            given["notes"] = NOTE_SEPARATOR.join(typed(n) for n in notes)
        return VolunteerInput(**given)

    def holds_a_person(self, values: Sequence[object]) -> bool:
        """Whether a row below a footer looks like a person's (an identity number or a phone):
        it is not read, and the clerk is told."""
        for name in ("id_number", "phone"):
            index = self.field_column(name)
            if index is not None and index < len(values) and not is_empty(values[index]):
                value = values[index]
                if not isinstance(value, str) or sum(ch.isdigit() for ch in value) >= 7:
                    return True
        return False

    def submitted_on(self, values: Sequence[object]) -> object:
        """The row's submission time (an online form's export), or None."""
        index = self.submitted
        if index is None or index >= len(values) or is_empty(values[index]):
            return None
        return values[index]

    def extra_columns(self, values: Sequence[object]) -> list[str]:
        """Headers of the cells beyond the header's width that hold something."""
        return [
            f"{column_letter(i)}列"
            for i in range(self.width, len(values))
            if not is_empty(values[i])
        ]


_same = same_label


def looks_mobile(text: object) -> bool:
    """A mainland mobile as written: 11 digits from 1 (after +86/0086), separators aside."""
    digits = "".join(ch for ch in compact(text) if ch.isdigit())
    if len(digits) > 11 and digits.startswith(("0086", "86")):
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
    return len(digits) == 11 and digits.startswith("1")


def _share_phones(
    given: dict[str, Any], name: str, parts: list[object], notes: list[str], label: str | None
) -> None:
    """Several numbers in one phone cell: the field takes the one that fits it (a mobile for
    the phone, a fixed line for the office phone); a fixed line beside a mobile fills the
    office phone when that is empty; any other number is kept in the notes."""
    wants_mobile = name != "office_phone"
    chosen = next((p for p in parts if looks_mobile(p) == wants_mobile), parts[0])
    given[name] = chosen
    for part in parts:
        if part is chosen:
            continue
        if name == "phone" and not looks_mobile(part) and "office_phone" not in given:
            given["office_phone"] = part
        else:
            notes.append(f"{label or name}: {part}")


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


_SUBMITTED = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def submission_day(value: object) -> object:
    """The day of an online form's submission time (2025/03/01 08:37:00, a date cell)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date) or value is None:
        return value
    m = _SUBMITTED.search(str(value))
    if m is None:
        return value  # refused by prepare as an unreadable registration date, naming it
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return value

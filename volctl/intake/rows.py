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

from volctl.identity import phone_remark, split_phones
from volctl.intake.headers import GUARDIAN, IGNORE, SUBMITTED, Header, column_letter, same_label
from volctl.patterns import lazy_pattern
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
_REMARKED = re.compile(r"[\u3400-\u9fff:：=]")  # …that may hold a label or a remark too


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
        # A multiple choice in a column per option: field -> [(column, option)].
        self.choices: dict[str, list[tuple[int, str]]] = {}
        # Guardians after the first (母亲姓名 | 母亲电话 after 父亲…): field -> column, each.
        self.spare_guardians: list[dict[str, int]] = []
        taken: set[str] = set()
        for column in header.columns:
            name = column.field
            if name == IGNORE:
                continue
            if column.how == "choice" and name:
                self.choices.setdefault(name, []).append((column.index, column.clue))
                continue
            if column.how == "second" and name:
                spare = next((g for g in self.spare_guardians if name not in g), None)
                if spare is None:
                    spare = {}
                    self.spare_guardians.append(spare)
                spare[name] = column.index
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
        # The relation a guardian's header names (父亲姓名: 父亲), for each guardian in turn.
        first = {name: index for index, name in self.mapped if name in GUARDIAN_FIELDS}
        self.relations = [_named_relation(self.columns, g) for g in (first, *self.spare_guardians)]
        name_column = header.by_field.get("name")
        # The name column's header, to spot the header repeated lower down (and its cleaned
        # form, compared with every row's name cell).
        self.probe = (name_column.index, name_column.label) if name_column else None
        self._probe_clean = clean(name_column.label) if name_column else ""
        # The per-row work compiled once for the sheet: each mapped column with whether it is
        # a phone (a remark or a second number may stand in it) and whether its cell type is
        # handed on as it is; the rarer steps only when the sheet has what they read.
        self._cells = [
            (index, name, name in PHONES, name in RAW_FIELDS) for index, name in self.mapped
        ]
        self._several_guardians = bool(self.spare_guardians or any(self.relations))
        given_names = {*taken, *self.choices, *(n for g in self.spare_guardians for n in g)}
        self._lists = [n for n in ("intentions", "skills") if n in given_names]
        self._tail = bool(self.notes or self.unknown)

    def field_column(self, field_name: str) -> int | None:
        """The column a field came from (for the rejects file and error locations)."""
        for index, name in self.mapped:
            if name == field_name:
                return index
        if field_name in self.choices:
            return self.choices[field_name][0][0]
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
        if (
            probe is not None
            and probe[0] < len(values)
            and isinstance(cell := values[probe[0]], str)
            and clean(cell) == self._probe_clean
        ):
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
        for index, name, phone, raw in self._cells:
            if index >= size:
                continue
            value = values[index]
            if value is None or value == "":
                continue
            if value.__class__ is str:
                if value.isspace():
                    continue
                if phone and not (value.isdigit() and value.isascii()):
                    if _REMARKED.search(value):
                        bare, remark = phone_remark(value)
                        value = str(bare)
                        if remark:
                            notes.append(f"{self.labels.get(index, name)}: {remark}")
                    given[name] = value
                    if _SEVERAL.search(value) and len(parts := split_phones(value)) > 1:
                        several.append((name, parts))
                else:
                    given[name] = value
            elif isinstance(value, str):  # a str subclass: as the generic path read it
                if not value.isspace():
                    if phone and _REMARKED.search(value):
                        bare, remark = phone_remark(value)
                        value = str(bare)
                        if remark:
                            notes.append(f"{self.labels.get(index, name)}: {remark}")
                    given[name] = value
                    if phone and _SEVERAL.search(value) and len(parts := split_phones(value)) > 1:
                        several.append((name, parts))
            else:
                given[name] = value if raw else cell_text(value)
        for name, parts in several:
            _share_phones(given, name, parts, notes, self.labels.get(self.field_column(name) or 0))
        for name, columns in self.choices.items():
            chosen = [c for i, o in columns if i < size and (c := chose(values[i], o))]
            if chosen:
                given[name] = "、".join([str(given[name]), *chosen] if name in given else chosen)
        if self._several_guardians:
            self._guardians(given, values, notes)
        for name in self._lists:
            if isinstance(value := given.get(name), str) and "〖" in value:
                given[name] = _FILL_IN.sub(lambda m: m.group(1) or m.group(0), value)
        if (
            self.guardian is not None
            and self.guardian < size
            and not is_empty(values[self.guardian])
        ):
            _merge_guardian(given, cell_text(values[self.guardian]))
        elif "guardian_name" in given and "guardian_phone" not in given:
            # A 监护人 column holding "name phone" too.
            _merge_guardian(given, cell_text(given.pop("guardian_name")))
        if self._tail:
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

    def _guardians(self, given: dict[str, Any], values: Sequence[object], notes: list[str]) -> None:
        """Two guardians given: the first with a name or phone is the guardian, the other is
        kept in the notes; the relation a guardian's header names (父亲姓名) is theirs."""
        size = len(values)
        chosen = 0 if "guardian_name" in given or "guardian_phone" in given else None
        for k, spare in enumerate(self.spare_guardians, start=1):
            filled = {
                name: values[i] for name, i in spare.items() if i < size and not is_empty(values[i])
            }
            if chosen is None and ("guardian_name" in filled or "guardian_phone" in filled):
                chosen = k
                for name, value in filled.items():
                    given[name] = value if name in RAW_FIELDS else cell_text(value)
            else:
                notes.extend(
                    f"{self.columns[spare[n]].label}: {cell_text(v)}" for n, v in filled.items()
                )
        relation = self.relations[chosen or 0]
        if relation and "guardian_relation" not in given and chosen is not None:
            given["guardian_relation"] = relation

    def holds_a_person(self, values: Sequence[object]) -> bool:
        """Whether a row below a footer looks like a person's (a name, and an identity number
        or a phone): it is not read, and the clerk is told. A footer line with a number in it
        ("联系电话：0573-…" under the identity numbers) has no name in the name column."""
        index = self.field_column("name")
        if index is None or index >= len(values) or is_empty(values[index]):
            return False
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
GUARDIAN_FIELDS = ("guardian_name", "guardian_phone", "guardian_relation")
# An online form's "other" option with what was typed into it: 其他〖植树护绿〗 -> 植树护绿.
_FILL_IN = lazy_pattern(r"(?:其[他它](?:[（(]请注明[)）])?[:：]?)?〖([^〗]*)〗")
# Cells of a column per option that say the option was (or was not) chosen.
_CHOSEN = frozenset(
    {"1", "√", "✓", "✔", "☑", "■", "●", "v", "y", "yes", "true", "是", "选中", "已选", "对"}
)
_NOT_CHOSEN = frozenset(
    {"0", "×", "✗", "✘", "☐", "□", "○", "-", "n", "no", "false", "否", "未选", "未选中", "未选择"}
)


def chose(value: object, option: str) -> str | None:
    """What one cell of a column per option gives: the option when it is marked chosen (1,
    √, 是…), nothing when marked not chosen or empty, else what it holds (the option's own
    text, or what was typed into an "other" option)."""
    if is_empty(value):
        return None
    if isinstance(value, bool | int | float):
        return option if value else None
    text = clean(value).lower()
    if text in _CHOSEN:
        return option
    if text in _NOT_CHOSEN:
        return None
    return typed(value)


_RELATION_WORDS = ("父亲", "母亲", "爸爸", "妈妈", "爷爷", "奶奶", "外公", "外婆")


def _named_relation(columns: dict[int, Any], guardian: dict[str, int]) -> str | None:
    """父亲 for a guardian whose name column is 父亲姓名 (and no relation column)."""
    if "guardian_relation" in guardian or "guardian_name" not in guardian:
        return None
    label = columns[guardian["guardian_name"]].label
    return next((w for w in _RELATION_WORDS if w in label), None)


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
_PHONE_IN_TEXT = lazy_pattern(r"(?:\+?86[\s-]?)?\d[\d\s-]{5,}\d")
_BRACKETS = lazy_pattern(r"[(\[【〔]([^)\]】〕]{1,8})[)\]】〕]")
_SEPARATORS = lazy_pattern(r"[\s,，;；:：/、|]+")
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


_SUBMITTED = lazy_pattern(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def submission_day(value: object) -> object:
    """The day of an online form's submission time (2025/03/01 08:37:00, a date cell)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date) or value is None:
        return value
    m = _SUBMITTED.search(str(value))
    if m is None:
        # No day in it (群接龙 writes "03-01 20:11"): the submission cannot date the row, and
        # the person is not refused for what the form tool wrote; registered today.
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return value

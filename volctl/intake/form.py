"""One person per sheet: the 志愿者服务登记表 read back as the registration it describes.

``volctl export form registration`` prints one form per volunteer (a sheet each); people fill
it in in Excel and send it back, one file or many. The form is a grid of labels with their
values to the right (姓名 | 张三 | 性别 | 男 | …). It is read by its labels, not by cell
positions, so it still reads when the form is laid out anew: a label is a cell whose text is
one the vocabulary knows exactly (姓　名, 证件号码, 手机, 监护人电话…) or one the form prints
that is not a registration field (所属队伍, 服务时长, 培训情况…, ignored); its value is the first
cell after the label's merged range in the same row. A generic label takes its meaning from the
row it is in: 联系电话 beside 紧急联系人 is the emergency phone, 关系 beside 监护人 the
guardian's relation.

``describe`` says what a sheet that is neither a table nor such a form looks like, for the
message that refuses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from volctl.headings import (
    GUARDIAN,
    IGNORE,
    METADATA,
    SIGNUP,
    SUBMITTED,
    Merge,
    Reading,
    core,
    normalise,
    text_of,
)

TITLE = "志愿者服务登记表"
SCAN_ROWS = 80  # a form fits on one page; its labels are among the first rows
# What the form prints that is not part of a registration: read past, never stored.
FORM_ONLY = frozenset(
    normalise(label)
    for label in (
        "所属队伍",
        "服务时长",
        "培训情况",
        "表彰情况",
        "保险情况",
        "本人承诺",
        "社区（单位）意见",
        "社区意见",
        "单位意见",
        "照片",
        "照片（一寸）",
        "填表日期",
        "填报日期",
        "关系",
    )
)
# A row led by one of these gives its generic labels (电话, 关系) their meaning.
_GROUPS = frozenset({"emergency_contact", "guardian_name"})
# Fields whose labels the form must have to be read as a registration.
NEEDED = ("name", "id_number")


@dataclass
class Form:
    """One filled-in form: the fields read (label, value, sheet row), in reading order."""

    sheet: str
    row: int  # the sheet row of the 姓名 label, for messages
    fields: dict[str, tuple[str, object]] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)  # the form's own labels (所属队伍…)


def _label(value: object) -> tuple[str, str] | None:
    """(field, label) when ``value`` is a label the form uses; IGNORE for the form's own."""
    text = text_of(value)
    if not text or len(text) > 20:
        return None
    light = normalise(text)
    for key in (light, core(text)):
        found = SIGNUP.alias(key)
        if found is not None:
            return found, text
        if key in FORM_ONLY:
            return (IGNORE if key != normalise("关系") else "guardian_relation"), text
    return None


def _spans(merged: Sequence[Merge]) -> dict[tuple[int, int], int]:
    """(row, first column) -> last column of each range merged across columns."""
    return {(r0, c0): c1 for r0, c0, _r1, c1 in merged if c1 > c0}


def labels_of(
    rows: Sequence[Sequence[object]], first_row: int = 0
) -> list[tuple[int, int, str, str]]:
    """Every label cell: (row index, column, field, label as written)."""
    found = []
    for r, values in enumerate(rows[:SCAN_ROWS]):
        for c, value in enumerate(values):
            label = _label(value)
            if label is not None:
                found.append((r + first_row, c, *label))
    return found


def is_form(rows: Sequence[Sequence[object]], merged: Sequence[Merge] = ()) -> bool:
    """A label/value grid for one person: 姓名 and the identity number labelled in different
    rows (a table names both in its header row), and labels standing beside values, not
    beside other labels as a header's do."""
    labels = labels_of(rows)
    rows_of: dict[str, set[int]] = {}
    for r, _c, name, _text in labels:
        rows_of.setdefault(name, set()).add(r)
    if not all(name in rows_of for name in NEEDED) or rows_of["name"] & rows_of["id_number"]:
        return False
    spans = _spans(merged)
    at = {(r, c) for r, c, _f, _t in labels}
    beside = sum(1 for r, c, _f, _t in labels if (r, spans.get((r, c), c) + 1) in at)
    return beside * 2 < len(labels)


def read(rows: Sequence[Sequence[object]], merged: Sequence[Merge], sheet: str) -> Form:
    """The fields of one form (``rows``: the sheet from its first row, ``merged``: 0-based)."""
    spans = _spans(merged)
    labels = labels_of(rows)
    at = {(r, c) for r, c, _f, _t in labels}
    form = Form(sheet, row=1)
    lead: dict[int, str] = {}
    for r, _c, name, _text in labels:
        lead.setdefault(r, name)
    for r, c, name, text in labels:
        if name in (IGNORE, METADATA, SUBMITTED):
            form.unread.append(text)
            continue
        group = lead.get(r)
        if group in _GROUPS and name != group:
            parent = "紧急联系人" if group == "emergency_contact" else "监护人"
            name = SIGNUP.read(text, parent)[0] or name
        end = spans.get((r, c), c)
        values = rows[r] if r < len(rows) else ()
        value: object = values[end + 1] if end + 1 < len(values) else None
        if (r, end + 1) in at:
            value = None  # a blank form: the next cell is already the next label
        if name == "name":
            form.row = r + 1
        if name not in form.fields:
            form.fields[name] = (text, value)
    return form


def as_table(forms: Sequence[Form]) -> tuple[list[Reading], list[tuple[int, list[object]]]]:
    """Forms as a header and rows, one row per form, numbered from 1 in the file's order."""
    names: list[str] = []
    labels: dict[str, str] = {}
    for f in forms:
        for name, (text, _value) in f.fields.items():
            if name not in labels:
                names.append(name)
                labels[name] = text
    columns = [Reading(i, labels[name], name, "form", labels[name]) for i, name in enumerate(names)]
    unread = list(dict.fromkeys(text for f in forms for text in f.unread))
    columns += [Reading(len(columns) + i, text, IGNORE, "form") for i, text in enumerate(unread)]
    rows = [
        (n, [f.fields.get(name, ("", None))[1] for name in names] + [None] * len(unread))
        for n, f in enumerate(forms, start=1)
    ]
    return columns, rows


# ----------------------------------------------------------------------------- describing


def describe(rows: Sequence[Sequence[object]]) -> str:
    """What a sheet without a header looks like, as a message key: ``intake.looks_empty``,
    ``intake.looks_like_form`` (labels beside values, one person), ``intake.looks_like_signin``
    (a sign-in sheet: hours, not registrations), ``intake.looks_like_text`` (a notice or a
    letter: one cell a line), else ``intake.no_header``."""
    filled = [
        [v for v in r if v not in (None, "") and not (isinstance(v, str) and not v.strip())]
        for r in rows
    ]
    filled = [r for r in filled if r]
    if not filled:
        return "intake.looks_empty"
    texts = " ".join(text_of(v) for r in filled[:SCAN_ROWS] for v in r)
    if "签到" in texts and ("签退" in texts or "服务时长" in texts or "时长" in texts):
        return "intake.looks_like_signin"
    labels = labels_of(rows)
    label_rows = {r for r, _c, name, _t in labels if name not in (IGNORE, GUARDIAN)}
    if len(label_rows) >= 2 and TITLE in texts.replace(" ", ""):
        return "intake.looks_like_form"
    if len(label_rows) >= 3 and all(
        sum(1 for r2, *_ in labels if r2 == r) <= 4 for r in label_rows
    ):
        return "intake.looks_like_form"
    if sum(1 for r in filled if len(r) == 1) * 4 >= len(filled) * 3:
        return "intake.looks_like_text"
    return "intake.no_header"

"""``--where``: which rows a filled template lists, in plain conditions on its fields.

The grammar, read by hand (never evaluated)::

    EXPR   := COND { JOIN COND }
    JOIN   := "and" | "且" | "并且" | "、" | "&&" | "；" | ";"
    COND   := FIELD OP VALUE
    OP     := "=" | "==" | "!=" | "≠" | ">" | ">=" | "≥" | "<" | "<=" | "≤"
            | "包含" | "contains" | "不包含" | "!contains"
    FIELD  := a header as a template writes it (政治面貌, 年龄, 服务时长, 队伍) or a field key
              (political_status, age, hours, team)
    VALUE  := text up to the next JOIN, or quoted ("…", '…', “…”, 「…」) to hold a JOIN

A value is read as its field's type: a number for 年龄, 服务时长, 服务次数, 星级 (a unit may
follow: 60岁, 48小时, 三星), a date for 出生日期, 注册日期, 服务日期 (2025-03-01, 2025年3月1日,
2025.3), text otherwise (政治面貌=党员 matches 中共党员, as the code list reads it). ``=`` on a list
(队伍, 专业特长, 培训, 表彰) matches any of its items; 队伍=X also matches the members of the teams
under X. ``>``/``<`` compare numbers and dates, not text. Every mistake is an ``InvalidInput``
naming the character where it was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from volctl.errors import InvalidInput, Where
from volctl.fill import fields as F
from volctl.text import clean, fold

_OPERATORS = (
    ("!contains", "!contains"),
    ("不包含", "!contains"),
    ("contains", "contains"),
    ("包含", "contains"),
    ("!=", "!="),
    ("≠", "!="),
    ("<>", "!="),
    (">=", ">="),
    ("≥", ">="),
    ("<=", "<="),
    ("≤", "<="),
    ("==", "="),
    ("=", "="),
    (">", ">"),
    ("<", "<"),
)
_JOINS = re.compile(r"\s+and\s+|\s*(?:并且|且|、|&&|；|;)\s*", re.IGNORECASE)
_QUOTES = {'"': '"', "'": "'", "“": "”", "「": "」", "‘": "’"}
_OP_START = re.compile(r"!contains|不包含|contains|包含|[!≠<>≥≤=]", re.IGNORECASE)
_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "零": 0}
_UNITS = re.compile(r"(?:岁|周岁|小时|个小时|h|小时以上|次|人|人次|星级|星|分|个)$", re.IGNORECASE)


@dataclass(frozen=True)
class Condition:
    field: str  # the field key
    op: str  # =, !=, >, >=, <, <=, contains, !contains
    value: Any  # typed: Decimal, ISO date text, or folded text
    text: str  # the condition as written


Row = Mapping[str, Any]


def parse(expression: str, mode: str) -> list[Condition]:
    """``--where EXPR`` -> conditions (all must hold); a mistake names its position."""
    text = expression
    conditions: list[Condition] = []
    pos = 0
    if not text.strip():
        raise _error("fill.where_empty", text, 0)
    while True:
        pos = _skip_space(text, pos)
        start = pos
        match = _OP_START.search(text, pos)
        if match is None:
            raise _error("fill.where_no_operator", text, pos, part=text[pos:].strip())
        name_text = text[pos : match.start()].strip()
        if not name_text:
            raise _error("fill.where_no_field", text, match.start())
        op, op_end = _operator(text, match.start())
        field = resolve_field(name_text, mode, text, pos)
        pos = _skip_space(text, op_end)
        raw, pos = _value(text, pos)
        if raw == "":
            raise _error("fill.where_no_value", text, pos, op=text[match.start() : op_end])
        conditions.append(
            Condition(field, op, _typed(field, op, raw, text, pos), text[start:pos].strip())
        )
        pos = _skip_space(text, pos)
        if pos >= len(text):
            return conditions
        join = _JOINS.match(text, pos - 1 if pos and text[pos - 1].isspace() else pos)
        if join is None:
            raise _error("fill.where_expected_join", text, pos, part=text[pos:].strip())
        pos = join.end()
        if pos >= len(text.rstrip()):
            raise _error("fill.where_dangling_join", text, join.start())


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _operator(text: str, pos: int) -> tuple[str, int]:
    lowered = text.lower()
    for written, op in _OPERATORS:
        if lowered.startswith(written, pos):
            return op, pos + len(written)
    raise _error("fill.where_no_operator", text, pos, part=text[pos:].strip())


def _value(text: str, pos: int) -> tuple[str, int]:
    """The value at ``pos`` (quoted, or up to the next join) and where it ends."""
    if pos < len(text) and text[pos] in _QUOTES:
        closing = _QUOTES[text[pos]]
        end = text.find(closing, pos + 1)
        if end < 0:
            raise _error("fill.where_unclosed_quote", text, pos)
        return text[pos + 1 : end], end + 1
    join = _JOINS.search(text, pos)
    end = join.start() if join else len(text)
    raw = text[pos:end].strip()
    if _OP_START.match(raw):
        raise _error("fill.where_two_operators", text, pos)
    another = _OP_START.search(raw)
    if another is not None:
        gap = max(raw.rfind(" ", 0, another.start()), raw.rfind("\u3000", 0, another.start()))
        if gap > 0:  # "服务时长<48 政治面貌=党员": the join is missing
            at = pos + gap + 1
            raise _error("fill.where_expected_join", text, at, part=text[at:end].strip())
    return raw, end


# ``register add`` option names that differ from the field's.
_OPTION_NAMES = {"birth": "birth_date", "political": "political_status", "number": "seq"}


def resolve_field(name: str, mode: str, text: str = "", pos: int = 0) -> str:
    """A field as ``--where`` (or ``--column``) names it: its key, a header a template would
    write, or its label in either language; it must be one this mode fills."""
    from volctl.fill.fields import FILL
    from volctl.i18n import t_in

    key = name.strip().lower().replace("-", "_")
    key = _OPTION_NAMES.get(key, key)
    names = F.field_names()
    found: str | None = key if key in names else None
    if found is None:
        for candidate in names:
            labels = {t_in("zh", f"fill.field.{candidate}"), t_in("en", f"fill.field.{candidate}")}
            if clean(name) in labels or fold(name) in {fold(label) for label in labels}:
                found = candidate
                break
    if found is None:
        read = FILL.read(name)[0]
        found = read if read in names else None
    if found is None:
        raise _error("fill.where_unknown_field", text, pos, name=name)
    in_mode = F.in_mode(found, mode)
    if in_mode is None:
        raise _error("fill.where_field_not_in_mode", text, pos, name=name, mode=mode)
    return in_mode


def _number(raw: str) -> Decimal | None:
    from volctl.text import halfwidth

    text = _UNITS.sub("", halfwidth(raw).strip()).strip()
    if text in _CHINESE_DIGITS:
        return Decimal(_CHINESE_DIGITS[text])
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _typed(field: str, op: str, raw: str, text: str, pos: int) -> Any:
    kind = F.kind(field)
    ordered = op in (">", ">=", "<", "<=")
    if kind == F.NUMBER:
        if op in ("contains", "!contains"):
            raise _error("fill.where_contains_number", text, pos, field=_label(field))
        number = _number(raw)
        if number is None:
            raise _error("fill.where_not_a_number", text, pos, value=raw, field=_label(field))
        return number
    if kind == F.DATE:
        if op in ("contains", "!contains"):
            return fold(raw)
        from volctl.dates import parse_date

        try:
            parsed = parse_date(raw)
        except InvalidInput:
            parsed = None
        if parsed is None:
            raise _error("fill.where_not_a_date", text, pos, value=raw, field=_label(field))
        return parsed.value.isoformat()[: {"day": 10, "month": 7, "year": 4}[parsed.precision]]
    if ordered:
        raise _error("fill.where_order_on_text", text, pos, field=_label(field))
    return fold(_code(field, raw))


def _code(field: str, raw: str) -> str:
    """A coded value as the roster stores it: 党员 -> 中共党员, 本科 -> 大学本科."""
    from volctl import values

    readers: dict[str, Callable[[object], str | None]] = {
        "political_status": values.political_status,
        "education": values.education,
        "gender": values.gender,
    }
    reader = readers.get(field)
    if reader is None:
        return raw
    try:
        return reader(raw) or raw
    except InvalidInput:
        return raw


def _label(field: str) -> str:
    from volctl.i18n import t

    return t(f"fill.field.{field}")


def _error(key: str, text: str, pos: int, **params: Any) -> InvalidInput:
    return InvalidInput(
        key,
        hint="hint.fill_where",
        where=Where(field="where"),
        expression=text,
        position=pos + 1,
        marker=" " * _width(text[:pos]) + "^",
        **params,
    )


def _width(text: str) -> int:
    from volctl.render import plain_width

    return plain_width(text) or len(text)


# ----------------------------------------------------------------------------- matching


def matches(row: Row, conditions: list[Condition]) -> bool:
    return all(_holds(row, c) for c in conditions)


def _holds(row: Row, c: Condition) -> bool:
    value = row.get("_all_teams" if c.field == "team" and c.op in ("=", "!=") else c.field)
    kind = F.kind(c.field)
    if kind == F.NUMBER:
        if value is None or value == "":
            return c.op == "!="
        number = Decimal(str(value))
        return _compare(number, c.op, c.value)
    if kind == F.DATE:
        if not value:
            return c.op in ("!=", "!contains")
        day = str(value)[: len(c.value)] if c.op not in ("contains", "!contains") else str(value)
        if c.op == "contains":
            return c.value in fold(day)
        if c.op == "!contains":
            return c.value not in fold(day)
        return _compare(day, c.op, c.value)
    items = [fold(v) for v in value] if isinstance(value, list | tuple) else [fold(value or "")]
    items = [i for i in items if i] or [""]
    if c.op == "=":
        return c.value in items
    if c.op == "!=":
        return c.value not in items
    if c.op == "contains":
        return any(c.value in i for i in items)
    return not any(c.value in i for i in items)


def _compare(left: Any, op: str, right: Any) -> bool:
    if op == "=":
        return bool(left == right)
    if op == "!=":
        return bool(left != right)
    if op == ">":
        return bool(left > right)
    if op == ">=":
        return bool(left >= right)
    if op == "<":
        return bool(left < right)
    return bool(left <= right)

"""One column's rule (``Column``): what a stored value must be, and why it is refused
(``Refusal``): a date, a text, a time, a whole number, a choice, a phone, a list."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from volctl.errors import InvalidInput

# A problem with a value: (message key, its parameters); None when the value is good.
Problem = tuple[str, dict[str, Any]] | None
ColumnCheck = Callable[[Any], Problem]  # a column's rule: what is wrong

_OLDEST = date(1900, 1, 1)  # no date the roster holds is older (``dates.parse_date``)
_TOP = 2**63 - 1  # SQLite's largest integer
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")


@dataclass(frozen=True)
class Refusal:
    """Why one row is refused: the column, and the reason as a message key and parameters."""

    field: str
    key: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def reason(self) -> str:
        from volctl.i18n import t
        from volctl.masking import mask_in_text

        params = {k: mask_in_text(v) if isinstance(v, str) else v for k, v in self.params.items()}
        return t(self.key, **params)


def _shown(value: Any) -> str:
    """A refused value in a message: short, whatever it is."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:40] + "…"


_MISSING: Problem = ("reason.value_missing", {})
_KNOWN_CAP = 10_000  # sound values remembered per column (dates, times, lists repeat)


class Column:
    """One column's rule. Called with a value, it says what is wrong with it (None: nothing).

    ``test`` is the same rule as a Python expression over ``{v}`` (the value), true for a
    sound value; ``Table.checker`` compiles a row's tests into one function, so a good row
    costs one call, and the rule itself runs only when a test fails. A test may be stricter
    than the rule (a value not yet seen), never looser. ``known``: sound values seen, for
    tests that look them up (dates, phones, lists), filled by the rule."""

    def __init__(self, rule: ColumnCheck, test: str = "", *, remember: bool = False) -> None:
        self.rule = rule
        self.test = test
        self.known: set[Any] | None = set() if remember else None

    def __call__(self, value: Any) -> Problem:
        problem = self.rule(value)
        if problem is None and self.known is not None and len(self.known) < _KNOWN_CAP:
            self.known.add(value)
        return problem


def _optional(test: str, required: bool) -> str:
    return test if required else f"({{v}} is None or {test})"


def text(limit: int, *, required: bool = False) -> Column:
    def check(value: Any) -> Problem:
        if value is None:
            return _MISSING if required else None
        if value.__class__ is not str:
            return ("reason.value_not_text", {"value": _shown(value)})
        if len(value) > limit:
            return ("reason.too_long", {"limit": limit})
        if required and not value.strip():
            return _MISSING
        return None

    sound = f"({{v}}.__class__ is str and len({{v}}) <= {limit}"
    sound += " and not {v}.isspace() and {v} != '')" if required else ")"
    return Column(check, _optional(sound, required))


@lru_cache(maxsize=65536)
def _day(value: str) -> date | None:
    if not _ISO_DAY.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def day(
    today: date, *, required: bool = False, first: date = _OLDEST, future: bool = False
) -> Column:
    """An ISO date (2025-03-15) that exists, from ``first`` to today (or later if ``future``)."""
    last = date.max if future else today

    def check(value: Any) -> Problem:
        if value is None:
            return _MISSING if required else None
        if value.__class__ is not str:
            return ("reason.date_invalid", {"value": _shown(value)})
        parsed = _day(value)
        if parsed is None:
            real = _ISO_DAY.fullmatch(value) is None
            return (
                "reason.date_invalid" if real else "reason.date_not_real",
                {"value": _shown(value)},
            )
        if parsed < first:
            return ("reason.date_too_early", {"value": value, "first": first.isoformat()})
        if parsed > last:
            return ("reason.date_in_future", {})
        return None

    return Column(
        check, _optional("({v}.__class__ is str and {v} in {known})", required), remember=True
    )


def stamp(*, required: bool = True) -> Column:
    """When something was recorded (ISO 8601 as volctl writes it): text. Only read back for
    display (``dates.clock`` shows any text as it is), so held to its type and length."""
    return text(64, required=required)


def _clock(value: Any) -> Problem:
    if value is None:
        return None
    if value.__class__ is not str or not _CLOCK.fullmatch(value):
        return ("reason.time_invalid", {"value": _shown(value)})
    return None


# A time of day, HH:MM (or nothing).
clock = Column(_clock, "({v} is None or ({v}.__class__ is str and {v} in {known}))", remember=True)


def whole(low: int, high: int = _TOP, *, required: bool = True) -> Column:
    def check(value: Any) -> Problem:
        if value is None:
            return _MISSING if required else None
        if value.__class__ is not int:
            return ("reason.not_whole_number", {"value": _shown(value)})
        if not low <= value <= high:
            return ("reason.number_out_of_range", {"value": value, "low": low, "high": high})
        return None

    return Column(
        check, _optional(f"({{v}}.__class__ is int and {low} <= {{v}} <= {high})", required)
    )


KEY = whole(1)  # an id: a whole number above zero
REF = whole(1, required=False)  # a reference to an id, or nothing
FLAG = whole(0, 1)


def choice(values: Sequence[str], *, required: bool = True) -> Column:
    allowed = frozenset(values)

    def check(value: Any) -> Problem:
        if value is None:
            return _MISSING if required else None
        if value.__class__ is not str or value not in allowed:
            from volctl.i18n import join_list

            return ("reason.not_a_choice", {"value": _shown(value), "choices": join_list(values)})
        return None

    column = Column(check, _optional("({v}.__class__ is str and {v} in {known})", required))
    column.known = set(allowed)  # every allowed value is known from the start
    return column


def phone(*, required: bool = False) -> Column:
    """A phone as volctl stores it: the E.164 form ``identity.parse_phone`` gives."""

    def check(value: Any) -> Problem:
        from volctl.identity import parse_phone

        if value is None:
            return _MISSING if required else None
        if value.__class__ is not str:
            return ("reason.value_not_text", {"value": _shown(value)})
        try:
            canonical = parse_phone(value)
        except InvalidInput as exc:
            return (exc.key, exc.params)
        if canonical != value:
            return ("reason.not_stored_form", {"value": _shown(value), "expected": canonical})
        return None

    # Phones hardly repeat: each is parsed (what a merge of people must do anyway).
    return Column(check)


def _json_list(value: Any) -> Problem:
    try:
        items = json.loads(value) if value.__class__ is str else None
    except ValueError:
        items = None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return ("reason.list_invalid", {"value": _shown(value)})
    return None


# A JSON list of texts (skills, service intentions).
json_list = Column(_json_list, "({v}.__class__ is str and {v} in {known})", remember=True)

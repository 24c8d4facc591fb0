"""The rules across a row's columns (``RowRule``): a volunteer's identity number and what it
says, an end after its start, a ledger entry's constraints, a commendation's one recipient;
and what a superseded row of a history may keep (``historic``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from volctl.errors import InvalidInput
from volctl.validation.columns import Refusal, _shown


def _id_number(row: Mapping[str, Any], today: date, kind_column: str | None) -> Refusal | None:
    """The identity number as ``identity.parse_id_number`` gives it for its document type."""
    from volctl.codes import RESIDENT_ID
    from volctl.identity import parse_id_number

    value = row.get("id_number")
    if value is None:
        return None
    if value.__class__ is not str:
        return Refusal("id_number", "reason.value_not_text", {"value": _shown(value)})
    kind = row.get(kind_column) if kind_column else RESIDENT_ID
    try:
        canonical = parse_id_number(value, kind or RESIDENT_ID, today=today).number
    except InvalidInput as exc:
        return Refusal("id_number", exc.key, exc.params)
    if canonical != value:
        return Refusal(
            "id_number", "reason.not_stored_form", {"value": _shown(value), "expected": canonical}
        )
    return None


RowCheck = Callable[[Mapping[str, Any], date], Refusal | None]


class RowRule:
    """A rule across a row's columns, with its ``test``: a Python expression over the columns
    it ``needs`` (``{name}``), true for a sound row (see ``Column``)."""

    def __init__(self, rule: RowCheck, test: str = "", needs: tuple[str, ...] = ()) -> None:
        self.rule, self.test, self.needs = rule, test, needs

    def __call__(self, row: Mapping[str, Any], today: date) -> Refusal | None:
        return self.rule(row, today)


def _volunteer(row: Mapping[str, Any], today: date) -> Refusal | None:
    """What ``register add`` holds a volunteer to across their columns: an identity number in
    the form ``identity.parse_id_number`` gives for its document type, a gender and birth date
    that agree with it, a registration not before the birth, and (as ``check`` asks of every
    active volunteer) a guardian on record for a minor."""
    from volctl.dates import age_on
    from volctl.identity import parse_id_number

    number, kind = row.get("id_number"), row.get("id_type")
    try:
        ident = parse_id_number(number, str(kind), today=today)
    except InvalidInput as exc:
        return Refusal("id_number", exc.key, exc.params)
    if ident.number != number:
        params = {"value": _shown(number), "expected": ident.number}
        return Refusal("id_number", "reason.not_stored_form", params)
    gender, birth = row.get("gender"), row.get("birth_date")
    if ident.gender and gender and gender != ident.gender:
        params = {"given": gender, "derived": ident.gender}
        return Refusal("gender", "reason.id_gender_mismatch", params)
    if ident.birth_date and birth and birth != ident.birth_date.isoformat():
        params = {"given": birth, "derived": ident.birth_date.isoformat()}
        return Refusal("birth_date", "reason.id_birth_date_mismatch", params)
    registered = row.get("registered_on")
    if birth and registered and registered < birth:
        return Refusal("registered_on", "reason.registered_before_birth")
    if birth and row.get("status") == "active":
        age = age_on(date.fromisoformat(birth), today)
        if age < ADULT_AGE and not (
            row.get("guardian_name")
            and row.get("guardian_phone")
            and row.get("guardian_consent_on")
        ):
            return Refusal("guardian_name", MINOR, {"age": age})
    return None


ADULT_AGE = 18
MINOR = "reason.minor_without_guardian"  # ``check`` reports it as minor_without_consent


def _pair(first: str, last: str, key: str) -> RowRule:
    """``last`` on or after ``first`` when both are given."""

    def check(row: Mapping[str, Any], today: date) -> Refusal | None:
        start, end = row.get(first), row.get(last)
        if start is not None and end is not None and end < start:
            return Refusal(last, key, {"first": start, "last": end})
        return None

    test = f"({{{first}}} is None or {{{last}}} is None or {{{last}}} >= {{{first}}})"
    return RowRule(check, test, (first, last))


def _times(row: Mapping[str, Any], today: date) -> Refusal | None:
    start, end = row.get("start_time"), row.get("end_time")
    if (start is None) != (end is None):
        return Refusal("end_time" if end is None else "start_time", "reason.times_need_both")
    if start is not None and end <= start:
        return Refusal("end_time", "reason.end_before_start", {"start": start, "end": end})
    return None


def _record(row: Mapping[str, Any], today: date) -> Refusal | None:
    """The ledger's own constraints on an entry, named."""
    kind, corrects = row.get("kind"), row.get("corrects_id")
    if (kind == "original") != (corrects is None):
        return Refusal("corrects_id", "reason.correction_target", {"kind": kind})
    if kind != "original" and not (row.get("reason") or "").strip():
        return Refusal("reason", "reason.correction_without_reason")
    minutes, attendance = row.get("minutes"), row.get("attendance")
    if attendance in ("leave", "absent") and minutes != 0:
        return Refusal("minutes", "hours.reason.zero_time_with_hours")
    if kind != "void" and attendance not in ("leave", "absent") and minutes == 0:
        return Refusal("minutes", "hours.reason.hours_not_positive", {"value": minutes})
    return _times(row, today)


_TIMES_TEST = (
    "(({start_time} is None) == ({end_time} is None)"
    " and ({start_time} is None or {end_time} > {start_time}))"
)
_RECORD_TEST = (
    "(({kind} == 'original') == ({corrects_id} is None)"
    " and ({kind} == 'original' or ({reason} is not None and {reason}.strip() != ''))"
    " and ({attendance} not in ('leave', 'absent') or {minutes} == 0)"
    " and ({kind} == 'void' or {attendance} in ('leave', 'absent') or {minutes} != 0)"
    f" and {_TIMES_TEST})"
)
TIMES = RowRule(_times, _TIMES_TEST, ("start_time", "end_time"))
RECORD = RowRule(
    _record,
    _RECORD_TEST,
    ("kind", "corrects_id", "reason", "attendance", "minutes", "start_time", "end_time"),
)


def _commendation(row: Mapping[str, Any], today: date) -> Refusal | None:
    if (row.get("volunteer_id") is None) == (row.get("team_id") is None):
        return Refusal("volunteer_id", "reason.commendation_one_recipient")
    year, on = row.get("year"), row.get("awarded_on")
    if isinstance(year, int) and on is not None and on < f"{year:04d}-01-01":
        return Refusal("awarded_on", "reason.awarded_before_year", {"on": on, "year": year})
    return None


def _team(row: Mapping[str, Any], today: date) -> Refusal | None:
    founded, dissolved = row.get("founded_on"), row.get("dissolved_on")
    if founded is not None and dissolved is not None and dissolved < founded:
        params = {"on": dissolved, "team": row.get("name"), "founded_on": founded}
        return Refusal("dissolved_on", "reason.dissolved_before_founded", params)
    return None


TEAM = RowRule(
    _team,
    "({founded_on} is None or {dissolved_on} is None or {dissolved_on} >= {founded_on})",
    ("founded_on", "dissolved_on"),
)


def _recipient(row: Mapping[str, Any], today: date) -> Refusal | None:
    return _id_number(row, today, None)


# What a superseded row of a history may hold: a value of the right type that the rules
# refuse (a record's date or text, old data since amended). Such a row stays as it is: the
# ledger and the status history are never edited, only superseded by a later row.
_HISTORIC = frozenset(
    {
        "reason.date_invalid",
        "reason.date_not_real",
        "reason.date_in_future",
        "reason.date_too_early",
        "reason.too_long",
        "reason.time_invalid",
    }
)


def historic(found: Refusal, value: Any) -> bool:
    """Whether a refusal may stand in a row that no longer counts (see ``_HISTORIC``): a text
    ``value`` refused for what it says, not for its type."""
    return found.key in _HISTORIC and value.__class__ is str

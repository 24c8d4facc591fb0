"""One volunteer's details as given (typed, or read from a sheet's row) checked and turned
into a clean record: ``prepare`` raises ``InvalidInput`` with a stable reason code on the first
problem. ``register add``, corrections and the sheet import all go through it, so a volunteer is
held to the same rules however they arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from json.encoder import encode_basestring
from typing import Any

from volctl import values as choices  # the enumerated values
from volctl.codes import RESIDENT_ID
from volctl.dates import age_on, iso_day, parse_date
from volctl.errors import InvalidInput, Where
from volctl.identity import parse_id_number, parse_phone
from volctl.text import compact, split_list, typed

ADULT_AGE = 18
MAX_TEXT = {"name": 50, "notes": 2000}
DEFAULT_MAX_TEXT = 200


@dataclass
class VolunteerInput:
    """A volunteer's details as given: any field may be raw text, a number or a date."""

    name: object = None
    id_number: object = None
    id_type: object = None
    phone: object = None
    gender: object = None
    birth_date: object = None
    ethnicity: object = None
    political_status: object = None
    education: object = None
    employer: object = None
    position: object = None
    office_phone: object = None
    address: object = None
    area: object = None
    skills: object = None
    intentions: object = None
    availability: object = None
    emergency_contact: object = None
    emergency_phone: object = None
    guardian_name: object = None
    guardian_phone: object = None
    guardian_relation: object = None
    guardian_consent_on: object = None
    registered_on: object = None
    notes: object = None


FIELDS = tuple(f.name for f in fields(VolunteerInput))
# Columns copied as plain single-line text.
PLAIN = (
    "ethnicity",
    "employer",
    "position",
    "address",
    "area",
    "availability",
    "emergency_contact",
    "guardian_name",
    "guardian_relation",
    "notes",
)


@dataclass
class Prepared:
    """A clean record ready to store, with warnings (message keys) the clerk should see."""

    values: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


Locate = Callable[[str], Where]


def _option_where(field_name: str) -> Where:
    return Where(field=field_name)


# What a value was read as, by the raw value (and its type: 1, 1.0 and True hash alike), for
# the fields whose values a sheet repeats (genders, codes, dates, lists): a sheet of 50,000
# rows holds a few hundred distinct ones. Only readings that succeeded are kept, so a refusal
# is raised afresh, naming its own row; the readings depend on the value alone.
_MEMO_LIMIT = 50_000
_Read = Callable[[object, Where], Any]
_memos: dict[_Read, dict[tuple[type, object], Any]] = {}


def _read(read: _Read, raw: object, where: Locate, field_name: str) -> Any:
    """``read(raw, where(field_name))``, remembered by the raw value (None: never read)."""
    if raw is None:
        return None
    memo = _memos.get(read)
    if memo is None:
        memo = _memos[read] = {}
    key = (raw.__class__, raw)
    try:
        return memo[key]
    except KeyError:
        pass
    except TypeError:  # unhashable (a list of skills)
        return read(raw, where(field_name))
    value = read(raw, where(field_name))
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _birth_date(raw: object, where: Where) -> Any:
    return parse_date(raw, where=where, code="birth_date_invalid")


def _day(raw: object, where: Where) -> Any:
    return parse_date(raw, where=where, allow_partial=False)


def _list_json(raw: object, _where: Where) -> str:
    return _json_list(_list(raw))


def _text(value: object, field_name: str, where: Locate) -> str | None:
    if value is None:
        return None
    text = typed(value)
    if not text:
        return None
    limit = MAX_TEXT.get(field_name, DEFAULT_MAX_TEXT)
    if len(text) > limit:
        raise InvalidInput("reason.too_long", where=where(field_name), limit=limit)
    return text


def _optional_phone(value: object, field_name: str, where: Locate) -> str | None:
    if value is None or not compact(value):
        return None
    return parse_phone(value, where=where(field_name), field_code=field_name)


def prepare(
    given: VolunteerInput,
    *,
    today: date | None = None,
    where: Locate = _option_where,
    check_consent: bool = True,
) -> Prepared:
    """Validate and normalise one volunteer; raise ``InvalidInput`` on the first problem.
    ``check_consent``: check the consent date against the birth and registration dates (a
    correction that touches none of them leaves a stored date as it is; ``check`` reports it)."""
    today = today or date.today()
    warnings: list[str] = []
    name = _text(given.name, "name", where)
    if not name:
        raise InvalidInput("reason.missing_name", where=where("name"))
    kind = (
        choices.id_type(given.id_type, where("id_type"))
        if isinstance(given.id_type, str)
        else RESIDENT_ID
    )
    ident = parse_id_number(given.id_number, kind, today=today, where=where("id_number"))
    kind = ident.kind or kind  # a foreign permanent resident's card given as an identity number
    warnings.extend(ident.warnings)
    office_phone = (
        None
        if given.office_phone is None
        else _optional_phone(given.office_phone, "office_phone", where)
    )
    # No phone of their own: an office line is the contact; a child registered as a minor is
    # reached through the guardian (checked below, once the registration date is known).
    own_phone = given.phone is not None and bool(compact(given.phone))
    phone_later = not own_phone and not office_phone and bool(ident.birth_date)
    phone: str | None
    if own_phone or not (office_phone or phone_later):
        phone = parse_phone(given.phone, where=where("phone"))
    else:
        phone = office_phone

    gender = _read(choices.gender, given.gender, where, "gender")
    if ident.gender and gender and gender != ident.gender:
        raise InvalidInput(
            "reason.id_gender_mismatch", where=where("gender"), given=gender, derived=ident.gender
        )
    gender = gender or ident.gender

    birth = _read(_birth_date, given.birth_date, where, "birth_date")
    if ident.birth_date and birth and not birth.agrees_with(ident.birth_date):
        raise InvalidInput(
            "reason.id_birth_date_mismatch",
            where=where("birth_date"),
            given=birth.iso(),
            derived=ident.birth_date.isoformat(),
        )
    if ident.birth_date:
        born: date | None = ident.birth_date
    elif birth and birth.precision == "day":
        born = birth.value
    else:
        raise InvalidInput("reason.missing_birth_date", where=where("birth_date"))
    assert born is not None
    if born > today:
        raise InvalidInput("reason.date_in_future", where=where("birth_date"))

    registered = _read(_day, given.registered_on, where, "registered_on")
    registered_on = registered.value if registered else today
    if registered_on > today:
        raise InvalidInput("reason.registered_in_future", where=where("registered_on"))
    if registered_on < born:
        raise InvalidInput("reason.registered_before_birth", where=where("registered_on"))
    age = age_on(born, registered_on)
    if phone_later and age >= ADULT_AGE:
        raise InvalidInput("reason.missing_phone", where=where("phone"))

    values: dict[str, Any] = {
        "name": name,
        "id_type": kind,
        "id_number": ident.number,
        "phone": phone,
        "gender": gender,
        "birth_date": iso_day(born),
        "political_status": _read(
            choices.political_status, given.political_status, where, "political_status"
        ),
        "education": _read(choices.education, given.education, where, "education"),
        "office_phone": office_phone,
        "emergency_phone": None
        if given.emergency_phone is None
        else _optional_phone(given.emergency_phone, "emergency_phone", where),
        "guardian_phone": None
        if given.guardian_phone is None
        else _optional_phone(given.guardian_phone, "guardian_phone", where),
        "skills": _read(_list_json, given.skills, where, "skills") or "[]",
        "intentions": _read(_list_json, given.intentions, where, "intentions") or "[]",
        "registered_on": iso_day(registered_on),
    }
    given_values = given.__dict__
    for name_ in PLAIN:
        raw = given_values[name_]
        values[name_] = None if raw is None else _text(raw, name_, where)

    consent = (
        None
        if given.guardian_consent_on is None
        else _read(_day, given.guardian_consent_on, where, "guardian_consent_on")
    )
    values["guardian_consent_on"] = consent.value.isoformat() if consent else None
    if consent is not None and check_consent:
        _check_consent(consent.value, born, registered_on, today, where("guardian_consent_on"))
    if age < ADULT_AGE:
        if not values["guardian_name"] or not values["guardian_phone"]:
            raise InvalidInput(
                "reason.minor_without_guardian",
                hint="hint.minor_without_guardian",
                where=where("guardian_name"),
                age=age,
            )
        # Guardian details on the registration are the guardian's consent, given that day.
        values["guardian_consent_on"] = values["guardian_consent_on"] or registered_on.isoformat()
    return Prepared(values, warnings)


def _check_consent(
    consent_on: date, born: date, registered_on: date, today: date, where: Where
) -> None:
    """A guardian consents to a registration: not in the future, not before the child was
    born, and by the day of the registration (DOMAIN.md: a minor registers with consent)."""
    if consent_on > today:
        raise InvalidInput(
            "reason.consent_in_future", where=where, consent_on=consent_on.isoformat()
        )
    if consent_on < born:
        raise InvalidInput(
            "reason.consent_before_birth",
            where=where,
            consent_on=consent_on.isoformat(),
            birth_date=born.isoformat(),
        )
    if consent_on > registered_on:
        raise InvalidInput(
            "reason.consent_after_registration",
            where=where,
            consent_on=consent_on.isoformat(),
            registered_on=registered_on.isoformat(),
        )


def _json_list(items: list[str]) -> str:
    """json.dumps(items, ensure_ascii=False) for a list of strings, without building an
    encoder per call (an import calls this twice per row): the same string escaping
    function and separators, so the same text."""
    return "[" + ", ".join(map(encode_basestring, items)) + "]"


def _list(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [typed(v) for v in value if typed(v)]
    return split_list(value)

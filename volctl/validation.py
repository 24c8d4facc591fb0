"""The one validation path: what every row of the roster must hold, however it arrives.

Each table has its rules here, in the form the roster stores them: column by column (a date
is an ISO day that exists and lies in its range, text is text within its length, an identity
number or phone is in the canonical form ``identity`` gives it, an id or a count is a whole
number in range, a code is one of its values) and across a row's columns (an end after its
start, a correction with its reason, leave with zero minutes). The rules are built from the
parsers and limits the commands use (``identity``, ``dates``, the limits of ``roster`` and
``ledger``), so a value a command refuses is refused here too. A value that is missing is
refused only where the roster cannot do without it (a name, the day of a service): older
rosters lack phones and birth dates, and lacking one is not holding a wrong one.

Who passes rows through it:

- ``merge``: every row of every part of a bundle (or of a roster file merged directly), before
  it is used; the first refusal refuses the bundle whole (``merge.context``);
- ``export bundle``: every row it writes, so a roster never sends up what a merge refuses;
- the ledger's ``insert``: every entry ``log-hours add``, ``log-hours import``, ``amend`` and
  ``void`` write;
- ``check`` and ``restore``: every stored row (``scan``), so a roster damaged by an older volctl
  or written around volctl is found, each value named with its record;
- the command guard: a command that stops at a stored value names it (``first_stored``).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from volctl.dates import FIRST_DAY
from volctl.errors import InvalidInput, Where

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
        from volctl.identity import mask_in_text

        params = {k: mask_in_text(v) if isinstance(v, str) else v for k, v in self.params.items()}
        return t(self.key, **params)


# ----------------------------------------------------------------------------- columns


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


def _id_number(row: Mapping[str, Any], today: date, kind_column: str | None) -> Refusal | None:
    """The identity number as ``identity.parse_id_number`` gives it for its document type."""
    from volctl.identity import RESIDENT_ID, parse_id_number

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


# ----------------------------------------------------------------------------- rows


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


# ----------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Table:
    """One table's rules: its columns, its rows, and how ``check`` names a stored row."""

    name: str
    columns: dict[str, Column]
    rows: tuple[RowCheck, ...] = ()
    ref: str = "'#' || id"  # an SQL expression naming a stored row
    where: str = ""  # stored rows held to the rules (all when empty)
    # A history (append-only: the ledger, the status history): the rows that count now,
    # held to every rule; a superseded row only to its types (``historic``).
    current: str = ""

    def refusal(self, row: Mapping[str, Any], today: date) -> Refusal | None:
        """The first problem of ``row`` (a mapping of some or all of the columns), or None."""
        return next(self.problems(row, today), None)

    def problems(self, row: Mapping[str, Any], today: date) -> Iterator[Refusal]:
        """Every column's problem, then (when the columns are sound) the row's first."""
        bad = False
        for name, check in self.columns.items():
            if name in row:
                problem = check(row[name])
                if problem is not None:
                    bad = True
                    yield Refusal(name, *problem)
        if bad:
            return
        for rule in self.rows:
            found = rule(row, today)
            if found is not None:
                yield found
                return

    def checker(
        self, names: Sequence[str], today: date
    ) -> Callable[[Sequence[Any]], Refusal | None]:
        """The first problem of rows given as sequences in the order of ``names`` (a bundle
        part's columns, a query's), or None. Every column's and the row's tests are compiled
        into one function (``Column``), so a sound row costs one call (a merge reads millions);
        the rules themselves run for a row a test does not pass."""
        names = tuple(names)
        checks = [
            (i, name, self.columns[name]) for i, name in enumerate(names) if name in self.columns
        ]
        rows = self.rows

        def slow(values: Sequence[Any]) -> Refusal | None:
            for i, name, column in checks:
                problem = column(values[i])
                if problem is not None:
                    return Refusal(name, *problem)
            if rows:
                row = dict(zip(names, values, strict=False))
                for rule in rows:
                    found = rule(row, today)
                    if found is not None:
                        return found
            return None

        env: dict[str, Any] = {"slow": slow, "today": today, "names": names}
        tests = []
        for i, _name, column in checks:
            if isinstance(column, Column) and column.test:
                env[f"k{i}"] = column.known
                tests.append(column.test.format(v=f"r[{i}]", known=f"k{i}"))
            else:
                env[f"f{i}"] = column
                tests.append(f"f{i}(r[{i}]) is None")
        index = {name: i for i, name in enumerate(names)}
        for j, rule in enumerate(rows):
            if isinstance(rule, RowRule) and rule.test and set(rule.needs) <= set(index):
                tests.append(rule.test.format(**{n: f"r[{index[n]}]" for n in rule.needs}))
            else:
                env[f"g{j}"] = rule
                tests.append(f"g{j}(dict(zip(names, r)), today) is None")
        source = f"def check(r):\n    if {' and '.join(tests) or 'True'}:\n        return None\n"
        exec(source + "    return slow(r)\n", env)
        compiled: Callable[[Sequence[Any]], Refusal | None] = env["check"]
        return compiled


@lru_cache(maxsize=4)
def tables(today: date) -> dict[str, Table]:
    """Every table's rules, for rosters as of ``today`` (no registration after it…)."""
    from volctl import codes
    from volctl.identity import ID_TYPES
    from volctl.ledger import activities, rules
    from volctl.ledger.clock import ATTENDANCE
    from volctl.roster import teams, volunteers
    from volctl.roster.code_lists import MAX_VALUE
    from volctl.schema.m001_core import BUILTIN_LISTS
    from volctl.text import NOTES_TEXT, SHORT_TEXT, TEXT

    past = day(today)  # a day that has come
    gender = choice(("男", "女"), required=False)

    def free(name: str) -> Column:
        return text(volunteers.MAX_TEXT.get(name, volunteers.DEFAULT_MAX_TEXT))

    def ledger_text(name: str) -> Column:
        return text(rules._MAX_TEXT.get(name, rules.MAX_TEXT_LENGTH))

    volunteer_columns: dict[str, Column] = {
        "id": KEY,
        "volunteer_no": text(SHORT_TEXT, required=True),
        "name": text(volunteers.MAX_TEXT["name"], required=True),
        "id_type": choice(tuple(ID_TYPES)),
        "id_number": text(SHORT_TEXT, required=True),
        "phone": phone(),
        "gender": gender,
        "birth_date": day(today),
        "political_status": choice(
            tuple(f for _c, f, _s in codes.POLITICAL_STATUS), required=False
        ),
        "education": choice(tuple(f for f, _s in codes.EDUCATION), required=False),
        "office_phone": phone(),
        "emergency_phone": phone(),
        "guardian_phone": phone(),
        "skills": json_list,
        "intentions": json_list,
        "guardian_consent_on": day(today, future=True),
        "registered_on": day(today, required=True),
        "status": choice(("active", "inactive")),
        **{name: free(name) for name in volunteers._PLAIN},
    }
    record_columns: dict[str, Column] = {
        "id": KEY,
        "volunteer_id": KEY,
        "activity_id": KEY,
        "service_date": day(today, required=True, first=FIRST_DAY),
        "start_time": clock,
        "end_time": clock,
        "minutes": whole(0, 24 * 60),
        "attendance": choice(ATTENDANCE),
        "recorder": text(rules.MAX_TEXT_LENGTH, required=True),
        "kind": choice(("original", "amend", "void")),
        "corrects_id": REF,
        "reason": text(rules.MAX_TEXT_LENGTH),
        "recorded_at": stamp(),
        **{
            name: ledger_text(name)
            for name in ("place", "content", "beneficiaries", "leader", "evaluation", "notes")
        },
    }
    found = [
        Table(
            "code_lists",
            {
                "list": choice(tuple(BUILTIN_LISTS)),
                "value": text(MAX_VALUE, required=True),
            },
            ref="list || ': ' || value",
            where="builtin = 0",
        ),
        Table("volunteers", volunteer_columns, (_volunteer,), ref="volunteer_no"),
        Table(
            "volunteer_status_changes",
            {
                "id": KEY,
                "volunteer_id": KEY,
                "status": choice(("active", "inactive")),
                "reason": text(TEXT, required=True),
                "effective_on": day(today, required=True),
                "recorded_at": stamp(),
            },
            ref="(SELECT volunteer_no FROM volunteers v WHERE v.id = volunteer_id)",
            current="id IN (SELECT max(id) FROM volunteer_status_changes GROUP BY volunteer_id)",
        ),
        Table(
            "teams",
            {
                "id": KEY,
                # A name typed here has at most SHORT_TEXT characters; a merge qualifies a
                # source's team with the source's name (up to two levels: city, street).
                "name": text(SHORT_TEXT * 4, required=True),
                "level": choice(teams.LEVELS),
                "parent_id": REF,
                "leader_id": REF,
                "contact_id": REF,
                "unit": text(SHORT_TEXT),
                "office_phone": phone(),
                "base": text(SHORT_TEXT),
                "founded_on": past,
                "status": choice(("active", "dissolved")),
                "dissolved_on": past,
                "status_reason": text(TEXT),
                "notes": text(NOTES_TEXT),
            },
            (TEAM,),
            ref="name",
        ),
        Table(
            "memberships",
            {
                "id": KEY,
                "team_id": KEY,
                "volunteer_id": KEY,
                "role": choice(teams.ROLES),
                "joined_on": day(today, required=True),
                "left_on": past,
            },
            (_pair("joined_on", "left_on", "reason.period_reversed"),),
            ref="(SELECT volunteer_no FROM volunteers v WHERE v.id = volunteer_id)"
            " || ' @ ' || (SELECT name FROM teams t WHERE t.id = team_id)",
        ),
        Table(
            "activities",
            {
                "id": KEY,
                "activity_no": text(SHORT_TEXT, required=True),
                "title": text(activities.MAX_TEXT["title"], required=True),
                "date": day(today, required=True, first=FIRST_DAY, future=True),
                "start_time": clock,
                "end_time": clock,
                "place": text(activities.MAX_TEXT["place"]),
                "category": text(MAX_VALUE, required=True),
                "theme": choice(codes.THEMES, required=False),
                "team_id": REF,
                "beneficiary_group": text(MAX_VALUE),
                "capacity": whole(1, required=False),
                "leader_id": REF,
                "status": choice(activities.STATUSES),
                "status_reason": text(TEXT),
                "description": text(activities.MAX_TEXT["description"]),
                "needs_insurance": FLAG,
                "series_key": text(TEXT),
            },
            (TIMES,),
            ref="activity_no",
        ),
        Table(
            "service_records",
            record_columns,
            (RECORD,),
            ref="'#' || id",
            current="id IN (SELECT latest_id FROM service_chains WHERE voided = 0)",
        ),
        Table(
            "trainings",
            {
                "id": KEY,
                "training_no": text(SHORT_TEXT, required=True),
                "title": text(SHORT_TEXT, required=True),
                "date": day(today, required=True, first=FIRST_DAY, future=True),
                "topic": text(MAX_VALUE, required=True),
                "minutes": whole(0, 24 * 60),
                "trainer": text(SHORT_TEXT),
                "place": text(SHORT_TEXT),
                "initial": FLAG,
                "notes": text(NOTES_TEXT),
            },
            ref="training_no",
        ),
        Table(
            "training_attendance",
            {"id": KEY, "training_id": KEY, "volunteer_id": KEY},
        ),
        Table(
            "insurance_policies",
            {
                "id": KEY,
                "volunteer_id": KEY,
                "insurer": text(SHORT_TEXT, required=True),
                "policy_no": text(SHORT_TEXT, required=True),
                "start_on": day(today, required=True, future=True),
                "end_on": day(today, required=True, future=True),
                "notes": text(NOTES_TEXT),
            },
            (_pair("start_on", "end_on", "reason.cover_end_before_start"),),
            ref="policy_no || ' ' || (SELECT volunteer_no FROM volunteers v"
            " WHERE v.id = volunteer_id)",
        ),
        Table(
            "commendations",
            {
                "id": KEY,
                "year": whole(FIRST_DAY.year, today.year),
                "title": text(SHORT_TEXT, required=True),
                "volunteer_id": REF,
                "team_id": REF,
                "awarded_on": day(today, required=True),
                "awarded_by": text(SHORT_TEXT),
                "notes": text(NOTES_TEXT),
            },
            (_commendation,),
            ref="year || ' ' || title",
        ),
        Table(
            "recipients",
            {
                "id": KEY,
                "recipient_no": text(SHORT_TEXT, required=True),
                # 50 typed; a merge names a beneficiary sent as a number by its source.
                "name": text(SHORT_TEXT + 60, required=True),
                "group_name": text(MAX_VALUE, required=True),
                "gender": gender,
                "birth_date": past,
                "id_number": text(SHORT_TEXT),
                "phone": phone(),
                "address": text(TEXT),
                "needs": text(500),
                "family_contact": text(50),
                "family_phone": phone(),
                "status": choice(("active", "inactive")),
                "status_reason": text(TEXT),
                "registered_on": day(today, required=True),
                "notes": text(NOTES_TEXT),
            },
            (_recipient,),
            ref="recipient_no",
        ),
        Table(
            "pairings",
            {
                "id": KEY,
                "recipient_id": KEY,
                "volunteer_id": KEY,
                "started_on": day(today, required=True),
                "ended_on": past,
                "notes": text(NOTES_TEXT),
            },
            (_pair("started_on", "ended_on", "reason.period_reversed"),),
        ),
        Table(
            "activity_beneficiaries",
            {
                "id": KEY,
                "activity_id": KEY,
                "recipient_id": REF,
                "group_name": text(MAX_VALUE, required=True),
                "people": whole(1, activities.MAX_GROUP_PEOPLE),
                "withdrawn_at": stamp(required=False),
                "withdrawn_reason": text(TEXT),
            },
        ),
    ]
    return {table.name: table for table in found}


def refusal(table: str, row: Mapping[str, Any], today: date | None = None) -> Refusal | None:
    """The first problem of one row of ``table`` (some or all of its columns), or None."""
    return tables(today or date.today())[table].refusal(row, today or date.today())


def refuse(
    table: str,
    row: Mapping[str, Any],
    *,
    today: date | None = None,
    where: Callable[[str], Where] | None = None,
) -> None:
    """Raise ``InvalidInput`` (the reason's own key, ``where`` naming the column) on the first
    problem of ``row``."""
    found = refusal(table, row, today)
    if found is not None:
        place = where(found.field) if where is not None else Where(field=found.field)
        raise InvalidInput(found.key, where=place, **found.params)


# ----------------------------------------------------------------------------- stored rows


@dataclass(frozen=True)
class Stored:
    """A stored value the rules refuse: its table, the record (``ref``), the column, why."""

    table: str
    ref: str
    refusal: Refusal


def scan(
    conn: sqlite3.Connection, *, today: date | None = None, limit: int | None = None
) -> Iterator[Stored]:
    """Every stored row held to its table's rules, in table and row order: each value refused
    (every column's, then the row's own first problem). A history's superseded rows are held
    to their types alone (``Table.current``)."""
    from volctl.db import table_exists

    today = today or date.today()
    found = 0
    for table in tables(today).values():
        if not table_exists(conn, table.name):
            continue
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
        names = [name for name in table.columns if name in present]
        where = f" WHERE {table.where}" if table.where else ""
        current = f"{table.current}" if table.current else "1"
        cursor = conn.cursor()
        cursor.row_factory = None
        query = (
            f"SELECT {table.ref}, {current}, {', '.join(names)} FROM {table.name}{where}"
            " ORDER BY rowid"
        )
        for ref, counts, *values in cursor.execute(query):
            row = dict(zip(names, values, strict=True))
            for problem in table.problems(row, today):
                if not counts and historic(problem, row.get(problem.field)):
                    continue
                yield Stored(table.name, str(ref), problem)
                found += 1
                if limit is not None and found >= limit:
                    return


def described(found: Stored) -> dict[str, Any]:
    """A stored value's refusal as the clerk reads it: ``{table, ref, field, reason}``."""
    from volctl.i18n import field_label, t

    return {
        "table": t(f"table.{found.table}"),
        "ref": found.ref,
        "field": field_label(found.table, found.refusal.field) or found.refusal.field,
        "reason": found.refusal.reason(),
    }


def first_stored(conn: sqlite3.Connection) -> Stored | None:
    """The first stored value the rules refuse, if any (the command guard's question)."""
    try:
        return next(scan(conn, limit=1), None)
    except sqlite3.Error:
        return None

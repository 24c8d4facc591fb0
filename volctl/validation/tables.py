"""Each table's rules (``Table``): its columns' rules, its rows', how ``check`` names a stored
row, and which rows of a history count; ``tables(today)`` gives them all."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from volctl.dates import FIRST_DAY
from volctl.validation.columns import (
    FLAG,
    KEY,
    REF,
    Column,
    Refusal,
    choice,
    clock,
    day,
    json_list,
    phone,
    stamp,
    text,
    whole,
)
from volctl.validation.rows import (
    RECORD,
    TEAM,
    TIMES,
    RowCheck,
    RowRule,
    _commendation,
    _pair,
    _recipient,
    _volunteer,
)


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
    from volctl.codes import ID_TYPES
    from volctl.ledger import activities, beneficiaries, rules
    from volctl.ledger.clock import ATTENDANCE
    from volctl.roster import prepare, teams
    from volctl.roster.code_lists import MAX_VALUE
    from volctl.schema.m001_core import BUILTIN_LISTS
    from volctl.text import NOTES_TEXT, SHORT_TEXT, TEXT

    past = day(today)  # a day that has come
    gender = choice(("男", "女"), required=False)

    def free(name: str) -> Column:
        return text(prepare.MAX_TEXT.get(name, prepare.DEFAULT_MAX_TEXT))

    def ledger_text(name: str) -> Column:
        return text(rules._MAX_TEXT.get(name, rules.MAX_TEXT_LENGTH))

    volunteer_columns: dict[str, Column] = {
        "id": KEY,
        "volunteer_no": text(SHORT_TEXT, required=True),
        "name": text(prepare.MAX_TEXT["name"], required=True),
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
        **{name: free(name) for name in prepare.PLAIN},
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
                "people": whole(1, beneficiaries.MAX_GROUP_PEOPLE),
                "withdrawn_at": stamp(required=False),
                "withdrawn_reason": text(TEXT),
            },
        ),
    ]
    return {table.name: table for table in found}

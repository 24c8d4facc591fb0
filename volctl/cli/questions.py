"""The questions guided entry asks (``volctl.cli.guided``): the required fields of ``register
add``, ``activity add`` and ``team add``, each checked as the domain checks it."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from volctl.cli.guided import Answer, Field
from volctl.errors import Where
from volctl.i18n import t

ADULT_AGE = 18


def _day(values: dict[str, Any], key: str) -> date:
    from volctl.dates import parse_day

    raw = values.get(key)
    return parse_day(raw, where=Where(field=key)) if raw else date.today()


def _identity(values: dict[str, Any], text: str | None = None) -> Any:
    from volctl.identity import parse_id_number
    from volctl.values import id_type

    kind = id_type(values.get("id_type"), Where(field="id_type"))
    raw = text if text is not None else values.get("id_number")
    return kind, parse_id_number(raw, kind, where=Where(field="id_number"))


def _minor(values: dict[str, Any]) -> bool:
    from volctl.dates import age_on

    _kind, ident = _identity(values)
    return bool(ident.birth_date) and (
        age_on(ident.birth_date, _day(values, "registered_on")) < ADULT_AGE
    )


def _phone_needed(values: dict[str, Any]) -> bool:
    """A phone of one's own, unless an adult gives an office line or a minor is reached
    through the guardian's phone (what the identity number cannot tell yet counts as adult)."""
    from volctl.cli.guided import blank

    try:
        minor = _minor(values)
    except Exception:  # no identity number yet, or a wrong one: the domain says so
        minor = False
    if minor:
        return blank(values.get("guardian_phone"))
    return blank(values.get("office_phone"))


def volunteer(conn: sqlite3.Connection) -> list[Field]:
    """``register add``: name, identity number (gender and birth date shown as it tells them,
    a second registration refused at once), phone; a minor's guardian and phone."""
    from volctl.text import bounded

    def name(text: str, values: dict[str, Any]) -> Answer:
        return Answer(bounded(text, "name", 50))

    def identity(text: str, values: dict[str, Any]) -> Answer:
        from volctl.dates import age_on
        from volctl.errors import Conflict
        from volctl.roster.volunteers import find_by_identity

        kind, ident = _identity(values, text)
        known = find_by_identity(conn, kind, ident.number)
        if known is not None:
            raise Conflict(
                "reason.duplicate",
                hint="hint.duplicate",
                volunteer_no=known["volunteer_no"],
                name=known["name"],
            )
        if ident.birth_date is None:
            return Answer(ident.number)
        age = age_on(ident.birth_date, date.today())
        note = t(
            "guided.id_tells",
            gender=ident.gender or "-",
            birth_date=ident.birth_date.isoformat(),
            age=age,
        )
        if age < ADULT_AGE:
            note += t("guided.minor")
        return Answer(ident.number, note)

    def phone(text: str, values: dict[str, Any], field_code: str = "phone") -> Answer:
        from volctl.identity import parse_phone
        from volctl.masking import display_phone

        stored = parse_phone(text, where=Where(field=field_code), field_code=field_code)
        return Answer(text, t("guided.phone_as", phone=display_phone(stored)))

    def guardian_phone(text: str, values: dict[str, Any]) -> Answer:
        return phone(text, values, "guardian_phone")

    def guardian(text: str, values: dict[str, Any]) -> Answer:
        return Answer(bounded(text, "guardian_name", 200))

    return [
        Field("name", "--name", t("field.name"), name),
        Field("id_number", "--id-number", t("field.id_number"), identity),
        Field("guardian_name", "--guardian-name", t("field.guardian_name"), guardian, when=_minor),
        Field(
            "guardian_phone",
            "--guardian-phone",
            t("field.guardian_phone"),
            guardian_phone,
            when=_minor,
        ),
        # Asked after the guardian: a child reached through the guardian needs no phone.
        Field(
            "phone",
            "--phone",
            t("field.phone"),
            phone,
            when=_phone_needed,
            domain_explains=False,
        ),
    ]


def activity(conn: sqlite3.Connection) -> list[Field]:
    """``activity add``: title, date, category (from the roster's list)."""
    from volctl.roster import code_lists
    from volctl.text import bounded

    def title(text: str, values: dict[str, Any]) -> Answer:
        return Answer(bounded(text, "title", 100))

    def day(text: str, values: dict[str, Any]) -> Answer:
        from volctl.dates import check_not_too_early, parse_day

        where = Where(field="date")
        parsed = check_not_too_early(parse_day(text, where=where), where)
        return Answer(text, t("guided.date_as", date=parsed.isoformat()))

    def category(text: str, values: dict[str, Any]) -> Answer:
        return Answer(code_lists.check(conn, code_lists.CATEGORY, text, Where(field="category")))

    return [
        Field("title", "TITLE", t("field.title"), title),
        Field("date", "--date", t("field.date"), day),
        Field(
            "category",
            "--category",
            t("field.category"),
            category,
            choices=lambda: code_lists.values(conn, code_lists.CATEGORY),
        ),
    ]


def team() -> list[Field]:
    """``team add``: name and level."""
    from volctl.roster import teams
    from volctl.text import bounded

    def name(text: str, values: dict[str, Any]) -> Answer:
        return Answer(bounded(text, "team", 100))

    def level(text: str, values: dict[str, Any]) -> Answer:
        return Answer(teams.check_level(text))

    return [
        Field("name", "NAME", t("field.team"), name),
        Field("level", "--level", t("field.level"), level, choices=lambda: teams.LEVELS),
    ]

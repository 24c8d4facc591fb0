"""Recurrence rules: the named presets of a series of activities and the dates a rule gives
(python-dateutil's rrule). Below the activities (which name a series' rule) and the schedule
(which plans a series of them).

A rule is a named preset or any RFC 5545 RRULE. The monthly concentrated service day is
"每月第三周的周六" (seed 001); it is read as most people read it, the third Saturday of the
month (``third-saturday``, the default, which takes the seed's words as an alias), but counted
by calendar weeks (a week starts on Monday, the first week holds the 1st) it is a week earlier
whenever the month begins on a Sunday (``third-week-saturday``). Both are plain RRULEs: the
third Saturday is the Saturday among days 15-21, the Saturday of the third calendar week the
one among days 14-20.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from volctl.dates import check_period
from volctl.errors import InvalidInput, Where
from volctl.text import clean, compact

MAX_DATES = 366


@dataclass(frozen=True)
class Preset:
    name: str
    rrule: str
    label: str  # Chinese: the name clerks use
    aliases: tuple[str, ...] = ()


def _fixed(name: str, month: int, day: int, label: str, *aliases: str) -> Preset:
    return Preset(
        name,
        f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}",
        f"{month}·{day} {label}",
        (f"{month}·{day}", f"{month}-{day}", f"{month}.{day}", label, *aliases),
    )


PRESETS: tuple[Preset, ...] = (
    Preset(
        "third-saturday",
        "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=15,16,17,18,19,20,21",
        "每月第三个星期六",
        ("第三个周六", "每月第三个周六", "第三周周六", "每月第三周周六", "每月第三周的周六"),
    ),
    Preset(
        "third-week-saturday",
        "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=14,15,16,17,18,19,20",
        "每月按自然周计第三周的星期六（周一为一周之始）",
        ("自然周第三周周六", "按自然周第三周周六"),
    ),
    _fixed("leifeng-day", 3, 5, "学雷锋纪念日", "学雷锋日"),
    _fixed("arbor-day", 3, 12, "植树节"),
    _fixed("water-day", 3, 22, "世界水日"),
    _fixed("earth-day", 4, 22, "世界地球日", "地球日"),
    _fixed("disaster-prevention-day", 5, 12, "全国防灾减灾日", "防灾减灾日"),
    _fixed("environment-day", 6, 5, "世界环境日", "环境日"),
    _fixed("anti-drug-day", 6, 26, "国际禁毒日", "禁毒日"),
    _fixed("charity-day", 9, 5, "中华慈善日", "慈善日"),
    _fixed("fire-day", 11, 9, "全国消防日", "消防日"),
    _fixed("volunteer-day", 12, 5, "国际志愿者日", "志愿者日"),
)
_BY_NAME = {alias.lower(): p for p in PRESETS for alias in (p.name, *p.aliases)}


@dataclass(frozen=True)
class Rule:
    name: str  # the preset's name, or the RRULE as given (normalised)
    rrule: str
    preset: Preset | None


def resolve(text: object) -> Rule:
    """A preset by name or alias, or an RRULE (``FREQ=…``, with or without ``RRULE:``)."""
    raw = clean(text)
    preset = _BY_NAME.get(raw.lower()) or _BY_NAME.get(compact(raw).lower())
    if preset is not None:
        return Rule(preset.name, preset.rrule, preset)
    body = compact(raw).upper()
    if body.startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if not body.startswith("FREQ=") and ";FREQ=" not in body:
        raise InvalidInput(
            "schedule.rule_unknown",
            hint="hint.schedule_rules",
            where=Where(field="rule"),
            value=raw,
            presets=", ".join(p.name for p in PRESETS),
        )
    parts = sorted(p for p in body.split(";") if p)
    return Rule(";".join(parts), ";".join(parts), None)


def rule_label(name: str) -> str:
    """A rule as the clerk names it: the preset's label, else the rule as written."""
    preset = _BY_NAME.get(name.lower())
    return preset.label if preset is not None else name


def dates(rule: Rule, first: date, last: date) -> list[date]:
    """The days ``rule`` gives from ``first`` to ``last`` inclusive (at most MAX_DATES)."""
    from dateutil.rrule import rrulestr

    check_period(first, last, field="to")
    freq = next((p.split("=", 1)[1] for p in rule.rrule.split(";") if p.startswith("FREQ=")), "")
    if freq not in ("YEARLY", "MONTHLY", "WEEKLY", "DAILY"):
        raise InvalidInput(
            "schedule.rule_frequency", where=Where(field="rule"), value=freq or rule.rrule
        )
    try:
        recurrence = rrulestr(rule.rrule, dtstart=datetime.combine(first, time()))
    except (ValueError, TypeError) as exc:
        raise InvalidInput(
            "schedule.rule_invalid", where=Where(field="rule"), value=rule.rrule, reason=str(exc)
        ) from None
    found: list[date] = []
    for moment in recurrence:
        day = moment.date()
        if day > last:
            break
        if day < first:
            continue
        found.append(day)
        if len(found) > MAX_DATES:
            raise InvalidInput("schedule.too_many", where=Where(field="rule"), limit=MAX_DATES)
    return found

"""Dates as people write them in sheets and at the terminal.

``parse_date`` accepts Excel dates (datetime objects or serial numbers), 1985.3, 1985年3月,
1985/03/01, 1985.3.1, 1985年3月1日, 1985-03, 19850301, full-width digits, and returns the date
with its precision, because 1985.3 says only the month: checks against an identity number
compare at the precision the sheet gave.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Literal, NamedTuple

from volctl.errors import InvalidInput, Where
from volctl.patterns import lazy_pattern
from volctl.text import compact

Precision = Literal["day", "month", "year"]
EXCEL_EPOCH = date(1899, 12, 30)
# No roster holds service from before volunteer registration existed: the earliest year a
# report, a commendation or an activity may name (the ledger's yearly totals start there too).
FIRST_YEAR = 1990
FIRST_DAY = date(FIRST_YEAR, 1, 1)


def check_year(year: int, today: date, *, ahead: int = 0) -> int:
    """A year given with --year: from FIRST_YEAR to this year (or ``ahead`` years later, for
    what is planned: holidays, the concentrated-days schedule). Every --year uses it."""
    last = today.year + ahead
    if not FIRST_YEAR <= year <= last:
        raise InvalidInput(
            "report.year_out_of_range",
            where=Where(field="year"),
            value=year,
            first=FIRST_YEAR,
            last=last,
        )
    return year


# A NamedTuple, not a dataclass: the dataclasses module and a class compiled at import cost
# every command that reads a date (register list shows ages).
class PartialDate(NamedTuple):
    value: date  # the first day of the period when precision is month or year
    precision: Precision

    def iso(self) -> str:
        if self.precision == "day":
            return self.value.isoformat()
        if self.precision == "month":
            return self.value.strftime("%Y-%m")
        return str(self.value.year)

    def agrees_with(self, other: date) -> bool:
        """True when ``other`` falls in the period this partial date names."""
        if self.precision == "day":
            return self.value == other
        if self.precision == "month":
            return (self.value.year, self.value.month) == (other.year, other.month)
        return self.value.year == other.year


# The time a day was written with, as a date cell turns into text (1985-03-01 00:00:00,
# 2025/3/1 8:37, 1985-03-01T00:00:00): the day is what counts.
_AT_TIME = lazy_pattern(
    r"(?:(?<=\d)(?:\s+|T)|(?<=日)\s*)\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?\s*$"
)
_ISO_DAY = lazy_pattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PATTERNS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (lazy_pattern(r"^(\d{4})(\d{2})(\d{2})$"), "day"),
    (lazy_pattern(r"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$"), "day"),
    (lazy_pattern(r"^(\d{4})[-./年](\d{1,2})月?$"), "month"),
    (lazy_pattern(r"^(\d{4})年?$"), "year"),
)


def parse_date(
    raw: object,
    *,
    where: Where | None = None,
    allow_partial: bool = True,
    code: str = "date_invalid",
) -> PartialDate | None:
    """Parse a date; ``None`` for an empty value; ``InvalidInput`` for a bad one."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return PartialDate(raw.date(), "day")
    if isinstance(raw, date):
        return PartialDate(raw, "day")
    if isinstance(raw, bool):
        raise InvalidInput(f"reason.{code}", where=where, value=str(raw))
    if isinstance(raw, int | float):
        return _from_number(raw, where, code)
    if isinstance(raw, str) and len(raw) == 10 and _ISO_DAY.fullmatch(raw):
        # 1985-03-01, the commonest spelling: what the patterns below read it as.
        try:
            day = date(int(raw[:4]), int(raw[5:7]), int(raw[8:]))
        except ValueError:
            day = None  # refused below, in the same words
        if day is not None and day.year >= 1900:
            return PartialDate(day, "day")
    if isinstance(raw, str) and ":" not in raw and "：" not in raw:
        text = compact(raw).lstrip("'")  # no time of day in it (_AT_TIME needs a colon)
    else:
        text = compact(_AT_TIME.sub("", raw) if isinstance(raw, str) else raw).lstrip("'")
    if not text:
        return None
    for pattern, precision in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        parts = [int(g) for g in m.groups()]
        while len(parts) < 3:
            parts.append(1)
        try:
            value = date(parts[0], parts[1], parts[2])
        except ValueError:
            break
        if value.year < 1900:
            break
        if precision != "day" and not allow_partial:
            raise InvalidInput("reason.date_needs_day", where=where, value=text)
        return PartialDate(value, precision)
    raise InvalidInput(f"reason.{code}", where=where, value=text)


def _from_number(raw: float, where: Where | None, code: str) -> PartialDate:
    """A number in a date column: a year, 1985.3 typed into Excel, 19850301, or a serial."""
    if float(raw).is_integer():
        number = int(raw)
        if 1900 <= number <= 2100:
            return PartialDate(date(number, 1, 1), "year")
        if 19000101 <= number <= 21001231:
            parsed = parse_date(str(number), where=where, code=code)
            assert parsed is not None
            return parsed
        return PartialDate(_from_serial(number, where, code), "day")
    if 1900 <= raw < 2101:
        text = f"{raw:.2f}".rstrip("0")
        year, month = text.split(".")
        if not 1 <= int(month) <= 12:
            raise InvalidInput(f"reason.{code}", where=where, value=text)
        # Excel drops the trailing zero of 1985.10: "1985.1" may be January or October,
        # so only the year is certain.
        precision: Precision = "year" if month == "1" else "month"
        return PartialDate(date(int(year), int(month), 1), precision)
    return PartialDate(_from_serial(raw, where, code), "day")


def _from_serial(serial: float, where: Where | None, code: str) -> date:
    # Excel serials: 1 = 1900-01-01 (with the 1900 leap-year bug, hence the 1899-12-30 epoch).
    if not 1 <= serial < 2958466:
        raise InvalidInput(f"reason.{code}", where=where, value=str(serial))
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_day(raw: object, *, where: Where | None = None) -> date:
    """A full date (day precision) or ``InvalidInput``; empty is an error too."""
    parsed = parse_date(raw, where=where, allow_partial=False)
    if parsed is None:
        raise InvalidInput("reason.date_missing", where=where)
    return parsed.value


_TIME = lazy_pattern(r"^(\d{1,2})[:：时点.](\d{2})(?:[:：分](\d{2}))?分?$")


def parse_time(raw: object, *, where: Where | None = None) -> time | None:
    """08:30, 8:30, 8点30, 8时30分, an Excel time (datetime.time or a day fraction)."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.time().replace(second=0, microsecond=0)
    if isinstance(raw, time):
        return raw.replace(second=0, microsecond=0)
    if isinstance(raw, float) and 0 <= raw < 1:
        minutes = round(raw * 24 * 60)
        return time(minutes // 60 % 24, minutes % 60)
    text = compact(raw).lstrip("'")
    if not text:
        return None
    m = _TIME.match(text)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise InvalidInput("reason.time_invalid", where=where, value=text)


def check_not_too_early(day: date, where: Where) -> date:
    """Refuse a day before ``FIRST_DAY`` (an activity in 1985 is a typo for 2025)."""
    if day < FIRST_DAY:
        raise InvalidInput(
            "reason.date_too_early",
            where=where,
            value=day.isoformat(),
            first=FIRST_DAY.isoformat(),
        )
    return day


def check_period(first: date | None, last: date | None, *, field: str = "date_to") -> None:
    """The one check of a ``--from``/``--to`` pair: the first day may not be after the last.

    Every command that takes a period (listings, reports, exports, schedules) calls this, so
    a reversed period is refused the same way everywhere; ``field`` names the ``--to`` option.
    """
    if first is not None and last is not None and first > last:
        raise InvalidInput(
            "reason.period_reversed",
            where=Where(field=field),
            first=first.isoformat(),
            last=last.isoformat(),
        )


_ISO_DAYS: dict[date, str] = {}
_ISO_DAYS_LIMIT = 50_000


def iso_day(day: date) -> str:
    """``day.isoformat()``, remembered (a sheet's rows share their registration day and, in
    thousands, their birthdays; ``isoformat`` formats through C's printf each time). A
    datetime is never equal to a date, so each keeps its own text."""
    try:
        return _ISO_DAYS[day]
    except KeyError:
        if len(_ISO_DAYS) >= _ISO_DAYS_LIMIT:
            _ISO_DAYS.clear()
        text = _ISO_DAYS[day] = day.isoformat()
        return text


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def clock(stamp: object) -> str:
    """A stored time stamp (ISO 8601 with its UTC offset) as the clerk reads it: in local time,
    to the minute (2026-11-23 16:43). JSON keeps the stamp as stored."""
    if stamp is None or stamp == "":
        return ""
    text = str(stamp)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")

"""Service time as people write it: decimal hours, clock times, attendance.

``parse_hours`` turns 2.5 (or 2小时) into whole minutes; ``parse_clock`` reads a time of day
typed at the terminal or held by a sign-in sheet cell; ``parse_attendance`` reads
present/late/early-leave/leave/absent or 出勤/迟到/早退/请假/缺席. Each refuses with a
stable reason code.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from volctl.dates import parse_time
from volctl.errors import InvalidInput, Where
from volctl.text import clean, compact, plain_decimal

ATTENDANCE = ("present", "late", "early_leave", "leave", "absent")
ZERO_TIME = frozenset({"leave", "absent"})  # recorded with zero minutes
MAX_MINUTES = 24 * 60


def parse_hours(raw: object, *, where: Where | None = None) -> int:
    """Decimal hours as typed (2.5, 2, 1.75, 2小时, 2h) to whole minutes, above 0, at most 24 h."""
    text = compact(raw).lower()
    for suffix in ("小时", "hours", "hour", "hrs", "h"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    # Plain digits only: Decimal() alone would also take 1_5 (15), NaN and 1E+3.
    value = plain_decimal(text)
    if value is None:
        raise InvalidInput("hours.reason.hours_invalid", where=where, value=compact(raw))
    if value > 24:  # compared before any arithmetic: 1E+999999 is a valid Decimal
        raise InvalidInput("hours.reason.hours_over_24", where=where, value=compact(raw))
    minutes = int((value * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP)) if value > 0 else 0
    if minutes <= 0:
        raise InvalidInput("hours.reason.hours_not_positive", where=where, value=compact(raw))
    if minutes > MAX_MINUTES:
        raise InvalidInput("hours.reason.hours_over_24", where=where, value=compact(raw))
    return minutes


def parse_attendance(raw: object, *, where: Where | None = None) -> str:
    """present|late|early-leave|leave|absent, 出勤/迟到/早退/请假/缺席, or an alias
    (``volctl.values``)."""
    from volctl import values

    key = "hours.reason.attendance_unknown"
    found = values.parse("attendance", clean(raw), key, where=where)
    if found is None:
        raise InvalidInput(key, where=where, value="", choices=values.choices("attendance"))
    return found


_CN_TIME = re.compile(
    r"^(?P<part>上午|早上|早晨|中午|下午|晚上)?(?P<hour>\d{1,2})(?:[点时:：.](?P<minute>\d{2}|半)?分?)?$"
)


def parse_clock(raw: object, *, where: Where | None = None) -> time | None:
    """A time of day as typed or as a sheet holds it: an Excel time or datetime, a duration
    cell, a number (8.3 is 8.30 typed into a number cell), or text: everything
    ``volctl.dates.parse_time`` reads (08:30, 8:30, 8点30, 8时30分) and 8点半, 8点, 下午2点."""
    if raw is None:
        return None
    if isinstance(raw, timedelta):
        seconds = int(raw.total_seconds())
        if 0 <= seconds < 24 * 3600:
            return time(seconds // 3600, seconds % 3600 // 60)
        raise InvalidInput("reason.time_invalid", where=where, value=str(raw))
    if isinstance(raw, datetime | time):
        return parse_time(raw, where=where)
    if isinstance(raw, bool):
        raise InvalidInput("reason.time_invalid", where=where, value=str(raw))
    if isinstance(raw, int | float):
        if 0 <= raw < 1:
            return parse_time(float(raw), where=where)
        if 1 <= raw < 24:
            text = f"{raw:.2f}"
            hour, minute = (int(part) for part in text.split("."))
            if minute < 60:
                return time(hour, minute)
        raise InvalidInput("reason.time_invalid", where=where, value=f"{raw:g}")
    text = compact(raw).lstrip("'")
    if not text:
        return None
    m = _CN_TIME.match(text)
    if m:
        hour = int(m.group("hour"))
        minute_text = m.group("minute")
        minute = 30 if minute_text == "半" else int(minute_text or 0)
        if m.group("part") in ("下午", "晚上") and hour < 12:
            hour += 12
        if m.group("part") == "中午" and hour < 6:
            hour += 12
        if hour < 24 and minute < 60:
            return time(hour, minute)
        raise InvalidInput("reason.time_invalid", where=where, value=text)
    return parse_time(text, where=where)

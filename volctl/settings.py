"""Per-roster settings: organisation, numbering, recorder, the yearly target, star thresholds."""

import re
import sqlite3
from collections.abc import Callable
from typing import Any, NamedTuple

from volctl import audit
from volctl.errors import InvalidInput, NotFound, Where


def _text(value: str) -> str:
    """Kept as typed (an organisation's name is printed on forms with its full-width
    brackets), only bounded."""
    from volctl.text import SHORT_TEXT  # here: reading a setting needs none of volctl.text

    text = value.strip()
    if len(text) > SHORT_TEXT:
        raise InvalidInput("reason.too_long", where=Where(field="value"), limit=SHORT_TEXT)
    return text


def _prefix(value: str) -> str:
    value = value.strip()
    if not re.fullmatch(r"[A-Za-z0-9\-]{0,12}", value):
        raise InvalidInput("settings.bad_prefix", value=value)
    return value


def _region(value: str) -> str:
    value = value.strip()
    if value and not re.fullmatch(r"\d{6}", value):
        raise InvalidInput("settings.bad_region", value=value)
    return value


def _positive_number(value: str) -> float:
    from volctl.text import plain_decimal

    given = plain_decimal(value)  # not float(): it takes 1_000, nan, inf and 1e3
    if given is None:
        raise InvalidInput("settings.bad_number", value=value)
    if not 0 < given <= 10000:
        raise InvalidInput("settings.number_out_of_range", value=value, limit=10000)
    number = float(given)
    return int(number) if number.is_integer() else number


def _thresholds(value: str) -> list[int]:
    from volctl.text import plain_whole

    given = [plain_whole(x) for x in re.split(r"[,，\s]+", value.strip()) if x]
    numbers = [n for n in given if n is not None]
    if len(numbers) != len(given):
        raise InvalidInput("settings.bad_thresholds", value=value)
    if len(numbers) != 5 or numbers != sorted(set(numbers)) or numbers[0] <= 0:
        raise InvalidInput("settings.bad_thresholds", value=value)
    return numbers


class Setting(NamedTuple):  # not a dataclass: compiled at import, on every command
    key: str
    default: Any
    parse: Callable[[str], Any]


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("org_name", "", _text),  # 组织名称 / 填报单位
        Setting("region_code", "", _region),  # 行政区划代码
        Setting("volunteer_no_prefix", "V", _prefix),
        Setting("recorder", "", _text),  # default recorder of service records
        Setting("responsible_person", "", _text),  # 负责人, printed on certificates
        Setting("contact_person", "", _text),  # 经办人
        Setting("contact_phone", "", _text),
        Setting("target_hours", 48, _positive_number),  # seed 004: 48 h a year
        # Common civil-affairs scheme; Beijing uses 100,200,500,800,1000.
        Setting("star_thresholds", [100, 300, 600, 1000, 1500], _thresholds),
        # volctl status asks for a backup when the last one is older than this many days.
        Setting("backup_days", 7, _positive_number),
    )
}


def loads(text: str) -> Any:
    """A stored setting's value, as ``json.loads`` reads it; a plain string or whole number
    read directly (``volctl info`` and ``settings`` need not import json, ~1 ms; held to
    ``json.loads`` by tests/test_startup.py)."""
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        inner = text[1:-1]
        if '"' not in inner and "\\" not in inner and inner.isprintable():
            return inner
    elif text.isascii() and text.isdigit() and (text[0] != "0" or text == "0"):
        return int(text)
    import json

    return json.loads(text)


def get(conn: sqlite3.Connection, key: str) -> Any:
    spec = SETTINGS[key]
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return spec.default if row is None else loads(row[0])


def get_all(conn: sqlite3.Connection) -> dict[str, Any]:
    stored = {row[0]: loads(row[1]) for row in conn.execute("SELECT key, value FROM settings")}
    return {key: stored.get(key, spec.default) for key, spec in SETTINGS.items()}


def set_value(conn: sqlite3.Connection, key: str, raw: str) -> Any:
    """Parse and store one setting (inside the caller's transaction), with an audit entry."""
    spec = SETTINGS.get(key)
    if spec is None:
        raise NotFound("settings.unknown", key=key, keys=", ".join(SETTINGS))
    try:
        value = spec.parse(raw)
    except InvalidInput as error:
        error.where = Where(field=key)  # the message names the setting, not "value"
        raise
    old = get(conn, key)
    import json

    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )
    audit.record(conn, "settings.set", "settings", None, key=key, old=old, new=value)
    return value

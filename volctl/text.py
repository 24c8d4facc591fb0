"""Cleaning of free text as it arrives from sheets and terminals."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from volctl.errors import InvalidInput, Where

if TYPE_CHECKING:
    from decimal import Decimal  # imported where used: ~1 ms at start-up

# Spaces of every kind that turn up in Chinese sheets: ideographic, no-break, thin, tabs.
_SPACES = re.compile(r"[\s\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]+")
# Characters that only confuse: zero-width and bidirectional controls.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def halfwidth(value: str) -> str:
    """Full-width digits and letters to ASCII (０１２ＡＢ to 012AB), keeping CJK as is."""
    return unicodedata.normalize("NFKC", value)


# Numbers as people type them: digits, at most one decimal point, an optional minus. Python's
# own float()/int()/Decimal() also take 1_000, nan, inf and 1e3, which no clerk means.
# At most 30 digits: no count, year or hour a clerk types is longer, and Python refuses to
# turn more than 4,300 digits into a number at all.
_PLAIN_DECIMAL = re.compile(r"-?(?:[0-9]{1,30}(?:\.[0-9]{0,30})?|\.[0-9]{1,30})")
_PLAIN_WHOLE = re.compile(r"-?[0-9]{1,30}")


def plain_decimal(value: object) -> Decimal | None:
    """``value`` as a number when it is written as plain decimal digits (full-width digits and
    surrounding spaces allowed): 2, 2.5, .5, -1; ``None`` for anything else (1_5, nan, 1e3)."""
    from decimal import Decimal

    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value)) if value == value and abs(value) != float("inf") else None
    text = halfwidth(str(value)).strip()
    return Decimal(text) if _PLAIN_DECIMAL.fullmatch(text) else None


def plain_whole(value: object) -> int | None:
    """``value`` as a whole number written as plain digits (optional minus); else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = halfwidth(str(value)).strip()
    return int(text) if _PLAIN_WHOLE.fullmatch(text) else None


def clean(value: object) -> str:
    """One line of text: NFKC, invisible and control characters removed, spaces collapsed."""
    if value is None:
        return ""
    return _clean_text(value if isinstance(value, str) else str(value))


def compact(value: object) -> str:
    """Like :func:`clean` but with every space removed (for numbers and codes)."""
    if value is None:
        return ""
    return _compact_text(value if isinstance(value, str) else str(value))


# Cached: a sheet of thousands of rows repeats the same genders, units, dates and lists.
@functools.lru_cache(maxsize=65536)
def _clean_text(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = halfwidth(text)
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=65536)
def _compact_text(text: str) -> str:
    return _SPACES.sub("", _clean_text(text))


_LIST_SEPARATORS = re.compile(r"[、,，;；/|\n]+")


def split_list(value: object) -> list[str]:
    """Split a list typed as 环境保护、助老服务 / a,b / a;b into clean items, keeping order."""
    text = clean(value)
    if not text:
        return []
    items = _LIST_SEPARATORS.split(text)
    seen: dict[str, None] = {}
    for item in items:
        item = item.strip()
        if item:
            seen.setdefault(item, None)
    return list(seen)


def mask_text(value: str | None, keep: int = 1) -> str | None:
    """Keep the first ``keep`` characters of a personal text (name, address), hide the rest."""
    if not value:
        return value
    if len(value) <= keep:
        return value[0] + "*"
    return value[:keep] + "*" * min(len(value) - keep, 6)


# How long a typed text may be: a name or title fits a form's cell, a reason a line or two,
# notes a paragraph. One set of limits for every command.
SHORT_TEXT = 100
TEXT = 200
NOTES_TEXT = 2000


def bounded(
    value: object,
    field: str,
    limit: int = TEXT,
    *,
    where: Where | None = None,
    missing: str | None = None,
) -> str | None:
    """``value`` cleaned, or None when empty (refused with the key ``missing`` when given);
    refused when longer than ``limit`` characters. ``where`` defaults to the ``field``."""
    text = clean(value)
    place = where if where is not None else Where(field=field)
    if not text:
        if missing:
            raise InvalidInput(missing, where=place)
        return None
    if len(text) > limit:
        raise InvalidInput("reason.too_long", where=place, limit=limit)
    return text

"""``register list --search``: finding a volunteer by whatever the clerk remembers.

One query text is tried against each volunteer as:

- their volunteer number, name, employer, area or notes (a part of any of them);
- each of their skills and service intentions (the items, never the stored JSON, so ``"`` or
  ``,`` match only a skill that holds one);
- a phone, when the query is a number (``13957301234``, ``139-5730-1234``, ``+86 139…`` or
  the last digits, at least four);
- an identity number, whole or its last digits (at least four; ``x`` for ``X``);
- the pinyin initials of their name, when the query is letters only (``wxy`` finds 王秀英, and
  ``wx`` too: the initials from the first character on). Initials come from ``pypinyin``,
  imported only for such a query; a character with several readings (单: dan, shan) matches
  any of them.

The query is plain text: ``%`` and ``_`` are characters like any other (the old SQL ``LIKE``
read them as wildcards and matched everyone).

Text is compared through :func:`key` alone, the one normalisation of matching (full-width to
half-width, case, spaces), so a stored normalised key can take its place in one spot.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from volctl.text import compact

# Free-text columns searched for a part of the query.
TEXT_FIELDS = ("volunteer_no", "name", "employer", "area", "notes")
LIST_FIELDS = ("skills", "intentions")
MIN_DIGITS = 4  # the last digits of a phone or identity number: fewer would match everyone
MIN_INITIALS = 2
_NUMBER = re.compile(r"\+?[\d\s\-()（）]+")
_LETTERS = re.compile(r"[a-z]+")


def key(value: object) -> str:
    """The form text is compared in: full-width to half-width, no spaces, case folded."""
    return compact(value).casefold()


@dataclass(frozen=True)
class Query:
    text: str  # key() of the query
    digits: str | None  # the query read as a phone or identity number, when it is one
    initials: str | None  # the query read as pinyin initials, when it is letters only


def parse(query: str) -> Query:
    text = key(query)
    digits = None
    raw = compact(query)
    if _NUMBER.fullmatch(raw) or re.fullmatch(r"\d{17}[xX]", raw):
        digits = re.sub(r"[^\dxX]", "", raw).upper()
        if raw.startswith("+86"):
            digits = digits[2:]
    initials = text if _LETTERS.fullmatch(text) and len(text) >= MIN_INITIALS else None
    return Query(text, digits, initials)


def _phone_digits(phone: str | None) -> tuple[str, ...]:
    """The ways a stored phone (``+8613957301234``, ``+8657385012345``) is written at home."""
    if not phone:
        return ()
    national = phone[3:] if phone.startswith("+86") else phone.lstrip("+")
    return (national, "0" + national)


def _by_number(query: Query, row: Mapping[str, Any]) -> bool:
    digits = query.digits
    if not digits or len(digits) < MIN_DIGITS:
        return False
    ident = (row["id_number"] or "").upper()
    if ident and (ident == digits or ident.endswith(digits)):
        return True
    return "X" not in digits and any(digits in p for p in _phone_digits(row["phone"]))


@functools.lru_cache(maxsize=8192)
def _initials(ch: str) -> frozenset[str]:
    """The first letters of a character's readings (pypinyin, imported on first use)."""
    if ch.isascii():
        return frozenset({ch.casefold()})
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
    return frozenset(r.casefold() for r in (readings[0] if readings else ()) if r)


def _by_initials(letters: str, name: str | None) -> bool:
    chars = key(name)
    if len(chars) < len(letters):
        return False
    return all(letter in _initials(ch) for letter, ch in zip(letters, chars, strict=False))


def _items(value: object) -> Iterable[str]:
    if isinstance(value, str):
        try:
            decoded = json.loads(value)
        except ValueError:
            return (value,)
        return [str(item) for item in decoded] if isinstance(decoded, list) else (value,)
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return ()


def matches(query: Query, row: Mapping[str, Any]) -> bool:
    """Whether the volunteer ``row`` (a ``volunteers`` row) answers ``query``."""
    text = query.text
    if not text:
        return True
    if any(text in key(row[f]) for f in TEXT_FIELDS if row[f]):
        return True
    if any(text in key(item) for f in LIST_FIELDS for item in _items(row[f])):
        return True
    if _by_number(query, row):
        return True
    return query.initials is not None and _by_initials(query.initials, row["name"])


def select(rows: Sequence[Any], query: str) -> list[Any]:
    """The rows that answer ``query``, in their order."""
    parsed = parse(query)
    return [row for row in rows if matches(parsed, row)]

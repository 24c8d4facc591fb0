"""Cleaning of free text as it arrives from sheets and terminals.

Two forms of one text: ``typed`` is what is stored and printed, the text as the clerk typed it
(full-width （）：， kept; only invisible characters, control characters and runs of spaces
are tidied); ``clean`` (also ``fold``) is what is compared: NFKC, so that 「平湖市实验小学（教师）」
and 「平湖市实验小学(教师)」 are the same name. Identity numbers, phones, dates and codes are read
through ``clean``/``compact``: they are codes, not text. Lookups of stored text compare folded
forms; SQL can call ``fold(column)`` on every connection ``volctl.db`` opens.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING

from volctl.errors import InvalidInput, Where
from volctl.patterns import lazy_pattern

if TYPE_CHECKING:
    from decimal import Decimal  # imported where used: ~1 ms at start-up


# Compiled when first used: most commands use few of these or none (volctl.patterns).
# Spaces of every kind that turn up in Chinese sheets: ideographic, no-break, thin, tabs.
_SPACES = lazy_pattern(r"[\s\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]+")
# Characters that only confuse: zero-width and bidirectional controls.
_INVISIBLE = lazy_pattern(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_CONTROL = lazy_pattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Numbers as people type them: digits, at most one decimal point, an optional minus. Python's
# own float()/int()/Decimal() also take 1_000, nan, inf and 1e3, which no clerk means.
# At most 30 digits: no count, year or hour a clerk types is longer, and Python refuses to
# turn more than 4,300 digits into a number at all.
_PLAIN_DECIMAL = lazy_pattern(r"-?(?:[0-9]{1,30}(?:\.[0-9]{0,30})?|\.[0-9]{1,30})")
_PLAIN_WHOLE = lazy_pattern(r"-?[0-9]{1,30}")
# Between the items of a list as people type them, and as online forms join multiple choices
# (┋ from wjx.cn, ; and | from others).
_LIST_SEPARATORS = lazy_pattern(r"[、,，;；/|｜┋¦\n]+")


def halfwidth(value: str) -> str:
    """Full-width digits and letters to ASCII (０１２ＡＢ to 012AB), keeping CJK as is."""
    return unicodedata.normalize("NFKC", value)


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
    if type(value) is str:
        if _tidy(value) and _is_nfkc("NFKC", value):
            return value
        if value.isascii() and value.isprintable():
            return " ".join(value.split())  # printable ASCII tidied (see above _tidy)
    return _clean_text(value if isinstance(value, str) else str(value))


def typed(value: object) -> str:
    """One line of text as typed: invisible and control characters removed, runs of spaces
    (ideographic ones too) made one space, the ends trimmed; full-width punctuation kept."""
    if value is None:
        return ""
    if type(value) is str:
        if _tidy(value):
            return value
        if value.isascii() and value.isprintable():
            return " ".join(value.split())  # printable ASCII tidied (see above _tidy)
    return _typed_text(value if isinstance(value, str) else str(value))


_is_nfkc = unicodedata.is_normalized


# Printable ASCII (a phone typed "+86 138…", a spaced identity number) is tidied without the
# regular expressions or the caches, which such unique texts only churn: its one space
# character is the only one the tidying steps touch, NFKC leaves it as it is, so tidied it is
# its words joined by one space (``str.split`` splits at nothing else printable), and compacted
# it is the text without its spaces. Held to the tidying steps by tests/test_text_as_typed.py.


def _tidy(text: str) -> bool:
    """Whether tidying leaves ``text`` as it is (most cells of a sheet), found without the
    regular expressions: every character they remove or change is unprintable
    (``str.isprintable``) except the ASCII space, so a printable text is tidy when no two
    spaces stand together and none begins or ends it."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def fold(value: object) -> str:
    """The form texts are compared in (matching, lookups, searching): :func:`clean`. Stored
    texts written before volctl kept them as typed were stored in this form already, so a
    folded lookup finds old and new entries alike."""
    return clean(value)


def same_text(a: object, b: object) -> bool:
    """Whether two texts are the same once folded: 「东湖（一）队」 and 「东湖(一)队」 are."""
    return clean(a) == clean(b)


def compact(value: object) -> str:
    """Like :func:`clean` but with every space removed (for numbers and codes)."""
    if value is None:
        return ""
    if type(value) is str and value.isprintable():
        if " " not in value and _is_nfkc("NFKC", value):
            return value
        if value.isascii():
            return value.replace(" ", "")  # printable ASCII compacted (see above _tidy)
    return _compact_text(value if isinstance(value, str) else str(value))


# Cached: a sheet of thousands of rows repeats the same genders, units, dates and lists.
@functools.lru_cache(maxsize=65536)
def _clean_text(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = halfwidth(text)
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=65536)
def _typed_text(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=65536)
def _compact_text(text: str) -> str:
    return _SPACES.sub("", _clean_text(text))


def split_list(value: object) -> list[str]:
    """Split a list typed as 环境保护、助老服务 / a,b / a;b / a┋b into items as typed, keeping
    order; an item repeated (in any width) is kept once."""
    if value is None:
        return []
    return list(_split_text(value if isinstance(value, str) else str(value)))


@functools.lru_cache(maxsize=4096)  # a sheet's lists repeat: the same few choices
def _split_text(raw: str) -> tuple[str, ...]:
    text = _typed_text(_CONTROL.sub(" ", raw.replace("\n", "、")))
    seen: dict[str, str] = {}
    for item in _LIST_SEPARATORS.split(text):
        item = item.strip()
        if item:
            seen.setdefault(clean(item), item)
    return tuple(seen.values())


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
    """``value`` as typed (:func:`typed`), or None when empty (refused with the key ``missing``
    when given); refused when longer than ``limit`` characters. ``where`` defaults to the
    ``field``."""
    text = typed(value)
    place = where if where is not None else Where(field=field)
    if not text:
        if missing:
            raise InvalidInput(missing, where=place)
        return None
    if len(text) > limit:
        raise InvalidInput("reason.too_long", where=place, limit=limit)
    return text

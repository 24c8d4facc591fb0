"""Identity numbers and phones: normalise, validate, mask. Used everywhere.

Resident identity numbers (GB 11643-1999) are checked on length, format, the ISO 7064
MOD 11-2 check character and a real birth date. The region code is *not* a reason to
refuse (see DOMAIN.md: codes created after the holder's birth are real), only a warning.
Each refusal raises :class:`InvalidInput` with the key ``reason.<code>``, the same stable
reason codes the sheet import reports.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date

from volctl import lookup
from volctl.codes import FOREIGN_PERMANENT, RESIDENT_ID
from volctl.errors import InvalidInput, Where
from volctl.masking import EXTENSION
from volctl.patterns import lazy_pattern
from volctl.text import clean, compact

# Types whose numbers follow GB 11643 (18 characters, MOD 11-2).
_GB11643_TYPES = {RESIDENT_ID, "港澳台居民居住证"}
# Residence permits of Hong Kong, Macau and Taiwan residents carry these "region" codes.
_PERMIT_REGIONS = {"810000": "香港特别行政区", "820000": "澳门特别行政区", "830000": "台湾地区"}
# The 2023 foreign permanent-resident card: 9, the issuing province (2), the nationality (3),
# the birth date (8), a sequence (3, odd for men) and GB 11643's check character.
_FOREIGN_2023 = lazy_pattern(
    r"9(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5])\d{14}[\dX]"  # a mainland province issues it
)


@dataclass(frozen=True)
class IdNumber:
    """A checked identity number with what it tells about its holder."""

    number: str
    birth_date: date | None = None
    gender: str | None = None  # 男 / 女
    region: str | None = None
    warnings: tuple[str, ...] = field(default=())
    kind: str | None = None  # the document the number turned out to be, when not the one given


_SCIENTIFIC = lazy_pattern(r"^\d(\.\d+)?[eE][+]?\d+$")
_GB11643 = re.compile(r"\d{17}[\dX]")
_PLAIN_ID = re.compile(r"[0-9]{17}[0-9Xx]")  # ASCII only: full-width digits are tidied first
_OTHER_DOCUMENT = lazy_pattern(r"[A-Z0-9]{5,20}")
_SEPARATORS = re.compile(r"[-‐－—_]")


def _is_mangled_number(raw: object) -> bool:
    """An 18-digit number that went through a spreadsheet as a number has lost digits; one
    of 15 digits (the first-generation number) is held exactly by a spreadsheet's number."""
    if isinstance(raw, bool):
        return False
    if isinstance(raw, float):
        return abs(raw) >= 1e15 or (abs(raw) >= 1e14 and not raw.is_integer())
    if isinstance(raw, int):
        return raw >= 10**16
    return False


# A CSV cell written as a formula to keep it text: ="330482198501010011" (Excel's own trick,
# and what many systems' exports write for long numbers).
_FORMULA_TEXT = lazy_pattern(r'^\s*=\s*"(.*)"\s*$', re.DOTALL)


def excel_text(value: object) -> object:
    """``="…"`` -> the text inside; any other value as it is."""
    if isinstance(value, str) and value[:1] in ("=", " ") and (m := _FORMULA_TEXT.match(value)):
        return m.group(1)
    return value


def _clean_id_text(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = compact(excel_text(raw))
    text = text.lstrip("'‘’`")
    return _SEPARATORS.sub("", text).upper()


def parse_id_number(
    raw: object,
    kind: str = RESIDENT_ID,
    *,
    today: date | None = None,
    where: Where | None = None,
) -> IdNumber:
    """Normalise and check an identity number; raise ``InvalidInput`` with a reason code."""
    if type(raw) is str and kind == RESIDENT_ID and len(raw) == 18:
        fast = _plain_resident(raw, today or date.today())
        if fast is not None:
            return fast
    if isinstance(raw, str) and _PLAIN_ID.fullmatch(raw):  # typed cleanly: nothing to tidy
        return _checked_id(raw.upper(), kind, today, where)
    if raw is None or (isinstance(raw, str) and not clean(raw)):
        raise InvalidInput("reason.missing_id_number", where=where)
    if _is_mangled_number(raw):
        raise InvalidInput(
            "reason.id_number_mangled_by_excel",
            hint="hint.id_number_mangled_by_excel",
            where=where,
            value=_show_float(raw),
        )
    text = _clean_id_text(raw)
    if "*" in text:  # copied from a masked list or form
        raise InvalidInput("reason.id_number_masked", hint="hint.id_number_masked", where=where)
    if _SCIENTIFIC.match(text):
        raise InvalidInput(
            "reason.id_number_mangled_by_excel",
            hint="hint.id_number_mangled_by_excel",
            where=where,
            value=text,
        )
    return _checked_id(text, kind, today, where)


def _plain_resident(raw: str, today: date) -> IdNumber | None:
    """A resident identity number typed cleanly that passes every check: what
    ``_checked_id(raw.upper(), RESIDENT_ID, …)`` gives it, found in one pass (most rows of a
    sheet); None for anything else (a refusal, a foreign permanent resident's card), which
    the general path reads, raising its own refusal. Held to it by tests/test_fast_paths.py."""
    if not _PLAIN_ID.fullmatch(raw) or raw[0] == "9":
        return None
    text = raw.upper() if raw[17] == "x" else raw
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None
    if born > today or born.year < 1900 or _check_digit(text) != text[17]:
        return None
    region = region_name(text[:6])
    warnings = () if region else ("warning.region_unknown",)
    return _id_number(text, born, "男" if int(text[16]) % 2 else "女", region, warnings, None)


def _checked_id(text: str, kind: str, today: date | None, where: Where | None) -> IdNumber:
    if kind == FOREIGN_PERMANENT and _FOREIGN_2023.fullmatch(text):
        return _parse_gb11643(text, today=today or date.today(), where=where)
    if kind not in _GB11643_TYPES:
        if not _OTHER_DOCUMENT.fullmatch(text):
            raise InvalidInput("reason.id_number_format_other", where=where, kind=kind)
        return IdNumber(number=text)
    parsed = _parse_gb11643(text, today=today or date.today(), where=where)
    if parsed.kind is None or kind == RESIDENT_ID:
        return parsed  # (a foreign permanent resident's card in the identity-number column)
    return replace(parsed, kind=None)


def _show_float(raw: object) -> str:
    return f"{raw:.6g}" if isinstance(raw, float) else str(raw)


def _parse_gb11643(text: str, *, today: date, where: Where | None) -> IdNumber:
    if len(text) == 15 and text.isdigit():
        try:  # the first-generation number: 6-digit region, YYMMDD, 3-digit sequence
            date(1900 + int(text[6:8]), int(text[8:10]), int(text[10:12]))
        except ValueError:
            error = InvalidInput("reason.id_number_15_birth_date", where=where, value=text[6:12])
            error.code = "id_number_birth_date"
            raise error from None
        raise InvalidInput("reason.id_number_format_15", where=where)
    if not _GB11643.fullmatch(text):
        if len(text) == 18:  # the right length, a wrong character: say which
            position = next(
                i for i, c in enumerate(text, 1) if not (c.isascii() and c.isdigit()) or i == 18
            )
            error = InvalidInput(
                "reason.id_number_characters",
                where=where,
                position=position,
                char=text[position - 1],
            )
            error.code = "id_number_format"  # the same refusal, a more precise message
            raise error
        raise InvalidInput("reason.id_number_format", where=where, length=len(text))
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InvalidInput("reason.id_number_birth_date", where=where, value=text[6:14]) from None
    if born > today:
        raise InvalidInput("reason.id_number_birth_date", where=where, value=text[6:14])
    if born.year < 1900:
        # GB 11643's own example (440524188001010014) is born in 1880: a real number,
        # not a volunteer's. The same refusal, said as it is.
        error = InvalidInput("reason.id_number_born_before_1900", where=where, value=text[6:14])
        error.code = "id_number_birth_date"
        raise error
    if _check_digit(text) != text[17]:
        # A number that went through Excel as a number and back to text ends in zeros.
        if text.endswith("000"):
            raise InvalidInput(
                "reason.id_number_mangled_by_excel",
                hint="hint.id_number_mangled_by_excel",
                where=where,
                value=text,
            )
        raise InvalidInput("reason.id_number_checksum", where=where)
    foreign = text[0] == "9" and _FOREIGN_2023.fullmatch(text) is not None
    region = None if foreign else region_name(text[:6])
    warnings = () if region or foreign else ("warning.region_unknown",)
    return _id_number(
        text, born, "男" if int(text[16]) % 2 else "女", region, warnings,
        FOREIGN_PERMANENT if foreign else None,
    )  # fmt: skip


def _id_number(
    number: str,
    birth_date: date,
    gender: str,
    region: str | None,
    warnings: tuple[str, ...],
    kind: str | None,
) -> IdNumber:
    """``IdNumber(number=…, …, kind=…)`` with its fields set at once: a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__`` (~1.5 µs of a sheet row's
    ~20). The same object: equal, same hash and repr (tests/test_fast_paths.py)."""
    made = _new(IdNumber)
    made.__dict__.update(
        number=number,
        birth_date=birth_date,
        gender=gender,
        region=region,
        warnings=warnings,
        kind=kind,
    )
    return made


_new = object.__new__


def _check_digit(text: str) -> str:
    """GB 11643's check character (ISO 7064 MOD 11-2) of an 18-character number, computed as
    python-stdnum computes it (``stdnum.cn.ric.calc_check_digit``; held to it by
    tests/test_lookup.py): the weights 2**(17-i) mod 11 are the digits read in base 13."""
    checksum = (1 - 2 * int(text[:-1], 13)) % 11
    return "X" if checksum == 10 else str(checksum)


@functools.lru_cache(maxsize=4096)
def region_name(code: str) -> str | None:
    """The place a region code names (any period of its history), or None if unknown.

    Cached: a sheet's people come from a handful of regions, and the lookup walks
    python-stdnum's table (~50 µs a call), kept by :mod:`volctl.lookup`.
    """
    if code in _PERMIT_REGIONS:
        return _PERMIT_REGIONS[code]
    info: dict[str, str] = {}
    for _part, props in lookup.region_info(code):
        info.update(props)
    if not info:
        return None
    counties = [c.split("]", 1)[-1] for c in info.get("county", "").split(",") if c]
    county = counties[-1] if counties else ""
    return "".join(x for x in (info.get("province"), info.get("prefecture"), county) if x) or None


# ----------------------------------------------------------------------------- phones

_PHONE_JUNK = re.compile(r"[\s\-‐－—()（）.·]")
# A stored phone carries its extension as RFC 3966 does: +8657385012345;ext=8001.
# An extension written after a number: 转8001, 分机 8001, 分机号：8001, ext. 8001, x8001, #8001.
_EXTENSION_WORD = lazy_pattern(
    r"[(\[]?(?:(?:转|轉|分机号?|分機號?|内线|ext(?:ension)?\.?|x|#|;ext=)[:.#]?)+(\d{1,6})\)?$",
    re.IGNORECASE,
)
# Or a dash after an 8-digit local number: 0573-85012345-8001.
_EXTENSION_DASH = lazy_pattern(r"(.*\d{8})[-‐－—](\d{1,6})")
_WITH_AREA_CODE = lazy_pattern(r"(?:\+?86|0086)?0?[1-9]\d{1,2}\d{8}")
# Between two numbers in one cell: 13957312345/0573-85012345, 13957312345、0573-85012345.
_PHONE_LIST = lazy_pattern(r"\s*(?:[/／、,，|｜\n]|;(?!ext=)|；|或)\s*")


def split_extension(text: str) -> tuple[str, str | None]:
    """A phone as written (spaces removed, NFKC) -> (the number, its extension or None)."""
    m = _EXTENSION_WORD.search(text)
    if m is not None and m.start() > 0:
        return text[: m.start()], m.group(1)
    m = _EXTENSION_DASH.fullmatch(text)
    if m is not None:
        digits = _PHONE_JUNK.sub("", m.group(1))
        if _WITH_AREA_CODE.fullmatch(digits) and not digits.lstrip("+").startswith("1"):
            return m.group(1), m.group(2)
    return text, None


# What is written beside a phone and is not part of it: a label before it (手机：138…), a
# remark in brackets (138…（微信同号）, (本人), （办）) or after it (138… 微信同号).
_PHONE_LABEL = lazy_pattern(
    r"^\s*(?:本人|个人)?(?:手机|电话|联系电话|座机|固话|办公电话|移动电话|tel|mobile|phone)"
    r"(?:号码|号)?\s*[:：]?\s*(?=[+＋\d０-９(（])",
    re.IGNORECASE,
)
_PHONE_BRACKETED = lazy_pattern(r"\s*[(（\[【〔]\s*([^)）\]】〕\d０-９]+?)\s*[)）\]】〕]\s*")
_PHONE_AFTER = lazy_pattern(
    r"(?<=[\d０-９])\s*((?!转|轉|分机|分機|内线|內線)[\u3400-\u9fff][\u3400-\u9fff，,、 ]*)$"
)


# The longest phone read (a number with its extension: 0573-85012345 转 8001 is well under it),
# and the longest phone cell (the number with a remark beside it: （微信同号，工作日白天打）).
MAX_PHONE_TEXT = 60
MAX_PHONE_CELL = 200


def phone_remark(raw: object) -> tuple[object, str | None]:
    """A phone cell as written -> (the number part, the remark beside it or None):
    "13812345678（微信同号）" -> ("13812345678", "微信同号"); "手机：138…" -> ("138…", None);
    ="13812345678" (a CSV's text formula) -> ("13812345678", None)."""
    if not isinstance(raw, str) or len(raw) > MAX_PHONE_CELL:  # too long: parse_phone says so
        return raw, None
    remarks: list[str] = []

    def keep(m: re.Match[str]) -> str:
        remarks.append(m.group(1).strip())
        return " "

    text = str(excel_text(raw))
    text = _PHONE_LABEL.sub("", text)
    text = _PHONE_BRACKETED.sub(keep, text)
    text = _PHONE_AFTER.sub(keep, text).strip()
    return text, "，".join(r for r in remarks if r) or None


def split_phones(raw: object) -> list[object]:
    """The numbers in one cell: "13957312345/0573-85012345" -> both; anything else -> [raw].
    Split only where every part holds at least seven digits (a whole number)."""
    if not isinstance(raw, str) or len(raw) > MAX_PHONE_CELL:  # too long: parse_phone says so
        return [raw]
    parts = [p for p in _PHONE_LIST.split(raw.strip()) if p.strip()]
    if len(parts) < 2 or any(sum(ch.isdigit() for ch in compact(p)) < 7 for p in parts):
        return [raw]
    return list(parts)


def is_mobile(e164: str | None) -> bool:
    """A mainland mobile (+861…), as stored."""
    return bool(e164) and len(e164 or "") == 14 and (e164 or "").startswith("+861")


def _mask_typed(text: str) -> str:
    """A mistyped phone echoed in a message: enough to recognise it, not the whole number."""
    if sum(ch.isdigit() for ch in text) < 7:
        return text
    return text[:3] + "*" * (len(text) - 6) + text[-3:]


def parse_phone(raw: object, *, where: Where | None = None, field_code: str = "phone") -> str:
    """A phone in canonical E.164 form (+8613812345678); mobiles and fixed lines accepted,
    a fixed line with its extension (+8657385012345;ext=8001).

    Accepts 138-1234-5678, +86 138…, (0573)85012345, full-width digits, numbers that a
    spreadsheet turned into 13812345678.0, and extensions written 0573-85012345转8001,
    0573-85012345-8001, … 分机8001, ext. 8001, x8001 or #8001.
    """
    if isinstance(raw, str) and len(raw) == 11 and raw.isascii() and raw.isdigit():
        fast = _ordinary_mobile(raw)  # typed cleanly: nothing to tidy
        if fast is not None:
            return fast
    if isinstance(raw, str) and len(raw) == 13 and _DASHED_MOBILE.fullmatch(raw):
        # 138-1234-5678, as typed: no label, remark or extension to look for.
        fast = _ordinary_mobile(raw.replace("-", ""))
        if fast is not None:
            return fast
    if isinstance(raw, str) and raw.isascii() and raw.isprintable():
        text = raw.replace(" ", "").lstrip("'")  # what compact() makes of printable ASCII
    else:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        text = compact(raw).lstrip("'")
    fast = _ordinary_mobile(text)
    if fast is not None:
        return fast
    # No phone cell is this long, and the patterns below need a bound: a cell is refused before
    # any of them reads it, the number once its remark is set aside.
    if len(text) > MAX_PHONE_CELL:
        raise InvalidInput("reason.too_long", where=where, limit=MAX_PHONE_CELL)
    if isinstance(raw, str):
        bare, _remark = phone_remark(raw)
        text = compact(bare).lstrip("'")
    if len(text) > MAX_PHONE_TEXT:
        raise InvalidInput("reason.too_long", where=where, limit=MAX_PHONE_TEXT)
    number, extension = split_extension(text)
    text = _PHONE_JUNK.sub("", number)
    if not text:
        raise InvalidInput(f"reason.missing_{field_code}", where=where)
    if extension is None:
        fast = _ordinary_mobile(text)
        if fast is not None:
            return fast
    e164 = _parse_number(text, where, field_code)
    if extension is None:
        return e164
    if is_mobile(e164):  # a mobile has no extension: something else was typed
        raise InvalidInput(f"reason.{field_code}_invalid", where=where, value=_mask_typed(text))
    return e164 + EXTENSION + extension


def _parse_number(text: str, where: Where | None, field_code: str) -> str:
    import phonenumbers  # imported here: ~60 ms at start-up

    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        raise InvalidInput(
            f"reason.{field_code}_invalid", where=where, value=_mask_typed(text)
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidInput(f"reason.{field_code}_invalid", where=where, value=_mask_typed(text))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_MOBILE_SHAPE = re.compile(r"(?:\+86|0086)?(1[0-9]{10})")
_DASHED_MOBILE = re.compile(r"1[0-9]{2}-[0-9]{4}-[0-9]{4}")


@functools.lru_cache(maxsize=1)
def _mobile_pattern() -> re.Pattern[str]:
    """libphonenumber's own pattern of valid Chinese mobile numbers (kept by
    :mod:`volctl.lookup`, so that a mobile is read without importing phonenumbers), compiled
    once."""
    return re.compile(lookup.cn_mobile_pattern())


def _ordinary_mobile(text: str) -> str | None:
    """The E.164 form of an ordinary mainland mobile, or None to ask phonenumbers.

    A fast path for sheets of thousands of rows: phonenumbers.parse costs ~40 µs a number.
    It accepts exactly what phonenumbers would accept as a valid CN mobile (the same
    pattern, from the same metadata) and leaves everything else to phonenumbers.
    """
    shape = _MOBILE_SHAPE.fullmatch(text)
    if shape is None:
        return None
    national = shape.group(1)
    if _mobile_pattern().fullmatch(national) is None:
        return None
    return "+86" + national

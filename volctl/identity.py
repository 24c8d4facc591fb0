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
from dataclasses import dataclass, field
from datetime import date

from volctl.errors import InvalidInput, Where
from volctl.i18n import join_list
from volctl.text import clean, compact

RESIDENT_ID = "居民身份证"
# Document types (证件类型) with the aliases accepted on the command line and in sheets.
ID_TYPES: dict[str, tuple[str, ...]] = {
    RESIDENT_ID: ("身份证", "id", "resident", "ric"),
    "港澳台居民居住证": ("居住证", "residence-permit"),
    "护照": ("passport",),
    "港澳居民来往内地通行证": ("回乡证", "港澳通行证", "hk-macau-permit"),
    "台湾居民来往大陆通行证": ("台胞证", "taiwan-permit"),
    "外国人永久居留身份证": ("永居证", "foreign-permanent-resident"),
}
_ID_TYPE_ALIASES = {alias.lower(): name for name, aliases in ID_TYPES.items() for alias in aliases}
# Types whose numbers follow GB 11643 (18 characters, MOD 11-2).
_GB11643_TYPES = {RESIDENT_ID, "港澳台居民居住证"}


def id_type(value: str | None, where: Where | None = None) -> str:
    text = clean(value)
    if not text:
        return RESIDENT_ID
    if text in ID_TYPES:
        return text
    found = _ID_TYPE_ALIASES.get(text.lower())
    if found is None:
        raise InvalidInput(
            "reason.id_type_unknown", where=where, value=text, choices=join_list(ID_TYPES)
        )
    return found


@dataclass(frozen=True)
class IdNumber:
    """A checked identity number with what it tells about its holder."""

    number: str
    birth_date: date | None = None
    gender: str | None = None  # 男 / 女
    region: str | None = None
    warnings: tuple[str, ...] = field(default=())


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE][+]?\d+$")
_GB11643 = re.compile(r"\d{17}[\dX]")
_OTHER_DOCUMENT = re.compile(r"[A-Z0-9]{5,20}")
_SEPARATORS = re.compile(r"[-‐－—_]")


def _is_mangled_number(raw: object) -> bool:
    """An 18-digit number that went through a spreadsheet as a number has lost digits."""
    if isinstance(raw, bool):
        return False
    if isinstance(raw, float):
        return abs(raw) >= 1e14
    if isinstance(raw, int):
        return raw >= 10**16
    return False


def _clean_id_text(raw: object) -> str:
    text = compact(raw)
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
    if _SCIENTIFIC.match(text):
        raise InvalidInput(
            "reason.id_number_mangled_by_excel",
            hint="hint.id_number_mangled_by_excel",
            where=where,
            value=text,
        )
    if kind not in _GB11643_TYPES:
        if not _OTHER_DOCUMENT.fullmatch(text):
            raise InvalidInput("reason.id_number_format_other", where=where, kind=kind)
        return IdNumber(number=text)
    return _parse_gb11643(text, today=today or date.today(), where=where)


def _show_float(raw: object) -> str:
    return f"{raw:.6g}" if isinstance(raw, float) else str(raw)


def _parse_gb11643(text: str, *, today: date, where: Where | None) -> IdNumber:
    if len(text) == 15 and text.isdigit():
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
    if born > today or born.year < 1900:
        raise InvalidInput("reason.id_number_birth_date", where=where, value=text[6:14])
    from stdnum.cn import ric  # imported here: python-stdnum costs ~40 ms at start-up

    if ric.calc_check_digit(text) != text[17]:
        # A number that went through Excel as a number and back to text ends in zeros.
        if text.endswith("000"):
            raise InvalidInput(
                "reason.id_number_mangled_by_excel",
                hint="hint.id_number_mangled_by_excel",
                where=where,
                value=text,
            )
        raise InvalidInput("reason.id_number_checksum", where=where)
    region = region_name(text[:6])
    warnings = () if region else ("warning.region_unknown",)
    return IdNumber(
        number=text,
        birth_date=born,
        gender="男" if int(text[16]) % 2 else "女",
        region=region,
        warnings=warnings,
    )


@functools.lru_cache(maxsize=4096)
def region_name(code: str) -> str | None:
    """The place a region code names (any period of its history), or None if unknown.

    Cached: a sheet's people come from a handful of regions, and the lookup walks
    python-stdnum's table (~50 µs a call).
    """
    from stdnum import numdb

    info: dict[str, str] = {}
    for _part, props in numdb.get("cn/loc").info(code):
        info.update(props)
    if not info:
        return None
    counties = [c.split("]", 1)[-1] for c in info.get("county", "").split(",") if c]
    county = counties[-1] if counties else ""
    return "".join(x for x in (info.get("province"), info.get("prefecture"), county) if x) or None


def mask_id_number(number: str | None) -> str | None:
    """3304**********0011: the region's first four characters and the last four stay."""
    if not number:
        return number
    if len(number) >= 12:
        return number[:4] + "*" * (len(number) - 8) + number[-4:]
    keep = max(1, len(number) // 4)
    return number[:keep] + "*" * (len(number) - 2 * keep) + number[-keep:]


# ----------------------------------------------------------------------------- phones

_PHONE_JUNK = re.compile(r"[\s\-‐－—()（）.·]")


def _mask_typed(text: str) -> str:
    """A mistyped phone echoed in a message: enough to recognise it, not the whole number."""
    if sum(ch.isdigit() for ch in text) < 7:
        return text
    return text[:3] + "*" * (len(text) - 6) + text[-3:]


def parse_phone(raw: object, *, where: Where | None = None, field_code: str = "phone") -> str:
    """A phone in canonical E.164 form (+8613812345678); mobiles and fixed lines accepted.

    Accepts 138-1234-5678, +86 138…, (0573)85012345, full-width digits and numbers that a
    spreadsheet turned into 13812345678.0.
    """
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = _PHONE_JUNK.sub("", compact(raw)).lstrip("'")
    if not text:
        raise InvalidInput(f"reason.missing_{field_code}", where=where)
    fast = _ordinary_mobile(text)
    if fast is not None:
        return fast
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


@functools.lru_cache(maxsize=1)
def _mobile_pattern() -> re.Pattern[str]:
    """libphonenumber's own pattern of valid Chinese mobile numbers, compiled once."""
    from phonenumbers.phonemetadata import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region("CN")
    mobile = metadata.mobile if metadata is not None else None
    assert mobile is not None and mobile.national_number_pattern is not None
    return re.compile(mobile.national_number_pattern)


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


def display_phone(e164: str | None) -> str | None:
    """How a clerk writes a phone: 13812345678, 0573-85012345, or +852 … abroad."""
    if not e164:
        return e164
    if not e164.startswith("+86"):
        return e164
    national = e164[3:]
    if len(national) == 11 and national.startswith("1"):
        return national
    import phonenumbers

    number = phonenumbers.parse(e164)
    area = phonenumbers.length_of_geographical_area_code(number)
    if area:
        return f"0{national[:area]}-{national[area:]}"
    # Non-geographic numbers (400/800 service lines) are dialled as written, without a 0.
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return "".join(formatted.split())


def mask_phone(e164: str | None) -> str | None:
    """138****5678 / 0573-****2345: the last four digits stay, and the prefix."""
    shown = display_phone(e164)
    if not shown:
        return shown
    digits = [i for i, ch in enumerate(shown) if ch.isdigit()]
    if len(digits) <= 4:
        return shown
    if shown.startswith("+"):
        head = 4
    elif "-" in shown:
        head = shown.index("-") + 1
    else:
        head = 3
    hide = {i for i in digits[:-4] if i >= head}
    return "".join("*" if i in hide else ch for i, ch in enumerate(shown))


# Personal numbers inside free text (notes, reasons, a value echoed in a message):
# 18-character identity numbers, Chinese mobiles written any usual way, E.164 numbers.
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{6}(?:19|20)\d{9}[\dXx](?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
_E164_IN_TEXT = re.compile(r"\+\d{10,14}")


def mask_in_text(text: str) -> str:
    """``text`` with any identity number or phone in it masked (3304**********0387, 138****5678)."""
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group()) or "", text)
    text = _MOBILE_IN_TEXT.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    return _E164_IN_TEXT.sub(lambda m: mask_phone(m.group()) or "", text)


def free_text(value: str | None, show_pii: bool = False) -> str | None:
    """A free-text field (notes, a reason) for output: numbers in it masked unless asked."""
    return value if show_pii or not value else mask_in_text(value)


def mask_digits(text: str) -> str:
    """A number that is not a valid phone, masked: the first three and last two digits stay."""
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    keep = set(positions[:1] if len(positions) <= 4 else positions[:3] + positions[-2:])
    return "".join("*" if ch.isdigit() and i not in keep else ch for i, ch in enumerate(text))

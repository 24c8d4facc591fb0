"""Personal numbers shown: identity numbers and phones masked for output, phones written as a
clerk writes them, and numbers typed into free text found and masked, however they were
typed. Below the errors (a refused value is masked in its message), so it imports nothing of
volctl's own but ``volctl.patterns``; ``volctl.identity`` parses and checks what these
functions show."""

from __future__ import annotations

import re

from volctl.patterns import lazy_pattern

EXTENSION = ";ext="  # how a stored phone carries its extension: +86057385012345;ext=8001


def mask_id_number(number: str | None) -> str | None:
    """3304**********0011: the region's first four characters and the last four stay."""
    if not number:
        return number
    if len(number) >= 12:
        return number[:4] + "*" * (len(number) - 8) + number[-4:]
    keep = max(1, len(number) // 4)
    return number[:keep] + "*" * (len(number) - 2 * keep) + number[-keep:]


def display_phone(e164: str | None) -> str | None:
    """How a clerk writes a phone: 13812345678, 0573-85012345, 0573-85012345 转 8001, or
    +852 … abroad."""
    if not e164:
        return e164
    if EXTENSION in e164:
        line, _, extension = e164.partition(EXTENSION)
        return f"{display_phone(line)} 转 {extension}"
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
    """138****5678 / 0573-****2345: the last four digits stay, and the prefix; an extension
    (a switchboard's, not personal) is shown: 0573-****2345 转 8001."""
    if e164 and EXTENSION in e164:
        line, _, extension = e164.partition(EXTENSION)
        return f"{mask_phone(line)} 转 {extension}"
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


# Personal numbers inside free text (notes, reasons, a value echoed in a message), however they
# were typed: run together, or spaced or dashed anywhere (3304 8219 8302 2122 87, 186-0882-9601,
# +86 186 0882 9601). 18-character identity numbers (a birth year 19xx or 20xx in place, so
# that two dates side by side are left alone), Chinese mobiles, E.164 numbers.
_GAP = "[ \\-\u2010\u2011\u2012\u2013\u2014\uff0d\u3000]?"
_ID_IN_TEXT = lazy_pattern(rf"(?<![0-9A-Za-z])\d(?:{_GAP}\d){{16}}{_GAP}[\dXx](?![0-9A-Za-z])")
_MOBILE_IN_TEXT = lazy_pattern(
    rf"(?<![\d+])(?:(?:\+|00)86{_GAP}|\(\+?86\){_GAP})?(1[3-9](?:{_GAP}\d){{9}})(?!\d)"
)
_E164_IN_TEXT = lazy_pattern(r"\+\d{10,14}")


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch in "Xx")


def _mask_id_in_text(match: re.Match[str]) -> str:
    digits = _digits(match.group())
    return (mask_id_number(digits) or "") if digits[6:8] in ("19", "20") else match.group()


def _mask_mobile_in_text(match: re.Match[str]) -> str:
    prefix = match.group()[: match.start(1) - match.start()]
    digits = _digits(match.group(1))
    return f"{prefix}{digits[:3]}****{digits[-4:]}"


def mask_in_text(text: str) -> str:
    """``text`` with any identity number or phone in it masked (3304**********0387,
    138****5678), whether written together or spaced and dashed."""
    text = _ID_IN_TEXT.sub(_mask_id_in_text, text)
    text = _MOBILE_IN_TEXT.sub(_mask_mobile_in_text, text)
    return _E164_IN_TEXT.sub(lambda m: mask_phone(m.group()) or "", text)


def free_text(value: str | None, show_pii: bool = False) -> str | None:
    """A free-text field (notes, a reason) for output: numbers in it masked unless asked."""
    return value if show_pii or not value else mask_in_text(value)


def mask_digits(text: str) -> str:
    """A number that is not a valid phone, masked: the first three and last two digits stay."""
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    keep = set(positions[:1] if len(positions) <= 4 else positions[:3] + positions[-2:])
    return "".join("*" if ch.isdigit() and i not in keep else ch for i, ch in enumerate(text))

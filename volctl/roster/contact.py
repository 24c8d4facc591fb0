"""The phone to print for a volunteer: wherever a roster, a sign-in sheet or a list gives one
number to reach a person by.

A volunteer's own phone; a child registered without one (a 小小志愿者 sheet gives the
guardian's name, phone and relation instead) is reached through the guardian, whose phone is
the contact. An adult without a mobile was registered with the office line as their phone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def contact_phone(volunteer: Mapping[str, Any] | Any) -> str | None:
    """The stored (E.164) phone to print for ``volunteer`` (a row or a dict with ``phone``
    and, when it may be missing, ``guardian_phone``)."""
    own = volunteer["phone"]
    if own:
        return str(own)
    try:
        guardian = volunteer["guardian_phone"]
    except (KeyError, IndexError):
        return None
    return str(guardian) if guardian else None

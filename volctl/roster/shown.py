"""A volunteer as shown: the documented JSON shape, personal data masked unless asked for.
Re-exported by ``volctl.roster.volunteers``.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from volctl.dates import age_on
from volctl.masking import display_phone, free_text, mask_id_number, mask_phone
from volctl.text import mask_text


def public(
    row: sqlite3.Row,
    *,
    show_pii: bool = False,
    today: date | None = None,
) -> dict[str, Any]:
    """The documented JSON shape of a volunteer; personal data masked unless ``show_pii``."""
    today = today or date.today()

    def phone(value: str | None) -> str | None:
        return display_phone(value) if show_pii else mask_phone(value)

    def personal(value: str | None, keep: int) -> str | None:
        return value if show_pii else mask_text(value, keep)

    born = date.fromisoformat(row["birth_date"]) if row["birth_date"] else None
    guardian: dict[str, Any] | None = None
    if row["guardian_name"] or row["guardian_phone"]:
        guardian = {
            "name": personal(row["guardian_name"], 1),
            "phone": phone(row["guardian_phone"]),
            "relation": row["guardian_relation"],
            "consent_on": row["guardian_consent_on"],
        }
    inactive = row["status"] == "inactive"
    return {
        "volunteer_no": row["volunteer_no"],
        "name": row["name"],
        "gender": row["gender"],
        "birth_date": row["birth_date"],
        "age": age_on(born, today) if born else None,
        "ethnicity": row["ethnicity"],
        "id_type": row["id_type"],
        "id_number": row["id_number"] if show_pii else mask_id_number(row["id_number"]),
        "phone": phone(row["phone"]),
        "political_status": row["political_status"],
        "education": row["education"],
        "employer": row["employer"],
        "position": row["position"],
        "office_phone": display_phone(row["office_phone"]),
        "address": personal(row["address"], 6),
        "area": row["area"],
        "skills": json.loads(row["skills"]),
        "intentions": json.loads(row["intentions"]),
        "availability": free_text(row["availability"], show_pii),
        "emergency_contact": personal(row["emergency_contact"], 1),
        "emergency_phone": phone(row["emergency_phone"]),
        "guardian": guardian,
        "registered_on": row["registered_on"],
        "status": row["status"],
        "status_reason": free_text(row["status_reason"], show_pii) if inactive else None,
        "status_changed_on": row["status_changed_on"] if inactive else None,
        "notes": free_text(row["notes"], show_pii),
        "import_batch": row["import_batch_id"],
    }

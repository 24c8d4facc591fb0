"""Comparing an import with the truth of the unseen sheets (``fixtures/unseen``, written by
``fixtures/unseen/generate.py``): what a careful clerk expects of each row."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from volctl.masking import EXTENSION, display_phone

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"


def truth() -> dict[str, dict[str, Any]]:
    loaded: dict[str, dict[str, Any]] = json.loads(
        (UNSEEN / "truth.json").read_text(encoding="utf-8")
    )
    return loaded


def _digits(stored: str | None) -> tuple[str, str | None]:
    """The digits of a stored phone as printed, and its extension."""
    if not stored:
        return "", None
    line, _, extension = stored.partition(EXTENSION)
    shown = display_phone(line) or ""
    return "".join(ch for ch in shown if ch.isdigit()), extension or None


def volunteers(db: Path) -> dict[str, dict[str, Any]]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {row["id_number"]: dict(row) for row in conn.execute("SELECT * FROM volunteers")}


def problems(
    expected: dict[str, Any], summary: dict[str, Any], stored: dict[str, dict[str, Any]]
) -> list[str]:
    """Every way the import differs from the truth, one line each (empty: as expected)."""
    from volctl.roster.contact import contact_phone

    out: list[str] = []
    details = {d["row"]: d for d in summary["details"]}
    rows = expected["rows"]
    counted = {k: sum(1 for r in rows if r["row_kind"] == k) for k in ("valid", "duplicate")}
    counted["reject"] = sum(1 for r in rows if r["row_kind"] == "reject")
    got = (summary["imported"], summary["duplicates"], summary["rejected"])
    want = (counted["valid"], counted["duplicate"], counted["reject"])
    if got != want or summary["rows"] != len(rows):
        out.append(f"counts rows/imported/duplicates/rejected {summary['rows']}/{got}, want "
                   f"{len(rows)}/{want}")  # fmt: skip
    for row in rows:
        at = f"row {row['row']} {row.get('name')}"
        detail = details.pop(row["row"], None)
        kind = row["row_kind"]
        if kind == "valid":
            if detail is not None:
                out.append(f"{at}: {detail['outcome']} {detail['reason']} {detail['message']}")
                continue
            person = stored.get(row["id"])
            if person is None:
                out.append(f"{at}: not stored")
                continue
            out.extend(f"{at}: {p}" for p in _values(row, person, contact_phone(person)))
        elif kind == "duplicate":
            if detail is None or detail["outcome"] != "duplicate":
                out.append(f"{at}: want duplicate, got {detail and detail['outcome']}")
        else:
            if detail is None or detail["outcome"] != "rejected":
                out.append(f"{at}: want reject {row['reason']}, got {detail and detail['outcome']}")
            elif detail["reason"] != row["reason"] or (detail["name"] or None) != row["name"]:
                out.append(
                    f"{at}: want {row['reason']}, got {detail['reason']} {detail['name']}"
                    f" {detail['message']}"
                )
    for number, detail in sorted(details.items()):
        out.append(f"row {number}: unexpected {detail['outcome']} {detail['reason']} "
                   f"{detail['name']} {detail['message']}")  # fmt: skip
    sheet = expected["expect"]
    file = summary["files"][0]
    if "footers" in sheet and file["footer_rows"] != sheet["footers"]:
        out.append(f"footer rows {file['footer_rows']}, want {sheet['footers']}")
    if (
        "registered_on_source" in sheet
        and file["registered_on_source"] != sheet["registered_on_source"]
    ):
        out.append(f"registered_on_source {file['registered_on_source']}")
    if "layout" in sheet and file["layout"] != sheet["layout"]:
        out.append(f"layout {file['layout']}, want {sheet['layout']}")
    if "columns" in sheet:
        read = {c["column"]: c["field"] for c in file["columns"]}
        for label, field in sheet["columns"].items():
            if read.get(label, "?") != field:
                out.append(f"column {label!r} read as {read.get(label, '(absent)')}, want {field}")
    if "headings" in sheet and file["heading_rows"] != sheet["headings"]:
        out.append(f"group headings {file['heading_rows']}, want {sheet['headings']}")
    if file.get("rows_below_footer"):
        out.append(f"rows below a footer: {file['rows_below_footer']}")
    return out


def _values(row: dict[str, Any], person: dict[str, Any], contact: str | None) -> list[str]:
    out = []

    def check(key: str, got: object, want: object) -> None:
        if got != want:
            out.append(f"{key} {got!r}, want {want!r}")

    check("name", person["name"], row["name"])
    if "phone_digits" in row:
        check("contact", _digits(contact), (row["phone_digits"], row.get("extension")))
    if "office_digits" in row:
        check(
            "office", _digits(person["office_phone"]),
            (row["office_digits"], row.get("office_extension")),
        )  # fmt: skip
    if "guardian" in row:
        g = row["guardian"]
        check("guardian name", person["guardian_name"], g["name"])
        check("guardian phone", _digits(person["guardian_phone"])[0], g["digits"])
        if "relation" in g:
            check("guardian relation", person["guardian_relation"], g["relation"] or None)
    if "emergency" in row:
        e = row["emergency"]
        check("emergency contact", person["emergency_contact"], e["name"])
        check("emergency phone", _digits(person["emergency_phone"])[0], e["digits"])
    for key, column in (
        ("employer", "employer"),
        ("registered_on", "registered_on"),
        ("birth", "birth_date"),
        ("political", "political_status"),
        ("education", "education"),
        ("area", "area"),
        ("address", "address"),
        ("id_type", "id_type"),
    ):
        if key in row:
            check(key, person[column], row[key])
    for key in ("intentions", "skills"):
        if key in row:
            check(key, json.loads(person[key] or "[]"), row[key])
    if "notes_has" in row and row["notes_has"] not in (person["notes"] or ""):
        out.append(f"notes {person['notes']!r} lack {row['notes_has']!r}")
    return out

"""Every field an error can point at (``Where(field=...)``) has a label in both languages."""

from __future__ import annotations

import ast
from pathlib import Path

from volctl.i18n import catalogue

PACKAGE = Path(__file__).resolve().parents[1] / "volctl"


def fields_named_in_code() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Where":
                for keyword in node.keywords:
                    value = keyword.value
                    if keyword.arg == "field" and isinstance(value, ast.Constant):
                        found.add(str(value.value))
    return found


def test_every_field_an_error_names_has_a_label() -> None:
    missing = {f"field.{name}" for name in fields_named_in_code()} - set(catalogue())
    assert not missing, sorted(missing)


def test_every_field_an_update_command_can_report_has_a_label_in_both_languages(
    roster,
) -> None:
    """Walk every stored field of the entities the update commands change (what their
    "Corrected …: fields" message and the audit name): none shows as a raw key."""
    import sqlite3

    from volctl import i18n

    conn = sqlite3.connect(roster)
    entities = ("volunteers", "teams", "recipients", "activities")
    try:
        for lang in ("zh", "en"):
            i18n.set_lang(lang)
            for entity in entities:
                for (column,) in conn.execute(f"SELECT name FROM pragma_table_info('{entity}')"):
                    label = i18n.field_label(entity, column)
                    assert label and not label.startswith("field."), (lang, entity, column)
                    assert "field." not in i18n.field_labels(entity, [column])
    finally:
        conn.close()
    i18n.set_lang("zh")
    assert i18n.field_label("teams", "leader_id") == "负责人"
    assert i18n.field_label("activities", "leader_id") == "活动负责人"

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

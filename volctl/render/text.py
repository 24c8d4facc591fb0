"""The table a person reads, for a file: plain text (.txt) or Markdown (.md).

``.txt`` is the terminal's view without a terminal's width: every column at its natural width,
none dropped, none folded, no colour. ``.md`` is the same view in Markdown: a heading for a
title, a table for each table (numbers right-aligned), a paragraph for a caption or a line of
text, and anything else (a team tree) as a text block.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from volctl.render import FittedTable

# Wide enough that no table is fitted to it; lines are trimmed of the padding.
TEXT_WIDTH = 4000


def to_text(parts: Iterable[Any]) -> str:
    """What ``parts`` (rich renderables) print as, without colour or a width to fit."""
    import io

    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        width=TEXT_WIDTH,
        color_system=None,
        highlight=False,
        soft_wrap=False,
        record=True,
    )
    for part in parts:
        console.print(part)
    lines = console.export_text(styles=False).splitlines()
    return "".join(line.rstrip() + "\n" for line in lines)


def to_markdown(parts: Iterable[Any]) -> str:
    blocks: list[str] = []
    for part in parts:
        if isinstance(part, FittedTable):
            blocks.append(table_markdown(part))
        elif isinstance(part, str) or _is_text(part):
            text = str(part).strip()
            if text:
                blocks.append(_escape_line(text))
        else:
            blocks.append("```text\n" + to_text([part]).rstrip("\n") + "\n```")
    return "\n\n".join(blocks) + "\n"


def _is_text(part: Any) -> bool:
    from rich.text import Text

    return isinstance(part, Text)


def table_markdown(table: FittedTable) -> str:
    lines: list[str] = []
    if table.title:
        lines += [f"### {_escape_line(table.title)}", ""]
    lines.append(_row(col.header for col in table.columns))
    lines.append(
        "|" + "|".join("---:" if col.justify == "right" else "---" for col in table.columns) + "|"
    )
    lines.extend(_row(cells) for cells in table.cells)
    if table.caption:
        lines += ["", _escape_line(table.caption)]
    return "\n".join(lines)


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(_cell(text) for text in cells) + " |"


def _cell(text: str) -> str:
    """A cell's text on one line, its pipes escaped (a header broken over lines is rejoined);
    an indent (a team under another) kept as no-break spaces, which Markdown does not trim."""
    indent = len(text) - len(text.lstrip(" "))
    line = " ".join(part.strip() for part in text.splitlines()).replace("|", "\\|")
    return "\u00a0" * indent + line


def _escape_line(text: str) -> str:
    """Text as a Markdown paragraph: what would read as markup at a line's start (a heading,
    a quote, a list, a table) is escaped; its lines are kept as lines."""
    import re

    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line[:1] in ("#", ">", "-", "+", "*", "|", "="):
            line = "\\" + line
        line = re.sub(r"^(\d+)([.)])(\s)", r"\1\\\2\3", line)
        lines.append(line)
    return "  \n".join(lines)

"""Which format a command writes: ``--format``, else the suffix of ``-o FILE``.

The rule, the same for every command that prints rows:

- ``-o FILE`` alone: the suffix chooses (.xlsx .csv .json .md .txt); another suffix is refused
  before anything is done, naming the ones accepted;
- ``--format F -o FILE``: F, whatever the file is called, unless its suffix names another of
  the formats (``--format csv -o 名单.xlsx`` is refused: the file would not be what it says);
- ``--format xlsx`` needs ``-o FILE``: a workbook is not for the terminal.

A command computes one of three *shapes* of its result and the writer takes it from there:
``table`` (labels and translated values, for a person: table, md, txt), ``csv`` (keys and
codes, flat: csv, xlsx) and ``json``.
"""

from __future__ import annotations

from pathlib import Path

from volctl.errors import InvalidInput, Where
from volctl.render import Format

SUFFIXES: dict[str, Format] = {
    ".xlsx": Format.xlsx,
    ".csv": Format.csv,
    ".json": Format.json,
    ".md": Format.md,
    ".txt": Format.txt,
}
SHAPE: dict[Format, Format] = {
    Format.table: Format.table,
    Format.md: Format.table,
    Format.txt: Format.table,
    Format.json: Format.json,
    Format.csv: Format.csv,
    Format.xlsx: Format.csv,
}
# Written as data, never paged or fitted to a terminal.
DATA = frozenset({Format.json, Format.csv, Format.xlsx})


def accepted() -> str:
    return " ".join(SUFFIXES)


def choose(fmt: Format, output: Path | None) -> Format:
    """The format written, from ``--format`` (``table`` when not given) and ``-o``."""
    if output is None:
        if fmt is Format.xlsx:
            raise InvalidInput("output.xlsx_needs_file", where=Where(field="output"))
        return fmt
    by_suffix = SUFFIXES.get(output.suffix.lower())
    if fmt is Format.table:
        if by_suffix is None:
            raise InvalidInput(
                "output.suffix_unknown",
                hint="hint.output_suffix",
                where=Where(field="output"),
                path=str(output),
                accepted=accepted(),
            )
        return by_suffix
    if by_suffix is not None and by_suffix is not fmt:
        raise InvalidInput(
            "output.suffix_mismatch",
            where=Where(field="output"),
            path=str(output),
            format=fmt.value,
        )
    return fmt

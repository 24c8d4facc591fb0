"""Values written into a statement's own text, as SQLite would store them bound.

``executemany`` binds every parameter of every row. A value the same in every row of a batch
(its time stamp, operator and command, its import batch) costs a bind per row, where written
once into the statement it costs nothing per row. ``literal`` gives that text for the values
it can write exactly: NULL, a whole number SQLite keeps as an integer, a text without a NUL
character (its quotes doubled). For any other value it gives None, and the value is bound.
Imports nothing of volctl.
"""

_INTEGERS = range(-(2**63) + 1, 2**63)  # SQLite reads -9223372036854775808 written out as real


def literal(value: object) -> str | None:
    """``value`` as SQL text that stores what binding it stores, or None (bind it)."""
    if value is None:
        return "NULL"
    if type(value) is int:  # not a bool
        return str(value) if value in _INTEGERS else None
    if type(value) is str and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None

"""Column mappings remembered for this roster's sheet imports (``register import --column
"HEADER=field" --remember``): the header as compared (normalised), as the clerk wrote it, and
the field it is read as ('' to leave the column unread). A header mapped again replaces its
row; every change is in the audit log."""

SQL = """
CREATE TABLE import_columns (
    header TEXT PRIMARY KEY,          -- volctl.headings.mapping_key of the header
    label TEXT NOT NULL,              -- the header as given in --column
    field TEXT NOT NULL,              -- a volunteer field, _guardian, or '' (left unread)
    remembered_at TEXT NOT NULL,
    operator TEXT NOT NULL
);
"""

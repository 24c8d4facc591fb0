"""Column mappings remembered for templates a superior sends (``export fill --column
"HEADER=field" --remember``), per template: the template is known by its header (a hash of
its header texts, normalised), so next month's copy of the same template fills with no
options. A header mapped again replaces its row; every change is in the audit log."""

SQL = """
CREATE TABLE fill_columns (
    template TEXT NOT NULL,           -- volctl.fill.template signature of the header
    template_label TEXT NOT NULL,     -- the template's header texts, for the clerk to read
    header TEXT NOT NULL,             -- volctl.headings.mapping_key of the column's header
    label TEXT NOT NULL,              -- the header as given in --column
    field TEXT NOT NULL,              -- a fill field, or '' (left empty)
    remembered_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    PRIMARY KEY (template, header)
);
"""

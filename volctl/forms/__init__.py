"""Official forms and printed sheets, one module per form; ``page`` is their shared page setup."""

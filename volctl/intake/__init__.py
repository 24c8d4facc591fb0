"""Reading the sign-up sheets people send: files, headers, rows, import batches.

``guard`` decides what a file is and whether it is safe to open; ``reader`` yields its rows;
``headers`` finds the header row and maps column names to roster fields; ``rows`` turns one
row into a ``VolunteerInput``; ``importer`` runs an import; ``batches`` lists and undoes
imports; ``rejects`` writes the workbook of rows that could not be taken; ``template`` writes
the blank sign-up sheet.
"""

# The caps on one import (``--max-rows``, ``--max-size``): here, so the command line can show
# them without importing the readers.
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_MB = 20.0

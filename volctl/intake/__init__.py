"""Reading the sign-up sheets people send: files, headers, rows, import batches.

``guard`` decides what a file is and whether it is safe to open; ``reader`` yields its rows;
``merges`` gives merged cells their values (.xlsx, .xls, .ods); ``headers`` finds the header
row, reads it by meaning (``volctl.headings``) and knows a footer; ``columns`` holds the
clerk's ``--column`` mappings, remembered per roster; ``form`` reads a filled-in
志愿者服务登记表 (one person per sheet) by its labels; ``rows`` turns one row into a
``VolunteerInput``; ``importer`` runs an import and ``results`` is what it reports; ``batches``
lists and undoes imports; ``rejects`` writes the workbook of rows that could not be taken;
``template`` writes the blank sign-up sheet.
"""

# The caps on one import (``--max-rows``, ``--max-size``): here, so the command line can show
# them without importing the readers.
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_MB = 20.0

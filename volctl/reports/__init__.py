"""Reports: pure functions from the roster to plain structures (no rich, no openpyxl at import).

One module per report, each returning dicts and lists the CLI renders as a table, JSON, CSV,
Markdown or a workbook:

- ``summary``: the year-end summary (年终总结) and its previous-year comparison;
- ``volunteer``: one volunteer's record, the basis of a service certificate;
- ``hours``: service by month, team, category or volunteer over any period;
- ``target``: who is below the yearly target, by team;
- ``stars``: star levels by cumulative hours, and who newly reached one in a year;
- ``insurance``: cover that lapses soon.

``common`` holds what they share (periods, scopes, who was registered on a day, which team
each hour belongs to); ``tables`` lays the summary out as named tables for CSV, Markdown and
the workbook (``workbook``), and ``markdown`` writes it as the text of a 年终总结.
"""

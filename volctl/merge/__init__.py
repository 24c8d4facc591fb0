"""Up the hierarchy: a roster's bundle for the level above, and merging bundles into one roster.

- ``content``: what a roster sends up, part by part (the tables and columns of a bundle).
- ``bundle``: the bundle file (a zip of JSON lines with a manifest) written and verified.
- ``engine``: ``merge``: several bundles (or rosters) into this roster under a parent team.
- ``people``, ``structure``, ``copies``, ``ledger``: how one source's volunteers, teams and
  activities, other rows, and service records are brought in, and its previous contribution
  replaced.
- ``sources``: what a merged roster can say about its sources: totals per source, people
  counted in two places, conflicts to resolve, where a row came from.
"""

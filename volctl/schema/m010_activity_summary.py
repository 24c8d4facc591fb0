"""An activity's summary (活动总结): what it achieved, written after it was held.

Seed 004 asks that every activity have its record and its summary (每次活动…有记录、有总结);
the activity record (活动记录, ``volctl export form activity-record``) prints it. It is set
with ``volctl activity update ACT --summary TEXT``; every change is in the audit log.
"""

SQL = """
ALTER TABLE activities ADD COLUMN summary TEXT;
"""

"""The ledger (志愿服务记录台账): service records, append-only, corrected by new records."""

SQL = """
-- One row per recorded service, amendment or void. Never updated, never deleted:
-- an 'amend' or 'void' row points at the original it corrects (corrects_id), and the
-- latest row of a chain is what counts (service_effective).
CREATE TABLE service_records (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    service_date TEXT NOT NULL,
    start_time TEXT,                    -- HH:MM
    end_time TEXT,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    attendance TEXT NOT NULL
        CHECK (attendance IN ('present', 'late', 'early_leave', 'leave', 'absent')),
    place TEXT,
    content TEXT,
    beneficiaries TEXT,
    leader TEXT,                        -- the activity leader, as named at the time
    recorder TEXT NOT NULL,
    evaluation TEXT,                    -- 服务质量评价
    batch_id INTEGER REFERENCES import_batches(id),
    kind TEXT NOT NULL DEFAULT 'original' CHECK (kind IN ('original', 'amend', 'void')),
    corrects_id INTEGER REFERENCES service_records(id),
    reason TEXT,
    recorded_at TEXT NOT NULL,
    CHECK ((kind = 'original') = (corrects_id IS NULL)),
    CHECK (kind = 'original' OR length(trim(coalesce(reason, ''))) > 0)
);
CREATE INDEX service_records_volunteer_date ON service_records(volunteer_id, service_date);
CREATE INDEX service_records_activity ON service_records(activity_id);
CREATE INDEX service_records_corrects ON service_records(corrects_id);
CREATE INDEX service_records_batch ON service_records(batch_id);
CREATE TRIGGER service_records_no_update BEFORE UPDATE ON service_records
BEGIN SELECT RAISE(ABORT, 'volctl: service records are append-only; amend or void instead'); END;
CREATE TRIGGER service_records_no_delete BEFORE DELETE ON service_records
BEGIN SELECT RAISE(ABORT, 'volctl: service records are append-only; amend or void instead'); END;

-- What counts: for each original record, its latest correction (voided chains drop out).
CREATE VIEW service_effective AS
SELECT o.id AS record_id,
       e.id AS latest_id,
       o.volunteer_id,
       o.activity_id,
       e.service_date,
       e.start_time,
       e.end_time,
       e.minutes,
       e.attendance,
       e.place,
       e.content,
       e.beneficiaries,
       e.leader,
       e.recorder,
       e.evaluation,
       o.batch_id,
       o.recorded_at
FROM service_records o
JOIN service_records e ON e.id = (
    SELECT max(c.id) FROM service_records c WHERE c.id = o.id OR c.corrects_id = o.id
)
WHERE o.kind = 'original' AND e.kind <> 'void';
"""

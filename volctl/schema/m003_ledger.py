"""The ledger (志愿服务记录台账): service records, append-only, corrected by new records.

``service_records`` is the history: every recorded service, amendment and void, never
updated, never deleted. An 'amend' or 'void' row points at the original it corrects
(``corrects_id``); the latest row of a chain is what counts.

Two tables are derived from that history by its insert triggers, so totals never search the
history for the latest entry of each chain:

- ``service_chains``: one row per original, with the entry that counts now and the values
  totals need (volunteer, date, minutes); its own triggers refuse any change that does not
  mirror the history.
- ``service_year_totals``: per volunteer and year, the records, services (records with time)
  and minutes that count now: every volunteer's yearly or all-time total is a scan of one row
  per volunteer and year (see ``benchmarks/ledger_bench.py``).
"""

SQL = """
-- One row per recorded service, amendment or void.
CREATE TABLE service_records (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    service_date TEXT NOT NULL,         -- ISO date
    start_time TEXT,                    -- HH:MM, when the actual times are known
    end_time TEXT,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    attendance TEXT NOT NULL
        CHECK (attendance IN ('present', 'late', 'early_leave', 'leave', 'absent')),
    place TEXT,
    content TEXT,                       -- 服务内容
    beneficiaries TEXT,                 -- 服务对象
    leader TEXT,                        -- the activity leader, as named at the time
    recorder TEXT NOT NULL,             -- 记录人
    evaluation TEXT,                    -- 服务质量评价
    notes TEXT,
    batch_id INTEGER REFERENCES import_batches(id),
    kind TEXT NOT NULL DEFAULT 'original' CHECK (kind IN ('original', 'amend', 'void')),
    corrects_id INTEGER REFERENCES service_records(id),
    reason TEXT,                        -- why an amendment or void was made
    recorded_at TEXT NOT NULL,
    CHECK ((kind = 'original') = (corrects_id IS NULL)),
    CHECK (kind = 'original' OR length(trim(coalesce(reason, ''))) > 0),
    CHECK ((start_time IS NULL) = (end_time IS NULL)),
    CHECK (start_time IS NULL OR end_time > start_time),
    CHECK (attendance NOT IN ('leave', 'absent') OR minutes = 0),
    CHECK (kind = 'void' OR attendance IN ('leave', 'absent') OR minutes > 0)
);
CREATE INDEX service_records_volunteer_date ON service_records(volunteer_id, service_date);
CREATE INDEX service_records_activity ON service_records(activity_id);
CREATE INDEX service_records_corrects ON service_records(corrects_id);
CREATE INDEX service_records_batch ON service_records(batch_id);
CREATE TRIGGER service_records_no_update BEFORE UPDATE ON service_records
BEGIN SELECT RAISE(ABORT, 'volctl: service records are append-only; amend or void instead'); END;
CREATE TRIGGER service_records_no_delete BEFORE DELETE ON service_records
BEGIN SELECT RAISE(ABORT, 'volctl: service records are append-only; amend or void instead'); END;

-- Each chain (an original and its corrections): the entry that counts and what totals need.
CREATE TABLE service_chains (
    record_id INTEGER PRIMARY KEY REFERENCES service_records(id),   -- the original
    latest_id INTEGER NOT NULL REFERENCES service_records(id),      -- the entry that counts
    volunteer_id INTEGER NOT NULL,
    activity_id INTEGER NOT NULL,
    service_date TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
    corrections INTEGER NOT NULL DEFAULT 0
);
-- Totals: per volunteer over any period, and per period over every volunteer (covering).
CREATE INDEX service_chains_volunteer_date
    ON service_chains(volunteer_id, service_date, minutes) WHERE voided = 0;
CREATE INDEX service_chains_date
    ON service_chains(service_date, volunteer_id, minutes) WHERE voided = 0;
CREATE INDEX service_chains_activity ON service_chains(activity_id);
-- The same volunteer is recorded once per activity (a voided record no longer counts).
CREATE UNIQUE INDEX service_chains_once
    ON service_chains(volunteer_id, activity_id) WHERE voided = 0;

-- Per volunteer and calendar year: what counts now. Whole-year and all-time totals read this.
CREATE TABLE service_year_totals (
    volunteer_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    records INTEGER NOT NULL DEFAULT 0 CHECK (records >= 0),     -- records that count
    services INTEGER NOT NULL DEFAULT 0 CHECK (services >= 0),   -- of which with time (人次)
    minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    PRIMARY KEY (volunteer_id, year)
) WITHOUT ROWID;
CREATE INDEX service_year_totals_year
    ON service_year_totals(year, volunteer_id, records, services, minutes);
CREATE TRIGGER service_year_totals_no_delete BEFORE DELETE ON service_year_totals
BEGIN SELECT RAISE(ABORT, 'volctl: service totals follow the service records'); END;

-- A correction points at an original that still counts, of the same volunteer and activity.
CREATE TRIGGER service_records_correction_target BEFORE INSERT ON service_records
WHEN NEW.kind <> 'original' AND NOT EXISTS (
    SELECT 1 FROM service_chains c
    WHERE c.record_id = NEW.corrects_id AND c.voided = 0
      AND c.volunteer_id = NEW.volunteer_id AND c.activity_id = NEW.activity_id)
BEGIN
    SELECT RAISE(ABORT, 'volctl: a correction must point at a current original record');
END;

CREATE TRIGGER service_records_chain_open AFTER INSERT ON service_records
WHEN NEW.kind = 'original'
BEGIN
    INSERT INTO service_chains
        (record_id, latest_id, volunteer_id, activity_id, service_date, minutes)
    VALUES (NEW.id, NEW.id, NEW.volunteer_id, NEW.activity_id, NEW.service_date, NEW.minutes);
    INSERT INTO service_year_totals (volunteer_id, year, records, services, minutes)
    VALUES (NEW.volunteer_id, CAST(substr(NEW.service_date, 1, 4) AS INTEGER), 1,
            NEW.minutes > 0, NEW.minutes)
    ON CONFLICT (volunteer_id, year) DO UPDATE
    SET records = records + 1, services = services + excluded.services,
        minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER service_records_chain_advance AFTER INSERT ON service_records
WHEN NEW.kind <> 'original'
BEGIN
    -- Take the entry that counted until now out of its year, put an amendment in its own.
    UPDATE service_year_totals
    SET records = records - 1,
        services = services
            - (SELECT c.minutes > 0 FROM service_chains c WHERE c.record_id = NEW.corrects_id),
        minutes = minutes
            - (SELECT c.minutes FROM service_chains c WHERE c.record_id = NEW.corrects_id)
    WHERE volunteer_id = NEW.volunteer_id
      AND year = (SELECT CAST(substr(c.service_date, 1, 4) AS INTEGER)
                  FROM service_chains c WHERE c.record_id = NEW.corrects_id);
    INSERT INTO service_year_totals (volunteer_id, year, records, services, minutes)
    SELECT NEW.volunteer_id, CAST(substr(NEW.service_date, 1, 4) AS INTEGER), 1,
           NEW.minutes > 0, NEW.minutes
    WHERE NEW.kind = 'amend'
    ON CONFLICT (volunteer_id, year) DO UPDATE
    SET records = records + 1, services = services + excluded.services,
        minutes = minutes + excluded.minutes;
    UPDATE service_chains
    SET latest_id = NEW.id,
        service_date = NEW.service_date,
        minutes = NEW.minutes,
        voided = (NEW.kind = 'void'),
        corrections = corrections + 1
    WHERE record_id = NEW.corrects_id;
END;

-- The chain table only ever mirrors the history: opened by an original, advanced by its
-- corrections, never moved back, never deleted.
CREATE TRIGGER service_chains_mirror_insert BEFORE INSERT ON service_chains
WHEN NOT EXISTS (
    SELECT 1 FROM service_records r
    WHERE r.id = NEW.record_id AND r.kind = 'original' AND NEW.latest_id = r.id
      AND r.volunteer_id = NEW.volunteer_id AND r.activity_id = NEW.activity_id
      AND r.service_date = NEW.service_date AND r.minutes = NEW.minutes)
    OR NEW.voided <> 0 OR NEW.corrections <> 0
BEGIN SELECT RAISE(ABORT, 'volctl: service chains follow the service records'); END;
CREATE TRIGGER service_chains_mirror_update BEFORE UPDATE ON service_chains
WHEN OLD.voided = 1 OR NEW.latest_id <= OLD.latest_id
    OR NEW.record_id <> OLD.record_id OR NEW.volunteer_id <> OLD.volunteer_id
    OR NEW.activity_id <> OLD.activity_id OR NEW.corrections <> OLD.corrections + 1
    OR NOT EXISTS (
        SELECT 1 FROM service_records r
        WHERE r.id = NEW.latest_id AND r.corrects_id = NEW.record_id
          AND r.service_date = NEW.service_date AND r.minutes = NEW.minutes
          AND (r.kind = 'void') = NEW.voided)
BEGIN SELECT RAISE(ABORT, 'volctl: service chains follow the service records'); END;
CREATE TRIGGER service_chains_no_delete BEFORE DELETE ON service_chains
BEGIN SELECT RAISE(ABORT, 'volctl: service chains follow the service records'); END;

-- What counts: for each original record, its latest correction (voided chains drop out).
CREATE VIEW service_effective AS
SELECT c.record_id,
       c.latest_id,
       c.volunteer_id,
       c.activity_id,
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
       e.notes,
       o.batch_id,
       o.recorded_at,
       e.recorded_at AS latest_recorded_at,
       c.corrections
FROM service_chains c
JOIN service_records e ON e.id = c.latest_id
JOIN service_records o ON o.id = c.record_id
WHERE c.voided = 0;
"""

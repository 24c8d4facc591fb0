"""The rest of the volunteer record (志愿服务条例 art. 19): training, insurance, commendations."""

SQL = """
-- Training is recorded apart from service: training time is never service time.
CREATE TABLE trainings (
    id INTEGER PRIMARY KEY,
    training_no TEXT NOT NULL UNIQUE,               -- e.g. T20250310-01
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    date TEXT NOT NULL,
    topic TEXT NOT NULL,                            -- code_lists 'training_topic'
    minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
    trainer TEXT,
    place TEXT,
    initial INTEGER NOT NULL DEFAULT 0,             -- an initial training for new recruits
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX trainings_date ON trainings(date);

CREATE TABLE training_attendance (
    id INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES trainings(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    recorded_at TEXT NOT NULL,
    UNIQUE (training_id, volunteer_id)
);
CREATE INDEX training_attendance_volunteer ON training_attendance(volunteer_id);

-- Accident insurance (志愿服务条例 art. 17): one row per volunteer and policy.
CREATE TABLE insurance_policies (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    insurer TEXT NOT NULL CHECK (length(trim(insurer)) > 0),
    policy_no TEXT NOT NULL CHECK (length(trim(policy_no)) > 0),
    start_on TEXT NOT NULL,
    end_on TEXT NOT NULL,
    notes TEXT,
    created_at TEXT NOT NULL,
    CHECK (end_on >= start_on),
    UNIQUE (volunteer_id, policy_no)
);
CREATE INDEX insurance_policies_volunteer ON insurance_policies(volunteer_id, end_on);

-- Yearly commendations: 优秀志愿者 for a person, 先进集体 for a team, …
CREATE TABLE commendations (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    volunteer_id INTEGER REFERENCES volunteers(id),
    team_id INTEGER REFERENCES teams(id),
    awarded_on TEXT NOT NULL,
    awarded_by TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    CHECK ((volunteer_id IS NULL) <> (team_id IS NULL))
);
CREATE UNIQUE INDEX commendations_volunteer ON commendations(year, title, volunteer_id)
    WHERE volunteer_id IS NOT NULL;
CREATE UNIQUE INDEX commendations_team ON commendations(year, title, team_id)
    WHERE team_id IS NOT NULL;
"""

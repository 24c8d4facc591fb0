"""The structure of the work: teams and dated memberships, activities and their rosters,
beneficiaries (服务对象) and pairings (结对帮扶)."""

SQL = """
-- 大队 > 中队 > 分队 (seed 004); 服务队 / 服务组 for unit teams (seed 001, 002).
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    level TEXT NOT NULL CHECK (level IN ('大队', '中队', '分队', '服务队', '服务组')),
    parent_id INTEGER REFERENCES teams(id),
    leader_id INTEGER REFERENCES volunteers(id),    -- 负责人
    contact_id INTEGER REFERENCES volunteers(id),   -- 联系人
    unit TEXT,                                      -- 所属单位
    office_phone TEXT,
    base TEXT,                                      -- 服务基地
    founded_on TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
    dissolved_on TEXT,                              -- memberships end that day; the row stays
    status_reason TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX teams_parent ON teams(parent_id);

-- Dated membership: moving between teams closes one row and opens another, so a report for
-- an earlier year still counts a volunteer where they were then.
CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES teams(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    role TEXT NOT NULL DEFAULT '队员' CHECK (role IN ('队长', '副队长', '队员')),
    joined_on TEXT NOT NULL,
    left_on TEXT,
    created_at TEXT NOT NULL,
    CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX memberships_team ON memberships(team_id);
CREATE INDEX memberships_volunteer ON memberships(volunteer_id);
CREATE UNIQUE INDEX memberships_open ON memberships(team_id, volunteer_id) WHERE left_on IS NULL;

CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    activity_no TEXT NOT NULL UNIQUE,               -- e.g. A20250315-01
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    date TEXT NOT NULL,                             -- ISO date
    start_time TEXT,                                -- HH:MM
    end_time TEXT,
    place TEXT,
    category TEXT NOT NULL,                         -- code_lists 'category'
    theme TEXT CHECK (theme IN ('关爱他人', '关爱社会', '关爱自然')),
    team_id INTEGER REFERENCES teams(id),           -- the organising team
    beneficiary_group TEXT,                         -- code_lists 'beneficiary_group'
    capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
    leader_id INTEGER REFERENCES volunteers(id),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    status_reason TEXT,
    description TEXT,
    needs_insurance INTEGER NOT NULL DEFAULT 0,
    series_key TEXT,                                -- a schedule's identity (idempotent re-runs)
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX activities_date ON activities(date);
CREATE INDEX activities_team ON activities(team_id);
CREATE UNIQUE INDEX activities_series_date ON activities(series_key, date)
    WHERE series_key IS NOT NULL;

-- An activity's roster (报名名单).
CREATE TABLE signups (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    signed_up_at TEXT NOT NULL,
    forced INTEGER NOT NULL DEFAULT 0,              -- over capacity with --force, on record
    withdrawn_at TEXT,
    withdrawn_reason TEXT
);
CREATE INDEX signups_volunteer ON signups(volunteer_id);
-- One open signup per volunteer and activity; a withdrawn one stays on record beside a new one.
CREATE UNIQUE INDEX signups_open ON signups(activity_id, volunteer_id) WHERE withdrawn_at IS NULL;

-- 服务对象名册 (seed 002).
CREATE TABLE recipients (
    id INTEGER PRIMARY KEY,
    recipient_no TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    group_name TEXT NOT NULL,                       -- code_lists 'beneficiary_group'
    gender TEXT CHECK (gender IN ('男', '女')),
    birth_date TEXT,
    id_number TEXT,
    phone TEXT,                                     -- E.164
    address TEXT,
    needs TEXT,
    family_contact TEXT,                            -- guardian / family member
    family_phone TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    status_reason TEXT,
    registered_on TEXT NOT NULL,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX recipients_group ON recipients(group_name);
CREATE INDEX recipients_name ON recipients(name);

-- 结对帮扶: 一助一 (one volunteer) or 多助一 (several volunteers on one recipient), dated.
CREATE TABLE pairings (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipients(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    started_on TEXT NOT NULL,
    ended_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX pairings_recipient ON pairings(recipient_id);
CREATE INDEX pairings_volunteer ON pairings(volunteer_id);
CREATE UNIQUE INDEX pairings_open ON pairings(recipient_id, volunteer_id) WHERE ended_on IS NULL;

-- Who an activity served: a named recipient, or a number of people of a group.
CREATE TABLE activity_beneficiaries (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    recipient_id INTEGER REFERENCES recipients(id),
    group_name TEXT NOT NULL,
    people INTEGER NOT NULL DEFAULT 1 CHECK (people > 0),
    created_at TEXT NOT NULL,
    withdrawn_at TEXT,                              -- entered by mistake: kept, marked, audited
    withdrawn_reason TEXT
);
CREATE INDEX activity_beneficiaries_activity ON activity_beneficiaries(activity_id);

-- Public holidays and make-up working days (调休上班) the clerk enters for years the bundled
-- calendar does not cover yet, or to correct it; they take precedence over the package.
CREATE TABLE holidays (
    day TEXT PRIMARY KEY,                           -- ISO date
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    created_at TEXT NOT NULL
);
"""

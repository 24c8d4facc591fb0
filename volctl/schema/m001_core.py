"""The core: settings, counters, code lists, the audit log, import batches and volunteers."""

from __future__ import annotations

import sqlite3

SQL = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL               -- JSON
);

CREATE TABLE counters (
    name TEXT PRIMARY KEY,            -- e.g. volunteer_no, certificate_no
    value INTEGER NOT NULL
);

-- Lists the clerk can extend: activity categories, beneficiary groups, training topics,
-- service intentions. Built-in entries come from DOMAIN.md and cannot be removed.
CREATE TABLE code_lists (
    list TEXT NOT NULL,
    value TEXT NOT NULL,
    position INTEGER NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (list, value)
);

-- Every change: when, by whom, through which command, what. Append-only.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    command TEXT NOT NULL,
    action TEXT NOT NULL,             -- e.g. volunteer.add, volunteer.update
    entity TEXT,                      -- table name
    entity_id INTEGER,
    detail TEXT NOT NULL DEFAULT '{}' -- JSON: the values written, old and new for updates
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'volctl: the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'volctl: the audit log is append-only'); END;

-- One row per file read in by an import command (volunteers or hours).
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('volunteers', 'hours')),
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    sheet TEXT,
    imported_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    rows INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT,
    undo_reason TEXT
);
CREATE INDEX import_batches_hash ON import_batches(file_sha256);

-- The volunteer record: what 志愿服务条例 art. 7 and 志愿服务记录办法 arts. 5-7 ask for.
CREATE TABLE volunteers (
    id INTEGER PRIMARY KEY,
    volunteer_no TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    gender TEXT CHECK (gender IN ('男', '女')),
    birth_date TEXT,                  -- ISO date
    ethnicity TEXT,
    id_type TEXT NOT NULL DEFAULT '居民身份证',
    id_number TEXT NOT NULL,          -- always text, never a number
    phone TEXT,                       -- E.164 text, e.g. +8613812345678
    political_status TEXT,            -- GB/T 4762 full label
    education TEXT,                   -- GB/T 4658 top-level label
    employer TEXT,                    -- 工作单位
    position TEXT,                    -- 职务
    office_phone TEXT,
    address TEXT,
    area TEXT,                        -- community / service area
    skills TEXT NOT NULL DEFAULT '[]',       -- JSON list
    intentions TEXT NOT NULL DEFAULT '[]',   -- JSON list: service intentions
    availability TEXT,
    emergency_contact TEXT,
    emergency_phone TEXT,
    guardian_name TEXT,
    guardian_phone TEXT,
    guardian_relation TEXT,
    guardian_consent_on TEXT,
    registered_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    notes TEXT,
    import_batch_id INTEGER REFERENCES import_batches(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (id_type, id_number)
);
CREATE INDEX volunteers_phone ON volunteers(phone);
CREATE INDEX volunteers_name ON volunteers(name);
CREATE INDEX volunteers_batch ON volunteers(import_batch_id);

-- Status history: a deactivation (or reactivation) is a new row, never an overwrite of the past.
CREATE TABLE volunteer_status_changes (
    id INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    status TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
    reason TEXT NOT NULL,
    effective_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX volunteer_status_changes_volunteer ON volunteer_status_changes(volunteer_id);
CREATE TRIGGER volunteer_status_changes_no_update BEFORE UPDATE ON volunteer_status_changes
BEGIN SELECT RAISE(ABORT, 'volctl: status history is append-only'); END;
CREATE TRIGGER volunteer_status_changes_no_delete BEFORE DELETE ON volunteer_status_changes
BEGIN SELECT RAISE(ABORT, 'volctl: status history is append-only'); END;
"""

# Built-in entries of the lists the clerk can extend (DOMAIN.md).
BUILTIN_LISTS: dict[str, tuple[str, ...]] = {
    # Service categories as the national volunteer information system lists them.
    "category": (
        "社区服务",
        "扶贫减贫",
        "支教助学",
        "卫生健康",
        "法律服务",
        "环境保护",
        "科技科普",
        "文化艺术",
        "平安综治",
        "文明风尚",
        "交通引导",
        "志愿消防",
        "应急救援",
        "禁毒宣传",
        "体育健身",
        "旅游服务",
        "关爱特殊群体",
        "大型活动",
        "疫情防控",
        "其他",
    ),
    # Beneficiary groups: the national list, then the seeds' own words.
    "beneficiary_group": (
        "儿童",
        "妇女",
        "老年人",
        "残障人士",
        "优抚对象",
        "贫困家庭",
        "特殊群体",
        "病患者",
        "农村居民",
        "城镇居民",
        "社会公众",
        "空巢老人",
        "留守儿童",
        "残疾人",
        "农民工",
        "困难家庭",
        "其他",
    ),
    # Training topics named in seed 002.
    "training_topic": (
        "志愿精神",
        "应急救护",
        "卫生保健",
        "环境保护",
        "法律常识",
        "文明交通",
        "文明礼仪",
        "防震减灾",
        "消防安全",
    ),
    # Service intentions for the sign-up sheet's drop-down (the seeds' services).
    "intention": (
        "助老服务",
        "关爱留守儿童",
        "助残服务",
        "关爱农民工",
        "邻里守望",
        "环境保护",
        "植树护绿",
        "文明交通劝导",
        "文明礼仪",
        "文化体育",
        "社区治安巡防",
        "应急救援",
        "法律援助",
        "医疗卫生",
        "网络文明传播",
        "小小志愿者",
        "其他",
    ),
}


def after(conn: sqlite3.Connection) -> None:
    for list_name, values in BUILTIN_LISTS.items():
        conn.executemany(
            "INSERT INTO code_lists (list, value, position, builtin) VALUES (?, ?, ?, 1)",
            [(list_name, value, i) for i, value in enumerate(values)],
        )

"""The register of service certificates (志愿服务记录证明): every certificate issued, append-only.

志愿服务记录与证明出具办法 (2020): whoever recorded the service certifies it, and certificates are
numbered and registered. A row is what was printed: the number (from the per-roster sequence
``counters.certificate_no``), the volunteer (name and document as printed), the period, the
service counted, the issuer's details and the file written. A lost certificate is replaced by a
new one with a new number; nothing is ever changed or removed.
"""

SQL = """
CREATE TABLE certificates (
    id INTEGER PRIMARY KEY,
    certificate_no TEXT NOT NULL UNIQUE,             -- e.g. ZM000001
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    volunteer_no TEXT NOT NULL,                      -- as printed
    name TEXT NOT NULL,
    id_type TEXT NOT NULL,
    period_from TEXT NOT NULL,                       -- ISO dates: the period certified
    period_to TEXT NOT NULL,
    services INTEGER NOT NULL CHECK (services > 0),  -- records with time (人次)
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    issued_on TEXT NOT NULL,
    org_name TEXT NOT NULL,                          -- 出具单位
    responsible_person TEXT,                         -- 负责人
    contact_person TEXT,                             -- 经办人
    contact_phone TEXT,                              -- 联系方式
    file_name TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    CHECK (period_to >= period_from)
);
CREATE INDEX certificates_volunteer ON certificates(volunteer_id, issued_on);
CREATE TRIGGER certificates_no_update BEFORE UPDATE ON certificates
BEGIN SELECT RAISE(ABORT, 'volctl: the certificate register is append-only'); END;
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
BEGIN SELECT RAISE(ABORT, 'volctl: the certificate register is append-only'); END;
"""

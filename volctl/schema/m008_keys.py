"""Keys, signatures and backups: what the roster records about them (``volctl.keys``).

The private halves of the keys never enter the roster: they live in a folder beside it
(``roster.db.keys/``, owner-only), so a backup, which is a copy of the roster file, never
carries them. The roster keeps only public halves and what happened to them:

- ``own_keys``: this roster's public keys, one row per generation (``keys init --rotate``
  ends the previous one); a roster whose key folder went missing is recognised by it.
- ``trusted_keys``: the other offices' public keys, under the name the clerk gave them.
  Revoking or replacing a key ends its row (``ended``); rows are never deleted.
- ``backups``: every backup made, whether it was encrypted and whether it went to removable
  media, for the reminder that the last one on a stick was not encrypted.
- ``merge_sources`` and ``merge_runs`` learn who signed the bundle merged (the trusted name
  and the key's fingerprint) or that an unsigned bundle was accepted: the source's provenance.
"""

SQL = """
CREATE TABLE own_keys (
    id INTEGER PRIMARY KEY,
    public_key TEXT NOT NULL UNIQUE,        -- volctl:<age recipient>:<ssh-ed25519 key>
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    replaced_at TEXT                        -- set when keys init --rotate made the next one
);
CREATE TRIGGER own_keys_no_delete BEFORE DELETE ON own_keys
BEGIN SELECT RAISE(ABORT, 'volctl: key history is kept'); END;
CREATE TRIGGER own_keys_end_once BEFORE UPDATE ON own_keys
WHEN OLD.replaced_at IS NOT NULL OR NEW.public_key IS NOT OLD.public_key
    OR NEW.fingerprint IS NOT OLD.fingerprint OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'volctl: key history is kept'); END;

CREATE TABLE trusted_keys (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                     -- as the clerk typed it: 东湖社区, 当湖街道
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    trusted_at TEXT NOT NULL,
    trusted_by TEXT NOT NULL,
    ended TEXT CHECK (ended IN ('revoked', 'replaced')),
    ended_at TEXT,
    ended_by TEXT
);
CREATE UNIQUE INDEX trusted_keys_name ON trusted_keys(name) WHERE ended IS NULL;
CREATE UNIQUE INDEX trusted_keys_key ON trusted_keys(public_key) WHERE ended IS NULL;
CREATE INDEX trusted_keys_fingerprint ON trusted_keys(fingerprint);
CREATE TRIGGER trusted_keys_no_delete BEFORE DELETE ON trusted_keys
BEGIN SELECT RAISE(ABORT, 'volctl: key history is kept'); END;
CREATE TRIGGER trusted_keys_end_once BEFORE UPDATE ON trusted_keys
WHEN OLD.ended IS NOT NULL OR NEW.name IS NOT OLD.name
    OR NEW.public_key IS NOT OLD.public_key OR NEW.trusted_at IS NOT OLD.trusted_at
BEGIN SELECT RAISE(ABORT, 'volctl: key history is kept'); END;

CREATE TABLE backups (
    id INTEGER PRIMARY KEY,
    made_at TEXT NOT NULL,
    made_by TEXT NOT NULL,
    path TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
    removable INTEGER NOT NULL CHECK (removable IN (0, 1))
);
CREATE TRIGGER backups_no_update BEFORE UPDATE ON backups
BEGIN SELECT RAISE(ABORT, 'volctl: backup history is kept'); END;
CREATE TRIGGER backups_no_delete BEFORE DELETE ON backups
BEGIN SELECT RAISE(ABORT, 'volctl: backup history is kept'); END;

-- 'verified' (signed by a trusted key), 'unsigned' (accepted with --accept-unsigned), or
-- 'roster' (a roster file merged directly); NULL for merges made before this step.
ALTER TABLE merge_sources ADD COLUMN signature TEXT;
ALTER TABLE merge_sources ADD COLUMN signed_by TEXT;
ALTER TABLE merge_runs ADD COLUMN signature TEXT;
ALTER TABLE merge_runs ADD COLUMN signed_by TEXT;
ALTER TABLE merge_runs ADD COLUMN signer_fingerprint TEXT;
ALTER TABLE merge_runs ADD COLUMN encrypted INTEGER;
"""

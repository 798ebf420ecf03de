-- 0001: users and roles, sessions, and the append-only audit log (NEN 7513).
-- Times are microseconds since the Unix epoch, UTC.

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    username             TEXT    NOT NULL UNIQUE,
    display_name         TEXT    NOT NULL,
    password_hash        TEXT    NOT NULL,
    disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
) STRICT;

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role    TEXT    NOT NULL CHECK (role IN ('crisis_worker', 'psychiatrist', 'coordinator', 'admin')),
    PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;

-- Bearer tokens are never stored; only their SHA-256.
CREATE TABLE sessions (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id),
    token_hash     BLOB    NOT NULL UNIQUE,
    created_at     INTEGER NOT NULL,
    last_seen_at   INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,  -- absolute lifetime
    ended_at       INTEGER,
    end_reason     TEXT,
    client_address TEXT    NOT NULL
) STRICT;
CREATE INDEX sessions_live_by_user ON sessions (user_id) WHERE ended_at IS NULL;

-- Append-only: triggers refuse UPDATE and DELETE. Each row's hash is SHA-256 over the previous
-- row's hash and this row's canonical content, so a changed, removed or reordered row shows.
CREATE TABLE audit_events (
    seq            INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,
    user_id        INTEGER NOT NULL DEFAULT 0,
    username       TEXT    NOT NULL DEFAULT '',
    roles          TEXT    NOT NULL DEFAULT '',
    service        TEXT    NOT NULL,
    method         TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    object_ids     TEXT    NOT NULL DEFAULT '',
    youth_id       INTEGER NOT NULL DEFAULT 0,
    client_address TEXT    NOT NULL DEFAULT '',
    result         TEXT    NOT NULL,
    reason         TEXT    NOT NULL DEFAULT '',
    hash           BLOB    NOT NULL
) STRICT;
CREATE INDEX audit_by_user ON audit_events (user_id, seq);
CREATE INDEX audit_by_youth ON audit_events (youth_id, seq) WHERE youth_id <> 0;
CREATE INDEX audit_by_time ON audit_events (at);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

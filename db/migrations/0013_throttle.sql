-- 0013: the sign-in throttle's keys, for a database several daemons share (PostgreSQL keeps the
-- same table). A daemon on its own SQLite file counts in memory and leaves this table empty.
CREATE TABLE login_throttle (
    kind         TEXT    NOT NULL,  -- account | address | device | sign_in_account | sign_in_address
    key          TEXT    NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    last_failure INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    tokens       REAL    NOT NULL DEFAULT 0,
    tokens_at    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;

-- PostgreSQL 0004: the sign-in throttle's keys, shared by every daemon on the database, so that
-- failed logins spread over the daemons count as one (SQLite's 0013).
CREATE TABLE login_throttle (
    kind         TEXT             NOT NULL,  -- account | address | device | sign_in_account | sign_in_address
    key          TEXT             NOT NULL,
    failures     INTEGER          NOT NULL DEFAULT 0,
    last_failure BIGINT           NOT NULL DEFAULT 0,
    locked_until BIGINT           NOT NULL DEFAULT 0,
    tokens       DOUBLE PRECISION NOT NULL DEFAULT 0,
    tokens_at    BIGINT           NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, key)
);
CREATE INDEX login_throttle_by_failure ON login_throttle (last_failure) WHERE failures > 0;

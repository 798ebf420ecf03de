-- PostgreSQL 0003: idempotency keys, as SQLite's 0002 keeps them: the first response to a
-- create, by user, method and key, so that a retry through any daemon gets it back.

CREATE TABLE idempotency_keys (
    user_id      BIGINT NOT NULL,
    method       TEXT   NOT NULL,
    key          TEXT   NOT NULL,
    request_hash BYTEA  NOT NULL,
    response     BYTEA  NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (user_id, method, key)
);

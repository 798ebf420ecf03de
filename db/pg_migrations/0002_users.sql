-- PostgreSQL 0002: users and roles, sessions and the TOTP second factor, as SQLite's 0001, 0005
-- and 0010 keep them. Times are microseconds since the Unix epoch, UTC.

CREATE TABLE users (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             TEXT    NOT NULL UNIQUE,
    display_name         TEXT    NOT NULL,
    password_hash        TEXT    NOT NULL,
    disabled             BOOLEAN NOT NULL DEFAULT false,
    must_change_password BOOLEAN NOT NULL DEFAULT false,
    created_at           BIGINT  NOT NULL,
    updated_at           BIGINT  NOT NULL
);

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users (id),
    role    TEXT   NOT NULL
            CHECK (role IN ('crisis_worker', 'psychiatrist', 'coordinator', 'admin', 'meldcode_officer')),
    PRIMARY KEY (user_id, role)
);

-- Bearer tokens are never stored; only their SHA-256.
CREATE TABLE sessions (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        BIGINT  NOT NULL REFERENCES users (id),
    token_hash     BYTEA   NOT NULL UNIQUE,
    created_at     BIGINT  NOT NULL,
    last_seen_at   BIGINT  NOT NULL,
    expires_at     BIGINT  NOT NULL,
    ended_at       BIGINT,
    end_reason     TEXT,
    client_address TEXT    NOT NULL,
    second_factor  BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX sessions_live_by_user ON sessions (user_id) WHERE ended_at IS NULL;

CREATE TABLE user_totp (
    user_id      BIGINT PRIMARY KEY REFERENCES users (id),
    secret_enc   BYTEA  NOT NULL,
    created_at   BIGINT NOT NULL,
    confirmed_at BIGINT,
    last_step    BIGINT NOT NULL DEFAULT 0
);

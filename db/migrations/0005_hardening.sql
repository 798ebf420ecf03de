-- 0005: the TOTP second factor (RFC 6238) and sessions that passed it.
-- (Numbered 0006 on the main line; the lead renumbers on merge.)

-- One second factor per user. The secret is encrypted (AES-256-GCM, key from the daemon's
-- configuration, bound to the user id), never stored in the clear. confirmed_at is NULL while
-- enrolment waits for its first code. last_step is the 30-second step of the last code
-- accepted: a code is accepted once, so a step at or below it is refused.
CREATE TABLE user_totp (
    user_id      INTEGER PRIMARY KEY REFERENCES users (id),
    secret_enc   BLOB    NOT NULL,
    created_at   INTEGER NOT NULL,
    confirmed_at INTEGER,
    last_step    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- 1 when the session was opened with a second-factor code (or upgraded by confirming one).
ALTER TABLE sessions ADD COLUMN second_factor INTEGER NOT NULL DEFAULT 0 CHECK (second_factor IN (0, 1));

-- PostgreSQL 0004: the event outbox behind the live WebSocket, as SQLite's 0004 keeps it. seq is
-- given under the same transaction lock as the audit log's, so events are numbered in the order
-- their transactions commit and a subscriber that resumes after n misses nothing; each commit
-- tells every daemon's listener (NOTIFY spoed_events, payload the seq).

CREATE TABLE events (
    seq        BIGINT  PRIMARY KEY,
    at         BIGINT  NOT NULL,
    kind       TEXT    NOT NULL,
    audience   INTEGER NOT NULL CHECK (audience BETWEEN 1 AND 7),
    case_id    BIGINT  NOT NULL DEFAULT 0,
    shift_date TEXT    NOT NULL DEFAULT '',
    payload    BYTEA   NOT NULL
);

-- 0004: the event outbox behind the live WebSocket, and the handover alerts already sent.
-- Events are written in the same transaction as the change they report, so a committed change
-- always has its event and a rolled-back one never does; clients resume by sequence number.

CREATE TABLE events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    audience   INTEGER NOT NULL CHECK (audience BETWEEN 1 AND 7),  -- bits: 1 workers, 2 psychiatrists, 4 coordinators
    case_id    INTEGER NOT NULL DEFAULT 0,
    shift_date TEXT    NOT NULL DEFAULT '',  -- the shift the case belongs to; workers of that shift see it
    payload    BLOB    NOT NULL              -- spoed.v1.Event without seq
) STRICT;

-- The morning reminder and the overdue alert are each sent once; the moment is stored with the
-- handover, so a restart neither repeats nor forgets them.
ALTER TABLE handovers ADD COLUMN reminded_at INTEGER;
ALTER TABLE handovers ADD COLUMN overdue_alerted_at INTEGER;

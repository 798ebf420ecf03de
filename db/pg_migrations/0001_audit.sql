-- PostgreSQL 0001: the append-only audit log (NEN 7513), as SQLite's 0001 keeps it.
-- Times are microseconds since the Unix epoch, UTC. seq is given by the store, one more than the
-- newest entry, under a transaction-wide lock: one gap-free sequence, whatever commits first.

CREATE TABLE audit_events (
    seq            BIGINT PRIMARY KEY,
    at             BIGINT NOT NULL,
    user_id        BIGINT NOT NULL DEFAULT 0,
    username       TEXT   NOT NULL DEFAULT '',
    roles          TEXT   NOT NULL DEFAULT '',
    service        TEXT   NOT NULL,
    method         TEXT   NOT NULL,
    action         TEXT   NOT NULL,
    object_ids     TEXT   NOT NULL DEFAULT '',
    youth_id       BIGINT NOT NULL DEFAULT 0,
    client_address TEXT   NOT NULL DEFAULT '',
    result         TEXT   NOT NULL,
    reason         TEXT   NOT NULL DEFAULT '',
    hash           BYTEA  NOT NULL CHECK (length(hash) = 32)
);
CREATE INDEX audit_by_user ON audit_events (user_id, seq);
CREATE INDEX audit_by_youth ON audit_events (youth_id, seq) WHERE youth_id <> 0;
CREATE INDEX audit_by_time ON audit_events (at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

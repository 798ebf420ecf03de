-- 0011: statements (verklaringen) of the youth or a parent, added to the record and shown with
-- it (AVG art. 16, WGBO art. 7:454). Nothing written earlier changes; a statement itself is
-- never changed either.
CREATE TABLE youth_statements (
    id          INTEGER PRIMARY KEY,
    youth_id    INTEGER NOT NULL REFERENCES youths (id),
    by_kind     TEXT    NOT NULL CHECK (by_kind IN ('youth', 'parent')),
    author_name TEXT    NOT NULL,
    about       TEXT    NOT NULL DEFAULT '',
    text        TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id)
) STRICT;
CREATE INDEX youth_statements_by_youth ON youth_statements (youth_id, id);
CREATE TRIGGER youth_statements_unchanged BEFORE UPDATE ON youth_statements
BEGIN
    SELECT RAISE(ABORT, 'a statement is not changed; add a new one');
END;

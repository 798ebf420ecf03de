-- 0012: retention. When a record is past its retention period (20 years after the last contact,
-- as the WGBO and the Jeugdwet set), the personal data of the youth is removed: names, date of
-- birth, numbers, network, statements, and every free text about them. What the figures count
-- stays (the cases keep their codes, and the youth's age, municipality and first plan are already
-- kept on them since 0007), and so does the access log: its lines keep the youth's id, which from
-- then on leads only to a pseudonym, so the hash chain is untouched.
ALTER TABLE youths ADD COLUMN removed_at INTEGER;  -- set when the personal data was removed
ALTER TABLE youths ADD COLUMN pseudonym  TEXT;     -- shown instead of the name afterwards

-- A row here while a removal runs, inside its transaction: the record's write-once triggers make
-- way for the removal only, and the figures keep what they counted.
CREATE TABLE retention_in_progress (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;

DROP TRIGGER plan_versions_immutable;
CREATE TRIGGER plan_versions_immutable BEFORE UPDATE ON plan_versions
    WHEN NOT EXISTS (SELECT 1 FROM retention_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'plan versions are immutable');
END;

DROP TRIGGER evaluations_finalised_read_only;
CREATE TRIGGER evaluations_finalised_read_only BEFORE UPDATE ON evaluations
    WHEN OLD.status = 'finalised' AND NOT EXISTS (SELECT 1 FROM retention_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'a finalised evaluation is read-only');
END;

DROP TRIGGER evaluation_participants_locked_delete;
CREATE TRIGGER evaluation_participants_locked_delete BEFORE DELETE ON evaluation_participants
    WHEN (SELECT status FROM evaluations WHERE id = OLD.evaluation_id) = 'finalised'
         AND NOT EXISTS (SELECT 1 FROM retention_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'a finalised evaluation is read-only');
END;

DROP TRIGGER meldcode_tracks_locked;
CREATE TRIGGER meldcode_tracks_locked BEFORE UPDATE ON meldcode_tracks
    WHEN OLD.state <> 'open' AND NOT EXISTS (SELECT 1 FROM retention_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'a decided Meldcode track is read-only');
END;

DROP TRIGGER youths_figures;
CREATE TRIGGER youths_figures AFTER UPDATE OF date_of_birth, municipality ON youths
    WHEN (NEW.date_of_birth IS NOT OLD.date_of_birth OR NEW.municipality IS NOT OLD.municipality)
         AND NOT EXISTS (SELECT 1 FROM retention_in_progress)
BEGIN
    UPDATE cases SET youth_age = (SELECT age FROM case_youth_ages WHERE case_id = cases.id),
        youth_municipality = NEW.municipality
    WHERE youth_id = NEW.id;
END;

-- The register of destruction requests (vernietigingsverzoeken): who asked, the decision and
-- its reason. A granted request removes the personal data as above.
CREATE TABLE destruction_requests (
    id           INTEGER PRIMARY KEY,
    youth_id     INTEGER NOT NULL REFERENCES youths (id),
    requested_by TEXT    NOT NULL,
    by_kind      TEXT    NOT NULL CHECK (by_kind IN ('youth', 'parent')),
    decision     TEXT    NOT NULL CHECK (decision IN ('granted', 'refused')),
    reason       TEXT    NOT NULL,
    decided_by   INTEGER NOT NULL REFERENCES users (id),
    decided_at   INTEGER NOT NULL,
    pseudonym    TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE TRIGGER destruction_requests_unchanged BEFORE UPDATE ON destruction_requests
BEGIN
    SELECT RAISE(ABORT, 'the register of destruction requests is not changed');
END;

-- 0006: the learning loop — evaluations of complex cases with their explanatory analysis,
-- participants and review comments; improvement proposals with their status history; the
-- coordinators' narrative per period. A finalised evaluation is read-only, in the schema too.

CREATE TABLE evaluations (
    id                    INTEGER PRIMARY KEY,
    case_id               INTEGER NOT NULL UNIQUE REFERENCES cases (id),
    reasons               TEXT    NOT NULL,  -- comma-separated: manual, marked_complex, admission, …
    status                TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'finalised')),
    due_by                TEXT    NOT NULL CHECK (due_by GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    planned_for           TEXT    NOT NULL DEFAULT '',
    held_on               TEXT    NOT NULL DEFAULT '',
    care_timeline         TEXT    NOT NULL DEFAULT '',
    went_well             TEXT    NOT NULL DEFAULT '',
    could_be_better       TEXT    NOT NULL DEFAULT '',
    right_help            TEXT    NOT NULL DEFAULT '' CHECK (right_help IN ('', 'yes', 'partly', 'no')),
    right_help_note       TEXT    NOT NULL DEFAULT '',
    prevent_next          TEXT    NOT NULL DEFAULT '',
    changes_plan          INTEGER NOT NULL DEFAULT 0 CHECK (changes_plan IN (0, 1)),
    plan_changes          TEXT    NOT NULL DEFAULT '',
    plan_version          INTEGER NOT NULL DEFAULT 0,
    created_by            INTEGER REFERENCES users (id),  -- NULL: planned automatically at closing
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    finalised_by          INTEGER REFERENCES users (id),
    finalised_at          INTEGER,
    CHECK ((status = 'finalised') = (finalised_at IS NOT NULL)),
    CHECK (status = 'planned' OR held_on <> '')
) STRICT;
CREATE INDEX evaluations_by_due ON evaluations (status, due_by);

CREATE TRIGGER evaluations_finalised_read_only BEFORE UPDATE ON evaluations WHEN OLD.status = 'finalised'
BEGIN
    SELECT RAISE(ABORT, 'a finalised evaluation is read-only');
END;
CREATE TRIGGER evaluations_no_delete BEFORE DELETE ON evaluations
BEGIN
    SELECT RAISE(ABORT, 'evaluations are not deleted');
END;

CREATE TABLE evaluation_participants (
    evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
    position      INTEGER NOT NULL,
    organisation  TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT '',
    user_id       INTEGER REFERENCES users (id),
    PRIMARY KEY (evaluation_id, position)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER evaluation_participants_locked_insert BEFORE INSERT ON evaluation_participants
    WHEN (SELECT status FROM evaluations WHERE id = NEW.evaluation_id) = 'finalised'
BEGIN
    SELECT RAISE(ABORT, 'a finalised evaluation is read-only');
END;
CREATE TRIGGER evaluation_participants_locked_delete BEFORE DELETE ON evaluation_participants
    WHEN (SELECT status FROM evaluations WHERE id = OLD.evaluation_id) = 'finalised'
BEGIN
    SELECT RAISE(ABORT, 'a finalised evaluation is read-only');
END;

CREATE TABLE evaluation_comments (
    id            INTEGER PRIMARY KEY,
    evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
    author_id     INTEGER NOT NULL REFERENCES users (id),
    at            INTEGER NOT NULL,
    text          TEXT    NOT NULL
) STRICT;
CREATE INDEX evaluation_comments_by_evaluation ON evaluation_comments (evaluation_id, at);
CREATE TRIGGER evaluation_comments_locked BEFORE INSERT ON evaluation_comments
    WHEN (SELECT status FROM evaluations WHERE id = NEW.evaluation_id) = 'finalised'
BEGIN
    SELECT RAISE(ABORT, 'a finalised evaluation is read-only');
END;

CREATE TABLE proposals (
    id              INTEGER PRIMARY KEY,
    text            TEXT    NOT NULL,
    addressee_kind  TEXT    NOT NULL CHECK (addressee_kind IN ('partner', 'municipality', 'own_team')),
    addressee       TEXT    NOT NULL DEFAULT '',
    organisation_id INTEGER REFERENCES organisations (id),
    theme           TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'discussed', 'adopted', 'implemented', 'rejected')),
    created_by      INTEGER NOT NULL REFERENCES users (id),
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX proposals_by_status ON proposals (status, created_at);
CREATE INDEX proposals_by_created ON proposals (created_at);

CREATE TABLE proposal_sources (
    proposal_id   INTEGER NOT NULL REFERENCES proposals (id),
    evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
    PRIMARY KEY (proposal_id, evaluation_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX proposal_sources_by_evaluation ON proposal_sources (evaluation_id);

CREATE TABLE proposal_status_changes (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id),
    status      TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    by_user     INTEGER NOT NULL REFERENCES users (id),
    note        TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX proposal_status_changes_by_proposal ON proposal_status_changes (proposal_id, id);
CREATE TRIGGER proposal_status_changes_immutable BEFORE UPDATE ON proposal_status_changes
BEGIN
    SELECT RAISE(ABORT, 'status history is append-only');
END;

-- "Counted and told": the narrative of a month ("2026-11"), quarter ("2026-Q4") or year ("2026").
CREATE TABLE period_notes (
    period     TEXT    PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]*'),
    text       TEXT    NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users (id),
    updated_at INTEGER NOT NULL
) STRICT;

-- 0010: the Meldcode huiselijk geweld en kindermishandeling as a track inside a case (at most
-- one per case), its consultations (step 2), the role of the aandachtsfunctionaris, and
-- evaluation participants who are the youth or family and so belong to no organisation.

-- SQLite cannot change a CHECK: the role table is made again with the new role.
CREATE TABLE user_roles_0010 (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role    TEXT    NOT NULL CHECK (role IN ('crisis_worker', 'psychiatrist', 'coordinator', 'admin',
                                             'meldcode_officer')),
    PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;
INSERT INTO user_roles_0010 (user_id, role) SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_0010 RENAME TO user_roles;
CREATE TABLE meldcode_tracks (
    id                     INTEGER PRIMARY KEY,
    case_id                INTEGER NOT NULL UNIQUE REFERENCES cases (id),
    state                  TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'decided', 'transferred')),
    observed_signals       TEXT    NOT NULL,
    started_at             INTEGER NOT NULL,
    started_by             INTEGER NOT NULL REFERENCES users (id),
    conversation           TEXT    NOT NULL DEFAULT '' CHECK (conversation IN ('', 'held', 'not_held')),
    conversation_with      TEXT    NOT NULL DEFAULT '',
    conversation_note      TEXT    NOT NULL DEFAULT '',
    -- The afwegingskader's five questions: '' (not answered), 'yes' or 'no', with the reason.
    q1_answer TEXT NOT NULL DEFAULT '' CHECK (q1_answer IN ('', 'yes', 'no')),
    q1_reason TEXT NOT NULL DEFAULT '',
    q2_answer TEXT NOT NULL DEFAULT '' CHECK (q2_answer IN ('', 'yes', 'no')),
    q2_reason TEXT NOT NULL DEFAULT '',
    q3_answer TEXT NOT NULL DEFAULT '' CHECK (q3_answer IN ('', 'yes', 'no')),
    q3_reason TEXT NOT NULL DEFAULT '',
    q4_answer TEXT NOT NULL DEFAULT '' CHECK (q4_answer IN ('', 'yes', 'no')),
    q4_reason TEXT NOT NULL DEFAULT '',
    q5_answer TEXT NOT NULL DEFAULT '' CHECK (q5_answer IN ('', 'yes', 'no')),
    q5_reason TEXT NOT NULL DEFAULT '',
    decision               TEXT    CHECK (decision IN ('report', 'help', 'closed')),
    decision_note          TEXT    NOT NULL DEFAULT '',
    decided_by             INTEGER REFERENCES users (id),
    decided_at             INTEGER,
    veilig_thuis_reference TEXT    NOT NULL DEFAULT '',
    handover_id            INTEGER REFERENCES handovers (id),
    updated_at             INTEGER NOT NULL,
    CHECK ((state = 'decided') = (decision IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK ((state = 'transferred') = (handover_id IS NOT NULL))
) STRICT;
CREATE INDEX meldcode_tracks_by_state ON meldcode_tracks (state, started_at);
-- A decided or handed-over track is part of the record as it stood: it does not change.
CREATE TRIGGER meldcode_tracks_locked BEFORE UPDATE ON meldcode_tracks WHEN OLD.state <> 'open'
BEGIN
    SELECT RAISE(ABORT, 'a decided Meldcode track is read-only');
END;

CREATE TABLE meldcode_consultations (
    id          INTEGER PRIMARY KEY,
    track_id    INTEGER NOT NULL REFERENCES meldcode_tracks (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('colleague', 'meldcode_officer', 'veilig_thuis')),
    anonymous   INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    user_id     INTEGER REFERENCES users (id),
    with_whom   TEXT    NOT NULL DEFAULT '',
    advice      TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id)
) STRICT;
CREATE INDEX meldcode_consultations_by_track ON meldcode_consultations (track_id, id);
CREATE TRIGGER meldcode_consultations_locked BEFORE INSERT ON meldcode_consultations
    WHEN (SELECT state FROM meldcode_tracks WHERE id = NEW.track_id) <> 'open'
BEGIN
    SELECT RAISE(ABORT, 'a decided Meldcode track is read-only');
END;

ALTER TABLE evaluation_participants ADD COLUMN kind TEXT NOT NULL DEFAULT 'professional'
    CHECK (kind IN ('professional', 'youth', 'family'));

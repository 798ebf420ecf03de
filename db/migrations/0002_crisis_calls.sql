-- 0002: youths and their look-up, consent, pre-registration, versioned safety plans,
-- break-the-glass, cases with contacts, consults, shifts, and idempotency keys.
-- Times are microseconds since the Unix epoch (UTC); dates are ISO 'YYYY-MM-DD'.

CREATE TABLE youths (
    id            INTEGER PRIMARY KEY,
    given_name    TEXT    NOT NULL,
    family_name   TEXT    NOT NULL,
    folded_name   TEXT    NOT NULL,  -- lower-case, accents removed: what look-up matches
    date_of_birth TEXT    NOT NULL CHECK (date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    municipality  TEXT    NOT NULL DEFAULT '',
    bsn           TEXT,
    created_by    INTEGER NOT NULL REFERENCES users (id),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX youths_by_birth ON youths (date_of_birth);

-- Name look-up by fragment (trigram): rowid = youths.id.
CREATE VIRTUAL TABLE youth_names USING fts5 (folded_name, tokenize = 'trigram');

CREATE TABLE youth_phones (
    id       INTEGER PRIMARY KEY,
    youth_id INTEGER NOT NULL REFERENCES youths (id),
    number   TEXT    NOT NULL,  -- normalised "+31612345678"
    label    TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX youth_phones_by_youth ON youth_phones (youth_id);
CREATE INDEX youth_phones_by_number ON youth_phones (number);

CREATE TABLE youth_contacts (
    id       INTEGER PRIMARY KEY,
    youth_id INTEGER NOT NULL REFERENCES youths (id),
    kind     TEXT    NOT NULL CHECK (kind IN ('guardian', 'network')),
    name     TEXT    NOT NULL,
    relation TEXT    NOT NULL DEFAULT '',
    phone    TEXT    NOT NULL DEFAULT ''  -- normalised, or '' when none
) STRICT;
CREATE INDEX youth_contacts_by_youth ON youth_contacts (youth_id);
CREATE INDEX youth_contacts_by_phone ON youth_contacts (phone) WHERE phone <> '';

CREATE TABLE consents (
    id                INTEGER PRIMARY KEY,
    youth_id          INTEGER NOT NULL REFERENCES youths (id),
    scope             TEXT    NOT NULL
                      CHECK (scope IN ('pre_registration', 'dossier_access', 'inform_local_team', 'share_plan')),
    given_by_youth    INTEGER NOT NULL CHECK (given_by_youth IN (0, 1)),
    given_by_guardian TEXT    NOT NULL DEFAULT '',
    given_at          INTEGER NOT NULL,
    valid_until       INTEGER,
    withdrawn_at      INTEGER,
    withdrawn_by      INTEGER REFERENCES users (id),
    recorded_by       INTEGER NOT NULL REFERENCES users (id),
    recorded_at       INTEGER NOT NULL,
    note              TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX consents_by_youth ON consents (youth_id, scope);

CREATE TABLE pre_registrations (
    id                   INTEGER PRIMARY KEY,
    youth_id             INTEGER NOT NULL REFERENCES youths (id),
    organisation         TEXT    NOT NULL,
    professional         TEXT    NOT NULL,
    professional_phone   TEXT    NOT NULL DEFAULT '',
    ongoing_care         TEXT    NOT NULL DEFAULT '',
    ongoing_care_contact TEXT    NOT NULL DEFAULT '',
    legal_measure        TEXT    NOT NULL
                         CHECK (legal_measure IN ('none', 'supervision_order', 'guardianship', 'other')),
    legal_measure_note   TEXT    NOT NULL DEFAULT '',
    started_at           INTEGER NOT NULL,
    ended_at             INTEGER,
    end_reason           TEXT    NOT NULL DEFAULT '',
    created_by           INTEGER NOT NULL REFERENCES users (id),
    updated_at           INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX pre_registrations_one_active ON pre_registrations (youth_id) WHERE ended_at IS NULL;

-- Versions are immutable: a new version never overwrites an old one.
CREATE TABLE plan_versions (
    id          INTEGER PRIMARY KEY,
    youth_id    INTEGER NOT NULL REFERENCES youths (id),
    version     INTEGER NOT NULL CHECK (version >= 1),
    author_id   INTEGER NOT NULL REFERENCES users (id),
    created_at  INTEGER NOT NULL,
    change_note TEXT    NOT NULL,
    content     BLOB    NOT NULL,  -- spoed.v1.PlanContent, protobuf binary
    UNIQUE (youth_id, version)
) STRICT;
CREATE TRIGGER plan_versions_immutable BEFORE UPDATE ON plan_versions
BEGIN
    SELECT RAISE(ABORT, 'plan versions are immutable');
END;
CREATE TRIGGER plan_versions_no_delete BEFORE DELETE ON plan_versions
BEGIN
    SELECT RAISE(ABORT, 'plan versions are immutable');
END;

CREATE TABLE break_glass (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    youth_id        INTEGER NOT NULL REFERENCES youths (id),
    reason          TEXT    NOT NULL,
    opened_at       INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    reviewed_at     INTEGER,
    reviewed_by     INTEGER REFERENCES users (id),
    review_approved INTEGER CHECK (review_approved IN (0, 1)),
    review_note     TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX break_glass_by_user_youth ON break_glass (user_id, youth_id, expires_at);
CREATE INDEX break_glass_unreviewed ON break_glass (opened_at) WHERE reviewed_at IS NULL;

CREATE TABLE cases (
    id                 INTEGER PRIMARY KEY,
    youth_id           INTEGER REFERENCES youths (id),
    caller_description TEXT    NOT NULL DEFAULT '',
    status             TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
    complexity         TEXT    NOT NULL DEFAULT 'normal' CHECK (complexity IN ('normal', 'complex')),
    case_lead          INTEGER REFERENCES users (id),
    outcome            TEXT    CHECK (outcome IN ('stayed_home', 'own_network', 'crisis_placement', 'admission')),
    opened_by          INTEGER NOT NULL REFERENCES users (id),
    opened_at          INTEGER NOT NULL,
    closed_at          INTEGER,
    closed_by          INTEGER REFERENCES users (id),
    closing_note       TEXT    NOT NULL DEFAULT '',
    updated_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX cases_by_youth ON cases (youth_id, opened_at);
CREATE INDEX cases_open ON cases (opened_at) WHERE status = 'open';
CREATE INDEX cases_by_opened ON cases (opened_at);

CREATE TABLE case_problem_areas (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    area    TEXT    NOT NULL,
    PRIMARY KEY (case_id, area)
) STRICT, WITHOUT ROWID;

CREATE TABLE case_risk_flags (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    flag    TEXT    NOT NULL,
    PRIMARY KEY (case_id, flag)
) STRICT, WITHOUT ROWID;

CREATE TABLE case_events (  -- the timeline beyond contacts and consults
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    at      INTEGER NOT NULL,
    kind    TEXT    NOT NULL,
    text    TEXT    NOT NULL DEFAULT '',
    by_user INTEGER NOT NULL REFERENCES users (id)
) STRICT;
CREATE INDEX case_events_by_case ON case_events (case_id, at);

CREATE TABLE contacts (
    id                     INTEGER PRIMARY KEY,
    case_id                INTEGER NOT NULL REFERENCES cases (id),
    type                   TEXT    NOT NULL CHECK (type IN ('incoming_call', 'outgoing_call', 'home_visit')),
    started_at             INTEGER NOT NULL,
    ended_at               INTEGER,
    caller_role            TEXT    NOT NULL
                           CHECK (caller_role IN ('youth', 'parent', 'professional', 'police', 'gp', 'other')),
    caller_phone           TEXT    NOT NULL DEFAULT '',
    summary                TEXT    NOT NULL DEFAULT '',
    plan_version_consulted INTEGER NOT NULL DEFAULT 0,
    logged_by              INTEGER NOT NULL REFERENCES users (id),
    logged_at              INTEGER NOT NULL
) STRICT;
CREATE INDEX contacts_by_case ON contacts (case_id, started_at);
CREATE INDEX contacts_by_caller ON contacts (caller_phone) WHERE caller_phone <> '';

CREATE TABLE contact_workers (
    contact_id INTEGER NOT NULL REFERENCES contacts (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (contact_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_workers_by_user ON contact_workers (user_id);

CREATE TABLE contact_responses (
    contact_id INTEGER NOT NULL REFERENCES contacts (id),
    response   TEXT    NOT NULL,
    PRIMARY KEY (contact_id, response)
) STRICT, WITHOUT ROWID;

CREATE TABLE consults (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    question     TEXT    NOT NULL,
    urgency      TEXT    NOT NULL CHECK (urgency IN ('routine', 'urgent', 'immediate')),
    requested_by INTEGER NOT NULL REFERENCES users (id),
    requested_at INTEGER NOT NULL,
    psychiatrist INTEGER REFERENCES users (id),
    answered_at  INTEGER,
    advice       TEXT
) STRICT;
CREATE INDEX consults_by_case ON consults (case_id);
CREATE INDEX consults_open ON consults (requested_at) WHERE answered_at IS NULL;

CREATE TABLE shifts (
    shift_date         TEXT    PRIMARY KEY,
    psychiatrist       INTEGER REFERENCES users (id),
    psychiatrist_phone TEXT    NOT NULL DEFAULT '',
    set_by             INTEGER NOT NULL REFERENCES users (id),
    set_at             INTEGER NOT NULL
) STRICT;

CREATE TABLE shift_workers (
    shift_date TEXT    NOT NULL REFERENCES shifts (shift_date),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (shift_date, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE shift_notes (
    id         INTEGER PRIMARY KEY,
    shift_date TEXT    NOT NULL,
    author_id  INTEGER NOT NULL REFERENCES users (id),
    written_at INTEGER NOT NULL,
    text       TEXT    NOT NULL
) STRICT;
CREATE INDEX shift_notes_by_date ON shift_notes (shift_date, written_at);

-- A create RPC with a client-chosen key answers the same key again with the stored response.
CREATE TABLE idempotency_keys (
    user_id      INTEGER NOT NULL,
    method       TEXT    NOT NULL,
    key          TEXT    NOT NULL,
    request_hash BLOB    NOT NULL,
    response     BLOB    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, method, key)
) STRICT, WITHOUT ROWID;

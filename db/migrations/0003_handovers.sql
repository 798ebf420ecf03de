-- 0003: the partner directory (sociale kaart) and warm handovers with their steps.

CREATE TABLE organisations (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL CHECK (kind IN ('care_provider', 'local_team', 'gp', 'veilig_thuis', 'other')),
    municipality TEXT    NOT NULL DEFAULT '',
    phone        TEXT    NOT NULL DEFAULT '',
    availability TEXT    NOT NULL DEFAULT '',
    updated_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX organisations_by_municipality ON organisations (municipality, kind);

CREATE TABLE directory_contacts (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name            TEXT    NOT NULL,
    role            TEXT    NOT NULL DEFAULT '',
    phone           TEXT    NOT NULL DEFAULT '',
    availability    TEXT    NOT NULL DEFAULT '',
    designated      INTEGER NOT NULL DEFAULT 0 CHECK (designated IN (0, 1))
) STRICT;
CREATE INDEX directory_contacts_by_organisation ON directory_contacts (organisation_id);

-- Seed: the local team of every municipality of the province of Groningen, with a placeholder
-- designated contact to be replaced by the real one.
INSERT INTO organisations (name, kind, municipality, phone, availability, updated_at) VALUES
    ('Lokaal team Groningen', 'local_team', 'Groningen', '', 'ma–vr 9–17', 0),
    ('Lokaal team Eemsdelta', 'local_team', 'Eemsdelta', '', 'ma–vr 9–17', 0),
    ('Lokaal team Het Hogeland', 'local_team', 'Het Hogeland', '', 'ma–vr 9–17', 0),
    ('Lokaal team Midden-Groningen', 'local_team', 'Midden-Groningen', '', 'ma–vr 9–17', 0),
    ('Lokaal team Oldambt', 'local_team', 'Oldambt', '', 'ma–vr 9–17', 0),
    ('Lokaal team Pekela', 'local_team', 'Pekela', '', 'ma–vr 9–17', 0),
    ('Lokaal team Stadskanaal', 'local_team', 'Stadskanaal', '', 'ma–vr 9–17', 0),
    ('Lokaal team Veendam', 'local_team', 'Veendam', '', 'ma–vr 9–17', 0),
    ('Lokaal team Westerkwartier', 'local_team', 'Westerkwartier', '', 'ma–vr 9–17', 0),
    ('Lokaal team Westerwolde', 'local_team', 'Westerwolde', '', 'ma–vr 9–17', 0);
INSERT INTO directory_contacts (organisation_id, name, role, designated)
    SELECT id, 'Vaste contactpersoon (nog invullen)', 'vaste contactpersoon', 1 FROM organisations;

CREATE TABLE handovers (
    id                INTEGER PRIMARY KEY,
    case_id           INTEGER NOT NULL REFERENCES cases (id),
    kind              TEXT    NOT NULL CHECK (kind IN ('ongoing_care', 'intensive_home_treatment', 'local_team', 'gp',
                                                        'veilig_thuis', 'other')),
    organisation_id   INTEGER REFERENCES organisations (id),
    recipient_name    TEXT    NOT NULL,
    recipient_contact TEXT    NOT NULL DEFAULT '',
    recipient_phone   TEXT    NOT NULL DEFAULT '',
    consent_id        INTEGER REFERENCES consents (id),
    legal_ground      TEXT    NOT NULL DEFAULT '',
    due_at            INTEGER NOT NULL,
    due_reason        TEXT    NOT NULL DEFAULT '',
    status            TEXT    NOT NULL CHECK (status IN ('open', 'confirmed', 'escalated')),
    agreements        TEXT    NOT NULL DEFAULT '',
    escalation_reason TEXT    NOT NULL DEFAULT '',
    created_by        INTEGER NOT NULL REFERENCES users (id),
    created_at        INTEGER NOT NULL,
    CHECK (consent_id IS NOT NULL OR legal_ground <> '')
) STRICT;
CREATE INDEX handovers_by_case ON handovers (case_id);
CREATE INDEX handovers_unconfirmed ON handovers (due_at) WHERE status <> 'confirmed';

CREATE TABLE handover_steps (
    handover_id INTEGER NOT NULL REFERENCES handovers (id),
    step        TEXT    NOT NULL CHECK (step IN ('receiver_contacted', 'family_contacted', 'agreements_recorded',
                                                 'confirmed')),
    at          INTEGER NOT NULL,
    by_user     INTEGER NOT NULL REFERENCES users (id),
    note        TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (handover_id, step)
) STRICT, WITHOUT ROWID;

-- 0007: what the figures need of each case, kept with the case as it is written, so that a year
-- of figures is a scan of one index instead of a dozen look-ups per case (docs/performance.md).
-- Triggers keep every column true whichever repository writes the source rows; the source
-- tables stay the truth, and the backfill below fills the columns for rows written before.

-- Counts of the case's own rows, and the facts of its youth that the figures read: the youth's
-- age on the (Amsterdam) date the case was opened by the youth's current date of birth, the
-- youth's current municipality, and the time of the youth's first plan version.
ALTER TABLE cases ADD COLUMN contacts_n          INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN consults_n          INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN consults_answered_n INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN problem_areas_n     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN risk_flags_n        INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN evaluation_held     INTEGER NOT NULL DEFAULT 0;  -- held or finalised
ALTER TABLE cases ADD COLUMN youth_age           INTEGER;                     -- NULL: no youth
ALTER TABLE cases ADD COLUMN youth_municipality  TEXT;
ALTER TABLE cases ADD COLUMN youth_first_plan_at INTEGER;                     -- NULL: no plan

-- On the handover itself: its case's opening time and youth's municipality (as on the case),
-- and the time of the confirmation step.
ALTER TABLE handovers ADD COLUMN case_opened_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE handovers ADD COLUMN municipality   TEXT;
ALTER TABLE handovers ADD COLUMN confirmed_at   INTEGER;

-- One row per case and problem area, risk flag or response (with the number of the case's
-- contacts that gave it), ordered by key and opening time: a period's tally of one key is a
-- range of this table, without a sort.
CREATE TABLE case_figure_keys (
    figure    TEXT    NOT NULL CHECK (figure IN ('problem_area', 'risk_flag', 'response')),
    key       TEXT    NOT NULL,
    opened_at INTEGER NOT NULL,  -- the case's
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    n         INTEGER NOT NULL CHECK (n >= 1),
    PRIMARY KEY (figure, key, opened_at, case_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_figure_keys_by_case ON case_figure_keys (case_id);

-- A case's youth's age when the case was opened, in whole years on the Amsterdam date (EU summer
-- time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October).
CREATE VIEW case_youth_ages AS
SELECT id AS case_id,
       CAST(strftime('%Y', ls, 'unixepoch') AS INTEGER) - CAST(substr(dob, 1, 4) AS INTEGER) -
           (strftime('%m-%d', ls, 'unixepoch') < substr(dob, 6, 5)) AS age
FROM (SELECT c.id AS id, y.date_of_birth AS dob, c.opened_at / 1000000 + CASE
          WHEN c.opened_at / 1000000 >= CAST(strftime('%s', strftime('%Y', c.opened_at / 1000000, 'unixepoch') || '-04-01',
                                                     'weekday 0', '-7 days') AS INTEGER) + 3600
           AND c.opened_at / 1000000 < CAST(strftime('%s', strftime('%Y', c.opened_at / 1000000, 'unixepoch') || '-11-01',
                                                    'weekday 0', '-7 days') AS INTEGER) + 3600
          THEN 7200 ELSE 3600 END AS ls
      FROM cases AS c JOIN youths AS y ON y.id = c.youth_id);

-- Backfill.
UPDATE cases SET
    contacts_n = (SELECT count(*) FROM contacts WHERE case_id = cases.id),
    consults_n = (SELECT count(*) FROM consults WHERE case_id = cases.id),
    consults_answered_n = (SELECT count(*) FROM consults WHERE case_id = cases.id AND answered_at IS NOT NULL),
    problem_areas_n = (SELECT count(*) FROM case_problem_areas WHERE case_id = cases.id),
    risk_flags_n = (SELECT count(*) FROM case_risk_flags WHERE case_id = cases.id),
    evaluation_held = EXISTS (SELECT 1 FROM evaluations WHERE case_id = cases.id AND status IN ('held', 'finalised')),
    youth_age = (SELECT age FROM case_youth_ages WHERE case_id = cases.id),
    youth_municipality = (SELECT municipality FROM youths WHERE id = cases.youth_id),
    youth_first_plan_at = (SELECT min(created_at) FROM plan_versions WHERE youth_id = cases.youth_id);
UPDATE handovers SET
    case_opened_at = (SELECT opened_at FROM cases WHERE id = handovers.case_id),
    municipality = (SELECT youth_municipality FROM cases WHERE id = handovers.case_id),
    confirmed_at = (SELECT at FROM handover_steps WHERE handover_id = handovers.id AND step = 'confirmed');
INSERT INTO case_figure_keys (figure, key, opened_at, case_id, n)
    SELECT 'problem_area', x.area, c.opened_at, c.id, 1 FROM case_problem_areas AS x JOIN cases AS c ON c.id = x.case_id;
INSERT INTO case_figure_keys (figure, key, opened_at, case_id, n)
    SELECT 'risk_flag', x.flag, c.opened_at, c.id, 1 FROM case_risk_flags AS x JOIN cases AS c ON c.id = x.case_id;
INSERT INTO case_figure_keys (figure, key, opened_at, case_id, n)
    SELECT 'response', r.response, c.opened_at, c.id, count(*) FROM contact_responses AS r
    JOIN contacts AS t ON t.id = r.contact_id JOIN cases AS c ON c.id = t.case_id GROUP BY c.id, r.response;

-- The figures' scans: cases and handovers by the case's opening time, with every column the
-- figures read.
CREATE INDEX cases_figures ON cases (opened_at, youth_id, complexity, outcome, contacts_n, consults_n,
    consults_answered_n, problem_areas_n, risk_flags_n, evaluation_held, youth_age, youth_municipality,
    youth_first_plan_at);
CREATE INDEX handovers_figures ON handovers (case_opened_at, municipality, created_at, due_at, confirmed_at);

-- Cases: the youth's facts when the case is written, linked to another youth or its opening
-- time corrected; the keys move with the opening time.
CREATE TRIGGER cases_figures_insert AFTER INSERT ON cases WHEN NEW.youth_id IS NOT NULL
BEGIN
    UPDATE cases SET
        youth_age = (SELECT age FROM case_youth_ages WHERE case_id = NEW.id),
        youth_municipality = (SELECT municipality FROM youths WHERE id = NEW.youth_id),
        youth_first_plan_at = (SELECT min(created_at) FROM plan_versions WHERE youth_id = NEW.youth_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER cases_figures_youth AFTER UPDATE OF youth_id, opened_at ON cases
    WHEN NEW.youth_id IS NOT OLD.youth_id OR NEW.opened_at <> OLD.opened_at
BEGIN
    UPDATE cases SET
        youth_age = (SELECT age FROM case_youth_ages WHERE case_id = NEW.id),
        youth_municipality = (SELECT municipality FROM youths WHERE id = NEW.youth_id),
        youth_first_plan_at = (SELECT min(created_at) FROM plan_versions WHERE youth_id = NEW.youth_id)
    WHERE id = NEW.id;
    UPDATE case_figure_keys SET opened_at = NEW.opened_at WHERE case_id = NEW.id AND opened_at <> NEW.opened_at;
END;

-- Youths and plans: their facts on the youth's cases.
CREATE TRIGGER youths_figures AFTER UPDATE OF date_of_birth, municipality ON youths
    WHEN NEW.date_of_birth IS NOT OLD.date_of_birth OR NEW.municipality IS NOT OLD.municipality
BEGIN
    UPDATE cases SET youth_age = (SELECT age FROM case_youth_ages WHERE case_id = cases.id),
        youth_municipality = NEW.municipality
    WHERE youth_id = NEW.id;
END;
CREATE TRIGGER plan_versions_figures AFTER INSERT ON plan_versions
BEGIN
    UPDATE cases SET youth_first_plan_at = NEW.created_at
    WHERE youth_id = NEW.youth_id AND (youth_first_plan_at IS NULL OR youth_first_plan_at > NEW.created_at);
END;

-- Contacts and their responses.
CREATE TRIGGER contacts_figures_insert AFTER INSERT ON contacts
BEGIN
    UPDATE cases SET contacts_n = contacts_n + 1 WHERE id = NEW.case_id;
END;
CREATE TRIGGER contacts_figures_delete AFTER DELETE ON contacts
BEGIN
    UPDATE cases SET contacts_n = contacts_n - 1 WHERE id = OLD.case_id;
END;
CREATE TRIGGER contacts_figures_move AFTER UPDATE OF case_id ON contacts WHEN NEW.case_id <> OLD.case_id
BEGIN
    UPDATE cases SET contacts_n = contacts_n - 1 WHERE id = OLD.case_id;
    UPDATE cases SET contacts_n = contacts_n + 1 WHERE id = NEW.case_id;
    UPDATE case_figure_keys SET n = n - r.c FROM (SELECT response, count(*) AS c FROM contact_responses
        WHERE contact_id = NEW.id GROUP BY response) AS r
        WHERE figure = 'response' AND key = r.response AND case_id = OLD.case_id
        AND opened_at = (SELECT opened_at FROM cases WHERE id = OLD.case_id);
    DELETE FROM case_figure_keys WHERE case_id = OLD.case_id AND figure = 'response' AND n = 0;
    INSERT INTO case_figure_keys (figure, key, opened_at, case_id, n)
        SELECT 'response', response, (SELECT opened_at FROM cases WHERE id = NEW.case_id), NEW.case_id, count(*)
        FROM contact_responses WHERE contact_id = NEW.id GROUP BY response
        ON CONFLICT (figure, key, opened_at, case_id) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER contact_responses_figures_insert AFTER INSERT ON contact_responses
BEGIN
    INSERT INTO case_figure_keys (figure, key, opened_at, case_id, n)
        SELECT 'response', NEW.response, c.opened_at, c.id, 1 FROM contacts AS t JOIN cases AS c ON c.id = t.case_id
        WHERE t.id = NEW.contact_id
        ON CONFLICT (figure, key, opened_at, case_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER contact_responses_figures_delete AFTER DELETE ON contact_responses
BEGIN
    UPDATE case_figure_keys SET n = n - 1 WHERE figure = 'response' AND key = OLD.response
        AND (opened_at, case_id) = (SELECT c.opened_at, c.id FROM contacts AS t JOIN cases AS c ON c.id = t.case_id
                                    WHERE t.id = OLD.contact_id);
    DELETE FROM case_figure_keys WHERE figure = 'response' AND key = OLD.response AND n = 0
        AND case_id = (SELECT case_id FROM contacts WHERE id = OLD.contact_id);
END;

-- Consults.
CREATE TRIGGER consults_figures_insert AFTER INSERT ON consults
BEGIN
    UPDATE cases SET consults_n = consults_n + 1, consults_answered_n = consults_answered_n + (NEW.answered_at IS NOT NULL)
    WHERE id = NEW.case_id;
END;
CREATE TRIGGER consults_figures_update AFTER UPDATE OF case_id, answered_at ON consults
BEGIN
    UPDATE cases SET consults_n = consults_n - 1, consults_answered_n = consults_answered_n - (OLD.answered_at IS NOT NULL)
    WHERE id = OLD.case_id;
    UPDATE cases SET consults_n = consults_n + 1, consults_answered_n = consults_answered_n + (NEW.answered_at IS NOT NULL)
    WHERE id = NEW.case_id;
END;
CREATE TRIGGER consults_figures_delete AFTER DELETE ON consults
BEGIN
    UPDATE cases SET consults_n = consults_n - 1, consults_answered_n = consults_answered_n - (OLD.answered_at IS NOT NULL)
    WHERE id = OLD.case_id;
END;

-- Problem areas and risk flags (rewritten as a whole when a case is updated).
CREATE TRIGGER case_problem_areas_figures_insert AFTER INSERT ON case_problem_areas
BEGIN
    UPDATE cases SET problem_areas_n = problem_areas_n + 1 WHERE id = NEW.case_id;
    INSERT INTO case_figure_keys (figure, key, opened_at, case_id, n)
        SELECT 'problem_area', NEW.area, opened_at, id, 1 FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER case_problem_areas_figures_delete AFTER DELETE ON case_problem_areas
BEGIN
    UPDATE cases SET problem_areas_n = problem_areas_n - 1 WHERE id = OLD.case_id;
    DELETE FROM case_figure_keys WHERE figure = 'problem_area' AND key = OLD.area AND case_id = OLD.case_id
        AND opened_at = (SELECT opened_at FROM cases WHERE id = OLD.case_id);
END;
CREATE TRIGGER case_risk_flags_figures_insert AFTER INSERT ON case_risk_flags
BEGIN
    UPDATE cases SET risk_flags_n = risk_flags_n + 1 WHERE id = NEW.case_id;
    INSERT INTO case_figure_keys (figure, key, opened_at, case_id, n)
        SELECT 'risk_flag', NEW.flag, opened_at, id, 1 FROM cases WHERE id = NEW.case_id;
END;
CREATE TRIGGER case_risk_flags_figures_delete AFTER DELETE ON case_risk_flags
BEGIN
    UPDATE cases SET risk_flags_n = risk_flags_n - 1 WHERE id = OLD.case_id;
    DELETE FROM case_figure_keys WHERE figure = 'risk_flag' AND key = OLD.flag AND case_id = OLD.case_id
        AND opened_at = (SELECT opened_at FROM cases WHERE id = OLD.case_id);
END;

-- Evaluations: whether the case's evaluation was held (or finalised).
CREATE TRIGGER evaluations_figures_insert AFTER INSERT ON evaluations
BEGIN
    UPDATE cases SET evaluation_held = NEW.status IN ('held', 'finalised') WHERE id = NEW.case_id;
END;
CREATE TRIGGER evaluations_figures_update AFTER UPDATE OF status, case_id ON evaluations
BEGIN
    UPDATE cases SET evaluation_held = 0 WHERE id = OLD.case_id;
    UPDATE cases SET evaluation_held = NEW.status IN ('held', 'finalised') WHERE id = NEW.case_id;
END;

-- Handovers: their case's opening time and municipality, and the confirmation step's time.
CREATE TRIGGER handovers_figures_insert AFTER INSERT ON handovers
BEGIN
    UPDATE handovers SET
        case_opened_at = (SELECT opened_at FROM cases WHERE id = NEW.case_id),
        municipality = (SELECT youth_municipality FROM cases WHERE id = NEW.case_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER handovers_figures_case AFTER UPDATE OF case_id ON handovers WHEN NEW.case_id <> OLD.case_id
BEGIN
    UPDATE handovers SET
        case_opened_at = (SELECT opened_at FROM cases WHERE id = NEW.case_id),
        municipality = (SELECT youth_municipality FROM cases WHERE id = NEW.case_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER cases_figures_handovers AFTER UPDATE OF opened_at, youth_municipality ON cases
    WHEN NEW.opened_at <> OLD.opened_at OR NEW.youth_municipality IS NOT OLD.youth_municipality
BEGIN
    UPDATE handovers SET case_opened_at = NEW.opened_at, municipality = NEW.youth_municipality WHERE case_id = NEW.id;
END;
CREATE TRIGGER handover_steps_figures_insert AFTER INSERT ON handover_steps WHEN NEW.step = 'confirmed'
BEGIN
    UPDATE handovers SET confirmed_at = NEW.at WHERE id = NEW.handover_id;
END;
CREATE TRIGGER handover_steps_figures_update AFTER UPDATE ON handover_steps WHEN NEW.step = 'confirmed' OR OLD.step = 'confirmed'
BEGIN
    UPDATE handovers SET confirmed_at = (SELECT at FROM handover_steps WHERE handover_id = OLD.handover_id AND step = 'confirmed')
    WHERE id = OLD.handover_id;
    UPDATE handovers SET confirmed_at = (SELECT at FROM handover_steps WHERE handover_id = NEW.handover_id AND step = 'confirmed')
    WHERE id = NEW.handover_id;
END;
CREATE TRIGGER handover_steps_figures_delete AFTER DELETE ON handover_steps WHEN OLD.step = 'confirmed'
BEGIN
    UPDATE handovers SET confirmed_at = NULL WHERE id = OLD.handover_id;
END;

-- PostgreSQL 0003: what the figures need of each case, kept with the case as it is written, as
-- SQLite's 0007 keeps it: counts of the case's own rows, the youth's age, municipality and first
-- plan, and one row per case and problem area, risk flag or response. Triggers keep every column
-- true whichever statement writes the source rows.

CREATE TABLE case_figure_keys (
    figure    TEXT   NOT NULL CHECK (figure IN ('problem_area', 'risk_flag', 'response')),
    key       TEXT COLLATE "C" NOT NULL,
    opened_at BIGINT NOT NULL,
    case_id   BIGINT NOT NULL REFERENCES cases (id),
    n         INTEGER NOT NULL CHECK (n >= 1),
    PRIMARY KEY (figure, key, opened_at, case_id)
);
CREATE INDEX case_figure_keys_by_case ON case_figure_keys (case_id);

CREATE INDEX cases_figures ON cases (opened_at, youth_id, complexity, outcome, contacts_n, consults_n,
    consults_answered_n, problem_areas_n, risk_flags_n, evaluation_held, youth_age, youth_municipality,
    youth_first_plan_at);
CREATE INDEX handovers_figures ON handovers (case_opened_at, municipality, created_at, due_at, confirmed_at);

-- A youth's age in whole years on the Amsterdam date of `at` (microseconds), by the date of birth
-- 'YYYY-MM-DD' as text: the same arithmetic as SQLite's case_youth_ages.
CREATE FUNCTION youth_age_at(at BIGINT, dob TEXT) RETURNS INTEGER LANGUAGE sql STABLE AS $$
    SELECT CAST(to_char(l, 'YYYY') AS INTEGER) - CAST(substr(dob, 1, 4) AS INTEGER)
           - CASE WHEN to_char(l, 'MM-DD') < substr(dob, 6, 5) THEN 1 ELSE 0 END
    FROM (SELECT to_timestamp(at / 1000000) AT TIME ZONE 'Europe/Amsterdam' AS l) AS local
$$;

-- The youth's facts on one case.
CREATE FUNCTION case_youth_facts(case_id BIGINT) RETURNS void LANGUAGE sql AS $$
    UPDATE cases AS c SET
        youth_age = (SELECT youth_age_at(c.opened_at, y.date_of_birth) FROM youths AS y WHERE y.id = c.youth_id),
        youth_municipality = (SELECT municipality FROM youths WHERE id = c.youth_id),
        youth_first_plan_at = (SELECT min(created_at) FROM plan_versions WHERE youth_id = c.youth_id)
    WHERE c.id = case_id
$$;

CREATE FUNCTION cases_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.youth_id IS NOT NULL THEN PERFORM case_youth_facts(NEW.id); END IF;
        RETURN NULL;
    END IF;
    IF NEW.youth_id IS DISTINCT FROM OLD.youth_id OR NEW.opened_at <> OLD.opened_at THEN
        PERFORM case_youth_facts(NEW.id);
        UPDATE case_figure_keys SET opened_at = NEW.opened_at WHERE case_id = NEW.id AND opened_at <> NEW.opened_at;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER cases_figures_insert AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION cases_figures();
CREATE TRIGGER cases_figures_youth AFTER UPDATE OF youth_id, opened_at ON cases
    FOR EACH ROW EXECUTE FUNCTION cases_figures();

CREATE FUNCTION youths_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.date_of_birth IS DISTINCT FROM OLD.date_of_birth OR NEW.municipality IS DISTINCT FROM OLD.municipality)
       AND NOT EXISTS (SELECT 1 FROM retention_in_progress) THEN
        UPDATE cases SET youth_age = youth_age_at(opened_at, NEW.date_of_birth), youth_municipality = NEW.municipality
        WHERE youth_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER youths_figures AFTER UPDATE OF date_of_birth, municipality ON youths
    FOR EACH ROW EXECUTE FUNCTION youths_figures();

CREATE FUNCTION plan_versions_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cases SET youth_first_plan_at = NEW.created_at
    WHERE youth_id = NEW.youth_id AND (youth_first_plan_at IS NULL OR youth_first_plan_at > NEW.created_at);
    RETURN NULL;
END;
$$;
CREATE TRIGGER plan_versions_figures AFTER INSERT ON plan_versions
    FOR EACH ROW EXECUTE FUNCTION plan_versions_figures();

-- Adds `n` to the tally of (figure, key) of a case, removing the row when it reaches zero.
CREATE FUNCTION add_figure_key(fig TEXT, k TEXT, of_case BIGINT, n INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF n > 0 THEN
        INSERT INTO case_figure_keys AS f (figure, key, opened_at, case_id, n)
            SELECT fig, k, opened_at, id, n FROM cases WHERE id = of_case
            ON CONFLICT (figure, key, opened_at, case_id) DO UPDATE SET n = f.n + excluded.n;
    ELSE
        UPDATE case_figure_keys AS f SET n = f.n + add_figure_key.n
        WHERE f.figure = fig AND f.key = k AND f.case_id = of_case AND f.n + add_figure_key.n > 0;
        IF NOT FOUND THEN
            DELETE FROM case_figure_keys AS f WHERE f.figure = fig AND f.key = k AND f.case_id = of_case;
        END IF;
    END IF;
END;
$$;

CREATE FUNCTION contacts_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r RECORD;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE cases SET contacts_n = contacts_n - 1 WHERE id = OLD.case_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        UPDATE cases SET contacts_n = contacts_n + 1 WHERE id = NEW.case_id;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        FOR r IN SELECT response, count(*)::INTEGER AS c FROM contact_responses WHERE contact_id = NEW.id
                 GROUP BY response LOOP
            PERFORM add_figure_key('response', r.response, OLD.case_id, -r.c);
            PERFORM add_figure_key('response', r.response, NEW.case_id, r.c);
        END LOOP;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER contacts_figures_insert AFTER INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION contacts_figures();
CREATE TRIGGER contacts_figures_delete AFTER DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION contacts_figures();
CREATE TRIGGER contacts_figures_move AFTER UPDATE OF case_id ON contacts
    FOR EACH ROW WHEN (NEW.case_id <> OLD.case_id) EXECUTE FUNCTION contacts_figures();

CREATE FUNCTION contact_responses_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM add_figure_key('response', NEW.response, (SELECT case_id FROM contacts WHERE id = NEW.contact_id), 1);
    ELSE
        PERFORM add_figure_key('response', OLD.response, (SELECT case_id FROM contacts WHERE id = OLD.contact_id), -1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER contact_responses_figures_insert AFTER INSERT ON contact_responses
    FOR EACH ROW EXECUTE FUNCTION contact_responses_figures();
CREATE TRIGGER contact_responses_figures_delete AFTER DELETE ON contact_responses
    FOR EACH ROW EXECUTE FUNCTION contact_responses_figures();

CREATE FUNCTION consults_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE cases SET consults_n = consults_n - 1,
            consults_answered_n = consults_answered_n - CASE WHEN OLD.answered_at IS NOT NULL THEN 1 ELSE 0 END
        WHERE id = OLD.case_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        UPDATE cases SET consults_n = consults_n + 1,
            consults_answered_n = consults_answered_n + CASE WHEN NEW.answered_at IS NOT NULL THEN 1 ELSE 0 END
        WHERE id = NEW.case_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER consults_figures_insert AFTER INSERT ON consults FOR EACH ROW EXECUTE FUNCTION consults_figures();
CREATE TRIGGER consults_figures_update AFTER UPDATE OF case_id, answered_at ON consults
    FOR EACH ROW EXECUTE FUNCTION consults_figures();
CREATE TRIGGER consults_figures_delete AFTER DELETE ON consults FOR EACH ROW EXECUTE FUNCTION consults_figures();

-- Problem areas and risk flags: the case's count and its keys.
CREATE FUNCTION case_problem_areas_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE cases SET problem_areas_n = problem_areas_n + 1 WHERE id = NEW.case_id;
        PERFORM add_figure_key('problem_area', NEW.area, NEW.case_id, 1);
    ELSE
        UPDATE cases SET problem_areas_n = problem_areas_n - 1 WHERE id = OLD.case_id;
        PERFORM add_figure_key('problem_area', OLD.area, OLD.case_id, -1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_problem_areas_figures AFTER INSERT OR DELETE ON case_problem_areas
    FOR EACH ROW EXECUTE FUNCTION case_problem_areas_figures();
CREATE FUNCTION case_risk_flags_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE cases SET risk_flags_n = risk_flags_n + 1 WHERE id = NEW.case_id;
        PERFORM add_figure_key('risk_flag', NEW.flag, NEW.case_id, 1);
    ELSE
        UPDATE cases SET risk_flags_n = risk_flags_n - 1 WHERE id = OLD.case_id;
        PERFORM add_figure_key('risk_flag', OLD.flag, OLD.case_id, -1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_risk_flags_figures AFTER INSERT OR DELETE ON case_risk_flags
    FOR EACH ROW EXECUTE FUNCTION case_risk_flags_figures();

CREATE FUNCTION evaluations_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        UPDATE cases SET evaluation_held = 0 WHERE id = OLD.case_id;
    END IF;
    UPDATE cases SET evaluation_held = CASE WHEN NEW.status IN ('held', 'finalised') THEN 1 ELSE 0 END
    WHERE id = NEW.case_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER evaluations_figures_insert AFTER INSERT ON evaluations
    FOR EACH ROW EXECUTE FUNCTION evaluations_figures();
CREATE TRIGGER evaluations_figures_update AFTER UPDATE OF status, case_id ON evaluations
    FOR EACH ROW EXECUTE FUNCTION evaluations_figures();

CREATE FUNCTION handovers_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE handovers SET
        case_opened_at = (SELECT opened_at FROM cases WHERE id = NEW.case_id),
        municipality = (SELECT youth_municipality FROM cases WHERE id = NEW.case_id)
    WHERE id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER handovers_figures_insert AFTER INSERT ON handovers FOR EACH ROW EXECUTE FUNCTION handovers_figures();
CREATE TRIGGER handovers_figures_case AFTER UPDATE OF case_id ON handovers
    FOR EACH ROW WHEN (NEW.case_id <> OLD.case_id) EXECUTE FUNCTION handovers_figures();

CREATE FUNCTION cases_figures_handovers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.opened_at <> OLD.opened_at OR NEW.youth_municipality IS DISTINCT FROM OLD.youth_municipality THEN
        UPDATE handovers SET case_opened_at = NEW.opened_at, municipality = NEW.youth_municipality
        WHERE case_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER cases_figures_handovers AFTER UPDATE OF opened_at, youth_municipality ON cases
    FOR EACH ROW EXECUTE FUNCTION cases_figures_handovers();

CREATE FUNCTION handover_steps_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.step = 'confirmed' THEN
        UPDATE handovers SET confirmed_at =
            (SELECT at FROM handover_steps WHERE handover_id = OLD.handover_id AND step = 'confirmed')
        WHERE id = OLD.handover_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.step = 'confirmed' THEN
        UPDATE handovers SET confirmed_at = NEW.at WHERE id = NEW.handover_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER handover_steps_figures AFTER INSERT OR UPDATE OR DELETE ON handover_steps
    FOR EACH ROW EXECUTE FUNCTION handover_steps_figures();

-- What FHIR creates and updates of Encounter, CarePlan, Goal and CareTeam
-- need beyond OpenEMR's columns, and the version counters of the tables
-- they write (R4 http.html#versioning; see 0021).

-- form_encounter.status: the FHIR encounter status (R4 Encounter.status, a
-- modifier) of an encounter written through FHIR. OpenEMR keeps none: an
-- encounter it records took place, so NULL reads as finished.
ALTER TABLE form_encounter ADD COLUMN status TEXT;

-- form_care_plan: intent is the FHIR CarePlan intent (a modifier; NULL
-- reads as plan, what OpenEMR's care plan form records). plan_uuid joins
-- the rows of one FHIR CarePlan: OpenEMR's form holds one coded item per
-- row, so a CarePlan with several activities is a row for the plan (with
-- its first activity) and one row per further activity, whose plan_uuid
-- is the plan row's uuid and whose plan_status is that activity's status.
-- Such rows are activities, not plans of their own. addresses are the
-- uuids of the problems (lists rows) a plan or goal addresses, between
-- semicolons, as FHIR names them (CarePlan.addresses, Goal.addresses);
-- rows without are read as addressing the problem their reason code
-- names. row_version counts the row's updates: form_care_plan has no
-- integer key of a row (id numbers the form, shared by its rows) for
-- row_versions to use.
ALTER TABLE form_care_plan ADD COLUMN intent TEXT;
ALTER TABLE form_care_plan ADD COLUMN plan_uuid TEXT;
ALTER TABLE form_care_plan ADD COLUMN addresses TEXT;
ALTER TABLE form_care_plan ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1;
CREATE INDEX form_care_plan_plan ON form_care_plan (plan_uuid);

--- sqlite
CREATE TRIGGER form_care_plan_version AFTER UPDATE ON form_care_plan
WHEN new.row_version = old.row_version BEGIN
    UPDATE form_care_plan SET row_version = old.row_version + 1 WHERE uuid = new.uuid;
END;
CREATE TRIGGER care_teams_version AFTER UPDATE ON care_teams BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('care_teams', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;

-- fhir_care_plan_activity: the further activities of a CarePlan, each as
-- the JSON object its activity is built from.
CREATE VIEW fhir_care_plan_activity AS
SELECT a.plan_uuid, a.uuid,
       json_object('code', COALESCE(a.code, ''), 'text', COALESCE(a.codetext, ''),
           'status', COALESCE(a.plan_status, ''), 'reason_code', COALESCE(a.reason_code, ''),
           'reason', COALESCE(a.reason_description, '')) AS entry
FROM form_care_plan a
WHERE a.plan_uuid IS NOT NULL AND a.plan_uuid <> '' AND a.activity = '1';
--- postgres
CREATE FUNCTION goemr_bump_own_version() RETURNS trigger AS $$
BEGIN
    NEW.row_version := OLD.row_version + 1;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER form_care_plan_version BEFORE UPDATE ON form_care_plan FOR EACH ROW EXECUTE FUNCTION goemr_bump_own_version();
CREATE TRIGGER care_teams_version AFTER UPDATE ON care_teams FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');

CREATE VIEW fhir_care_plan_activity AS
SELECT a.plan_uuid, a.uuid,
       json_build_object('code', COALESCE(a.code, ''), 'text', COALESCE(a.codetext, ''),
           'status', COALESCE(a.plan_status, ''), 'reason_code', COALESCE(a.reason_code, ''),
           'reason', COALESCE(a.reason_description, ''))::text AS entry
FROM form_care_plan a
WHERE a.plan_uuid IS NOT NULL AND a.plan_uuid <> '' AND a.activity = '1';

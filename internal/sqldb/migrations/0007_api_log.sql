-- Every Standard, Portal and FHIR API request is logged with the route it
-- matched, the patient it touched and how long it took.
ALTER TABLE api_log ADD COLUMN route TEXT NOT NULL DEFAULT '';
ALTER TABLE api_log ADD COLUMN patient_id TEXT NOT NULL DEFAULT '';
ALTER TABLE api_log ADD COLUMN duration_us BIGINT NOT NULL DEFAULT 0;
CREATE INDEX api_log_patient ON api_log (patient_uuid, id);
CREATE INDEX api_log_subject ON api_log (subject, id);

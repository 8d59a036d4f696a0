-- FHIR create and update of Observation and DiagnosticReport (US Core
-- 6.1.0 vital signs, laboratory results and reports) into OpenEMR's
-- tables, without losing what the resource said.
--
-- OpenEMR keeps vitals in US units (lb, in, °F). A vital written in
-- another UCUM unit (kg, cm, Cel) is converted and its unit kept here, so
-- that reading it back gives the value in the unit it was written in; an
-- empty unit is the US one.
ALTER TABLE form_vitals ADD COLUMN weight_unit TEXT;
ALTER TABLE form_vitals ADD COLUMN height_unit TEXT;
ALTER TABLE form_vitals ADD COLUMN temperature_unit TEXT;
ALTER TABLE form_vitals ADD COLUMN head_circ_unit TEXT;

-- A result's own collection time, when it differs from its report's (a
-- result written before the report that groups it), and a coded value's
-- codes as an OpenEMR code list ("SNOMED-CT:260373001"; result holds its
-- name).
ALTER TABLE procedure_result ADD COLUMN date_collected TEXT;
ALTER TABLE procedure_result ADD COLUMN value_codes TEXT;

-- fhir_observation_sources: per source row of an Observation (by the uuid
-- fhir_observations calls src_uuid: vitals forms, results, Observation
-- form rows and history saves), its version (row_versions, migration
-- 0021: every vital of a vitals form moves with the form's row) and what
-- the view does not carry, packed between bars: a vitals row's units
-- ("vital|weight|height|temperature|head"), a result's data type,
-- collection time, result date and value codes ("lab|type|collected|date|
-- codes"). A page of Observations reads it once, by uuid, which each
-- branch's unique index answers.
CREATE VIEW fhir_observation_sources AS
SELECT v.uuid AS uuid, COALESCE(rv.version, 1) AS version,
       'vital|' || COALESCE(v.weight_unit, '') || '|' || COALESCE(v.height_unit, '') || '|'
           || COALESCE(v.temperature_unit, '') || '|' || COALESCE(v.head_circ_unit, '') AS extras
FROM form_vitals v
LEFT JOIN row_versions rv ON rv.tbl = 'form_vitals' AND rv.id = v.id
UNION ALL
SELECT r.uuid, COALESCE(rv.version, 1),
       'lab|' || COALESCE(r.result_data_type, '') || '|' || COALESCE(r.date_collected, '') || '|'
           || COALESCE(r.date, '') || '|' || COALESCE(r.value_codes, '')
FROM procedure_result r
LEFT JOIN row_versions rv ON rv.tbl = 'procedure_result' AND rv.id = r.procedure_result_id
UNION ALL
SELECT f.uuid, COALESCE(rv.version, 1), 'form'
FROM form_observation f
LEFT JOIN row_versions rv ON rv.tbl = 'form_observation' AND rv.id = f.id
UNION ALL
SELECT h.uuid, COALESCE(rv.version, 1), 'history'
FROM history_data h
LEFT JOIN row_versions rv ON rv.tbl = 'history_data' AND rv.id = h.id;

-- Versions of the Observation form's rows and of history saves (migration
-- 0021's counters), which FHIR now also writes.
--- sqlite
CREATE TRIGGER form_observation_version AFTER UPDATE ON form_observation BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('form_observation', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER history_data_version AFTER UPDATE ON history_data BEGIN
    INSERT INTO row_versions (tbl, id, version) VALUES ('history_data', new.id, 2)
    ON CONFLICT (tbl, id) DO UPDATE SET version = version + 1;
END;
--- postgres
CREATE TRIGGER form_observation_version AFTER UPDATE ON form_observation FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
CREATE TRIGGER history_data_version AFTER UPDATE ON history_data FOR EACH ROW EXECUTE FUNCTION goemr_bump_row_version('id');
--- both

-- fhir_diagnostic_reports (migration 0015) shows only the reports of an
-- ordered test (a procedure_order_code row): results written alone are
-- kept under a report of their own until a DiagnosticReport claims them,
-- and such a holder is not a report. report_id is the row's key, for its
-- version.
DROP VIEW fhir_diagnostic_reports;
CREATE VIEW fhir_diagnostic_reports AS
SELECT rep.uuid AS id, o.patient_id AS pid, 'LAB' AS category,
       REPLACE(COALESCE((SELECT pt.standard_code FROM procedure_type pt
                         WHERE pt.procedure_code = c.procedure_code AND pt.procedure_code <> '' AND pt.standard_code <> ''
                         ORDER BY pt.procedure_type_id LIMIT 1), c.procedure_code), 'LOINC:', '') AS code,
       COALESCE(NULLIF(c.procedure_name, ''), c.procedure_order_title) AS code_text,
       rep.report_status AS status,
       COALESCE(NULLIF(rep.date_collected, ''), NULLIF(o.date_collected, ''), rep.date_report) AS date,
       COALESCE(NULLIF(rep.date_report, ''), NULLIF(rep.date_collected, ''), o.date_collected) AS issued,
       o.uuid || '-' || CAST(rep.procedure_order_seq AS TEXT) AS request,
       o.encounter_id AS encounter, l.uuid AS lab_uuid, l.name AS lab_name, l.lab_director AS lab_director,
       rep.report_notes AS conclusion,
       (SELECT string_agg(r.uuid, ',' ORDER BY r.procedure_result_id) FROM procedure_result r
        WHERE r.procedure_report_id = rep.procedure_report_id) AS results,
       COALESCE(NULLIF(rep.date_report, ''), o.date_ordered) AS last_updated,
       rep.procedure_report_id AS report_id
FROM procedure_report rep
JOIN procedure_order o ON o.procedure_order_id = rep.procedure_order_id
JOIN procedure_order_code c
  ON c.procedure_order_id = rep.procedure_order_id AND c.procedure_order_seq = rep.procedure_order_seq
LEFT JOIN procedure_providers l ON l.ppid = o.lab_id
WHERE o.activity = '1' AND o.procedure_order_type = 'laboratory_test';

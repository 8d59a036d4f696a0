-- Encounter diagnoses (US Core Condition Encounter Diagnosis) and the view
-- FHIR Condition reads.

-- issue_encounter: OpenEMR's links of an issue (a lists row) to the
-- encounters that addressed it, with OpenEMR's columns; resolved is '1'
-- when the issue was resolved at that encounter. uuid is the FHIR id of
-- the encounter diagnosis the link is. A link exists once per issue and
-- encounter (OpenEMR's uniq_issue_key), which also answers searches by
-- patient.
CREATE TABLE issue_encounter (
    id        {{autoid}},
    uuid      TEXT NOT NULL UNIQUE,
    pid       BIGINT NOT NULL,
    list_id   BIGINT NOT NULL,
    encounter BIGINT NOT NULL,
    resolved  TEXT NOT NULL DEFAULT '0'
);
CREATE UNIQUE INDEX issue_encounter_key ON issue_encounter (pid, list_id, encounter);
CREATE INDEX issue_encounter_list ON issue_encounter (list_id);
CREATE INDEX issue_encounter_encounter ON issue_encounter (encounter);

-- fhir_condition: one row per FHIR Condition, as OpenEMR's condition
-- services read them. The problem list (lists.type 'medical_problem') and
-- health concerns ('health_concern'), id the lists row's uuid; and every
-- encounter's diagnoses, an issue_encounter link to a listed problem, id
-- the link's uuid, whose code, status and onset are the problem's.
-- list_id is the lists row shown (whose version counter is the
-- resource's); category the US Core category code; codes the lists
-- codes between semicolons (";ICD10:E11.9;SNOMED-CT:44054006;"), so that
-- a search for one code is a contains search for ";TYPE:code;". Rows
-- OpenEMR deactivated (activity 0) show nothing. Searches name a patient
-- or an id, which both engines push into each branch, where the pid and
-- uuid indexes answer them.
CREATE VIEW fhir_condition AS
SELECT
    l.uuid AS uuid,
    l.id AS list_id,
    CASE WHEN l.type = 'health_concern' THEN 'health-concern' ELSE 'problem-list-item' END AS category,
    l.type AS type,
    l.title AS title,
    l.date AS date,
    l.begdate AS begdate,
    l.enddate AS enddate,
    l.diagnosis AS diagnosis,
    ';' || REPLACE(l.diagnosis, ' ', '') || ';' AS codes,
    l.pid AS pid,
    l.comments AS comments,
    l.occurrence AS occurrence,
    l.outcome AS outcome,
    l.verification AS verification,
    CAST(NULL AS BIGINT) AS encounter,
    COALESCE(l.modifydate, l.date) AS last_updated
FROM lists l
WHERE l.type IN ('medical_problem', 'health_concern') AND l.activity = '1'
UNION ALL
SELECT
    ie.uuid, l.id, 'encounter-diagnosis', l.type, l.title, l.date, l.begdate, l.enddate, l.diagnosis,
    ';' || REPLACE(l.diagnosis, ' ', '') || ';',
    ie.pid, l.comments, l.occurrence, l.outcome, l.verification, ie.encounter,
    COALESCE(l.modifydate, l.date)
FROM issue_encounter ie
JOIN lists l ON l.id = ie.list_id AND l.pid = ie.pid
WHERE l.type = 'medical_problem' AND l.activity = '1';

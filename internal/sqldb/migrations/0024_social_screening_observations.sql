-- Social history and screening Observations (US Core 6.1.0 Smoking
-- Status, Screening and Assessments, Simple Observation, Occupation,
-- Pregnancy Status and Intent, Sexual Orientation) in OpenEMR's tables:
-- history_data (tobacco), form_observation (the Observation form, its
-- panels and questionnaire-derived items) and employer_data (occupation
-- and industry, as OpenEMR's FhirObservationEmployerService reads them).

-- history_data: OpenEMR's social and family history, one row per save
-- (OpenEMR inserts a new row with every column on each edit; the newest
-- row is the current history). tobacco is OpenEMR's smoking status field
-- (layout data type 32) as "note|type|date|status": type the radio
-- choice (currenttobacco, quittobacco, nevertobacco, not_applicabletobacco),
-- status the option id of list smoking_status, whose codes are SNOMED CT.
CREATE TABLE history_data (
    id                              {{autoid}},
    uuid                            TEXT NOT NULL UNIQUE,
    coffee                          TEXT,
    tobacco                         TEXT,
    alcohol                         TEXT,
    sleep_patterns                  TEXT,
    exercise_patterns               TEXT,
    seatbelt_use                    TEXT,
    counseling                      TEXT,
    hazardous_activities            TEXT,
    recreational_drugs              TEXT,
    last_breast_exam                TEXT,
    last_mammogram                  TEXT,
    last_sigmoidoscopy_colonoscopy  TEXT,
    last_ecg                        TEXT,
    last_cardiac_echo               TEXT,
    last_retinal                    TEXT,
    last_fluvax                     TEXT,
    last_pneuvax                    TEXT,
    last_ldl                        TEXT,
    last_hemoglobin                 TEXT,
    last_psa                        TEXT,
    last_exam_results               TEXT,
    history_mother                  TEXT,
    history_father                  TEXT,
    history_siblings                TEXT,
    history_offspring               TEXT,
    history_spouse                  TEXT,
    relatives_cancer                TEXT,
    relatives_diabetes              TEXT,
    relatives_high_blood_pressure   TEXT,
    relatives_heart_problems        TEXT,
    relatives_stroke                TEXT,
    relatives_mental_illness        TEXT,
    additional_history              TEXT,
    exams                           TEXT,
    date                            TEXT,
    pid                             BIGINT NOT NULL,
    created_by                      BIGINT
);
CREATE INDEX history_data_pid ON history_data (pid, id);

-- form_observation: OpenEMR's Observation form (interface/forms/observation,
-- ObservationService). code is "TYPE:code" ("LOINC:44250-9"), ob_code the
-- code alone and code_type its type; ob_type the FHIR observation-category
-- code (list Observation_Types: survey, exam, social-history …); category
-- the US Core category of a screening ('sdoh', 'functional-status' …);
-- ob_value the value: a number in ob_unit, a coded answer "TYPE:code"
-- named by ob_value_code_description, or text; ob_status a FHIR
-- observation status. Sub-observations (a panel's items) name their panel
-- in parent_observation_id; questionnaire_response_id is the
-- questionnaire_response the observation was taken from. form_id is the
-- form instance (forms.form_id, formdir 'observation'); activity 0 marks a
-- deleted observation.
CREATE TABLE form_observation (
    id                          {{autoid}},
    uuid                        TEXT NOT NULL UNIQUE,
    form_id                     BIGINT NOT NULL DEFAULT 0,
    date                        TEXT,
    pid                         BIGINT NOT NULL,
    encounter                   BIGINT,
    "user"                      TEXT,
    groupname                   TEXT,
    authorized                  BIGINT,
    activity                    BIGINT NOT NULL DEFAULT 1,
    code                        TEXT,
    observation                 TEXT,
    ob_value                    TEXT,
    ob_unit                     TEXT,
    description                 TEXT,
    code_type                   TEXT,
    table_code                  TEXT,
    ob_code                     TEXT,
    ob_type                     TEXT,
    ob_status                   TEXT,
    result_status               TEXT,
    ob_reason_status            TEXT,
    ob_reason_code              TEXT,
    ob_reason_text              TEXT,
    ob_documentationof_table    TEXT,
    ob_documentationof_table_id BIGINT,
    date_end                    TEXT,
    parent_observation_id       BIGINT,
    category                    TEXT,
    questionnaire_response_id   BIGINT,
    ob_value_code_description   TEXT
);
CREATE INDEX form_observation_pid ON form_observation (pid, encounter);
CREATE INDEX form_observation_form ON form_observation (form_id);
CREATE INDEX form_observation_parent ON form_observation (parent_observation_id);

-- OpenEMR's smoking status list (codes: SNOMED CT, US Core Smoking Status
-- value set), observation types (FHIR observation-category codes) and the
-- Occupational Data for Health options employer_data names (codes of
-- PHOccupationalDataForHealthODH; OpenEMR loads the full ODH lists).
INSERT INTO list_options (list_id, option_id, title, seq, codes) VALUES
    ('smoking_status', '1', 'Current every day smoker', 10, 'SNOMED-CT:449868002'),
    ('smoking_status', '2', 'Current some day smoker', 20, 'SNOMED-CT:428041000124106'),
    ('smoking_status', '3', 'Former smoker', 30, 'SNOMED-CT:8517006'),
    ('smoking_status', '4', 'Never smoker', 40, 'SNOMED-CT:266919005'),
    ('smoking_status', '5', 'Smoker, current status unknown', 50, 'SNOMED-CT:77176002'),
    ('smoking_status', '9', 'Unknown if ever smoked', 60, 'SNOMED-CT:266927001'),
    ('smoking_status', '15', 'Heavy tobacco smoker', 70, 'SNOMED-CT:428071000124103'),
    ('smoking_status', '16', 'Light tobacco smoker', 80, 'SNOMED-CT:428061000124105'),
    ('Observation_Types', 'social-history', 'Social History', 10, ''),
    ('Observation_Types', 'vital-signs', 'Vital Signs', 20, ''),
    ('Observation_Types', 'imaging', 'Imaging', 30, ''),
    ('Observation_Types', 'laboratory', 'Laboratory', 40, ''),
    ('Observation_Types', 'procedure', 'Procedure', 50, ''),
    ('Observation_Types', 'survey', 'Survey', 60, ''),
    ('Observation_Types', 'exam', 'Exam', 70, ''),
    ('Observation_Types', 'therapy', 'Therapy', 80, ''),
    ('Observation_Types', 'activity', 'Activity', 90, ''),
    ('OccupationODH', '31-1014.00.007136', 'Certified Nursing Assistant (CNA) [Nursing Assistants]', 10, '31-1014.00.007136'),
    ('OccupationODH', '19-1042.00.026469', 'Medical Researcher [Medical Scientists, Except Epidemiologists]', 20, '19-1042.00.026469'),
    ('IndustryODH', '621610.008495', 'Home nursing services', 10, '621610.008495'),
    ('IndustryODH', '611310.000015', 'Academies, college or university [Colleges, Universities, and Professional Schools]', 20, '611310.000015');

-- fhir_observations (migration 0015) with the Observations of these
-- tables. Earlier rows keep their ids; new columns: source (the table a
-- row comes from, which decides how it is shown), us_core_category (a US
-- Core category code beside the observation-category one), code_type (the
-- code's system as an OpenEMR code type), value_display (the name of a
-- coded value), end_date (the end of an effective period), performer
-- (users.id of who made it), members (ids of a panel's items, comma
-- separated) and derived_from (the QuestionnaireResponse id it was taken
-- from). No other view reads fhir_observations.
DROP VIEW fhir_observations;
CREATE VIEW fhir_observations AS
SELECT u.id, u.src_uuid, u.pid, u.category, u.code, u.code_text, u.status, u.date, u.issued,
       u.value, u.value2, u.value3, u.units, u.method, u.interpretation, u.ref_range,
       u.note, u.encounter, u.specimen, u.specimen_num, u.last_updated,
       'form_vitals' AS source, NULL AS us_core_category, 'LOINC' AS code_type, NULL AS value_display,
       NULL AS end_date, CAST(NULL AS BIGINT) AS performer, NULL AS members, NULL AS derived_from
FROM (
    SELECT v.uuid || '-' || k.short AS id, v.uuid AS src_uuid, v.pid AS pid, 'vital-signs' AS category, k.code AS code,
           NULL AS code_text, 'final' AS status, v.date AS date, NULL AS issued,
           CASE k.short
               WHEN 'bp' THEN v.bps WHEN 'hr' THEN v.pulse WHEN 'rr' THEN v.respiration
               WHEN 'temp' THEN v.temperature WHEN 'height' THEN v.height WHEN 'weight' THEN v.weight
               WHEN 'bmi' THEN v.BMI WHEN 'spo2' THEN v.oxygen_saturation WHEN 'head' THEN v.head_circ
               WHEN 'ped-bmi' THEN v.ped_bmi WHEN 'ped-wfl' THEN v.ped_weight_height
               WHEN 'ped-head' THEN v.ped_head_circ
           END AS value,
           CASE k.short WHEN 'bp' THEN v.bpd WHEN 'spo2' THEN v.oxygen_flow_rate END AS value2,
           CASE k.short WHEN 'spo2' THEN v.inhaled_oxygen_concentration END AS value3,
           NULL AS units,
           CASE k.short WHEN 'temp' THEN v.temp_method END AS method,
           CASE k.short WHEN 'bmi' THEN v.BMI_status END AS interpretation,
           NULL AS ref_range, NULL AS note, v.encounter AS encounter,
           NULL AS specimen, NULL AS specimen_num, v.last_updated AS last_updated
    FROM form_vitals v
    CROSS JOIN (
        SELECT 'bp' AS short, '85354-9' AS code
        UNION ALL SELECT 'hr', '8867-4'
        UNION ALL SELECT 'rr', '9279-1'
        UNION ALL SELECT 'temp', '8310-5'
        UNION ALL SELECT 'height', '8302-2'
        UNION ALL SELECT 'weight', '29463-7'
        UNION ALL SELECT 'bmi', '39156-5'
        UNION ALL SELECT 'spo2', '59408-5'
        UNION ALL SELECT 'head', '9843-4'
        UNION ALL SELECT 'ped-bmi', '59576-9'
        UNION ALL SELECT 'ped-wfl', '77606-2'
        UNION ALL SELECT 'ped-head', '8289-1'
    ) k
    WHERE COALESCE(v.activity, '1') <> '0'
) u
WHERE trim(COALESCE(u.value, '') || COALESCE(u.value2, '') || COALESCE(u.value3, ''), '0.') <> ''
UNION ALL
SELECT r.uuid, r.uuid, o.patient_id, 'laboratory', r.result_code, r.result_text, r.result_status,
       COALESCE(NULLIF(rep.date_collected, ''), NULLIF(o.date_collected, ''), r.date),
       COALESCE(NULLIF(rep.date_report, ''), r.date),
       r.result, NULL, NULL, r.units, NULL, r.abnormal, r."range",
       r.comments, o.encounter_id, o.specimen_type, rep.specimen_num,
       COALESCE(NULLIF(rep.date_report, ''), r.date),
       'procedure_result', NULL, 'LOINC', NULL, NULL, CAST(NULL AS BIGINT), NULL, NULL
FROM procedure_result r
JOIN procedure_report rep ON rep.procedure_report_id = r.procedure_report_id
JOIN procedure_order o ON o.procedure_order_id = rep.procedure_order_id
WHERE o.activity = '1' AND o.procedure_order_type = 'laboratory_test'
UNION ALL
-- US Core Smoking Status: each tobacco entry of the patient's history,
-- when it was first recorded (OpenEMR copies an unchanged entry into every
-- later history row, which is not a new observation). value is the
-- smoking_status option's SNOMED CT code (the entry's last part names the
-- option), value2 the entry as stored.
SELECT h.uuid, h.uuid, h.pid, 'social-history', '72166-2', 'Tobacco smoking status', 'final', h.date, h.date,
       lo.codes, h.tobacco, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, h.date,
       'history_data', NULL, 'LOINC', lo.title, NULL, CAST(NULL AS BIGINT), NULL, NULL
FROM history_data h
LEFT JOIN list_options lo ON lo.list_id = 'smoking_status' AND h.tobacco LIKE ('%|' || lo.option_id)
WHERE COALESCE(h.tobacco, '') <> ''
  AND NOT EXISTS (SELECT 1 FROM history_data e WHERE e.pid = h.pid AND e.tobacco = h.tobacco AND e.id < h.id)
UNION ALL
-- The Observation form's observations that are not deleted, panels and
-- items alike (US Core shows a panel's items as Observations of their
-- own, which the panel lists in hasMember). The performer is the user who
-- recorded it when that user is a practitioner, else the encounter's
-- provider.
SELECT f.uuid, f.uuid, f.pid, COALESCE(NULLIF(f.ob_type, ''), 'survey'), f.ob_code, f.description, f.ob_status,
       f.date, NULL, f.ob_value, NULL, NULL, f.ob_unit, NULL, NULL, NULL, NULL, f.encounter, NULL, NULL, f.date,
       'form_observation', NULLIF(f.category, ''), f.code_type, f.ob_value_code_description, NULLIF(f.date_end, ''),
       COALESCE((SELECT u.id FROM users u WHERE u.username = f."user" AND u.username <> '' AND u.npi <> ''),
                (SELECT e.provider_id FROM form_encounter e WHERE e.encounter = f.encounter)),
       (SELECT string_agg(m.uuid, ',' ORDER BY m.id) FROM form_observation m
        WHERE m.parent_observation_id = f.id AND m.activity = 1),
       (SELECT q.uuid FROM questionnaire_response q WHERE q.id = f.questionnaire_response_id)
FROM form_observation f
WHERE f.activity = 1
UNION ALL
-- US Core Occupation: an employer_data row naming an occupation or an
-- industry (ODH codes from lists OccupationODH and IndustryODH); value2
-- and value3 are the industry's code and name, date and end_date the
-- period of the job.
SELECT e.uuid, e.uuid, e.pid, 'social-history', '11341-5', 'History of Occupation', 'final',
       NULLIF(e.start_date, ''), e.date, oc.codes, ic.codes, COALESCE(ic.title, NULLIF(e.industry, '')),
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, e.date,
       'employer_data', NULL, 'LOINC', COALESCE(oc.title, NULLIF(e.occupation, '')), NULLIF(e.end_date, ''),
       CAST(NULL AS BIGINT), NULL, NULL
FROM employer_data e
LEFT JOIN list_options oc ON oc.list_id = 'OccupationODH' AND oc.option_id = e.occupation
LEFT JOIN list_options ic ON ic.list_id = 'IndustryODH' AND ic.option_id = e.industry
WHERE COALESCE(e.occupation, '') <> '' OR COALESCE(e.industry, '') <> '';

-- FHIR Observation and DiagnosticReport rows (US Core 6.1.0), computed
-- from OpenEMR's tables: one row per resource, so that the generic record
-- reader filters, sorts and pages them like a table. Nothing is copied.
--
-- Searches always name a patient (or a patient token confines them), and
-- both engines push "pid = ?" into each branch of the UNION ALL, where the
-- pid indexes answer it (form_vitals_encounter, procedure_order_patient):
-- a search reads one patient's rows and sorts only those by id.

-- fhir_observations: US Core vital signs, one row per measured vital of a
-- form_vitals row (id <form_vitals uuid>-<short code>), and US Core
-- laboratory results, one row per procedure_result (id its uuid);
-- src_uuid is the uuid of the row read, which its unique index finds (a
-- computed id has no index).
-- OpenEMR keeps every vital of a visit in one row, a column each; the join
-- with the list of vitals unpivots it. A vital is measured when any of its
-- values is: OpenEMR's float columns hold 0.00 for one not taken, so a
-- value of only zeros and points counts as none. A vitals form OpenEMR
-- deactivated (activity 0) shows nothing.
CREATE VIEW fhir_observations AS
SELECT u.id, u.src_uuid, u.pid, u.category, u.code, u.code_text, u.status, u.date, u.issued,
       u.value, u.value2, u.value3, u.units, u.method, u.interpretation, u.ref_range,
       u.note, u.encounter, u.specimen, u.specimen_num, u.last_updated
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
-- Lab results of active laboratory orders. The specimen was collected at
-- the report's (or the order's) collection time, the clinically relevant
-- time of the result (US Core Laboratory Result Observation, effective).
SELECT r.uuid, r.uuid, o.patient_id, 'laboratory', r.result_code, r.result_text, r.result_status,
       COALESCE(NULLIF(rep.date_collected, ''), NULLIF(o.date_collected, ''), r.date),
       COALESCE(NULLIF(rep.date_report, ''), r.date),
       r.result, NULL, NULL, r.units, NULL, r.abnormal, r."range",
       r.comments, o.encounter_id, o.specimen_type, rep.specimen_num,
       COALESCE(NULLIF(rep.date_report, ''), r.date)
FROM procedure_result r
JOIN procedure_report rep ON rep.procedure_report_id = r.procedure_report_id
JOIN procedure_order o ON o.procedure_order_id = rep.procedure_order_id
WHERE o.activity = '1' AND o.procedure_order_type = 'laboratory_test';

-- fhir_diagnostic_reports: US Core DiagnosticReport for Laboratory Results
-- Reporting, one per procedure_report of an active laboratory order (id
-- its uuid). Its code is the ordered procedure's standard (LOINC) code
-- from the lab's compendium (OpenEMR may write it "LOINC:code"), else the
-- code the order names; request is the ordered test's ServiceRequest id
-- (order uuid and sequence number); its results are the uuids of its
-- procedure_result rows, which are the ids of their Observations in
-- fhir_observations (same orders, every result).
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
       COALESCE(NULLIF(rep.date_report, ''), o.date_ordered) AS last_updated
FROM procedure_report rep
JOIN procedure_order o ON o.procedure_order_id = rep.procedure_order_id
LEFT JOIN procedure_order_code c
       ON c.procedure_order_id = rep.procedure_order_id AND c.procedure_order_seq = rep.procedure_order_seq
LEFT JOIN procedure_providers l ON l.ppid = o.lab_id
WHERE o.activity = '1' AND o.procedure_order_type = 'laboratory_test';

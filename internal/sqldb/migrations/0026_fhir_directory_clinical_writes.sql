-- FHIR creates and updates of Organization, MedicationRequest and
-- Procedure: their version counters, and where a procedure's end is kept.

-- Version counters (R4 http.html#versioning) of the types a view unions
-- from two tables: the counter of the row a resource is, by the uuid that
-- is its FHIR id (row_versions, migration 0021, counts by a table's own
-- key). Only updated rows have one; the others are at version 1. A page's
-- ids are pushed into each branch, where the uuid indexes answer them.
CREATE VIEW fhir_organization_version AS
SELECT f.uuid AS uuid, rv.version AS version
FROM facility f JOIN row_versions rv ON rv.tbl = 'facility' AND rv.id = f.id
UNION ALL
SELECT i.uuid, rv.version
FROM insurance_companies i JOIN row_versions rv ON rv.tbl = 'insurance_companies' AND rv.id = i.id;

CREATE VIEW fhir_medication_request_version AS
SELECT p.uuid AS uuid, rv.version AS version
FROM prescriptions p JOIN row_versions rv ON rv.tbl = 'prescriptions' AND rv.id = p.id
UNION ALL
SELECT l.uuid, rv.version
FROM lists l JOIN row_versions rv ON rv.tbl = 'lists' AND rv.id = l.id
WHERE l.type = 'medication';

CREATE VIEW fhir_procedure_version AS
SELECT l.uuid AS uuid, rv.version AS version
FROM lists l JOIN row_versions rv ON rv.tbl = 'lists' AND rv.id = l.id
WHERE l.type = 'surgery'
UNION ALL
SELECT r.uuid, rv.version
FROM procedure_report r JOIN row_versions rv ON rv.tbl = 'procedure_report' AND rv.id = r.procedure_report_id;

-- fhir_procedure as in migration 0013, with performed_end: when a
-- performed procedure ended (Procedure.performedPeriod.end), kept where
-- OpenEMR keeps the end of an ordered procedure, procedure_order_code.
-- date_end. A surgery on the list has no end.
DROP VIEW fhir_procedure;
CREATE VIEW fhir_procedure AS
SELECT
    l.uuid AS id,
    'surgery' AS source,
    l.pid AS pid,
    l.title AS title,
    ';' || REPLACE(COALESCE(l.diagnosis, ''), ' ', '') || ';' AS codes,
    CAST(NULL AS TEXT) AS reasons,
    CASE WHEN l.verification = 'entered-in-error' THEN 'entered-in-error' ELSE 'completed' END AS status,
    l.begdate AS performed_at,
    CAST(NULL AS TEXT) AS performed_end,
    CAST(NULL AS BIGINT) AS encounter,
    CAST(NULL AS BIGINT) AS performer,
    l.comments AS note,
    COALESCE(l.modifydate, l.date) AS last_updated
FROM lists l
WHERE l.type = 'surgery'
UNION ALL
SELECT
    r.uuid,
    'order',
    o.patient_id,
    COALESCE(NULLIF(c.procedure_name, ''), c.procedure_order_title),
    ';' || CASE WHEN c.procedure_code LIKE '%:%' THEN c.procedure_code || ';' ELSE '' END
        || COALESCE((SELECT CASE WHEN pt.standard_code LIKE '%:%' THEN pt.standard_code ELSE 'LOINC:' || pt.standard_code END || ';'
            FROM procedure_type pt
            WHERE pt.procedure_code = c.procedure_code AND pt.procedure_code <> '' AND pt.standard_code <> ''
            ORDER BY pt.procedure_type_id LIMIT 1), ''),
    COALESCE(NULLIF(c.diagnoses, ''), o.order_diagnosis),
    CASE r.report_status
        WHEN 'prelim' THEN 'in-progress'
        WHEN 'cancel' THEN 'stopped'
        WHEN 'error' THEN 'entered-in-error'
        ELSE 'completed'
    END,
    COALESCE(NULLIF(r.date_collected, ''), r.date_report),
    NULLIF(c.date_end, ''),
    o.encounter_id,
    o.provider_id,
    r.report_notes,
    COALESCE(NULLIF(r.date_report, ''), o.date_ordered)
FROM procedure_report r
JOIN procedure_order o ON o.procedure_order_id = r.procedure_order_id
JOIN procedure_order_code c ON c.procedure_order_id = r.procedure_order_id AND c.procedure_order_seq = r.procedure_order_seq
WHERE o.activity = '1' AND COALESCE(NULLIF(c.procedure_type, ''), o.procedure_order_type) <> 'laboratory_test';

-- More CVX vaccine codes (CDC CVX table), those of common adult and
-- childhood schedules that 0006 lacks, so that doses recorded through
-- FHIR (as Synthea's records and the US Core examples give them) show
-- their vaccine's name.
INSERT INTO codes (code_type, code, code_text, code_text_short) VALUES
    (100, '49', 'Haemophilus influenzae type b vaccine, PRP-OMP conjugate', 'Hib (PRP-OMP)'),
    (100, '52', 'hepatitis A vaccine, adult dosage', 'Hep A, adult'),
    (100, '83', 'hepatitis A vaccine, pediatric/adolescent dosage, 2 dose schedule', 'Hep A, ped/adol, 2 dose'),
    (100, '113', 'tetanus and diphtheria toxoids, adsorbed, preservative free, for adult use (5 Lf of tetanus toxoid and 2 Lf of diphtheria toxoid)', 'Td (adult) preservative free'),
    (100, '114', 'meningococcal polysaccharide (groups A, C, Y and W-135) diphtheria toxoid conjugate vaccine (MCV4P)', 'meningococcal MCV4P'),
    (100, '119', 'rotavirus, live, monovalent vaccine', 'rotavirus, monovalent'),
    (100, '121', 'zoster vaccine, live', 'zoster live'),
    (100, '197', 'influenza, high-dose seasonal, quadrivalent, 0.7mL dose, preservative free', 'influenza, high-dose, quadrivalent');

-- prescriptions.reported: '1' when the prescription records what was
-- reported rather than ordered here (MedicationRequest.reportedBoolean,
-- US Core must support), such as a medication the patient takes on their
-- own; OpenEMR keeps no such flag, so NULL reads as not reported.
ALTER TABLE prescriptions ADD COLUMN reported TEXT;

-- fhir_medication_request as in migration 0016, with a prescription's
-- reported flag and its start_date (when the dosage starts, the dosage
-- timing's boundsPeriod.start). A medication list entry is reported and
-- has no dosage.
DROP VIEW fhir_medication_request;
CREATE VIEW fhir_medication_request AS
SELECT p.uuid AS uuid, 'prescriptions' AS source, p.patient_id AS pid,
    COALESCE(NULLIF(p.request_intent, ''), 'order') AS intent,
    CASE WHEN p.active = '1' AND NULLIF(p.end_date, '') IS NOT NULL THEN 'completed'
        WHEN p.active = '1' THEN 'active' ELSE 'stopped' END AS status,
    COALESCE(NULLIF(p.usage_category, ''), 'community') AS category,
    p.drug AS drug,
    COALESCE(NULLIF(p.rxnorm_drugcode, ''), NULLIF(d.drug_code, '')) AS rxnorm,
    CASE WHEN COALESCE(p.rxnorm_drugcode, '') IN ('', d.drug_code) THEN d.drug_id END AS drug_id,
    p.date_added AS authored_on, p.date_modified AS updated,
    p.provider_id AS requester_id, p.encounter AS encounter,
    p.drug_dosage_instructions AS sig, p.dosage AS dosage,
    COALESCE(NULLIF(p.form, ''), d.form) AS form,
    COALESCE(NULLIF(p.route, ''), d.route) AS route,
    p."interval" AS dose_interval, p.quantity AS quantity, p.refills AS refills,
    p.note AS note, p.diagnosis AS diagnosis, p.indication AS indication,
    CASE WHEN p.reported = '1' THEN '1' ELSE '0' END AS reported,
    p.start_date AS start_date
FROM prescriptions p LEFT JOIN drugs d ON d.drug_id = p.drug_id AND p.drug_id > 0
UNION ALL
SELECT l.uuid, 'lists', l.pid, 'plan',
    CASE WHEN l.activity = '1' AND NULLIF(l.enddate, '') IS NOT NULL THEN 'completed'
        WHEN l.activity = '1' THEN 'active' ELSE 'stopped' END,
    'community', l.title,
    (SELECT d.drug_code FROM drugs d WHERE d.name = l.title AND d.drug_code <> '' ORDER BY d.drug_id LIMIT 1),
    NULL, l.date, l.modifydate,
    (SELECT u.id FROM users u WHERE u.username = l."user" AND u.username <> '' ORDER BY u.id LIMIT 1),
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    l.comments, l.diagnosis, NULL,
    '1', NULL
FROM lists l WHERE l.type = 'medication';
